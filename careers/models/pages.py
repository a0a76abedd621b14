"""Vacancy pages, their index and the spontaneous application page.

Both application pages are :class:`forms.models.AbstractFormPage` subclasses: their answers
take the one submission flow of every form (HTML and API), and an
:class:`~careers.models.Application` is stored with each submission, in the same transaction,
through :meth:`ApplicationFormPage.submission_created`.
"""

from __future__ import annotations

import datetime
from dataclasses import replace

from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from forms.constants import AGE_LINE, default_language
from forms.models import AbstractFormField, AbstractFormPage, FieldType, FormSubmission, Inbox
from privacy.dates import day_end
from privacy.registry import Retention
from privacy.services import retention_end_move

from .. import conf
from .. import constants as c
from ..constants import (
    KEY_CV,
    KEY_EMAIL,
    KEY_NAME,
    KEY_PHONE,
    TALENT_POOL_PURPOSE,
    VACANCY_CLOSING,
    EmploymentType,
    VacancyStatus,
)
from ..page_forms import ApplicationPageAdminForm


class ApplicationFormPage(AbstractFormPage):
    """A form page whose submissions are applications, kept in the recruitment inbox.

    Override points of the form base it uses: :meth:`submission_created` (stores the
    application with the submission, whose inbox notice then links to it in the recruitment
    area); a vacancy adds :meth:`accepts_submissions` and :meth:`submission_ends_at`.
    """

    base_form_class = ApplicationPageAdminForm
    template = "careers/application_form_page.html"
    # What the talent pool keeps after the application's own period: the CV and contact
    # details; the letter, the message, HR's notes and the history go then.
    submission_keeps = frozenset({KEY_NAME, KEY_EMAIL, KEY_PHONE, KEY_CV})
    landing_page_template = "careers/application_form_page_landing.html"
    submission_end = VACANCY_CLOSING

    class Meta:
        abstract = True

    @classmethod
    def default_inbox(cls):
        """New vacancies file into the recruitment inbox (``CAREERS_RECRUITMENT_INBOX``)."""
        return Inbox.objects.filter(name=conf.recruitment_inbox()).first()

    @classmethod
    def default_form_fields(cls, *, language: str | None = None) -> list[AbstractFormField]:
        """The prefilled application form: name, e-mail, phone, CV, letter, message, purposes;
        labels in ``language`` (the page's). A purpose missing from the site is left out; the
        page editor then asks for the application purpose."""
        document = {"field_type": FieldType.FILE, "file_kinds": "pdf,docx,doc,odt"}
        with translation.override(language or default_language()):
            document.update(
                max_file_size_mb=10, help_text=gettext("PDF, Word or OpenDocument, at most 10 MB.")
            )
            return cls.form_fields_new(
                [
                    (
                        c.KEY_NAME,
                        gettext("Name"),
                        {"field_type": FieldType.SINGLELINE, "required": True},
                    ),
                    (
                        c.KEY_EMAIL,
                        gettext("E-mail address"),
                        {"field_type": FieldType.EMAIL, "required": True, "is_subject_email": True},
                    ),
                    (c.KEY_PHONE, gettext("Phone"), {"field_type": FieldType.PHONE}),
                    (c.KEY_CV, gettext("CV"), {**document, "required": True}),
                    (c.KEY_LETTER, gettext("Motivation letter"), document),
                    (c.KEY_MESSAGE, gettext("Message"), {"field_type": FieldType.MULTILINE}),
                ],
                purposes=[
                    (c.KEY_APPLICATION_PURPOSE, c.APPLICATION_PURPOSE),
                    (c.KEY_TALENT_POOL, c.TALENT_POOL_PURPOSE),
                ],
            )

    def submission_created(self, *, submission, data) -> None:
        from ..services import application_create

        application_create(page=self, submission=submission, data=data)

    def get_vacancy(self) -> VacancyPage | None:
        """The vacancy applied to, in its source language; None for a spontaneous application."""
        return None

    @classmethod
    def submission_retention(cls, retention: Retention) -> Retention:
        # Per outcome once decided (rejected, withdrawn, hired), and kept longer while the
        # talent-pool consent's period lasts: the application's rules for its submission.
        return replace(
            retention,
            outcome="application__status",
            outcome_at="application__decided_at",
            also=(*retention.also, (TALENT_POOL_PURPOSE, "application__talent_pool_since")),
        )


