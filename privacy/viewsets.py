"""The one base of every admin listing of personal data or evidence, in every plugin.

The consent ledger, the inboxes, the recruitment area and the organisers' registrations are
read, never edited, in the admin: records come from visitors and leave through retention and
erasure, which delete files and log the deletion. Each is a :class:`ReadOnlyViewSet`; each
listing is a :class:`ReadOnlyIndexView`, limited by :class:`ScopedIndexMixin` to what the
reader may see; times are in the reader's time zone (:class:`LocalTimeColumn`, Wagtail
activates the zone for admin views); and every CSV or XLSX goes through
:class:`SpreadsheetExport`, whose one ``custom_value_preprocess`` keeps what a visitor typed
from becoming a formula and writes times as the reader reads them.
"""

from __future__ import annotations

import csv
import datetime
from collections.abc import Iterator
from functools import cached_property, wraps

from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Model, QuerySet
from django.http import Http404
from django.urls import path, reverse
from django.utils import formats, timezone, translation
from django.utils.encoding import force_str
from django.utils.functional import Promise
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.views.defaults import permission_denied
from wagtail.admin.ui import tables
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.mixins import Echo, ExcelDateFormatter, SpreadsheetExportMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry

# A spreadsheet reads a cell starting with one of these as a formula (``=HYPERLINK(...)``).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def formula_safe(value) -> str:
    """``value`` as text a spreadsheet shows as typed: a leading apostrophe where it would
    start a formula. An e-mail address may itself start with "=", so every text cell goes
    through this, not only the answers."""
    text = "" if value is None else force_str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def local_time(value: datetime.datetime | None) -> str:
    """A moment in the reader's time zone, short form; never "3 hours ago": evidence and
    applications are read for the exact time."""
    if value is None:
        return ""
    return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")


def _local(value: datetime.datetime) -> datetime.datetime:
    return timezone.localtime(value) if timezone.is_aware(value) else value


def yes_no(value: bool) -> str:
    """A yes or no in the reader's language: a listing's tick, an export's cell."""
    return gettext("Yes") if value else gettext("No")


def _listed(value) -> str:
    return ", ".join(force_str(item) for item in value)


class SpreadsheetExport(SpreadsheetExportMixin):
    """Wagtail's CSV/XLSX export with the plugins' one rule per kind of value.

    Times are written in the reader's time zone (Wagtail's default writes UTC). A CSV cell
    has no type, so text that would start a formula gets a leading apostrophe; Wagtail types
    XLSX text cells as text already.
    """

    custom_value_preprocess = {
        # Before any other type: a bool is an int, and "True" is English.
        bool: {
            SpreadsheetExportMixin.FORMAT_XLSX: yes_no,
            SpreadsheetExportMixin.FORMAT_CSV: yes_no,
        },
        datetime.datetime: {
            SpreadsheetExportMixin.FORMAT_XLSX: lambda value: _local(value).replace(tzinfo=None),
            SpreadsheetExportMixin.FORMAT_CSV: lambda value: _local(value).isoformat(),
        },
        (datetime.date, datetime.time): {SpreadsheetExportMixin.FORMAT_XLSX: None},
        (list, tuple): {
            SpreadsheetExportMixin.FORMAT_XLSX: _listed,
            SpreadsheetExportMixin.FORMAT_CSV: lambda value: formula_safe(_listed(value)),
        },
        (str, Promise): {
            SpreadsheetExportMixin.FORMAT_XLSX: force_str,
            SpreadsheetExportMixin.FORMAT_CSV: formula_safe,
        },
    }

    def get_export_label(self) -> str:
        """What the export log calls this export: the file's name by default, which names the
        listing (an inbox, an event), never a person."""
        return self.get_filename()

    def as_spreadsheet(self, queryset, spreadsheet_format):
        # Every export of personal data is logged with who made it and when (GDPR art. 5(2)).
        from .services.exports import export_log_write

        self._export_log = export_log_write(
            user=self.request.user, what=self.get_export_label(), export_format=spreadsheet_format
        )
        return super().as_spreadsheet(queryset, spreadsheet_format)

    def delete_after_use_line(self) -> str:
        """The line every exported file ends on: it holds personal data, for one use."""
        from .services.exports import delete_after_use_line

        return delete_after_use_line(self._export_log)

    def stream_csv(self, queryset):
        # A byte-order mark first, so spreadsheet programs read the names as UTF-8.
        yield "\ufeff"
        yield from super().stream_csv(queryset)
        writer = csv.writer(Echo())
        yield writer.writerow([])
        yield writer.writerow([formula_safe(self.delete_after_use_line())])

    def write_xlsx(self, queryset, output):
        # Wagtail's workbook, with the delete-after-use line after an empty row.
        from openpyxl import Workbook

        workbook = Workbook(write_only=True, iso_dates=True)
        worksheet = workbook.create_sheet(title="Sheet1")
        worksheet.append(self.get_heading(queryset, field) for field in self.list_export)
        date_format = ExcelDateFormatter().get()
        for item in queryset:
            worksheet.append(
                self.generate_xlsx_row(worksheet, self.to_row_dict(item), date_format=date_format)
            )
        worksheet.append([])
        worksheet.append([self.delete_after_use_line()])
        workbook.save(output)

    def write_csv_response(self, queryset):
        # The rows are written while the response streams, after the view has returned and
        # the admin has let go of the reader's time zone and language: hold on to them here.
        response = super().write_csv_response(queryset)
        response.streaming_content = _as_read_by(
            response.streaming_content,
            zone=timezone.get_current_timezone(),
            language=translation.get_language(),
        )
        return response


