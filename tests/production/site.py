"""Builds what the two-instance test uses, in the stack's own database on the production
settings: ``manage.py shell -c "from tests.production.site import build; build()"``.

A contact page with a consent box, a vacancy of the recruitment inbox, an editor allowed to
edit purposes (outside the second-factor groups, so the test signs in with a password) and a
recruiter whose session has passed the second factor. Prints the ids the test needs as JSON.
"""

import json

EDITOR = "purpose-editor"
PASSWORD = "two-instances-password"  # noqa: S105 (a test account's)


def build() -> None:
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.models import Permission
    from django_otp import DEVICE_ID_SESSION_KEY
    from wagtail.models import Locale, Page, Site

    from careers.constants import ApplicationStatus
    from forms.models import FieldType
    from privacy.models import LegalBasis, OutcomeRetention
    from tests.careers.factories import (
        RecruitmentInboxFactory,
        VacancyIndexPageFactory,
        VacancyPageFactory,
        application_purpose,
        talent_pool_purpose,
    )
    from tests.forms.factories import FormFieldFactory, FormPageFactory, InboxFactory
    from tests.privacy.factories import PurposeFactory
    from tests.twofactor import totp_device
    from tests.users import make_user

    for code in ("nl", "fr", "en"):
        Locale.objects.get_or_create(language_code=code)
    home = Page.get_first_root_node().add_child(instance=Page(title="Home", slug="home-two"))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
    )
    newsletter = PurposeFactory(
        key="newsletter",
        consent_text="Stuur mij de nieuwsbrief.",
        legal_basis=LegalBasis.CONSENT,
    )
    newsletter.save_revision()
    answer = PurposeFactory(
        key="answer-request",
        consent_text="We gebruiken uw gegevens om uw vraag te beantwoorden.",
        legal_basis=LegalBasis.LEGITIMATE_INTEREST,
    )
    inbox = InboxFactory(name="Contact", group__name="Secretariat")
    contact = FormPageFactory(parent=home, title="Contact", slug="contact", inbox=inbox)
    fields = [
        {"label": "Naam", "key": "name"},
        {"label": "E-mail", "key": "email", "field_type": FieldType.EMAIL, "is_subject_email": True},
        {"label": "Vraag", "key": "question", "field_type": FieldType.MULTILINE},
        {"label": "Antwoord", "key": "answer", "field_type": FieldType.PURPOSE, "purpose": answer},
        {"label": "Nieuwsbrief", "key": "newsletter", "field_type": FieldType.PURPOSE,
         "purpose": newsletter, "required": False},
    ]  # fmt: skip
    for order, options in enumerate(fields):
        FormFieldFactory(page=contact, sort_order=order, **options)

    job, _pool = application_purpose(), talent_pool_purpose()
    for outcome, days in ((ApplicationStatus.REJECTED, 28), (ApplicationStatus.HIRED, 30)):
        OutcomeRetention.objects.get_or_create(
            purpose_key=job.key, outcome=outcome, defaults={"retention_period": days}
        )
    recruitment = RecruitmentInboxFactory(purpose=job)
    careers = VacancyIndexPageFactory(parent=home, slug="careers")
    vacancy = VacancyPageFactory(
        parent=careers, title="Adviseur", slug="adviser", inbox=recruitment
    )

    editor = make_user(EDITOR)
    editor.set_password(PASSWORD)
    editor.save()
    editor.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="privacy", codename__in=["change_purpose", "view_purpose"]
        )
    )
    recruiter = make_user("recruiter", groups=[recruitment.group])
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(recruiter.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = recruiter.get_session_auth_hash()
    store[DEVICE_ID_SESSION_KEY] = totp_device(recruiter).persistent_id
    store.create()
    print(
        json.dumps(
            {
                "contact": contact.pk,
                "vacancy": vacancy.pk,
                "newsletter": newsletter.pk,
                "answer": answer.pk,
                "recruiter_session": store.session_key,
            }
        )
    )
