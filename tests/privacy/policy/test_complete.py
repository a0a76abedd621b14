"""The policy page states what arts. 13 and 14 ask, from the site's data: a table of contents,
the register grouped, whether each purpose's data is required, every right, and where to
complain."""

import pytest
from django.utils import translation

from privacy.models import LegalBasis
from privacy.register import register_entry
from tests.privacy.factories import PurposeFactory
from tests.privacy.policy_factories import controller_identity, policy_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def html(client, home_page, locales):
    controller_identity(locales["nl"])
    PurposeFactory(key="newsletter", name="Nieuwsbrief")
    PurposeFactory(
        key="answer-request",
        name="Uw vraag",
        legal_basis=LegalBasis.LEGITIMATE_INTEREST,
        legitimate_interest="Mensen die ons schrijven antwoorden.",
    )
    PurposeFactory(key="cookies-analytics", name="Analytische cookies")
    page = policy_page(home_page)
    return client.get(page.url).content.decode()


def test_the_page_has_a_table_of_contents_of_its_sections(html):
    start = html.index('class="policy-contents"')
    contents = html[start : html.index("</nav>", start)]
    for anchor in ("cookies", "controller", "register", "rights", "authorities"):
        assert f'href="#{anchor}"' in contents
        assert f'id="{anchor}"' in html


def test_the_register_is_grouped(html):
    services = html.index('id="register-services"')
    communication = html.index('id="register-communication"')
    cookies = html.index('id="register-cookies"')
    assert services < html.index('id="purpose-answer-request"') < communication
    assert communication < html.index('id="purpose-newsletter"') < cookies
    assert cookies < html.index('id="purpose-cookies-analytics"')


def test_every_right_and_every_authority_is_stated(html):
    for right in (
        "Inzage",
        "Verbetering",
        "Wissing",
        "Beperking",
        "Overdraagbaarheid",
        "Bezwaar",
        "Intrekking van de toestemming",
        "Geen geautomatiseerde besluiten",
        "Klacht",
    ):
        assert f"<dt>{right}</dt>" in html
    assert "binnen een maand" in html
    assert html.count("data-authority") == 3
    assert "https://www.autoriteitpersoonsgegevens.nl/" in html
    assert "15, Boulevard du Jazz, L-4370 Belvaux" in html


def test_each_purpose_says_whether_its_data_is_required_and_the_interest_pursued(html):
    assert "Nee. Zonder uw toestemming doen we dit niet" in html
    assert "Niet wettelijk, maar zonder kunnen we niet doen waarvoor ze dienen" in html
    assert "Mensen die ons schrijven antwoorden." in html


def test_the_api_register_carries_the_same_words(locales):
    purpose = PurposeFactory(key="job-application", legal_basis=LegalBasis.CONTRACT)
    with translation.override("en"):
        entry = register_entry(purpose).as_dict()
    assert (
        entry["required"] == "Yes, to handle your request or our agreement; without it we cannot."
    )
