"""Handling a data-subject request: every right offered, one screen, an answer per kind."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from wagtail.models import ModelLogEntry

from privacy.models import (
    ConsentRecord,
    DataSubjectRequest,
    LegalBasis,
    RequestKind,
    RequestReply,
    RequestStatus,
)
from privacy.services.mail import mail_send
from tests.privacy.factories import ConsentRecordFactory, PurposeFactory
from tests.privacy.request_fixtures import admin_url

pytestmark = pytest.mark.django_db

EVERY_RIGHT = {
    "access",
    "rectification",
    "erasure",
    "restriction",
    "portability",
    "objection",
    "withdrawal",
}


def test_the_request_form_offers_every_right(client, request_page):
    page = client.get(request_page.url).content.decode()

    offered = set(re.findall(r'name="kind" value="([a-z]+)"', page))

    assert offered == EVERY_RIGHT


@pytest.mark.parametrize("kind", ["restriction", "portability"])
def test_the_new_rights_are_filed_like_the_others(send, kind):
    send(kind=kind)

    assert DataSubjectRequest.objects.get().kind == kind


def test_privacy_erase_keeps_the_request_and_its_answers(confirmed, officer):
    from privacy.services import request_replies

    request_replies.request_reply_send(
        request=confirmed, outcome="refused", note="Wij kennen u niet.", user=officer
    )
    ConsentRecordFactory(subject_email="ann@example.org")

    call_command("privacy_erase", "ann@example.org", "--yes", stdout=None)

    assert DataSubjectRequest.objects.filter(pk=confirmed.pk).exists()
    assert RequestReply.objects.filter(request=confirmed).exists()
    assert not ConsentRecord.objects.filter(subject_email="ann@example.org").exists()


def test_clicking_a_request_opens_its_handling_screen(client, officer, confirmed):
    client.force_login(officer)

    listing = client.get(admin_url("index")).content.decode()

    assert f'href="{admin_url("inspect", confirmed.pk)}"' in listing
    assert f'href="{admin_url("edit", confirmed.pk)}"' not in listing
    screen = client.get(admin_url("inspect", confirmed.pk)).content.decode()
    assert "ann@example.org" in screen
    assert "Wat bewaart u over mij?" in screen
    assert confirmed.due_date.strftime("%-d") in screen
    # The history: the requester confirmed the address.
    assert "Address confirmed by the requester" in screen or "bevestigd" in screen
    for action in ("reply", "export", "answer", "close"):
        assert admin_url(action, confirmed.pk) in screen


def kind_request(confirmed, kind):
    DataSubjectRequest.objects.filter(pk=confirmed.pk).update(kind=kind)
    confirmed.refresh_from_db()
    return confirmed


def reply(client, data_request, outcome, note="", capture=None):
    return client.post(admin_url("reply", data_request.pk), {"outcome": outcome, "note": note})


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client


def test_only_the_answers_of_the_requests_kind_are_offered(officer_client, confirmed):
    kind_request(confirmed, RequestKind.RECTIFICATION)

    page = officer_client.get(admin_url("reply", confirmed.pk)).content.decode()

    assert set(re.findall(r'name="outcome" value="([a-z]+)"', page)) == {
        "rectified",
        "extended",
        "refused",
    }
    response = reply(officer_client, confirmed, "erased")
    assert response.status_code == 200
    assert not RequestReply.objects.exists()


def test_a_rectification_says_what_was_corrected_in_the_requesters_language(
    officer_client, confirmed, officer
):
    kind_request(confirmed, RequestKind.RECTIFICATION)

    missing = reply(officer_client, confirmed, "rectified")
    assert missing.status_code == 200 and not RequestReply.objects.exists()
    response = reply(officer_client, confirmed, "rectified", "Uw naam is nu Ann Peeters.")

    assert response.status_code == 302
    message = mail.outbox[-1]
    assert message.to == ["ann@example.org"]
    assert "Wij hebben uw gegevens als volgt verbeterd:" in message.body
    assert "Uw naam is nu Ann Peeters." in message.body
    stored = RequestReply.objects.get()
    assert (stored.outcome, stored.language, stored.sent_by) == ("rectified", "nl", officer)
    assert stored.text.strip() in message.body
    confirmed.refresh_from_db()
    assert confirmed.status == RequestStatus.ANSWERED
    assert ModelLogEntry.objects.filter(action="privacy.request.reply", user=officer).exists()


def test_a_refusal_needs_its_reason_and_rejects_the_request(officer_client, confirmed):
    assert reply(officer_client, confirmed, "refused").status_code == 200
    assert not mail.outbox[1:] or "weigeren" not in mail.outbox[-1].body

    reply(officer_client, confirmed, "refused", "Wij konden uw identiteit niet nagaan.")

    confirmed.refresh_from_db()
    assert confirmed.status == RequestStatus.REJECTED
    assert "Wij konden uw identiteit niet nagaan." in mail.outbox[-1].body


def test_an_erasure_erases_then_says_what_was_kept_and_why(officer_client, confirmed):
    kind_request(confirmed, RequestKind.ERASURE)
    ConsentRecordFactory(subject_email="ann@example.org")
    PurposeFactory(
        key="consent-proofs",
        name="Bewijs van toestemming",
        legal_basis=LegalBasis.LEGAL_OBLIGATION,
        retention_period=5,
        retention_unit="years",
    )

    reply(officer_client, confirmed, "erased", "Ook uw foto is verwijderd.")

    assert not ConsentRecord.objects.filter(subject_email="ann@example.org").exists()
    assert DataSubjectRequest.objects.filter(pk=confirmed.pk).exists()
    body = mail.outbox[-1].body
    assert "Wij hebben uw gegevens gewist." in body
    assert "Dit moesten wij bewaren, en waarom:" in body
    assert "Uw verzoek en onze antwoorden erop." in body
    assert "Ook uw foto is verwijderd." in body
    assert RequestReply.objects.get().outcome == "erased"


def test_a_restriction_stops_mail_until_it_is_lifted(officer_client, confirmed):
    kind_request(confirmed, RequestKind.RESTRICTION)
    notice = "privacy/email/request_received"

    reply(officer_client, confirmed, "restricted")
    confirmed.refresh_from_db()
    assert confirmed.is_restricting
    sent = len(mail.outbox)
    assert mail_send(to="ann@example.org", template=notice, language="nl", context={}) is False
    assert len(mail.outbox) == sent
    page = officer_client.get(admin_url("reply", confirmed.pk)).content.decode()
    assert 'value="lifted"' in page and 'value="restricted"' not in page

    reply(officer_client, confirmed, "lifted")

    assert mail_send(to="ann@example.org", template=notice, language="nl", context={}) is True


def test_a_restriction_made_through_another_process_stops_mail_here_at_once(confirmed):
    from django.core.cache import cache
    from django.utils import timezone

    from privacy.selectors.consents import RESTRICTIONS_VERSION_KEY

    notice = "privacy/email/request_received"
    assert mail_send(to="ann@example.org", template=notice, language="nl", context={}) is True
    # Another process restricts: this one learns of it through the shared cache alone.
    DataSubjectRequest.objects.filter(pk=confirmed.pk).update(restricted_at=timezone.now())
    cache.set(RESTRICTIONS_VERSION_KEY, "set-elsewhere", None)
    sent = len(mail.outbox)

    assert mail_send(to="ann@example.org", template=notice, language="nl", context={}) is False
    assert len(mail.outbox) == sent


def test_a_withdrawal_is_carried_out_then_confirmed(officer_client, confirmed):
    kind_request(confirmed, RequestKind.WITHDRAWAL)
    given = ConsentRecordFactory(
        subject_email="ann@example.org", purpose__key="newsletter", purpose__name="Nieuwsbrief"
    )

    reply(officer_client, confirmed, "withdrawn")

    given.refresh_from_db()
    assert given.withdrawn_at is not None
    assert "Nieuwsbrief" in mail.outbox[-1].body


def test_closing_records_what_was_sent(officer_client, confirmed, officer):
    reply(officer_client, confirmed, "refused", "Geen reden.")
    assert officer_client.get(admin_url("close", confirmed.pk)).status_code == 200

    officer_client.post(admin_url("close", confirmed.pk))

    confirmed.refresh_from_db()
    assert confirmed.status == RequestStatus.CLOSED
    assert confirmed.retain_until is not None
    entry = ModelLogEntry.objects.get(action="privacy.request.close")
    sent = RequestReply.objects.get()
    assert entry.data["replies"][0]["id"] == sent.pk
    screen = officer_client.get(admin_url("inspect", confirmed.pk)).content.decode()
    assert "Geen reden." in screen


@pytest.mark.parametrize("view", ["reply", "close"])
def test_nobody_but_officers_replies_or_closes(client, confirmed, view):
    user = get_user_model().objects.create_user("editor", "editor@example.org", "pw")
    client.force_login(user)

    response = client.post(admin_url(view, confirmed.pk), {"outcome": "refused", "note": "x"})

    assert response.status_code in (302, 403)
    confirmed.refresh_from_db()
    assert confirmed.status == RequestStatus.CONFIRMED
    assert not RequestReply.objects.exists()


def test_the_access_answer_carries_the_officers_text_and_is_kept(officer_client, confirmed):
    officer_client.post(admin_url("answer", confirmed.pk), {"note": "Wij bewaren ook uw foto."})

    assert "Wij bewaren ook uw foto." in mail.outbox[-1].body
    stored = RequestReply.objects.get()
    assert stored.outcome == "access"
    assert "Wij bewaren ook uw foto." in stored.text
