"""CVs on S3 (moto's server over HTTP): a recruiter is sent to a presigned URL valid 60 s.

moto serves presigned URLs but does not enforce their expiry, so the expiry is checked where
S3 reads it: the signed ``X-Amz-Date`` and ``X-Amz-Expires`` of the URL handed out.
"""

import datetime
import urllib.request
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from forms.models import FileDownloadLog
from forms.services import PRESIGNED_SECONDS
from tests.forms.samples import pdf_bytes
from tests.s3 import BUCKET, keys
from tests.users import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def application(s3, apply, vacancy, client):
    application = apply(vacancy)
    client.logout()
    return application


def download_url(application):
    cv = application.submission.attachments.get(field_key="cv")
    return cv, reverse("careers_recruitment:download", args=[application.pk, cv.pk])


def test_recruiter_is_redirected_to_a_presigned_url_that_expires_in_60_seconds(
    client,
    application,
    recruiter,
    s3,
    s3_endpoint,
):
    cv, url = download_url(application)
    assert keys(s3) == [cv.file.name]
    client.force_login(recruiter)

    before = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    response = client.get(url)

    assert response.status_code == 302
    assert response.content == b""  # the file never passes through the site
    location = response["Location"]
    assert location.startswith(f"{s3_endpoint}/{BUCKET}/{cv.file.name}?")
    query = parse_qs(urlsplit(location).query)
    assert PRESIGNED_SECONDS == 60
    assert query["X-Amz-Expires"] == ["60"]
    signed_at = datetime.datetime.strptime(query["X-Amz-Date"][0], "%Y%m%dT%H%M%SZ").replace(
        tzinfo=datetime.UTC
    )
    assert (
        before - datetime.timedelta(seconds=5)
        <= signed_at
        <= before + datetime.timedelta(seconds=5)
    )
    assert "X-Amz-Signature" in query
    with urllib.request.urlopen(location, timeout=5) as answer:  # noqa: S310
        assert answer.read() == pdf_bytes()
        assert 'filename="cv An.pdf"' in answer.headers["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    entry = FileDownloadLog.objects.get()
    assert (entry.file, entry.user) == (cv, recruiter)


def test_outsider_gets_no_presigned_url(client, application, vacancy):
    client.force_login(make_user("secretary"))
    _cv, url = download_url(application)

    response = client.get(url, follow=True)

    assert response.status_code == 404
    assert "X-Amz" not in response.content.decode()
    assert not FileDownloadLog.objects.exists()
