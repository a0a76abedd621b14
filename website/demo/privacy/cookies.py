"""Demo cookie consent: the five categories in nl, fr and en, their consent purposes, and one
harmless demo tag per non-essential category (a script of this site that sets a cookie named
after its category, so the gating can be watched in a browser). Idempotent like the rest."""

from __future__ import annotations

from wagtail.models import Locale

from privacy.models import CookieCategory, LegalBasis, RetentionStart, Tag
from privacy.periods import PeriodUnit
from privacy.services.purposes import PurposeSpec, purposes_ensure

LANGUAGES = ("nl", "fr", "en")
SIX_MONTHS = {"nl": "6 maanden", "fr": "6 mois", "en": "6 months"}
ONE_YEAR = {"nl": "1 jaar", "fr": "1 an", "en": "1 year"}
TWO_WEEKS = {"nl": "2 weken", "fr": "2 semaines", "en": "2 weeks"}
SESSION = {"nl": "sessie", "fr": "session", "en": "session"}
THIS_SITE = {"nl": "deze website", "fr": "ce site", "en": "this website"}

# key: {language: (name, description)}
CATEGORIES = {
    "essential": {
        "nl": (
            "Noodzakelijke cookies",
            "Zonder deze cookies werkt de website niet: ze beveiligen formulieren, onthouden "
            "uw taal en uw keuze over cookies. Ze volgen u niet.",
        ),
        "fr": (
            "Cookies essentiels",
            "Sans ces cookies, le site ne fonctionne pas : ils sécurisent les formulaires, "
            "retiennent votre langue et votre choix en matière de cookies. Ils ne vous suivent "
            "pas.",
        ),
        "en": (
            "Essential cookies",
            "The website does not work without these: they protect forms and remember your "
            "language and your cookie choice. They do not track you.",
        ),
    },
    "preferences": {
        "nl": (
            "Voorkeurscookies",
            "Onthouden keuzes zoals uw regio, zodat u ze niet telkens opnieuw hoeft te maken.",
        ),
        "fr": (
            "Cookies de préférences",
            "Retiennent des choix comme votre région, pour que vous ne deviez pas les refaire "
            "à chaque visite.",
        ),
        "en": (
            "Preference cookies",
            "Remember choices such as your region, so you do not have to make them again.",
        ),
    },
    "analytics": {
        "nl": (
            "Analytische cookies",
            "Tellen bezoeken en tonen welke pagina's het meest gelezen worden en waar "
            "bezoekers vastlopen. We bekijken alleen totalen, nooit één persoon.",
        ),
        "fr": (
            "Cookies analytiques",
            "Comptent les visites et montrent les pages les plus lues et les endroits où les "
            "visiteurs bloquent. Nous ne regardons que des totaux, jamais une personne.",
        ),
        "en": (
            "Analytics cookies",
            "Count visits and show which pages are read most and where visitors get stuck. "
            "We only look at totals, never at one person.",
        ),
    },
    "advertising": {
        "nl": (
            "Advertentiecookies",
            "Maken advertenties relevanter en voorkomen dat u dezelfde advertentie steeds "
            "opnieuw ziet.",
        ),
        "fr": (
            "Cookies publicitaires",
            "Rendent les publicités plus pertinentes et évitent que vous voyiez sans cesse la "
            "même publicité.",
        ),
        "en": (
            "Advertising cookies",
            "Make advertisements more relevant and stop the same one from showing again and again.",
        ),
    },
    "social": {
        "nl": (
            "Cookies van sociale netwerken",
            "Laten u pagina's delen op sociale netwerken. Die netwerken kunnen ze ook voor "
            "hun eigen advertenties gebruiken.",
        ),
        "fr": (
            "Cookies de réseaux sociaux",
            "Vous permettent de partager des pages sur les réseaux sociaux. Ces réseaux "
            "peuvent aussi les utiliser pour leur propre publicité.",
        ),
        "en": (
            "Social network cookies",
            "Let you share pages on social networks. Those networks may also use them for "
            "their own advertising.",
        ),
    },
}

ESSENTIAL_COOKIES = [
    ("cookie_consent", SIX_MONTHS),
    ("csrftoken", ONE_YEAR),
    ("sessionid", TWO_WEEKS),
    ("django_language", SESSION),
]

