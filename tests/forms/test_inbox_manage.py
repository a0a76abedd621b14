"""Managing an inbox in the admin: the purpose its submissions are kept under is one a form
may state, as the page editor's purpose chooser offers them."""

import pytest

from forms.models import Inbox
from privacy.models import LegalBasis
from tests.forms.factories import InboxFactory
from tests.forms.inbox_admin import inbox_save
from tests.privacy.factories import PurposeFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("key", ["form-protection", "consent-proofs", "cookies-statistics"])
def test_an_inbox_cannot_keep_its_submissions_under_a_purpose_the_site_states_itself(
    admin_client, key
):
    inbox = InboxFactory()
    kept_under = inbox.purpose
    internal = PurposeFactory(key=key, legal_basis=LegalBasis.LEGITIMATE_INTEREST)

    response = inbox_save(admin_client, inbox, internal)

    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"purpose"}
    assert Inbox.objects.get(pk=inbox.pk).purpose == kept_under


def test_an_inbox_takes_a_purpose_a_form_may_state(admin_client):
    inbox = InboxFactory()
    answer = PurposeFactory(key="answer-request", legal_basis=LegalBasis.LEGITIMATE_INTEREST)

    response = inbox_save(admin_client, inbox, answer)

    assert response.status_code == 302
    assert Inbox.objects.get(pk=inbox.pk).purpose == answer
