"""Applying through a vacancy's form: what is stored, recorded, sent and refused."""

import pytest
from django.core import mail
from django.utils import translation

from careers.constants import ApplicationStatus
from careers.models import Application
from forms.models import FormSubmission, SubmissionFile
from privacy.models import ConsentRecord, Purpose
from privacy.register import retention_in_words
from tests.careers.factories import EMAIL, SpontaneousApplicationPageFactory
from tests.forms.samples import MB, exe_bytes, pdf_bytes, private_files, upload
from tests.translations import translation_with_parents

pytestmark = pytest.mark.django_db


def test_an_application_is_stored_with_its_submission_cv_and_vacancy(apply, vacancy):
    application = apply(vacancy)

    assert application.status == ApplicationStatus.NEW
    assert application.vacancy == vacancy
    assert application.vacancy_title == "Adviseur"
    assert application.applicant_name == "An Peeters"
    assert application.submission.subject_email == EMAIL
    assert application.submission.inbox.name == "Recruitment"
    [cv] = application.submission.attachments.all()
    assert (cv.field_key, cv.original_name) == ("cv", "cv An.pdf")
    assert cv.file.name in private_files()
    assert application.submission.ends_at == vacancy.closes_at()


def test_the_talent_pool_box_is_unticked_and_optional_and_recorded_either_way(
    client, apply, vacancy
):
    page = client.get(vacancy.url).content.decode()
    assert 'name="purpose_talent_pool"' in page
    assert 'name="purpose_talent_pool" checked' not in page

    without = apply(vacancy)
    with_pool = apply(vacancy, talent_pool=True, email="bo@example.org")

    assert without.talent_pool_since is None
    assert with_pool.talent_pool_since == with_pool.submitted_at
    decisions = dict(
        ConsentRecord.objects.filter(subject_email=EMAIL).values_list("purpose_key", "decision")
    )
    assert decisions == {"job-application": "informed", "talent-pool": "refused"}
    assert ConsentRecord.objects.get(
        subject_email="bo@example.org", purpose_key="talent-pool"
    ).granted


def test_the_applicant_gets_a_confirmation_in_the_pages_language(apply, vacancy):
    mail.outbox.clear()
    application = apply(vacancy, talent_pool=True)

    [confirmation] = [m for m in mail.outbox if m.to == [EMAIL]]
    assert "Adviseur" in confirmation.subject
    assert confirmation.subject.startswith("We ontvingen uw sollicitatie")
    body = confirmation.body
    assert "cv An.pdf" in body  # what was received
    assert "Uw sollicitatie behandelen" in body  # for which purposes
    assert "Mijn cv bewaren in de talentenpool" in body
    with translation.override("nl"):  # how long, in the words of the form's notice
        kept = retention_in_words(Purpose.objects.get(key="job-application"), has_end=True)
    assert "28 dagen" in kept and kept in body
    assert "/nl/my-applications/withdraw/" in body  # the signed withdrawal link
    assert "/nl/my-privacy/preferences/" in body  # the preference centre
    assert application.pk


def test_hr_is_told_with_a_link_and_nothing_about_the_applicant(apply, vacancy):
    mail.outbox.clear()
    application = apply(vacancy, message="Mijn geheime motivatie")

    [notice] = [m for m in mail.outbox if m.to == ["hr@example.org"]]
    text = notice.subject + notice.body
    assert "Adviseur" in text
    assert "/admin/recruitment/" in text
    for personal in ("An Peeters", EMAIL, "123 45 67", "cv An.pdf", "geheime"):
        assert personal not in text
    assert application.pk


def test_a_spontaneous_application_has_no_vacancy_and_no_end(apply, index, inbox):
    page = SpontaneousApplicationPageFactory(parent=index, inbox=inbox)

    application = apply(page)

    assert application.vacancy is None
    assert application.submission.ends_at is None
    assert application.vacancy_title == page.title


@pytest.mark.parametrize(
    ("cv", "reason"),
    [
        (None, "missing"),
        (upload("cv.exe", exe_bytes(), "application/octet-stream"), "wrong kind"),
        (upload("cv.pdf", pdf_bytes(11 * MB)), "over the limit"),
    ],
)
def test_a_missing_wrong_or_oversized_cv_is_a_form_error_and_stores_nothing(
    apply, vacancy, cv, reason
):
    files_before = private_files()

    apply(vacancy, cv=cv, expect=200)

    assert not Application.objects.exists(), reason
    assert not FormSubmission.objects.exists()
    assert not SubmissionFile.objects.exists()
    assert private_files() == files_before


def test_applying_on_a_translation_confirms_in_its_language_with_its_title(apply, vacancy, locales):
    french = translation_with_parents(vacancy, locales["fr"])
    french.title = "Conseiller"
    french.save_revision().publish()
    mail.outbox.clear()

    application = apply(type(vacancy).objects.get(pk=french.pk))

    assert application.locale == "fr"
    assert application.vacancy == vacancy  # filed under the source vacancy
    [confirmation] = [m for m in mail.outbox if m.to == [EMAIL]]
    assert confirmation.subject == "Nous avons reçu votre candidature : Conseiller"
    assert "/fr/my-applications/withdraw/" in confirmation.body
