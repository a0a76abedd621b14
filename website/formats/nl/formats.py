"""Dutch: "1 januari 2027"; short forms spell the month too ("2 jan. 2027")."""

from django.conf.locale.nl.formats import *  # noqa: F403

SHORT_DATE_FORMAT = "j N Y"
SHORT_DATETIME_FORMAT = "j N Y, H:i"
DATETIME_FORMAT = "j F Y, H:i"
