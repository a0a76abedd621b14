"""Fixtures for the careers tests: a vacancy index with an open vacancy, purposes, users,
and a helper that applies through the real HTML form."""

import pytest

from careers.constants import ApplicationStatus
from careers.models import Application
from privacy.models import OutcomeRetention
from tests.careers.factories import (
    RecruitmentInboxFactory,
    VacancyIndexPageFactory,
    VacancyPageFactory,
    application_data,
    application_purpose,
    talent_pool_purpose,
)
from tests.users import make_user


@pytest.fixture
def purposes(db):
    """``job-application`` (pre-contract steps, 183 days) with its per-outcome periods, and
    ``talent-pool`` (consent, 365 days), as the privacy demo and careers' demo make them."""
    job = application_purpose()
    pool = talent_pool_purpose()
    for outcome, days in (
        (ApplicationStatus.REJECTED, 28),
        (ApplicationStatus.WITHDRAWN, 28),
        (ApplicationStatus.HIRED, 30),
    ):
        OutcomeRetention.objects.get_or_create(
            purpose_key=job.key, outcome=outcome, defaults={"retention_period": days}
        )
    return job, pool


@pytest.fixture
def inbox(purposes):
    return RecruitmentInboxFactory(purpose=purposes[0])


@pytest.fixture
def index(home):
    return VacancyIndexPageFactory(parent=home, slug="careers")


@pytest.fixture
def vacancy(index, inbox):
    return VacancyPageFactory(parent=index, title="Adviseur", slug="adviser", inbox=inbox)


@pytest.fixture
def apply(client, django_capture_on_commit_callbacks):
    """Apply to ``page`` through its HTML form; returns the stored application (or None)."""

    def _apply(page, *, talent_pool=False, expect=303, **overrides):
        data = application_data(**overrides)
        if talent_pool:
            data["purpose_talent_pool"] = "on"
        before = set(Application.objects.values_list("pk", flat=True))
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(page.url, data)
        assert response.status_code == expect, response.content[:2000]
        created = Application.objects.exclude(pk__in=before)
        return created.select_related("submission").first()

    return _apply


@pytest.fixture
def recruiter(inbox):
    return make_user("recruiter", groups=[inbox.group])


@pytest.fixture
def outsider(db):
    from django.contrib.auth.models import Group

    return make_user("editor", groups=[Group.objects.get_or_create(name="Editors")[0]])


@pytest.fixture
def grace_over(django_capture_on_commit_callbacks):
    """Let the rejection e-mails' grace period run out: the outbox hands over what is due,
    as its timer does in production."""
    from django.utils import timezone

    from privacy.models import MailStatus, OutgoingMail
    from privacy.services.mail import mail_requeue

    def _over():
        OutgoingMail.objects.filter(status=MailStatus.QUEUED, attempts=0).update(
            next_attempt_at=timezone.now()
        )
        with django_capture_on_commit_callbacks(execute=True):
            mail_requeue()

    return _over
