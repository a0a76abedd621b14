"""Demo content of the events app: the Events group and its inbox, the agenda with an upcoming
public event with two speakers, a training and a past event, in nl, fr and en.

Runs after the privacy and forms demos (it needs the event purposes). Idempotent: what exists
is left as it is. Dates are set relative to the first load.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from forms.models import Inbox
from privacy.models import Purpose

from . import conf
from .constants import PURPOSE_REGISTRATION
from .demo_content import EVENTS, INDEX, SPEAKERS, TRANSLATIONS
from .models import EventIndexPage, EventPage, EventPageSpeaker, Speaker

Log = Callable[[str], None]

INBOX = "Event registrations"
NOTIFICATION_ADDRESS = "evenementen@example.org"


def load(*, log: Log, translate: Callable[..., Page | None]) -> None:
    source_locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    others = [
        Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
        if code != source_locale.language_code
    ]
    group = events_group_ensure(log=log)
    inbox = events_inbox_ensure(group=group, source_locale=source_locale, log=log)
    speakers = [_speaker_ensure(spec, source_locale, others, log, translate) for spec in SPEAKERS]
    home = Site.objects.get(is_default_site=True).root_page.specific
    index = _index_ensure(home, log)
    pages = [index]
    for spec in EVENTS:
        pages.append(_event_ensure(index, spec, inbox, speakers, log))
    for page in pages:
        for locale in others:
            translate(page=page, locale=locale, texts=TRANSLATIONS[locale.language_code], log=log)


def events_group_ensure(*, log: Log) -> Group:
    """The organisers: they read the registrations inbox and the check-in lists."""
    name = conf.group_name()
    group, created = Group.objects.get_or_create(name=name)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    if created:
        log(f"Created group {name!r}; its members read event registrations.")
    return group


def events_inbox_ensure(*, group: Group, source_locale: Locale, log: Log) -> Inbox:
    purpose = Purpose.objects.get(key=PURPOSE_REGISTRATION, locale=source_locale)
    inbox, created = Inbox.objects.get_or_create(
        name=INBOX,
        defaults={"group": group, "purpose": purpose, "notification_address": NOTIFICATION_ADDRESS},
    )
    if created:
        log(f"Created inbox {INBOX!r} for group {group.name!r}.")
    return inbox


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
    existing = home.get_children().filter(slug=INDEX["slug"]).first()
    if existing is not None:
        return existing.specific
    index = EventIndexPage(locale=home.locale, **INDEX)
    home.add_child(instance=index)
    index.save_revision().publish()
    log(f"Created the agenda at /{home.locale.language_code}/{index.slug}/.")
    return index


def _event_ensure(index, spec: dict, inbox: Inbox, speakers: list[Speaker], log: Log) -> EventPage:
    existing = index.get_children().filter(slug=spec["page"]["slug"]).first()
    if existing is not None:
        return existing.specific
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
