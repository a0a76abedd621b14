"""The words of the careers demo: Dutch source pages and their French and English strings.

Translations are keyed by the Dutch string exactly as wagtail-localize extracts it (one entry
per text field or rich-text paragraph).
"""

INDEX = {
    "title": "Vacatures",
    "slug": "vacatures",
    "intro": "<p>Werk mee aan handel zonder grenzen in de Benelux. Bekijk onze openstaande "
    "vacatures.</p>",
    "empty_text": "<p>Op dit moment hebben we geen openstaande vacatures.</p>",
    "show_in_menus": True,
}

SPONTANEOUS = {
    "title": "Spontaan solliciteren",
    "slug": "open-sollicitatie",
    "intro": "<p>Geen vacature die bij u past? Stuur ons uw cv; we bekijken het bij elke "
    "nieuwe vacature als u dat wenst.</p>",
    "thank_you_text": "<p>Dank u voor uw sollicitatie. U ontvangt een bevestiging per e-mail.</p>",
}

# (days from today until the closing date: negative for a closed vacancy)
VACANCIES = [
    {
        "closes_in_days": 30,
        "page": {
            "title": "Adviseur internationale handel",
            "slug": "adviseur-handel",
            "department": "Advies",
            "location": "Brussel",
            "country": "BE",
            "employment_type": "FULL_TIME",
            "hours": "38 uur per week",
            "summary": "U begeleidt Belgische en Luxemburgse bedrijven bij hun eerste stappen "
            "op de Nederlandse markt.",
            "description": "<p>U beantwoordt vragen van leden over invoer, regelgeving en "
            "partners, en bereidt handelsmissies voor.</p>",
            "what_we_offer": "<p>Een contract van onbepaalde duur, maaltijdcheques en "
            "thuiswerk tot twee dagen per week.</p>",
            "salary_range": "€ 3.400 – € 4.300 bruto per maand",
            "contact_person": "An Peeters, hr-adviseur, 02 123 45 67",
            "process_steps": "Eerste gesprek\nPraktijkcase\nGesprek met de directeur\nAanbod",
        },
    },
    {
        "closes_in_days": 45,
        "page": {
            "title": "Coördinator evenementen",
            "slug": "coordinator-evenementen",
            "department": "Evenementen",
            "location": "Luxemburg",
            "country": "LU",
            "employment_type": "PART_TIME",
            "hours": "30 uur per week",
            "summary": "U organiseert onze netwerkavonden, seminaries en opleidingen in Luxemburg.",
            "description": "<p>U plant evenementen van begin tot eind: locatie, sprekers, "
            "inschrijvingen en verslag.</p>",
            "what_we_offer": "<p>Een afwisselende job in een klein, internationaal team.</p>",
        },
    },
    {
        "closes_in_days": -10,
        "page": {
            "title": "Stagiair communicatie",
            "slug": "stagiair-communicatie",
            "department": "Communicatie",
            "location": "Brussel",
            "country": "BE",
            "employment_type": "INTERN",
            "hours": "Voltijds, zes maanden",
            "summary": "U schrijft mee aan onze nieuwsbrief, website en sociale media.",
            "description": "<p>U werkt samen met ons communicatieteam aan artikels en "
            "campagnes.</p>",
            "what_we_offer": "<p>Een stagevergoeding en begeleiding door een mentor.</p>",
        },
    },
]

REJECTION = {
    "nl": (
        "Uw sollicitatie: {vacancy}",
        "Beste {name},\n\nDank u voor uw sollicitatie voor “{vacancy}”. Na zorgvuldige "
        "afweging gaan we niet verder met uw kandidatuur. We wensen u veel succes.\n\n"
        "Met vriendelijke groeten,\n{organisation}",
    ),
    "fr": (
        "Votre candidature : {vacancy}",
        "Bonjour {name},\n\nMerci pour votre candidature au poste « {vacancy} ». Après mûre "
        "réflexion, nous ne donnons pas suite à votre candidature. Nous vous souhaitons "
        "beaucoup de succès.\n\nBien cordialement,\n{organisation}",
    ),
    "en": (
        "Your application: {vacancy}",
        "Dear {name},\n\nThank you for applying for “{vacancy}”. After careful consideration "
        "we will not take your application further. We wish you every success.\n\n"
        "Kind regards,\n{organisation}",
    ),
}

# The application form's labels, as the Dutch catalogue gives them.
FIELD_LABELS = {
    "fr": {
        "Naam": "Nom",
        "E-mailadres": "Adresse e-mail",
        "Telefoon": "Téléphone",
        "CV": "CV",
        "Motivatiebrief": "Lettre de motivation",
        "Bericht": "Message",
        "PDF, Word of OpenDocument, maximaal 10 MB.": "PDF, Word ou OpenDocument, 10 Mo au "
        "maximum.",
    },
    "en": {
        "Naam": "Name",
        "E-mailadres": "E-mail address",
        "Telefoon": "Phone",
        "CV": "CV",
        "Motivatiebrief": "Motivation letter",
        "Bericht": "Message",
        "PDF, Word of OpenDocument, maximaal 10 MB.": "PDF, Word or OpenDocument, at most 10 MB.",
    },
}

