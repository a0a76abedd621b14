"""The demo's record of processing (GDPR art. 30) for the purposes it words itself: whose
data, which processors, what security, the legitimate-interest assessments and which of the two
associations does what, in nl, fr and en.

Filled into a purpose's record fields only where they are empty, so an officer's text stays;
the purposes the plugins ship bring their own (``default_purposes.json``).
"""

from __future__ import annotations

from privacy.models import Purpose

SECURITY = {
    "nl": "Versleutelde verbindingen (HTTPS); medewerkers melden zich aan met een tweede factor en worden geblokkeerd na herhaalde mislukte pogingen; toegang per rol; bestanden in afgeschermde opslag, alleen via kortlevende links; versleutelde back-ups; bewaartermijnen elke dag toegepast.",
    "fr": "Connexions chiffrées (HTTPS) ; le personnel se connecte avec un second facteur et est bloqué après des échecs répétés ; accès par rôle ; fichiers en stockage privé, servis par des liens de courte durée ; sauvegardes chiffrées ; durées de conservation appliquées chaque jour.",
    "en": "Encrypted connections (HTTPS); staff sign in with a second factor and are locked out after repeated failures; access by role; files in private storage, served through short-lived links; backups encrypted; retention applied every day.",
}

# Which of the two associations does what (they decide together; see the arrangement).
ROLES = {
    "nl": (
        "De vereniging voor België en Luxemburg voert deze verwerking uit, beheert de "
        "dienstverleners en beantwoordt verzoeken; de vereniging voor Nederland gebruikt alleen "
        "de gegevens van haar eigen leden en deelnemers."
    ),
    "fr": (
        "L'association pour la Belgique et le Luxembourg effectue ce traitement, gère les "
        "prestataires et répond aux demandes ; l'association pour les Pays-Bas n'utilise que "
        "les données de ses propres membres et participants."
    ),
    "en": (
        "The association for Belgium and Luxembourg carries out this processing, manages the "
        "providers and answers requests; the association for the Netherlands uses only the "
        "data of its own members and participants."
    ),
}

# Processors, each named once; a purpose lists the ones it uses.
HOSTING = {
    "nl": "Onze hostingprovider: servers, database en back-ups in de EU, onder een verwerkersovereenkomst",
    "fr": "Notre hébergeur : serveurs, base de données et sauvegardes dans l'UE, sous un contrat de sous-traitance",
    "en": "Our hosting provider: servers, database and backups in the EU, under a processing agreement",
}
MAIL = {
    "nl": "Onze e-maildienstverlener: verstuurt de e-mails van de website, onder een verwerkersovereenkomst",
    "fr": "Notre prestataire e-mail : envoie les e-mails du site, sous un contrat de sous-traitance",
    "en": "Our e-mail provider: sends the site's e-mails, under a processing agreement",
}
CAMPAIGNS = {
    "nl": "Onze dienstverlener voor e-mailcampagnes: verstuurt nieuwsbrieven en uitnodigingen, onder een verwerkersovereenkomst",
    "fr": "Notre prestataire de campagnes e-mail : envoie les lettres d'information et les invitations, sous un contrat de sous-traitance",
    "en": "Our e-mail campaign provider: sends newsletters and invitations, under a processing agreement",
}
SURVEYS = {
    "nl": "Onze dienstverlener voor enquêtes: verzamelt de antwoorden, onder een verwerkersovereenkomst",
    "fr": "Notre prestataire d'enquêtes : recueille les réponses, sous un contrat de sous-traitance",
    "en": "Our survey provider: collects the answers, under a processing agreement",
}
ACCOUNTANT = {
    "nl": "Onze boekhouder: voert de boekhouding, onder een verwerkersovereenkomst",
    "fr": "Notre comptable : tient la comptabilité, sous un contrat de sous-traitance",
    "en": "Our accountant: keeps the books, under a processing agreement",
}

