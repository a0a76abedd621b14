"""Search and reference index updates held back until the end of a run.

A page the import makes is saved three times (``add_child``, its revision, its publication),
and each save would update the search index and Wagtail's reference index again, through
Wagtail's own tasks: two thirds of that work is thrown away. During a run the saves are only
noted; at the end each object saved is indexed once, by the same tasks (so through the site's
task backend: at once, or on its worker).
"""

from __future__ import annotations

from contextlib import contextmanager

from django.apps import apps
from django.db.models.signals import post_save
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.tasks import update_reference_index_task

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
    searched = [
        model for model in apps.get_models() if post_save.disconnect(search_on_save, sender=model)
    ]
    searched_set = set(searched)
    saved: dict[tuple[str, str, str], bool] = {}

    def note(sender, instance, raw=False, **kwargs):
        if not raw and instance.pk is not None:
            key = (instance._meta.app_label, instance._meta.model_name, str(instance.pk))
            saved[key] = saved.get(key, False) or sender in searched_set

    post_save.connect(note, weak=False, dispatch_uid="plone_import_index_deferred")
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        post_save.disconnect(dispatch_uid="plone_import_index_deferred")
        for model in searched:
            post_save.connect(search_on_save, sender=model)
    indexes_update(saved)


def indexes_update(saved: dict[tuple[str, str, str], bool]) -> None:
    from wagtail.models import ReferenceIndex

    for (app_label, model_name, pk), searchable in saved.items():
        model = apps.get_model(app_label, model_name)
        if not model._default_manager.filter(pk=pk).exists():
            continue  # made and removed within the run (a failed item rolled back)
        if model in ReferenceIndex.tracked_models:
            update_reference_index_task.enqueue(app_label, model_name, pk)
        if searchable:
            search_task.enqueue(app_label, model_name, pk)
