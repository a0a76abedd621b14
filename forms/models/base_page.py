"""The abstract form page other apps subclass: one submission flow for every form page.

A concrete page type extends :class:`AbstractFormPage` and pairs it with its own field model
(see :mod:`forms.models.base_field`)::

    class VacancyPage(AbstractFormPage):
        location = models.CharField(max_length=100)
        content_panels = AbstractFormPage.content_panels + [FieldPanel("location")]

Its submissions land in :class:`forms.models.FormSubmission` and its inbox, and it stays out of
Wagtail's stock "Forms" listing, submissions, delete and export views like every subclass.
"""

from __future__ import annotations

from datetime import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.forms.models import AbstractForm
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import RichTextField
from wagtail.models import Locale

from privacy.registry import Retention
from privacy.vocabulary import RetentionEnd

from ..admin_forms import FormPageAdminForm
from ..builder import FormBuilder
from ..cache import cached, form_class
from ..constants import CHOICE_TYPES, FieldType, default_language
from ..panels import SubmissionsPanel
from ..services import SubmissionInput, SubmissionRefused, submission_create, submission_notify
from .page_serving import FormPageServing


class AbstractFormPage(FormPageServing, RoutablePageMixin, AbstractForm):
    """A form editors build in the admin; its submissions go to an :class:`~forms.models.Inbox`.

    Built on Wagtail's ``AbstractForm`` and its flow ``serve`` -> ``get_form`` ->
    ``process_form_submission`` -> ``render_landing_page``. Override points for subclasses:

    - ``get_form_class`` / ``form_builder``: the Django form (stable keys, page locale, captcha);
    - ``submission_input``: what is stored from a valid form (add answers of your own here);
    - ``accepts_submissions``: False while the form is closed (the page says so, HTML and
      API refuse with 409);
    - ``submission_ends_at``: the end of what submissions are for, which retention may count
      from;
    - ``submission_store``: stores a valid form (page and API both call it) through
      :func:`forms.services.submission_create`, which calls ``submission_created`` inside its
      transaction so a subclass's own rows are kept with the submission or not at all; either
      may refuse with :class:`forms.services.SubmissionRefused`, or withhold it with
      :class:`forms.services.SubmissionWithheld` (answered as if stored);
    - ``submission_refused``: acts on a refusal from ``submission_created`` once it is rolled
      back;
    - ``submission_notify``: tells the readers after the commit;
    - ``render_landing_page``: answers a stored submission with a 303 to the thank-you URL
      (``get_landing_url``: ``<page url>sent/``), so refreshing never submits twice;
      ``serve_landing_page`` renders that URL.

    Sub-routes (``sent/``, and a subclass's own, such as an event's ``calendar/``) are
    ``RoutablePageMixin`` routes. Answers never go into Wagtail's own ``FormSubmission``
    table: ``get_submissions`` reads this app's, Wagtail's stock submission views refuse
    these pages, and only the inbox's group reads them.
    """

    intro = RichTextField(_("introduction"), blank=True)
    thank_you_text = RichTextField(_("thank-you text"), blank=True)
    inbox = models.ForeignKey(
        "forms.Inbox",
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("inbox"),
        help_text=_("Where submissions go; its group alone can read them."),
    )

    form_builder = FormBuilder
    base_form_class = FormPageAdminForm
    template = "forms/form_page.html"
    landing_page_template = "forms/form_page_landing.html"

    content_panels = AbstractForm.content_panels + [
        SubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel([FieldPanel("inbox")], heading=_("Submissions")),
    ]

    # The form as a headless front end shows it; the inbox and its addresses stay private.
    api_fields = [
        APIField("intro"),
        APIField("thank_you_text"),
        APIField("form_fields"),
    ]

    class Meta:
        abstract = True

    # --- The form ---------------------------------------------------------------------------

    # Keys of the questions the page type asks itself, whatever the page's values: an
    # editor's question may not take them.
    fixed_form_keys: frozenset[str] = frozenset()
    # Keys of answers the page type stores itself, in rows of its own with their own
    # retention and readers (an event's dietary needs): never among the submission's
    # answers, so the inbox, its search and its exports never hold them.
    answers_kept_apart: frozenset[str] = frozenset()

    @classmethod
    def default_inbox(cls):
        """The inbox a new page of this type starts with, so the editor need not look for it
        (an override point; none here)."""
        return None

    @classmethod
    def default_form_fields(cls, *, language: str | None = None) -> list:
        """The questions a new page of this type starts with, as unsaved rows of its field
        model with labels in ``language``, for the editor to change (an application form's
        CV; an override point, none here)."""
        return []

    @classmethod
    def form_fields_new(cls, specs, *, purposes=()) -> list:
        """Unsaved rows of the page type's field model, in order, for
        :meth:`default_form_fields`: ``specs`` are ``(key, label, options)``, optional unless
        the options say so; then a purpose field per ``(key, purpose key)`` of ``purposes``,
        labelled with the purpose's name. The purposes are the default language's, as every
        field's purpose is (translations synchronise it); one missing from the site is left out.
        """
        from privacy.models import Purpose

        rows, source = list(specs), Purpose.objects.filter(locale__language_code=default_language())
        for key, purpose_key in purposes:
            if purpose := source.filter(key=purpose_key).first():
                options = {"field_type": FieldType.PURPOSE, "purpose": purpose}
                rows.append((key, purpose.name, options))
        field_model = cls.form_fields.rel.related_model
        return [
            field_model(sort_order=order, key=key, label=label, **{"required": False, **options})
            for order, (key, label, options) in enumerate(rows)
        ]

    def fixed_form_fields(self) -> tuple[list, list]:
        """The questions the page type asks itself, before and after the editor's, as
        unsaved fields (:meth:`AbstractFormField.fixed`) built from the page's values: the
        HTML form, the API and the editing form's rules all see them."""
        return [], []

    def get_form_fields(self):
        """The page type's own questions around the editor's (see :meth:`fixed_form_fields`);
        an editor's question that takes one of their keys is left out."""
        before, after = self.fixed_form_fields()
        editors = self.editor_form_fields()
        if self.fixed_form_keys:
            editors = [field for field in editors if field.form_key not in self.fixed_form_keys]
        return [*before, *editors, *after]

    def editor_form_fields(self):
        """The editor's fields with their purposes, locale and source-language choices.

        Read from the shared cache between edits (see :mod:`forms.cache`); a page whose
        fields are held in memory (a preview, a revision) reads its own.
        """
        if self._form_fields_in_memory():
            fields = list(self._form_fields_queryset())
            self.attach_source_choices(fields)
            return fields
        return cached(f"fields:{self._meta.label_lower}:{self.pk}", self._form_fields_load)

    def _form_fields_in_memory(self) -> bool:
        # An unsaved page, a preview or a revision holds its fields in memory (modelcluster);
        # only the stored page's fields may come from, or go to, the cache.
        return self.pk is None or "form_fields" in getattr(self, "_cluster_related_objects", {})

    def _form_fields_queryset(self):
        # Each field's locale is the page's (fields are translated with it): loading it here
        # lets ``get_form_class`` give the page its locale without a query of its own.
        return self.form_fields.select_related("purpose", "locale").all()

    def _form_fields_load(self) -> list:
        fields = list(self._form_fields_queryset())
        self.attach_source_choices(fields)
        return fields

    def get_form_class(self):
        if self._form_fields_in_memory():
            return self._form_class_build()
        # Built once per process and edit: the class depends on the fields, their purposes
        # and the page's locale only, all covered by the definitions' version.
        key = (self._meta.label_lower, self.pk, self.locale_id)
        if not self._meta.get_field("locale").is_cached(self):
            # Storing the submission reads the page's locale: take it from the editor's
            # fields, which load it (the page type's own carry its id alone).
            self._adopt_locale_from(self.editor_form_fields())
        return form_class(key, self._form_class_build)

    def _form_class_build(self):
        fields = self.get_form_fields()
        self._adopt_locale_from(fields)
        form_class = self.form_builder(fields, locale=self.locale).get_form_class()
        form_class.notice_has_end = self.submission_has_end
        return form_class

    def attach_source_choices(self, fields) -> None:
        """Give each choice field the source language's choices, in one query for the form."""
        pending = {
            field.translation_key: field
            for field in fields
            if field.field_type in CHOICE_TYPES and field._source_choices is None
        }
        if not pending:
            return
        if self.locale.language_code == default_language():
            for field in pending.values():
                field._source_choices = field.choices
            return
        field_model = type(next(iter(pending.values())))
        sources = dict(
            field_model._default_manager.filter(
                translation_key__in=pending, locale__language_code=default_language()
            ).values_list("translation_key", "choices")
        )
        for key, field in pending.items():
            field._source_choices = sources.get(key, field.choices)

    def _adopt_locale_from(self, fields) -> None:
        """Take the page's locale from a field that loaded the very same row, if one did."""
        locale_field = self._meta.get_field("locale")
        if locale_field.is_cached(self):
            return
        for field in fields:
            if field.locale_id == self.locale_id and field._meta.get_field("locale").is_cached(
                field
            ):
                self.locale = field.locale
                return

    # --- Where submissions go ---------------------------------------------------------------

    @property
    def language_code(self) -> str:
        """The page's language, read from the shared cache rather than its locale's row."""
        return _locale_code(self.locale_id) or self.locale.language_code

    def get_source_page(self) -> AbstractFormPage:
        """The page every translation's submissions are filed under.

        The translation in the default locale when there is one, else the oldest: stable
        whichever translation the visitor used. A page in the default locale is its own
        source, which spares most submissions the lookup.
        """
        default_code = default_language()
        if self.language_code == default_code:
            return self
        translations = list(
            type(self)
            ._default_manager.filter(translation_key=self.translation_key)
            .select_related("locale", "inbox__purpose")
            .order_by("pk")
        )
        for candidate in translations:
            if candidate.locale.language_code == default_code:
                return candidate
        return translations[0] if translations else self

    def accepts_submissions(self) -> bool:
        """Whether the form takes submissions now; a page that stops (a closed vacancy)
        says so on the page, and the HTML form and the API refuse what is sent to it."""
        return True

    def submission_created(self, *, submission, data: SubmissionInput) -> None:
        """Called by :func:`forms.services.submission_create` inside its transaction, after
        the submission, its files and consents are stored: a subclass stores what it adds
        here, so both are kept or neither is."""

    def submission_refused(self, *, refusal: SubmissionRefused) -> None:
        """Called by :func:`forms.services.submission_create` after a refusal raised in
        ``submission_created`` was rolled back, before the sender is told: a page acts on
        what stays stored here (an event sends an existing registration's confirmation
        again)."""

    def submission_notify(self, *, submission) -> None:
        """Tell whoever reads the submissions, after the commit; by default the inbox's
        notification address (:func:`forms.services.submission_notify`)."""
        submission_notify(submission=submission)

    def submission_input(self, form) -> SubmissionInput:
        """What a valid form sends to :func:`forms.services.submission_create`.

        Subclasses that store more than the form's answers extend the result with
        :func:`dataclasses.replace`.
        """
        return SubmissionInput.from_form(page=self, form=form)

    def form_age_line(self) -> str:
        """The line a form meant for adults shows, and the API states, above its notices:
        :data:`forms.constants.AGE_LINE` for an internship or an event; empty otherwise."""
        return ""

    # The answer keys (file fields included) a further purpose its submissions are kept for
    # keeps once their own purpose's period has ended (the talent pool keeps the CV and
    # contact details); None keeps them whole until their end.
    submission_keeps: frozenset[str] | None = None

    # False for a page type whose submissions never serve something that ends (a
    # spontaneous application has no vacancy to close): a purpose counting from an end
    # counts from the submission there, and the page's notices, API and mails say so.
    submission_has_end = True

    # What :meth:`submission_ends_at` is, in the words of the notices and the register (the
    # vacancy's closing, the event's end): the forms app registers each page type's end with
    # the privacy core, so a purpose may count its retention from it.
    submission_end: RetentionEnd | None = None

    def submission_ends_at(self) -> datetime | None:
        """When what a submission of this page is for ends (an event, a vacancy's closing).

        Stored on each submission; a purpose whose retention counts from the end counts from
        it (from the submission when None). When the page is published with another end,
        :meth:`submission_end_moved` moves its stored submissions' end.
        """
        return None

    # Related names of the page's own rows that copy its end into ``ends_at`` and count
    # their retention from it (an event's speakers' links and photo consents): they move
    # with the submissions.
    submission_end_followers: tuple[str, ...] = ()

    def submission_end_moved(self) -> int:
        """The page (in its source language) was published: its stored submissions, and the
        rows of :attr:`submission_end_followers`, count from its end as it is now, through
        :func:`privacy.services.retention_end_move`. Called by :meth:`source_published`; a
        subclass whose end moves otherwise (a vacancy closed early) extends it."""
        from privacy.services import retention_end_move

        from .submissions import FormSubmission

        end = self.submission_ends_at()
        querysets = [FormSubmission.objects.filter(page_id=self.pk)] + [
            getattr(self, name).all() for name in self.submission_end_followers
        ]
        return sum(retention_end_move(queryset=queryset, end=end) for queryset in querysets)

    def source_published(self) -> None:
        """The page was published in its source language, as
        :func:`forms.receivers.form_page_published` tells it: what was sent to it follows
        its end as it is now (:meth:`submission_end_moved`). A subclass acts here on its
        other changes too, in the one receiver (an event's larger capacity moves people up
        from its waiting list)."""
        self.submission_end_moved()

    @classmethod
    def submission_retention(cls, retention: Retention) -> Retention:
        """How long this page type's submissions are kept: ``retention`` are the rules so
        far (see :func:`forms.models.submissions.submission_retention`). A page type that
        stores rows of its own with each submission, deciding about it (an outcome, a
        further consent purpose), returns them with its lookup paths from the submission
        (``dataclasses.replace``): the privacy core then computes the submission's one
        date, which its own rows, files and answers follow."""
        return retention

    def api_submission_id(self, submission) -> int | None:
        """The id the API answers a stored submission with; None for a page type whose
        answer must be the same whether or not anything was stored
        (:class:`~forms.services.SubmissionWithheld`): a fresh id would tell the two apart."""
        return submission.pk

    def submission_store(self, form):
        """Store a valid form's submission and return it: the one way in for the HTML page
        and the API alike. A subclass may refuse here, before anything is stored, with
        :class:`forms.services.SubmissionRefused`."""
        return submission_create(data=self.submission_input(form))


def _locale_code(locale_id: int) -> str:
    """A locale's language code from the shared cache, which a locale's edit retires."""
    codes = cached("locales", lambda: dict(Locale.objects.values_list("pk", "language_code")))
    return codes.get(locale_id, "")


def form_page_models() -> list[type[AbstractFormPage]]:
    """Every concrete page model built on :class:`AbstractFormPage`."""
    from wagtail.models import get_page_models

    return [model for model in get_page_models() if issubclass(model, AbstractFormPage)]
