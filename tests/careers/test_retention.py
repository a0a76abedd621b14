"""Retention of applications through the privacy core, one test per rule. Durations come
from the purposes (and their periods after a decision), which privacy officers edit."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from careers import services
from careers.constants import TALENT_POOL_PURPOSE, VACANCY_CLOSING, ApplicationStatus
from careers.models import Application
from forms.models import FormSubmission
from privacy.models import OutcomeRetention, Purpose
from privacy.services import consent_withdraw, retention_enforce
from tests.careers.factories import EMAIL, SpontaneousApplicationPageFactory
from tests.forms.samples import private_files
from tests.privacy.factories import PurposeFactory

pytestmark = pytest.mark.django_db

S = ApplicationStatus
DAY = timedelta(days=1)


def _decide(application, user, *statuses):
    for status in statuses:
        services.application_status_change(application=application, status=status, user=user)
    application.refresh_from_db()
    return application


def _expiry(application):
    """When the application goes: with its submission, its answers and files."""
    application.refresh_from_db()
    return application.submission.retain_until


def _enforce_at(moment, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: moment)
    return retention_enforce()


@pytest.mark.parametrize(("outcome", "days"), [(S.REJECTED, 28), (S.WITHDRAWN, 28)])
def test_rejected_or_withdrawn_is_deleted_28_days_after_the_decision(
    apply, vacancy, recruiter, monkeypatch, outcome, days
):
    application = _decide(apply(vacancy), recruiter, outcome)
    files = {a.file.name for a in application.submission.attachments.all()}

    assert _expiry(application) == application.decided_at + days * DAY

    _enforce_at(application.decided_at + (days - 1) * DAY, monkeypatch)
    assert Application.objects.filter(pk=application.pk).exists()

    _enforce_at(application.decided_at + days * DAY + timedelta(seconds=1), monkeypatch)
    assert not Application.objects.filter(pk=application.pk).exists()
    assert not FormSubmission.objects.filter(pk=application.submission_id).exists()
    assert not files & private_files()


def test_hired_leaves_the_recruitment_area_30_days_after_the_decision(
    apply, vacancy, recruiter, monkeypatch
):
    application = _decide(apply(vacancy), recruiter, S.IN_REVIEW, S.INTERVIEW, S.OFFER, S.HIRED)

    assert _expiry(application) == application.decided_at + 30 * DAY
    _enforce_at(application.decided_at + 31 * DAY, monkeypatch)
    assert not Application.objects.exists()


def test_without_a_decision_it_is_deleted_six_months_after_the_vacancy_closed(
    apply, vacancy, recruiter, monkeypatch
):
    application = _decide(apply(vacancy), recruiter, S.IN_REVIEW)
    closes = vacancy.closes_at()

    assert application.submission.ends_at == closes
    assert _expiry(application) == closes + 183 * DAY

    _enforce_at(closes + 182 * DAY, monkeypatch)
    assert Application.objects.exists()
    _enforce_at(closes + 184 * DAY, monkeypatch)
    assert not Application.objects.exists()


def test_a_spontaneous_application_counts_six_months_from_submission(apply, index, inbox):
    page = SpontaneousApplicationPageFactory(parent=index, inbox=inbox)
    application = apply(page)

    assert _expiry(application) == application.submitted_at + 183 * DAY


def test_a_vacancy_without_closing_date_counts_from_submission_until_it_is_closed(apply, vacancy):
    vacancy.closing_date = None
    vacancy.save_revision().publish()
    application = apply(vacancy)
    assert _expiry(application) == application.submitted_at + 183 * DAY

    vacancy.status = "closed"
    vacancy.save_revision().publish()

    application.refresh_from_db()
    assert application.submission.ends_at is not None
    assert _expiry(application) == application.submission.ends_at + 183 * DAY


def test_a_closing_date_moved_by_an_editor_moves_the_applications_end(apply, vacancy):
    application = apply(vacancy)
    vacancy.closing_date = vacancy.closing_date + 10 * DAY
    vacancy.save_revision().publish()

    application.refresh_from_db()
    assert application.submission.ends_at == vacancy.closes_at()
    assert _expiry(application) == vacancy.closes_at() + 183 * DAY


def test_talent_pool_consent_keeps_it_12_months_after_submission(
    apply, vacancy, recruiter, monkeypatch
):
    application = _decide(apply(vacancy, talent_pool=True), recruiter, S.REJECTED)

    assert _expiry(application) == application.submitted_at + 365 * DAY
    _enforce_at(application.decided_at + 29 * DAY, monkeypatch)
    assert Application.objects.exists()  # rejected, but in the talent pool
    _enforce_at(application.submitted_at + 366 * DAY, monkeypatch)
    assert not Application.objects.exists()


def test_withdrawing_the_talent_pool_consent_ends_only_that_purpose(
    apply, vacancy, recruiter, django_capture_on_commit_callbacks
):
    application = _decide(apply(vacancy, talent_pool=True), recruiter, S.IN_REVIEW)

    with django_capture_on_commit_callbacks(execute=True):
        consent_withdraw(purpose_key="talent-pool", email=EMAIL)

    application.refresh_from_db()
    assert application.talent_pool_since is None
    assert application.status == S.IN_REVIEW
    assert _expiry(application) == application.submission.ends_at + 183 * DAY


def test_durations_come_from_the_purposes_and_follow_their_edits(
    apply, vacancy, recruiter, django_capture_on_commit_callbacks
):
    undecided = apply(vacancy)
    rejected = _decide(apply(vacancy, email="bo@example.org"), recruiter, S.REJECTED)
    pooled = apply(vacancy, email="cas@example.org", talent_pool=True)

    with django_capture_on_commit_callbacks(execute=True):
        for purpose in Purpose.objects.filter(key="job-application"):
            purpose.retention_period = 90
            purpose.save()
        rule = OutcomeRetention.objects.get(purpose_key="job-application", outcome="rejected")
        rule.retention_period = 14
        rule.save()
        for purpose in Purpose.objects.filter(key="talent-pool"):
            purpose.retention_period = 730
            purpose.save()

    assert _expiry(undecided) == undecided.submission.ends_at + 90 * DAY
    assert _expiry(rejected) == rejected.decided_at + 14 * DAY
    assert _expiry(pooled) == pooled.submitted_at + 730 * DAY


def test_candidates_are_asked_to_renew_30_days_before_the_talent_pool_ends(
    apply, vacancy, monkeypatch
):
    pooled = apply(vacancy, talent_pool=True)
    apply(vacancy, email="bo@example.org")  # not in the pool: never asked
    end = pooled.submitted_at + 365 * DAY
    mail.outbox.clear()

    monkeypatch.setattr(timezone, "now", lambda: end - 31 * DAY)
    assert services.talent_pool_reminders_send() == 0
    monkeypatch.setattr(timezone, "now", lambda: end - 29 * DAY)
    call_command("careers_talent_pool_reminders", stdout=__import__("io").StringIO())
    assert services.talent_pool_reminders_send() == 0  # once per period

    [reminder] = mail.outbox
    assert reminder.to == [EMAIL]
    assert "talentenpool" in reminder.subject
    assert "/nl/my-applications/talent-pool/renew/" in reminder.body


def test_without_renewal_deletion_follows(apply, vacancy, monkeypatch):
    pooled = apply(vacancy, talent_pool=True)

    _enforce_at(pooled.submitted_at + 366 * DAY, monkeypatch)

    assert not Application.objects.exists()
    assert not FormSubmission.objects.exists()
    # Only counts and hashed proofs remain.
    from privacy.models import ConsentRecord, DeletionLog

    assert not ConsentRecord.objects.filter(subject_email=EMAIL).exists()
    assert ConsentRecord.objects.filter(purpose_key="talent-pool").get().subject_hash
    deleted = dict(
        DeletionLog.objects.filter(count__gt=0, reason="retention").values_list("model", "count")
    )
    assert deleted["careers.Application"] == 1


def test_a_vacancy_closed_early_ends_then_and_publishing_it_again_moves_nothing(
    apply, vacancy, monkeypatch
):
    application = apply(vacancy)
    closed_at = timezone.now()
    monkeypatch.setattr(timezone, "now", lambda: closed_at)
    vacancy.status = "closed"
    vacancy.save_revision().publish()
    application.refresh_from_db()
    assert application.submission.ends_at == closed_at

    monkeypatch.setattr(timezone, "now", lambda: closed_at + 10 * DAY)
    vacancy.summary = "Bijgewerkt."
    vacancy.save_revision().publish()

    application.refresh_from_db()
    assert application.submission.ends_at == closed_at
    assert _expiry(application) == closed_at + 183 * DAY


def test_the_application_notice_states_each_period_in_the_applicants_words():
    from django.utils import translation

    from privacy.register import retention_in_words

    purpose = PurposeFactory(
        key="job-application",
        retention_period=6,
        retention_unit="months",
        retention_from=VACANCY_CLOSING.value,
    )
    for outcome, amount, unit in (
        ("rejected", 4, "weeks"),
        ("withdrawn", 4, "weeks"),
        ("hired", 1, "months"),
    ):
        OutcomeRetention.objects.update_or_create(
            purpose_key="job-application",
            outcome=outcome,
            defaults={"retention_period": amount, "retention_unit": unit},
        )

    with translation.override("nl"):
        words = retention_in_words(purpose)

    assert words.startswith("6 maanden na de afsluiting van de vacature.")
    assert ": 4 weken na de beslissing." in words
    assert "Afgewezen" in words and "Aangenomen" in words


def _expiries(application) -> dict[str, set]:
    """When retention deletes the application, its submission and its files: each read
    through its own ``PersonalData.expired``, as the privacy core reads it."""
    from forms.models import SubmissionFile
    from privacy.registry import registration_for

    rows = (
        (Application, {"pk": application.pk}),
        (FormSubmission, {"pk": application.submission_id}),
        (SubmissionFile, {"submission_id": application.submission_id}),
    )
    # A file's expiry is a rule (it may go before its submission, see
    # test_talent_pool_keeps); until then it is its submission's date.
    paths = {SubmissionFile: "submission__retain_until"}
    return {
        model._meta.label: set(
            model.objects.filter(**lookup).values_list(
                paths.get(model) or registration_for(model).expired, flat=True
            )
        )
        for model, lookup in rows
    }


def _move_closing(vacancy, days):
    vacancy.closing_date = vacancy.closing_date + days * DAY
    vacancy.save_revision().publish()


def _edit_period(key, days):
    for purpose in Purpose.objects.filter(key=key):
        purpose.retention_period = days
        purpose.save()


# (door, talent pool, decision first, expected expiry)
DOORS = {
    "rejected": (
        lambda c, r, a, v: _decide(a, r, S.REJECTED),
        False,
        None,
        lambda a, v: a.decided_at + 28 * DAY,
    ),
    "rejected in the talent pool": (
        lambda c, r, a, v: _decide(a, r, S.REJECTED),
        True,
        None,
        lambda a, v: a.submitted_at + 365 * DAY,
    ),
    "left the talent pool": (
        lambda c, r, a, v: consent_withdraw(purpose_key=TALENT_POOL_PURPOSE, email=EMAIL),
        True,
        S.IN_REVIEW,
        lambda a, v: v.closes_at() + 183 * DAY,
    ),
    "vacancy closing moved, in the talent pool, rejected": (
        lambda c, r, a, v: _move_closing(v, 10),
        True,
        S.REJECTED,
        lambda a, v: a.submitted_at + 365 * DAY,
    ),
    "vacancy closing moved": (
        lambda c, r, a, v: _move_closing(v, 10),
        False,
        None,
        lambda a, v: v.closes_at() + 183 * DAY,
    ),
    "application period edited": (
        lambda c, r, a, v: _edit_period("job-application", 90),
        False,
        None,
        lambda a, v: v.closes_at() + 90 * DAY,
    ),
    "talent-pool period edited": (
        lambda c, r, a, v: _edit_period("talent-pool", 730),
        True,
        S.REJECTED,
        lambda a, v: a.submitted_at + 730 * DAY,
    ),
}


@pytest.mark.parametrize("door", DOORS)
def test_every_door_leaves_application_submission_and_files_expiring_at_one_moment(
    door, apply, vacancy, recruiter, client, django_capture_on_commit_callbacks
):
    act, talent_pool, first, expected = DOORS[door]
    application = apply(vacancy, talent_pool=talent_pool)
    if first is not None:
        _decide(application, recruiter, first)

    with django_capture_on_commit_callbacks(execute=True):
        act(client, recruiter, application, vacancy)

    application.refresh_from_db()
    vacancy.refresh_from_db()
    moment = expected(application, vacancy)
    assert _expiries(application) == {
        "careers.Application": {moment},
        "forms.FormSubmission": {moment},
        "forms.SubmissionFile": {moment},
    }
