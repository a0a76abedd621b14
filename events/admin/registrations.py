"""One registration for the organisers: open it, cancel it on the person's behalf, move
someone up from the waiting list, and take a registration down for someone by phone.

Every view sits under its event's URL and is refused to non-organisers before anything is
looked up (:class:`~events.admin.listing.EventScopedMixin`); a registration of another event
is a 404. The services decide (the event's lock, the mails); these views ask, confirm and
report.
"""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from forms.views.records import OnBehalfFormView, RecordActionView, SubmissionInspectView
from privacy.permissions import CHANGE

from .. import services
from ..models import Registration, RegistrationNeeds
from ..selectors import event_counts, waiting_position
from .listing import EventScopedMixin


class RegistrationScopedMixin(EventScopedMixin):
    """The registration of the URL, among the event's own (404 otherwise)."""

    @cached_property
    def registration(self) -> Registration:
        queryset = Registration.objects.select_related("submission", "event")
        return get_object_or_404(queryset, pk=self.kwargs["pk"], event=self.event)

    @property
    def person(self) -> str:
        names = (self.registration.answer("first_name"), self.registration.answer("last_name"))
        return (
            " ".join(name for name in names if name) or self.registration.submission.subject_email
        )


class RegistrationDetailView(RegistrationScopedMixin, SubmissionInspectView):
    """The answers (needs included), purposes and files, with the seat, the choices and what
    the organiser can do next."""

    model = Registration
    template_name = "events/admin/registration_detail.html"

    def get_object(self, queryset=None):
        # Wagtail asks in ``setup``, before the organiser and the event are checked: the
        # registration is found once they are (``get_context_data``).
        return None

    def get_page_title(self):
        return self.person

    def get_page_subtitle(self):
        return self.event.localized.title

    @property
    def event_crumbs(self):
        return [{"url": "", "label": self.person}]

    def get_context_data(self, **kwargs):
        self.object = registration = self.registration
        running = not self.event.is_past()
        return super().get_context_data(
            registration=registration,
            position=waiting_position(registration=registration),
            can_cancel=running and not registration.is_cancelled,
            can_move_up=running and registration.is_waiting,
            # Kept apart from the answers (GDPR art. 9), and shown to the organisers here.
            needs=RegistrationNeeds.objects.filter(registration=registration)
            .values_list("text", flat=True)
            .first(),
            **kwargs,
        )


class RegistrationActionView(RegistrationScopedMixin, RecordActionView):
    """Asks first (GET), acts on the button (POST), then back to the registration; refused
    (nothing changed) once the event has ended."""

    any_permission_required = [CHANGE]
    template_name = "events/admin/registration_confirm.html"
    refusals = (services.RegistrationChangeRefused,)
    question = ""
    consequence = ""

    def get_record(self):
        return self.registration

    def get_page_title(self):
        return self.question

    def get_page_subtitle(self):
        return self.person

    def get_consequence(self):
        return self.consequence % {"name": self.person, "title": self.event.localized.title}

    @property
    def event_crumbs(self):
        return [
            {"url": self.registration.admin_url(), "label": self.person},
            {"url": "", "label": self.button},
        ]


class RegistrationCancelView(RegistrationActionView):
    question = gettext_lazy("Cancel this registration?")
    consequence = gettext_lazy(
        "%(name)s no longer has a place at “%(title)s” and gets an e-mail saying that we "
        "cancelled it as they asked. A seat that comes free goes to the first person waiting, "
        "who is told."
    )
    button = gettext_lazy("Cancel the registration")

    def act(self):
        services.registration_cancel(registration=self.registration, on_behalf=True)
        return _("The registration of %(name)s is cancelled.") % {"name": self.person}


class RegistrationMoveUpView(RegistrationActionView):
    question = gettext_lazy("Move up from the waiting list?")
    consequence = gettext_lazy(
        "%(name)s gets a seat at “%(title)s” now, before anyone ahead of them and even when the "
        "event is full, and an e-mail with the calendar file."
    )
    button = gettext_lazy("Confirm a seat")

    def get_context_data(self, **kwargs):
        return super().get_context_data(counts=event_counts(event=self.event), **kwargs)

    def act(self):
        services.registration_move_up(registration=self.registration)
        return _("%(name)s has a seat now.") % {"name": self.person}


class RegistrationTakeView(EventScopedMixin, OnBehalfFormView):
    """The event's own registration form, in the person's language, for a registration taken
    by phone: same questions and checks, no consent boxes (the person gives those through the
    link in their confirmation)."""

    any_permission_required = [CHANGE]
    template_name = "events/admin/registration_take.html"
    page_title = gettext_lazy("Add a registration")
    refusals = (services.RegistrationChangeRefused,)
    event_crumbs = [{"url": "", "label": gettext_lazy("Add a registration")}]

    def get_form_page(self):
        return self.event

    def store(self, form):
        registration = services.registration_take(page=self.page, form=form)
        return registration, _(
            "The registration is stored (%(status)s); the confirmation is on its way."
        ) % {"status": registration.get_status_display()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(counts=event_counts(event=self.event), **kwargs)
