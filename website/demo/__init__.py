"""The chamber's demo content, which belongs to the project and not to the plugins.

One package per plugin app (``privacy``, ``forms``, ``careers``, ``events``; the home
app's is ``home.demo``), each with ``load(*, log, translate)``, called in order by
``manage.py load_demo``. What several of them do alike lives once in :mod:`.helpers`;
the translations go through :mod:`.localize`.
"""
