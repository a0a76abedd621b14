"""The answer to an erasure says what was deleted, what proofs are kept hashed and why, from
the erasure's own report; and it leaves no new row naming the person."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone, translation

from privacy.models import (
    ConsentRecord,
    DataSubjectRequest,
    EmailLink,
    LegalBasis,
    PendingSignup,
    RequestKind,
)
from tests.privacy.factories import ConsentRecordFactory, PurposeFactory
from tests.privacy.request_fixtures import admin_url

pytestmark = pytest.mark.django_db


def test_the_erasure_answer_lists_what_was_deleted_and_what_is_kept_hashed_and_why(
    client, officer, confirmed
):
    DataSubjectRequest.objects.filter(pk=confirmed.pk).update(kind=RequestKind.ERASURE)
    newsletter = PurposeFactory(key="newsletter", name="Nieuwsbrief")
    ConsentRecordFactory(subject_email="ann@example.org", purpose=newsletter)
    PendingSignup.objects.create(
        email="ann@example.org",
        topics=["newsletter"],
        locale="nl",
        token_hash="0" * 64,
        expires_at=timezone.now() + timedelta(days=3),
    )
    PurposeFactory(
        key="consent-proofs",
        name="Bewijs van toestemming",
        legal_basis=LegalBasis.LEGAL_OBLIGATION,
        retention_period=5,
        retention_unit="years",
    )
    client.force_login(officer)

    client.post(admin_url("reply", confirmed.pk), {"outcome": "erased", "note": ""})

    body = mail.outbox[-1].body
    assert "Dit hebben wij gewist:" in body
    with translation.override("nl"):
        pending = str(PendingSignup._meta.verbose_name_plural).capitalize()
    assert f"- {pending}: 1" in body
    assert "Dit moesten wij bewaren, en waarom:" in body
    assert "Bewijs van toestemming" in body
    assert ConsentRecord.objects.filter(subject_hash__gt="").exists()
    # The answer has no preference link: nothing is left to manage, no new row names Ann.
    assert "/my-privacy/preferences/" not in body
    assert not EmailLink.objects.filter(email="ann@example.org").exists()
