"""In chromium, an officer handles two requests from start to end, as the people involved do:

- an access request, from the visitor's form (in French) to the readable answer, in French;
- an erasure request, to the confirmation e-mail, with the request itself still on record.
"""

import io
import re
import zipfile

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.test import Client
from django.urls import reverse

from privacy.models import (
    ConsentRecord,
    ConsentSource,
    DataRequestPage,
    DataSubjectRequest,
    LegalBasis,
    RequestStatus,
    RetentionStart,
)
from privacy.services import consent_record
from tests.privacy.factories import PurposeFactory
from tests.translations import translation_with_parents

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

VISITOR = "anne@example.org"


@pytest.fixture
def french_request_page(home_page, locales):
    purpose = PurposeFactory(
        key="privacy-request",
        name="Uw privacyverzoek behandelen",
        legal_basis=LegalBasis.LEGAL_OBLIGATION,
        retention_period=3,
        retention_unit="years",
        retention_from=RetentionStart.DECISION,
    )
    french = purpose.copy_for_translation(locales["fr"])
    french.name = "Traiter votre demande relative à la vie privée"
    french.save()
    french.save_revision(log_action=False)
    page = DataRequestPage(title="Uw gegevens", slug="uw-gegevens", intro="<p>Vraag het ons.</p>")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    translated = translation_with_parents(page, locales["fr"])
    translated.title = "Vos données"
    translated.save_revision().publish()
    return translated


@pytest.fixture
def newsletter_subscriber(db):
    purpose = PurposeFactory(
        key="newsletter",
        name="Nieuwsbrief",
        retention_period=0,
        retention_from=RetentionStart.WITHDRAWAL,
    )
    return consent_record(
        purpose=purpose, granted=True, locale="fr", source=ConsentSource.FORM, email=VISITOR
    )


def officers_group() -> Group:
    """``Privacy officers`` as privacy's migrations make it. A browser test's database is
    emptied after each test, so a module run after another one finds the group gone."""
    group, _ = Group.objects.get_or_create(name="Privacy officers")
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="privacy"),
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
    )
    return group


@pytest.fixture
def officer_context(browser, live_server):
    """A browser signed in as a member of ``Privacy officers`` (second factor included)."""
    officer = get_user_model().objects.create_user(
        "officer", "officer@example.org", "pw", is_staff=True
    )
    officer.groups.add(officers_group())
    client = Client()
    client.force_login(officer)
    context = browser.new_context(locale="en-GB")
    context.set_default_timeout(20_000)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    yield context
    context.close()


def link_in(message, part: str) -> str:
    return re.search(rf"https?://\S+{part}\S+/", message.body).group(0)


def local(live_server, link: str) -> str:
    return live_server.url + "/" + link.split("/", 3)[3]


def visitor_sends(browser, live_server, page_url: str, kind: str) -> DataSubjectRequest:
    """The visitor fills the form in French and confirms the address from the e-mail."""
    context = browser.new_context(locale="fr-BE")
    context.set_default_timeout(20_000)
    try:
        page = context.new_page()
        page.goto(live_server.url + page_url)
        page.check(f"input[name=kind][value={kind}]")
        page.fill("input[name=email]", VISITOR)
        page.fill("textarea[name=message]", "Merci de traiter ma demande.")
        page.click("form.form button[type=submit]")
        page.wait_for_selector("[role=status]")

        confirm = link_in(mail.outbox[-1], "/requests/confirm/")
        assert "/fr/" in confirm
        page.goto(local(live_server, confirm))
        assert "Confirmer ma demande" in page.content()
        page.click("form.form button[type=submit]")
        page.wait_for_load_state()
    finally:
        context.close()
    data_request = DataSubjectRequest.objects.get(kind=kind)
    assert data_request.is_confirmed and data_request.locale == "fr"
    return data_request


def officer_opens(page, live_server, data_request):
    """From the list of requests, the officer clicks the request and lands on its screen."""
    page.goto(live_server.url + reverse("data_requests:index"))
    inspect = reverse("data_requests:inspect", args=[data_request.pk])
    page.click(f"a[href='{inspect}']")
    page.wait_for_url(f"**{inspect}")


def test_an_officer_answers_an_access_and_an_erasure_request(
    browser, live_server, officer_context, french_request_page, newsletter_subscriber
):
    """One test for both requests: the first one's answer must not hide the second's."""
    # The access request, from the visitor's form to the readable answer in French.
    data_request = access_request = visitor_sends(
        browser, live_server, french_request_page.url, "access"
    )

    page = officer_context.new_page()
    officer_opens(page, live_server, data_request)
    page.click(f"a[href='{reverse('data_requests:answer', args=[data_request.pk])}']")
    page.fill("textarea[name=note]", "Nous ne conservons rien d'autre.")
    page.click("main form[method=post] button[type=submit]")
    page.wait_for_url(f"**{reverse('data_requests:inspect', args=[data_request.pk])}")

    answer = mail.outbox[-1]
    assert answer.to == [VISITOR]
    assert "Nous ne conservons rien d'autre." in answer.body
    download = officer_context.request.get(local(live_server, link_in(answer, "/requests/answer/")))
    assert download.status == 200
    archive = zipfile.ZipFile(io.BytesIO(download.body()))
    readable = archive.read("answer.html").decode()
    assert '<html lang="fr">' in readable

    reader = officer_context.new_page()
    reader.set_content(readable)
    assert reader.inner_text("h1") == "Les données que nous conservons à votre sujet"
    assert VISITOR in reader.inner_text("body")
    assert data_request.answers.count() == 1

    # The erasure request, to its confirmation, with the request itself still on record.
    data_request = visitor_sends(browser, live_server, french_request_page.url, "erasure")

    page = officer_context.new_page()
    officer_opens(page, live_server, data_request)
    page.click(f"a[href='{reverse('data_requests:reply', args=[data_request.pk])}']")
    page.check("input[name=outcome][value=erased]")
    page.fill("textarea[name=note]", "Vos photos ont aussi été supprimées.")
    page.click("main form[method=post] button[type=submit]")
    page.wait_for_url(f"**{reverse('data_requests:inspect', args=[data_request.pk])}")

    confirmation = mail.outbox[-1]
    assert confirmation.to == [VISITOR]
    assert "Nous avons effacé vos données." in confirmation.body
    assert "Vos photos ont aussi été supprimées." in confirmation.body
    assert not ConsentRecord.objects.filter(subject_email=VISITOR).exists()
    kept = DataSubjectRequest.objects.get(pk=data_request.pk)
    assert kept.email == VISITOR
    assert kept.status == RequestStatus.ANSWERED
    assert kept.replies.filter(outcome="erased").count() == 1
    assert DataSubjectRequest.objects.filter(pk=access_request.pk).exists()
