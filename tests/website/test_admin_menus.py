"""Each staff member's admin menu holds what they can act on, in their own language: the
Translations report only for those who may submit translations, and the menu items Wagtail
and wagtail-localize label once per process relabelled for each reader."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission
from wagtail.users.models import UserProfile

pytestmark = pytest.mark.django_db

REPORT = "/admin/localize/reports/translations/"


def speaking(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


@pytest.fixture
def translator(make_user):
    editors = Group.objects.get_or_create(name="Editors")[0]
    editors.permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtail_localize", codename="submit_translation"
        )
    )
    return make_user("editor", groups=[editors])


def menu_of(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


def test_the_report_is_where_the_menu_says():
    assert reverse("wagtail_localize:translations_report") == REPORT


@pytest.mark.parametrize("group", ["Recruitment", "Events", "Secretariat"])
def test_staff_who_cannot_translate_have_no_translations_report(client, make_user, group):
    user = make_user("staff", groups=[Group.objects.get_or_create(name=group)[0]])

    assert REPORT not in menu_of(client, user)


def test_an_editor_who_may_translate_has_the_translations_report(client, translator):
    assert REPORT in menu_of(client, translator)


def test_privacy_officers_who_translate_purposes_have_the_translations_report(client, make_user):
    # Their group's migration lets them submit translations of purposes and policies.
    officer = make_user("officer", groups=[Group.objects.get_or_create(name="Privacy officers")[0]])

    assert REPORT in menu_of(client, officer)


def test_the_menu_speaks_each_readers_language_whoever_came_first(client, translator, make_user):
    # The first reader of the process is Dutch: Wagtail and wagtail-localize label then.
    dutch = speaking(make_user("nl-editor", groups=translator.groups.all()), "nl")
    assert "Vertalingen" in menu_of(client, dutch)

    french = menu_of(client, speaking(translator, "fr"))

    assert "Traductions" in french
    assert "Vertalingen" not in french
    assert "Ce qui est nouveau avec Wagtail" in french
    assert "Wat is er nieuw" not in french


SEARCH_ALL_PAGES = 'placeholder="Search all pages'


@pytest.mark.parametrize("group", ["Recruitment", "Events", "Secretariat", "Privacy officers"])
def test_staff_who_cannot_browse_pages_get_no_page_search_on_the_dashboard(
    client, make_user, group
):
    # Wagtail offered them the box and refused the search they made with it.
    user = make_user("staff", groups=[Group.objects.get_or_create(name=group)[0]])

    html = menu_of(client, speaking(user, "en"))

    assert SEARCH_ALL_PAGES not in html
    assert f'action="{reverse("wagtailadmin_explore_root")}"' not in html


def test_an_editor_searches_pages_from_the_dashboard(client, translator, root_page):
    editors = translator.groups.get()
    GroupPagePermission.objects.get_or_create(
        group=editors, page=root_page, permission=Permission.objects.get(codename="change_page")
    )

    html = menu_of(client, speaking(translator, "en"))

    assert SEARCH_ALL_PAGES in html
    assert f'action="{reverse("wagtailadmin_explore", args=[root_page.pk])}"' in html
