"""Demo content for data-subject requests: the request page in nl, fr and en, and what the
officers may do with the requests (their purpose comes with the others). Idempotent."""

from __future__ import annotations

from wagtail.models import Locale, Site

from privacy.models import DataRequestPage

# Privacy officers answer the requests.
OFFICER_PERMISSIONS = [
    ("privacy", "view_datasubjectrequest"),
    ("privacy", "change_datasubjectrequest"),
]

TITLE = "Uw gegevens: inzage, verbetering, wissing"
# wagtail-localize translates rich text per paragraph, without its tags.
INTRO = (
    "Wilt u weten welke gegevens de Kamer over u bewaart, ze laten verbeteren of wissen, "
    "bezwaar maken (bijvoorbeeld tegen foto's van u op een evenement) of een toestemming "
    "intrekken? Vul dit formulier in. We bevestigen eerst uw e-mailadres en antwoorden "
    "binnen een maand."
)
PAGE = {"title": TITLE, "slug": "uw-gegevens", "intro": f"<p>{INTRO}</p>"}

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


def load(*, log, translate) -> None:
    """``translate`` makes a page's translation into a locale (the project's helper)."""
    _page(log, translate)
