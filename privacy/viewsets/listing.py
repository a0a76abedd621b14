"""The listings' shared parts: the scope that refuses before it looks anything up, the
tabs that count a status's rows, and the read-only index view with its empty state."""

from __future__ import annotations

from functools import cached_property

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Model, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils.http import urlencode
from wagtail.admin.views import generic

from .export import SpreadsheetExport


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


def choice_links(
    queryset: QuerySet, field: str, url: str, *, params=None, current=None
) -> list[dict]:
    """Each choice of ``field`` with its label, how many rows of ``queryset`` hold it, and
    the listing at ``url`` showing them (keeping the query ``params``): tabs over a listing,
    a panel on the dashboard."""
    counts, params = choice_counts(queryset, field), params or {}
    return [
        {
            "value": value,
            "label": label,
            "count": counts[value],
            "url": f"{url}?{urlencode({**params, field: value})}",
            "active": current == value,
        }
        for value, label in queryset.model._meta.get_field(field).choices
    ]


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
        skip = (name, self.page_kwarg, "_w_filter_fragment")
        params = {
            key: value for key, value in self.request.GET.items() if value and key not in skip
        }
        return choice_links(
            queryset,
            name,
            reverse(self.index_url_name),
            params=params,
            current=self.request.GET.get(name),
        )

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
