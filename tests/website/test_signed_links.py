"""Every page a signed link opens, in every app (the preference centre's opaque links are
tested with it, tests/privacy/test_opaque_links.py), refuses an unusable link with privacy's one
refusal page: 400 when altered, 410 when expired, and the button does nothing either way."""

import pytest
from django.urls import reverse
from django.utils import translation

from careers.services.links import RENEW, WITHDRAW
from events.services.links import REGISTRATION, SPEAKER
from privacy.services.requests import ANSWER_SALT, CONFIRM_SALT
from tests.privacy.links import aged_token, tampered

pytestmark = pytest.mark.django_db

# URL name, its salt, a payload as the app signs it, and whether it has a button.
LINKS = [
    ("privacy:request_confirm", CONFIRM_SALT, {"pk": 1}, True),
    ("privacy:request_answer", ANSWER_SALT, {"a": 1, "r": 1}, False),
    ("careers:withdraw", WITHDRAW.salt, {"pk": 1, "submitted_at": ""}, True),
    ("careers:renew", RENEW.salt, {"pk": 1, "talent_pool_since": ""}, True),
    ("events:registration_cancel", REGISTRATION.salt, {"pk": 1}, True),
    ("events:registration_choices", REGISTRATION.salt, {"pk": 1}, True),
    ("events_speakers:speaker_list", SPEAKER.salt, {"pk": 1}, False),
]


def _url(name, token):
    with translation.override("en"):
        return reverse(name, kwargs={"token": token})


@pytest.mark.parametrize(("name", "salt", "payload", "button"), LINKS)
def test_an_expired_link_gets_the_410_page(client, name, salt, payload, button):
    url = _url(name, aged_token(salt=salt, payload=payload, days=5000))

    for response in [client.get(url), *([client.post(url)] if button else [])]:
        assert response.status_code == 410
        assert [t.name for t in response.templates][0] == "privacy/link_refused.html"
        assert "This link has expired" in response.content.decode()


@pytest.mark.parametrize(("name", "salt", "payload", "button"), LINKS)
def test_an_altered_link_gets_the_400_page(client, name, salt, payload, button):
    genuine = aged_token(salt=salt, payload=payload, days=0)
    url = _url(name, tampered(genuine))

    for response in [client.get(url), *([client.post(url)] if button else [])]:
        assert response.status_code == 400
        assert [t.name for t in response.templates][0] == "privacy/link_refused.html"
        assert "This link is not valid" in response.content.decode()
