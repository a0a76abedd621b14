"""Per-client rate limits: the budget, who counts as the client, and the shared Redis cache."""

import uuid

import pytest
from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory, override_settings

from forms.ratelimit import Rate, client_ip, parse_rate, rate_limited, retry_after

factory = RequestFactory()


def post(remote="198.51.100.7", forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return factory.post("/contact/", **extra)


def attempts(requests, scope="contact"):
    return [rate_limited(request, scope=scope) for request in requests]


@override_settings(FORMS_RATE_LIMIT="3/m")
def test_the_request_after_the_budget_is_refused():
    assert attempts(post() for _ in range(4)) == [False, False, False, True]


@override_settings(FORMS_RATE_LIMIT="3/m")
def test_budgets_are_per_client_and_per_scope():
    attempts(post() for _ in range(3))
    assert rate_limited(post(remote="198.51.100.8"), scope="contact") is False
    assert rate_limited(post(), scope="membership") is False
    assert rate_limited(post(), scope="contact") is True


@override_settings(FORMS_RATE_LIMIT="0")
def test_a_zero_rate_turns_limiting_off():
    assert not any(attempts(post() for _ in range(50)))


@override_settings(FORMS_RATE_LIMIT="3/m", TRUSTED_PROXY_COUNT=0)
def test_forged_forwarded_for_does_not_reset_the_budget_without_trusted_proxies():
    requests = [post(forwarded=f"203.0.113.{n}") for n in range(4)]
    assert attempts(requests) == [False, False, False, True]
    assert client_ip(requests[0]) == "198.51.100.7"


@override_settings(FORMS_RATE_LIMIT="3/m", TRUSTED_PROXY_COUNT=1)
def test_with_one_proxy_the_entry_it_appended_is_the_client():
    # The client forged the first entry; our proxy (10.0.0.2) appended the real address.
    request = post(remote="10.0.0.2", forwarded="203.0.113.9, 198.51.100.20")
    assert client_ip(request) == "198.51.100.20"
    forged = [post(remote="10.0.0.2", forwarded=f"203.0.113.{n}, 198.51.100.20") for n in range(4)]
    assert attempts(forged) == [False, False, False, True]
    # Another visitor behind the same proxy has a budget of their own.
    other = post(remote="10.0.0.2", forwarded="198.51.100.21")
    assert rate_limited(other, scope="contact") is False


@override_settings(TRUSTED_PROXY_COUNT=2)
def test_with_two_proxies_the_entry_of_the_outer_proxy_is_the_client():
    request = post(remote="10.0.0.3", forwarded="203.0.113.9, 198.51.100.20, 10.0.0.2")
    assert client_ip(request) == "198.51.100.20"


@override_settings(TRUSTED_PROXY_COUNT=2)
def test_a_request_that_skipped_the_proxies_counts_by_its_own_address():
    assert client_ip(post(remote="198.51.100.30", forwarded="203.0.113.9")) == "198.51.100.30"
    assert client_ip(post(remote="198.51.100.30", forwarded="junk, 10.0.0.1")) == "198.51.100.30"


@override_settings(FORMS_RATE_LIMIT="2/m")
def test_ipv6_clients_are_counted_by_their_64_block():
    requests = [post(remote=f"2001:db8:1:2::{n}") for n in range(1, 4)]
    assert attempts(requests) == [False, False, True]


def test_rates_parse_and_bad_rates_fail_loudly():
    assert parse_rate("5/m") == Rate(5, 60)
    assert parse_rate("100/hour") == Rate(100, 3600)
    assert parse_rate("20/10m") == Rate(20, 600)
    assert parse_rate("") is None
    with pytest.raises(ImproperlyConfigured):
        parse_rate("lots")


@override_settings(FORMS_RATE_LIMIT="5/m")
def test_retry_after_points_to_the_end_of_the_window():
    assert retry_after(now=120.0) == 60
    assert retry_after(now=170.5) == 10


@pytest.fixture
def redis_cache():
    redis = pytest.importorskip("redis")
    try:
        redis.Redis(host="127.0.0.1", port=6379, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("Redis does not answer at 127.0.0.1:6379")
    prefix = f"test-{uuid.uuid4().hex}"
    config = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "shared": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/0",
            "KEY_PREFIX": prefix,
        },
    }
    with override_settings(CACHES=config, FORMS_RATE_LIMIT_CACHE="shared"):
        yield caches["shared"]
        client = redis.Redis(host="127.0.0.1", port=6379)
        for key in client.scan_iter(f"{prefix}:*"):
            client.delete(key)


@override_settings(FORMS_RATE_LIMIT="3/m")
def test_counts_live_in_redis_so_every_worker_shares_them(redis_cache):
    assert attempts(post() for _ in range(4)) == [False, False, False, True]
    keys = [key for key in redis_cache._cache.get_client().scan_iter("*ratelimit*")]
    assert any(redis_cache.key_prefix in key.decode() for key in keys)
    # A worker with a fresh process (empty local memory) still sees the spent budget.
    caches["default"].clear()
    assert rate_limited(post(), scope="contact") is True


def test_a_cache_outage_counts_in_the_process_so_the_limit_still_holds(settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "down": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        },
    }
    settings.FORMS_RATE_LIMIT = "1/m"
    settings.FORMS_RATE_LIMIT_CACHE = "down"
    assert attempts(post() for _ in range(3)) == [False, True, True]
    # Another client has its own budget, as with the shared cache.
    assert rate_limited(post(remote="198.51.100.9"), scope="contact") is False
