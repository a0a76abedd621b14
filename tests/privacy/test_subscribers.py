"""The campaign provider sends only to whom the ledger allows, and its unsubscriptions land in
the ledger: the subscriber export (API and admin) and the unsubscribe webhook."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from privacy.models import (
    ConsentRecord,
    ConsentSource,
    DataSubjectRequest,
    PendingSignup,
    RetentionStart,
)
from privacy.services.consent import consent_record
from privacy.services.preferences import preferences_save
from privacy.services.subjects import subject_erase
from tests.privacy.factories import PurposeFactory

pytestmark = pytest.mark.django_db

KEY = "provider-key-0123456789"
provider_key = override_settings(PRIVACY_CAMPAIGN_API_KEY=KEY)


@pytest.fixture
def topics(db):
    return {
        key: PurposeFactory(key=key, retention_period=0, retention_from=RetentionStart.WITHDRAWAL)
        for key in ("newsletter", "event-invitations")
    }


@pytest.fixture
def subscribe(topics):
    def give(email, key="newsletter", locale="en"):
        return consent_record(
            purpose=topics[key], granted=True, locale=locale, source=ConsentSource.FORM, email=email
        )

    return give


def export(client, topic="newsletter", key=KEY):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {key}"} if key else {}
    return client.get(f"/api/privacy/subscribers/{topic}", **headers)


def emails(response):
    return [row["email"] for row in response.json()["subscribers"]]


@provider_key
def test_the_export_lists_confirmed_subscribers_once_in_their_language(client, subscribe):
    subscribe("ann@example.org", locale="fr")
    subscribe("ann@example.org", locale="fr")  # confirmed twice: still one row
    subscribe("bob@example.org", key="event-invitations")
    PendingSignup.objects.create(
        email="pending@example.org",
        topics=["newsletter"],
        locale="en",
        token_hash="x" * 64,
        expires_at=timezone.now(),
    )

    response = export(client)

    assert response.status_code == 200
    assert response.json()["count"] == 1
    assert response.json()["subscribers"][0]["email"] == "ann@example.org"
    assert response.json()["subscribers"][0]["locale"] == "fr"
    assert "no-store" in response["Cache-Control"]


@provider_key
def test_withdrawn_erased_and_restricted_people_leave_the_next_export(client, subscribe):
    for email in ("stays@example.org", "left@example.org", "erased@example.org", "r@example.org"):
        subscribe(email)
    preferences_save(email="left@example.org", granted_keys=set(), locale="en")
    subject_erase(email="erased@example.org")
    DataSubjectRequest.objects.create(
        kind="restriction", email="r@example.org", locale="en", restricted_at=timezone.now()
    )

    assert emails(export(client)) == ["stays@example.org"]


@pytest.mark.parametrize("key", ["", "wrong-key"])
@provider_key
def test_the_export_refuses_without_the_providers_key(client, subscribe, key):
    subscribe("ann@example.org")

    response = export(client, key=key)

    assert response.status_code == 401
    assert "ann@example.org" not in response.content.decode()
    assert response.json()["errors"]["__all__"]


def test_with_no_key_configured_the_export_refuses_everyone(client, subscribe):
    subscribe("ann@example.org")

    assert export(client, key="").status_code == 401
    assert export(client, key="anything").status_code == 401


@provider_key
def test_an_unknown_topic_is_a_400(client, subscribe):
    assert export(client, topic="job-application").status_code == 400


@provider_key
def test_the_webhook_records_the_withdrawal_in_the_ledger(client, subscribe):
    grant = subscribe("ann@example.org")
    subscribe("ann@example.org", key="event-invitations")

    response = client.post(
        "/api/privacy/unsubscribe",
        {"email": "Ann@Example.org", "topics": ["newsletter"]},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {KEY}",
    )

    assert response.status_code == 200
    assert response.json() == {"withdrawn": 1}
    grant.refresh_from_db()
    assert grant.withdrawn_at is not None
    refusal = ConsentRecord.objects.filter(purpose_key="newsletter", granted=False).get()
    assert refusal.source == ConsentSource.API and refusal.subject_email == "ann@example.org"
    assert emails(export(client)) == []
    assert emails(export(client, topic="event-invitations")) == ["ann@example.org"]


@provider_key
def test_the_webhook_refuses_bad_input_and_strangers_and_stores_nothing(client, subscribe):
    subscribe("ann@example.org")
    before = ConsentRecord.objects.count()
    post = lambda body, key=KEY: client.post(  # noqa: E731
        "/api/privacy/unsubscribe",
        body,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )

    assert post({"email": "ann@example.org"}, key="wrong").status_code == 401
    assert post({"email": "not an address"}).status_code == 400
    assert post({"email": "ann@example.org", "topics": ["cookies-analytics"]}).status_code == 400
    assert ConsentRecord.objects.count() == before
    assert ConsentRecord.objects.get().withdrawn_at is None


def test_officers_download_a_topics_subscribers_and_other_staff_are_refused(client, subscribe):
    subscribe("ann@example.org")
    subscribe("bob@example.org", key="event-invitations")
    users = get_user_model().objects
    officer = users.create_user("officer", "officer@example.org", "pw", is_staff=True)
    officer.groups.add(Group.objects.get(name="Privacy officers"))
    editor = users.create_user("editor", "editor@example.org", "pw", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    url = reverse("subscribers:index") + "?purpose_key=newsletter&export=csv"

    client.force_login(editor)
    assert client.get(url).status_code == 403

    client.force_login(officer)
    response = client.get(url)
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    # The export ends on its delete-after-use line, naming who exported it.
    *listing, empty, notice = rows
    assert listing[0][0] == "E-mail"
    assert [row[0] for row in listing[1:]] == ["ann@example.org"]
    assert empty == [] and "officer" in notice[0]
