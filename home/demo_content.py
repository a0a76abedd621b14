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
        "slug": "about",
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
        "slug": "careers",
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
    },
}
