"""French: "1 janvier 2027"; short forms spell the month too ("2 janv. 2027")."""

from django.conf.locale.fr.formats import *  # noqa: F403

SHORT_DATE_FORMAT = "j N Y"
SHORT_DATETIME_FORMAT = "j N Y, H:i"
DATETIME_FORMAT = "j F Y, H:i"
