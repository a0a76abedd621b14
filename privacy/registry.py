"""The personal data registry: which models hold personal data, and how to find it.

A model declares its personal data with an inner ``PersonalData`` class, in the style of
``Meta``::

    class FormSubmission(models.Model):
        class PersonalData:
            subject = "subject_email"          # lookup path to the normalised e-mail
            files = ("attachments__file",)     # lookup paths to FileFields
            purpose = "inbox__purpose__key"    # lookup path to the purpose key
            expired = "retain_until"           # DateTimeField path, or (queryset, now) -> qs
            export_exclude = ()                # field names left out of exports
            retention = Retention(started="submitted_at", decided="handled_at")
            trim = callable                    # (now, dry_run) -> rows trimmed, see below

``retention`` hands the ``expired`` field to the privacy core, which computes it from the
purpose's retention period and the moment it counts from (the row's start, its decision, the
end of what it serves, or the withdrawal of the subject's consent to the purpose) and recomputes it whenever the
purpose's retention or the subject's consent changes: see
:func:`privacy.services.retention_compute`.

``trim`` removes, from rows still kept, what no purpose keeps any longer (an application
kept for the talent pool alone loses its letter and message): the retention run calls it
before it deletes what has expired, and logs how many rows it trimmed.

Declarations are read and checked once, when the app registry is ready, so a typo in a path
stops the project from starting instead of silently exporting or deleting too little.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured
from django.db import models
from django.db.models import Q, QuerySet

ExpiredCallable = Callable[[QuerySet, datetime], QuerySet]

_ALLOWED_ATTRIBUTES = {
    "subject",
    "files",
    "purpose",
    "expired",
    "export_exclude",
    "retention",
    "trim",
}


@dataclass(frozen=True)
class Retention:
    """How the privacy core computes a row's ``expired`` date from its purpose.

    ``started`` names the DateTimeField retention counts from (the submission, the
    application); ``decided`` the optional one recording the decision or last contact, which
    a purpose counting from the decision counts from once it is set; ``ended`` the optional
    one holding the end of what the row serves (the event, the vacancy's closing), which a
    purpose counting from the end counts from once it is set. A purpose counting from
    withdrawal keeps the row while the subject's consent to it stands.

    ``outcome`` optionally names a field holding how the row was decided (a status): once
    ``decided`` is set, a purpose with a retention period for that outcome
    (:class:`privacy.models.OutcomeRetention`) counts that period from the decision.

    ``outcome_at`` optionally names the DateTimeField holding when the outcome was reached,
    when that is not ``decided`` (a row handled once and decided on elsewhere).

    ``also`` lists further purposes the row is kept for, as ``(purpose key, field)`` pairs:
    while the DateTimeField is set, that purpose's retention period counts from it (a
    consent given or renewed), and the row is kept until the later of all its purposes' ends.
    Clearing the field (the consent withdrawn) ends only that purpose.

    Every name but ``started`` may be a lookup path across relations (``application__status``):
    the row is then kept as long as what a related row says, in one computation. The
    declaration may also be a callable returning the ``Retention``, called once at start-up,
    for a model whose rules other apps extend (see :class:`forms.models.FormSubmission`).
    """

    started: str
    decided: str = ""
    ended: str = ""
    outcome: str = ""
    outcome_at: str = ""
    also: tuple[tuple[str, str], ...] = ()

    @property
    def outcome_moment(self) -> str:
        return self.outcome_at or self.decided


@dataclass(frozen=True)
class FilePath:
    """A declared file: its lookup path and the FileField it ends on (for its storage)."""

    path: str
    field: models.FileField

    @property
    def storage(self):
        return self.field.storage


@dataclass(frozen=True)
class Registration:
    """A validated ``PersonalData`` declaration of one model."""

    model: type[models.Model]
    subject: str
    files: tuple[FilePath, ...] = ()
    purpose: str = ""
    expired: str | ExpiredCallable | None = None
    export_exclude: frozenset[str] = field(default_factory=frozenset)
    retention: Retention | None = None
    trim: Callable[..., int] | None = None

    @property
    def label(self) -> str:
        return self.model._meta.label

    def subject_queryset(self, email: str) -> QuerySet:
        return self.model._default_manager.filter(**{self.subject: email})

    def expired_queryset(self, now: datetime) -> QuerySet | None:
        """Rows whose retention has ended, or None when the model never expires.

        A row whose expiry field is NULL has no end yet (e.g. kept while an ongoing consent
        lasts) and is never expired: ``__lte`` never matches NULL.
        """
        queryset = self.model._default_manager.all()
        if self.expired is None:
            return None
        if callable(self.expired):
            return self.expired(queryset, now)
        return queryset.filter(Q(**{f"{self.expired}__lte": now}))


_registry: dict[type[models.Model], Registration] = {}


def registered_models() -> list[Registration]:
    """Every registration, in a stable order (by model label)."""
    return sorted(_registry.values(), key=lambda registration: registration.label)


def registration_for(model: type[models.Model]) -> Registration:
    return _registry[model]


def resolve_path(model: type[models.Model], path: str) -> models.Field:
    """Follow a ``__`` lookup path from ``model`` and return the field it ends on."""
    current = model
    found = None
    parts = path.split("__")
    for position, name in enumerate(parts):
        try:
            found = current._meta.get_field(name)
        except FieldDoesNotExist as error:
            raise ImproperlyConfigured(
                f"{model._meta.label}.PersonalData: '{path}' is not a valid lookup path "
                f"('{name}' is not a field of {current._meta.label})."
            ) from error
        if position < len(parts) - 1:
            if not found.is_relation or found.related_model is None:
                raise ImproperlyConfigured(
                    f"{model._meta.label}.PersonalData: '{path}' is not a valid lookup path "
                    f"('{name}' is not a relation, so it cannot be followed)."
                )
            current = found.related_model
    return found


def _validate(model: type[models.Model], declaration: type) -> Registration:
    label = model._meta.label
    unknown = set(vars(declaration)) - _ALLOWED_ATTRIBUTES
    unknown = {name for name in unknown if not name.startswith("_")}
    if unknown:
        raise ImproperlyConfigured(
            f"{label}.PersonalData: unknown attribute(s) {', '.join(sorted(unknown))}; "
            f"allowed are {', '.join(sorted(_ALLOWED_ATTRIBUTES))}."
        )

    subject = getattr(declaration, "subject", None)
    if not subject or not isinstance(subject, str):
        raise ImproperlyConfigured(f"{label}.PersonalData.subject must be a lookup path.")
    subject_field = resolve_path(model, subject)
    if not isinstance(subject_field, models.CharField | models.TextField):
        raise ImproperlyConfigured(
            f"{label}.PersonalData.subject '{subject}' must end on a text field holding the "
            f"e-mail address, not {type(subject_field).__name__}."
        )

    files_declared = getattr(declaration, "files", ())
    if isinstance(files_declared, str):
        raise ImproperlyConfigured(
            f"{label}.PersonalData.files must be a tuple of lookup paths, not a string."
        )
    files = []
    for path in files_declared:
        file_field = resolve_path(model, path)
        if not isinstance(file_field, models.FileField):
            raise ImproperlyConfigured(
                f"{label}.PersonalData.files: '{path}' must end on a FileField, "
                f"not {type(file_field).__name__}."
            )
        files.append(FilePath(path=path, field=file_field))

    purpose = getattr(declaration, "purpose", "") or ""
    if purpose:
        resolve_path(model, purpose)

    expired = getattr(declaration, "expired", None)
    if isinstance(expired, staticmethod):
        expired = expired.__func__
    if isinstance(expired, str):
        expired_field = resolve_path(model, expired)
        if not isinstance(expired_field, models.DateField):
            raise ImproperlyConfigured(
                f"{label}.PersonalData.expired '{expired}' must end on a DateTimeField or "
                f"DateField, not {type(expired_field).__name__}."
            )
    elif expired is not None and not callable(expired):
        raise ImproperlyConfigured(
            f"{label}.PersonalData.expired must be a lookup path or a callable "
            f"(queryset, now) -> queryset."
        )

    exclude = frozenset(getattr(declaration, "export_exclude", ()))
    field_names = {f.name for f in model._meta.concrete_fields}
    if not exclude <= field_names:
        raise ImproperlyConfigured(
            f"{label}.PersonalData.export_exclude names unknown field(s): "
            f"{', '.join(sorted(exclude - field_names))}."
        )

    retention = getattr(declaration, "retention", None)
    if isinstance(retention, staticmethod):
        retention = retention.__func__
    if callable(retention):
        retention = retention()
    if retention is not None:
        _validate_retention(model, retention, expired=expired, purpose=purpose)

    trim = getattr(declaration, "trim", None)
    if isinstance(trim, staticmethod):
        trim = trim.__func__
    if trim is not None and not callable(trim):
        raise ImproperlyConfigured(f"{label}.PersonalData.trim must be a callable.")

    return Registration(
        model=model,
        trim=trim,
        retention=retention,
        subject=subject,
        files=tuple(files),
        purpose=purpose,
        expired=expired,
        export_exclude=exclude,
    )


def _validate_retention(model, retention, *, expired, purpose: str) -> None:
    label = model._meta.label
    if not isinstance(retention, Retention):
        raise ImproperlyConfigured(f"{label}.PersonalData.retention must be a Retention(...).")
    if not purpose:
        raise ImproperlyConfigured(f"{label}.PersonalData.retention needs a purpose path.")
    if not isinstance(expired, str) or "__" in expired:
        raise ImproperlyConfigured(
            f"{label}.PersonalData.retention needs expired to name a field of the model itself."
        )
    also_fields = []
    for pair in retention.also:
        if not (
            isinstance(pair, tuple) and len(pair) == 2 and all(isinstance(p, str) for p in pair)
        ):
            raise ImproperlyConfigured(
                f"{label}.PersonalData.retention.also must hold (purpose key, field) pairs."
            )
        also_fields.append(pair[1])
    if "__" in retention.started:
        raise ImproperlyConfigured(
            f"{label}.PersonalData.retention: started must be a field of the model itself."
        )
    moments = (retention.started, retention.decided, retention.ended, retention.outcome_at)
    for name in (*moments, *also_fields):
        if name and not isinstance(resolve_path(model, name), models.DateTimeField):
            raise ImproperlyConfigured(
                f"{label}.PersonalData.retention: '{name}' must be a DateTimeField of the model."
            )
    if retention.outcome:
        if not retention.outcome_moment:
            raise ImproperlyConfigured(
                f"{label}.PersonalData.retention: an outcome needs a decided field."
            )
        if not isinstance(resolve_path(model, retention.outcome), models.CharField):
            raise ImproperlyConfigured(
                f"{label}.PersonalData.retention: outcome '{retention.outcome}' must be a "
                f"CharField of the model."
            )


def _declaration_of(model: type[models.Model]) -> type | None:
    """The model's own declaration; rows of a concrete parent are already covered by it."""
    declaration = getattr(model, "PersonalData", None)
    if declaration is None or model._meta.proxy:
        return None
    for parent in model._meta.parents:
        if getattr(parent, "PersonalData", None) is declaration:
            return None
    return declaration


def discover() -> list[Registration]:
    """Find and validate every declaration; called from ``PrivacyConfig.ready()``."""
    _registry.clear()
    for model in apps.get_models():
        declaration = _declaration_of(model)
        if declaration is not None:
            _registry[model] = _validate(model, declaration)
    return registered_models()
