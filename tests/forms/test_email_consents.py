"""A consent to receive e-mail given on any form goes through the double opt-in: the
submission is stored at once, the subscription only when the address confirms it."""

import re

import pytest
from django.core import mail

from forms.models import FormSubmission
from privacy.models import ConsentDecision, ConsentRecord, PendingSignup
from tests.privacy.factories import ConsentRecordFactory

pytestmark = pytest.mark.django_db


def _confirm_path(message) -> str:
    link = re.search(r"https?://\S+/newsletter/confirm/\S+/", message.body).group(0)
    return "/" + link.split("/", 3)[3]


def test_ticking_the_newsletter_box_on_the_contact_form_asks_to_confirm_first(
    client, contact_page, valid_data, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(contact_page.url, {**valid_data, "consent_newsletter": "on"})

    assert response.status_code == 303
    submission = FormSubmission.objects.get()
    assert submission.subject_email == "jan.peeters@example.org"
    # No subscription yet: the box's answer waits for the address to confirm it.
    assert not ConsentRecord.objects.filter(
        purpose_key="newsletter", decision=ConsentDecision.GIVEN
    ).exists()
    # The notice shown with the form is recorded with the submission, as always.
    assert ConsentRecord.objects.filter(
        purpose_key="answer-request", decision=ConsentDecision.INFORMED
    ).exists()
    pending = PendingSignup.objects.get()
    assert (pending.email, pending.topics) == ("jan.peeters@example.org", ["newsletter"])
    confirmations = [m for m in mail.outbox if "/newsletter/confirm/" in m.body]
    assert [m.to for m in confirmations] == [["jan.peeters@example.org"]]

    client.post(_confirm_path(confirmations[0]))

    [given] = ConsentRecord.objects.filter(purpose_key="newsletter")
    assert given.decision == ConsentDecision.GIVEN
    assert given.subject_email == "jan.peeters@example.org"


def test_the_box_says_that_a_confirmation_mail_follows(client, contact_page):
    form = client.get(contact_page.url).context["form"]

    assert str(form.fields["consent_newsletter"].help_text)


def test_an_address_already_subscribed_gets_no_mail_and_no_second_record(
    client, contact_page, valid_data, newsletter_purpose, django_capture_on_commit_callbacks
):
    ConsentRecordFactory(purpose=newsletter_purpose, subject_email="jan.peeters@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        client.post(contact_page.url, {**valid_data, "consent_newsletter": "on"})

    assert FormSubmission.objects.count() == 1
    assert not [m for m in mail.outbox if "/newsletter/confirm/" in m.body]
    assert ConsentRecord.objects.filter(purpose_key="newsletter").count() == 1
    assert not PendingSignup.objects.exists()


def test_an_unticked_box_is_still_recorded_as_refused_and_sends_nothing(
    client, contact_page, valid_data, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(contact_page.url, valid_data)

    [refused] = ConsentRecord.objects.filter(purpose_key="newsletter")
    assert refused.decision == ConsentDecision.REFUSED
    assert not PendingSignup.objects.exists()
