"""Facts every privacy policy states the same way: the rights a person has, the supervisory
authorities they may complain to, and how the register groups the purposes.

Rendered by the policy page in the reader's language; a site chooses which authorities apply
(``PRIVACY_SUPERVISORY_AUTHORITIES``, by country code) and how its purposes are grouped
(``PRIVACY_REGISTER_GROUPS``).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Authority:
    country: str
    name: str
    address: str
    url: str


# GDPR art. 77: where a person may lodge a complaint, by country. Names in their own words.
AUTHORITIES = {
    "BE": Authority(
        country=_("Belgium"),
        name="Gegevensbeschermingsautoriteit / Autorité de protection des données (GBA/APD)",
        address="Drukpersstraat 35 / Rue de la Presse 35, 1000 Brussel / Bruxelles",
        url="https://www.gegevensbeschermingsautoriteit.be/",
    ),
    "NL": Authority(
        country=_("The Netherlands"),
        name="Autoriteit Persoonsgegevens (AP)",
        address="Postbus 93374, 2509 AJ Den Haag",
        url="https://www.autoriteitpersoonsgegevens.nl/",
    ),
    "LU": Authority(
        country=_("Luxembourg"),
        name="Commission nationale pour la protection des données (CNPD)",
        address="15, Boulevard du Jazz, L-4370 Belvaux",
        url="https://cnpd.public.lu/",
    ),
}

# GDPR arts. 15-22 and 7(3): every right, in the words the policy uses.
RIGHTS = [
    (_("Access"), _("You may ask which data we hold about you, and receive a copy.")),
    (_("Rectification"), _("You may have wrong or incomplete data corrected.")),
    (
        _("Erasure"),
        _("You may have your data erased, unless the law makes us keep it; we tell you what."),
    ),
    (
        _("Restriction"),
        _("You may ask us to stop using your data for a while, for example while we check it."),
    ),
    (
        _("Portability"),
        _("You may receive the data you gave us, in a common machine-readable format."),
    ),
    (
        _("Objection"),
        _(
            "You may object to a use based on our legitimate interest, on grounds relating to "
            "your situation; to direct marketing, at any time and without reason."
        ),
    ),
    (
        _("Withdrawal of consent"),
        _("You may withdraw a consent at any time, as easily as you gave it."),
    ),
    (
        _("No automated decisions"),
        _("We make no decision about you based solely on automated processing."),
    ),
    (
        _("Complaint"),
        _("You may complain to a supervisory authority, in particular in your own country."),
    ),
]

# What the policy and every page that takes registrations say about minors: no form asks
# anyone's age, so the line asks the under-18s to involve a parent (``{% age_line %}``).
AGE_LINE = _(
    "We do not ask your age. If you are under 18, ask a parent or guardian before you send "
    "us any data."
)

# The register's groups, in order: (anchor, heading, purpose keys or key prefixes ending "-").
REGISTER_GROUPS = [
    (
        "services",
        _("Services and membership"),
        [
            "answer-request",
            "membership-application",
            "member-administration",
            "accounting",
            "privacy-request",
        ],
    ),
    (
        "communication",
        _("Communication"),
        ["newsletter", "event-invitations", "publications", "surveys"],
    ),
    (
        "events",
        _("Events and trainings"),
        [
            "event-registration",
            "event-needs",
            "participant-list",
            "trainee-list",
            "event-photos",
            "speaker-profiles",
        ],
    ),
    ("careers", _("Careers"), ["job-application", "talent-pool"]),
    ("cookies", _("Cookies"), ["cookies-"]),
    (
        "proofs",
        _("Proofs, security and protection"),
        ["consent-proofs", "security-logs", "form-protection"],
    ),
]
OTHER_GROUP = ("other", _("Other purposes"))


def register_group_of(key: str, groups=None) -> str:
    """The anchor of the group ``key`` belongs to, else the other purposes'."""
    for anchor, _heading, keys in groups or REGISTER_GROUPS:
        if any(key == k or (k.endswith("-") and key.startswith(k)) for k in keys):
            return anchor
    return OTHER_GROUP[0]
