"""The words of the demo site: Dutch source content and its French and English translations.

Kept apart from ``demo.py`` so the logic stays readable; translations are keyed by the Dutch
segment exactly as wagtail-localize extracts it (one entry per text field or paragraph).
"""

HOME = {
    "fields": {
        "title": "Welkom",
        "slug": "welkom",
        "hero_title": "Kamer van Koophandel Benelux",
        "hero_text": "Wij verbinden ondernemers in België, Nederland en Luxemburg.",
        "intro": "<p>Al meer dan vijftig jaar helpt de Kamer bedrijven over de grenzen heen te "
        "groeien.</p>",
        "show_in_menus": False,
    },
    # The lead image, drawn by load_demo, with its description in each language (below).
    "hero_image": ("Ontmoeting van ondernemers", (11, 79, 138)),
    "hero_image_alt": "Tekening van een blauw vlak met een lichte cirkel, het beeld van de Kamer.",
    # What the home page lists, after the first paragraph: the newest of each, when any.
    "listings": [
        ("upcoming_events", {"title": "", "count": 3}),
        ("open_vacancies", {"title": "", "count": 3}),
        ("latest_news", {"title": "", "count": 3}),
    ],
    "body": lambda about: [
        (
            "paragraph",
            "<h2>Wat wij doen</h2><p>Wij organiseren ontmoetingen, geven advies over handel "
            "in de Benelux en behartigen de belangen van onze leden.</p>",
        ),
        (
            "call_to_action",
            {
                "title": "Word lid",
                "text": "Sluit u aan bij meer dan drieduizend bedrijven.",
                "link_label": "Meld uw bedrijf aan",
                "page": about,
                "url": "",
            },
        ),
        (
            "quote",
            {
                "quote": "De Kamer opende voor ons de deur naar de Franse markt.",
                "attribution": "Els Janssens, zaakvoerder",
            },
        ),
    ],
}

CHILD_PAGES = [
    {
        "title": "Over ons",
        "slug": "over-ons",
        "intro": "De Kamer van Koophandel Benelux is een vereniging van en voor ondernemers.",
        "body": [
            (
                "paragraph",
                "<p>Onze leden zijn kleine en grote bedrijven uit de drie Benelux-landen.</p>",
            )
        ],
    },
    {
        "title": "Privacybeleid",
        "slug": "privacy",
        "intro": "Hoe wij met uw persoonsgegevens omgaan.",
        "body": [],
    },
    {
        "title": "Vacatures",
        "slug": "vacatures",
        "intro": "Werk mee aan de Kamer.",
        "body": [],
    },
    {
        "title": "Contact",
        "slug": "contact",
        "intro": "Neem contact met ons op.",
        "body": [],
    },
]

NEWS_INDEX = {
    "title": "Nieuws",
    "slug": "nieuws",
    "intro": "<p>Nieuws van de Kamer en haar leden.</p>",
}

# Tags are words in each language; the translations get their own (see ``NEWS_TAGS``).
NEWS = [
    {
        "title": "Handelsmissie naar Luxemburg",
        "slug": "handelsmissie-luxemburg",
        "date": "2026-11-27",
        "intro": "Twintig leden trokken met de Kamer naar Luxemburg om er partners te ontmoeten.",
        "lead_image": ("Handelsmissie Luxemburg", (11, 79, 138)),
        "lead_image_alt": "Een zaal met ondernemers aan ronde tafels.",
        "lead_image_caption": "De ontmoetingsdag in Luxemburg-Stad.",
        "body": "<p>Tijdens twee dagen spraken de deelnemers met meer dan zestig Luxemburgse "
        "bedrijven over samenwerking in logistiek en financiële diensten.</p>",
        "tags": ["handel", "Luxemburg"],
    },
    {
        "title": "Nieuwe gids voor export naar Frankrijk",
        "slug": "gids-export-frankrijk",
        "date": "2026-11-12",
        "intro": "Onze gids zet de regels voor leveringen aan Franse klanten op een rij.",
        "lead_image": ("Gids export Frankrijk", (8, 58, 102)),
        "lead_image_alt": "De omslag van de exportgids.",
        "lead_image_caption": "De gids is gratis voor leden.",
        "body": "<p>De gids behandelt btw, facturatie en garantieregels. Leden vragen hem "
        "aan via het secretariaat.</p>",
        "tags": ["export", "handel"],
    },
    {
        "title": "Jaarverslag: de Kamer groeit",
        "slug": "jaarverslag",
        "date": "2026-10-30",
        "intro": "Het aantal leden steeg vorig jaar met twaalf procent.",
        "lead_image": None,
        "lead_image_alt": "",
        "lead_image_caption": "",
        "body": "<p>Vooral kleine bedrijven uit de grensstreek sloten zich aan.</p>",
        "tags": ["Kamer"],
    },
]

