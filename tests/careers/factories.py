"""Factories for careers: the recruitment inbox, vacancy pages with their prefilled form."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.models import Locale

from careers.constants import (
    APPLICATION_PURPOSE,
    TALENT_POOL_PURPOSE,
    VACANCY_CLOSING,
    VacancyStatus,
)
from careers.models import (
    SpontaneousApplicationFormField,
    SpontaneousApplicationPage,
    VacancyFormField,
    VacancyIndexPage,
    VacancyPage,
)
from privacy.models import LegalBasis, RetentionStart
from tests.forms.factories import InboxFactory
from tests.forms.samples import pdf_bytes, upload
from tests.privacy.factories import PurposeFactory


def _nl():
    return Locale.objects.get_or_create(language_code="nl")[0]


def application_purpose(**kwargs):
    return PurposeFactory(
        key=APPLICATION_PURPOSE,
        name="Uw sollicitatie behandelen",
        consent_text="We gebruiken uw cv om uw sollicitatie te behandelen.",
        legal_basis=LegalBasis.CONTRACT,
        retention_period=183,
        retention_from=kwargs.pop("retention_from", VACANCY_CLOSING.value),
        **kwargs,
    )


def talent_pool_purpose(**kwargs):
    return PurposeFactory(
        key=TALENT_POOL_PURPOSE,
        name="Mijn cv bewaren in de talentenpool",
        consent_text="Ja, bewaar mijn cv één jaar in de talentenpool.",
        legal_basis=LegalBasis.CONSENT,
        retention_period=365,
        retention_from=RetentionStart.SUBMISSION,
        **kwargs,
    )


class RecruitmentInboxFactory(InboxFactory):
    name = "Recruitment"
    group__name = "Recruitment"
    notification_address = "hr@example.org"
    purpose = factory.LazyFunction(application_purpose)

    class Meta:
        django_get_or_create = ("name",)


class VacancyIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = VacancyIndexPage

    title = "Vacatures"
    slug = factory.Sequence(lambda n: f"careers-{n}")
    locale = factory.LazyFunction(_nl)


class _ApplicationPageFactory(wagtail_factories.PageFactory):
    inbox = factory.SubFactory(RecruitmentInboxFactory)
    locale = factory.LazyFunction(_nl)

    @factory.post_generation
    def fields(obj, create, extracted, **kwargs):
        """The prefilled application form, as a new page in the admin starts with."""
        if not create or extracted is False:
            return
        for field in type(obj).default_form_fields(language=obj.locale.language_code):
            field.page = obj
            field.locale = obj.locale
            field.save()


class VacancyPageFactory(_ApplicationPageFactory):
    class Meta:
        model = VacancyPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Adviseur {n}")
    slug = factory.Sequence(lambda n: f"vacancy-{n}")
    department = "Advies"
    location = "Brussel"
    summary = "U begeleidt bedrijven."
    description = "<p>U beantwoordt vragen van leden.</p>"
    date_posted = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=5))
    closing_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    status = VacancyStatus.OPEN


class SpontaneousApplicationPageFactory(_ApplicationPageFactory):
    class Meta:
        model = SpontaneousApplicationPage
        skip_postgeneration_save = True

    title = "Spontaan solliciteren"
    slug = factory.Sequence(lambda n: f"spontaneous-{n}")


__all__ = [
    "RecruitmentInboxFactory",
    "SpontaneousApplicationFormField",
    "SpontaneousApplicationPageFactory",
    "VacancyFormField",
    "VacancyIndexPageFactory",
    "VacancyPageFactory",
    "application_purpose",
    "talent_pool_purpose",
]


EMAIL = "an.peeters@example.org"


def application_data(**overrides):
    data = {
        "name": "An Peeters",
        "email": "An.Peeters@Example.org",
        "phone": "+32 2 123 45 67",
        "cv": upload("cv An.pdf", pdf_bytes()),
        "message": "Graag!",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
