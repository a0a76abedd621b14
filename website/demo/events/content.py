"""Words of the events demo: the agenda, two speakers, an event, a training and a past event,
in Dutch with their French and English translations."""

INDEX = {
    "title": "Agenda",
    "slug": "agenda",
    # Visitors find the events through the main menu, like the vacancies.
    "show_in_menus": True,
    "intro": "<p>Evenementen en opleidingen van de Kamer.</p>",
}

SPEAKERS = [
    {
        "name": "Els Janssens",
        "function": "Handelsattaché",
        "organisation": "Ambassade van het Koninkrijk der Nederlanden",
        "biography": "<p>Els begeleidt al vijftien jaar bedrijven die de grens oversteken.</p>",
    },
    {
        "name": "Marc Dubois",
        "function": "Btw-specialist",
        "organisation": "Dubois & Partners",
        "biography": "<p>Marc adviseert kmo's over btw bij internationale diensten.</p>",
    },
]

# days from now (start), hours long, and the page's fields
EVENTS = [
    {
        "days": 21,
        "hours": 3,
        "speakers": [0, 1],
        "page": {
            "title": "Netwerkavond Belgisch-Nederlandse handel",
            "slug": "netwerkavond-handel",
            "kind": "event",
            "venue": "Huis van de Kamer",
            "address": "Louizalaan 1\n1050 Brussel",
            "description": "<p>Ontmoet ondernemers die zaken doen over de grens, met twee korte "
            "toespraken en een drankje.</p>",
            "capacity": 80,
            "participant_list": "participants",
        },
    },
    {
        "days": 42,
        "hours": 4,
        "speakers": [1],
        "page": {
            "title": "Opleiding btw bij grensoverschrijdende diensten",
            "slug": "opleiding-btw",
            "kind": "training",
            "venue": "Online en in Antwerpen",
            "address": "Meir 10\n2000 Antwerpen",
            "online_url": "https://meet.example.org/btw-opleiding",
            "description": "<p>Een praktische opleiding over facturen, verlegging en "
            "aangiften voor diensten aan klanten in Nederland en België.</p>",
            "capacity": 20,
            "participant_list": "off",
        },
    },
    {
        "days": -60,
        "hours": 3,
        "speakers": [0],
        "page": {
            "title": "Ledenontmoeting",
            "slug": "ledenontmoeting",
            "kind": "event",
            "venue": "Huis van de Kamer",
            "address": "Louizalaan 1\n1050 Brussel",
            "description": "<p>Leden en partners ontmoetten elkaar in het Huis van de Kamer.</p>",
            "capacity": 150,
            "participant_list": "public",
        },
    },
]

TRANSLATIONS = {
    "fr": {
        "Agenda": "Agenda",
        "Evenementen en opleidingen van de Kamer.": "Événements et formations de la Chambre.",
        "Handelsattaché": "Attachée commerciale",
        "Ambassade van het Koninkrijk der Nederlanden": "Ambassade du Royaume des Pays-Bas",
        "Els begeleidt al vijftien jaar bedrijven die de grens oversteken.": "Depuis quinze ans, "
        "Els accompagne les entreprises qui franchissent la frontière.",
        "Btw-specialist": "Spécialiste TVA",
        "Marc adviseert kmo's over btw bij internationale diensten.": "Marc conseille les PME "
        "sur la TVA des services internationaux.",
        "Netwerkavond Belgisch-Nederlandse handel": "Soirée réseau commerce belgo-néerlandais",
        "Huis van de Kamer": "Maison de la Chambre",
        "Louizalaan 1\n1050 Brussel": "Avenue Louise 1\n1050 Bruxelles",
        "Ontmoet ondernemers die zaken doen over de grens, met twee korte toespraken en een "
        "drankje.": "Rencontrez des entrepreneurs qui font des affaires de part et d'autre de "
        "la frontière, avec deux brèves interventions et un verre.",
        "Opleiding btw bij grensoverschrijdende diensten": "Formation TVA des services "
        "transfrontaliers",
        "Online en in Antwerpen": "En ligne et à Anvers",
        "Meir 10\n2000 Antwerpen": "Meir 10\n2000 Anvers",
        "Een praktische opleiding over facturen, verlegging en aangiften voor diensten aan "
        "klanten in Nederland en België.": "Une formation pratique sur les factures, "
        "l'autoliquidation et les déclarations pour les services aux clients aux Pays-Bas et "
        "en Belgique.",
        "Ledenontmoeting": "Rencontre des membres",
        "Leden en partners ontmoetten elkaar in het Huis van de Kamer.": "Membres et partenaires "
        "se sont retrouvés à la Maison de la Chambre.",
    },
    "en": {
        "Agenda": "Events",
        "Evenementen en opleidingen van de Kamer.": "The Chamber's events and trainings.",
        "Handelsattaché": "Trade attaché",
        "Ambassade van het Koninkrijk der Nederlanden": "Embassy of the Kingdom of the Netherlands",
        "Els begeleidt al vijftien jaar bedrijven die de grens oversteken.": "For fifteen years "
        "Els has guided companies that cross the border.",
        "Btw-specialist": "VAT specialist",
        "Marc adviseert kmo's over btw bij internationale diensten.": "Marc advises SMEs on "
        "VAT for international services.",
        "Netwerkavond Belgisch-Nederlandse handel": "Networking evening: Belgian-Dutch trade",
        "Huis van de Kamer": "Chamber House",
        "Louizalaan 1\n1050 Brussel": "Avenue Louise 1\n1050 Brussels",
        "Ontmoet ondernemers die zaken doen over de grens, met twee korte toespraken en een "
        "drankje.": "Meet entrepreneurs who do business across the border, with two short "
        "talks and a drink.",
        "Opleiding btw bij grensoverschrijdende diensten": "Training: VAT on cross-border services",
        "Online en in Antwerpen": "Online and in Antwerp",
        "Meir 10\n2000 Antwerpen": "Meir 10\n2000 Antwerp",
        "Een praktische opleiding over facturen, verlegging en aangiften voor diensten aan "
        "klanten in Nederland en België.": "A practical training on invoices, reverse charge "
        "and returns for services to clients in the Netherlands and Belgium.",
        "Ledenontmoeting": "Members' meeting",
        "Leden en partners ontmoetten elkaar in het Huis van de Kamer.": "Members and partners met "
        "at Chamber House.",
    },
}
