"""A site with homes in nl, fr and en, a contact inbox, and exports in both formats."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from privacy.models import LegalBasis, RetentionStart
from tests.forms.factories import InboxFactory
from tests.home.factories import translate
from tests.privacy.factories import PurposeFactory

from .exports import write_collective, write_plone


@pytest.fixture
def site(home_page, locales, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    homes = {"nl": home_page}
    for code in ("fr", "en"):
        homes[code] = translate(home_page, locales[code], title=f"Home {code}", slug=f"home-{code}")
    purpose = PurposeFactory(
        key="answer-request",
        legal_basis=LegalBasis.LEGITIMATE_INTEREST,
        retention_period=365,
        retention_from=RetentionStart.SUBMISSION,
    )
    inbox = InboxFactory(name="Contact requests", purpose=purpose)
    registrations = InboxFactory(
        name=settings.PLONE_IMPORT_EVENT_INBOX,
        purpose=PurposeFactory(key="event-registration", legal_basis=LegalBasis.CONTRACT),
    )
    return {"homes": homes, "purpose": purpose, "inbox": inbox, "registrations": registrations}


@pytest.fixture
def now_ms():
    return int(timezone.now().timestamp() * 1000) - 60_000


def export_write(kind: str, tmp_path, now_ms):
    """The same site in each format and layout the command accepts."""
    if kind == "collective-list":
        return write_collective(tmp_path / "export", now_ms=now_ms, layout="list")
    if kind == "collective-files":
        return write_collective(tmp_path / "export", now_ms=now_ms, layout="files")
    if kind == "plone-folder":
        return write_plone(tmp_path / "export", now_ms=now_ms)
    return write_plone(tmp_path / "export.zip", now_ms=now_ms, as_zip=True)


@pytest.fixture(params=["collective-list", "plone-zip"])
def export(request, tmp_path, now_ms):
    """Each format once (the other layouts are read in ``test_sources``)."""
    return export_write(request.param, tmp_path, now_ms)


def run_import(source, *args) -> tuple[str, int]:
    """Run the command; returns its output and exit status (1 when items were skipped)."""
    out = StringIO()
    try:
        call_command("import_plone", str(source), *args, stdout=out, stderr=StringIO())
    except CommandError as error:
        return out.getvalue() + str(error), 1
    return out.getvalue(), 0
