"""Demo content of the privacy app: the chamber's purposes in nl, fr and en, and the
``Privacy officers`` group. Safe to run repeatedly: like the demo pages, only what is missing
is created; a purpose or translation that exists is left as editors made it."""

from wagtail.models import Locale

from careers.constants import VACANCY_CLOSING
from privacy import conf
from privacy.models import LegalBasis, RetentionStart
from privacy.periods import Period, PeriodUnit
from privacy.services.purposes import TEXT_FIELDS, PurposeSpec, purposes_ensure

from ..helpers import ACCESS_ADMIN, group_ensure
from . import cookies, policy, requests
from .content import MORE_TERMS, MORE_TEXTS

MONTHS, YEARS = PeriodUnit.MONTHS, PeriodUnit.YEARS

OFFICER_PERMISSIONS = [
    ACCESS_ADMIN,
    ("privacy", "view_consentrecord"),
    ("privacy", "view_deletionlog"),
    ("privacy", "view_retentionfailure"),
    ("privacy", "add_purpose"),
    ("privacy", "change_purpose"),
    ("privacy", "view_purpose"),
    ("privacy", "add_outcomeretention"),
    ("privacy", "change_outcomeretention"),
    ("privacy", "view_outcomeretention"),
    ("wagtail_localize", "submit_translation"),
]

# key: (legal basis, retention period, counts from)
TERMS = {
    "answer-request": (LegalBasis.LEGITIMATE_INTEREST, Period(1, YEARS), RetentionStart.DECISION),
    "newsletter": (LegalBasis.CONSENT, Period(0, MONTHS), RetentionStart.WITHDRAWAL),
    "event-invitations": (LegalBasis.CONSENT, Period(0, MONTHS), RetentionStart.WITHDRAWAL),
    "publications-surveys": (LegalBasis.CONSENT, Period(0, MONTHS), RetentionStart.WITHDRAWAL),
    # Six months after the vacancy closes; the careers app applies the shorter terms that
    # follow a decision (rejection, withdrawal, hiring).
    "job-application": (LegalBasis.CONTRACT, Period(6, MONTHS), VACANCY_CLOSING.value),
    "talent-pool": (LegalBasis.CONSENT, Period(1, YEARS), RetentionStart.SUBMISSION),
    "event-photos": (LegalBasis.CONSENT, Period(3, YEARS), RetentionStart.SUBMISSION),
    "membership-services": (LegalBasis.CONTRACT, Period(7, YEARS), RetentionStart.LAST_CONTACT),
    **MORE_TERMS,
}

