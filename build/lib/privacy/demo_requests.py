"""Demo content for data-subject requests: the ``privacy-request`` purpose, the request page
in nl, fr and en, and the officers' permissions to handle requests. Idempotent."""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from wagtail.models import Locale, Site

from .models import DataRequestPage, LegalBasis, Purpose, RetentionStart

OFFICERS_GROUP = "Privacy officers"
REQUEST_PERMISSIONS = ("view_datasubjectrequest", "change_datasubjectrequest")

PURPOSE_TEXTS = {
    "nl": (
        "Uw privacyverzoek behandelen",
        "We gebruiken uw gegevens om uw verzoek te behandelen.",
        "We gebruiken uw e-mailadres en uw verzoek om op uw verzoek tot inzage, verbetering, "
        "wissing of bezwaar te antwoorden, zoals de wet ons verplicht. We bewaren het verzoek "
        "drie jaar nadat het is afgesloten, om te kunnen aantonen dat we het hebben behandeld.",
        "E-mailadres, uw verzoek, ons antwoord",
        "De privacyverantwoordelijken van de Kamer",
    ),
    "fr": (
        "Traiter votre demande relative à la vie privée",
        "Nous utilisons vos données pour traiter votre demande.",
        "Nous utilisons votre adresse e-mail et votre demande pour répondre à votre demande "
        "d'accès, de rectification, d'effacement ou d'opposition, comme la loi nous y oblige. "
        "Nous conservons la demande trois ans après sa clôture, pour pouvoir prouver que nous "
        "l'avons traitée.",
        "Adresse e-mail, votre demande, notre réponse",
        "Les responsables de la vie privée de la Chambre",
    ),
    "en": (
        "Handle your privacy request",
        "We use your details to handle your request.",
        "We use your e-mail address and your request to answer your request for access, "
        "correction, erasure or objection, as the law requires. We keep the request for three "
        "years after it is closed, to be able to show that we handled it.",
        "E-mail address, your request, our answer",
        "The Chamber's privacy officers",
    ),
}

TITLE = "Uw gegevens: inzage, verbetering, wissing"
# wagtail-localize translates rich text per paragraph, without its tags.
INTRO = (
    "Wilt u weten welke gegevens de Kamer over u bewaart, ze laten verbeteren of wissen, "
    "bezwaar maken (bijvoorbeeld tegen foto's van u op een evenement) of een toestemming "
    "intrekken? Vul dit formulier in. We bevestigen eerst uw e-mailadres en antwoorden "
    "binnen een maand."
)
PAGE = {"title": TITLE, "slug": "your-data", "intro": f"<p>{INTRO}</p>"}

PAGE_TRANSLATIONS = {
    "fr": {
        TITLE: "Vos données : accès, rectification, effacement",
        INTRO: "Vous souhaitez savoir quelles données la Chambre conserve à votre sujet, les "
        "faire corriger ou effacer, vous opposer (par exemple aux photos de vous prises lors "
        "d'un événement) ou retirer un consentement ? Remplissez ce formulaire. Nous "
        "confirmons d'abord votre adresse e-mail et répondons dans un délai d'un mois.",
    },
    "en": {
        TITLE: "Your data: access, correction, erasure",
        INTRO: "Would you like to know which data the Chamber holds about you, have it "
        "corrected or erased, object (for example to photos of you taken at an event) or "
        "withdraw a consent? Fill in this form. We first confirm your e-mail address and "
        "answer within one month.",
    },
}


def _purpose(log) -> None:
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in PURPOSE_TEXTS}
    original = Purpose.objects.filter(key="privacy-request", locale=locales["nl"]).first()
    fields = ("name", "consent_text", "description", "data_categories", "recipients")

    def fill(purpose, language):
        for name, value in zip(fields, PURPOSE_TEXTS[language], strict=True):
            setattr(purpose, name, value)
        purpose.key = "privacy-request"
        purpose.legal_basis = LegalBasis.LEGAL_OBLIGATION
        purpose.retention_days = 3 * 365
        purpose.retention_from = RetentionStart.DECISION
        purpose.save()
        purpose.save_revision(log_action=False)
        return purpose

    if original is None:
        original = fill(Purpose(locale=locales["nl"]), "nl")
        log("purpose 'privacy-request' created")
    for language in ("fr", "en"):
        if original.get_translation_or_none(locales[language]) is None:
            fill(original.copy_for_translation(locales[language]), language)


def _page(log, translate) -> None:
    home = Site.objects.get(is_default_site=True).root_page.specific
    page = DataRequestPage.objects.filter(locale=home.locale).first()
    if page is None:
        page = DataRequestPage(locale=home.locale, **PAGE)
        home.add_child(instance=page)
        page.save_revision().publish()
        log(f"Created the data request page at /{home.locale.language_code}/{page.slug}/.")
    for code, texts in PAGE_TRANSLATIONS.items():
        locale = Locale.objects.filter(language_code=code).first()
        if locale is not None:
            translate(page=page, locale=locale, texts=texts, log=log)


def _officers() -> None:
    group, _ = Group.objects.get_or_create(name=OFFICERS_GROUP)
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="privacy", codename__in=REQUEST_PERMISSIONS
        )
    )


def load(*, log, translate) -> None:
    """``translate`` makes a page's translation into a locale (the project's helper)."""
    _purpose(log)
    _page(log, translate)
    _officers()
