"""Editors mark a material change: the version and its date follow; a correction leaves them."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from privacy.models import PrivacyPolicyPage
from tests.privacy.policy_factories import controller_identity, policy_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(get_user_model().objects.create_superuser("root", "r@example.org", "pw"))
    return client


@pytest.fixture
def identity(locales):
    return controller_identity(locales["nl"])


def edit(admin_client, page, **extra):
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": rich_text("<p>Nieuwe inleiding.</p>"),
            "body": streamfield([]),
            "version": page.version,
            "material_change_date": page.material_change_date.isoformat(),
            "show_register": "on",
            "action-publish": "publish",
            **extra,
        }
    )
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page.refresh_from_db()
    return page


def test_a_material_change_raises_the_version_and_dates_it_today(admin_client, home_page, identity):
    page = policy_page(home_page)

    page = edit(admin_client, page, material_change="on")

    assert page.version == "3.0"
    assert page.material_change_date == timezone.localdate()


def test_a_correction_leaves_version_and_date_alone(admin_client, home_page, identity):
    page = policy_page(home_page)

    page = edit(admin_client, page)

    assert page.version == "2.1" and page.material_change_date == date(2026, 3, 15)
    assert "Nieuwe inleiding." in page.intro


def _create_data(**extra):
    return nested_form_data(
        {
            "title": "Privacybeleid",
            "slug": "privacy",
            "intro": rich_text("<p>Inleiding.</p>"),
            "body": streamfield([]),
            "version": "1.0",
            "material_change_date": "",
            "show_register": "on",
            **extra,
        }
    )


def _create_url(home_page):
    return reverse("wagtailadmin_pages:add", args=["privacy", "privacypolicypage", home_page.pk])


def test_the_policy_is_not_published_without_a_controller_identity(admin_client, home_page):
    response = admin_client.post(
        _create_url(home_page), _create_data(**{"action-publish": "publish"})
    )

    assert response.status_code == 200
    assert "Vul de verwerkingsverantwoordelijke in deze taal in" in response.content.decode()
    assert not PrivacyPolicyPage.objects.filter(live=True).exists()


def test_a_draft_needs_no_controller_identity_yet(admin_client, home_page):
    response = admin_client.post(_create_url(home_page), _create_data())

    assert response.status_code == 302
    assert PrivacyPolicyPage.objects.get().live is False


def test_the_policy_is_published_once_the_identity_is_stated(admin_client, home_page, identity):
    response = admin_client.post(
        _create_url(home_page), _create_data(**{"action-publish": "publish"})
    )

    assert response.status_code == 302
    assert PrivacyPolicyPage.objects.get().live is True
