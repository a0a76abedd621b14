"""The second-factor screens fit a phone in every admin language: a label longer than its
button ("Enregistrer une clé d'accès") wraps inside it instead of running past its edge."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.users.models import UserProfile

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}

# Each visible button whose label is wider than the button itself.
OVERFLOWING = """() => Array.from(document.querySelectorAll('main button, main .button'))
    .filter(button => button.offsetParent !== null && button.scrollWidth > button.clientWidth)
    .map(button => button.textContent.trim())"""


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_the_enrolment_buttons_hold_their_labels_on_a_phone(browser, live_server, language):
    user = get_user_model().objects.create_user("officer", "officer@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(Group.objects.get_or_create(name="Privacy officers")[0])
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", "officer")
    page.fill("input[name=password]", "pw")
    page.click("form.login-form button[type=submit]")
    page.wait_for_url(f"**{reverse('two_factor:enrol')}**", wait_until="domcontentloaded")
    page.wait_for_selector("#passkey-register-button")

    overflowing = page.evaluate(OVERFLOWING)
    labels = page.evaluate(
        "() => Array.from(document.querySelectorAll('main button')).map(b => b.textContent.trim())"
    )
    context.close()

    assert len(labels) >= 3, labels
    assert overflowing == []
