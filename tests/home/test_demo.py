"""``load_demo`` builds the three-language site and changes nothing when run again."""

import io
import re
from urllib.parse import urlsplit

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Page, Revision, Site
from wagtail_localize.models import StringTranslation, TranslationSource

from home.demo import child_page_ensure, home_page_ensure
from home.demo_content import CHILD_PAGES
from home.models import HomePage, OrganisationSettings


def tree_snapshot():
    return {
        "pages": list(
            Page.objects.order_by("path").values_list(
                "id",
                "path",
                "url_path",
                "locale__language_code",
                "live",
                "title",
                "translation_key",
                "alias_of_id",
            )
        ),
        "revisions": Revision.objects.count(),
        "string_translations": StringTranslation.objects.count(),
        "sites": list(Site.objects.values_list("id", "root_page_id", "is_default_site")),
        "groups": sorted(Group.objects.values_list("name", flat=True)),
    }


def test_load_demo_twice_gives_the_same_tree(db, client):
    call_command("load_demo", stdout=io.StringIO())
    first = tree_snapshot()
    call_command("load_demo", stdout=io.StringIO())

    assert tree_snapshot() == first

    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    assert isinstance(home, HomePage) and home.locale.language_code == "nl"
    assert {"Editors", "Moderators", "Recruitment", "Privacy officers"} <= set(first["groups"])
    # Without DEBUG no account with a known name is created.
    assert not get_user_model().objects.filter(username="admin").exists()
    # Wagtail's welcome page is gone; one home page per language remains at the top.
    tops = Page.objects.filter(depth=2)
    assert sorted(page.locale.language_code for page in tops) == ["en", "fr", "nl"]
    assert {page.specific_class for page in tops} == {HomePage}

    for slug in ("over-ons", "privacy", "vacatures", "contact"):
        nl_page = home.get_children().get(slug=slug)
        translations = nl_page.get_translations().live()
        assert {p.locale.language_code for p in translations} == {"fr", "en"}
    # The translations are wagtail-localize's: editors can update them from the admin.
    about = home.get_children().get(slug="over-ons")
    source = TranslationSource.objects.get_for_instance(about)
    assert {t.target_locale.language_code for t in source.translations.all()} == {"fr", "en"}
    assert OrganisationSettings.load().privacy_email

    assert "À propos" in client.get("/fr/a-propos/").content.decode()
    assert "About us" in client.get("/en/about-us/").content.decode()


def test_demo_slugs_are_in_each_language_and_old_addresses_redirect(db, client):
    call_command("load_demo", stdout=io.StringIO())

    for url in ("/nl/over-ons/", "/fr/a-propos/", "/nl/vacatures/", "/fr/offres-d-emploi/"):
        assert client.get(url).status_code == 200, url
    for old, new in [
        ("/fr/about/", "/fr/a-propos/"),  # the earlier demo's slug
        ("/fr/over-ons/", "/fr/a-propos/"),  # the untranslated slug
        ("/nl/about/", "/nl/over-ons/"),
        ("/en/careers/", "/en/vacancies/"),
        ("/fr/careers/trade-adviser/", "/fr/offres-d-emploi/conseiller-commercial/"),
    ]:
        response = client.get(old)
        assert response.status_code in (301, 302), old
        assert response["Location"] == new, old


def test_an_earlier_demo_gets_the_translated_slugs_without_a_second_page(db, client):
    call_command("load_demo", stdout=io.StringIO())
    # What the demo made before its slugs were translated: "about" in every language.
    for page in Page.objects.filter(slug__in=["over-ons", "a-propos", "about-us"]).specific():
        page.slug = "about"
        page.save_revision().publish()
    from wagtail.contrib.redirects.models import Redirect

    Redirect.objects.all().delete()
    pages = Page.objects.count()

    call_command("load_demo", stdout=io.StringIO())

    assert Page.objects.count() == pages
    assert client.get("/fr/a-propos/").status_code == 200
    assert client.get("/fr/about/")["Location"] == "/fr/a-propos/"


@override_settings(DEBUG=True)
def test_load_demo_with_debug_creates_accounts_whose_printed_passwords_work(db):
    out = io.StringIO()
    call_command("load_demo", stdout=out)

    match = re.search(r"superuser 'admin' with password: (\S+)", out.getvalue())
    assert match, out.getvalue()
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff
    assert admin.check_password(match[1])
    # One account per staff group, to walk the README's tour role by role.
    for username, group in [
        ("editor", "Editors"),
        ("moderator", "Moderators"),
        ("secretariat", "Secretariat"),
        ("recruiter", "Recruitment"),
        ("organiser", "Events"),
        ("privacy", "Privacy officers"),
    ]:
        printed = re.search(rf"{group} account '{username}' with password: (\S+)", out.getvalue())
        assert printed, username
        user = get_user_model().objects.get(username=username)
        assert list(user.groups.values_list("name", flat=True)) == [group]
        assert user.check_password(printed[1]) and not user.is_superuser

    again = io.StringIO()
    call_command("load_demo", stdout=again)
    assert "password:" not in again.getvalue()
    admin.refresh_from_db()
    assert admin.check_password(match[1])


def test_demo_site_serves_pages_at_the_address_the_api_links_to(client, locales, default_site):
    home = home_page_ensure(locale=locales["nl"], log=print)
    about = child_page_ensure(parent=home, spec=CHILD_PAGES[0], log=print)

    data = client.get(f"/api/v2/pages/{about.pk}/").json()

    html_url, detail_url = urlsplit(data["meta"]["html_url"]), urlsplit(data["meta"]["detail_url"])
    assert (html_url.scheme, html_url.netloc) == (detail_url.scheme, detail_url.netloc)
    assert html_url.path == "/nl/over-ons/"


@override_settings(WAGTAILADMIN_BASE_URL="https://kamer.example")
def test_demo_site_takes_hostname_and_scheme_port_from_the_base_url(locales, default_site):
    home_page_ensure(locale=locales["nl"], log=print)
    home_page_ensure(locale=locales["nl"], log=print)

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("kamer.example", 443)
    assert site.root_url == "https://kamer.example"


def test_demo_keeps_a_site_address_someone_chose(locales, default_site):
    default_site.hostname = "www.kamer.example"
    default_site.save()

    home_page_ensure(locale=locales["nl"], log=print)

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("www.kamer.example", 80)


def test_the_home_pages_call_to_action_leads_to_the_membership_form(db, client):
    call_command("load_demo", stdout=io.StringIO())

    for home in HomePage.objects.select_related("locale"):
        [cta] = [block for block in home.body if block.block_type == "call_to_action"]
        target = cta.value["page"].specific
        assert (
            target.slug
            == {"nl": "lidmaatschap", "fr": "adhesion", "en": "membership"}[
                home.locale.language_code
            ]
        ), home.locale
        assert target.locale_id == home.locale_id
        html = client.get(home.url).content.decode()
        assert f'href="{target.url}"' in html
