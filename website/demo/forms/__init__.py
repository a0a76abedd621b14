"""Demo content of the forms app: the Secretariat, its two inboxes and two forms in nl/fr/en.

Runs after the home and privacy demos: it hangs the forms under the Dutch home page and binds
them to the privacy demo's purposes. Idempotent: existing inboxes and form pages are left as
they are; a placeholder page at a form's slug (the home demo's "contact") is replaced once.
Translations go through wagtail-localize so editors can keep them up to date in the admin.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from wagtail.models import Locale, Page, Site

from forms.admin_forms import field_problems
from forms.models import FieldType, FormField, FormPage, Inbox
from privacy.models import Purpose
from privacy.services.purposes import purposes_load_defaults

from ..helpers import Log, group_ensure, inbox_ensure, page_at_slug
from .content import CONTACT, MEMBERSHIP, PURPOSE_LABELS, TRANSLATIONS

NOTIFICATION_ADDRESS = "secretariaat@example.org"


def load(*, log: Log, translate: Callable[..., Page | None]) -> None:
    """``translate`` makes a page's translation into a locale (the project's helper)."""
    source_locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    # How every form is protected against abuse, in the forms plugin's own words.
    created = purposes_load_defaults(app_labels=["forms"])
    log(f"The forms' protection purpose ({created} created)")
    group = group_ensure(name=settings.SECRETARIAT_GROUP, log=log)
    home = Site.objects.get(is_default_site=True).root_page.specific
    for spec in (CONTACT, MEMBERSHIP):
        purpose = Purpose.objects.get(key=spec["purpose"], locale=source_locale)
        inbox = inbox_ensure(
            name=spec["inbox"],
            group=group,
            purpose=purpose,
            notification_address=NOTIFICATION_ADDRESS,
            log=log,
            names=spec["inbox_names"],
        )
        page = form_page_ensure(parent=home, spec=spec, inbox=inbox, log=log)
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
            if code != source_locale.language_code:
                translate(
                    page=page,
                    locale=Locale.objects.get(language_code=code),
                    texts=TRANSLATIONS[code],
                    log=log,
                )


def _fields(spec: dict, source_locale: Locale) -> list[FormField]:
    fields = []
    for order, options in enumerate(spec["fields"]):
        options = dict(options)
        purpose_key = options.pop("purpose", None)
        if purpose_key:
            # Never required: a box is consent freely given, a notice asks nothing.
            options.update(
                field_type=FieldType.PURPOSE,
                required=False,
                label=PURPOSE_LABELS[purpose_key],
                purpose=Purpose.objects.get(key=purpose_key, locale=source_locale),
            )
        fields.append(FormField(sort_order=order, **options))
    return fields


def form_page_ensure(*, parent: Page, spec: dict, inbox: Inbox, log: Log) -> FormPage:
    """The form page at ``spec``'s slug under ``parent``, replacing a placeholder there."""
    existing = page_at_slug(parent=parent, slug=spec["page"]["slug"], model=FormPage, log=log)
    if existing is not None:
        return existing
    fields = _fields(spec, parent.locale)
    problems = field_problems(fields, inbox_purpose=inbox.purpose)
    if problems:
        raise ValueError(f"Demo form {spec['page']['slug']!r} breaks the rules: {problems}")
    page = FormPage(locale=parent.locale, inbox=inbox, **spec["page"])
    page.form_fields = fields
    parent.add_child(instance=page)
    page.save_revision().publish()
    log(f"Created form page {page.title!r} at /{parent.locale.language_code}/{page.slug}/.")
    return page
