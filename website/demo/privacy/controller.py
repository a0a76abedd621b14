"""The demo's controller identity in nl, fr and en: the two associations that act together
for the chamber, as its policy names them, and the privacy contact.

Made once per language; an identity that exists is left as editors made it.
"""

from __future__ import annotations

from collections.abc import Callable

from wagtail.models import Locale

from privacy.models import ControllerIdentity

Log = Callable[[str], None]

CONTACT_EMAIL = "privacy@example.org"

CONTROLLERS = {
    "nl": [
        {
            "name": "Kamer van Koophandel Benelux vzw (België en Luxemburg)",
            "address": "Voorbeeldstraat 1\n1000 Brussel\nBelgië",
            "company_number": "ondernemingsnummer 0000.000.001 (demo)",
        },
        {
            "name": "Kamer van Koophandel Benelux vzw (Nederland)",
            "address": "Voorbeeldstraat 1\n1000 Brussel\nBelgië",
            "company_number": "ondernemingsnummer 0000.000.002 (demo)",
        },
    ],
    "fr": [
        {
            "name": "Chambre de commerce Benelux asbl (Belgique et Luxembourg)",
            "address": "Rue de l'Exemple 1\n1000 Bruxelles\nBelgique",
            "company_number": "numéro d'entreprise 0000.000.001 (démo)",
        },
        {
            "name": "Chambre de commerce Benelux asbl (Pays-Bas)",
            "address": "Rue de l'Exemple 1\n1000 Bruxelles\nBelgique",
            "company_number": "numéro d'entreprise 0000.000.002 (démo)",
        },
    ],
    "en": [
        {
            "name": "Benelux Chamber of Commerce (Belgium and Luxembourg), non-profit",
            "address": "Voorbeeldstraat 1\n1000 Brussels\nBelgium",
            "company_number": "enterprise number 0000.000.001 (demo)",
        },
        {
            "name": "Benelux Chamber of Commerce (the Netherlands), non-profit",
            "address": "Voorbeeldstraat 1\n1000 Brussels\nBelgium",
            "company_number": "enterprise number 0000.000.002 (demo)",
        },
    ],
}

ARRANGEMENT = {
    "nl": (
        "Beide verenigingen bepalen samen waarom en hoe uw gegevens worden verwerkt. De "
        "vereniging voor België en Luxemburg beheert de website, beantwoordt alle vragen en "
        "verzoeken over uw gegevens, ook die over de vereniging voor Nederland, en meldt "
        "datalekken. U kunt uw rechten bij elk van beide uitoefenen."
    ),
    "fr": (
        "Les deux associations déterminent ensemble pourquoi et comment vos données sont "
        "traitées. L'association pour la Belgique et le Luxembourg gère le site, répond à "
        "toutes les questions et demandes relatives à vos données, y compris celles qui "
        "concernent l'association pour les Pays-Bas, et notifie les violations de données. "
        "Vous pouvez exercer vos droits auprès de chacune d'elles."
    ),
    "en": (
        "Both associations decide together why and how your data is processed. The "
        "association for Belgium and Luxembourg runs the website, answers every question and "
        "request about your data, including those about the association for the Netherlands, "
        "and reports data breaches. You may exercise your rights with either of them."
    ),
}

CONTACT = {
    "nl": "De privacyverantwoordelijke van de Kamer, Voorbeeldstraat 1, 1000 Brussel",
    "fr": "Le responsable vie privée de la Chambre, Rue de l'Exemple 1, 1000 Bruxelles",
    "en": "The Chamber's privacy officer, Voorbeeldstraat 1, 1000 Brussels",
}


def _fill(identity: ControllerIdentity, language: str) -> ControllerIdentity:
    identity.controllers = [("controller", value) for value in CONTROLLERS[language]]
    identity.arrangement = ARRANGEMENT[language]
    identity.contact = CONTACT[language]
    identity.contact_email = CONTACT_EMAIL
    identity.full_clean()
    identity.save()
    return identity


def load(*, log: Log, languages=("nl", "fr", "en")) -> None:
    source = Locale.get_default()
    original = ControllerIdentity.objects.filter(locale=source).first()
    if original is None:
        original = _fill(ControllerIdentity(locale=source), source.language_code)
        log("Controller identity created")
    for code in languages:
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None or code not in CONTROLLERS or locale == source:
            continue
        if ControllerIdentity.objects.filter(locale=locale).exists():
            continue
        _fill(original.copy_for_translation(locale), code)
        log(f"Controller identity translated into {code}")
