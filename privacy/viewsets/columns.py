"""Listing columns that show a value as its reader reads it: yes or no in their language,
times in their zone, a choice or a purpose by its translated name."""

from __future__ import annotations

from django.utils.translation import gettext
from wagtail.admin.ui import tables
from wagtail.admin.ui.tables import Column

from .export import yes_no


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
        from ..selectors import purpose_names

        names = parent_context.get("purpose_names")
        if names is None:
            names = purpose_names()
            parent_context["purpose_names"] = names
        context = super().get_cell_context_data(instance, parent_context)
        context["value"] = names.get(instance.purpose_key, instance.purpose_key)
        return context
