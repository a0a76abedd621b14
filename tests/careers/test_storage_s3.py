"""CVs on S3, against moto's S3 server over HTTP: stored privately, deleted with the
application on withdrawal and on retention."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from careers import services
from careers.models import Application
from careers.services import links
from forms.models import FormSubmission
from forms.services import submission_retention_update
from tests.forms.samples import pdf_bytes, upload
from tests.s3 import BUCKET, keys

pytestmark = pytest.mark.django_db


def test_a_cv_and_letter_go_to_s3_privately_and_leave_with_the_withdrawal(
    apply,
    vacancy,
    s3,
):
    application = apply(vacancy, motivation_letter=upload("brief.pdf", pdf_bytes()))
    other = apply(vacancy, email="bo@example.org")
    names = sorted(a.file.name for a in application.submission.attachments.all())
    assert set(names) <= set(keys(s3))
    assert s3.head_object(Bucket=BUCKET, Key=names[0])["ServerSideEncryption"] == "AES256"

    links.application_withdraw(application=application)

    assert keys(s3) == [other.submission.attachments.get().file.name]
    assert list(Application.objects.all()) == [other]


def test_retention_deletes_the_objects_of_an_expired_application(
    apply,
    vacancy,
    recruiter,
    s3,
):
    expired = apply(vacancy)
    kept = apply(vacancy, email="bo@example.org")
    services.application_status_change(application=expired, status="rejected", user=recruiter)
    Application.objects.filter(pk=expired.pk).update(decided_at=timezone.now() - timedelta(days=29))
    submission_retention_update(submission=Application.objects.get(pk=expired.pk).submission)

    call_command("enforce_retention")

    assert keys(s3) == [kept.submission.attachments.get().file.name]
    assert list(Application.objects.all()) == [kept]
    assert list(FormSubmission.objects.all()) == [kept.submission]
