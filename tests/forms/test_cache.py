"""Form definitions in the shared cache: an editor's change is seen by every process at its
next request, including one that read while the change was not yet committed."""

import pytest
from django.db import transaction

from forms import cache

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
