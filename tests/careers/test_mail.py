"""The e-mails careers sends: multipart, in the applicant's language, with the preference centre
for the applicant and without it for HR."""

import pytest
from django.core import mail

from careers import services
from careers.constants import ApplicationStatus
from careers.models import Application, RejectionEmailTemplate
from tests.careers.factories import EMAIL
from tests.privacy.mail import assert_no_preference_link, assert_preference_link, html_part

pytestmark = pytest.mark.django_db


def test_the_applicants_receipt_is_multipart_and_links_their_preference_centre(apply, vacancy):
    mail.outbox.clear()

    apply(vacancy)

    [receipt] = [m for m in mail.outbox if m.to == [EMAIL]]
    assert_preference_link(receipt, language="nl")
    assert "Adviseur" in html_part(receipt)
    assert "/nl/my-applications/withdraw/" in html_part(receipt)


def test_hrs_notice_is_multipart_without_a_preference_centre(apply, vacancy):
    mail.outbox.clear()

    apply(vacancy)

    [notice] = [m for m in mail.outbox if m.to == ["hr@example.org"]]
    assert_no_preference_link(notice)
    assert "/admin/recruitment/" in html_part(notice)


def test_the_rejection_email_is_multipart_and_links_the_preference_centre(
    apply, vacancy, recruiter, locales, django_capture_on_commit_callbacks, grace_over
):
    application = apply(vacancy)
    RejectionEmailTemplate.objects.create(
        locale=locales["nl"], subject="Uw sollicitatie: {vacancy}", body="Beste {name},\n\nhelaas."
    )
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.application_status_change(
            application=application,
            status=ApplicationStatus.REJECTED,
            user=recruiter,
            send_rejection=True,
        )
    grace_over()

    [message] = mail.outbox
    assert message.subject == "Uw sollicitatie: Adviseur"
    assert message.body.startswith("Beste An Peeters,\n\nhelaas.")
    assert "Beste An Peeters," in html_part(message)
    assert_preference_link(message, language="nl")
    assert Application.objects.get(pk=application.pk).status_changes.get().rejection_sent
