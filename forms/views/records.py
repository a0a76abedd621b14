"""The admin page of one submission, in the inbox or in an app's own area.

A page type that keeps a row with each submission (careers' application) shows that row in
its own admin area, to its own readers, with the submission's answers, purposes and files as
the inbox shows them: its view subclasses :class:`SubmissionInspectView`, names the
submission and where its files open, and its template extends
``forms/admin/submission_detail.html``, filling the blocks that page leaves open. What its
readers do to the record (cancel it on the person's behalf, move it on) is a
:class:`RecordActionView`; a submission they take down for someone (by phone, at the desk)
goes through an :class:`OnBehalfFormView`. A button on the record's page (undo a step, add
a note) is a :class:`RecordButtonView`; notes have theirs, :class:`RecordNoteAddView`.
"""

from __future__ import annotations

from dataclasses import replace

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .. import selectors
from ..builder import form_on_behalf
from ..models import FormSubmission, SubmissionFile


class SubmissionInspectView(generic.InspectView):
    """Answers labelled in the reader's language, purposes as chosen, files with their
    (logged) download links; the object's own facts come from the template."""

    template_name = "forms/admin/submission_detail.html"

    def get_submission(self) -> FormSubmission:
        # A record kept next to its submission (an application, a registration) shows it.
        if isinstance(self.object, FormSubmission):
            return self.object
        return self.object.submission

    def get_file_url(self, attachment: SubmissionFile) -> str:
        # The inbox's logged download; an area with readers of its own names its own.
        return reverse("forms_inboxes:download", args=[attachment.pk])

    def get_fields(self):
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        submission = self.get_submission()
        attachments = selectors.submission_files_for_reader(submission, url=self.get_file_url)
        # A file's answer is its name: it opens the file, through the same logged download.
        urls = {attachment.field_key: attachment.download_url for attachment in attachments}
        context.update(
            submission=submission,
            answers=[
                replace(answer, url=urls.get(answer.key, ""))
                for answer in selectors.submission_answers_for_reader(submission)
            ],
            consents=selectors.submission_consents(submission),
            attachments=attachments,
        )
        return context


class RecordActionView(WagtailAdminTemplateMixin, FormView):
    """A reader's action on one submission record (a registration cancelled on the person's
    behalf): GET asks, saying what will happen, and only the button (POST) acts; then back
    to the record's page (``record.admin_url()``).

    Subclasses find the record (:meth:`get_record`) and act (:meth:`act`: call the service,
    return what happened, shown as a success message). A refusal it raises
    (``ValidationError``, or one of ``refusals``) is shown above the button, and nothing
    changes. ``form_class`` adds fields to fill in first; by default there are none.
    """

    form_class = forms.Form
    template_name = "forms/admin/record_action.html"
    refusals: tuple[type[Exception], ...] = ()
    button = ""

    @cached_property
    def record(self):
        return self.get_record()

    def get_record(self):
        raise NotImplementedError

    def get_consequence(self) -> str:
        return ""

    def act(self, **cleaned_data) -> str:
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            record=self.record,
            consequence=self.get_consequence(),
            button=self.button,
            back_url=self.record.admin_url(),
            **kwargs,
        )

    def form_valid(self, form):
        return _done_or_refused(self, form, lambda: (self.record, self.act(**form.cleaned_data)))


class RecordButtonView(RecordActionView):
    """A button on the record's page (POST only), such as undoing a step: no page of its
    own, so a refusal is an error message back on the record's page, and nothing changes."""

    http_method_names = ["post"]
    #: The message for a form that is not valid and names no reason of its own.
    refused = ""

    def form_invalid(self, form):
        messages.error(self.request, " ".join(form.non_field_errors()) or self.refused)
        return redirect(self.record.admin_url())


class RecordNoteForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Note"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )


class RecordNoteAddView(RecordButtonView):
    """Adds a reader's note to the record (:class:`forms.models.RecordNote`); an empty one
    is refused with a message and stores nothing. Subclasses store it through their app's
    service (:meth:`note_add`), which decides who may."""

    form_class = RecordNoteForm
    refused = gettext_lazy("A note cannot be empty.")

    def note_add(self, *, text: str) -> None:
        raise NotImplementedError

    def act(self, *, text) -> str:
        self.note_add(text=text)
        return _("Note added.")


def _done_or_refused(view, form, action):
    """Run ``action`` (returning the record and what happened): on to the record's page with
    that as a success message, or, for a refusal (``ValidationError`` or one of the view's
    ``refusals``), the form again with the reason above the button, nothing changed."""
    try:
        record, message = action()
    except (ValidationError, *view.refusals) as refusal:
        form.add_error(None, refusal if isinstance(refusal, ValidationError) else str(refusal))
        return view.form_invalid(form)
    messages.success(view.request, message)
    return redirect(record.admin_url())


class OnBehalfFormView(WagtailAdminTemplateMixin, FormView):
    """A form page's own form, filled in by a reader for someone (by phone, at the desk):
    the same questions and checks, without consent boxes
    (:func:`forms.builder.form_on_behalf`), in the person's language.

    ``?language=`` picks the published translation the submission (and its e-mails) will
    be in; by default the reader's own language where the page is published in it.
    Subclasses name the source page (:meth:`get_form_page`) and store the valid form
    (:meth:`store`); a refusal it raises is shown as :class:`RecordActionView` shows one.
    """

    refusals: tuple[type[Exception], ...] = ()

    def store(self, form) -> tuple:
        """Store the valid form; return the record and what happened, for the reader."""
        raise NotImplementedError

    def form_valid(self, form):
        return _done_or_refused(self, form, lambda: self.store(form))

    def get_form_page(self):
        raise NotImplementedError

    @cached_property
    def languages(self) -> list[tuple[str, str, str]]:
        """(code, name, URL) of each language the page is published in."""
        source, names = self.get_form_page(), dict(settings.LANGUAGES)
        pages = source.get_translations(inclusive=True).live().select_related("locale")
        codes = sorted({page.locale.language_code for page in pages} | {source.language_code})
        return [
            (code, names.get(code, code), f"{self.request.path}?language={code}") for code in codes
        ]

    @cached_property
    def page(self):
        code = self.request.GET.get("language") or get_language()
        return selectors.page_in_language(self.get_form_page(), code)

    def get_form(self, form_class=None):
        return form_on_behalf(
            self.page, self.request.POST if self.request.method == "POST" else None
        )

    def get_page_subtitle(self):
        return self.page.title

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page=self.page,
            language=self.page.language_code,
            languages=self.languages,
            **kwargs,
        )
