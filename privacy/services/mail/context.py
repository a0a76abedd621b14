"""The context of a queued mail as the outbox row keeps it: JSON, with rows as references the
worker reads again when it renders, and attachments as text or base64."""

from __future__ import annotations

import base64
import dataclasses
from datetime import date, datetime
from decimal import Decimal

from django.apps import apps
from django.db import models
from django.utils.functional import Promise

from .render import Attachment


class MailObsolete(Exception):
    """A row the mail was about is gone (erased, deleted) before the mail was rendered."""


def _freeze(value):
    """``value`` as JSON, with rows as references so the worker reads them as they are then."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Promise):
        return str(value)
    if isinstance(value, models.Model):
        if value.pk is None:
            raise TypeError(f"An unsaved {type(value).__name__} cannot travel with a mail.")
        return {"$model": value._meta.label_lower, "pk": value.pk}
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, Decimal):
        return {"$decimal": str(value)}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        # Templates read a dict's keys as they read attributes.
        return {
            field.name: _freeze(getattr(value, field.name)) for field in dataclasses.fields(value)
        }
    if isinstance(value, list | tuple):
        return [_freeze(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _freeze(item) for key, item in value.items()}
    raise TypeError(f"A {type(value).__name__} cannot travel with a mail.")


def _thaw(value):
    if isinstance(value, list):
        return [_thaw(item) for item in value]
    if not isinstance(value, dict):
        return value
    if "$model" in value:
        model = apps.get_model(value["$model"])
        instance = model._base_manager.filter(pk=value["pk"]).first()
        if instance is None:
            raise MailObsolete(value["$model"])
        return instance
    if "$datetime" in value:
        return datetime.fromisoformat(value["$datetime"])
    if "$date" in value:
        return date.fromisoformat(value["$date"])
    if "$decimal" in value:
        return Decimal(value["$decimal"])
    return {key: _thaw(item) for key, item in value.items()}


def _attachment_freeze(attachment: Attachment) -> dict:
    content = attachment.content
    if isinstance(content, bytes):
        return {
            "filename": attachment.filename,
            "mimetype": attachment.mimetype,
            "base64": base64.b64encode(content).decode("ascii"),
        }
    return {"filename": attachment.filename, "mimetype": attachment.mimetype, "text": content}


def _attachment_thaw(value: dict) -> Attachment:
    content = base64.b64decode(value["base64"]) if "base64" in value else value["text"]
    return Attachment(value["filename"], content, value["mimetype"])