# key: {language: (name, consent text, description, data categories, recipients)}
TEXTS = {
    "answer-request": {
        "nl": (
            "Uw vraag beantwoorden",
            "We gebruiken uw gegevens om uw vraag te behandelen en te beantwoorden.",
            "We gebruiken uw gegevens alleen om uw vraag te behandelen en te beantwoorden.",
            "Naam, e-mailadres, telefoonnummer, bedrijf, uw vraag",
            "Medewerkers van de Kamer; onze e-maildienstverlener als verwerker",
        ),
        "fr": (
            "Répondre à votre demande",
            "Nous utilisons vos données pour traiter votre demande et y répondre.",
            "Nous utilisons vos données uniquement pour traiter votre demande et y répondre.",
            "Nom, adresse e-mail, numéro de téléphone, entreprise, votre demande",
            "Collaborateurs de la Chambre ; notre prestataire e-mail en tant que sous-traitant",
        ),
        "en": (
            "Answer your request",
            "We use your details to handle and answer your request.",
            "We use your details only to handle and answer your request.",
            "Name, e-mail address, phone number, company, your request",
            "Chamber staff; our e-mail provider as processor",
        ),
    },
    "newsletter": {
        "nl": (
            "Nieuwsbrief",
            "Ja, ik wil de nieuwsbrief van de Kamer per e-mail ontvangen.",
            "We sturen u onze nieuwsbrief tot u zich uitschrijft. Daarna verwijderen we uw "
            "adres uit de verzendlijst.",
            "E-mailadres, naam, taalvoorkeur",
            "Onze dienstverlener voor e-mailcampagnes als verwerker",
        ),
        "fr": (
            "Lettre d'information",
            "Oui, je souhaite recevoir la lettre d'information de la Chambre par e-mail.",
            "Nous vous envoyons notre lettre d'information jusqu'à votre désinscription. "
            "Ensuite, nous retirons votre adresse de la liste d'envoi.",
            "Adresse e-mail, nom, langue préférée",
            "Notre prestataire de campagnes e-mail en tant que sous-traitant",
        ),
        "en": (
            "Newsletter",
            "Yes, I would like to receive the Chamber's newsletter by e-mail.",
            "We send you our newsletter until you unsubscribe. We then remove your address "
            "from the mailing list.",
            "E-mail address, name, language preference",
            "Our e-mail campaign provider as processor",
        ),
    },
    "event-invitations": {
        "nl": (
            "Uitnodigingen voor evenementen en opleidingen",
            "Ja, nodig mij uit voor evenementen en opleidingen van de Kamer.",
            "We sturen u uitnodigingen voor onze evenementen en opleidingen tot u aangeeft "
            "dat u ze niet meer wilt ontvangen.",
            "Naam, e-mailadres, bedrijf, interesses",
            "Onze dienstverlener voor e-mailcampagnes en evenementregistratie als verwerkers",
        ),
        "fr": (
            "Invitations aux événements et formations",
            "Oui, invitez-moi aux événements et formations de la Chambre.",
            "Nous vous envoyons des invitations à nos événements et formations jusqu'à ce "
            "que vous nous indiquiez ne plus vouloir les recevoir.",
            "Nom, adresse e-mail, entreprise, centres d'intérêt",
            "Nos prestataires de campagnes e-mail et d'inscription aux événements, "
            "en tant que sous-traitants",
        ),
        "en": (
            "Event and training invitations",
            "Yes, invite me to the Chamber's events and training courses.",
            "We send you invitations to our events and training courses until you tell us "
            "you no longer want them.",
            "Name, e-mail address, company, interests",
            "Our e-mail campaign and event registration providers as processors",
        ),
    },
    "publications-surveys": {
        "nl": (
            "Publicaties en enquêtes",
            "Ja, stuur mij publicaties van de Kamer en vraag mij af en toe mee te doen aan "
            "een enquête.",
            "We sturen u onze publicaties en af en toe een enquête over het ondernemingsklimaat, "
            "tot u uw toestemming intrekt.",
            "Naam, e-mailadres, bedrijf, sector, antwoorden op enquêtes",
            "Onze dienstverlener voor enquêtes als verwerker",
        ),
        "fr": (
            "Publications et enquêtes",
            "Oui, envoyez-moi les publications de la Chambre et invitez-moi de temps en temps "
            "à répondre à une enquête.",
            "Nous vous envoyons nos publications et, de temps en temps, une enquête sur le "
            "climat des affaires, jusqu'au retrait de votre consentement.",
            "Nom, adresse e-mail, entreprise, secteur, réponses aux enquêtes",
            "Notre prestataire d'enquêtes en tant que sous-traitant",
        ),
        "en": (
            "Publications and surveys",
            "Yes, send me the Chamber's publications and invite me now and then to take part "
            "in a survey.",
            "We send you our publications and now and then a survey on the business climate, "
            "until you withdraw your consent.",
            "Name, e-mail address, company, sector, survey answers",
            "Our survey provider as processor",
        ),
    },
    "job-application": {
        "nl": (
            "Uw sollicitatie behandelen",
            "We gebruiken uw cv en gegevens om uw sollicitatie te behandelen.",
            "We gebruiken uw cv en gegevens alleen voor deze vacature.",
            "Naam, contactgegevens, cv, motivatiebrief, gespreksnotities",
            "Het selectiecomité van de Kamer",
        ),
        "fr": (
            "Traiter votre candidature",
            "Nous utilisons votre CV et vos données pour traiter votre candidature.",
            "Nous utilisons votre CV et vos données uniquement pour ce poste.",
            "Nom, coordonnées, CV, lettre de motivation, notes d'entretien",
            "Le comité de sélection de la Chambre",
        ),
        "en": (
            "Process your job application",
            "We use your CV and details to process your application.",
            "We use your CV and details only for this vacancy.",
            "Name, contact details, CV, cover letter, interview notes",
            "The Chamber's selection committee",
        ),
    },
    "talent-pool": {
        "nl": (
            "Mijn cv bewaren in de talentenpool",
            "Ja, bewaar mijn cv in de talentenpool, zodat de Kamer mij kan contacteren voor "
            "andere vacatures.",
            "Met uw toestemming bewaren we uw cv om u te contacteren voor andere vacatures; u "
            "kunt die termijn verlengen. U kunt uw toestemming altijd intrekken.",
            "Naam, contactgegevens, cv",
            "Medewerkers personeelszaken van de Kamer",
        ),
        "fr": (
            "Conserver mon CV dans la réserve de talents",
            "Oui, conservez mon CV dans la réserve de talents afin que la Chambre puisse me "
            "contacter pour d'autres postes.",
            "Avec votre consentement, nous conservons votre CV pour vous contacter au "
            "sujet d'autres postes ; vous pouvez prolonger ce délai. Vous pouvez retirer votre "
            "consentement à tout moment.",
            "Nom, coordonnées, CV",
            "Les collaborateurs RH de la Chambre",
        ),
        "en": (
            "Keep my CV in the talent pool",
            "Yes, keep my CV in the talent pool so the Chamber can contact me about other "
            "vacancies.",
            "With your consent we keep your CV to contact you about other vacancies; you can "
            "renew it. You can withdraw your consent at any time.",
            "Name, contact details, CV",
            "The Chamber's HR staff",
        ),
    },
    "event-photos": {
        "nl": (
            "Foto's op evenementen",
            "Ik ga ermee akkoord dat de Kamer foto's waarop ik herkenbaar ben, gebruikt op "
            "haar website en in haar publicaties.",
            "We gebruiken foto's van evenementen tot u uw toestemming intrekt, en niet langer "
            "dan hieronder vermeld.",
            "Foto's, naam",
            "Bezoekers van de website en lezers van onze publicaties",
        ),
        "fr": (
            "Photos lors des événements",
            "J'accepte que la Chambre utilise les photos sur lesquelles je suis reconnaissable "
            "sur son site et dans ses publications.",
            "Nous utilisons les photos des événements jusqu'au retrait de votre consentement, "
            "et pas plus longtemps qu'indiqué ci-dessous.",
            "Photos, nom",
            "Les visiteurs du site et les lecteurs de nos publications",
        ),
        "en": (
            "Event photos",
            "I agree that the Chamber may use photos in which I can be recognised on its "
            "website and in its publications.",
            "We use event photos until you withdraw your consent, and no longer than stated below.",
            "Photos, name",
            "Visitors of the website and readers of our publications",
        ),
    },
    "membership-services": {
        "nl": (
            "Lidmaatschap en dienstverlening aan leden",
            "We gebruiken uw gegevens om uw aanvraag te behandelen, en daarna voor uw "
            "lidmaatschap en de diensten aan leden.",
            "We gebruiken uw gegevens om uw lidmaatschap te beheren en u onze diensten te "
            "verlenen.",
            "Naam, contactgegevens, bedrijf, btw-nummer, facturatiegegevens",
            "Medewerkers van de Kamer; onze boekhouder als verwerker",
        ),
        "fr": (
            "Adhésion et services aux membres",
            "Nous utilisons vos données pour traiter votre demande, puis pour votre adhésion "
            "et les services aux membres.",
            "Nous utilisons vos données pour gérer votre adhésion et vous fournir nos services.",
            "Nom, coordonnées, entreprise, numéro de TVA, données de facturation",
            "Collaborateurs de la Chambre ; notre comptable en tant que sous-traitant",
        ),
        "en": (
            "Membership and member services",
            "We use your details to handle your application, then for your membership and "
            "member services.",
            "We use your details to manage your membership and provide our services.",
            "Name, contact details, company, VAT number, billing details",
            "Chamber staff; our accountant as processor",
        ),
    },
}

TEXTS.update(MORE_TEXTS)

LANGUAGES = ("nl", "fr", "en")
SPECS = [
    PurposeSpec(
        key=key,
        legal_basis=basis,
        retention_period=period.amount,
        retention_unit=period.unit,
        retention_from=start,
        texts={
            language: dict(zip(TEXT_FIELDS, values, strict=True))
            for language, values in TEXTS[key].items()
        },
    )
    for key, (basis, period, start) in TERMS.items()
]


def load(*, log, translate) -> None:
    """The chamber's purposes (privacy's own data loader, with the chamber's words), the
    officers' group, then the request page, the cookie categories and the policy."""
    for code in LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    created = purposes_ensure(specs=SPECS, languages=LANGUAGES)
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
    requests.load(log=log, translate=translate)
    cookies.load(log=log)
    policy.load(log=log, translate=translate)
