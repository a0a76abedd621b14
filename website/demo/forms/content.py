"""The words of the forms demo: Dutch source forms and their French and English strings.

Translations are keyed by the Dutch string exactly as wagtail-localize extracts it (one entry
per text field, rich-text paragraph or list of choices).
"""

FILE_HELP = "PDF, Word of OpenDocument, maximaal 10 MB."
SECTORS = "Industrie\nBouw\nHandel\nDiensten\nHoreca\nAndere"
EMPLOYEES = "1-9\n10-49\n50-249\n250 of meer"

CONTACT = {
    "inbox": "Contact requests",
    "inbox_names": {"nl": "Contactaanvragen", "fr": "Demandes de contact"},
    "purpose": "answer-request",
    "page": {
        "title": "Contact",
        "slug": "contact",
        "intro": "<p>Heeft u een vraag over handel in de Benelux, een evenement of het "
        "lidmaatschap? Stel ze hier; we antwoorden binnen twee werkdagen.</p>",
        "thank_you_text": "<p>Dank u. We hebben uw vraag goed ontvangen en antwoorden u "
        "binnen twee werkdagen.</p>",
        "show_in_menus": True,
    },
    "fields": [
        {"key": "name", "label": "Naam", "field_type": "singleline"},
        {"key": "email", "label": "E-mailadres", "field_type": "email", "is_subject_email": True},
        {"key": "company", "label": "Bedrijf", "field_type": "singleline", "required": False},
        {"key": "question", "label": "Uw vraag", "field_type": "multiline"},
        {
            "key": "attachment",
            "label": "Bijlage",
            "field_type": "file",
            "required": False,
            "help_text": FILE_HELP,
        },
        # Legitimate interest: a notice above the button. Consent: optional boxes.
        {"key": "consent_answer_request", "purpose": "answer-request"},
        {"key": "consent_newsletter", "purpose": "newsletter"},
        {"key": "consent_event_invitations", "purpose": "event-invitations"},
    ],
}

MEMBERSHIP = {
    "inbox": "Membership",
    "inbox_names": {"nl": "Lidmaatschap", "fr": "Adhésions"},
    "purpose": "membership-application",
    "page": {
        "title": "Lid worden",
        "slug": "lidmaatschap",
        "intro": "<p>Word lid van de Kamer en krijg toegang tot ons netwerk, onze "
        "handelsmissies en persoonlijk advies. Vul het formulier in; we nemen contact met u "
        "op om uw aansluiting te bevestigen.</p>",
        "thank_you_text": "<p>Dank u voor uw aanvraag. Ons ledenteam neemt binnen vijf "
        "werkdagen contact met u op.</p>",
        "show_in_menus": True,
    },
    "fields": [
        {"key": "company", "label": "Bedrijfsnaam", "field_type": "singleline"},
        {
            "key": "vat_number",
            "label": "Btw-nummer",
            "field_type": "singleline",
            "help_text": "Bijvoorbeeld BE0123456789.",
        },
        {
            "key": "employees",
            "label": "Aantal werknemers",
            "field_type": "dropdown",
            "choices": EMPLOYEES,
            "required": False,
        },
        {
            "key": "sector",
            "label": "Sector",
            "field_type": "dropdown",
            "choices": SECTORS,
            "required": False,
        },
        {"key": "contact_person", "label": "Contactpersoon", "field_type": "singleline"},
        {"key": "email", "label": "E-mailadres", "field_type": "email", "is_subject_email": True},
        {"key": "phone", "label": "Telefoonnummer", "field_type": "phone"},
        # Contract (steps before it): a notice above the button. Consent: optional boxes.
        {"key": "consent_membership_application", "purpose": "membership-application"},
        {"key": "consent_newsletter", "purpose": "newsletter"},
        {"key": "consent_event_invitations", "purpose": "event-invitations"},
        {"key": "consent_publications", "purpose": "publications"},
        {"key": "consent_surveys", "purpose": "surveys"},
    ],
}

# Labels of purpose fields: the visitor reads the purpose's own words (a box or a notice);
# editors and exports see these.
PURPOSE_LABELS = {
    "answer-request": "Mededeling: uw vraag beantwoorden",
    "newsletter": "Toestemming: nieuwsbrief",
    "event-invitations": "Toestemming: uitnodigingen voor evenementen",
    "publications": "Toestemming: publicaties",
    "surveys": "Toestemming: enquêtes",
    "membership-application": "Mededeling: uw aanvraag tot lidmaatschap",
}