NEWS_TAGS = {
    "fr": {
        "handel": "commerce",
        "Luxemburg": "Luxembourg",
        "export": "exportation",
        "Kamer": "Chambre",
    },
    "en": {"handel": "trade", "Luxemburg": "Luxembourg", "export": "export", "Kamer": "Chamber"},
}

ORGANISATION = {
    "organisation_name": "Kamer van Koophandel Benelux",
    "address": "Kunstlaan 1\n1000 Brussel\nBelgië",
    "contact_email": "info@example.org",
    "privacy_email": "privacy@example.org",
    "social_links": [
        ("link", {"network": "linkedin", "url": "https://www.linkedin.com/company/example"}),
        ("link", {"network": "mastodon", "url": "https://mastodon.social/@example"}),
    ],
}

TRANSLATIONS = {
    "fr": {
        "Welkom": "Bienvenue",
        "welkom": "bienvenue",
        "Kamer van Koophandel Benelux": "Chambre de commerce Benelux",
        "Kunstlaan 1\n1000 Brussel\nBelgië": "Avenue des Arts 1\n1000 Bruxelles\nBelgique",
        "Wij verbinden ondernemers in België, Nederland en Luxemburg.": (
            "Nous rapprochons les entrepreneurs de Belgique, des Pays-Bas et du Luxembourg."
        ),
        "Al meer dan vijftig jaar helpt de Kamer bedrijven over de grenzen heen te groeien.": (
            "Depuis plus de cinquante ans, la Chambre aide les entreprises à se développer "
            "au-delà des frontières."
        ),
        "Wat wij doen": "Ce que nous faisons",
        "Tekening van een blauw vlak met een lichte cirkel, het beeld van de Kamer.": (
            "Dessin d'un aplat bleu avec un cercle clair, l'image de la Chambre."
        ),
        "Wij organiseren ontmoetingen, geven advies over handel in de Benelux en behartigen "
        "de belangen van onze leden.": (
            "Nous organisons des rencontres, conseillons sur le commerce dans le Benelux et "
            "défendons les intérêts de nos membres."
        ),
        "Word lid": "Devenez membre",
        "Sluit u aan bij meer dan drieduizend bedrijven.": (
            "Rejoignez plus de trois mille entreprises."
        ),
        "Meld uw bedrijf aan": "Inscrivez votre entreprise",
        "De Kamer opende voor ons de deur naar de Franse markt.": (
            "La Chambre nous a ouvert la porte du marché français."
        ),
        "Els Janssens, zaakvoerder": "Els Janssens, gérante",
        "Over ons": "À propos",
        "De Kamer van Koophandel Benelux is een vereniging van en voor ondernemers.": (
            "La Chambre de commerce Benelux est une association d'entrepreneurs, pour les "
            "entrepreneurs."
        ),
        "Onze leden zijn kleine en grote bedrijven uit de drie Benelux-landen.": (
            "Nos membres sont de petites et grandes entreprises des trois pays du Benelux."
        ),
        "Privacybeleid": "Politique de confidentialité",
        "Hoe wij met uw persoonsgegevens omgaan.": (
            "Comment nous traitons vos données personnelles."
        ),
        "Vacatures": "Offres d'emploi",
        "Werk mee aan de Kamer.": "Travaillez avec la Chambre.",
        "Contact": "Contact",
        "Neem contact met ons op.": "Contactez-nous.",
        "Nieuws": "Actualités",
        "nieuws": "actualites",
        "Nieuws van de Kamer en haar leden.": "Les nouvelles de la Chambre et de ses membres.",
        "Handelsmissie naar Luxemburg": "Mission commerciale au Luxembourg",
        "handelsmissie-luxemburg": "mission-commerciale-luxembourg",
        "Twintig leden trokken met de Kamer naar Luxemburg om er partners te ontmoeten.": (
            "Vingt membres sont partis au Luxembourg avec la Chambre pour y rencontrer des "
            "partenaires."
        ),
        "Een zaal met ondernemers aan ronde tafels.": (
            "Une salle avec des entrepreneurs autour de tables rondes."
        ),
        "De ontmoetingsdag in Luxemburg-Stad.": "La journée de rencontres à Luxembourg-Ville.",
        "Tijdens twee dagen spraken de deelnemers met meer dan zestig Luxemburgse bedrijven "
        "over samenwerking in logistiek en financiële diensten.": (
            "Pendant deux jours, les participants ont rencontré plus de soixante entreprises "
            "luxembourgeoises pour parler de coopération en logistique et en services "
            "financiers."
        ),
        "Nieuwe gids voor export naar Frankrijk": "Nouveau guide de l'exportation vers la France",
        "gids-export-frankrijk": "guide-exportation-france",
        "Onze gids zet de regels voor leveringen aan Franse klanten op een rij.": (
            "Notre guide rassemble les règles des livraisons aux clients français."
        ),
        "De omslag van de exportgids.": "La couverture du guide de l'exportation.",
        "De gids is gratis voor leden.": "Le guide est gratuit pour les membres.",
        "De gids behandelt btw, facturatie en garantieregels. Leden vragen hem aan via het "
        "secretariaat.": (
            "Le guide traite de la TVA, de la facturation et des garanties. Les membres le "
            "demandent au secrétariat."
        ),
        "Jaarverslag: de Kamer groeit": "Rapport annuel : la Chambre grandit",
        "jaarverslag": "rapport-annuel",
        "Het aantal leden steeg vorig jaar met twaalf procent.": (
            "Le nombre de membres a augmenté de douze pour cent l'an dernier."
        ),
        "Vooral kleine bedrijven uit de grensstreek sloten zich aan.": (
            "Ce sont surtout de petites entreprises des régions frontalières qui nous ont rejoints."
        ),
    },
    "en": {
        "Welkom": "Welcome",
        "welkom": "welcome",
        "Kamer van Koophandel Benelux": "Benelux Chamber of Commerce",
        "Kunstlaan 1\n1000 Brussel\nBelgië": "Kunstlaan 1\n1000 Brussels\nBelgium",
        "Wij verbinden ondernemers in België, Nederland en Luxemburg.": (
            "We connect entrepreneurs in Belgium, the Netherlands and Luxembourg."
        ),
        "Al meer dan vijftig jaar helpt de Kamer bedrijven over de grenzen heen te groeien.": (
            "For more than fifty years the Chamber has helped businesses grow across borders."
        ),
        "Wat wij doen": "What we do",
        "Tekening van een blauw vlak met een lichte cirkel, het beeld van de Kamer.": (
            "Drawing of a blue field with a light circle, the Chamber's picture."
        ),
        "Wij organiseren ontmoetingen, geven advies over handel in de Benelux en behartigen "
        "de belangen van onze leden.": (
            "We organise meetings, advise on trade within the Benelux and represent our "
            "members' interests."
        ),
        "Word lid": "Become a member",
        "Sluit u aan bij meer dan drieduizend bedrijven.": "Join more than three thousand businesses.",
        "Meld uw bedrijf aan": "Sign up your company",
        "De Kamer opende voor ons de deur naar de Franse markt.": (
            "The Chamber opened the door to the French market for us."
        ),
        "Els Janssens, zaakvoerder": "Els Janssens, managing director",
        "Over ons": "About us",
        "De Kamer van Koophandel Benelux is een vereniging van en voor ondernemers.": (
            "The Benelux Chamber of Commerce is an association of and for entrepreneurs."
        ),
        "Onze leden zijn kleine en grote bedrijven uit de drie Benelux-landen.": (
            "Our members are small and large businesses from the three Benelux countries."
        ),
        "Privacybeleid": "Privacy policy",
        "Hoe wij met uw persoonsgegevens omgaan.": "How we handle your personal data.",
        "Vacatures": "Careers",
        "Werk mee aan de Kamer.": "Work with the Chamber.",
        "Contact": "Contact",
        "Neem contact met ons op.": "Get in touch.",
        "Nieuws": "News",
        "nieuws": "news",
        "Nieuws van de Kamer en haar leden.": "News from the Chamber and its members.",
        "Handelsmissie naar Luxemburg": "Trade mission to Luxembourg",
        "handelsmissie-luxemburg": "trade-mission-luxembourg",
        "Twintig leden trokken met de Kamer naar Luxemburg om er partners te ontmoeten.": (
            "Twenty members travelled to Luxembourg with the Chamber to meet partners there."
        ),
        "Een zaal met ondernemers aan ronde tafels.": (
            "A room of entrepreneurs sitting at round tables."
        ),
        "De ontmoetingsdag in Luxemburg-Stad.": "The meeting day in Luxembourg City.",
        "Tijdens twee dagen spraken de deelnemers met meer dan zestig Luxemburgse bedrijven "
        "over samenwerking in logistiek en financiële diensten.": (
            "Over two days the participants met more than sixty Luxembourg companies to talk "
            "about working together in logistics and financial services."
        ),
        "Nieuwe gids voor export naar Frankrijk": "New guide to exporting to France",
        "gids-export-frankrijk": "guide-exporting-france",
        "Onze gids zet de regels voor leveringen aan Franse klanten op een rij.": (
            "Our guide sets out the rules for deliveries to French customers."
        ),
        "De omslag van de exportgids.": "The cover of the export guide.",
        "De gids is gratis voor leden.": "The guide is free for members.",
        "De gids behandelt btw, facturatie en garantieregels. Leden vragen hem aan via het "
        "secretariaat.": (
            "The guide covers VAT, invoicing and warranties. Members ask the secretariat for it."
        ),
        "Jaarverslag: de Kamer groeit": "Annual report: the Chamber is growing",
        "jaarverslag": "annual-report",
        "Het aantal leden steeg vorig jaar met twaalf procent.": (
            "Membership rose by twelve per cent last year."
        ),
        "Vooral kleine bedrijven uit de grensstreek sloten zich aan.": (
            "Most of those who joined are small businesses from the border regions."
        ),
    },
}