def _as_read_by(rows: Iterator, *, zone, language) -> Iterator:
    """``rows``, each produced in ``zone`` and ``language``, which are active only meanwhile."""
    rows = iter(rows)
    while True:
        with timezone.override(zone), translation.override(language):
            row = next(rows, None)
        if row is None:
            return
        yield row


class BooleanColumn(tables.BooleanColumn):
    """Wagtail's tick or cross, named "Yes" or "No" in the reader's language (Wagtail's
    names it "True" or "False")."""

    cell_template_name = "privacy/admin/boolean_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        value = context["value"]
        context["value_label"] = gettext("Unknown") if value is None else yes_no(value)
        return context


class LocalTimeColumn(Column):
    """A moment as date and time in the reader's time zone, in a ``<time>`` element."""

    cell_template_name = "privacy/admin/local_time_cell.html"


class ChoiceColumn(Column):
    """A choice field (a status) shown by its label in the reader's language and sorted by
    its stored value."""

    def __init__(self, name, **kwargs):
        kwargs.setdefault("sort_key", name)
        kwargs.setdefault("accessor", f"get_{name}_display")
        super().__init__(name, **kwargs)


class PurposeNameColumn(Column):
    """The purpose's name in the admin user's language, looked up once per listing."""

    def get_cell_context_data(self, instance, parent_context):
        from .selectors import purpose_names

        names = parent_context.get("purpose_names")
        if names is None:
            names = purpose_names()
            parent_context["purpose_names"] = names
        context = super().get_cell_context_data(instance, parent_context)
        context["value"] = names.get(instance.purpose_key, instance.purpose_key)
        return context


class ScopedIndexMixin:
    """A view that shows only what its reader may see, and refuses first.

    The permission is checked before anything is looked up, so a refusal says nothing about
    whether a record exists. A view under a parent in its URL (an inbox, an event) names the
    URL keyword in ``scope_kwarg`` and finds the parent in :meth:`get_scope`; a parent the
    reader may not see is refused like a missing one (``scope_refusal``). Without a parent,
    the listing holds the rows the permission policy grants the reader.
    """

    permission_policy = None
    any_permission_required = ["view"]
    scope_kwarg: str | None = None
    scope_refusal: type[Exception] = Http404
    scope: Model | None = None

    def get_scope_queryset(self) -> QuerySet:
        raise NotImplementedError

    def get_scope(self, pk) -> Model | None:
        return self.get_scope_queryset().filter(pk=pk).first()

    def dispatch(self, request, *args, **kwargs):
        policy = self.permission_policy
        if not policy.user_has_any_permission(request.user, self.any_permission_required):
            raise PermissionDenied
        if self.scope_kwarg is not None:
            self.scope = self.get_scope(kwargs[self.scope_kwarg])
            if self.scope is None:
                raise self.scope_refusal
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        return self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, self.any_permission_required
        )

    def get_index_url(self):
        if self.scope is None:
            return super().get_index_url()
        return reverse(self.index_url_name, args=[self.scope.pk])

    def get_index_results_url(self):
        if self.scope is None:
            return super().get_index_results_url()
        return reverse(self.index_results_url_name, args=[self.scope.pk])


def choice_counts(queryset: QuerySet, field: str) -> dict[str, int]:
    """How many rows of ``queryset`` hold each choice of ``field`` (every choice, 0s too)."""
    counts = dict(queryset.order_by().values_list(field).annotate(n=Count("pk")))
    choices = queryset.model._meta.get_field(field).choices
    return {value: counts.get(value, 0) for value, _label in choices}


