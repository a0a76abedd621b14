"""A small site for the headless tests: a contact form under the Dutch home page."""

import pytest

from forms.models import FieldType
from privacy.models import LegalBasis
from tests.forms.factories import FormFieldFactory, FormPageFactory, InboxFactory
from tests.privacy.factories import PurposeFactory

FRONTEND = "http://localhost:3000"


@pytest.fixture
def frontend(settings):
    """One front-end origin allowed, as ``CORS_ALLOWED_ORIGINS=http://localhost:3000`` does."""
    settings.CORS_ALLOWED_ORIGINS = [FRONTEND]
    return FRONTEND


@pytest.fixture
def contact_form(home_page):
    """Name and e-mail, a notice (legitimate interest) and a newsletter consent box."""
    inbox = InboxFactory(name="Contact requests", group__name="Secretariat")
    answer = PurposeFactory(
        key="answer-request",
        name="Antwoord",
        consent_text="We beantwoorden uw vraag.",
        legal_basis=LegalBasis.LEGITIMATE_INTEREST,
    )
    newsletter = PurposeFactory(key="newsletter", consent_text="Stuur mij de nieuwsbrief.")
    page = FormPageFactory(parent=home_page, title="Contact", slug="contact", inbox=inbox)
    fields = [
        {"label": "Naam", "key": "name"},
        {
            "label": "E-mail",
            "key": "email",
            "field_type": FieldType.EMAIL,
            "is_subject_email": True,
        },
        {"label": "Antwoord", "key": "answer", "field_type": FieldType.PURPOSE, "purpose": answer},
        {"label": "Nieuws", "key": "news", "field_type": FieldType.PURPOSE, "purpose": newsletter},
    ]
    for order, options in enumerate(fields):
        FormFieldFactory(page=page, sort_order=order, **options)
    return page
