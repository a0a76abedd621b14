"""The read-only viewset every listing of personal data or evidence uses, and its
registration as an admin area with its permission policy."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.db.models import Model
from django.urls import path
from django.views.defaults import permission_denied
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry

from .listing import ReadOnlyIndexView


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
    # ``results/`` (``<name>_results``), and is told both URL names. A view class gets the
    # area's icon and policy; a plain view function (a file download) is routed as it is.
    screens: list[tuple[str, type | Callable, str]] = []
    listings: tuple[str, ...] = ("index",)

    def get_urlpatterns(self):
        if not self.screens:
            return super().get_urlpatterns()
        urls = []
        for route, view_class, name in self.screens:
            if not isinstance(view_class, type):
                urls.append(path(route, view_class, name=name))
                continue
            if name not in self.listings:
                urls.append(path(route, self.construct_view(view_class), name=name))
                continue
            own = {
                "index_url_name": f"{self.name}:{name}",
                "index_results_url_name": f"{self.name}:{name}_results",
            }
            urls.append(path(route, self.construct_view(view_class, **own), name=name))
            results = self.construct_view(view_class, results_only=True, **own)
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
