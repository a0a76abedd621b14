"""Managing an inbox in the admin: the purpose its submissions are kept under is one a form
may state, as the page editor's purpose chooser offers them."""

import pytest
from django.urls import reverse

from forms.models import Inbox
from privacy.models import LegalBasis
from tests.forms.factories import InboxFactory
from tests.privacy.factories import PurposeFactory

pytestmark = pytest.mark.django_db


def _save(admin_client, inbox, purpose):
    return admin_client.post(
        reverse("forms_inbox_admin:edit", args=[inbox.pk]),
        {
            "name": inbox.name,
            "names-TOTAL_FORMS": "0",
            "names-INITIAL_FORMS": "0",
            "names-MIN_NUM_FORMS": "0",
            "names-MAX_NUM_FORMS": "1000",
            "group": str(inbox.group_id),
            "notification_address": inbox.notification_address,
            "purpose": str(purpose.pk),
        },
    )


@pytest.mark.parametrize("key", ["form-protection", "consent-proofs", "cookies-statistics"])
def test_an_inbox_cannot_keep_its_submissions_under_a_purpose_the_site_states_itself(
    admin_client, key
):
    inbox = InboxFactory()
    kept_under = inbox.purpose
    internal = PurposeFactory(key=key, legal_basis=LegalBasis.LEGITIMATE_INTEREST)

    response = _save(admin_client, inbox, internal)

    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"purpose"}
    assert Inbox.objects.get(pk=inbox.pk).purpose == kept_under


def test_an_inbox_takes_a_purpose_a_form_may_state(admin_client):
    inbox = InboxFactory()
    answer = PurposeFactory(key="answer-request", legal_basis=LegalBasis.LEGITIMATE_INTEREST)

    response = _save(admin_client, inbox, answer)

    assert response.status_code == 302
    assert Inbox.objects.get(pk=inbox.pk).purpose == answer
