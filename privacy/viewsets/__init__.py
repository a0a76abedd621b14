"""The one base of every admin listing of personal data or evidence, in every plugin.

The consent ledger, the inboxes, the recruitment area and the organisers' registrations are
read, never edited, in the admin: records come from visitors and leave through retention and
erasure, which delete files and log the deletion. Each is a :class:`ReadOnlyViewSet`; each
listing is a :class:`ReadOnlyIndexView`, limited by :class:`ScopedIndexMixin` to what the
reader may see; times are in the reader's time zone (:class:`LocalTimeColumn`, Wagtail
activates the zone for admin views); and every CSV or XLSX goes through
:class:`SpreadsheetExport`, whose one ``custom_value_preprocess`` keeps what a visitor typed
from becoming a formula and writes times as the reader reads them.

The parts live by topic (exports, columns, listings, the viewset); everything is imported
from here.
"""

from .columns import BooleanColumn, ChoiceColumn, LocalTimeColumn, PurposeNameColumn
from .export import (
    FORMULA_STARTS,
    SpreadsheetExport,
    SpreadsheetExportView,
    formula_safe,
    local_time,
    yes_no,
)
from .listing import (
    ChoiceCountsMixin,
    ReadOnlyIndexView,
    ScopedIndexMixin,
    choice_counts,
    choice_links,
)
from .viewset import ReadOnlyViewSet, admin_area_register

__all__ = [
    "FORMULA_STARTS",
    "BooleanColumn",
    "ChoiceColumn",
    "ChoiceCountsMixin",
    "LocalTimeColumn",
    "PurposeNameColumn",
    "ReadOnlyIndexView",
    "ReadOnlyViewSet",
    "ScopedIndexMixin",
    "SpreadsheetExport",
    "SpreadsheetExportView",
    "admin_area_register",
    "choice_counts",
    "choice_links",
    "formula_safe",
    "local_time",
    "yes_no",
]
