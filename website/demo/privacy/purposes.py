"""The chamber's purposes: their terms and their words in nl, fr and en (with those of
:mod:`.content`), as the specs privacy's data loader takes."""

from careers.constants import VACANCY_CLOSING
from events.constants import EVENT_END
from home.retention import FINANCIAL_YEAR_END, MEMBERSHIP_END
from privacy.models import LegalBasis, RetentionStart
from privacy.periods import Period, PeriodUnit
from privacy.services.purposes import TEXT_FIELDS, PurposeSpec

from .content import MORE_INTERESTS, MORE_TERMS, MORE_TEXTS

MONTHS, YEARS = PeriodUnit.MONTHS, PeriodUnit.YEARS

# key: (legal basis, retention period, counts from)
TERMS = {
    "answer-request": (LegalBasis.LEGITIMATE_INTEREST, Period(1, YEARS), RetentionStart.DECISION),
    "newsletter": (LegalBasis.CONSENT, Period(0, MONTHS), RetentionStart.WITHDRAWAL),
    "event-invitations": (LegalBasis.CONSENT, Period(0, MONTHS), RetentionStart.WITHDRAWAL),
    "publications": (LegalBasis.CONSENT, Period(0, MONTHS), RetentionStart.WITHDRAWAL),
    "surveys": (LegalBasis.CONSENT, Period(0, MONTHS), RetentionStart.WITHDRAWAL),
    # Six months after the vacancy closes; the careers app applies the shorter terms that
    # follow a decision (rejection, withdrawal, hiring).
    "job-application": (LegalBasis.CONTRACT, Period(6, MONTHS), VACANCY_CLOSING.value),
    "talent-pool": (LegalBasis.CONSENT, Period(1, YEARS), RetentionStart.SUBMISSION),
    # Counted from the event, as the consent's own words say.
    "event-photos": (LegalBasis.CONSENT, Period(3, YEARS), EVENT_END.value),
    # Membership: the application (1 year after the decision when no membership follows),
    # the member's administration, and the invoices accounting law makes us keep.
    "membership-application": (LegalBasis.CONTRACT, Period(1, YEARS), RetentionStart.DECISION),
    "member-administration": (LegalBasis.CONTRACT, Period(1, YEARS), MEMBERSHIP_END.value),
    "accounting": (LegalBasis.LEGAL_OBLIGATION, Period(7, YEARS), FINANCIAL_YEAR_END.value),
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
            "E-mailadres, naam, taalvoorkeur",
            "Onze dienstverlener voor e-mailcampagnes als verwerker",
        ),
        "fr": (
            "Invitations aux événements et formations",
            "Oui, invitez-moi aux événements et formations de la Chambre.",
            "Nous vous envoyons des invitations à nos événements et formations jusqu'à ce "
            "que vous nous indiquiez ne plus vouloir les recevoir.",
            "Adresse e-mail, nom, langue préférée",
            "Notre prestataire de campagnes e-mail en tant que sous-traitant",
        ),
        "en": (
            "Event and training invitations",
            "Yes, invite me to the Chamber's events and training courses.",
            "We send you invitations to our events and training courses until you tell us "
            "you no longer want them.",
            "E-mail address, name, language preference",
            "Our e-mail campaign provider as processor",
        ),
    },
    "publications": {
        "nl": (
            "Publicaties",
            "Ja, stuur mij de publicaties van de Kamer per e-mail.",
            "We sturen u onze publicaties, zoals het ledenmagazine en marktstudies, tot u uw "
            "toestemming intrekt.",
            "E-mailadres, naam, taalvoorkeur",
            "Onze dienstverlener voor e-mailcampagnes als verwerker",
        ),
        "fr": (
            "Publications",
            "Oui, envoyez-moi les publications de la Chambre par e-mail.",
            "Nous vous envoyons nos publications, comme le magazine des membres et des études "
            "de marché, jusqu'au retrait de votre consentement.",
            "Adresse e-mail, nom, langue préférée",
            "Notre prestataire de campagnes e-mail en tant que sous-traitant",
        ),
        "en": (
            "Publications",
            "Yes, send me the Chamber's publications by e-mail.",
            "We send you our publications, such as the members' magazine and market studies, "
            "until you withdraw your consent.",
            "E-mail address, name, language preference",
            "Our e-mail campaign provider as processor",
        ),
    },
    "surveys": {
        "nl": (
            "Enquêtes",
            "Ja, vraag mij af en toe per e-mail mee te doen aan een enquête van de Kamer.",
            "We vragen u af en toe mee te doen aan een enquête over het ondernemingsklimaat "
            "en verwerken uw antwoorden tot statistieken, tot u uw toestemming intrekt. "
            "Meedoen aan een enquête is altijd vrij.",
            "E-mailadres, naam, taalvoorkeur, uw antwoorden",
            "Onze dienstverlener voor e-mailcampagnes en onze dienstverlener voor enquêtes als "
            "verwerkers",
        ),
        "fr": (
            "Enquêtes",
            "Oui, invitez-moi de temps en temps par e-mail à répondre à une enquête de la Chambre.",
            "Nous vous invitons de temps en temps à répondre à une enquête sur le climat des "
            "affaires et traitons vos réponses en statistiques, jusqu'au retrait de votre "
            "consentement. Répondre à une enquête reste toujours libre.",
            "Adresse e-mail, nom, langue préférée, vos réponses",
            "Notre prestataire de campagnes e-mail et notre prestataire d'enquêtes en tant que "
            "sous-traitants",
        ),
        "en": (
            "Surveys",
            "Yes, invite me now and then by e-mail to take part in a survey of the Chamber.",
            "We invite you now and then to take part in a survey on the business climate and "
            "turn your answers into statistics, until you withdraw your consent. Taking part "
            "in a survey is always free.",
            "E-mail address, name, language preference, your answers",
            "Our e-mail campaign provider and our survey provider as processors",
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
            "Foto's en video's op evenementen",
            "Ik ga ermee akkoord dat de Kamer mij op dit evenement als hoofdonderwerp "
            "fotografeert en filmt, en die foto's en video's publiceert op haar website, "
            "op haar pagina's op sociale netwerken en in haar magazine, tenzij ik mijn "
            "toestemming intrek.",
            "Foto's en video's waarop u het hoofdonderwerp bent, publiceren we alleen met"
            " deze toestemming. U kunt ze altijd intrekken via de link in uw "
            "bevestigingsmail of in het voorkeurencentrum; dan gebruiken we ze niet meer.",
            "Foto's en video's van u, uw naam",
            "Bezoekers van onze website en van onze pagina's op sociale netwerken, lezers"
            " van ons magazine; de sociale netwerken waarop we ze publiceren",
        ),
        "fr": (
            "Photos et vidéos lors des événements",
            "J'accepte que la Chambre me photographie et me filme comme sujet principal "
            "lors de cet événement, et publie ces photos et vidéos sur son site, sur ses "
            "pages de réseaux sociaux et dans son magazine, sauf si je retire mon "
            "consentement.",
            "Nous ne publions les photos et vidéos dont vous êtes le sujet principal "
            "qu'avec ce consentement. Vous pouvez le retirer à tout moment par le lien de"
            " votre e-mail de confirmation ou dans le centre de préférences ; nous "
            "cessons alors de les utiliser.",
            "Photos et vidéos de vous, votre nom",
            "Les visiteurs de notre site et de nos pages de réseaux sociaux, les lecteurs"
            " de notre magazine ; les réseaux sociaux où nous les publions",
        ),
        "en": (
            "Event photos and videos",
            "I agree that the Chamber photographs and films me as a main subject at this "
            "event, and publishes these photos and videos on its website, on its social "
            "network pages and in its magazine, unless I withdraw my consent.",
            "We publish photos and videos in which you are the main subject only with "
            "this consent. You can withdraw it at any time through the link in your "
            "confirmation e-mail or in the preference centre; we then stop using them.",
            "Photos and videos of you, your name",
            "Visitors of our website and of our social network pages, readers of our "
            "magazine; the social networks where we publish them",
        ),
    },
    "membership-application": {
        "nl": (
            "Uw aanvraag tot lidmaatschap behandelen",
            "We gebruiken uw gegevens om uw aanvraag tot lidmaatschap te behandelen en u te "
            "contacteren over uw aansluiting. Zonder deze gegevens kunnen we uw aanvraag niet "
            "behandelen.",
            "We gebruiken de gegevens uit het formulier om uw aanvraag te beoordelen en uw "
            "aansluiting te regelen. Wordt u lid, dan gaan ze over naar het ledenbeheer; "
            "anders bewaren we ze alleen zo lang als hieronder vermeld.",
            "Bedrijfsnaam, btw-nummer, contactpersoon, e-mailadres, telefoonnummer; "
            "facultatief het aantal werknemers en de sector",
            "Medewerkers van de Kamer; onze e-maildienstverlener als verwerker",
        ),
        "fr": (
            "Traiter votre demande d'adhésion",
            "Nous utilisons vos données pour traiter votre demande d'adhésion et vous "
            "contacter au sujet de votre affiliation. Sans ces données, nous ne pouvons pas "
            "traiter votre demande.",
            "Nous utilisons les données du formulaire pour examiner votre demande et régler "
            "votre affiliation. Si vous devenez membre, elles passent à la gestion des "
            "membres ; sinon nous ne les conservons que le temps indiqué ci-dessous.",
            "Nom de l'entreprise, numéro de TVA, personne de contact, adresse e-mail, numéro "
            "de téléphone ; facultativement le nombre de travailleurs et le secteur",
            "Collaborateurs de la Chambre ; notre prestataire e-mail en tant que sous-traitant",
        ),
        "en": (
            "Handle your membership application",
            "We use your details to handle your membership application and to contact you "
            "about joining. Without them we cannot handle your application.",
            "We use the details from the form to assess your application and arrange your "
            "membership. If you become a member, they move to member administration; "
            "otherwise we keep them only as long as stated below.",
            "Company name, VAT number, contact person, e-mail address, phone number; "
            "optionally the number of employees and the sector",
            "Chamber staff; our e-mail provider as processor",
        ),
    },
    "member-administration": {
        "nl": (
            "Ledenbeheer",
            "We gebruiken de gegevens van uw bedrijf en contactpersonen om uw lidmaatschap "
            "te beheren en u de diensten aan leden te verlenen.",
            "Zolang u lid bent, beheren we uw lidmaatschap en verlenen we u onze diensten: "
            "advies, informatie en toegang tot ons netwerk.",
            "Bedrijfsnaam, btw-nummer, contactpersonen, e-mailadres, telefoonnummer",
            "Medewerkers van de Kamer; onze e-maildienstverlener als verwerker",
        ),
        "fr": (
            "Gestion des membres",
            "Nous utilisons les données de votre entreprise et de ses personnes de contact "
            "pour gérer votre adhésion et vous fournir les services aux membres.",
            "Tant que vous êtes membre, nous gérons votre adhésion et vous fournissons nos "
            "services : conseils, informations et accès à notre réseau.",
            "Nom de l'entreprise, numéro de TVA, personnes de contact, adresse e-mail, "
            "numéro de téléphone",
            "Collaborateurs de la Chambre ; notre prestataire e-mail en tant que sous-traitant",
        ),
        "en": (
            "Member administration",
            "We use the details of your company and its contact persons to manage your "
            "membership and provide member services.",
            "While you are a member, we manage your membership and provide our services: "
            "advice, information and access to our network.",
            "Company name, VAT number, contact persons, e-mail address, phone number",
            "Chamber staff; our e-mail provider as processor",
        ),
    },
    "accounting": {
        "nl": (
            "Facturen en betalingen",
            "We bewaren de facturatiegegevens van uw lidmaatschap en inschrijvingen zoals de "
            "boekhoudwetgeving ons verplicht.",
            "Alleen wat op een factuur staat en de betalingen erop: geen andere gegevens uit "
            "uw aanvraag of lidmaatschap.",
            "Bedrijfsnaam, adres, btw-nummer, facturen, betalingen",
            "Onze boekhouder als verwerker; de belastingdienst als die erom vraagt",
        ),
        "fr": (
            "Factures et paiements",
            "Nous conservons les données de facturation de votre adhésion et de vos "
            "inscriptions comme la législation comptable nous y oblige.",
            "Uniquement ce qui figure sur une facture et les paiements qui s'y rapportent : "
            "aucune autre donnée de votre demande ou de votre adhésion.",
            "Nom de l'entreprise, adresse, numéro de TVA, factures, paiements",
            "Notre comptable en tant que sous-traitant ; l'administration fiscale si elle le "
            "demande",
        ),
        "en": (
            "Invoices and payments",
            "We keep the invoicing details of your membership and registrations as "
            "accounting law requires.",
            "Only what an invoice states and the payments on it: no other details of your "
            "application or membership.",
            "Company name, address, VAT number, invoices, payments",
            "Our accountant as processor; the tax authorities when they ask",
        ),
    },
}

TEXTS.update(MORE_TEXTS)

# The interest pursued, for the purposes based on legitimate interest (GDPR art. 13(1)(d)).
INTERESTS = {
    "answer-request": {
        "nl": "Mensen die ons schrijven een antwoord geven en kunnen opvolgen wat we hun "
        "antwoordden.",
        "fr": "Répondre aux personnes qui nous écrivent et pouvoir suivre ce que nous leur "
        "avons répondu.",
        "en": "Answering people who write to us, and being able to follow up what we answered.",
    },
    **MORE_INTERESTS,
}

SPECS = [
    PurposeSpec(
        key=key,
        legal_basis=basis,
        retention_period=period.amount,
        retention_unit=period.unit,
        retention_from=start,
        texts={
            language: {
                **dict(zip(TEXT_FIELDS, values, strict=True)),
                "legitimate_interest": INTERESTS.get(key, {}).get(language, ""),
            }
            for language, values in TEXTS[key].items()
        },
    )
    for key, (basis, period, start) in TERMS.items()
]