TRANSLATIONS = {
    "fr": {
        "€ 3.400 – € 4.300 bruto per maand": "3 400 € – 4 300 € bruts par mois",
        "An Peeters, hr-adviseur, 02 123 45 67": "An Peeters, conseillère RH, 02 123 45 67",
        "Eerste gesprek\nPraktijkcase\nGesprek met de directeur\nAanbod": (
            "Premier entretien\nÉtude de cas\nEntretien avec le directeur\nOffre"
        ),
        "Vacatures": "Offres d'emploi",
        INDEX["intro"][3:-4]: "Contribuez au commerce sans frontières au Benelux. Découvrez nos "
        "offres d'emploi.",
        INDEX["empty_text"][3:-4]: "Nous n'avons pas d'offre d'emploi pour le moment.",
        "Spontaan solliciteren": "Candidature spontanée",
        SPONTANEOUS["intro"][3:-4]: "Aucune offre ne vous correspond ? Envoyez-nous votre CV ; "
        "nous le consulterons à chaque nouveau poste si vous le souhaitez.",
        SPONTANEOUS["thank_you_text"][3:-4]: "Merci pour votre candidature. Vous recevez une "
        "confirmation par e-mail.",
        "Adviseur internationale handel": "Conseiller en commerce international",
        "Advies": "Conseil",
        "Brussel": "Bruxelles",
        "38 uur per week": "38 heures par semaine",
        VACANCIES[0]["page"]["summary"]: "Vous accompagnez des entreprises belges et "
        "luxembourgeoises dans leurs premiers pas sur le marché néerlandais.",
        VACANCIES[0]["page"]["description"][3:-4]: "Vous répondez aux questions des membres sur "
        "l'importation, la réglementation et les partenaires, et préparez les missions "
        "commerciales.",
        VACANCIES[0]["page"]["what_we_offer"][3:-4]: "Un contrat à durée indéterminée, des "
        "chèques-repas et du télétravail jusqu'à deux jours par semaine.",
        "Coördinator evenementen": "Coordinateur d'événements",
        "Evenementen": "Événements",
        "Luxemburg": "Luxembourg",
        "30 uur per week": "30 heures par semaine",
        VACANCIES[1]["page"]["summary"]: "Vous organisez nos soirées de réseautage, séminaires "
        "et formations à Luxembourg.",
        VACANCIES[1]["page"]["description"][3:-4]: "Vous planifiez les événements du début à la "
        "fin : lieu, orateurs, inscriptions et compte rendu.",
        VACANCIES[1]["page"]["what_we_offer"][3:-4]: "Un travail varié dans une petite équipe "
        "internationale.",
        "Stagiair communicatie": "Stagiaire en communication",
        "Communicatie": "Communication",
        "Voltijds, zes maanden": "Temps plein, six mois",
        VACANCIES[2]["page"]["summary"]: "Vous contribuez à notre lettre d'information, notre "
        "site et nos réseaux sociaux.",
        VACANCIES[2]["page"]["description"][3:-4]: "Vous travaillez avec notre équipe "
        "communication sur des articles et des campagnes.",
        VACANCIES[2]["page"]["what_we_offer"][3:-4]: "Une indemnité de stage et "
        "l'accompagnement d'un mentor.",
        **FIELD_LABELS["fr"],
    },
    "en": {
        "€ 3.400 – € 4.300 bruto per maand": "€3,400 – €4,300 gross a month",
        "An Peeters, hr-adviseur, 02 123 45 67": "An Peeters, HR adviser, 02 123 45 67",
        "Eerste gesprek\nPraktijkcase\nGesprek met de directeur\nAanbod": (
            "First interview\nCase study\nInterview with the director\nOffer"
        ),
        "Vacatures": "Vacancies",
        INDEX["intro"][3:-4]: "Help trade cross borders in the Benelux. See our open vacancies.",
        INDEX["empty_text"][3:-4]: "We have no open vacancies at the moment.",
        "Spontaan solliciteren": "Spontaneous application",
        SPONTANEOUS["intro"][3:-4]: "No vacancy that suits you? Send us your CV; if you wish, "
        "we look at it for every new vacancy.",
        SPONTANEOUS["thank_you_text"][3:-4]: "Thank you for your application. You will "
        "receive a confirmation by e-mail.",
        "Adviseur internationale handel": "International trade adviser",
        "Advies": "Advice",
        "Brussel": "Brussels",
        "38 uur per week": "38 hours a week",
        VACANCIES[0]["page"]["summary"]: "You guide Belgian and Luxembourg companies through "
        "their first steps on the Dutch market.",
        VACANCIES[0]["page"]["description"][3:-4]: "You answer members' questions about "
        "imports, regulations and partners, and prepare trade missions.",
        VACANCIES[0]["page"]["what_we_offer"][3:-4]: "A permanent contract, meal vouchers and "
        "working from home up to two days a week.",
        "Coördinator evenementen": "Events coordinator",
        "Evenementen": "Events",
        "Luxemburg": "Luxembourg",
        "30 uur per week": "30 hours a week",
        VACANCIES[1]["page"]["summary"]: "You organise our networking evenings, seminars and "
        "trainings in Luxembourg.",
        VACANCIES[1]["page"]["description"][3:-4]: "You plan events from start to finish: "
        "venue, speakers, registrations and report.",
        VACANCIES[1]["page"]["what_we_offer"][3:-4]: "A varied job in a small, international team.",
        "Stagiair communicatie": "Communication intern",
        "Communicatie": "Communication",
        "Voltijds, zes maanden": "Full-time, six months",
        VACANCIES[2]["page"]["summary"]: "You help write our newsletter, website and social media.",
        VACANCIES[2]["page"]["description"][3:-4]: "You work with our communication team on "
        "articles and campaigns.",
        VACANCIES[2]["page"]["what_we_offer"][3:-4]: "A trainee allowance and a mentor.",
        **FIELD_LABELS["en"],
    },
}
