"""Creating or updating the page an item becomes, with its state, dates and fields."""

from __future__ import annotations

import uuid
from datetime import datetime, time
from html import escape

from django.utils import timezone
from django.utils.text import slugify
from wagtail.fields import RichTextField
from wagtail.models import Page

from .. import conf
from ..fields import body_set, model_field, tags_set, text_set
from ..items import is_live, parse_when

KEY_NAMESPACE = uuid.UUID("6a1a6c52-4c61-4a51-9f1c-1c3d6c2f0e11")


def translation_key(group_uid: str) -> uuid.UUID:
    """One key per translation group (or per item), the same in every run."""
    return uuid.uuid5(KEY_NAMESPACE, group_uid)


def free_slug(parent: Page, wanted: str, page: Page | None) -> str:
    base = slugify(wanted, allow_unicode=True)[:240] or "page"
    siblings = parent.get_children()
    if page is not None and page.pk:
        siblings = siblings.exclude(pk=page.pk)
    taken = set(siblings.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, counter = base, 2
    while slug in taken:
        slug, counter = f"{base}-{counter}", counter + 1
    return slug


class PageWriter:
    """Fills a page from an item and saves it as the item's state asks."""

    def __init__(self, *, warn):
        self.warn = warn

    def prepare(self, page: Page, item: dict, *, parent: Page, locale, key: uuid.UUID) -> None:
        wanted = str(item.get("id") or "") or str(item.get("title") or "")
        if page.pk is None:
            page.locale = locale
            page.translation_key = key
        elif (
            page.translation_key != key
            and not type(page)
            ._default_manager.filter(translation_key=key, locale=page.locale)
            .exclude(pk=page.pk)
            .exists()
        ):
            page.translation_key = key
        slug = free_slug(parent, wanted, page)
        if slug != slugify(wanted, allow_unicode=True) and (page.pk is None or page.slug != slug):
            self.warn(f"slug {wanted!r} became {slug!r}")
        page.slug = slug
        page.title = str(item.get("title") or wanted)[:255]
        description = str(item.get("description") or "")
        text_set(page, conf.description_fields(), description)
        page.show_in_menus = not bool(item.get("exclude_from_nav"))
        effective = parse_when(item.get("effective"))
        page.go_live_at = effective if effective and effective > timezone.now() else None
        page.expire_at = parse_when(item.get("expires"))
        tags_set(page, conf.tags_field(), item.get("subjects") or [])

    def body(self, page: Page, converted, *, seed: str, field: str | None = None) -> bool:
        return body_set(page, field or conf.body_field(), converted, seed=seed, warn=self.warn)

    def news(self, page: Page, item: dict, *, image_id: int | None) -> None:
        names = conf.news_fields()
        when = parse_when(item.get("effective")) or parse_when(item.get("created"))
        date_field = model_field(type(page), names["date"])
        if date_field is not None and when is not None:
            value = timezone.localtime(when)
            setattr(
                page,
                names["date"],
                value.date() if date_field.get_internal_type() == "DateField" else value,
            )
        if image_id and model_field(type(page), names["image"]) is not None:
            setattr(page, f"{names['image']}_id", image_id)
        if model_field(type(page), names["caption"]) is not None:
            text_set(page, [names["caption"]], str(item.get("image_caption") or ""))
        if names["tags"] != conf.tags_field():
            tags_set(page, names["tags"], item.get("subjects") or [])

    def event(self, page: Page, item: dict, *, inbox) -> None:
        """Start, end, whole day, location; registration closed: Plone took none."""
        if inbox is not None and model_field(type(page), "inbox") is not None:
            page.inbox = inbox
        start = parse_when(item.get("start")) or parse_when(item.get("effective")) or timezone.now()
        end = parse_when(item.get("end")) or start
        if item.get("whole_day"):
            local_start, local_end = timezone.localtime(start), timezone.localtime(end)
            start = timezone.make_aware(datetime.combine(local_start.date(), time.min))
            end = timezone.make_aware(datetime.combine(local_end.date(), time(23, 59)))
        if item.get("open_end") or end < start:
            end = timezone.make_aware(
                datetime.combine(timezone.localtime(start).date(), time(23, 59))
            )
        values = {
            "start": start,
            "end": end,
            "venue": str(item.get("location") or "")[:255],
            "registration_deadline": min(timezone.now(), start),
        }
        contact = [
            str(item.get(name) or "").strip()
            for name in ("contact_name", "contact_email", "contact_phone")
        ]
        lines = []
        if any(contact):
            lines.append(escape(", ".join(part for part in contact if part)))
        url = str(item.get("event_url") or "")
        if url.startswith(("http://", "https://")):
            lines.append(f'<a href="{escape(url, quote=True)}">{escape(url)}</a>')
        field = model_field(type(page), "description")
        if lines and field is not None and isinstance(field, RichTextField):
            # The contact and the event's own site, as Plone showed them beside the event.
            page.description = (page.description or "") + "".join(
                f"<p>{line}</p>" for line in lines
            )
        kind = model_field(type(page), "kind")
        if kind is not None and kind.choices:
            values["kind"] = kind.choices[0][0]
        for name, value in values.items():
            if model_field(type(page), name) is not None:
                setattr(page, name, value)

    def save(self, page: Page, item: dict, *, parent: Page) -> bool:
        """Store the page (new under ``parent``); live or draft as Plone had it. Returns
        whether it is live."""
        live = is_live(item)
        expires = page.expire_at
        if expires and expires <= timezone.now():
            live = False
        if page.pk is None:
            page.live = False
            parent.add_child(instance=page)
        revision = page.save_revision(clean=True)
        if live:
            revision.publish()
            created = parse_when(item.get("created"))
            modified = parse_when(item.get("modified")) or created
            dates = {}
            if created:
                dates["first_published_at"] = created
            if modified:
                dates["last_published_at"] = modified
            if dates:
                type(page)._default_manager.filter(pk=page.pk).update(**dates)
        elif page.live:
            page.unpublish()
        if expires and expires <= timezone.now():
            Page.objects.filter(pk=page.pk).update(expired=True)
        return live
