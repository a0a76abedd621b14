"""CVs on S3, against moto's S3 server over HTTP: stored privately, deleted with the
application on withdrawal and on retention."""

from datetime import timedelta

import boto3
import pytest
from django.core.management import call_command
from django.utils import timezone

from careers import services
from careers.models import Application
from forms.models import FormSubmission
from tests.forms.samples import pdf_bytes, upload

pytestmark = pytest.mark.django_db

# A bucket of its own: moto keeps buckets per process, shared with the forms tests' server.
BUCKET = "careers-private"
CREDENTIALS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}


@pytest.fixture(scope="module")
def s3_endpoint():
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    client = boto3.client("s3", endpoint_url=endpoint, region_name="eu-west-1", **CREDENTIALS)
    client.create_bucket(
        Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"}
    )
    yield endpoint
    server.stop()


@pytest.fixture
def s3(s3_endpoint, settings):
    """The ``private`` storage alias on S3, configured as production configures it."""
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "region_name": "eu-west-1",
                "endpoint_url": s3_endpoint,
                "access_key": CREDENTIALS["aws_access_key_id"],
                "secret_key": CREDENTIALS["aws_secret_access_key"],
                "default_acl": "private",
                "querystring_auth": True,
                "querystring_expire": 60,
                "file_overwrite": False,
                "object_parameters": {"ServerSideEncryption": "AES256"},
            },
        },
    }
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name="eu-west-1", **CREDENTIALS)
    for key in keys(client):
        client.delete_object(Bucket=BUCKET, Key=key)
    return client


def keys(client):
    return [item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])]


def test_a_cv_and_letter_go_to_s3_privately_and_leave_with_the_withdrawal(
    apply,
    vacancy,
    s3,  # noqa: F811
):
    application = apply(vacancy, motivation_letter=upload("brief.pdf", pdf_bytes()))
    other = apply(vacancy, email="bo@example.org")
    names = sorted(a.file.name for a in application.submission.attachments.all())
    assert set(names) <= set(keys(s3))
    assert s3.head_object(Bucket=BUCKET, Key=names[0])["ServerSideEncryption"] == "AES256"

    services.application_withdraw(application=application)

    assert keys(s3) == [other.submission.attachments.get().file.name]
    assert list(Application.objects.all()) == [other]


def test_retention_deletes_the_objects_of_an_expired_application(
    apply,
    vacancy,
    recruiter,
    s3,  # noqa: F811
):
    expired = apply(vacancy)
    kept = apply(vacancy, email="bo@example.org")
    services.application_status_change(application=expired, status="rejected", user=recruiter)
    Application.objects.filter(pk=expired.pk).update(decided_at=timezone.now() - timedelta(days=29))
    services.application_retention_update(application=Application.objects.get(pk=expired.pk))

    call_command("enforce_retention")

    assert keys(s3) == [kept.submission.attachments.get().file.name]
    assert list(Application.objects.all()) == [kept]
    assert list(FormSubmission.objects.all()) == [kept.submission]
