"""What Wagtail keeps beside a row that retention or erasure deletes, deleted with it.

Deleting a row leaves copies of its personal data in Wagtail's side tables: the admin's log
entries (each labelled with the row's name), the row's revisions, and for a translated
snippet, wagtail-localize's source strings (a speaker's name and biography). wagtail-localize
removes its sources when the last translation goes, but keeps the strings themselves, which
other sources may share. The privacy core deletes all of them with the row, for every
registered model, so that no app has to remember, and a name erased is erased everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model
from wagtail.models import ModelLogEntry, Revision, RevisionMixin, TranslatableMixin


@dataclass
class Traces:
    """What to look for once the rows are gone: wagtail-localize's own cleanup runs as each
    row is deleted and drops the segments that lead to the strings, so both are read first."""

    translation_keys: set = field(default_factory=set)
    string_ids: set = field(default_factory=set)


def traces_collect(model: type[Model], pks: Iterable) -> Traces:
    """The translation keys of these rows of a translatable model, and the ids of the source
    strings their translation sources use; read before the rows are deleted."""
    if not issubclass(model, TranslatableMixin):
        return Traces()
    keys = set(
        model._default_manager.filter(pk__in=list(pks)).values_list("translation_key", flat=True)
    )
    if not keys or not apps.is_installed("wagtail_localize"):
        return Traces(translation_keys=keys)
    from wagtail_localize.models import StringSegment

    strings = StringSegment.objects.filter(source__object_id__in=keys).values_list(
        "string_id", flat=True
    )
    return Traces(translation_keys=keys, string_ids=set(strings))


def traces_delete(*, model: type[Model], pks: Iterable, traces: Traces) -> None:
    """Delete the log entries and revisions of these (deleted) rows, and the translation
    data of every translation key none of whose translations is left."""
    ids = [str(pk) for pk in pks]
    if not ids:
        return
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    ModelLogEntry.objects.filter(content_type=content_type, object_id__in=ids).delete()
    if issubclass(model, RevisionMixin):
        Revision.objects.filter(content_type=content_type, object_id__in=ids).delete()
    if traces.translation_keys and apps.is_installed("wagtail_localize"):
        left = set(
            model._default_manager.filter(translation_key__in=traces.translation_keys).values_list(
                "translation_key", flat=True
            )
        )
        _translation_data_delete(traces.translation_keys - left, traces.string_ids)


def log_entries_forget(sender, instance, **kwargs) -> None:
    """A ``post_delete`` receiver: a row deleted by cascade, which the core does not delete
    itself (an application with its submission), leaves no Wagtail log entry behind, as its
    label or data may name the person. See :func:`log_entries_forget_on_delete`."""
    content_type = ContentType.objects.get_for_model(sender, for_concrete_model=False)
    ModelLogEntry.objects.filter(content_type=content_type, object_id=str(instance.pk)).delete()


def log_entries_forget_on_delete(*models: type[Model]) -> None:
    """Forget the log entries of each of ``models``' rows when it is deleted (an app's
    ``AppConfig.ready`` names its rows that go by cascade and that the admin logs)."""
    from django.db.models.signals import post_delete

    for model in models:
        post_delete.connect(
            log_entries_forget, sender=model, dispatch_uid=f"privacy.log.{model._meta.label}"
        )


def _translation_data_delete(keys: set, string_ids: set) -> None:
    """wagtail-localize's sources, segments and translations of ``keys``, and the source
    strings no other object uses any more (they hold the text itself)."""
    if not keys:
        return
    from wagtail_localize.models import (
        OverridableSegment,
        RelatedObjectSegment,
        SegmentOverride,
        String,
        StringSegment,
        StringTranslation,
        TemplateSegment,
        TranslatableObject,
    )

    # Segments protect their contexts, so they go first, as wagtail-localize's own cleanup does.
    for segment in (OverridableSegment, RelatedObjectSegment, StringSegment, TemplateSegment):
        segment.objects.filter(source__object_id__in=keys).delete()
    SegmentOverride.objects.filter(context__object_id__in=keys).delete()
    StringTranslation.objects.filter(context__object_id__in=keys).delete()
    TranslatableObject.objects.filter(translation_key__in=keys).delete()
    String.objects.filter(pk__in=string_ids, segments__isnull=True).delete()
