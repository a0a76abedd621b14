"""A page type another app builds on the form base behaves like forms.FormPage.

``EventPage`` lives in a test app only (tests/forms/testapp): it has a field of its own,
its own field model, and no code in ``forms`` names it.
"""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import GroupPagePermission

from forms.models import FieldType, FormSubmission
from privacy.models import ConsentRecord
from tests.forms.factories import InboxFactory
from tests.forms.testapp.models import EventFormField, EventPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def event_page(home, answer_purpose, newsletter_purpose):
    inbox = InboxFactory(name="Event registrations", group__name="Events team")
    page = home.add_child(
        instance=EventPage(title="Netwerkavond", slug="netwerkavond", venue="Gent", inbox=inbox)
    )
    for order, options in enumerate(
        [
            {"label": "Naam", "key": "name"},
            {
                "label": "E-mail",
                "key": "email",
                "field_type": FieldType.EMAIL,
                "is_subject_email": True,
            },
            {
                "label": "Nieuwsbrief",
                "key": "consent_newsletter",
                "field_type": FieldType.PURPOSE,
                "purpose": newsletter_purpose,
                "required": False,
            },
        ]
    ):
        EventFormField.objects.create(
            page=page, sort_order=order, **{"field_type": FieldType.SINGLELINE, **options}
        )
    return page


ANSWERS = {"name": "An Claes", "email": "An.Claes@example.org", "consent_newsletter": "on"}


@pytest.fixture
def event_submission(client, event_page):
    client.post(event_page.url, ANSWERS)
    return FormSubmission.objects.get()


@pytest.fixture
def event_editor(make_user, event_page):
    """Can edit and publish the event page; reads no inbox."""
    group = Group.objects.create(name="Event editors")
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group, page=event_page, permission=Permission.objects.get(codename=codename)
        )
    return make_user("event-editor", groups=[group])


def test_subclass_page_serves_its_form(client, event_page):
    response = client.get(event_page.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="name"' in html and 'name="email"' in html and 'name="consent_newsletter"' in html
    assert "Stuur mij de nieuwsbrief." in html
    assert '<p class="venue">Gent</p>' in html


# The box records at once when its purpose is no sign-up topic (no double opt-in).
@override_settings(PRIVACY_NEWSLETTER_TOPICS=[])
def test_subclass_submission_lands_in_forms_submissions_and_redirects(client, event_page):
    response = client.post(event_page.url, ANSWERS)

    assert response.status_code == 303
    assert response["Location"] == f"{event_page.url}sent/"
    submission = FormSubmission.objects.get()
    assert submission.page_id == event_page.pk
    assert submission.inbox == event_page.inbox
    assert submission.answers == {"name": "An Claes", "email": "An.Claes@example.org"}
    assert submission.subject_email == "an.claes@example.org"
    assert ConsentRecord.objects.get(subject_email="an.claes@example.org").granted is True


def test_subclass_submission_is_kept_for_its_inbox_purpose(event_submission):
    # The inbox's purpose (factory: 30 days from the decision) counts from the submission
    # until the submission is handled.
    assert event_submission.retain_until == event_submission.submitted_at + timedelta(days=30)


def test_subclass_is_missing_from_the_stock_forms_listing(client, event_submission, event_editor):
    client.force_login(event_editor)

    listing = client.get(reverse("wagtailforms:index"))

    assert listing.status_code == 200
    assert "Netwerkavond" not in listing.content.decode()


@pytest.mark.parametrize("export", [None, "csv", "xlsx"])
def test_stock_submissions_views_refuse_the_subclass(
    client, event_page, event_submission, event_editor, export
):
    client.force_login(event_editor)
    params = {"export": export} if export else {}

    response = client.get(reverse("wagtailforms:list_submissions", args=[event_page.pk]), params)

    assert response.status_code in (302, 404)
    if response.status_code == 302:
        assert response["Location"] == reverse("wagtailadmin_home")
    assert b"An Claes" not in response.content
    assert b"an.claes@example.org" not in response.content


def test_stock_delete_view_leaves_the_submission(
    client, event_page, event_submission, event_editor
):
    client.force_login(event_editor)
    url = reverse("wagtailforms:delete_submissions", args=[event_page.pk])
    selected = {"selected-submissions": [event_submission.pk]}

    confirm = client.get(url, selected)
    delete = client.post(f"{url}?selected-submissions={event_submission.pk}")

    assert confirm.status_code in (302, 404) and b"An Claes" not in confirm.content
    assert delete.status_code in (302, 404)
    assert FormSubmission.objects.filter(pk=event_submission.pk).exists()


def test_even_a_superuser_gets_no_stock_submissions_of_the_subclass(
    client, admin_user, event_page, event_submission
):
    client.force_login(admin_user)

    response = client.get(reverse("wagtailforms:list_submissions", args=[event_page.pk]))

    assert "Netwerkavond" not in client.get(reverse("wagtailforms:index")).content.decode()
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert b"An Claes" not in response.content


def test_wagtails_submission_override_points_answer_with_the_pages_submissions(
    event_page, event_submission, contact_page, client, valid_data
):
    client.post(contact_page.url, valid_data)

    assert event_page.get_submission_class() is FormSubmission
    assert list(event_page.get_submissions()) == [event_submission]
    assert not EventPage(title="Unsaved").get_submissions().exists()


def _total_label() -> str:
    # The admin speaks the site's language to users who chose none.
    with translation.override("nl"):
        return gettext("Total submissions")


def _editor(client, user, page) -> str:
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_editor_shows_inbox_readers_the_count_and_a_link_into_the_inbox(
    client, make_user, event_page, event_submission, event_editor
):
    reader = make_user("events-team", groups=[*event_editor.groups.all(), event_page.inbox.group])
    client.post(event_page.url, {**ANSWERS, "email": "bo@example.org"})

    html = _editor(client, reader, event_page)

    inbox_url = reverse("forms_inboxes:submissions", args=[event_page.inbox.pk])
    assert f'href="{inbox_url}?form={event_page.pk}"' in html
    assert re.search(rf"{_total_label()}</span>\s*2\b", html)
    assert "Event registrations" in html
    listing = client.get(f"{inbox_url}?form={event_page.pk}")
    assert listing.status_code == 200
    assert "an.claes@example.org" in listing.content.decode()


def test_the_editor_tells_a_page_editor_who_reads_no_inbox_nothing_of_the_submissions(
    client, event_page, event_submission, event_editor
):
    html = _editor(client, event_editor, event_page)

    assert _total_label() not in html
    assert reverse("forms_inboxes:submissions", args=[event_page.inbox.pk]) not in html
    assert reverse("wagtailforms:list_submissions", args=[event_page.pk]) not in html


def test_editor_of_the_subclass_reads_no_submission_in_the_inboxes(
    client, event_submission, event_editor
):
    client.force_login(event_editor)

    detail = client.get(reverse("forms_inboxes:submission", args=[event_submission.pk]))

    assert detail.status_code == 302
    assert detail["Location"] == reverse("wagtailadmin_home")
    assert b"An Claes" not in detail.content


def test_inbox_reader_reads_the_subclass_submission(client, make_user, event_submission):
    reader = make_user("events-team", groups=[event_submission.inbox.group])
    client.force_login(reader)

    detail = client.get(reverse("forms_inboxes:submission", args=[event_submission.pk]))

    assert detail.status_code == 200
    assert "An Claes" in detail.content.decode()