# key (or key prefix ending in "-"): (data subjects in nl, fr, en; processors)
SUBJECTS = {
    "answer-request": (
        {
            "nl": "Mensen die ons schrijven",
            "fr": "Les personnes qui nous écrivent",
            "en": "People who write to us",
        },
        [HOSTING, MAIL],
    ),
    "newsletter": (
        {
            "nl": "Abonnees op de nieuwsbrief",
            "fr": "Abonnés à la lettre d'information",
            "en": "Newsletter subscribers",
        },
        [HOSTING, CAMPAIGNS],
    ),
    "event-invitations": (
        {
            "nl": "Wie uitnodigingen voor evenementen wil ontvangen",
            "fr": "Les personnes qui souhaitent recevoir des invitations",
            "en": "People who want invitations to events",
        },
        [HOSTING, CAMPAIGNS],
    ),
    "publications": (
        {
            "nl": "Abonnees op onze publicaties",
            "fr": "Abonnés à nos publications",
            "en": "Subscribers to our publications",
        },
        [HOSTING, CAMPAIGNS],
    ),
    "surveys": (
        {
            "nl": "Wie aan onze enquêtes wil deelnemen",
            "fr": "Les personnes qui souhaitent participer à nos enquêtes",
            "en": "People who want to take part in our surveys",
        },
        [HOSTING, CAMPAIGNS, SURVEYS],
    ),
    "job-application": (
        {"nl": "Sollicitanten", "fr": "Candidats à un emploi", "en": "Job applicants"},
        [HOSTING, MAIL],
    ),
    "talent-pool": (
        {
            "nl": "Sollicitanten in de talentenpool",
            "fr": "Candidats dans la réserve de talents",
            "en": "Applicants in the talent pool",
        },
        [HOSTING, MAIL],
    ),
    "event-needs": (
        {
            "nl": "Deelnemers die een dieet- of toegankelijkheidswens opgeven",
            "fr": "Participants qui indiquent un besoin alimentaire ou d'accessibilité",
            "en": "Participants who state a dietary or access need",
        },
        [HOSTING],
    ),
    "event-photos": (
        {
            "nl": "Deelnemers die op evenementen gefotografeerd of gefilmd worden",
            "fr": "Participants photographiés ou filmés lors des événements",
            "en": "Participants photographed or filmed at events",
        },
        [HOSTING],
    ),
    "membership-application": (
        {
            "nl": "Bedrijven die lid willen worden en hun contactpersonen",
            "fr": "Entreprises qui demandent à devenir membres et leurs personnes de contact",
            "en": "Companies applying for membership and their contact persons",
        },
        [HOSTING, MAIL],
    ),
    "member-administration": (
        {
            "nl": "Contactpersonen van leden",
            "fr": "Personnes de contact des membres",
            "en": "Contact persons of members",
        },
        [HOSTING, MAIL],
    ),
    "accounting": (
        {
            "nl": "Leden en klanten die een factuur krijgen",
            "fr": "Membres et clients facturés",
            "en": "Members and clients who are invoiced",
        },
        [HOSTING, ACCOUNTANT],
    ),
    "event-registration": (
        {
            "nl": "Deelnemers aan evenementen en opleidingen",
            "fr": "Participants aux événements et formations",
            "en": "Participants in events and trainings",
        },
        [HOSTING, MAIL],
    ),
    "participant-list": (
        {
            "nl": "Deelnemers aan evenementen",
            "fr": "Participants aux événements",
            "en": "Participants in events",
        },
        [HOSTING],
    ),
    "trainee-list": (
        {
            "nl": "Deelnemers aan opleidingen",
            "fr": "Participants aux formations",
            "en": "Participants in trainings",
        },
        [HOSTING, MAIL],
    ),
    "privacy-request": (
        {
            "nl": "Wie een verzoek over zijn gegevens indient",
            "fr": "Les personnes qui font une demande concernant leurs données",
            "en": "People who make a request about their data",
        },
        [HOSTING, MAIL],
    ),
    "cookies-": (
        {
            "nl": "Bezoekers van de website",
            "fr": "Visiteurs du site",
            "en": "Visitors of the website",
        },
        [HOSTING],
    ),
}

# The balancing test of each purpose based on legitimate interest.
ASSESSMENTS = {
    "answer-request": {
        "nl": "Noodzakelijk: zonder de gegevens van wie ons schrijft kunnen we niet antwoorden. Beperkt tot wat het formulier vraagt, 1 jaar na de afhandeling. Wie ons schrijft verwacht een antwoord; bezwaar is altijd mogelijk.",
        "fr": "Nécessaire : sans les données de qui nous écrit, nous ne pouvons pas répondre. Limité à ce que demande le formulaire, 1 an après le traitement. Qui nous écrit attend une réponse ; l'opposition reste toujours possible.",
        "en": "Necessary: without the details of who writes to us we cannot answer. Limited to what the form asks, 1 year after handling. People who write expect an answer; they may always object.",
    },
    "participant-list": {
        "nl": "Noodzakelijk om deelnemers met elkaar in contact te brengen, het doel van onze evenementen. Alleen voornaam, naam en functie, tot het einde van het evenement; wie dat niet wil vinkt het bezwaar aan bij de inschrijving.",
        "fr": "Nécessaire pour mettre les participants en relation, le but de nos événements. Seulement prénom, nom et fonction, jusqu'à la fin de l'événement ; qui ne le souhaite pas coche l'opposition à l'inscription.",
        "en": "Necessary to put participants in touch, the point of our events. Only first name, name and function, until the event ends; whoever does not want it ticks the objection when registering.",
    },
}


def _texts_for(key: str) -> tuple[dict, list] | None:
    for prefix, found in SUBJECTS.items():
        if key == prefix or (prefix.endswith("-") and key.startswith(prefix)):
            return found
    return None


def record_texts(key: str, language: str) -> dict[str, str]:
    """The record fields of purpose ``key`` in ``language``; empty for a purpose the demo does
    not word (the plugins' own bring theirs)."""
    found = _texts_for(key)
    if found is None:
        return {}
    subjects, processors = found
    texts = {
        "data_subjects": subjects[language],
        "processors": "; ".join(processor[language] for processor in processors),
        "security_measures": SECURITY[language],
        "controller_roles": ROLES[language],
    }
    if key in ASSESSMENTS:
        texts["interest_assessment"] = ASSESSMENTS[key][language]
    return texts


def load(*, log) -> None:
    """Fill the empty record fields of the demo's purposes, in each translation's language."""
    filled = 0
    for purpose in Purpose.objects.select_related("locale"):
        texts = record_texts(purpose.key, purpose.locale.language_code)
        empty = {name: text for name, text in texts.items() if not getattr(purpose, name)}
        if empty:
            for name, text in empty.items():
                setattr(purpose, name, text)
            purpose.save(update_fields=list(empty))
            filled += 1
    log(f"Record of processing: {filled} purposes completed")