class ChoiceCountsMixin:
    """Tabs over a listing, one per choice of the model field ``counts_field`` (a status):
    how many rows each would show under the other filters and the search, and the URL that
    shows them (in the context as ``choice_counts``)."""

    counts_field = ""

    @cached_property
    def choice_counts(self) -> list[dict]:
        name, filters, queryset = self.counts_field, self.filters, self.get_base_queryset()
        if filters is not None and filters.is_valid():
            # The listing's own filterset, every filter but this field's.
            for other, value in filters.form.cleaned_data.items():
                if other != name:
                    queryset = filters.filters[other].filter(queryset, value)
        if self.is_searching:
            queryset = self.search_queryset(queryset)
        counts = choice_counts(queryset, name)
        skip = (name, self.page_kwarg, "_w_filter_fragment")
        params = {
            key: value for key, value in self.request.GET.items() if value and key not in skip
        }
        base, current = reverse(self.index_url_name), self.request.GET.get(name)
        return [
            {
                "value": value,
                "label": label,
                "count": counts[value],
                "url": f"{base}?{urlencode({**params, name: value})}",
                "active": current == value,
            }
            for value, label in self.model._meta.get_field(name).choices
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(choice_counts=self.choice_counts, **kwargs)


class ReadOnlyIndexView(SpreadsheetExport, generic.IndexView):
    """A listing whose empty state says what would appear there, and why it may be empty."""

    search_backend_name = None
    empty_message = ""
    filtered_message = ""

    @cached_property
    def no_results_message(self):
        if (self.is_searching or self.is_filtering) and self.filtered_message:
            return self.filtered_message
        return self.empty_message or super().no_results_message


class ReadOnlyViewSet(ModelViewSet):
    """Listing, filters, export and inspect; adding, editing and deleting refuse everyone.

    A viewset whose views are all its own (``own_views``: the recruitment area, the inboxes,
    the registrations) gives them only the icon and the policy: they name their own model
    and URLs, and no button points at a view that is not there. The model's
    registered permission policy decides every view; only a model-permission policy offers
    permissions to tick on a group (its actions alone); a group-only one offers none.

    ``refuse_with_403``: a refusal is a plain 403 rather than the admin's usual redirect to
    the dashboard, so that probing the URLs of a ledger tells nothing and scripts see it.
    """

    index_view_class = ReadOnlyIndexView
    own_views = False
    refuse_with_403 = False
    empty_message = ""
    filtered_message = ""
    copy_view_enabled = False
    add_to_reference_index = False
    # Plain database filtering: personal data stays out of the search index, on purpose.
    search_backend_name = None
    # The add and edit views exist but the permission policy refuses everyone.
    exclude_form_fields = []

    # With ``own_views``, every screen of the area: (route under the prefix, view, URL name);
    # each listing named in ``listings`` also answers its filters' requests under
    # ``results/`` (``<name>_results``).
    screens: list[tuple[str, type, str]] = []
    listings: tuple[str, ...] = ("index",)

    def get_urlpatterns(self):
        if not self.screens:
            return super().get_urlpatterns()
        urls = []
        for route, view_class, name in self.screens:
            urls.append(path(route, self.construct_view(view_class), name=name))
            if name in self.listings:
                results = self.construct_view(view_class, results_only=True)
                urls.append(path(f"{route}results/", results, name=f"{name}_results"))
        return urls

    @property
    def policy(self):
        """The model's registered permission policy (Wagtail 8 deprecates the viewset's own)."""
        return policy_registry.get_by_type(self.model)

    def get_permissions_to_register(self):
        policy = self.policy
        if not isinstance(policy, ModelPermissionPolicy):
            return Permission.objects.none()
        codenames = policy._get_permission_codenames(getattr(policy, "actions", ["view"]))
        return Permission.objects.filter(
            content_type__app_label=self.app_label,
            content_type__model=self.model_name,
            codename__in=codenames,
        )

    def register_admin_url_finder(self):
        # Wagtail's finder links to the edit view, which nobody may use here.
        pass

    def get_common_view_kwargs(self, **kwargs):
        if self.own_views:
            return {"header_icon": self.icon, "permission_policy": self.policy, **kwargs}
        return super().get_common_view_kwargs(**kwargs)

    def get_index_view_kwargs(self, **kwargs):
        # The listing is titled like its menu item ("Consent ledger"), while counts read
        # "3 consent records".
        return super().get_index_view_kwargs(
            empty_message=self.empty_message,
            filtered_message=self.filtered_message,
            page_title=self.menu_label,
            **kwargs,
        )

    def construct_view(self, view_class, **kwargs):
        view = super().construct_view(view_class, **kwargs)
        if not self.refuse_with_403:
            return view

        @wraps(view)
        def refuse_with_403(request, *args, **kwargs):
            try:
                return view(request, *args, **kwargs)
            except PermissionDenied as error:
                return permission_denied(request, error)

        return refuse_with_403


def admin_area_register(*, model: type[Model], policy, viewset: type) -> None:
    """Wire a plugin's restricted admin area: the one policy that guards its rows (Wagtail
    asks it for every menu item, button and view) and the viewset that shows them."""
    from wagtail import hooks
    from wagtail.permissions import register_permission_policy

    register_permission_policy(model, policy, exact_class=True)
    hooks.register("register_admin_viewset", viewset)
