"""The privacy policy page: editors' sections plus a register generated from the purposes."""

from __future__ import annotations

import re

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField


class PolicySectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"))
    anchor = blocks.CharBlock(
        label=_("Anchor"),
        required=False,
        help_text=_("Optional id for links to this section, e.g. 'cookies'."),
    )
    body = blocks.RichTextBlock(
        label=_("Text"), features=["bold", "italic", "link", "ol", "ul", "h3"]
    )

    class Meta:
        icon = "doc-full"
        label = _("Section")
        template = "privacy/blocks/policy_section.html"


def next_major_version(version: str) -> str:
    """``1.0`` -> ``2.0``, ``3`` -> ``4``; a version in another form is left to the editor."""
    match = re.fullmatch(r"\s*(\d+)((?:\.\d+)*)\s*", version or "")
    if match is None:
        return version
    return f"{int(match[1]) + 1}{'.0' if match[2] else ''}"


class PrivacyPolicyPageForm(WagtailAdminPageForm):
    """Adds the editor's "material change" box, which raises the version and the date."""

    material_change = forms.BooleanField(
        label=_("This is a material change"),
        required=False,
        help_text=_(
            "Raises the version (1.0 becomes 2.0) and sets the date of the last material "
            "change to today. Leave it unticked for corrections that change no promise."
        ),
    )

    def clean(self):
        cleaned = super().clean()
        if "action-publish" in self.data and not self._controller_identity_exists():
            # A policy must say who is responsible (GDPR art. 13(1)(a)): no publishing without.
            self.add_error(
                None,
                _(
                    "State the controller identity in this language (Privacy > Controller "
                    "identity) before publishing the privacy policy."
                ),
            )
        return cleaned

    def _controller_identity_exists(self) -> bool:
        from .controller import ControllerIdentity

        locale_id = self.instance.locale_id or getattr(self.parent_page, "locale_id", None)
        return ControllerIdentity.objects.filter(locale_id=locale_id).exists()

    def save(self, commit=True):
        page = super().save(commit=False)
        if self.cleaned_data.get("material_change"):
            page.version = next_major_version(page.version)
            page.material_change_date = timezone.localdate()
        if commit:
            page.save()
        return page


class PrivacyPolicyPage(Page):
    """The privacy policy: sections editors write, and the register of processing.

    The register is generated from the declared purposes on every view, never typed in, so
    what the page says about purposes, data, legal basis, retention and recipients is what
    the forms and the retention engine apply. ``version`` and ``material_change_date`` are
    the editor's statement of the last change that matters to visitors; a typo fix that is
    republished changes neither.
    """

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    body = StreamField([("section", PolicySectionBlock())], blank=True, verbose_name=_("sections"))
    version = models.CharField(
        _("version"),
        max_length=32,
        default="1.0",
        help_text=_("Raise it with every material change, e.g. 1.0 then 2.0."),
    )
    material_change_date = models.DateField(
        _("date of the last material change"), null=True, blank=True
    )
    show_register = models.BooleanField(
        _("show the register of processing"),
        default=True,
        help_text=_("The list of purposes, generated from the purposes the site declares."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("version"), FieldPanel("material_change_date")]),
                FieldPanel("material_change"),
                FieldPanel("show_register"),
            ],
            heading=_("Version"),
        ),
    ]

    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    api_fields = [
        APIField("intro"),
        APIField("body"),
        APIField("version"),
        APIField("material_change_date"),
        APIField("controller"),
        APIField("processing_register"),
    ]

    # The version and date are facts about the policy, the same in every language.
    override_translatable_fields = [
        SynchronizedField("version"),
        SynchronizedField("material_change_date"),
    ]

    template = "privacy/privacy_policy_page.html"
    base_form_class = PrivacyPolicyPageForm

    class Meta:
        verbose_name = _("privacy policy page")
        verbose_name_plural = _("privacy policy pages")

    @property
    def processing_register(self) -> list[dict]:
        """The register of processing in the page's language (API and template)."""
        from ..selectors import processing_register as build

        if not self.show_register:
            return []
        return [entry.as_dict() for entry in build(locale=self.locale)]

    @property
    def controller(self) -> dict | None:
        """Who is responsible, in the page's language (API and template)."""
        from ..selectors import controller_identity

        identity = controller_identity(self.locale)
        if identity is None:
            return None
        return {
            "controllers": identity.controller_list,
            "arrangement": identity.arrangement,
            "contact": identity.contact,
            "contact_email": identity.contact_email,
        }

    def get_context(self, request, *args, **kwargs):
        from .. import conf, policy_facts
        from ..selectors import processing_register as build

        context = super().get_context(request, *args, **kwargs)
        register = build(locale=self.locale) if self.show_register else []
        groups = []
        for anchor, heading, _keys in [
            *policy_facts.REGISTER_GROUPS,
            (*policy_facts.OTHER_GROUP, []),
        ]:
            entries = [e for e in register if policy_facts.register_group_of(e.key) == anchor]
            if entries:
                groups.append(
                    {"anchor": f"register-{anchor}", "heading": heading, "entries": entries}
                )
        authorities = [
            policy_facts.AUTHORITIES[code]
            for code in conf.supervisory_authorities()
            if code in policy_facts.AUTHORITIES
        ]
        context.update(
            register=register,
            register_groups=groups,
            controller=self.controller,
            rights=policy_facts.RIGHTS,
            age_line=policy_facts.AGE_LINE,
            authorities=authorities,
            contents=self.table_of_contents(register=register, authorities=authorities),
        )
        return context

    def table_of_contents(self, *, register, authorities) -> list[tuple[str, str]]:
        """(anchor, heading) of every section the page shows, in order."""
        contents = [
            (block.value["anchor"], block.value["heading"])
            for block in self.body
            if block.block_type == "section" and block.value.get("anchor")
        ]
        if self.controller is not None:
            contents.append(("controller", _("Who is responsible for your data")))
        if register:
            contents.append(("register", _("What we process, why and for how long")))
        contents.append(("minors", _("If you are under 18")))
        contents.append(("rights", _("Your rights")))
        if authorities:
            contents.append(("authorities", _("Where you can complain")))
        return contents
