"""Factories for privacy models; other apps' tests import ``PurposeFactory`` from here."""

import factory
from wagtail.models import Locale

from privacy.models import ConsentRecord, ConsentSource, LegalBasis, Purpose, RetentionStart


class PurposeFactory(factory.django.DjangoModelFactory):
    """A purpose in the default locale (created if missing), with one saved revision."""

    class Meta:
        model = Purpose
        django_get_or_create = ("key", "locale")
        skip_postgeneration_save = True

    key = factory.Sequence(lambda n: f"purpose-{n}")
    locale = factory.LazyFunction(lambda: Locale.objects.get_or_create(language_code="nl")[0])
    name = factory.LazyAttribute(lambda o: o.key.replace("-", " ").capitalize())
    consent_text = factory.LazyAttribute(lambda o: f"Ik ga akkoord met: {o.name}.")
    description = "Waarom we deze gegevens gebruiken."
    legal_basis = LegalBasis.CONSENT
    data_categories = "Naam, e-mailadres"
    recipients = "Geen"
    retention_period = 365
    retention_from = RetentionStart.SUBMISSION

    @factory.post_generation
    def revision(obj, create, extracted, **kwargs):
        if create and obj.latest_revision is None:
            obj.save_revision(log_action=False)


class ConsentRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConsentRecord

    subject_email = factory.Sequence(lambda n: f"person{n}@example.org")
    purpose = factory.SubFactory(PurposeFactory)
    purpose_key = factory.LazyAttribute(lambda o: o.purpose.key)
    purpose_revision = factory.LazyAttribute(lambda o: o.purpose.latest_revision)
    text_shown = factory.LazyAttribute(lambda o: o.purpose.consent_text)
    locale = "nl"
    granted = True
    source = ConsentSource.FORM
