"""Editors reach the home app's models in Wagtail's admin."""

from django.urls import reverse


def test_organisation_settings_open_in_the_admin(admin_client, site_tree):
    url = reverse("wagtailsettings:edit", args=["home", "organisationsettings"])

    response = admin_client.get(url, follow=True)

    assert response.status_code == 200
    assert b"organisation_name" in response.content


def test_standard_page_can_be_added_under_the_home_page(admin_client, site_tree):
    home = site_tree.home["nl"]
    url = reverse("wagtailadmin_pages:add", args=["home", "standardpage", home.pk])

    response = admin_client.get(url)

    assert response.status_code == 200
