"""Writing what an item says into whichever page model receives it.

The importer knows no page model: it looks at the model's fields. The body field (a
StreamField or a RichTextField, ``PLONE_IMPORT_BODY_FIELD``) takes the text; in a
StreamField the text goes to its first rich text block and each image to its first image
block (an image chooser, or a struct holding one, with ``alt_text``/``caption`` filled where
the struct has them).
"""

from __future__ import annotations

import uuid

from django.core.exceptions import FieldDoesNotExist
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageChooserBlock

from .richtext import Converted, ImagePiece


def model_field(model, name: str):
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def _stream_children(stream_block) -> tuple[str | None, str | None, dict]:
    """The names of the rich text and image blocks of a StreamBlock, and the image struct's
    child names (``image``, ``alt``, ``caption``)."""
    text_name = image_name = None
    image_parts: dict = {}
    for name, child in stream_block.child_blocks.items():
        if text_name is None and isinstance(child, blocks.RichTextBlock):
            text_name = name
        if image_name is None:
            if isinstance(child, ImageChooserBlock):
                image_name, image_parts = name, {}
            elif isinstance(child, blocks.StructBlock):
                parts = {}
                for part, part_block in child.child_blocks.items():
                    if isinstance(part_block, ImageChooserBlock) and "image" not in parts:
                        parts["image"] = part
                    elif part in ("alt_text", "alt") and isinstance(part_block, blocks.CharBlock):
                        parts["alt"] = part
                    elif part == "caption" and isinstance(part_block, blocks.CharBlock):
                        parts["caption"] = part
                if "image" in parts:
                    image_name, image_parts = name, parts
    return text_name, image_name, image_parts


def _block_id(seed: str, index: int) -> str:
    # The same item gives the same block ids in every run and every translation, so a
    # re-run changes nothing and translated pages line up block by block.
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"{seed}#{index}"))


def stream_data(field: StreamField, converted: Converted, *, seed: str, warn) -> list[dict]:
    text_name, image_name, parts = _stream_children(field.stream_block)
    data: list[dict] = []
    for piece in converted.pieces:
        if isinstance(piece, ImagePiece):
            if image_name is None:
                warn("an image was left out: the body has no image block")
                continue
            if parts:
                value = {parts["image"]: piece.image_id}
                if "alt" in parts:
                    value[parts["alt"]] = piece.alt[:255]
                if "caption" in parts:
                    value[parts["caption"]] = piece.caption[:255]
            else:
                value = piece.image_id
            data.append({"type": image_name, "value": value, "id": _block_id(seed, len(data))})
        else:
            if text_name is None:
                warn("text was left out: the body has no rich text block")
                continue
            data.append({"type": text_name, "value": piece, "id": _block_id(seed, len(data))})
    return data


def body_set(page, name: str, converted: Converted, *, seed: str, warn) -> bool:
    """Put ``converted`` into the page's body field; False when the model has none."""
    field = model_field(type(page), name)
    if isinstance(field, StreamField):
        setattr(page, name, stream_data(field, converted, seed=seed, warn=warn))
        return True
    if isinstance(field, RichTextField):
        setattr(page, name, converted.as_rich_text())
        return True
    return False


def text_set(page, names, value: str) -> None:
    """Put plain text into each of ``names`` the model has (cut to the field's length)."""
    for name in names:
        field = model_field(type(page), name)
        if field is None:
            continue
        limit = getattr(field, "max_length", None)
        text = value[:limit] if limit else value
        if isinstance(field, RichTextField):
            from html import escape

            text = f"<p>{escape(text)}</p>" if text else ""
        setattr(page, name, text)


def tags_set(page, name: str, tags) -> bool:
    """Plone's ``subjects`` as the page's tags, where the page has tags."""
    if not name or not hasattr(page, name) or model_field(type(page), name) is None:
        return False
    manager = getattr(page, name)
    names = [str(tag)[:100] for tag in tags or [] if str(tag).strip()]
    manager.set(names)
    return True
