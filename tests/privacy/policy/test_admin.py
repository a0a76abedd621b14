"""Editors mark a material change: the version and its date follow; a correction leaves them."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from tests.privacy.policy_factories import policy_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(get_user_model().objects.create_superuser("root", "r@example.org", "pw"))
    return client


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


def test_a_material_change_raises_the_version_and_dates_it_today(admin_client, home_page):
    page = policy_page(home_page)

    page = edit(admin_client, page, material_change="on")

    assert page.version == "3.0"
    assert page.material_change_date == timezone.localdate()


def test_a_correction_leaves_version_and_date_alone(admin_client, home_page):
    page = policy_page(home_page)

    page = edit(admin_client, page)

    assert page.version == "2.1" and page.material_change_date == date(2026, 3, 15)
    assert "Nieuwe inleiding." in page.intro
