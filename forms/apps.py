from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class FormsConfig(AppConfig):
    """Editor-built forms with purpose consents, private uploads and group-only inboxes."""

    name = "forms"
    label = "forms"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Field lists and inboxes are cached per page (forms.cache); any edit of what they
        # are made of, in any app's field model, retires the cached copies.
        from wagtail.models import Locale, PageViewRestriction

        from privacy.models import Purpose

        from . import checks  # noqa: F401  (registers the deploy check)
        from .cache import definitions_changed
        from .models import AbstractFormField, Inbox

        # Whether any page is private is cached too (forms.selectors.view_restrictions_exist).
        senders = [Inbox, Purpose, Locale, PageViewRestriction] + [
            model for model in self.apps.get_models() if issubclass(model, AbstractFormField)
        ]
        for sender in senders:
            for signal in (post_save, post_delete):
                signal.connect(
                    definitions_changed,
                    sender=sender,
                    dispatch_uid=f"forms.definitions_changed.{sender._meta.label}",
                )
        # What "the end" of each form page type's submissions means, for the purposes.
        from privacy.vocabulary import retention_end_register

        from .models import AbstractFormPage

        for model in self.apps.get_models():
            if issubclass(model, AbstractFormPage) and model.submission_end is not None:
                retention_end_register(model.submission_end)

        from wagtail.signals import page_published

        from .receivers import form_page_published

        page_published.connect(form_page_published, dispatch_uid="forms.form_page_published")

        from privacy.signals import consent_withdrawn

        from .receivers import consent_bound_withdrawn

        consent_withdrawn.connect(consent_bound_withdrawn, dispatch_uid="forms.consent_bound")

        # An access answer lists who downloaded the person's files.
        from privacy.accesses import access_source_register

        from .selectors import file_downloads_of

        access_source_register(file_downloads_of)

        # Rows that follow a submission (an application, HR's notes on it) go by cascade
        # with it, and rows kept under a consent when it is withdrawn, outside the privacy
        # core that clears the traces of what it deletes itself: the admin's log entries of
        # them, whose labels may name the person, go too.
        from privacy.services.traces import log_entries_forget_on_delete

        from .models import ConsentBound

        log_entries_forget_on_delete(
            *[
                model
                for model in self.apps.get_models()
                if getattr(getattr(model, "PersonalData", None), "_follows", None)
                or issubclass(model, ConsentBound)
            ]
        )
