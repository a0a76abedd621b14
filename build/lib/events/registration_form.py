"""The registration form's fixed questions and purposes, which every event page asks.

Editors write an event's extra questions; these come with the page type, in the page's
language, so the participant list, the check-in list and the speakers' list always find the
answers under the same keys (:mod:`events.constants`) and the purposes are always stated the
way the chamber's purpose table says:

- ``event-registration`` (contract): a notice;
- for a public participant list, ``participant-list`` (legitimate interest): a notice, plus an
  unticked "do not show me on the participant list" box, recorded as an objection;
- for a training, ``trainee-list`` (contract): a notice that the speakers receive the list;
- ``event-photos`` (consent): an unticked, optional box.

The fields are unsaved field instances handed to the form builder with the editor's own, so
the HTML form and the headless API (``GET /api/forms/<id>``) show the same form.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from forms.cache import cached
from forms.models import FieldType
from privacy.models import Purpose

from .constants import (
    FIXED_KEYS,
    KEY_COMPANY,
    KEY_EMAIL,
    KEY_FIRST_NAME,
    KEY_FUNCTION,
    KEY_LAST_NAME,
    KEY_LIST_OBJECTION,
    KEY_NEEDS,
    KEY_PURPOSE_PARTICIPANT_LIST,
    KEY_PURPOSE_PHOTOS,
    KEY_PURPOSE_REGISTRATION,
    KEY_PURPOSE_TRAINEE_LIST,
    PURPOSE_PARTICIPANT_LIST,
    PURPOSE_PHOTOS,
    PURPOSE_REGISTRATION,
    PURPOSE_TRAINEE_LIST,
    EventKind,
)

PURPOSE_KEYS = (
    PURPOSE_REGISTRATION,
    PURPOSE_PARTICIPANT_LIST,
    PURPOSE_TRAINEE_LIST,
    PURPOSE_PHOTOS,
)


def _purposes() -> dict[str, Purpose]:
    """The event purposes (any translation: the builder shows them in the page's language)."""

    def load() -> dict[str, Purpose]:
        found: dict[str, Purpose] = {}
        for purpose in Purpose.objects.filter(key__in=PURPOSE_KEYS).order_by("pk"):
            found.setdefault(purpose.key, purpose)
        return found

    return cached("events:purposes", load)


def _field(page, key: str, field_type: str, label="", *, required=False, **options):
    from .models import EventFormField

    field = EventFormField(
        key=key,
        clean_name=key,
        field_type=field_type,
        label=label,
        required=required,
        page_id=page.pk,
        locale_id=page.locale_id,
        **options,
    )
    field._source_choices = ""
    return field


def registration_fields(*, page) -> tuple[list, list]:
    """The fixed fields shown before the editor's questions, and those shown after them."""
    before = [
        _field(page, KEY_FIRST_NAME, FieldType.SINGLELINE, _("First name"), required=True),
        _field(page, KEY_LAST_NAME, FieldType.SINGLELINE, _("Name"), required=True),
        _field(page, KEY_FUNCTION, FieldType.SINGLELINE, _("Function")),
        _field(page, KEY_COMPANY, FieldType.SINGLELINE, _("Company or organisation")),
        _field(
            page,
            KEY_EMAIL,
            FieldType.EMAIL,
            _("E-mail"),
            required=True,
            is_subject_email=True,
            help_text=_("Your confirmation and the links to change your registration go here."),
        ),
        _field(
            page,
            KEY_NEEDS,
            FieldType.MULTILINE,
            _("Dietary or access needs"),
            help_text=_("Optional. Only what we need to arrange for you; no medical details."),
        ),
    ]
    purposes = _purposes()
    after = []
    if page.participant_list_public:
        after.append(
            _field(
                page,
                KEY_LIST_OBJECTION,
                FieldType.CHECKBOX,
                _("Do not show me on the participant list"),
                help_text=_(
                    "You can change this at any time through the link in your confirmation."
                ),
            )
        )

    def purpose_field(key: str, purpose_key: str):
        purpose = purposes.get(purpose_key)
        if purpose is not None:
            after.append(_field(page, key, FieldType.PURPOSE, purpose.name, purpose=purpose))

    purpose_field(KEY_PURPOSE_PHOTOS, PURPOSE_PHOTOS)
    purpose_field(KEY_PURPOSE_REGISTRATION, PURPOSE_REGISTRATION)
    if page.participant_list_public:
        purpose_field(KEY_PURPOSE_PARTICIPANT_LIST, PURPOSE_PARTICIPANT_LIST)
    if page.kind == EventKind.TRAINING:
        purpose_field(KEY_PURPOSE_TRAINEE_LIST, PURPOSE_TRAINEE_LIST)
    return before, after


def editor_fields(fields) -> list:
    """The editor's questions, less any that would take a fixed question's key."""
    return [field for field in fields if field.form_key not in FIXED_KEYS]
