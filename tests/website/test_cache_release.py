"""Two releases of the code share Redis during a rolling deploy: each reads only the values
it stored itself, and an edit through either reaches the copies of both. Real Redis at
127.0.0.1:6379, each test under releases of its own."""

import uuid

import pytest
from django.core.cache.backends.redis import RedisCache

from tests.website.test_deploy import PRODUCTION_ENV, run_python
from website.cache import RELEASES_KEY, OutageTolerantRedisCache

redis = pytest.importorskip("redis")
LOCATION = "redis://127.0.0.1:6379/0"


class Menu:
    """A value only this release knows how to unpickle."""

    def __init__(self, items):
        self.items = items


@pytest.fixture
def client():
    connection = redis.Redis.from_url(LOCATION, socket_connect_timeout=1)
    try:
        connection.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("Redis does not answer at 127.0.0.1:6379")
    return connection


@pytest.fixture
def releases(client):
    """The shared cache as the old and the new release's processes configure it."""
    names = [f"test-{uuid.uuid4().hex[:12]}-{n}" for n in ("old", "new")]
    made = [
        OutageTolerantRedisCache(LOCATION, {"KEY_PREFIX": name, "OPTIONS": {}}) for name in names
    ]
    yield made
    for name in names:
        client.zrem(RELEASES_KEY, name)
        for key in client.scan_iter(f"{name}:*"):
            client.delete(key)


def test_production_keeps_the_shared_cache_under_the_release():
    result = run_python(
        "-c",
        "from django.conf import settings; print(settings.CACHES['default']['KEY_PREFIX'])",
        **PRODUCTION_ENV,
        RELEASE="2026.12.1",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "2026.12.1"


def test_a_release_does_not_read_the_values_another_release_stored(releases, client):
    old, new = releases

    old.set("home:menu:nl", Menu(["Nieuws", "Agenda"]), 60)
    old.add("privacy:policy-urls", {"nl": "/nl/privacy/"}, 60)

    assert new.get("home:menu:nl") is None
    assert new.get_many(["home:menu:nl", "privacy:policy-urls"]) == {}
    assert new.get("privacy:policy-urls", "miss") == "miss"
    # The old release still reads its own, stored under its own prefix.
    assert old.get("home:menu:nl").items == ["Nieuws", "Agenda"]
    assert client.exists(old.make_key("home:menu:nl"))
    assert not client.exists(new.make_key("home:menu:nl"))


def test_a_plain_redis_cache_without_releases_would_read_the_other_releases_value(client):
    """What the prefix prevents: the same keys without it are one value for both."""
    shared = f"test-{uuid.uuid4().hex[:12]}"
    first = RedisCache(LOCATION, {"KEY_PREFIX": shared})
    second = RedisCache(LOCATION, {"KEY_PREFIX": shared})
    try:
        first.set("home:menu:nl", Menu(["Nieuws"]), 60)
        assert second.get("home:menu:nl").items == ["Nieuws"]
    finally:
        first.delete("home:menu:nl")


def test_an_edit_through_one_release_makes_the_other_forget_its_copy(releases):
    old, new = releases
    new.set("privacy:controller-identities", ["Chamber (old text)"], None)
    new.set("forms:definitions:version", "v1", None)
    new.set_many({"privacy:cookie-setup:nl": "old", "privacy:cookie-setup:fr": "old"}, 60)

    # An editor saves through a process of the old release: it forgets and replaces.
    old.delete("privacy:controller-identities")
    old.set("forms:definitions:version", "v2", None)
    old.delete_many(["privacy:cookie-setup:nl", "privacy:cookie-setup:fr"])

    assert new.get("privacy:controller-identities") is None
    assert new.get("forms:definitions:version") is None
    assert new.get_many(["privacy:cookie-setup:nl", "privacy:cookie-setup:fr"]) == {}
    assert old.get("forms:definitions:version") == "v2"

    # And the other way round: the new release's edit reaches the old one's copy.
    new.set("forms:definitions:version", "v3", None)
    assert old.get("forms:definitions:version") is None


def test_counters_count_per_release(releases):
    old, new = releases
    for cache in (old, new):
        cache.add("ratelimit:contact:10.0.0.1", 0, 60)
    old.incr("ratelimit:contact:10.0.0.1")
    old.incr("ratelimit:contact:10.0.0.1")
    new.incr("ratelimit:contact:10.0.0.1")

    assert old.get("ratelimit:contact:10.0.0.1") == 2
    assert new.get("ratelimit:contact:10.0.0.1") == 1
