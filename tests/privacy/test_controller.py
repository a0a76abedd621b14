"""The controller identity: who is responsible, named in the reader's language by the
notices, the e-mails, the API and the policy, with the arrangement of several controllers."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import translation

from privacy.models import ControllerIdentity
from privacy.selectors import controller_name, purpose_notice
from privacy.services.mail import mail_send
from tests.privacy.factories import PurposeFactory
from tests.privacy.mail import html_part
from tests.privacy.policy_factories import controller_identity, policy_page

pytestmark = pytest.mark.django_db

NOTICE = "privacy_testapp/email/notice"
NAMES = {
    "nl": ("Kamer van Koophandel Benelux vzw",),
    "fr": ("Chambre de commerce Benelux asbl",),
    "en": ("Benelux Chamber of Commerce",),
}


@pytest.fixture
def identities(locales):
    return {code: controller_identity(locales[code], names=NAMES[code]) for code in NAMES}


def test_notices_name_the_controller_in_the_readers_language(identities, locales):
    purpose = PurposeFactory(key="answer-request", legal_basis="legitimate_interest")

    for code, (name,) in NAMES.items():
        assert purpose_notice(purpose, code).controller == name
        with translation.override(code):
            assert controller_name() == name


@pytest.mark.parametrize("staff", [False, True])
@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_mail_names_its_sender_in_its_language_and_links_to_the_policy(
    identities, home_page, language, staff
):
    policy_page(home_page)
    mail_send(
        to="ann@example.org",
        template=NOTICE,
        language=language,
        context={"title": "x"},
        staff=staff,
    )

    [message] = mail.outbox
    (name,) = NAMES[language]
    for part in (message.body, html_part(message)):
        assert name in part
        assert "Kamer van Koophandel" not in part
        assert "/privacy/" in part  # the policy, from the footer


def test_several_controllers_must_state_their_arrangement(locales):
    identity = ControllerIdentity(
        locale=locales["nl"],
        controllers=[
            ("controller", {"name": "A vzw", "address": "x", "company_number": "1"}),
            ("controller", {"name": "B vzw", "address": "y", "company_number": "2"}),
        ],
        contact="De privacyverantwoordelijke",
        contact_email="privacy@example.org",
    )
    with pytest.raises(ValidationError) as refused:
        identity.full_clean()
    assert "arrangement" in refused.value.message_dict

    identity.arrangement = "A beantwoordt alle verzoeken, ook over B."
    identity.full_clean()


def test_the_policy_page_names_the_controllers_and_their_arrangement(client, home_page, locales):
    controller_identity(locales["nl"], names=("A vzw", "B vzw"))
    page = policy_page(home_page)

    page_html = client.get(page.url).content.decode()
    start = page_html.index('id="controller"')
    html = page_html[start : page_html.index("</section>", start)]

    assert html.count("data-controller") == 2
    assert "A vzw" in html and "B vzw" in html
    assert "A vzw &amp; B vzw" not in html
    assert "De eerste beantwoordt alle verzoeken." in html
    assert "mailto:privacy@example.org" in html
    assert page.controller["controllers"][1]["company_number"] == "01"


def test_a_renamed_site_names_the_controller_at_once_when_no_identity_is_stated(
    default_site,
):
    default_site.site_name = "Kamer van Koophandel"
    default_site.save()
    assert controller_name("nl") == "Kamer van Koophandel"  # read, and kept in the cache

    default_site.site_name = "Kamer van Koophandel Benelux"
    default_site.save()

    assert controller_name("nl") == "Kamer van Koophandel Benelux"
