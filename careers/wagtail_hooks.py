"""Admin wiring of careers: the rejection e-mail, translated like the pages, and the
recruitment area (``careers.admin``) under ``/admin/recruitment/``, for the ``Recruitment``
group and superusers only."""

from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from privacy.viewsets import admin_area_register

from .admin.dashboard import RecruitmentPanel
from .admin.viewsets import RecruitmentViewSet
from .models import Application, RejectionEmailTemplate
from .permissions import recruitment_policy, user_is_recruiter


class RejectionEmailTemplateViewSet(SnippetViewSet):
    model = RejectionEmailTemplate
    icon = "mail"
    menu_label = _("Rejection e-mail")
    list_display = ["subject", "locale"]


register_snippet(RejectionEmailTemplateViewSet)

admin_area_register(model=Application, policy=recruitment_policy, viewset=RecruitmentViewSet)


@hooks.register("construct_homepage_panels")
def add_recruitment_panel(request, panels):
    if user_is_recruiter(request.user):
        panels.append(RecruitmentPanel())


@hooks.register("insert_global_admin_css")
def recruitment_admin_css():
    return format_html(
        '<link rel="stylesheet" href="{}">', static("careers/css/recruitment-admin.css")
    )
