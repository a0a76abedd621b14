"""The words of the demo privacy policy, in nl (the source) with fr and en beside each text.

Structured as the chamber's policy is: websites (data collected, use, third-party sites,
browsing, cookies, tags), services, contact. The register of processing under the sections
is generated from the purposes, so these texts never repeat retention periods or bases.
"""

TITLE = {"nl": "Privacybeleid", "fr": "Politique de confidentialité", "en": "Privacy policy"}

INTRO = {
    "nl": "De Kamer van Koophandel Benelux gaat zorgvuldig om met uw persoonsgegevens. Hier "
    "leest u welke gegevens we verzamelen via onze website, onze diensten en onze "
    "evenementen, waarom, hoe lang we ze bewaren en welke rechten u hebt.",
    "fr": "La Chambre de commerce Benelux traite vos données personnelles avec soin. Vous "
    "lisez ici quelles données nous recueillons par notre site, nos services et nos "
    "événements, pourquoi, combien de temps nous les conservons et quels sont vos droits.",
    "en": "The Benelux Chamber of Commerce handles your personal data with care. Here you "
    "can read which data we collect through our website, our services and our events, why, "
    "how long we keep it and what your rights are.",
}

# (anchor, heading, [paragraph, or ("ul", [item, ...])]); each text is {language: text}.
SECTIONS = [
    (
        "websites",
        {"nl": "Onze website", "fr": "Notre site", "en": "Our website"},
        [
            {
                "nl": "Dit beleid geldt voor deze website en voor de formulieren erop. De Kamer "
                "bestaat uit twee verenigingen zonder winstoogmerk, in België en in "
                "Luxemburg, die samen verantwoordelijk zijn voor de verwerking.",
                "fr": "Cette politique s'applique à ce site et aux formulaires qu'il contient. "
                "La Chambre réunit deux associations sans but lucratif, en Belgique et au "
                "Luxembourg, responsables ensemble du traitement.",
                "en": "This policy covers this website and the forms on it. The Chamber "
                "consists of two non-profit associations, in Belgium and in Luxembourg, "
                "which are jointly responsible for the processing.",
            },
        ],
    ),
    (
        "data-collected",
        {
            "nl": "Welke gegevens we verzamelen",
            "fr": "Les données que nous recueillons",
            "en": "The data we collect",
        },
        [
            {
                "nl": "We vragen alleen wat we nodig hebben: naam, bedrijf, adres, telefoon en "
                "e-mailadres, en soms het aantal werknemers, de sector of "
                "facturatiegegevens. We verzamelen ze wanneer u lid wordt, een vraag stelt "
                "of zich inschrijft voor een evenement of opleiding.",
                "fr": "Nous ne demandons que ce dont nous avons besoin : nom, entreprise, "
                "adresse, téléphone et adresse e-mail, et parfois le nombre de salariés, le "
                "secteur ou les données de facturation. Nous les recueillons quand vous "
                "devenez membre, posez une question ou vous inscrivez à un événement ou à "
                "une formation.",
                "en": "We only ask for what we need: name, company, address, phone and e-mail "
                "address, and sometimes the number of employees, the sector or billing "
                "details. We collect them when you become a member, ask a question or "
                "register for an event or training course.",
            },
            {
                "nl": "We verwerken geen gegevens van personen jonger dan 18 jaar en geen "
                "gevoelige gegevens zoals gezondheid of etnische afkomst. Politieke of "
                "religieuze opvattingen gebruiken we alleen geanonimiseerd, voor "
                "statistieken.",
                "fr": "Nous ne traitons pas de données de personnes de moins de 18 ans ni de "
                "données sensibles comme la santé ou l'origine ethnique. Les opinions "
                "politiques ou religieuses ne sont utilisées qu'anonymisées, pour des "
                "statistiques.",
                "en": "We do not process data of people under 18, nor sensitive data such as "
                "health or ethnic origin. Political or religious opinions are used only "
                "anonymised, for statistics.",
            },
        ],
    ),
    (
        "use",
        {
            "nl": "Hoe we uw gegevens gebruiken",
            "fr": "Comment nous utilisons vos données",
            "en": "How we use your data",
        },
        [
            {
                "nl": "Elk doel staat hieronder in het overzicht van de verwerkingen, met de "
                "rechtsgrond, de bewaartermijn en wie de gegevens ontvangt. In het kort:",
                "fr": "Chaque finalité figure ci-dessous dans le registre des traitements, "
                "avec sa base légale, sa durée de conservation et ses destinataires. En "
                "bref :",
                "en": "Each purpose is listed below in the register of processing, with its "
                "legal basis, how long we keep the data and who receives it. In short:",
            },
            (
                "ul",
                [
                    {
                        "nl": "om de diensten van het lidmaatschap te leveren, offertes te "
                        "maken en te factureren;",
                        "fr": "pour fournir les services de l'adhésion, établir des devis et "
                        "facturer ;",
                        "en": "to deliver the services of membership, make quotes and send "
                        "invoices;",
                    },
                    {
                        "nl": "om u, met uw toestemming, de nieuwsbrief, publicaties, enquêtes "
                        "en uitnodigingen te sturen;",
                        "fr": "pour vous envoyer, avec votre consentement, la lettre "
                        "d'information, des publications, des enquêtes et des invitations ;",
                        "en": "to send you, with your consent, the newsletter, publications, "
                        "surveys and invitations;",
                    },
                    {
                        "nl": "voor geanonimiseerde statistieken, om fraude en misbruik te "
                        "voorkomen en om aan onze wettelijke plichten te voldoen.",
                        "fr": "pour des statistiques anonymisées, pour prévenir la fraude et "
                        "les abus et pour respecter nos obligations légales.",
                        "en": "for anonymised statistics, to prevent fraud and abuse and to "
                        "meet our legal obligations.",
                    },
                ],
            ),
            {
                "nl": "Voor elk ander doel vragen we eerst uw uitdrukkelijke toestemming. U kunt "
                "uw voorkeuren altijd bekijken en wijzigen en uw toestemming intrekken.",
                "fr": "Pour toute autre finalité, nous demandons d'abord votre consentement "
                "explicite. Vous pouvez à tout moment consulter et modifier vos préférences "
                "et retirer votre consentement.",
                "en": "For any other purpose we first ask for your explicit consent. You can "
                "view and change your preferences and withdraw your consent at any time.",
            },
        ],
    ),
    (
        "third-party-sites",
        {"nl": "Websites van derden", "fr": "Sites de tiers", "en": "Third-party websites"},
        [
            {
                "nl": "Onze website verwijst soms naar websites van anderen. Dit beleid geldt "
                "daar niet; lees het privacybeleid van die websites.",
                "fr": "Notre site renvoie parfois à des sites d'autres organisations. Cette "
                "politique ne s'y applique pas ; lisez leur politique de confidentialité.",
                "en": "Our website sometimes links to other websites. This policy does not "
                "cover them; read their own privacy policies.",
            },
        ],
    ),
    (
        "browsing",
        {"nl": "Surfgegevens", "fr": "Données de navigation", "en": "Browsing data"},
        [
            {
                "nl": "Onze server registreert technische gegevens zoals uw IP-adres en de "
                "opgevraagde pagina, om de website te laten werken en te beveiligen. Alleen "
                "als u analytische, advertentie- of sociale cookies aanvaardt, gebruiken we "
                "surfgegevens ook om trends te analyseren, advertenties af te stemmen en "
                "demografische totalen te maken.",
                "fr": "Notre serveur enregistre des données techniques comme votre adresse IP "
                "et la page demandée, pour faire fonctionner et sécuriser le site. Ce n'est "
                "que si vous acceptez les cookies analytiques, publicitaires ou de réseaux "
                "sociaux que nous utilisons aussi ces données pour analyser les tendances, "
                "adapter la publicité et établir des totaux démographiques.",
                "en": "Our server records technical data such as your IP address and the page "
                "requested, to run and secure the website. Only if you accept analytics, "
                "advertising or social network cookies do we also use browsing data to "
                "analyse trends, tailor advertising and build demographic totals.",
            },
        ],
    ),
    (
        "cookies",
        {"nl": "Cookies", "fr": "Cookies", "en": "Cookies"},
        [
            {
                "nl": "Een cookie is een klein bestand dat een website in uw browser bewaart. "
                "Wij gebruiken vijf soorten: noodzakelijke cookies (altijd aan, zonder "
                "werkt de website niet), voorkeurscookies, analytische cookies, "
                "advertentiecookies en cookies van sociale netwerken.",
                "fr": "Un cookie est un petit fichier qu'un site enregistre dans votre "
                "navigateur. Nous en utilisons cinq sortes : les cookies essentiels "
                "(toujours actifs, le site ne fonctionne pas sans eux), les cookies de "
                "préférences, analytiques, publicitaires et de réseaux sociaux.",
                "en": "A cookie is a small file a website stores in your browser. We use five "
                "kinds: essential cookies (always on, the website does not work without "
                "them), preference, analytics, advertising and social network cookies.",
            },
            {
                "nl": "Behalve de noodzakelijke cookies plaatsen we niets voordat u kiest. U "
                "kunt per soort aanvaarden of weigeren, even gemakkelijk, en uw keuze altijd "
                "wijzigen via Cookie-instellingen onderaan elke pagina. Alles weigeren "
                "beperkt de website niet. Uw keuze geldt zes maanden; daarna, of wanneer dit "
                "cookiebeleid wezenlijk verandert, vragen we het opnieuw.",
                "fr": "En dehors des cookies essentiels, nous ne plaçons rien avant votre "
                "choix. Vous pouvez accepter ou refuser chaque sorte, aussi facilement, et "
                "changer votre choix à tout moment par Paramètres des cookies en bas de "
                "chaque page. Tout refuser ne limite pas le site. Votre choix vaut six "
                "mois ; ensuite, ou si cette politique change de manière importante, nous "
                "vous le redemandons.",
                "en": "Apart from essential cookies we set nothing before you choose. You can "
                "accept or refuse each kind, just as easily, and change your choice at any "
                "time through Cookie settings at the bottom of every page. Refusing all "
                "does not limit the website. Your choice lasts six months; after that, or "
                "when this cookie policy changes materially, we ask again.",
            },
            {
                "nl": "Stuurt uw browser het signaal Global Privacy Control, dan weigeren we "
                "advertentiecookies en cookies van sociale netwerken tot u ze zelf aanzet.",
                "fr": "Si votre navigateur envoie le signal Global Privacy Control, nous "
                "refusons les cookies publicitaires et de réseaux sociaux jusqu'à ce que vous "
                "les activiez vous-même.",
                "en": "If your browser sends the Global Privacy Control signal, we refuse "
                "advertising and social network cookies until you switch them on yourself.",
            },
        ],
    ),
    (
        "tags",
        {"nl": "Webtags en pixels", "fr": "Balises web et pixels", "en": "Web tags and pixels"},
        [
            {
                "nl": "Webtags (pixels) op de website en in e-mails tellen bezoeken en geopende "
                "e-mails. Ze steunen op cookies: een tag van een soort die u weigert, komt "
                "niet in de pagina.",
                "fr": "Les balises web (pixels) dans les pages et les e-mails comptent les "
                "visites et les e-mails ouverts. Elles reposent sur des cookies : la balise "
                "d'une sorte que vous refusez n'est pas chargée dans la page.",
                "en": "Web tags (pixels) in pages and e-mails count visits and opened "
                "e-mails. They rely on cookies: a tag of a kind you refuse is not loaded "
                "into the page.",
            },
        ],
    ),
    (
        "services",
        {
            "nl": "Onze diensten en evenementen",
            "fr": "Nos services et événements",
            "en": "Our services and events",
        },
        [
            {
                "nl": "Gegevens die partnerorganisaties ons over hun personeel geven, "
                "gebruiken we alleen voor de opdracht waarvoor we ze kregen. Onderaannemers "
                "krijgen alleen wat strikt nodig is en mogen het niet hergebruiken of "
                "doorgeven.",
                "fr": "Les données que des organisations partenaires nous transmettent sur "
                "leur personnel ne servent qu'à la mission pour laquelle nous les avons "
                "reçues. Nos sous-traitants ne reçoivent que le strict nécessaire et ne "
                "peuvent ni le réutiliser ni le transmettre.",
                "en": "Data partner organisations give us about their staff is used only for "
                "the assignment we received it for. Subcontractors get only what is "
                "strictly needed and may not reuse or pass it on.",
            },
            {
                "nl": "Op evenementen filmen of fotograferen we iemand als hoofdonderwerp "
                "alleen met toestemming. Deelnemerslijsten (naam, voornaam, functie) zijn "
                "openbaar om netwerken te bevorderen; inschrijvingslijsten van opleidingen "
                "gaan naar de sprekers. U kunt altijd bezwaar maken.",
                "fr": "Lors des événements, nous ne filmons ou photographions une personne "
                "comme sujet principal qu'avec son consentement. Les listes de participants "
                "(nom, prénom, fonction) sont publiques pour favoriser les contacts ; les "
                "listes d'inscription aux formations vont aux orateurs. Vous pouvez toujours "
                "vous y opposer.",
                "en": "At events we film or photograph someone as the main subject only with "
                "consent. Participant lists (name, first name, function) are public to help "
                "networking; training registration lists go to the speakers. You can always "
                "object.",
            },
            {
                "nl": "Sollicitaties via de website gebruiken we alleen voor de aanwerving. We "
                "kunnen u per e-mail of telefoon contacteren.",
                "fr": "Les candidatures envoyées par le site ne servent qu'au recrutement. "
                "Nous pouvons vous contacter par e-mail ou par téléphone.",
                "en": "Applications sent through the website are used for recruitment only. "
                "We may contact you by e-mail or phone.",
            },
        ],
    ),
    (
        "contact",
        {
            "nl": "Contact en uw rechten",
            "fr": "Contact et vos droits",
            "en": "Contact and your rights",
        },
        [
            {
                "nl": "U hebt recht op inzage, verbetering, wissing en bezwaar, en u kunt uw "
                "toestemming altijd intrekken. Schrijf naar privacy@example.org. Alleen u "
                "krijgt toegang tot uw eigen gegevens.",
                "fr": "Vous avez un droit d'accès, de rectification, d'effacement et "
                "d'opposition, et vous pouvez toujours retirer votre consentement. Écrivez à "
                "privacy@example.org. Vous seul avez accès à vos propres données.",
                "en": "You have the right of access, rectification, erasure and objection, "
                "and you can always withdraw your consent. Write to privacy@example.org. "
                "Only you get access to your own data.",
            },
            {
                "nl": "Bent u het niet eens met ons antwoord, dan kunt u klacht indienen bij de "
                "Gegevensbeschermingsautoriteit.",
                "fr": "Si vous n'êtes pas d'accord avec notre réponse, vous pouvez porter "
                "plainte auprès de l'Autorité de protection des données.",
                "en": "If you disagree with our answer, you can lodge a complaint with the "
                "Data Protection Authority.",
            },
        ],
    ),
]
