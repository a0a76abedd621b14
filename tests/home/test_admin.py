"""Editors reach the home app's models in Wagtail's admin."""

from django.urls import reverse

from home.models import OrganisationIdentity


def test_organisation_settings_open_in_the_admin(admin_client, site_tree):
    url = reverse("wagtailsettings:edit", args=["home", "organisationsettings"])

    response = admin_client.get(url, follow=True)

    assert response.status_code == 200
    assert b"contact_email" in response.content


def test_organisation_name_and_address_are_translatable_snippets(admin_client, site_tree, locales):
    identity = OrganisationIdentity.objects.create(locale=locales["nl"], name="Kamer Benelux")
    listing = reverse(identity.snippet_viewset.get_url_name("list"))
    translate = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=["home", "organisationidentity", identity.pk],
    )

    response = admin_client.get(listing)

    assert response.status_code == 200
    assert "Kamer Benelux" in response.content.decode()
    assert translate in response.content.decode()


def test_standard_page_can_be_added_under_the_home_page(admin_client, site_tree):
    home = site_tree.home["nl"]
    url = reverse("wagtailadmin_pages:add", args=["home", "standardpage", home.pk])

    response = admin_client.get(url)

    assert response.status_code == 200


def test_the_dashboard_names_the_organisation_in_the_admin_users_language(
    admin_user, admin_client, site_tree, locales
):
    from wagtail.users.models import UserProfile

    names = {
        "nl": "Kamer van Koophandel Benelux",
        "fr": "Chambre de commerce Benelux",
        "en": "Benelux Chamber of Commerce",
    }
    for code, name in names.items():
        OrganisationIdentity.objects.create(locale=locales[code], name=name)
    profile = UserProfile.get_for_user(admin_user)
    seen = {}
    for language in ("nl", "fr", "en"):
        profile.preferred_language = language
        profile.save()
        html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
        seen[language] = html.split('<h1 class="w-h1 w-mt-0">')[1].split("</h1>")[0].strip()

    assert seen == names
