"""``load_demo``: the chamber's policy in three languages, the categories and demo tags."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from privacy.models import CookieCategory, PrivacyPolicyPage, Purpose, Tag

pytestmark = pytest.mark.django_db


def test_the_demo_writes_the_policy_and_the_cookie_banner_in_three_languages(client):
    call_command("load_demo", stdout=io.StringIO())

    pages = {p.locale.language_code: p for p in PrivacyPolicyPage.objects.live()}
    assert set(pages) == {"nl", "fr", "en"}
    for code, title, words in [
        ("nl", "Privacybeleid", "Websites van derden"),
        ("fr", "Politique de confidentialité", "Sites de tiers"),
        ("en", "Privacy policy", "Third-party websites"),
    ]:
        html = client.get(pages[code].url).content.decode()
        assert f"<h1>{title}</h1>" in html and words in html
        assert 'id="cookies"' in html and 'id="purpose-answer-request"' in html
        assert 'id="purpose-cookies-analytics"' in html
        footer = html[html.index('<footer class="site-footer">') :]
        assert f'href="{pages[code].url}"' in footer

    for key in ("essential", "preferences", "analytics", "advertising", "social"):
        assert CookieCategory.objects.filter(key=key).count() == 3
    assert sorted(Tag.objects.values_list("category__key", flat=True)) == [
        "advertising",
        "analytics",
        "preferences",
        "social",
    ]
    assert Purpose.objects.filter(key="cookies-social").count() == 3
    officers = Group.objects.get(name="Privacy officers")
    assert {"change_cookiecategory", "change_tag", "change_cookiepolicysettings"} <= set(
        officers.permissions.values_list("codename", flat=True)
    )


def test_the_demo_policy_is_complete_and_says_nothing_the_site_contradicts(client):
    """GDPR arts. 13/14 in nl, fr and en: controllers, every right, the authorities, the
    processors and transfers, per purpose whether data is required; and none of what the site
    does not do (pixels in e-mails, 'only you get access', event registration providers)."""
    call_command("load_demo", stdout=io.StringIO())
    pages = {p.locale.language_code: p for p in PrivacyPolicyPage.objects.live()}
    expected = {
        "nl": ("Kamer van Koophandel Benelux vzw (Nederland)", "Overdraagbaarheid", "reCAPTCHA"),
        "fr": ("Chambre de commerce Benelux asbl (Pays-Bas)", "Portabilité", "reCAPTCHA"),
        "en": ("Benelux Chamber of Commerce (the Netherlands)", "Portability", "reCAPTCHA"),
    }
    for code, (controller, right, transfer) in expected.items():
        html = client.get(pages[code].url).content.decode()
        assert html.count("data-controller") == 2 and controller in html
        assert "data-arrangement" in html
        assert right in html and transfer in html
        assert html.count("data-authority") == 3
        assert "Drukpersstraat 35" in html and "Postbus 93374" in html and "L-4370 Belvaux" in html
        assert html.count("data-required") == html.count("data-retention") > 10
        for anchor in ("controller", "register", "rights", "authorities", "processors"):
            assert f'href="#{anchor}"' in html and f'id="{anchor}"' in html
        for group in ("services", "communication", "events", "careers", "cookies", "proofs"):
            assert f'id="register-{group}"' in html
        lowered = html.lower()
        for untrue in (
            "only you get access",
            "event registration providers",
            "evenementregistratie",
            "d'inscription aux événements",
            "opened e-mails",
            "you can always object",
            "django_language",
            "two weeks",
            "2 weken",
        ):
            assert untrue not in lowered, (code, untrue)
        assert "sessionid" in html


def test_the_cookie_table_says_what_each_cookie_does_who_sets_it_and_how_long(client):
    call_command("load_demo", stdout=io.StringIO())

    essential = CookieCategory.objects.get(key="essential", locale__language_code="en")
    cookies = {block.value["name"]: block.value for block in essential.cookies}
    assert set(cookies) == {"cookie_consent", "csrftoken", "sessionid", "_GRECAPTCHA"}
    assert "Google" in cookies["_GRECAPTCHA"]["provider"]
    assert cookies["sessionid"]["duration"] == "12 hours"
    assert "staff" in cookies["sessionid"]["description"]
    assert all(cookie["description"] and cookie["provider"] for cookie in cookies.values())
