"""Form definitions in the shared cache: an editor's change is seen by every process at its
next request, including one that read while the change was not yet committed."""

import pytest
from django.db import transaction

from forms import cache
from privacy import memo

pytestmark = pytest.mark.django_db


def test_a_purpose_saved_retires_what_another_process_cached_before_the_commit(
    answer_purpose, django_capture_on_commit_callbacks
):
    assert cache.cached("purpose-text", lambda: "old") == "old"

    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        answer_purpose.consent_text = "new"
        answer_purpose.save()
        # Another process reads now: the new version, but the row as committed, the old text.
        assert cache.cached("purpose-text", lambda: "old") == "old"

    assert cache.cached("purpose-text", lambda: "new") == "new"


def test_a_process_sees_the_version_another_process_set(answer_purpose):
    before = cache.version()
    # Another process's edit reaches this one only through the shared cache.
    cache._cache().set(cache.VERSION_KEY, "set-elsewhere", None)

    assert cache.version() == "set-elsewhere" != before
    assert cache.cached("inbox", lambda: "fresh") == "fresh"


@pytest.fixture
def in_request():
    # The receivers alone: the signals would also close the test's database connection.
    memo.request_started()
    yield
    memo.request_finished()


def test_a_request_reads_the_version_once_and_the_next_request_reads_it_again(in_request):
    during = cache.version()
    cache._cache().set(cache.VERSION_KEY, "set-elsewhere", None)
    assert cache.version() == during

    memo.request_finished()
    memo.request_started()

    assert cache.version() == "set-elsewhere"


def test_an_edit_made_in_a_request_shows_in_the_same_request(answer_purpose, in_request):
    before = cache.version()
    answer_purpose.consent_text = "new"
    answer_purpose.save()

    assert cache.version() not in (None, before)
    assert cache.cached("purpose-text", lambda: "new") == "new"


def test_outside_a_request_every_read_asks_the_shared_cache():
    cache.version()
    cache._cache().set(cache.VERSION_KEY, "set-elsewhere", None)

    assert cache.version() == "set-elsewhere"
