"""Data-subject requests as the tests of both sides share them: the request page and its
purpose, a sent and a confirmed request, the officers who handle them. Registered for the
whole suite in ``tests/conftest.py``, so the site's tests use the same ones."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

from privacy.models import DataRequestPage, DataSubjectRequest, LegalBasis, RetentionStart
from tests.privacy.factories import PurposeFactory


@pytest.fixture
def request_purpose(locales):
    return PurposeFactory(
        key="privacy-request",
        name="Uw privacyverzoek behandelen",
        description="We bewaren uw verzoek drie jaar na afsluiting.",
        legal_basis=LegalBasis.LEGAL_OBLIGATION,
        retention_period=1095,
        retention_from=RetentionStart.DECISION,
    )


@pytest.fixture
def request_page(home_page, request_purpose):
    page = DataRequestPage(title="Uw gegevens", slug="uw-gegevens", intro="<p>Vraag het ons.</p>")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def send(client, request_page, django_capture_on_commit_callbacks):
    def post(email="ann@example.org", kind="access", message="Wat bewaart u over mij?"):
        with django_capture_on_commit_callbacks(execute=True):
            data = {"kind": kind, "email": email, "message": message}
            return client.post(request_page.url, data, follow=True)

    return post


def link_in(message, part):
    return "/" + re.search(rf"https?://\S+{part}\S+/", message.body).group(0).split("/", 3)[3]


@pytest.fixture
def confirmed(send, client, django_capture_on_commit_callbacks):
    """A request whose sender followed the link and pressed the button."""
    send()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(link_in(mail.outbox[-1], "/requests/confirm/"))
    return DataSubjectRequest.objects.get()


@pytest.fixture
def make_officer(db):
    def make(username):
        user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw")
        user.groups.add(Group.objects.get(name="Privacy officers"))
        return user

    return make


@pytest.fixture
def officer(make_officer):
    return make_officer("officer")


def admin_url(name, *args):
    return reverse(f"data_requests:{name}", args=args)
