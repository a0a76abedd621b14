"""Fixtures of a contact form and its inbox: the forms tests use them, and so do the site's
tests of what every response carries. Registered for the whole suite in ``tests/conftest.py``."""

import pytest

from forms.models import FieldType
from privacy.models import LegalBasis
from tests.forms.factories import FormFieldFactory, FormPageFactory, InboxFactory
from tests.privacy.factories import PurposeFactory
from tests.users import make_user


@pytest.fixture
def answer_purpose(db):
    return PurposeFactory(
        key="answer-request",
        name="Antwoord op uw vraag",
        consent_text="We gebruiken uw gegevens om uw vraag te beantwoorden.",
        legal_basis=LegalBasis.LEGITIMATE_INTEREST,
        recipients="Onze ledendienst",
        retention_period=1,
        retention_unit="years",
    )


@pytest.fixture
def newsletter_purpose(db):
    return PurposeFactory(key="newsletter", consent_text="Stuur mij de nieuwsbrief.")


@pytest.fixture
def inbox(db):
    return InboxFactory(name="Contact requests", group__name="Secretariat")


@pytest.fixture
def contact_page(home, inbox, answer_purpose, newsletter_purpose):
    """Name, e-mail (the subject's), question, optional attachment, a notice (answering the
    request, legitimate interest) and an optional consent box (newsletter)."""
    page = FormPageFactory(parent=home, title="Contact", slug="contact", inbox=inbox)
    fields = [
        {"label": "Naam", "key": "name"},
        {
            "label": "E-mail",
            "key": "email",
            "field_type": FieldType.EMAIL,
            "is_subject_email": True,
        },
        {"label": "Vraag", "key": "question", "field_type": FieldType.MULTILINE},
        {"label": "Bijlage", "key": "attachment", "field_type": FieldType.FILE, "required": False},
        {
            "label": "Antwoord",
            "key": "consent_answer",
            "field_type": FieldType.PURPOSE,
            "purpose": answer_purpose,
        },
        {
            "label": "Nieuwsbrief",
            "key": "consent_newsletter",
            "field_type": FieldType.PURPOSE,
            "purpose": newsletter_purpose,
        },
    ]
    for order, options in enumerate(fields):
        FormFieldFactory(page=page, sort_order=order, **options)
    return page


@pytest.fixture
def valid_data():
    return {
        "name": "Jan Peeters",
        "email": " Jan.Peeters@Example.org ",
        "question": "Wanneer is de volgende netwerkavond?",
    }


@pytest.fixture
def secretary(inbox):
    return make_user("secretary", groups=[inbox.group])
