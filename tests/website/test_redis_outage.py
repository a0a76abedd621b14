"""Redis stopped: pages keep serving, staff stay signed in, submissions are counted in the
process, and ``/healthz`` says the cache is down. A ``redis-server`` of the test's own, on a
free port, is started and stopped for real; production's cache settings point at it."""

import shutil
import socket
import subprocess
import time

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse

from forms.models import FormSubmission
from tests.website.test_public_basics import tree  # noqa: F401 (a fixture)
from website.cache import outage_forget

pytestmark = pytest.mark.skipif(not shutil.which("redis-server"), reason="no redis-server")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RedisServer:
    def __init__(self):
        self.port = _free_port()
        self.process = None

    def start(self) -> None:
        if self.process is not None:
            return
        self.process = subprocess.Popen(  # noqa: S603 (fixed arguments)
            [
                shutil.which("redis-server"), "--port", str(self.port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no",
            ],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), 0.5).close()
                return
            except OSError:
                time.sleep(0.05)
        raise TimeoutError("redis-server did not start")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=30)
            self.process = None


@pytest.fixture(scope="module")
def redis_server():
    server = RedisServer()
    yield server
    server.stop()


@pytest.fixture
def shared_cache(settings, redis_server):
    """The production cache and sessions, on the test's Redis (running)."""
    redis_server.start()
    settings.CACHES = {
        "default": {
            "BACKEND": "website.cache.OutageTolerantRedisCache",
            "LOCATION": f"redis://127.0.0.1:{redis_server.port}/0",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    settings.SESSION_ENGINE = "website.sessions"
    outage_forget()
    yield redis_server
    redis_server.start()
    outage_forget()


def test_with_redis_stopped_pages_serve_and_staff_stay_signed_in(client, tree, shared_cache):  # noqa: F811
    user = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(user)
    pages = [tree["home"]["nl"], tree["about"]["fr"], tree["about"]["en"]]
    for page in pages:
        assert client.get(page.url).status_code == 200
    assert client.get(reverse("wagtailadmin_home")).status_code == 200

    shared_cache.stop()

    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert page.title in response.content.decode()
    admin = client.get(reverse("wagtailadmin_home"))
    assert admin.status_code == 200
    assert admin.wsgi_request.user == user

    shared_cache.start()
    for page in pages:
        assert client.get(page.url).status_code == 200


@override_settings(FORMS_RATE_LIMIT="2/m")
def test_with_redis_stopped_submissions_are_stored_and_counted_in_the_process(
    client, contact_page, valid_data, shared_cache
):
    url = f"/api/forms/{contact_page.pk}/submissions"
    shared_cache.stop()

    statuses = [client.post(url, valid_data).status_code for _ in range(3)]

    # Counted in this process's memory: the third from the same client is refused as ever.
    assert statuses == [201, 201, 429]
    assert FormSubmission.objects.count() == 2


def test_healthz_names_the_cache_while_redis_is_stopped_and_not_after(
    client, transactional_db, shared_cache
):
    assert client.get("/healthz").status_code == 200

    shared_cache.stop()
    # A page's read first: its failure makes the process leave Redis alone for a while.
    assert cache.get("home:chrome:generation") is None
    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["failed"] == ["cache"]

    shared_cache.start()
    # The probe asks Redis itself, not the pages' memory of the outage.
    assert client.get("/healthz").status_code == 200
