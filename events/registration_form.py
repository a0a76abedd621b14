"""The registration form's fixed questions and purposes, which every event page asks.

Editors write an event's extra questions; these come with the page type, in the page's
language, so the participant list, the check-in list and the speakers' list always find the
answers under the same keys (:mod:`events.constants`) and the purposes are always stated the
way the chamber's purpose table says:

- ``event-registration`` (contract): a notice;
- ``event-needs`` (explicit consent, GDPR art. 9(2)(a)): an unticked box, and the dietary or
  access needs question, shown once it is ticked and kept only then, apart from the answers;
- for an event with a participant list, ``participant-list`` (legitimate interest): a
  notice, plus an unticked "do not show me on the participant list" box, recorded as an
  objection, whose help says who sees this event's list;
- for a training, ``trainee-list`` (contract): a notice that the speakers receive the list;
- ``event-photos`` (consent): an unticked, optional box.

The fields are the page type's own questions (:meth:`forms.models.AbstractFormPage.fixed_form_fields`),
handed to the form builder with the editor's, so the HTML form, the headless API
(``GET /api/forms/<id>``) and the editing form's rules see the same form.
"""

from __future__ import annotations

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from forms.models import FieldType

from . import constants as c

AUDIENCE = {
    c.ParticipantListAudience.PARTICIPANTS: _(
        "This event's participant list (first name, name, function) is shown only to its "
        "confirmed participants, through the link in their confirmation e-mail. Your name "
        "appears on it once you confirm your address there."
    ),
    c.ParticipantListAudience.PUBLIC: _(
        "This event's participant list (first name, name, function) is public: anyone can "
        "read it on the event's website until the event ends. Your name appears on it once "
        "you confirm your address through the link in your confirmation e-mail."
    ),
}
CHANGE_LATER = _("You can change this at any time through the link in your confirmation.")


def audience_text(page):
    """Who sees the event's participant list, in the words the form, the event page and the
    e-mails use (translated when shown); "" for an event without a list."""
    return AUDIENCE.get(page.get_source_page().participant_list, "")


def registration_fields(*, page) -> tuple[list, list]:
    """The fixed fields shown before the editor's questions, and those shown after them."""
    from .models import EventFormField

    text, required = FieldType.SINGLELINE, {"required": True}
    email_help = _("Your confirmation and the links to change your registration go here.")
    before = EventFormField.fixed_list(
        page,
        [
            (c.KEY_FIRST_NAME, text, _("First name"), required),
            (c.KEY_LAST_NAME, text, _("Name"), required),
            (c.KEY_FUNCTION, text, _("Function"), {"max_length": c.FUNCTION_MAX_LENGTH}),
            (c.KEY_COMPANY, text, _("Company or organisation"), {}),
            (
                c.KEY_EMAIL,
                FieldType.EMAIL,
                _("E-mail"),
                {**required, "is_subject_email": True, "help_text": email_help},
            ),
        ],
    )
    # No purpose on the site, no question: a field without a purpose is not collected.
    needs_box = EventFormField.fixed_purpose(page, c.KEY_PURPOSE_NEEDS, c.PURPOSE_NEEDS)
    if needs_box is not None:
        needs_help = _("Only what we need to arrange for you, such as a diet or wheelchair access.")
        before += [
            needs_box,
            EventFormField.fixed(
                page,
                c.KEY_NEEDS,
                FieldType.MULTILINE,
                _("Dietary or access needs"),
                requires_consent=c.KEY_PURPOSE_NEEDS,
                help_text=needs_help,
            ),
        ]
    questions = []
    purposes = [
        (c.KEY_PURPOSE_PHOTOS, c.PURPOSE_PHOTOS),
        (c.KEY_PURPOSE_REGISTRATION, c.PURPOSE_REGISTRATION),
    ]
    if page.has_participant_list:
        objection = _("Do not show me on the participant list")
        list_help = format_lazy("{} {}", audience_text(page), CHANGE_LATER)
        questions.append(
            (c.KEY_LIST_OBJECTION, FieldType.CHECKBOX, objection, {"help_text": list_help})
        )
        purposes.append((c.KEY_PURPOSE_PARTICIPANT_LIST, c.PURPOSE_PARTICIPANT_LIST))
    if page.kind == c.EventKind.TRAINING:
        purposes.append((c.KEY_PURPOSE_TRAINEE_LIST, c.PURPOSE_TRAINEE_LIST))
    return before, EventFormField.fixed_list(page, questions, purposes=purposes)
