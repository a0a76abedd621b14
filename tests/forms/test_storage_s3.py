"""Submitted files on S3, against moto's S3 server over HTTP.

The storage is configured as production configures it from ``AWS_*`` (encrypted, private,
never overwriting), pointed at a local moto server: every call below is a real S3 request.
"""

import io
import json
import os
import subprocess
import sys
import urllib.error
import urllib.request
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from forms.models import FormSubmission
from tests.s3 import BUCKET, keys

pytestmark = pytest.mark.django_db

BASE_DIR = Path(__file__).resolve().parents[2]
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def submit(client, page, data, name="Offerte 2024-v2.pdf"):
    file = io.BytesIO(PDF)
    file.name = name
    response = client.post(f"/api/forms/{page.pk}/submissions", {**data, "attachment": file})
    assert response.status_code == 201, response.content
    return FormSubmission.objects.get(pk=response.json()["id"])


def test_a_submitted_file_is_stored_encrypted_and_private_under_a_random_key(
    client, contact_page, valid_data, s3, s3_endpoint
):
    submission = submit(client, contact_page, valid_data)
    attachment = submission.attachments.get()
    assert keys(s3) == [attachment.file.name]
    assert "Offerte" not in attachment.file.name and ".pdf" not in attachment.file.name
    assert attachment.original_name == "Offerte 2024-v2.pdf"

    head = s3.head_object(Bucket=BUCKET, Key=attachment.file.name)
    assert head["ServerSideEncryption"] == "AES256"
    assert s3.get_object(Bucket=BUCKET, Key=attachment.file.name)["Body"].read() == PDF

    acl = s3.get_object_acl(Bucket=BUCKET, Key=attachment.file.name)
    owner = acl["Owner"]["ID"]
    assert [grant["Grantee"].get("ID") for grant in acl["Grants"]] == [owner]
    assert all("URI" not in grant["Grantee"] for grant in acl["Grants"])

    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{s3_endpoint}/{BUCKET}/{attachment.file.name}", timeout=5)  # noqa: S310
    assert refused.value.code == 403


def test_a_second_file_with_the_same_name_gets_its_own_object(client, contact_page, valid_data, s3):
    first = submit(client, contact_page, valid_data).attachments.get()
    second = submit(client, contact_page, valid_data).attachments.get()
    assert first.file.name != second.file.name
    assert sorted(keys(s3)) == sorted([first.file.name, second.file.name])


def test_erasure_deletes_the_object(client, contact_page, valid_data, s3):
    submit(client, contact_page, valid_data)
    other = submit(client, contact_page, {**valid_data, "email": "someone.else@example.org"})
    call_command("privacy_erase", "jan.peeters@example.org", "--yes")
    assert keys(s3) == [other.attachments.get().file.name]
    assert list(FormSubmission.objects.all()) == [other]


def test_retention_deletes_the_object_once_the_submission_expires(
    client, contact_page, valid_data, s3
):
    expired = submit(client, contact_page, valid_data)
    kept = submit(client, contact_page, {**valid_data, "email": "someone.else@example.org"})
    FormSubmission.objects.filter(pk=expired.pk).update(
        retain_until=timezone.now() - timedelta(days=1)
    )
    call_command("enforce_retention")
    assert keys(s3) == [kept.attachments.get().file.name]
    assert list(FormSubmission.objects.all()) == [kept]


def test_storage_settings_from_the_environment_are_encrypted_private_and_never_overwrite():
    """The settings module builds this storage from ``AWS_*`` alone."""
    code = (
        "import json; from website.settings import base; "
        "print(json.dumps(base.STORAGES['private']))"
    )
    env = {
        "PATH": os.environ.get("PATH", ""),
        "AWS_STORAGE_BUCKET_NAME": "bucket",
        "AWS_S3_ENDPOINT_URL": "http://s3.local",
    }
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], cwd=BASE_DIR, env=env, capture_output=True, text=True
    )
    private = json.loads(result.stdout)
    assert private["BACKEND"] == "storages.backends.s3.S3Storage"
    options = private["OPTIONS"]
    assert options["object_parameters"] == {"ServerSideEncryption": "AES256"}
    assert options["default_acl"] == "private"
    assert options["file_overwrite"] is False
    assert options["endpoint_url"] == "http://s3.local"