class VacancyIndexPage(Page):
    """The list of open vacancies, filterable by department and location."""

    intro = RichTextField(_("introduction"), blank=True)
    empty_text = RichTextField(
        _("text when there are no vacancies"),
        blank=True,
        help_text=_("Shown instead of the list; a link to the spontaneous application follows."),
    )

    subpage_types = ["careers.VacancyPage", "careers.SpontaneousApplicationPage"]
    template = "careers/vacancy_index_page.html"

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("empty_text")]
    api_fields = [APIField("intro"), APIField("empty_text")]

    class Meta:
        verbose_name = _("vacancy index")
        verbose_name_plural = _("vacancy indexes")

    def get_context(self, request, *args, **kwargs):
        from ..selectors import vacancy_index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(vacancy_index_context(index=self, params=request.GET))
        return context


class VacancyFormField(AbstractFormField):
    """One question of a vacancy's application form."""

    page = ParentalKey("careers.VacancyPage", on_delete=models.CASCADE, related_name="form_fields")

    class Meta(AbstractFormField.Meta):
        verbose_name = _("application form field")
        verbose_name_plural = _("application form fields")


class VacancyPage(ApplicationFormPage):
    """A job opening with its application form; it closes by itself after its closing date."""

    department = models.CharField(_("department"), max_length=100)
    location = models.CharField(_("location"), max_length=100, help_text=_("The town or city."))
    country = models.CharField(
        _("country"),
        max_length=2,
        default="BE",
        help_text=_("Two-letter country code of the location (BE, LU, NL)."),
    )
    employment_type = models.CharField(
        _("employment type"),
        max_length=16,
        choices=EmploymentType.choices,
        default=EmploymentType.FULL_TIME,
    )
    hours = models.CharField(_("hours"), max_length=100, blank=True, help_text=_("e.g. 38 h/week"))
    summary = models.TextField(_("summary"), help_text=_("One or two sentences for the list."))
    description = RichTextField(_("description"))
    what_we_offer = RichTextField(_("what we offer"), blank=True)
    salary_range = models.CharField(
        _("salary range"),
        max_length=120,
        blank=True,
        help_text=_("e.g. €3,200 – €4,100 gross a month"),
    )
    contact_person = models.CharField(
        _("contact person"),
        max_length=200,
        blank=True,
        help_text=_("Who answers candidates' questions, e.g. An Peeters, HR adviser, 02 123 45 67"),
    )
    process_steps = models.TextField(
        _("steps of the process"),
        blank=True,
        help_text=_("One step per line, in order, e.g. first interview, case, offer."),
    )
    date_posted = models.DateField(_("posted on"), default=datetime.date.today)
    closing_date = models.DateField(
        _("closing date"),
        null=True,
        blank=True,
        help_text=_("Applications are accepted until the end of this day. Empty: until closed."),
    )
    status = models.CharField(
        _("status"),
        max_length=8,
        choices=VacancyStatus.choices,
        default=VacancyStatus.OPEN,
        help_text=_("Close a vacancy before its closing date here."),
    )

    parent_page_types = ["careers.VacancyIndexPage"]
    subpage_types: list[str] = []
    template = "careers/vacancy_page.html"

    # Title and the submissions count first, as on every form page, then the vacancy.
    content_panels = AbstractFormPage.content_panels[:2] + [
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("department"), FieldPanel("location"), FieldPanel("country")]
                ),
                FieldRowPanel([FieldPanel("employment_type"), FieldPanel("hours")]),
                FieldRowPanel(
                    [FieldPanel("date_posted"), FieldPanel("closing_date"), FieldPanel("status")]
                ),
            ],
            heading=_("Vacancy"),
        ),
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("what_we_offer"),
        MultiFieldPanel(
            [FieldPanel("salary_range"), FieldPanel("contact_person"), FieldPanel("process_steps")],
            heading=_("For candidates"),
        ),
        *AbstractFormPage.content_panels[2:],
    ]

    api_fields = [
        APIField("department"),
        APIField("location"),
        APIField("country"),
        APIField("employment_type"),
        APIField("hours"),
        APIField("summary"),
        APIField("description"),
        APIField("what_we_offer"),
        APIField("salary_range"),
        APIField("contact_person"),
        APIField("process_steps"),
        APIField("date_posted"),
        APIField("closing_date"),
        APIField("status"),
        APIField("is_open"),
        *AbstractFormPage.api_fields,
    ]

    # Dates and codes are the same in every language; wagtail-localize keeps them in step.
    override_translatable_fields = [
        SynchronizedField("country"),
        SynchronizedField("date_posted"),
        SynchronizedField("closing_date"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("description"),
        index.FilterField("department"),
        index.FilterField("location"),
    ]

    def process_step_list(self) -> list[str]:
        return [step.strip() for step in self.process_steps.splitlines() if step.strip()]

    class Meta:
        verbose_name = _("vacancy")
        verbose_name_plural = _("vacancies")

    def closes_at(self) -> datetime.datetime | None:
        """The end of the closing day in the site's time zone; None without a closing date."""
        return day_end(self.closing_date)

    def submission_end_moved(self) -> int:
        now, end = timezone.now(), self.closes_at()
        if self.status == VacancyStatus.CLOSED and (end is None or end > now):
            # Closed early: it ended now for applications still waiting for their end; an
            # end already passed stays, so publishing a closed vacancy again moves nothing.
            return retention_end_move(
                queryset=FormSubmission.objects.filter(page_id=self.pk), end=now, passed_stay=now
            )
        return super().submission_end_moved()

    @property
    def is_open(self) -> bool:
        """Whether the vacancy takes applications, in every language at once: the state is
        the source page's, as a translation's status is a copy wagtail-localize refreshes
        only on its next sync."""
        source = self.get_source_page()
        if source.status != VacancyStatus.OPEN:
            return False
        closes_at = source.closes_at()
        return closes_at is None or timezone.now() < closes_at

    def accepts_submissions(self) -> bool:
        return self.is_open

    def form_age_line(self) -> str:
        # An internship may draw students under 18; the policy says we do not ask the age.
        return str(AGE_LINE) if self.employment_type == EmploymentType.INTERN else ""

    def submission_ends_at(self) -> datetime.datetime | None:
        return self.closes_at()

    def get_vacancy(self) -> VacancyPage | None:
        return self.get_source_page()

    def get_context(self, request, *args, **kwargs):
        from ..jsonld import job_posting

        context = super().get_context(request, *args, **kwargs)
        context["json_ld"] = job_posting(page=self, request=request) if self.is_open else None
        return context


class SpontaneousApplicationFormField(AbstractFormField):
    """One question of the spontaneous application form."""

    page = ParentalKey(
        "careers.SpontaneousApplicationPage", on_delete=models.CASCADE, related_name="form_fields"
    )

    class Meta(AbstractFormField.Meta):
        verbose_name = _("application form field")
        verbose_name_plural = _("application form fields")


class SpontaneousApplicationPage(ApplicationFormPage):
    """An application without a vacancy: the same form, inbox and rules, counted from the
    submission, as there is no vacancy to close."""

    submission_has_end = False
    parent_page_types = ["careers.VacancyIndexPage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    # Wagtail names a page type's own template otherwise; the application form's serves.
    template = "careers/application_form_page.html"

    class Meta:
        verbose_name = _("spontaneous application page")
        verbose_name_plural = _("spontaneous application pages")
