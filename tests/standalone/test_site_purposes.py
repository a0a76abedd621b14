"""A site marks a purpose of its own as one it states by itself, in a ``default_purposes.json``
of its own app (``"system": true``), as the plugins mark theirs: it is loaded with theirs, and
editors cannot keep an inbox's submissions under it any more than under privacy's own."""

import pytest
from django.contrib.auth.models import Group

from forms.models import Inbox
from privacy.selectors import purposes_for_forms
from privacy.services.purposes import purposes_system_keys
from tests.forms.inbox_admin import inbox_save

pytestmark = pytest.mark.django_db

SITE_SYSTEM_PURPOSE = "visitor-statistics-log"  # tests/standalone/siteapp/default_purposes.json


def test_the_sites_own_system_purpose_is_loaded_and_kept_from_forms(purposes):
    assert purposes[SITE_SYSTEM_PURPOSE].name == "The website's visitor statistics"
    assert SITE_SYSTEM_PURPOSE in purposes_system_keys()
    assert not purposes_for_forms().filter(key=SITE_SYSTEM_PURPOSE).exists()
    assert purposes_for_forms().filter(key="newsletter").exists()


@pytest.mark.parametrize("key", [SITE_SYSTEM_PURPOSE, "consent-proofs"])
def test_the_inbox_admin_refuses_the_sites_system_purpose_like_privacys(
    admin_client, purposes, key
):
    inbox = Inbox.objects.create(
        name="Enquiries",
        group=Group.objects.create(name="Office"),
        purpose=purposes["newsletter"],
        notification_address="office@example.org",
    )

    response = inbox_save(admin_client, inbox, purposes[key])

    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"purpose"}
    assert Inbox.objects.get(pk=inbox.pk).purpose == purposes["newsletter"]
