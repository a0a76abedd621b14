"""Factories for the forms app: inboxes, form pages with their fields, submissions.

Tests build the smallest tree they need: ``FormPageFactory(parent=root_page)`` with
``FormFieldFactory`` rows, and an ``InboxFactory`` whose group reads the submissions.
"""

import factory
import wagtail_factories
from django.contrib.auth.models import Group
from wagtail.models import Locale

from forms.models import FieldType, FormField, FormPage, FormSubmission, Inbox
from privacy.models import RetentionStart
from tests.privacy.factories import PurposeFactory


class GroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Group
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Readers {n}")


class InboxFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Inbox

    name = factory.Sequence(lambda n: f"Inbox {n}")
    group = factory.SubFactory(GroupFactory)
    notification_address = "inbox@example.org"
    purpose = factory.SubFactory(
        PurposeFactory, retention_period=30, retention_from=RetentionStart.DECISION
    )


class FormPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = FormPage

    title = factory.Sequence(lambda n: f"Contact {n}")
    slug = factory.Sequence(lambda n: f"contact-{n}")
    inbox = factory.SubFactory(InboxFactory)
    locale = factory.LazyFunction(lambda: Locale.objects.get_or_create(language_code="nl")[0])


class FormFieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FormField

    page = factory.SubFactory(FormPageFactory)
    label = factory.Sequence(lambda n: f"Question {n}")
    field_type = FieldType.SINGLELINE
    # A purpose is never required (a consent box must be free to leave, a notice asks nothing).
    required = factory.LazyAttribute(lambda o: o.field_type != FieldType.PURPOSE)


class FormSubmissionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FormSubmission

    page = factory.SubFactory(FormPageFactory)
    translation_page = factory.SelfAttribute("page")
    form_title = factory.SelfAttribute("page.title")
    inbox = factory.SelfAttribute("page.inbox")
    locale = "nl"
    answers = factory.LazyFunction(lambda: {"name": "Jan"})
    subject_email = factory.Sequence(lambda n: f"person{n}@example.org")