# Third parties' cookies: (name, provider, duration, what it does), by language.
GOOGLE_RECAPTCHA = {
    "nl": "Google (reCAPTCHA)",
    "fr": "Google (reCAPTCHA)",
    "en": "Google (reCAPTCHA)",
}
THIRD_PARTY_ESSENTIAL_COOKIES = [
    (
        "_GRECAPTCHA",
        GOOGLE_RECAPTCHA,
        SIX_MONTHS,
        {
            "nl": "Alleen op formulieren met reCAPTCHA, zodra u ze begint in te vullen: "
            "onderscheidt mensen van robots.",
            "fr": "Uniquement sur les formulaires avec reCAPTCHA, dès que vous commencez à les "
            "remplir : distingue les personnes des robots.",
            "en": "Only on forms with reCAPTCHA, once you start filling them in: tells people "
            "from robots.",
        },
    ),
]

CONSENT_TEXT = {
    "nl": "Ik aanvaard de {name} zoals beschreven in het cookiebeleid.",
    "fr": "J'accepte les {name} décrits dans la politique en matière de cookies.",
    "en": "I accept the {name} as described in the cookie policy.",
}
DATA = {
    "nl": "Een gepseudonimiseerd toestemmingsnummer, uw keuze, de taal en de pagina",
    "fr": "Un numéro de consentement pseudonyme, votre choix, la langue et la page",
    "en": "A pseudonymous consent number, your choice, the language and the page",
}
RECIPIENTS = {
    "nl": "Niemand buiten de Kamer",
    "fr": "Personne en dehors de la Chambre",
    "en": "Nobody outside the Chamber",
}


def _cookies(key: str, language: str) -> list:
    pairs = ESSENTIAL_COOKIES if key == "essential" else [(f"demo_{key}", SIX_MONTHS)]
    rows = [
        {
            "name": name,
            "provider": THIS_SITE[language],
            "duration": duration[language],
            "description": "",
        }
        for name, duration in pairs
    ]
    if key == "essential":
        rows += [
            {
                "name": name,
                "provider": provider[language],
                "duration": duration[language],
                "description": description[language],
            }
            for name, provider, duration, description in THIRD_PARTY_ESSENTIAL_COOKIES
        ]
    return [("cookie", row) for row in rows]


def _fill_category(category: CookieCategory, key: str, language: str, order: int):
    category.key = key
    category.name, category.description = CATEGORIES[key][language]
    category.cookies = _cookies(key, language)
    category.sort_order = order
    category.save()
    return category


def _purpose_spec(key: str) -> PurposeSpec:
    """The consent purpose of the cookie category ``key``, in its three languages."""
    texts = {}
    for language in LANGUAGES:
        name, description = CATEGORIES[key][language]
        texts[language] = {
            "name": name,
            "consent_text": CONSENT_TEXT[language].format(name=name.lower()),
            "description": description,
            "data_categories": DATA[language],
            "recipients": RECIPIENTS[language],
        }
    return PurposeSpec(
        key=f"cookies-{key}",
        legal_basis=LegalBasis.CONSENT,
        retention_period=6,
        retention_unit=PeriodUnit.MONTHS,
        retention_from=RetentionStart.SUBMISSION,
        texts=texts,
    )


# Privacy officers keep the cookie categories, tags and the cookie policy version up to date.
OFFICER_PERMISSIONS = [
    ("privacy", codename)
    for model in ("cookiecategory", "tag")
    for codename in (f"add_{model}", f"change_{model}", f"delete_{model}", f"view_{model}")
] + [("privacy", "change_cookiepolicysettings")]


def load(*, log) -> None:
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}
    source = locales["nl"]
    created = 0
    for order, key in enumerate(CATEGORIES):
        category = CookieCategory.objects.filter(key=key, locale=source).first()
        if category is None:
            category = _fill_category(CookieCategory(locale=source), key, "nl", order)
            created += 1
        for language in ("fr", "en"):
            if category.get_translation_or_none(locales[language]) is None:
                copy = category.copy_for_translation(locales[language])
                _fill_category(copy, key, language, order)
                created += 1
        if key == "essential":
            continue
        created += purposes_ensure(specs=[_purpose_spec(key)], languages=LANGUAGES)
        tag_name = f"Demo tag: {key}"
        if not Tag.objects.filter(name=tag_name).exists():
            Tag.objects.create(
                name=tag_name, category=category, script_url=f"/static/website/demo-tags/{key}.js"
            )
            created += 1
    log(f"{len(CATEGORIES)} cookie categories with purposes and demo tags ({created} created)")
