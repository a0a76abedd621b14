"""Demo content of the privacy app: the chamber's purposes in nl, fr and en, and the
``Privacy officers`` group. Safe to run repeatedly: like the demo pages, only what is missing
is created; a purpose or translation that exists is left as editors made it."""

from wagtail.models import Locale

from privacy import conf
from privacy.services.purposes import purposes_ensure, purposes_load_defaults

from ..helpers import ACCESS_ADMIN, group_ensure
from . import controller, cookies, policy, record, requests
from .purposes import INTERESTS, SPECS, TERMS, TEXTS

# The purposes' words live in ``purposes``; the names stay importable from here.
__all__ = ["INTERESTS", "LANGUAGES", "OFFICER_PERMISSIONS", "SPECS", "TERMS", "TEXTS", "load"]

OFFICER_PERMISSIONS = [
    ACCESS_ADMIN,
    ("privacy", "view_consentrecord"),
    ("privacy", "view_deletionlog"),
    ("privacy", "view_retentionfailure"),
    ("privacy", "add_purpose"),
    ("privacy", "change_purpose"),
    ("privacy", "view_purpose"),
    ("privacy", "export_record"),
    ("privacy", "view_exportlog"),
    ("privacy", "add_outcomeretention"),
    ("privacy", "change_outcomeretention"),
    ("privacy", "view_outcomeretention"),
    ("privacy", "add_controlleridentity"),
    ("privacy", "change_controlleridentity"),
    ("privacy", "view_controlleridentity"),
    ("wagtail_localize", "submit_translation"),
]

LANGUAGES = ("nl", "fr", "en")


def load(*, log, translate) -> None:
    """The chamber's purposes (privacy's own data loader, with the chamber's words), the
    officers' group, then the request page, the cookie categories and the policy."""
    for code in LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    created = purposes_ensure(specs=SPECS, languages=LANGUAGES)
    # What the plugins ship and the chamber words no differently (proofs of consent).
    created += purposes_load_defaults()
    log(f"{len(TEXTS)} purposes in {', '.join(LANGUAGES)} ({created} created)")
    group_ensure(
        name=conf.officers_group(),
        permissions=[
            *OFFICER_PERMISSIONS,
            *cookies.OFFICER_PERMISSIONS,
            *requests.OFFICER_PERMISSIONS,
        ],
        log=log,
    )
    controller.load(log=log, languages=LANGUAGES)
    requests.load(log=log, translate=translate)
    cookies.load(log=log)
    record.load(log=log)
    policy.load(log=log, translate=translate)
