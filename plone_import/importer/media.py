"""Plone Files and Images as Wagtail documents and images, in the import's collection."""

from __future__ import annotations

import hashlib
from io import BytesIO

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import UnidentifiedImageError
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from .. import conf
from ..source import BlobMissing


class MediaError(Exception):
    """The item's bytes are missing or are no image; the message says which."""


def collection_for(source_name: str) -> Collection:
    """The import's collection under the root collection, made on the first run."""
    name = f"{conf.collection_name()}: {source_name}"[:255]
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(name=name)


def blob_field(item: dict) -> tuple[str, dict | None]:
    for name in ("image", "file"):
        value = item.get(name)
        if isinstance(value, dict):
            return name, value
    return ("image" if item.get("@type") == "Image" else "file"), None


def read_blob(source, location: str, spec: dict | None) -> bytes:
    if spec is None:
        raise MediaError("the item holds no file")
    try:
        return source.blob(location, spec)
    except BlobMissing as missing:
        raise MediaError(str(missing)) from missing


def _filename(spec: dict, fallback: str) -> str:
    name = str(spec.get("filename") or fallback or "file").replace("/", "_").replace("\\", "_")
    return name[-100:]


def media_save(*, item: dict, data: bytes, spec: dict, existing, collection, stored: list):
    """Create or update the document or image; returns it. Written file names are appended
    to ``stored`` so a failed item can remove them."""
    is_image = item.get("@type") == "Image"
    model = get_image_model() if is_image else get_document_model()
    obj = existing if isinstance(existing, model) else model(collection=collection)
    obj.title = str(item.get("title") or item.get("id") or "")[:255] or _filename(spec, "")
    digest = hashlib.sha1(data, usedforsecurity=False).hexdigest()
    if obj.pk is None or obj.file_hash != digest:
        name = _filename(spec, str(item.get("id") or ""))
        if is_image:
            try:
                with PILImage.open(BytesIO(data)) as probe:
                    probe.verify()
            except (UnidentifiedImageError, OSError, SyntaxError) as error:
                raise MediaError(f"the image cannot be read: {error}") from error
            obj.file = ImageFile(BytesIO(data), name=name)
        else:
            obj.file = ContentFile(data, name=name)
        obj.file_size = len(data)
        obj.file_hash = digest
        obj.save()
        stored.append(obj.file.name)
    else:
        obj.save(update_fields=["title"])
    return obj


def media_url(obj) -> str:
    """The address the old URLs redirect to: the document's download, the image's file."""
    if hasattr(obj, "get_rendition"):
        return obj.file.url
    return obj.url
