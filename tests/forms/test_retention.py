"""Retention of stored submissions follows the privacy core: purpose changes and withdrawals."""

import datetime

import pytest
from django.test import override_settings

from events.constants import EVENT_END
from forms import services
from forms.models import FormPage, FormSubmission
from privacy.models import RetentionStart
from privacy.services import consent_withdraw

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


@pytest.fixture
def submit(client, contact_page, valid_data):
    def submit(**extra):
        client.post(contact_page.url, {**valid_data, **extra})
        return FormSubmission.objects.order_by("-pk").first()

    return submit


@pytest.fixture
def kept_until_withdrawal(contact_page, newsletter_purpose):
    """The inbox keeps submissions as long as the newsletter consent stands, then 60 days."""
    newsletter_purpose.retention_from = RetentionStart.WITHDRAWAL
    newsletter_purpose.retention_period = 60
    newsletter_purpose.save()
    inbox = contact_page.inbox
    inbox.purpose = newsletter_purpose
    inbox.save()
    return newsletter_purpose


@pytest.fixture
def subscribe(submit):
    def subscribe(**extra):
        return submit(consent_newsletter="on", **extra)

    return subscribe


def test_changing_the_purposes_retention_period_recomputes_stored_retain_until(
    submit, contact_page, secretary, django_capture_on_commit_callbacks
):
    open_one, handled = submit(), submit(name="Marie")
    services.submission_mark_handled(submission=handled, user=secretary)
    purpose = contact_page.inbox.purpose
    assert open_one.retain_until == open_one.submitted_at + 30 * DAY

    with django_capture_on_commit_callbacks(execute=True):
        purpose.retention_period = 90
        purpose.save()

    open_one.refresh_from_db()
    handled.refresh_from_db()
    assert open_one.retain_until == open_one.submitted_at + 90 * DAY
    assert handled.retain_until == handled.handled_at + 90 * DAY


def test_changing_what_retention_counts_from_recomputes_stored_retain_until(
    submit, contact_page, secretary, django_capture_on_commit_callbacks
):
    handled = submit()
    services.submission_mark_handled(submission=handled, user=secretary)
    purpose = contact_page.inbox.purpose

    with django_capture_on_commit_callbacks(execute=True):
        purpose.retention_from = RetentionStart.SUBMISSION
        purpose.save()

    handled.refresh_from_db()
    assert handled.retain_until == handled.submitted_at + 30 * DAY


def test_a_withdrawal_based_inbox_keeps_a_submission_while_consent_stands(
    kept_until_withdrawal, subscribe
):
    submission = subscribe()

    assert submission.retain_until is None


def test_withdrawing_consent_starts_the_retention_from_the_withdrawal(
    kept_until_withdrawal, subscribe, secretary, django_capture_on_commit_callbacks
):
    submission = subscribe()
    other = subscribe(email="marie@example.org")
    services.submission_mark_handled(submission=submission, user=secretary)

    with django_capture_on_commit_callbacks(execute=True):
        consent_withdraw(purpose_key="newsletter", email="jan.peeters@example.org")

    submission.refresh_from_db()
    other.refresh_from_db()
    withdrawn_at = submission.retain_until - 60 * DAY
    assert submission.submitted_at <= withdrawn_at <= submission.submitted_at + DAY
    assert other.retain_until is None


def test_without_a_grant_a_withdrawal_based_inbox_counts_from_the_submission(
    contact_page, newsletter_purpose, submit
):
    newsletter_purpose.retention_from = RetentionStart.WITHDRAWAL
    newsletter_purpose.retention_period = 14
    newsletter_purpose.save()
    contact_page.inbox.purpose = newsletter_purpose
    contact_page.inbox.save()

    submission = submit()

    assert submission.retain_until == submission.submitted_at + 14 * DAY


# The box records at once when its purpose is no sign-up topic (no double opt-in).
@override_settings(PRIVACY_NEWSLETTER_TOPICS=[])
def test_a_retention_change_of_a_withdrawal_based_purpose_follows_each_subjects_consent(
    kept_until_withdrawal, subscribe, django_capture_on_commit_callbacks
):
    withdrawn, standing = subscribe(), subscribe(email="marie@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        consent_withdraw(purpose_key="newsletter", email="jan.peeters@example.org")
    withdrawn.refresh_from_db()
    withdrawn_at = withdrawn.retain_until - 60 * DAY

    with django_capture_on_commit_callbacks(execute=True):
        kept_until_withdrawal.retention_period = 10
        kept_until_withdrawal.save()

    withdrawn.refresh_from_db()
    standing.refresh_from_db()
    assert withdrawn.retain_until == withdrawn_at + 10 * DAY
    assert standing.retain_until is None


def test_once_a_submission_expires_its_consent_proofs_keep_only_a_hash_of_the_address(
    submit,
):
    import io

    from django.core.management import call_command
    from django.utils import timezone

    from privacy.hashing import address_hash
    from privacy.models import ConsentRecord
    from privacy.selectors import consents_for_email

    submission = submit()
    assert set(ConsentRecord.objects.values_list("decision", flat=True)) == {
        "informed",
        "refused",
    }
    FormSubmission.objects.filter(pk=submission.pk).update(retain_until=timezone.now() - DAY)

    call_command("enforce_retention", stdout=io.StringIO())

    assert not FormSubmission.objects.exists()
    assert not ConsentRecord.objects.exclude(subject_email="").exists()
    assert set(ConsentRecord.objects.values_list("subject_hash", flat=True)) == {
        address_hash("jan.peeters@example.org")
    }
    assert consents_for_email("jan.peeters@example.org").count() == 2


def test_a_pages_end_is_stored_with_each_submission_and_an_end_purpose_counts_from_it(
    submit, contact_page, monkeypatch
):
    ends = datetime.datetime(2031, 5, 1, 18, tzinfo=datetime.UTC)
    monkeypatch.setattr(FormPage, "submission_ends_at", lambda page: ends)
    purpose = contact_page.inbox.purpose
    purpose.retention_from = EVENT_END.value
    purpose.save()

    submission = submit()

    assert submission.ends_at == ends
    assert submission.retain_until == ends + 30 * DAY
