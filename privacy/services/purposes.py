"""Purposes a site loads as data: each plugin's defaults, or a site's own list.

Every plugin that asks for consent or gives notice under a fixed key (``job-application``,
``event-registration``, ``privacy-request`` …) ships those purposes as data in its
``default_purposes.json``; ``manage.py load_default_purposes`` (or
:func:`purposes_load_defaults`) creates the ones a site lacks. A site's own purposes, such as
a demo's, go through :func:`purposes_ensure` the same way. Nothing that exists is changed:
once loaded, a purpose is its editors'.

A purpose the site states by itself (its logs, proofs, form protection, the confirmation of a
sign-up) is marked ``"system": true`` there: editors never pick it for a form
(:func:`purposes_system_keys`).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.conf import settings
from wagtail.models import Locale

from .. import conf
from ..models import RECORD_FIELDS, LegalBasis, Purpose, RetentionStart
from ..periods import PeriodUnit
from ..vocabulary import retention_start_choices

TEXT_FIELDS = ("name", "consent_text", "description", "data_categories", "recipients")
# Texts a purpose may leave out: the interest pursued, for a legitimate-interest purpose, and
# what only the record of processing shows (GDPR art. 30).
OPTIONAL_TEXT_FIELDS = ("legitimate_interest", *RECORD_FIELDS)
DEFAULTS_FILE = "default_purposes.json"


def _retention_start(value: str) -> str:
    """A moment retention may count from: the core's, or an end an installed app registered
    (:mod:`privacy.vocabulary`)."""
    if value not in dict(retention_start_choices()):
        raise ValueError(f"Unknown retention start {value!r}: is the app that ends it installed?")
    return value


@dataclass(frozen=True)
class PurposeSpec:
    """One purpose as data: its terms, and its texts by language code."""

    key: str
    legal_basis: LegalBasis | str
    retention_period: int
    retention_unit: PeriodUnit | str
    retention_from: RetentionStart | str
    texts: Mapping[str, Mapping[str, str]]
    # Stated by the site itself, never chosen by an editor for a form.
    system: bool = False

    @classmethod
    def from_dict(cls, data: Mapping) -> PurposeSpec:
        return cls(
            key=data["key"],
            legal_basis=LegalBasis(data["legal_basis"]),
            retention_period=int(data["retention_period"]),
            retention_unit=PeriodUnit(data["retention_unit"]),
            retention_from=_retention_start(data["retention_from"]),
            texts=data["texts"],
            system=bool(data.get("system", False)),
        )

    def texts_in(self, language: str) -> Mapping[str, str] | None:
        """The texts in ``language`` (or its base language, ``nl`` for ``nl-be``)."""
        return self.texts.get(language) or self.texts.get(language.split("-")[0])


def purposes_ensure(*, specs: Iterable[PurposeSpec], languages: Iterable[str] | None = None) -> int:
    """Create the purposes of ``specs`` that are missing, in the site's default language and
    translated into ``languages`` (the content languages by default) where a spec has their
    texts; returns how many rows were made.

    Each new row gets a first revision, which consents point at. A purpose whose default
    language has no texts in its spec is made from its first language's texts, so a site in
    another language still gets every purpose a plugin needs, ready to translate.
    """
    source_code = Locale.get_default().language_code
    codes = [code for code in (languages or _content_languages()) if code != source_code]
    created = 0
    for spec in specs:
        original = Purpose.objects.filter(key=spec.key, locale__language_code=source_code).first()
        if original is None:
            texts = spec.texts_in(source_code) or next(iter(spec.texts.values()))
            original = _fill(Purpose(locale=Locale.get_default()), spec, texts)
            created += 1
        for code in codes:
            texts = spec.texts_in(code)
            locale = Locale.objects.filter(language_code=code).first()
            if texts is None or locale is None or original.get_translation_or_none(locale):
                continue
            _fill(original.copy_for_translation(locale), spec, texts)
            created += 1
    return created


def purposes_load_defaults(*, app_labels: Iterable[str] | None = None) -> int:
    """Load the default purposes of the installed apps (or of ``app_labels``) that ship a
    ``default_purposes.json``; returns how many rows were made."""
    configs = (
        [apps.get_app_config(label) for label in app_labels]
        if app_labels is not None
        else apps.get_app_configs()
    )
    return purposes_ensure(specs=_default_specs(configs))


@functools.cache
def purposes_system_keys() -> frozenset[str]:
    """The keys of the purposes the installed apps state by themselves (``"system": true``
    in their ``default_purposes.json``): a form stating one would tell visitors it collects
    their answers for the site's logs or proofs. A site marks its own purposes the same way,
    in a ``default_purposes.json`` of its own app. Read once: the files ship with the code."""
    return frozenset(spec.key for spec in _default_specs(apps.get_app_configs()) if spec.system)


def _default_specs(configs) -> list[PurposeSpec]:
    specs = []
    for config in configs:
        path = Path(config.path) / DEFAULTS_FILE
        if path.is_file():
            specs.extend(PurposeSpec.from_dict(item) for item in json.loads(path.read_text()))
    return specs


def _content_languages() -> list[str]:
    return [code for code, _name in conf.content_languages()] or [settings.LANGUAGE_CODE]


def _fill(purpose: Purpose, spec: PurposeSpec, texts: Mapping[str, str]) -> Purpose:
    purpose.key = spec.key
    purpose.legal_basis = spec.legal_basis
    purpose.retention_period = spec.retention_period
    purpose.retention_unit = spec.retention_unit
    purpose.retention_from = spec.retention_from
    for name in (*TEXT_FIELDS, *OPTIONAL_TEXT_FIELDS):
        setattr(purpose, name, texts.get(name, ""))
    purpose.save()
    purpose.save_revision(log_action=False)
    return purpose
