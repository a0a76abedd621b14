"""Submitting a form through the HTML page: what is stored, recorded, sent and refused."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.files.storage import FileSystemStorage
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale

from forms import services
from forms.models import FormSubmission, SubmissionFile
from privacy.models import ConsentRecord, RetentionStart
from tests.forms.factories import InboxFactory
from tests.forms.samples import pdf_bytes, upload
from tests.privacy.factories import PurposeFactory
from tests.privacy.mail import assert_no_preference_link, html_part

pytestmark = pytest.mark.django_db


def test_valid_submission_is_stored_with_answers_by_key_and_normalised_email(
    client, contact_page, valid_data
):
    response = client.post(contact_page.url, valid_data)

    assert response.status_code == 303
    submission = FormSubmission.objects.get()
    assert submission.page_id == contact_page.pk
    assert submission.inbox == contact_page.inbox
    assert submission.locale == "nl"
    assert submission.subject_email == "jan.peeters@example.org"
    assert submission.answers["name"] == "Jan Peeters"
    assert submission.answers["question"] == valid_data["question"]
    assert "consent_answer" not in submission.answers


def test_stored_submission_redirects_to_the_thank_you_url_without_rendering(
    client, contact_page, valid_data
):
    response = client.post(contact_page.url, valid_data)

    assert response.status_code == 303
    assert response["Location"] == f"{contact_page.url}sent/"
    assert response.templates == []
    assert response.content == b""


def test_thank_you_url_thanks_and_holds_no_personal_data(client, contact_page, valid_data):
    location = client.post(contact_page.url, valid_data)["Location"]

    thanks = client.get(location)

    assert thanks.status_code == 200
    assert "forms/form_page_landing.html" in [t.name for t in thanks.templates]
    assert "?" not in location
    assert "jan" not in location.lower() and str(FormSubmission.objects.get().pk) not in location


def test_refreshing_the_thank_you_page_submits_nothing_again(client, contact_page, valid_data):
    location = client.post(contact_page.url, valid_data)["Location"]

    client.get(location)
    client.get(location)

    assert FormSubmission.objects.count() == 1


def test_thank_you_url_takes_no_posts(client, contact_page, valid_data):
    response = client.post(f"{contact_page.url}sent/", valid_data)

    assert response.status_code == 405
    assert not FormSubmission.objects.exists()


# The box records at once when its purpose is no sign-up topic (no double opt-in).
@override_settings(PRIVACY_NEWSLETTER_TOPICS=[])
def test_a_ticked_box_is_given_and_a_notice_informed_with_revision_text_and_locale(
    client, contact_page, valid_data, answer_purpose, newsletter_purpose
):
    client.post(contact_page.url, {**valid_data, "consent_newsletter": "on"})

    submission = FormSubmission.objects.get()
    records = {r.purpose_key: r for r in ConsentRecord.objects.all()}
    assert set(records) == {"answer-request", "newsletter"}
    given = records["newsletter"]
    assert (given.decision, given.granted) == ("given", True)
    assert given.text_shown == newsletter_purpose.consent_text
    assert given.purpose_revision == newsletter_purpose.latest_revision
    informed = records["answer-request"]
    assert (informed.decision, informed.granted) == ("informed", False)
    assert informed.subject_email == "jan.peeters@example.org"
    assert informed.text_shown == answer_purpose.consent_text
    assert informed.purpose_revision == answer_purpose.latest_revision
    assert informed.locale == "nl"
    assert informed.source == "form"
    assert informed.source_ref == f"forms.FormSubmission:{submission.pk}"


def test_unticked_optional_purpose_is_recorded_as_refused(
    client, contact_page, valid_data, newsletter_purpose
):
    client.post(contact_page.url, valid_data)

    submission = FormSubmission.objects.get()
    decisions = dict(ConsentRecord.objects.values_list("purpose_key", "decision"))
    assert decisions == {"answer-request": "informed", "newsletter": "refused"}
    refusal = ConsentRecord.objects.get(purpose_key="newsletter")
    assert refusal.subject_email == "jan.peeters@example.org"
    assert refusal.text_shown == newsletter_purpose.consent_text
    assert refusal.source_ref == f"forms.FormSubmission:{submission.pk}"


def test_a_consent_box_marked_required_by_older_data_is_still_optional(
    client, contact_page, valid_data
):
    contact_page.form_fields.filter(key="consent_newsletter").update(required=True)

    response = client.post(contact_page.url, valid_data)

    assert response.status_code == 303
    assert FormSubmission.objects.count() == 1
    assert ConsentRecord.objects.get(purpose_key="newsletter").decision == "refused"


def test_consent_sent_for_a_purpose_not_on_the_form_is_a_form_error_and_stores_nothing(
    client, contact_page, valid_data
):
    PurposeFactory(key="publications")

    response = client.post(contact_page.url, {**valid_data, "consent_publications": "on"})

    assert response.status_code == 200
    errors = response.context["form"].non_field_errors()
    assert any("consent_publications" in error for error in errors)
    assert not FormSubmission.objects.exists()
    assert not ConsentRecord.objects.exists()


def test_csrf_token_and_captcha_response_are_not_unknown_fields(client, contact_page, valid_data):
    client.post(
        contact_page.url,
        {**valid_data, "csrfmiddlewaretoken": "x", "g-recaptcha-response": "token"},
    )

    assert FormSubmission.objects.count() == 1


def test_purpose_box_is_unticked_and_shows_the_purposes_words(
    client, contact_page, newsletter_purpose
):
    response = client.get(contact_page.url)

    field = response.context["form"]["consent_newsletter"]
    assert field.label == newsletter_purpose.consent_text
    assert field.value() is False
    html = response.content.decode()
    assert newsletter_purpose.consent_text in html
    soup = BeautifulSoup(html, "html.parser")
    [box] = soup.find_all("input", attrs={"name": "consent_newsletter"})
    assert box["type"] == "checkbox"
    assert not box.has_attr("checked")
    assert not box.has_attr("required")
    assert "(verplicht)" not in box.find_parent("div").get_text()


def test_a_purpose_not_based_on_consent_is_a_notice_above_the_button_not_a_box(
    client, contact_page, answer_purpose
):
    response = client.get(contact_page.url)

    soup = BeautifulSoup(response.content.decode(), "html.parser")
    assert not soup.find_all("input", attrs={"name": "consent_answer"})
    notice = soup.find(id="notice-answer-request")
    text = " ".join(notice.get_text(" ").split())
    assert "Antwoord op uw vraag" in text
    assert answer_purpose.consent_text in text
    assert "Gerechtvaardigd belang" in text
    assert "1 jaar vanaf het moment dat u ze ons geeft." in text
    assert "Onze ledendienst" in text
    assert "Verwerkt door" in text
    # Without a privacy policy page the reference stays, as words without a link.
    assert "privacybeleid" in text and notice.find("a") is None
    form = soup.find("form", class_="form")
    button = form.find("button", type="submit")
    assert notice in button.find_all_previous("section")


def test_a_notice_links_to_its_entry_in_the_privacy_policy(client, contact_page, settings):
    settings.PRIVACY_POLICY_URL = "/nl/privacy/"

    soup = BeautifulSoup(client.get(contact_page.url).content.decode(), "html.parser")

    link = soup.find(id="notice-answer-request").find("a")
    assert link["href"] == "/nl/privacy/#purpose-answer-request"


def test_100000_character_answer_is_refused_with_a_form_error(client, contact_page, valid_data):
    response = client.post(contact_page.url, {**valid_data, "question": "x" * 100_000})

    assert "question" in response.context["form"].errors
    assert not FormSubmission.objects.exists()


def test_100000_character_single_line_answer_is_refused(client, contact_page, valid_data):
    response = client.post(contact_page.url, {**valid_data, "name": "x" * 100_000})

    assert "name" in response.context["form"].errors
    assert not FormSubmission.objects.exists()


def test_notification_names_the_form_and_links_to_it_without_answers(
    client, contact_page, valid_data, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            contact_page.url,
            {
                **valid_data,
                "question": "<script>alert('x')</script> geheim",
                "attachment": upload("cv.pdf", pdf_bytes()),
            },
        )

    submission = FormSubmission.objects.get()
    [mail] = mailoutbox
    assert mail.to == ["inbox@example.org"]
    assert contact_page.title in mail.subject
    assert f"/admin/inboxes/submissions/{submission.pk}/" in mail.body
    assert "geheim" not in mail.body and "<script>" not in mail.body
    assert "Jan" not in mail.body
    assert mail.attachments == []


def test_the_notification_is_multipart_without_a_preference_centre(
    client, contact_page, valid_data, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(contact_page.url, {**valid_data, "question": "geheim"})

    submission = FormSubmission.objects.get()
    [mail] = mailoutbox
    html = html_part(mail)
    assert f"/admin/inboxes/submissions/{submission.pk}/" in html
    assert "geheim" not in html and "Jan" not in html
    assert_no_preference_link(mail)


class BrokenStorage(FileSystemStorage):
    """A storage that writes the first file and fails on the next, like a disk filling up."""

    saved: list[str] = []

    def _save(self, name, content):
        if self.saved:
            raise OSError("storage unavailable")
        name = super()._save(name, content)
        self.saved.append(name)
        return name


def test_storage_failure_stores_no_half_submission(
    client,
    contact_page,
    valid_data,
    settings,
    tmp_path,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    from forms.constants import FieldType
    from tests.forms.factories import FormFieldFactory

    FormFieldFactory(
        page=contact_page, key="second", label="Tweede", field_type=FieldType.FILE, required=False
    )
    BrokenStorage.saved = []
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "tests.forms.test_submissions.BrokenStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            contact_page.url,
            {
                **valid_data,
                "attachment": upload("a.pdf", pdf_bytes()),
                "second": upload("b.pdf", pdf_bytes()),
            },
        )

    assert response.status_code == 503
    assert mailoutbox == []
    assert response.context["form"].non_field_errors()
    assert len(BrokenStorage.saved) == 1
    assert not (tmp_path / BrokenStorage.saved[0]).exists()
    assert not FormSubmission.objects.exists()
    assert not SubmissionFile.objects.exists()
    assert not ConsentRecord.objects.exists()


def test_submissions_of_a_translation_land_with_the_source_page(
    client, home, contact_page, valid_data
):
    fr = Locale.objects.get(language_code="fr")
    home.copy_for_translation(fr).save_revision().publish()
    fr_page = contact_page.copy_for_translation(fr)
    fr_page.save_revision().publish()

    response = client.post(fr_page.url, valid_data)

    assert response.status_code == 303
    assert response["Location"] == f"{fr_page.url}sent/"
    submission = FormSubmission.objects.get()
    assert submission.page_id == contact_page.pk
    assert submission.translation_page.specific == fr_page
    assert submission.locale == "fr"
    assert submission.inbox == contact_page.inbox
    assert ConsentRecord.objects.get(decision="informed").locale == "fr"


def _submit(page):
    form = page.get_form(
        {"name": "Jan", "email": "jan@example.org", "question": "?", "consent_answer": "on"},
        page=page,
    )
    assert form.is_valid(), form.errors
    return services.submission_create(data=page.submission_input(form))


@pytest.mark.parametrize("start", [RetentionStart.DECISION, RetentionStart.LAST_CONTACT])
def test_handling_recomputes_retention_when_the_purpose_counts_from_the_decision(
    contact_page, secretary, start
):
    contact_page.inbox.purpose.retention_from = start
    contact_page.inbox.purpose.save()
    submission = _submit(contact_page)
    assert submission.retain_until == submission.submitted_at + datetime.timedelta(days=30)

    services.submission_mark_handled(submission=submission, user=secretary)

    submission.refresh_from_db()
    assert submission.handled_by == secretary
    assert submission.retain_until == submission.handled_at + datetime.timedelta(days=30)


def test_handling_leaves_retention_counted_from_submission(contact_page, secretary):
    contact_page.inbox = InboxFactory(
        purpose__retention_period=10, purpose__retention_from=RetentionStart.SUBMISSION
    )
    contact_page.save()
    submission = _submit(contact_page)
    expected = submission.submitted_at + datetime.timedelta(days=10)

    services.submission_mark_handled(submission=submission, user=secretary)

    submission.refresh_from_db()
    assert submission.handled_at is not None
    assert submission.retain_until == expected
    assert submission.retain_until < timezone.now() + datetime.timedelta(days=11)


def test_too_many_posts_from_one_client_get_429_and_store_nothing_more(
    client, contact_page, valid_data, settings
):
    settings.FORMS_RATE_LIMIT = "1/m"

    first = client.post(contact_page.url, valid_data)
    second = client.post(contact_page.url, valid_data)

    assert first.status_code == 303
    assert second.status_code == 429
    assert FormSubmission.objects.count() == 1
    assert client.get(contact_page.url).status_code == 200


def test_a_repeated_submission_reads_no_field_list_or_inbox_from_the_database(
    client, contact_page, valid_data
):
    client.post(contact_page.url, valid_data)

    with CaptureQueriesContext(connection) as queries:
        response = client.post(contact_page.url, valid_data)

    assert response.status_code == 303
    tables = " ".join(query["sql"] for query in queries.captured_queries)
    assert "forms_formfield" not in tables
    assert '"forms_inbox"' not in tables
    assert '"wagtailcore_locale"."id" =' not in tables
    assert FormSubmission.objects.count() == 2


def test_an_edited_field_and_purpose_show_on_the_next_request(client, contact_page, answer_purpose):
    client.get(contact_page.url)
    field = contact_page.form_fields.get(key="name")
    field.label = "Volledige naam"
    field.save()
    answer_purpose.consent_text = "Beantwoord mijn vraag, graag."
    answer_purpose.save()

    html = client.get(contact_page.url).content.decode()

    assert "Volledige naam" in html
    assert "Beantwoord mijn vraag, graag." in html


def test_an_inbox_moved_to_another_purpose_times_the_next_submission_by_it(
    client, contact_page, valid_data
):
    client.post(contact_page.url, valid_data)
    inbox = contact_page.inbox
    inbox.purpose = PurposeFactory(key="short", retention_period=2)
    inbox.save()

    client.post(contact_page.url, valid_data)

    latest = FormSubmission.objects.order_by("-pk").first()
    assert latest.retain_until == latest.submitted_at + datetime.timedelta(days=2)
