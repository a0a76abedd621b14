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
# Who is responsible, the register, your rights and the supervisory authorities follow these
# sections on the page, generated from the site's data.
SECTIONS = [
    (
        "websites",
        {"nl": "Onze website", "fr": "Notre site", "en": "Our website"},
        [
            {
                "nl": "Dit beleid geldt voor deze website, de formulieren erop, onze diensten "
                "en onze evenementen. Wie verantwoordelijk is, en hoe de twee verenigingen "
                "van de Kamer dat onder elkaar regelen, staat hieronder.",
                "fr": "Cette politique s'applique à ce site, à ses formulaires, à nos services "
                "et à nos événements. Qui est responsable, et comment les deux associations "
                "de la Chambre se répartissent cette responsabilité, figure ci-dessous.",
                "en": "This policy covers this website, the forms on it, our services and our "
                "events. Who is responsible, and how the Chamber's two associations share "
                "that responsibility, is stated below.",
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
                "nl": "We vragen alleen wat een doel nodig heeft; het register hieronder zegt "
                "per doel welke gegevens, en of u ze moet geven. We verzamelen ze wanneer u "
                "lid wordt, een vraag stelt, zich inschrijft voor een evenement of opleiding, "
                "solliciteert of zich abonneert.",
                "fr": "Nous ne demandons que ce dont une finalité a besoin ; le registre "
                "ci-dessous indique, par finalité, quelles données et si vous devez les "
                "fournir. Nous les recueillons quand vous devenez membre, posez une question, "
                "vous inscrivez à un événement ou à une formation, postulez ou vous abonnez.",
                "en": "We ask only for what a purpose needs; the register below states, per "
                "purpose, which data and whether you must give it. We collect it when you "
                "join, ask a question, register for an event or training course, apply for "
                "a job or subscribe.",
            },
            {
                "nl": "We vragen geen gevoelige gegevens, zoals over gezondheid of etnische "
                "afkomst, met één uitzondering: voor een evenement kunt u ons dieet- of "
                "toegankelijkheidswensen meedelen, die iets over uw gezondheid of godsdienst "
                "kunnen zeggen. We vragen ze alleen met uw uitdrukkelijke toestemming, alleen "
                "de organisatoren van het evenement zien ze, en we wissen ze wanneer het "
                "evenement afloopt. Andere vragen met vrije tekst vragen u zulke gegevens "
                "niet te vermelden. Politieke of "
                "religieuze overtuigingen gebruiken we alleen geanonimiseerd, voor "
                "statistieken. Onze website en evenementen richten zich tot professionals.",
                "fr": "Nous ne demandons pas de données sensibles, comme la santé ou l'origine "
                "ethnique, à une exception près : pour un événement, vous pouvez nous "
                "indiquer des besoins alimentaires ou d'accessibilité, qui peuvent révéler "
                "votre santé ou votre religion. Nous ne les demandons qu'avec votre "
                "consentement explicite, seuls les organisateurs de l'événement les voient, "
                "et nous les effaçons à la fin de l'événement. Les autres questions à texte "
                "libre vous demandent de ne pas indiquer de telles données. Les opinions politiques ou religieuses ne sont utilisées "
                "qu'anonymisées, pour des statistiques. Notre site et nos événements "
                "s'adressent à des professionnels.",
                "en": "We ask for no sensitive data, such as health or ethnic origin, with one "
                "exception: for an event, you may tell us of dietary or access needs, which "
                "can reveal your health or religion. We ask for them only with your explicit "
                "consent, only the event's organisers see them, and we delete them when the "
                "event ends. Other free-text questions ask you not to include such data. "
                "Political or religious "
                "opinions are used only anonymised, for statistics. Our website and events "
                "are meant for professionals.",
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
                "nl": "Elk doel staat hieronder in het register, met zijn rechtsgrond, hoe "
                "lang we de gegevens bewaren en wie ze ontvangt. Voor een doel op basis van "
                "toestemming vragen we die eerst, met een vakje dat u zelf aankruist; u kunt "
                "ze even gemakkelijk intrekken. We nemen geen beslissingen die uitsluitend "
                "op geautomatiseerde verwerking berusten.",
                "fr": "Chaque finalité figure ci-dessous dans le registre, avec sa base "
                "juridique, la durée de conservation et les destinataires. Pour une finalité "
                "fondée sur le consentement, nous le demandons d'abord, par une case que vous "
                "cochez vous-même ; vous pouvez le retirer aussi facilement. Nous ne prenons "
                "aucune décision fondée exclusivement sur un traitement automatisé.",
                "en": "Each purpose is listed below in the register, with its legal basis, "
                "how long we keep the data and who receives it. For a purpose based on "
                "consent we ask first, with a box you tick yourself; you can withdraw it as "
                "easily. We make no decisions based solely on automated processing.",
            },
        ],
    ),
    (
        "third-party-sites",
        {
            "nl": "Websites van derden",
            "fr": "Sites de tiers",
            "en": "Third-party websites",
        },
        [
            {
                "nl": "Onze website verwijst soms naar andere websites. Dit beleid geldt daar "
                "niet; lees hun eigen privacybeleid.",
                "fr": "Notre site renvoie parfois à d'autres sites. Cette politique ne s'y "
                "applique pas ; lisez leur propre politique de confidentialité.",
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
                "gevraagde pagina, om de website te laten werken en te beveiligen. Alleen als "
                "u analytische, advertentie- of socialemediacookies aanvaardt, gebruiken we "
                "surfgegevens ook om trends te analyseren.",
                "fr": "Notre serveur enregistre des données techniques comme votre adresse IP "
                "et la page demandée, pour faire fonctionner et sécuriser le site. Ce n'est "
                "que si vous acceptez les cookies analytiques, publicitaires ou de réseaux "
                "sociaux que nous utilisons aussi les données de navigation pour analyser "
                "des tendances.",
                "en": "Our server records technical data such as your IP address and the page "
                "requested, to run and secure the website. Only if you accept analytics, "
                "advertising or social network cookies do we also use browsing data to "
                "analyse trends.",
            },
        ],
    ),
    (
        "cookies",
        {"nl": "Cookies", "fr": "Cookies", "en": "Cookies"},
        [
            {
                "nl": "Een cookie is een klein bestand dat een website in uw browser bewaart. "
                "Behalve essentiële cookies plaatsen we niets voor u kiest. U kunt elke soort "
                "aanvaarden of weigeren, even gemakkelijk, en uw keuze altijd wijzigen via "
                "Cookie-instellingen onderaan elke pagina. Weigeren beperkt de website niet. "
                "Hoe lang uw keuze geldt, staat per soort in het register; daarna, of wanneer "
                "dit cookiebeleid wezenlijk verandert, vragen we het opnieuw. De tabel hieronder "
                "zegt per cookie wat hij doet, wie hem plaatst en hoe lang hij blijft.",
                "fr": "Un cookie est un petit fichier qu'un site enregistre dans votre "
                "navigateur. Hormis les cookies essentiels, nous ne plaçons rien avant votre "
                "choix. Vous pouvez accepter ou refuser chaque type, aussi facilement, et "
                "modifier votre choix à tout moment via Paramètres des cookies en bas de "
                "chaque page. Refuser ne limite pas le site. La durée de votre choix figure "
                "par type dans le registre ; ensuite, ou si cette politique change "
                "substantiellement, nous vous le demandons à nouveau. Le tableau ci-dessous "
                "indique pour chaque cookie ce qu'il fait, qui le place et combien de temps "
                "il reste.",
                "en": "A cookie is a small file a website stores in your browser. Apart from "
                "essential cookies we set nothing before you choose. You can accept or refuse "
                "each kind, just as easily, and change your choice at any time through Cookie "
                "settings at the bottom of every page. Refusing does not limit the website. "
                "How long your choice applies is stated per kind in the register; after "
                "that, or when this cookie policy changes materially, we ask again. The "
                "table below states per cookie what it does, who sets it and how long it "
                "stays.",
            },
            {
                "nl": "Als uw browser het signaal Global Privacy Control stuurt, weigeren we "
                "advertentie- en socialemediacookies tot u ze zelf aanzet.",
                "fr": "Si votre navigateur envoie le signal Global Privacy Control, nous "
                "refusons les cookies publicitaires et de réseaux sociaux jusqu'à ce que "
                "vous les activiez vous-même.",
                "en": "If your browser sends the Global Privacy Control signal, we refuse "
                "advertising and social network cookies until you switch them on yourself.",
            },
        ],
    ),
    (
        "tags",
        {"nl": "Webtags", "fr": "Balises web", "en": "Web tags"},
        [
            {
                "nl": "Onze e-mails bevatten geen trackingpixels: we weten niet of u ze opent. "
                "Een webtag op een pagina wordt alleen geladen voor een soort cookies die u "
                "aanvaardt.",
                "fr": "Nos e-mails ne contiennent aucun pixel de suivi : nous ne savons pas si "
                "vous les ouvrez. Une balise web sur une page n'est chargée que pour un type "
                "de cookies que vous acceptez.",
                "en": "Our e-mails contain no tracking pixels: we do not know whether you open "
                "them. A web tag on a page is loaded only for a kind of cookie you accept.",
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
                "nl": "Gegevens die partnerorganisaties ons over hun medewerkers geven, "
                "gebruiken we alleen voor de opdracht waarvoor we ze kregen. Verwerkers "
                "krijgen alleen wat strikt nodig is en mogen het niet hergebruiken of "
                "doorgeven; het register noemt ze per doel.",
                "fr": "Les données que des organisations partenaires nous donnent sur leur "
                "personnel ne servent qu'à la mission pour laquelle nous les avons reçues. "
                "Les sous-traitants ne reçoivent que le strict nécessaire et ne peuvent ni "
                "le réutiliser ni le transmettre ; le registre les cite par finalité.",
                "en": "Data partner organisations give us about their staff is used only for "
                "the assignment we received it for. Processors get only what is strictly "
                "needed and may not reuse or pass it on; the register names them per purpose.",
            },
            {
                "nl": "Op evenementen filmen of fotograferen we iemand als hoofdonderwerp "
                "alleen met toestemming. Wie de deelnemerslijst (voornaam, naam, functie) "
                "ziet, staat bij elk evenement; inschrijvingslijsten van opleidingen gaan naar "
                "de sprekers. U kunt tegen beide bezwaar maken bij ons contactpunt voor "
                "privacy.",
                "fr": "Lors des événements, nous ne filmons ou photographions une personne "
                "comme sujet principal qu'avec son consentement. Qui voit la liste des "
                "participants (prénom, nom, fonction) est indiqué pour chaque événement ; les "
                "listes d'inscription aux formations vont aux orateurs. Vous pouvez vous "
                "opposer aux deux auprès de notre contact vie privée.",
                "en": "At events we film or photograph someone as the main subject only with "
                "consent. Who sees the participant list (first name, name, function) is "
                "stated for each event; training registration lists go to the speakers. You "
                "can object to both with our privacy contact.",
            },
            {
                "nl": "Sollicitaties via de website gebruiken we alleen voor de werving. We "
                "kunnen u per e-mail of telefoon contacteren.",
                "fr": "Les candidatures envoyées par le site ne servent qu'au recrutement. "
                "Nous pouvons vous contacter par e-mail ou par téléphone.",
                "en": "Applications sent through the website are used for recruitment only. "
                "We may contact you by e-mail or phone.",
            },
        ],
    ),
    (
        "processors",
        {
            "nl": "Verwerkers en doorgiften",
            "fr": "Sous-traitants et transferts",
            "en": "Processors and transfers",
        },
        [
            {
                "nl": "Verwerkers werken voor ons onder een contract, alleen volgens onze "
                "instructies:",
                "fr": "Des sous-traitants travaillent pour nous sous contrat, uniquement selon "
                "nos instructions :",
                "en": "Processors work for us under a contract, only on our instructions:",
            },
            (
                "ul",
                [
                    {
                        "nl": "onze e-maildienstverlener, die de e-mails van de website verstuurt;",
                        "fr": "notre prestataire e-mail, qui envoie les e-mails du site ;",
                        "en": "our e-mail provider, which sends the website's e-mails;",
                    },
                    {
                        "nl": "onze dienstverlener voor e-mailcampagnes, voor de nieuwsbrief, "
                        "publicaties, enquêtes en uitnodigingen;",
                        "fr": "notre prestataire de campagnes e-mail, pour la lettre "
                        "d'information, les publications, les enquêtes et les invitations ;",
                        "en": "our e-mail campaign provider, for the newsletter, publications, "
                        "surveys and invitations;",
                    },
                    {
                        "nl": "onze opslagdienst, die bestanden zoals cv's en bijlagen bewaart;",
                        "fr": "notre hébergeur de stockage, qui conserve les fichiers comme les "
                        "CV et les pièces jointes ;",
                        "en": "our storage host, which keeps files such as CVs and attachments;",
                    },
                    {
                        "nl": "het vergaderplatform van een online opleiding, vermeld in de "
                        "uitnodiging.",
                        "fr": "la plateforme de réunion d'une formation en ligne, indiquée dans "
                        "l'invitation.",
                        "en": "the meeting platform of an online training, named in the "
                        "invitation.",
                    },
                ],
            ),
            {
                "nl": "Is een formulier beschermd met Google reCAPTCHA, dan ontvangt Google uw "
                "IP-adres en gegevens over uw browser; Google kan ze naar de Verenigde Staten "
                "doorgeven onder het EU-VS-kader voor gegevensbescherming. Bewaart onze "
                "opslagdienst bestanden buiten de Europese Unie, dan gebeurt dat onder de "
                "modelcontractbepalingen van de Europese Commissie.",
                "fr": "Lorsqu'un formulaire est protégé par Google reCAPTCHA, Google reçoit "
                "votre adresse IP et des données sur votre navigateur ; Google peut les "
                "transférer aux États-Unis dans le cadre du EU-US Data Privacy Framework. "
                "Lorsque notre hébergeur de stockage conserve des fichiers hors de l'Union "
                "européenne, c'est sous les clauses contractuelles types de la Commission "
                "européenne.",
                "en": "When a form is protected by Google reCAPTCHA, Google receives your IP "
                "address and data about your browser; Google may transfer them to the United "
                "States under the EU-US Data Privacy Framework. When our storage host keeps "
                "files outside the European Union, it does so under the European "
                "Commission's standard contractual clauses.",
            },
        ],
    ),
]
