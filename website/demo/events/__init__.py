"""Demo content of the events app: the Events group and its inbox, the agenda with an upcoming
public event with two speakers, a training and a past event, in nl, fr and en.

Runs after the privacy and forms demos (it needs the event purposes). Idempotent: what exists
is left as it is. Dates are set relative to the first load.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from events import conf
from events.constants import PURPOSE_REGISTRATION
from events.models import EventIndexPage, EventPage, EventPageSpeaker, Speaker
from forms.models import Inbox
from privacy.models import Purpose

from ..helpers import Log, group_ensure, inbox_ensure, page_at_slug
from .content import EVENTS, INDEX, SPEAKERS, TRANSLATIONS

INBOX = "Event registrations"
NOTIFICATION_ADDRESS = "evenementen@example.org"


def load(*, log: Log, translate: Callable[..., Page | None]) -> None:
    source_locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    others = [
        Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
        if code != source_locale.language_code
    ]
    # The organisers: they read the registrations inbox and the check-in lists.
    group = group_ensure(name=conf.group_name(), log=log)
    inbox = inbox_ensure(
        name=INBOX,
        group=group,
        purpose=Purpose.objects.get(key=PURPOSE_REGISTRATION, locale=source_locale),
        notification_address=NOTIFICATION_ADDRESS,
        log=log,
        names={"nl": "Inschrijvingen voor evenementen", "fr": "Inscriptions aux événements"},
    )
    speakers = [_speaker_ensure(spec, source_locale, others, log, translate) for spec in SPEAKERS]
    home = Site.objects.get(is_default_site=True).root_page.specific
    index = _index_ensure(home, log)
    pages = [index]
    for spec in EVENTS:
        pages.append(_event_ensure(index, spec, inbox, speakers, log))
    for page in pages:
        for locale in others:
            translate(page=page, locale=locale, texts=TRANSLATIONS[locale.language_code], log=log)


def _speaker_ensure(
    spec: dict, source_locale: Locale, others: list[Locale], log: Log, translate
) -> Speaker:
    speaker = Speaker.objects.filter(name=spec["name"], locale=source_locale).first()
    if speaker is None:
        speaker = Speaker.objects.create(locale=source_locale, **spec)
        log(f"Created speaker {speaker.name!r}.")
    for locale in others:
        translate(
            instance=speaker, locale=locale, texts=TRANSLATIONS[locale.language_code], log=log
        )
    return speaker


def _index_ensure(home: Page, log: Log) -> EventIndexPage:
    existing = page_at_slug(parent=home, slug=INDEX["slug"], model=EventIndexPage, log=log)
    if existing is not None:
        return existing
    index = EventIndexPage(locale=home.locale, **INDEX)
    home.add_child(instance=index)
    index.save_revision().publish()
    log(f"Created the agenda at /{home.locale.language_code}/{index.slug}/.")
    return index


def _event_ensure(index, spec: dict, inbox: Inbox, speakers: list[Speaker], log: Log) -> EventPage:
    existing = page_at_slug(parent=index, slug=spec["page"]["slug"], model=EventPage, log=log)
    if existing is not None:
        return existing
    start = (timezone.now() + timedelta(days=spec["days"])).replace(
        hour=18, minute=0, second=0, microsecond=0
    )
    page = EventPage(
        locale=index.locale,
        inbox=inbox,
        start=start,
        end=start + timedelta(hours=spec["hours"]),
        registration_deadline=start - timedelta(days=2) if spec["days"] > 2 else None,
        **spec["page"],
    )
    page.event_speakers = [
        EventPageSpeaker(speaker=speakers[n], sort_order=order)
        for order, n in enumerate(spec["speakers"])
    ]
    index.add_child(instance=page)
    page.save_revision().publish()
    log(f"Created {page.get_kind_display().lower()} {page.title!r}.")
    return page
