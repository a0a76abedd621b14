"""The record of processing in the admin: privacy officers download it per controller.

Holders of ``privacy.export_record`` (the ``Privacy officers`` group) see a page listing the
controllers of the controller identity, each with its record as XLSX and PDF, in the language
they choose (the admin's by default).
"""

from __future__ import annotations

from functools import cached_property

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet

from . import conf
from .selectors import controller_identity
from .services import record as records

PERMISSION = "privacy.export_record"
FORMATS = {
    "xlsx": (
        records.record_xlsx,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    "pdf": (records.record_pdf, "application/pdf"),
}


class RecordOfProcessingViewSet(ViewSet):
    name = "record_of_processing"
    icon = "doc-full"
    menu_label = _("Record of processing")
    url_prefix = "privacy/record"

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("<int:controller>/<str:language>.<str:extension>", self.file_view, name="file"),
        ]

    @cached_property
    def menu_item_class(self):
        class RecordMenuItem(MenuItem):
            def is_shown(self, request):
                return request.user.has_perm(PERMISSION)

        return RecordMenuItem

    def _check(self, request):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied

    def index_view(self, request):
        self._check(request)
        language = translation.get_language()
        identity = controller_identity(language)
        controllers = identity.controller_list if identity is not None else []
        languages = conf.content_languages()
        rows = [
            {
                "name": controller["name"],
                "files": [
                    (
                        name,
                        [
                            (
                                extension.upper(),
                                reverse(
                                    self.get_url_name("file"),
                                    args=[number, code, extension],
                                ),
                            )
                            for extension in FORMATS
                        ],
                    )
                    for code, name in languages
                ],
            }
            for number, controller in enumerate(controllers)
        ]
        return TemplateResponse(
            request,
            "privacy/admin/record_index.html",
            {
                "header_title": self.menu_label,
                "header_icon": self.icon,
                "page_title": self.menu_label,
                "breadcrumbs_items": [{"url": "", "label": self.menu_label}],
                "controllers": rows,
                "identity": identity,
                "identity_url": _identity_url(),
            },
        )

    def file_view(self, request, controller, language, extension):
        self._check(request)
        if extension not in FORMATS or language not in dict(conf.content_languages()):
            raise Http404
        try:
            record = records.record_build(controller=controller, language=language)
        except LookupError as error:
            raise Http404 from error
        write, content_type = FORMATS[extension]
        response = HttpResponse(write(record=record), content_type=content_type)
        filename = records.record_filename(record=record, extension=extension)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


def _identity_url() -> str:
    from .models import ControllerIdentity

    viewset = getattr(ControllerIdentity, "snippet_viewset", None)
    return reverse(viewset.get_url_name("list")) if viewset is not None else ""
