"""Demo content of the careers app: the recruitment group and inbox, the vacancy index, two
open vacancies, a closed one and the spontaneous application page, in nl, fr and en.

Runs after the home, privacy and forms demos: it replaces home's placeholder "Vacatures" page
and binds the forms to the privacy demo's purposes. Idempotent: what exists is left as
editors made it. Translations go through wagtail-localize (``translate``), so editors can
keep them up to date in the admin.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.models import Group
from django.utils import timezone, translation
from wagtail.models import Locale, Page, Site

from careers import conf
from careers.constants import APPLICATION_PURPOSE, TALENT_POOL_PURPOSE, ApplicationStatus
from careers.models import (
    RejectionEmailTemplate,
    SpontaneousApplicationPage,
    VacancyIndexPage,
    VacancyPage,
)
from forms.models import Inbox
from privacy.models import OutcomeRetention, Purpose
from privacy.periods import Period, PeriodUnit

from ..helpers import ACCESS_ADMIN, Log, group_ensure, inbox_ensure, page_at_slug
from .content import INDEX, REJECTION, SPONTANEOUS, TRANSLATIONS, VACANCIES

NOTIFICATION_ADDRESS = "hr@example.org"
# The privacy officers may change these; the demo only sets them when missing.
OUTCOME_PERIODS = {
    ApplicationStatus.REJECTED: Period(4, PeriodUnit.WEEKS),
    ApplicationStatus.WITHDRAWN: Period(4, PeriodUnit.WEEKS),
    ApplicationStatus.HIRED: Period(1, PeriodUnit.MONTHS),
}


def load(*, log: Log, translate: Callable[..., Page | None]) -> None:
    source_locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    group = recruitment_group_ensure(log=log)
    inbox = recruitment_inbox_ensure(group=group, source_locale=source_locale, log=log)
    outcome_retention_ensure(log=log)
    rejection_templates_ensure(log=log)
    home = Site.objects.get(is_default_site=True).root_page.specific
    index = index_ensure(parent=home, log=log)
    pages = [index]
    pages.append(
        form_page_ensure(
            parent=index, model=SpontaneousApplicationPage, spec=SPONTANEOUS, inbox=inbox, log=log
        )
    )
    today = timezone.localdate()
    for spec in VACANCIES:
        page_spec = {
            **spec["page"],
            "closing_date": today + datetime.timedelta(days=spec["closes_in_days"]),
            "date_posted": today - datetime.timedelta(days=20),
        }
        pages.append(
            form_page_ensure(parent=index, model=VacancyPage, spec=page_spec, inbox=inbox, log=log)
        )
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        if code == source_locale.language_code:
            continue
        locale = Locale.objects.get(language_code=code)
        texts = {**TRANSLATIONS[code], **_purpose_names(code)}
        for page in pages:
            translate(page=page, locale=locale, texts=texts, log=log)


def recruitment_group_ensure(*, log: Log) -> Group:
    """Recruiters read applications (by rule, not by permission) and word the rejection
    e-mail themselves."""
    return group_ensure(
        name=conf.recruitment_group(),
        permissions=[
            ACCESS_ADMIN,
            *(
                ("careers", f"{action}_rejectionemailtemplate")
                for action in ("add", "change", "view")
            ),
        ],
        log=log,
    )


def recruitment_inbox_ensure(*, group: Group, source_locale: Locale, log: Log) -> Inbox:
    return inbox_ensure(
        name=conf.recruitment_inbox(),
        group=group,
        purpose=Purpose.objects.get(key=APPLICATION_PURPOSE, locale=source_locale),
        notification_address=NOTIFICATION_ADDRESS,
        log=log,
        names={"nl": "Rekrutering", "fr": "Recrutement"},
    )


def outcome_retention_ensure(*, log: Log) -> None:
    for outcome, period in OUTCOME_PERIODS.items():
        _rule, created = OutcomeRetention.objects.get_or_create(
            purpose_key=APPLICATION_PURPOSE,
            outcome=outcome,
            defaults={"retention_period": period.amount, "retention_unit": period.unit},
        )
        if created:
            log(f"Applications {outcome}: kept {period.amount} {period.unit} after the decision.")


def rejection_templates_ensure(*, log: Log) -> None:
    source = RejectionEmailTemplate.objects.filter(
        locale__language_code=settings.LANGUAGE_CODE
    ).first()
    if source is None:
        subject, body = REJECTION[settings.LANGUAGE_CODE]
        source = RejectionEmailTemplate.objects.create(
            locale=Locale.objects.get(language_code=settings.LANGUAGE_CODE),
            subject=subject,
            body=body,
        )
        log("Created the rejection e-mail.")
    for code, (subject, body) in REJECTION.items():
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None or source.get_translation_or_none(locale) is not None:
            continue
        translated = source.copy_for_translation(locale)
        translated.subject, translated.body = subject, body
        translated.save()
        log(f"Translated the rejection e-mail into {code}.")


def _purpose_names(code: str) -> dict[str, str]:
    """The purposes' names (the purpose fields' labels), Dutch to ``code``."""
    names = {}
    for key in (APPLICATION_PURPOSE, TALENT_POOL_PURPOSE):
        by_language = dict(
            Purpose.objects.filter(key=key).values_list("locale__language_code", "name")
        )
        if settings.LANGUAGE_CODE in by_language and code in by_language:
            names[by_language[settings.LANGUAGE_CODE]] = by_language[code]
    return names


def index_ensure(*, parent: Page, log: Log) -> VacancyIndexPage:
    """The vacancy index at its slug, replacing home's placeholder page there once."""
    existing = page_at_slug(parent=parent, slug=INDEX["slug"], model=VacancyIndexPage, log=log)
    if existing is not None:
        return existing
    index = VacancyIndexPage(locale=parent.locale, **INDEX)
    parent.add_child(instance=index)
    index.save_revision().publish()
    log(f"Created the vacancy index at /{parent.locale.language_code}/{index.slug}/.")
    return index


def form_page_ensure(*, parent: Page, model, spec: dict, inbox: Inbox, log: Log):
    existing = page_at_slug(parent=parent, slug=spec["slug"], model=model, log=log)
    if existing is not None:
        return existing
    page = model(locale=parent.locale, inbox=inbox, **spec)
    with translation.override(parent.locale.language_code):
        page.form_fields = model.default_form_fields(language=parent.locale.language_code)
    parent.add_child(instance=page)
    page.save_revision().publish()
    log(
        f"Created {model.__name__} {page.title!r} at /{parent.locale.language_code}/…/{page.slug}/."
    )
    return page
