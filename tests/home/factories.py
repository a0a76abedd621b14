"""Factories for the home app's pages; pass ``parent=`` to place them in the tree."""

import datetime

import factory
import wagtail_factories

from home.models import HomePage, NewsIndexPage, NewsPage, StandardPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Welkom"
    slug = factory.Sequence(lambda n: f"home-{n}")
    hero_title = "Kamer van Koophandel"
    hero_text = "Wij verbinden ondernemers."
    intro = "<p>Een introductie.</p>"

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Pagina {n}")
    slug = factory.Sequence(lambda n: f"pagina-{n}")
    intro = "Inleiding."
    show_in_menus = True

    class Meta:
        model = StandardPage


def translate(page, locale, **fields):
    """A published translation of ``page`` in ``locale`` with ``fields`` overridden.

    Uses Wagtail's own ``copy_for_translation`` (what wagtail-localize builds on), so the
    translation shares the page's translation key like a real one.
    """
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save()
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Nieuws"
    slug = factory.Sequence(lambda n: f"nieuws-{n}")

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Bericht {n}")
    slug = factory.Sequence(lambda n: f"bericht-{n}")
    date = datetime.date(2026, 11, 1)
    intro = "Een samenvatting."

    class Meta:
        model = NewsPage
        skip_postgeneration_save = True

    @factory.post_generation
    def tags(page, create, extracted, **kwargs):
        """``NewsPageFactory(tags=["export"])`` tags the published page."""
        if extracted:
            page.tags.add(*extracted)
            page.save_revision().publish()
