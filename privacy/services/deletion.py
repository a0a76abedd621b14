"""The one way rows of registered models are deleted: files first, in batches, with a trace.

Retention and erasure both come through :func:`rows_purge`. It walks the primary keys of a
queryset in ascending chunks (keyset pagination, so memory stays flat however many rows
match), and for each chunk, in its own transaction:

1. re-selects the chunk through the original filter, locking the rows with
   ``SELECT ... FOR UPDATE SKIP LOCKED`` where the database can, so two runs at once never
   handle the same row, and a row already deleted by another run is simply not there;
2. deletes every declared file through its FileField's own storage (a file that is already
   gone counts as deleted);
3. deletes the rows whose files are all gone; a row whose file could not be deleted stays
   and is marked with a :class:`~privacy.models.RetentionFailure`, which the next successful
   run clears;
4. deletes what Wagtail keeps beside the deleted rows: log entries, revisions, translation
   strings (:mod:`.traces`).

A crash between steps 2 and 3 leaves rows pointing at files that no longer exist; the next
run deletes them, which is why missing files are tolerated.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import connections, router, transaction
from django.db.models import F, ProtectedError, QuerySet, RestrictedError
from django.utils import timezone

from ..models import RetentionFailure
from ..registry import Registration
from .traces import traces_collect, traces_delete

Progress = Callable[[int], None]

DEFAULT_BATCH_SIZE = 500
MAX_MESSAGES = 20


@dataclass
class PurgeOutcome:
    """What happened to one model's matching rows; counts only, keyed by purpose key."""

    model: str
    rows: Counter = field(default_factory=Counter)
    files: Counter = field(default_factory=Counter)
    errors: Counter = field(default_factory=Counter)
    error_messages: list[str] = field(default_factory=list)

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())

    @property
    def total_files(self) -> int:
        return sum(self.files.values())

    @property
    def total_errors(self) -> int:
        return sum(self.errors.values())


def _chunks(queryset: QuerySet, batch_size: int):
    """Ascending primary keys of ``queryset``, ``batch_size`` at a time, in constant memory."""
    keys = queryset.order_by("pk").values_list("pk", flat=True)
    last = None
    while True:
        chunk = list((keys if last is None else keys.filter(pk__gt=last))[:batch_size])
        if not chunk:
            return
        last = chunk[-1]
        yield chunk


def _purposes(registration: Registration, pks: list) -> dict:
    if not registration.purpose:
        return dict.fromkeys(pks, "")
    rows = registration.model._default_manager.filter(pk__in=pks).values_list(
        "pk", registration.purpose
    )
    return {pk: purpose or "" for pk, purpose in rows}


def _files(registration: Registration, pks: list) -> list[tuple[object, object, str]]:
    """(pk, storage, name) of every declared file of these rows."""
    manager = registration.model._default_manager
    found = []
    for file_path in registration.files:
        for pk, name in manager.filter(pk__in=pks).values_list("pk", file_path.path):
            if name:
                found.append((pk, file_path.storage, name))
    return found


def _lock(registration: Registration, queryset: QuerySet, chunk: list) -> list:
    """The chunk's rows that still match and that no other run is working on."""
    rows = queryset.filter(pk__in=chunk)
    features = connections[router.db_for_write(registration.model)].features
    if features.has_select_for_update_skip_locked:
        of = ("self",) if features.has_select_for_update_of else ()
        rows = rows.select_for_update(skip_locked=True, of=of)
    # No DISTINCT: PostgreSQL refuses it with FOR UPDATE; a join in the filter may repeat a key.
    return list(dict.fromkeys(rows.order_by().values_list("pk", flat=True)))


def _mark_failures(content_type, failures: dict) -> None:
    now = timezone.now()
    for pk, error in failures.items():
        updated = RetentionFailure.objects.filter(
            content_type=content_type, object_pk=str(pk)
        ).update(error=error, attempts=F("attempts") + 1, last_failed_at=now)
        if not updated:
            RetentionFailure.objects.create(
                content_type=content_type, object_pk=str(pk), error=error
            )


def _delete_rows(registration: Registration, pks: list, failures: dict) -> int:
    """Delete rows in one statement; if another model protects some of them, fall back to
    one by one so only those stay, recorded in ``failures``. Returns rows deleted."""
    model, label = registration.model, registration.label
    using = router.db_for_write(model)
    try:
        with transaction.atomic(using=using):
            return model._default_manager.filter(pk__in=pks).delete()[1].get(label, 0)
    except (ProtectedError, RestrictedError):
        pass
    deleted = 0
    for pk in pks:
        try:
            with transaction.atomic(using=using):
                deleted += model._default_manager.filter(pk=pk).delete()[1].get(label, 0)
        except (ProtectedError, RestrictedError) as error:
            failures[pk] = f"{type(error).__name__}: {error}"[:2000]
    return deleted


def rows_purge(
    *,
    registration: Registration,
    queryset: QuerySet,
    dry_run: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Progress | None = None,
    outcome: PurgeOutcome | None = None,
) -> PurgeOutcome:
    """Delete the files and then the rows of ``queryset`` (a queryset of the registered
    model), batch by batch; with ``dry_run`` only count what would go.

    Counts are added to ``outcome`` (a new one if not given) batch by batch, only once a
    batch has committed, so a caller holding it knows what was done even if a later batch
    raises.
    """
    model = registration.model
    if outcome is None:
        outcome = PurgeOutcome(model=registration.label)
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)

    for chunk in _chunks(queryset, batch_size):
        if dry_run:
            purposes = _purposes(registration, chunk)
            outcome.rows.update(purposes.values())
            for pk, _storage, _name in _files(registration, list(purposes)):
                outcome.files[purposes[pk]] += 1
            if progress:
                progress(len(chunk))
            continue

        rows, errors, messages = Counter(), Counter(), []
        with transaction.atomic(using=router.db_for_write(model)):
            locked = _lock(registration, queryset, chunk)
            purposes = _purposes(registration, locked)
            failures: dict = {}
            for pk, storage, name in _files(registration, locked):
                if pk in failures:
                    continue
                try:
                    storage.delete(name)
                except Exception as error:  # any storage failure keeps the row for a retry
                    failures[pk] = f"{type(error).__name__}: {error}"[:2000]
                else:
                    # Files are gone whatever happens to the transaction: count them now.
                    outcome.files[purposes.get(pk, "")] += 1

            by_purpose: dict[str, list] = {}
            for pk in locked:
                if pk not in failures:
                    by_purpose.setdefault(purposes.get(pk, ""), []).append(pk)
            traces = traces_collect(model, locked)
            for purpose_key, pks in by_purpose.items():
                rows[purpose_key] += _delete_rows(registration, pks, failures)

            done = [str(pk) for pks in by_purpose.values() for pk in pks if pk not in failures]
            traces_delete(model=model, pks=done, traces=traces)
            if done:
                RetentionFailure.objects.filter(
                    content_type=content_type, object_pk__in=done
                ).delete()
            if failures:
                _mark_failures(content_type, failures)
                for pk in failures:
                    errors[purposes.get(pk, "")] += 1
                # A handful of messages says what is wrong; the marks hold the rest.
                room = MAX_MESSAGES - len(outcome.error_messages)
                messages = [
                    f"{registration.label} #{pk}: {error}"
                    for pk, error in list(failures.items())[: max(room, 0)]
                ]
        outcome.rows.update(rows)
        outcome.errors.update(errors)
        outcome.error_messages.extend(messages)
        if progress:
            progress(len(chunk))
    return outcome
