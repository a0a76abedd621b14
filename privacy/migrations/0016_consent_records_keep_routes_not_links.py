"""Consent proofs recorded the page of a cookie choice with its query and any token in its
path: on a page opened from an e-mail link, a working link and the address it names. Keep
the route only, the way ``privacy.links.route_without_secrets`` records new choices.

The tokens of every link the plugins sent are signed values (``…:…:…``) or random strings
mixing cases, so the shape of a segment finds them without the URL patterns of that time.
"""

import re
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

from django.db import migrations, models

SLUG = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
MAX_PAGE_LENGTH = 200


def _looks_secret(segment: str) -> bool:
    return len(segment) >= 20 and (segment != segment.lower() or not SLUG.fullmatch(segment))


def _route(page: str) -> str:
    path = urlsplit(page).path or "/"
    return "/".join("[token]" if _looks_secret(unquote(s)) else s for s in path.split("/"))


def clean_source_refs(apps, schema_editor):
    ConsentRecord = apps.get_model("privacy", "ConsentRecord")
    records = ConsentRecord.objects.filter(source_ref__contains="page=").only("pk", "source_ref")
    for record in records.iterator(chunk_size=1000):
        pairs = parse_qsl(record.source_ref, keep_blank_values=True)
        if not any(key == "page" for key, _value in pairs):
            continue
        cleaned = urlencode(
            [
                (key, _route(value)[:MAX_PAGE_LENGTH] if key == "page" else value)
                for key, value in pairs
            ]
        )
        if cleaned != record.source_ref:
            ConsentRecord.objects.filter(pk=record.pk).update(source_ref=cleaned)


class Migration(migrations.Migration):
    dependencies = [
        ("privacy", "0015_request_deadline_extension"),
    ]

    operations = [
        migrations.AlterField(
            model_name="consentrecord",
            name="anonymous_id",
            field=models.CharField(
                blank=True, db_index=True, max_length=64, verbose_name="pseudonymous id"
            ),
        ),
        migrations.RunPython(clean_source_refs, migrations.RunPython.noop, elidable=True),
    ]
