"""Links in e-mails carry no personal data: the preference centre's token is opaque and a
request's confirmation names the request only; a one-use link opened again says it was used
and where to write."""

import base64
import contextlib
import re
import zlib

import pytest
from django.core import mail, signing
from django.urls import reverse
from django.utils import translation

from privacy.links import link_sign
from privacy.services.preferences import preference_centre_url, preference_token_load
from privacy.services.requests import request_submit

pytestmark = pytest.mark.django_db

ADDRESS = "ann.peeters@example.org"


def _decoded(token: str) -> str:
    """Everything anyone holding the link can read from its token, as text."""
    texts = [token]
    for part in token.split(":"):
        part = part.lstrip(".")
        try:
            raw = base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
        except ValueError:
            continue
        texts.append(raw.decode("latin-1"))
        with contextlib.suppress(zlib.error):
            texts.append(zlib.decompress(raw).decode("latin-1"))
    return " ".join(texts)


def _token(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[1]


def test_a_preference_link_holds_no_address_and_still_opens_the_centre(client, locales):
    url = preference_centre_url(ADDRESS, "en")
    token = _token(url)

    assert ADDRESS not in _decoded(token)
    assert "ann.peeters" not in _decoded(token)
    with pytest.raises(signing.BadSignature):
        signing.loads(token, salt="privacy.preferences")
    assert preference_token_load(token=token) == ADDRESS
    page = client.get("/" + url.split("/", 3)[3])
    assert page.status_code == 200
    assert ADDRESS in page.content.decode()


def test_a_request_confirmation_link_holds_no_address(locales, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        request_submit(kind="access", email=ADDRESS, message="", locale="en")

    [message] = mail.outbox
    link = re.search(r"https?://\S+/requests/confirm/\S+/", message.body).group(0)
    assert "ann.peeters" not in _decoded(_token(link))


def test_no_signed_link_can_carry_an_address():
    with pytest.raises(ValueError):
        link_sign(salt="anything", payload={"e": ADDRESS})


def test_a_sign_up_link_used_twice_says_so_and_gives_the_privacy_address(
    client, locales, django_capture_on_commit_callbacks, settings
):
    from tests.privacy.factories import PurposeFactory

    settings.PRIVACY_CONTACT_EMAIL = "privacy@example.org"
    PurposeFactory(key="newsletter")
    with django_capture_on_commit_callbacks(execute=True), translation.override("en"):
        client.post(reverse("privacy:signup"), {"email": ADDRESS, "topics": ["newsletter"]})
    link = re.search(r"https?://\S+/newsletter/confirm/\S+/", mail.outbox[0].body).group(0)
    path = "/" + link.split("/", 3)[3]
    assert client.post(path).status_code == 200

    for again in (client.get(path), client.post(path)):
        assert again.status_code == 410
        html = again.content.decode()
        assert "This link has already been used" in html
        assert "privacy@example.org" in html
