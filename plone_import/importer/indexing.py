"""Search and reference index updates held back until the end of a run.

A page the import makes is saved three times (``add_child``, its revision, its publication),
and each save would update the search index and Wagtail's reference index again, through
Wagtail's own tasks: two thirds of that work is thrown away. During a run the saves are only
noted (in a scratch database, so memory stays flat); at the end each object saved is indexed
once, by the same tasks (so through the site's task backend: at once, or on its worker).
Saves of models neither index holds (log entries, mapping rows, redirects) are not noted.
"""

from __future__ import annotations

from contextlib import contextmanager

from django.apps import apps
from django.db import reset_queries
from django.db.models.signals import post_save
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.tasks import update_reference_index_task

from .scratch import BATCH, Scratch, ScratchMap

try:  # Wagtail 7.1 and later index through modelsearch
    from modelsearch.signal_handlers import post_save_signal_handler as search_on_save
    from modelsearch.tasks import insert_or_update_object_task as search_task
except ImportError:  # pragma: no cover - older Wagtail
    from wagtail.search.signal_handlers import post_save_signal_handler as search_on_save
    from wagtail.search.tasks import insert_or_update_object_task as search_task


@contextmanager
def index_updates_deferred():
    """Note every save in the block; index each saved object once when the block ends.

    The search handler is disconnected for the block, which holds for the whole process: the
    import runs in a command of its own (or a task), not among requests.
    """
    from wagtail.models import ReferenceIndex

    searched = [
        model for model in apps.get_models() if post_save.disconnect(search_on_save, sender=model)
    ]
    searched_set = set(searched)
    scratch = Scratch()
    saved = ScratchMap(scratch)  # "app_label.model_name" + " " + pk -> searchable

    def note(sender, instance, raw=False, **kwargs):
        searchable = sender in searched_set
        if raw or instance.pk is None:
            return
        if not searchable and sender not in ReferenceIndex.tracked_models:
            return
        key = f"{instance._meta.label_lower} {instance.pk}"
        if searchable:
            saved[key] = True
        else:
            saved.setdefault(key, False)

    post_save.connect(note, weak=False, dispatch_uid="plone_import_index_deferred")
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        post_save.disconnect(dispatch_uid="plone_import_index_deferred")
        for model in searched:
            post_save.connect(search_on_save, sender=model)
    try:
        indexes_update(saved)
    finally:
        scratch.close()


def indexes_update(saved) -> None:
    """Index each noted object once; a batch of objects of one model at a time."""
    from wagtail.models import ReferenceIndex

    batch: list[tuple[str, bool]] = []
    label = None
    # By key, so the objects of one model come together.
    for key, value in saved.db.execute(f"SELECT k, v FROM {saved.name} ORDER BY k"):  # noqa: S608  # nosec B608
        key_label, pk = key.split(" ", 1)
        searchable = value == "true"
        if key_label != label or len(batch) >= BATCH:
            _update(label, batch, ReferenceIndex)
            label, batch = key_label, []
        batch.append((pk, searchable))
    _update(label, batch, ReferenceIndex)


def _update(label: str | None, batch: list[tuple[str, bool]], reference_index) -> None:
    if not batch:
        return
    model = apps.get_model(label)
    pk_field = model._meta.pk
    # Made and removed within the run (a failed item rolled back): not indexed.
    present = {
        str(pk)
        for pk in model._default_manager.filter(
            pk__in=[pk_field.to_python(pk) for pk, _searchable in batch]
        ).values_list("pk", flat=True)
    }
    app_label, model_name = model._meta.app_label, model._meta.model_name
    for pk, searchable in batch:
        reset_queries()  # as between items: no query log growing with the export
        if pk not in present:
            continue
        if model in reference_index.tracked_models:
            update_reference_index_task.enqueue(app_label, model_name, pk)
        if searchable:
            search_task.enqueue(app_label, model_name, pk)
