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
