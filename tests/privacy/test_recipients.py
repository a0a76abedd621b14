"""Recipients are told (GDPR art. 19): when a person is erased or rectified, the officer sees
who received their data, and recording that they were told is kept with the request."""

import pytest
from wagtail.models import ModelLogEntry

from privacy.models import ConsentRecord, DataSubjectRequest, RecipientNotice, RequestKind
from tests.privacy.factories import ConsentRecordFactory, PurposeFactory
from tests.privacy.request_fixtures import admin_url

pytestmark = pytest.mark.django_db

CAMPAIGNS = "MailCampagne bv, verstuurt de nieuwsbrief (verwerkersovereenkomst)"
HOSTING = "Hostco, servers in de EU"


@pytest.fixture
def subscribed(confirmed):
    """Ann's standing newsletter consent, whose purpose names its campaign provider."""
    purpose = PurposeFactory(
        key="newsletter", name="Nieuwsbrief", processors=f"{CAMPAIGNS};\n{HOSTING}"
    )
    ConsentRecordFactory(subject_email="ann@example.org", purpose=purpose, purpose_key="newsletter")
    # A refused consent holds nothing but its proof: its processors never had the data.
    refused = PurposeFactory(key="surveys", name="Enquêtes", processors="EnquêteCo")
    ConsentRecordFactory(
        subject_email="ann@example.org", purpose=refused, purpose_key="surveys", granted=False
    )
    return confirmed


def _as(confirmed, kind):
    DataSubjectRequest.objects.filter(pk=confirmed.pk).update(kind=kind)
    confirmed.refresh_from_db()
    return confirmed


def test_after_an_erasure_the_officer_still_sees_who_had_the_data_and_records_telling_them(
    client, officer, subscribed
):
    request = _as(subscribed, RequestKind.ERASURE)
    client.force_login(officer)
    screen = client.get(admin_url("inspect", request.pk)).content.decode()
    assert "MailCampagne bv" in screen
    assert "EnquêteCo" not in screen

    client.post(admin_url("erase", request.pk))

    assert not ConsentRecord.objects.filter(subject_email="ann@example.org").exists()
    # One recipient per processor the purpose names.
    notices = RecipientNotice.objects.filter(request=request)
    assert sorted(notices.values_list("recipient", "reason", "notified_at")) == [
        (HOSTING, "Nieuwsbrief", None),
        (CAMPAIGNS, "Nieuwsbrief", None),
    ]
    assert "MailCampagne bv" in client.get(admin_url("recipients", request.pk)).content.decode()

    client.post(admin_url("recipients", request.pk))

    assert all(notice.notified_at and notice.notified_by == officer for notice in notices.all())
    assert ModelLogEntry.objects.filter(
        object_id=str(request.pk), action="privacy.request.recipients"
    ).exists()
    # A later erasure of the same person keeps the record of who was told, with the request.
    from privacy.services.subjects import subject_erase

    subject_erase(email="ann@example.org")
    assert RecipientNotice.objects.filter(request=request, notified_by=officer).exists()


def test_a_rectification_offers_telling_the_recipients_and_records_it(client, officer, subscribed):
    request = _as(subscribed, RequestKind.RECTIFICATION)
    client.force_login(officer)
    assert (
        admin_url("recipients", request.pk)
        in client.get(admin_url("inspect", request.pk)).content.decode()
    )

    client.post(admin_url("recipients", request.pk))

    assert sorted(RecipientNotice.objects.values_list("recipient", "notified_by")) == [
        (HOSTING, officer.pk),
        (CAMPAIGNS, officer.pk),
    ]


def test_an_access_request_has_nobody_to_tell(client, officer, subscribed):
    client.force_login(officer)
    screen = client.get(admin_url("inspect", subscribed.pk)).content.decode()
    assert admin_url("recipients", subscribed.pk) not in screen
