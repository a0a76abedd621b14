"""What the register states about proofs, cookie choices, membership and mailings is what
the chamber's table of purposes says, and what the site does."""

import pytest
from django.utils import translation
from wagtail.models import Locale

from privacy.models import Purpose
from privacy.selectors import processing_register
from privacy.services.purposes import purposes_ensure, purposes_load_defaults
from website.demo import privacy as demo
from website.demo.privacy import cookies as demo_cookies

pytestmark = pytest.mark.django_db

LANGUAGES = ("nl", "fr", "en")


@pytest.fixture
def register(locales):
    purposes_load_defaults()
    purposes_ensure(specs=demo.SPECS, languages=LANGUAGES)
    purposes_ensure(
        specs=[demo_cookies._purpose_spec(key) for key in demo_cookies.CATEGORIES],
        languages=LANGUAGES,
    )

    def read(code):
        return {entry.key: entry for entry in processing_register(locale=code)}

    return read


def test_the_register_states_how_long_proofs_are_kept(register):
    proofs = register("en")["consent-proofs"]

    assert proofs.purpose == "Proof of consent and of information given"
    assert proofs.legal_basis == "legal_obligation"
    assert proofs.retention == (
        "5 years after the data it proves is deleted; from then on, your e-mail address in it "
        "is replaced by a keyed hash."
    )
    with translation.override("nl"):
        assert register("nl")["consent-proofs"].retention.startswith("5 jaar nadat")


def test_a_cookie_row_says_how_long_the_choice_applies_and_where_its_proof_is(register):
    for key in demo_cookies.CATEGORIES:
        row = register("en")[f"cookies-{key}"]
        assert row.retention == (
            "Your choice applies for 6 months; then we ask again. Its proof is kept as stated "
            "for proofs of consent."
        )
    assert "6 mois" in register("fr")["cookies-analytics"].retention


def test_membership_is_three_purposes_with_their_own_basis_and_period(register):
    rows = register("en")

    assert "membership-services" not in rows
    application = rows["membership-application"]
    assert (application.legal_basis, application.retention) == (
        "contract",
        "1 year after your request has been decided on.",
    )
    member = rows["member-administration"]
    assert member.retention == "While you are a member, and 1 year after your membership ends."
    accounting = rows["accounting"]
    assert accounting.legal_basis == "legal_obligation"
    assert accounting.retention == (
        "7 years after the end of the financial year the invoice belongs to."
    )
    assert "invoice" in accounting.description.lower()


def test_publications_and_surveys_are_two_consents(register):
    rows = register("fr")

    assert "publications-surveys" not in rows
    assert rows["publications"].purpose == "Publications"
    assert rows["surveys"].purpose == "Enquêtes"
    assert {rows["publications"].legal_basis, rows["surveys"].legal_basis} == {"consent"}
    nl = Locale.objects.get(language_code="nl")
    keys = set(Purpose.objects.filter(locale=nl).values_list("key", flat=True))
    assert {"publications", "surveys"} <= keys


def test_no_mailing_names_an_event_registration_provider_or_uncollected_interests(register):
    for code in LANGUAGES:
        for key in ("newsletter", "event-invitations", "publications", "surveys"):
            row = register(code)[key]
            text = f"{row.data} {row.recipients}".lower()
            for word in ("interest", "intérêt", "interesse", "registration", "inscription"):
                assert word not in text, (code, key, text)