TRANSLATIONS = {
    "fr": {
        "Lid worden": "Devenir membre",
        CONTACT["page"]["intro"][3:-4]: "Vous avez une question sur le commerce au Benelux, "
        "un événement ou l'adhésion ? Posez-la ici ; nous répondons dans les deux jours "
        "ouvrables.",
        CONTACT["page"]["thank_you_text"][3:-4]: "Merci. Nous avons bien reçu votre question "
        "et vous répondrons dans les deux jours ouvrables.",
        MEMBERSHIP["page"]["intro"][3:-4]: "Devenez membre de la Chambre et accédez à notre "
        "réseau, à nos missions commerciales et à des conseils personnalisés. Remplissez le "
        "formulaire ; nous vous contacterons pour confirmer votre adhésion.",
        MEMBERSHIP["page"]["thank_you_text"][3:-4]: "Merci pour votre demande. Notre équipe "
        "membres vous contactera dans les cinq jours ouvrables.",
        "Naam": "Nom",
        "E-mailadres": "Adresse e-mail",
        "Bedrijf": "Entreprise",
        "Uw vraag": "Votre question",
        "Bijlage": "Pièce jointe",
        FILE_HELP: "PDF, Word ou OpenDocument, 10 Mo maximum.",
        "Bedrijfsnaam": "Nom de l'entreprise",
        "Btw-nummer": "Numéro de TVA",
        "Bijvoorbeeld BE0123456789.": "Par exemple BE0123456789.",
        "Aantal werknemers": "Nombre de travailleurs",
        EMPLOYEES: "1-9\n10-49\n50-249\n250 ou plus",
        "Sector": "Secteur",
        SECTORS: "Industrie\nConstruction\nCommerce\nServices\nHoreca\nAutre",
        "Contactpersoon": "Personne de contact",
        "Telefoonnummer": "Numéro de téléphone",
        "Mededeling: uw vraag beantwoorden": "Avis : répondre à votre demande",
        "Toestemming: nieuwsbrief": "Consentement : lettre d'information",
        "Toestemming: uitnodigingen voor evenementen": "Consentement : invitations aux événements",
        "Toestemming: publicaties": "Consentement : publications",
        "Toestemming: enquêtes": "Consentement : enquêtes",
        "Mededeling: uw aanvraag tot lidmaatschap": "Avis : votre demande d'adhésion",
    },
    "en": {
        "Lid worden": "Become a member",
        CONTACT["page"]["intro"][3:-4]: "Do you have a question about trade in the Benelux, "
        "an event or membership? Ask it here; we reply within two working days.",
        CONTACT["page"]["thank_you_text"][3:-4]: "Thank you. We have received your question "
        "and will reply within two working days.",
        MEMBERSHIP["page"]["intro"][3:-4]: "Join the Chamber and gain access to our network, "
        "our trade missions and personal advice. Fill in the form; we will contact you to "
        "confirm your membership.",
        MEMBERSHIP["page"]["thank_you_text"][3:-4]: "Thank you for your application. Our "
        "membership team will contact you within five working days.",
        "Naam": "Name",
        "E-mailadres": "E-mail address",
        "Bedrijf": "Company",
        "Uw vraag": "Your question",
        "Bijlage": "Attachment",
        FILE_HELP: "PDF, Word or OpenDocument, 10 MB at most.",
        "Bedrijfsnaam": "Company name",
        "Btw-nummer": "VAT number",
        "Bijvoorbeeld BE0123456789.": "For example BE0123456789.",
        "Aantal werknemers": "Number of employees",
        EMPLOYEES: "1-9\n10-49\n50-249\n250 or more",
        "Sector": "Sector",
        SECTORS: "Manufacturing\nConstruction\nTrade\nServices\nHospitality\nOther",
        "Contactpersoon": "Contact person",
        "Telefoonnummer": "Phone number",
        "Mededeling: uw vraag beantwoorden": "Notice: answering your request",
        "Toestemming: nieuwsbrief": "Consent: newsletter",
        "Toestemming: uitnodigingen voor evenementen": "Consent: event invitations",
        "Toestemming: publicaties": "Consent: publications",
        "Toestemming: enquêtes": "Consent: surveys",
        "Mededeling: uw aanvraag tot lidmaatschap": "Notice: your membership application",
    },
}
