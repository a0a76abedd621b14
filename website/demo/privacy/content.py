"""The words of the purposes the privacy demo adds beyond the forms' own: events and
data-subject requests, in nl, fr and en. Terms follow the chamber's table of purposes; the
cookie purposes come with the cookie categories (demo_cookies.py)."""

from events.constants import EVENT_END
from privacy.models import LegalBasis, RetentionStart
from privacy.periods import Period, PeriodUnit

# key: (legal basis, retention days, counts from)
MONTHS, YEARS = PeriodUnit.MONTHS, PeriodUnit.YEARS

MORE_TERMS = {
    "event-registration": (LegalBasis.CONTRACT, Period(3, MONTHS), EVENT_END.value),
    # Explicit consent (GDPR art. 9(2)(a)), until the event ends.
    "event-needs": (LegalBasis.CONSENT, Period(0, MONTHS), EVENT_END.value),
    "participant-list": (LegalBasis.LEGITIMATE_INTEREST, Period(0, MONTHS), EVENT_END.value),
    "trainee-list": (LegalBasis.CONTRACT, Period(0, MONTHS), EVENT_END.value),
    "privacy-request": (LegalBasis.LEGAL_OBLIGATION, Period(3, YEARS), RetentionStart.DECISION),
}

# key: {language: (name, consent text, description, data categories, recipients)}
MORE_TEXTS = {
    "event-registration": {
        "nl": (
            "Uw inschrijving voor een evenement of opleiding",
            "We gebruiken uw gegevens om uw inschrijving te behandelen en u over het "
            "evenement te informeren.",
            "We gebruiken uw gegevens om uw plaats te reserveren, u praktische informatie te "
            "sturen en te factureren.",
            "Naam, contactgegevens, bedrijf, functie, facturatiegegevens",
            "Medewerkers van de Kamer; de locatie en de cateraar voor de deelnemerslijst",
        ),
        "fr": (
            "Votre inscription à un événement ou une formation",
            "Nous utilisons vos données pour traiter votre inscription et vous informer sur "
            "l'événement.",
            "Nous utilisons vos données pour réserver votre place, vous envoyer les "
            "informations pratiques et facturer.",
            "Nom, coordonnées, entreprise, fonction, données de facturation",
            "Collaborateurs de la Chambre ; le lieu et le traiteur pour la liste des présences",
        ),
        "en": (
            "Your registration for an event or training",
            "We use your details to handle your registration and keep you informed about "
            "the event.",
            "We use your details to book your place, send you practical information and "
            "invoice you.",
            "Name, contact details, company, job title, billing details",
            "Chamber staff; the venue and caterer for the attendance list",
        ),
    },
    "event-needs": {
        "nl": (
            "Dieet- of toegankelijkheidswensen",
            "Ik wil dieet- of toegankelijkheidswensen meedelen (bijvoorbeeld een dieet, een"
            " allergie of rolstoeltoegang) en ik stem er uitdrukkelijk mee in dat u ze "
            "gebruikt om mijn deelname te regelen, ook als ze iets zeggen over mijn "
            "gezondheid of godsdienst.",
            "We vragen ze alleen met uw uitdrukkelijke toestemming (AVG art. 9, lid 2, a). "
            "Alleen de organisatoren van het evenement lezen ze; de cateraar en de locatie "
            "krijgen aantallen, nooit namen. We wissen ze wanneer het evenement afloopt, of"
            " meteen wanneer u uw toestemming intrekt.",
            "Dieet- of toegankelijkheidswensen die u beschrijft, die iets over uw "
            "gezondheid of godsdienst kunnen zeggen",
            "De organisatoren van het evenement; de cateraar en de locatie krijgen alleen "
            "aantallen, zonder namen",
        ),
        "fr": (
            "Besoins alimentaires ou d'accessibilité",
            "Je souhaite vous indiquer des besoins alimentaires ou d'accessibilité (par "
            "exemple un régime, une allergie ou un accès en fauteuil roulant) et j'accepte "
            "explicitement que vous les utilisiez pour organiser ma participation, même "
            "s'ils révèlent ma santé ou ma religion.",
            "Nous ne les demandons qu'avec votre consentement explicite (RGPD art. 9, par. "
            "2, a). Seuls les organisateurs de l'événement les lisent ; le traiteur et le "
            "lieu reçoivent des nombres, jamais de noms. Nous les effaçons à la fin de "
            "l'événement, ou dès que vous retirez votre consentement.",
            "Besoins alimentaires ou d'accessibilité que vous décrivez, qui peuvent révéler"
            " votre santé ou votre religion",
            "Les organisateurs de l'événement ; le traiteur et le lieu ne reçoivent que des"
            " nombres, sans noms",
        ),
        "en": (
            "Dietary or access needs",
            "I want to tell you of dietary or access needs (for example a diet, an allergy "
            "or wheelchair access), and I explicitly agree that you use them to arrange my "
            "participation, even where they reveal my health or religion.",
            "We ask for them only with your explicit consent (GDPR art. 9(2)(a)). Only the "
            "event's organisers read them; the caterer and the venue get counts, never "
            "names. We delete them when the event ends, or at once when you withdraw your "
            "consent.",
            "Dietary or access needs you describe, which may reveal your health or religion",
            "The event's organisers; the caterer and the venue receive counts only, without names",
        ),
    },
    "participant-list": {
        "nl": (
            "Deelnemerslijst",
            "Uw voornaam, naam en functie staan op de deelnemerslijst van het evenement "
            "zodra u uw adres bevestigd hebt via de link in uw bevestigingsmail, zodat "
            "deelnemers elkaar kunnen ontmoeten. Elk evenement vermeldt wie de lijst "
            "ziet: de bevestigde deelnemers, of iedereen.",
            "Netwerken is het doel van onze evenementen; u kunt bezwaar maken door het "
            "vakje aan te kruisen, of later via de link in uw bevestigingsmail. De lijst "
            "verdwijnt wanneer het evenement afloopt.",
            "Voornaam, naam, functie",
            "De bevestigde deelnemers aan het evenement; iedereen, voor een evenement "
            "waarvan de pagina zegt dat de lijst openbaar is",
        ),
        "fr": (
            "Liste des participants",
            "Vos prénom, nom et fonction figurent sur la liste des participants de "
            "l'événement dès que vous avez confirmé votre adresse par le lien de votre "
            "e-mail de confirmation, afin que les participants puissent se rencontrer. "
            "Chaque événement indique qui voit sa liste : ses participants confirmés, ou "
            "tout le monde.",
            "Le réseautage est le but de nos événements ; vous pouvez vous y opposer en "
            "cochant la case, ou plus tard par le lien de votre e-mail de confirmation. "
            "La liste disparaît à la fin de l'événement.",
            "Prénom, nom, fonction",
            "Les participants confirmés de l'événement ; tout le monde, pour un événement"
            " dont la page indique que sa liste est publique",
        ),
        "en": (
            "Participant list",
            "Your first name, name and function appear on the event's participant list "
            "once you have confirmed your address through the link in your confirmation "
            "e-mail, so participants can meet. Each event states who sees its list: its "
            "confirmed participants, or everyone.",
            "Networking is what our events are for; you can object by ticking the box, or"
            " later through the link in your confirmation e-mail. The list goes when the "
            "event ends.",
            "First name, name, function",
            "The event's confirmed participants; everyone, for an event whose page says "
            "its list is public",
        ),
    },
    "trainee-list": {
        "nl": (
            "Inschrijvingslijst voor de sprekers",
            "De sprekers van de opleiding krijgen uw voornaam, naam en e-mailadres om de "
            "opleiding voor te bereiden en het materiaal te sturen.",
            "De sprekers gebruiken de lijst alleen voor deze opleiding en verwijderen ze "
            "wanneer de opleiding afloopt.",
            "Voornaam, naam, e-mailadres",
            "De sprekers van de opleiding",
        ),
        "fr": (
            "Liste des inscrits pour les orateurs",
            "Les orateurs de la formation reçoivent vos prénom, nom et adresse e-mail pour "
            "préparer la formation et envoyer les supports.",
            "Les orateurs utilisent la liste uniquement pour cette formation et la suppriment "
            "à la fin de la formation.",
            "Prénom, nom, adresse e-mail",
            "Les orateurs de la formation",
        ),
        "en": (
            "Registration list for the speakers",
            "The training's speakers receive your first name, name and e-mail address to "
            "prepare the training and send the materials.",
            "The speakers use the list for this training only and delete it when the "
            "training ends.",
            "First name, name, e-mail address",
            "The training's speakers",
        ),
    },
    "privacy-request": {
        "nl": (
            "Uw privacyverzoek behandelen",
            "We gebruiken uw gegevens om uw verzoek om inzage, verbetering, wissing of "
            "bezwaar te behandelen, zoals de wet ons verplicht.",
            "We bewaren uw verzoek en ons antwoord na het afsluiten ervan, om te kunnen "
            "aantonen dat we het behandeld hebben.",
            "Naam, contactgegevens, uw verzoek, ons antwoord",
            "De privacyverantwoordelijke van de Kamer; de toezichthouder als die erom vraagt",
        ),
        "fr": (
            "Traiter votre demande relative à la vie privée",
            "Nous utilisons vos données pour traiter votre demande d'accès, de rectification, "
            "d'effacement ou d'opposition, comme la loi nous y oblige.",
            "Nous conservons votre demande et notre réponse après sa clôture, pour pouvoir "
            "démontrer que nous l'avons traitée.",
            "Nom, coordonnées, votre demande, notre réponse",
            "Le responsable vie privée de la Chambre ; l'autorité de contrôle si elle le demande",
        ),
        "en": (
            "Handle your privacy request",
            "We use your details to handle your request for access, rectification, erasure "
            "or objection, as the law requires.",
            "We keep your request and our answer after it is closed, to show that we handled it.",
            "Name, contact details, your request, our answer",
            "The Chamber's privacy officer; the supervisory authority when it asks",
        ),
    },
}

MORE_INTERESTS = {
    "participant-list": {
        "nl": "Netwerken tussen de deelnemers mogelijk maken, het doel van onze evenementen.",
        "fr": "Permettre le réseautage entre participants, le but de nos événements.",
        "en": "Letting participants network with each other, which is what our events are for.",
    },
}
