"""Consents sent through the headless API: recorded as coming from the API, naming the
purpose revisions the front end showed; a revision that is no longer current is refused."""

import json

import pytest

from forms.models import FormSubmission
from privacy.models import ConsentRecord, ConsentSource

pytestmark = pytest.mark.django_db


def submit_url(page):
    return f"/api/forms/{page.pk}/submissions"


def shown(client, page) -> dict[str, int]:
    schema = client.get(f"/api/forms/{page.pk}").json()
    return {purpose["key"]: purpose["revision_id"] for purpose in schema["purposes"]}


def test_an_api_submission_records_its_consents_with_the_source_api(
    client, contact_page, valid_data
):
    response = client.post(submit_url(contact_page), valid_data)

    assert response.status_code == 201, response.content
    sources = set(ConsentRecord.objects.values_list("source", flat=True))
    assert sources == {ConsentSource.API}


def test_the_proofs_name_the_revisions_the_front_end_showed(client, contact_page, valid_data):
    revisions = shown(client, contact_page)

    response = client.post(
        submit_url(contact_page), {**valid_data, "purpose_revisions": json.dumps(revisions)}
    )

    assert response.status_code == 201, response.content
    recorded = dict(ConsentRecord.objects.values_list("purpose_key", "purpose_revision_id"))
    assert recorded == {key: revisions[key] for key in recorded}
    assert set(recorded) == {"answer-request", "newsletter"}


def test_a_revision_that_is_no_longer_current_is_refused_and_nothing_is_stored(
    client, contact_page, valid_data, newsletter_purpose
):
    revisions = shown(client, contact_page)
    newsletter_purpose.consent_text = "Stuur mij de nieuwsbrief en aanbiedingen."
    newsletter_purpose.save()
    newsletter_purpose.save_revision(log_action=False)

    response = client.post(
        submit_url(contact_page),
        {**valid_data, "consent_newsletter": "on", "purpose_revisions": json.dumps(revisions)},
    )

    assert response.status_code == 409
    body = response.json()
    assert newsletter_purpose.name in body["detail"]
    assert body["errors"]["__all__"] == [body["detail"]]
    assert not FormSubmission.objects.exists()
    assert not ConsentRecord.objects.exists()


@pytest.mark.parametrize(
    "revisions", ["not json", "[1, 2]", '{"newsletter": "12"}', '{"surveys": 1}']
)
def test_unreadable_or_foreign_revisions_are_a_400_with_a_json_error(
    client, contact_page, valid_data, revisions
):
    response = client.post(submit_url(contact_page), {**valid_data, "purpose_revisions": revisions})

    assert response.status_code == 400
    assert response.json()["errors"]["purpose_revisions"]
    assert not FormSubmission.objects.exists()
