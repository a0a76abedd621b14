"""Publishing, unpublishing, moving and deleting a page purge the CDN and tell front-ends."""

import hashlib
import hmac
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.home.factories import StandardPageFactory, translate

pytestmark = pytest.mark.django_db

SECRET = "front-end-shared-secret"


class Receiver(BaseHTTPRequestHandler):
    """A front-end's webhook endpoint and a caching proxy's purge port in one."""

    def _record(self):
        length = int(self.headers.get("Content-Length") or 0)
        self.server.received.append(
            (self.command, self.path, dict(self.headers), self.rfile.read(length))
        )
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_POST = do_PURGE = _record

    def log_message(self, *args):
        pass


@pytest.fixture
def receiver(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    server.received = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    settings.HEADLESS_WEBHOOK_URLS = [f"{base}/rebuild"]
    settings.HEADLESS_WEBHOOK_SECRET = SECRET
    settings.WAGTAILFRONTENDCACHE = {
        "http": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": base,
        }
    }
    settings.WAGTAILFRONTENDCACHE_LANGUAGES = []
    yield server.received
    server.shutdown()


def webhooks(received):
    """The verified bodies of the webhooks received; fails on a bad signature."""
    bodies = []
    for method, _path, headers, body in received:
        if method != "POST":
            continue
        timestamp = headers["X-Webhook-Timestamp"]
        expected = hmac.new(SECRET.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
        assert hmac.compare_digest(headers["X-Webhook-Signature"], f"sha256={expected.hexdigest()}")
        assert abs(time.time() - int(timestamp)) < 60
        bodies.append(json.loads(body))
    return bodies


def purged(received):
    return [path for method, path, _headers, _body in received if method == "PURGE"]


@pytest.fixture
def about(home_page):
    return StandardPageFactory(parent=home_page, title="Over ons", slug="over-ons")


def test_publishing_sends_a_signed_webhook_and_purges_the_page(
    receiver, about, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        about.save_revision().publish()

    [body] = webhooks(receiver)
    assert body["action"] == "publish"
    assert (body["page_id"], body["locale"]) == (about.pk, "nl")
    assert body["old_path"] == body["new_path"] == "/nl/over-ons/"
    assert purged(receiver) == ["/nl/over-ons/"]


def test_a_new_slug_names_the_old_and_the_new_path(
    receiver, about, django_capture_on_commit_callbacks
):
    about.slug = "wie-we-zijn"
    with django_capture_on_commit_callbacks(execute=True):
        about.save_revision().publish()

    [body] = webhooks(receiver)
    assert (body["old_path"], body["new_path"]) == ("/nl/over-ons/", "/nl/wie-we-zijn/")
    assert sorted(purged(receiver)) == ["/nl/over-ons/", "/nl/wie-we-zijn/"]


def test_unpublishing_says_the_page_is_gone(receiver, about, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        about.unpublish()

    [body] = webhooks(receiver)
    assert (body["action"], body["old_path"], body["new_path"]) == (
        "unpublish",
        "/nl/over-ons/",
        None,
    )


def test_moving_names_both_paths(receiver, about, home_page, django_capture_on_commit_callbacks):
    team = StandardPageFactory(parent=about, title="Team", slug="team")
    with django_capture_on_commit_callbacks(execute=True):
        team.move(home_page, pos="last-child")

    [body] = webhooks(receiver)
    assert (body["action"], body["page_id"]) == ("move", team.pk)
    assert (body["old_path"], body["new_path"]) == ("/nl/over-ons/team/", "/nl/team/")


def test_deleting_a_translated_page_names_its_locale(
    receiver, about, home_page, locales, django_capture_on_commit_callbacks
):
    translate(home_page, locales["fr"], slug="accueil")
    french = translate(about, locales["fr"], slug="a-propos")
    receiver.clear()
    with django_capture_on_commit_callbacks(execute=True):
        french.delete()

    [body] = webhooks(receiver)
    assert (body["action"], body["locale"], body["old_path"]) == ("delete", "fr", "/fr/a-propos/")


def test_an_unreachable_front_end_never_stops_a_publication(
    settings, about, django_capture_on_commit_callbacks
):
    settings.HEADLESS_WEBHOOK_URLS = ["http://127.0.0.1:9/unreachable"]
    settings.HEADLESS_WEBHOOK_TIMEOUT = 0.5

    with django_capture_on_commit_callbacks(execute=True):
        about.save_revision().publish()

    about.refresh_from_db()
    assert about.live and not about.has_unpublished_changes
