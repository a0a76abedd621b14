"""The recruitment area as HR uses it: listing, detail, status workflow, notes, the download log."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale

from careers.constants import ApplicationStatus
from careers.models import Application, ApplicationStatusChange, RejectionEmailTemplate
from forms.models import FileDownloadLog
from tests.users import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def hr(client, recruiter):
    client.force_login(recruiter)
    return client


@pytest.fixture
def application(apply, vacancy):
    return apply(vacancy, talent_pool=True)


def listing(client, **params):
    response = client.get(reverse("careers_recruitment:index"), params)
    assert response.status_code == 200
    return response


def listed_names(response) -> set[str]:
    return {application.applicant_name for application in response.context["object_list"]}


def test_listing_filters_by_vacancy_status_and_date_and_searches_by_name(
    apply, client, vacancy, index, inbox, recruiter
):
    from tests.careers.factories import VacancyPageFactory

    other = VacancyPageFactory(parent=index, title="Boekhouder", slug="accountant", inbox=inbox)
    apply(vacancy, name="An Peeters")
    apply(vacancy, name="Bert Claes", email="bert@example.org")
    apply(other, name="Chris Maes", email="chris@example.org")
    Application.objects.filter(applicant_name="Bert Claes").update(
        status=ApplicationStatus.INTERVIEW
    )
    Application.objects.filter(applicant_name="Chris Maes").update(submitted_at="2020-01-01T12:00Z")
    client.force_login(recruiter)

    assert listed_names(listing(client)) == {"An Peeters", "Bert Claes", "Chris Maes"}
    assert listed_names(listing(client, vacancy=vacancy.pk)) == {"An Peeters", "Bert Claes"}
    assert listed_names(listing(client, status="interview")) == {"Bert Claes"}
    assert listed_names(listing(client, submitted_at_to="2021-01-01")) == {"Chris Maes"}
    assert listed_names(listing(client, q="claes")) == {"Bert Claes"}


def test_listing_offers_each_vacancy_once_and_the_spontaneous_applications(
    apply, client, vacancy, index, inbox, recruiter
):
    from tests.careers.factories import SpontaneousApplicationPageFactory

    spontaneous = SpontaneousApplicationPageFactory(parent=index, slug="open", inbox=inbox)
    apply(vacancy, name="An Peeters")
    apply(vacancy, name="Bert Claes", email="bert@example.org")
    apply(spontaneous, name="Chris Maes", email="chris@example.org")
    client.force_login(recruiter)

    response = listing(client)
    field = response.context["filters"].form["vacancy"].field
    values = [str(value) for value, _label in field.choices if value]

    assert sorted(values) == sorted([str(vacancy.pk), "spontaneous"])
    assert listed_names(listing(client, vacancy="spontaneous")) == {"Chris Maes"}


def test_listing_counts_each_status_under_the_other_filters(apply, client, vacancy, recruiter):
    apply(vacancy, name="An Peeters")
    apply(vacancy, name="Bert Claes", email="bert@example.org")
    Application.objects.filter(applicant_name="Bert Claes").update(
        status=ApplicationStatus.REJECTED
    )
    client.force_login(recruiter)

    counts = {row["value"]: row["count"] for row in listing(client).context["choice_counts"]}
    filtered = listing(client, status="rejected", q="peeters").context["choice_counts"]

    assert counts == {
        "new": 1,
        "in_review": 0,
        "interview": 0,
        "offer": 0,
        "hired": 0,
        "rejected": 1,
        "withdrawn": 0,
    }
    # The status filter does not narrow the counts; the search does.
    assert {row["value"]: row["count"] for row in filtered}["new"] == 1
    assert {row["value"]: row["count"] for row in filtered}["rejected"] == 0


def test_listing_costs_the_same_queries_for_2_or_12_applications(
    apply, client, vacancy, recruiter, settings
):
    settings.FORMS_RATE_LIMIT = "0"
    client.force_login(recruiter)

    def queries():
        with CaptureQueriesContext(connection) as context:
            listing(client)
        return len(context)

    apply(vacancy, name="An Peeters")
    apply(vacancy, name="Bert Claes", email="bert@example.org")
    few = queries()
    assert few > 0
    for n in range(10):
        apply(vacancy, name=f"Kandidaat {n}", email=f"k{n}@example.org")
    assert queries() == few


def test_spreadsheet_export_carries_no_file_and_no_formula(apply, client, vacancy, recruiter):
    apply(vacancy, name="=HYPERLINK(evil)")
    client.force_login(recruiter)

    response = client.get(reverse("careers_recruitment:index"), {"export": "csv"})
    csv = b"".join(response.streaming_content).decode()

    assert response.status_code == 200
    assert "'=HYPERLINK(evil)" in csv
    assert "cv An.pdf" not in csv and ".pdf" not in csv


def test_xlsx_export_keeps_formulas_as_text_and_times_local(apply, client, vacancy, recruiter):
    import datetime
    import io

    import openpyxl
    from wagtail.users.models import UserProfile

    application = apply(vacancy, name='=HYPERLINK("http://evil.example")')
    moment = datetime.datetime(2026, 1, 15, 12, 0, tzinfo=datetime.UTC)
    Application.objects.filter(pk=application.pk).update(submitted_at=moment)
    profile = UserProfile.get_for_user(recruiter)
    profile.current_time_zone = "Asia/Tokyo"
    profile.save()
    client.force_login(recruiter)

    xlsx = client.get(reverse("careers_recruitment:index"), {"export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    csv = b"".join(
        client.get(reverse("careers_recruitment:index"), {"export": "csv"}).streaming_content
    ).decode("utf-8-sig")

    header = [cell.value for cell in sheet[1]]
    name = sheet[2][header.index("name")]
    assert (name.value, name.data_type) == ('=HYPERLINK("http://evil.example")', "s")
    assert sheet[2][header.index("submitted_at")].value == datetime.datetime(2026, 1, 15, 21, 0)
    assert "2026-01-15T21:00:00+09:00" in csv


def test_detail_shows_answers_purposes_files_history_and_notes(hr, application):
    application.notes.create(author_name="recruiter", text="Sterke kandidaat")

    html = hr.get(reverse("careers_recruitment:application", args=[application.pk])).content
    html = html.decode()

    assert "Graag!" in html and "+32 2 123 45 67" in html
    assert "Mijn cv bewaren in de talentenpool" in html  # the purpose, as chosen
    assert "cv An.pdf" in html
    assert (
        reverse(
            "careers_recruitment:download",
            args=[application.pk, application.submission.attachments.get().pk],
        )
        in html
    )
    assert "Sterke kandidaat" in html


def test_detail_warns_of_a_file_that_was_not_scanned_as_the_inbox_does(hr, application):
    from django.utils import translation

    from forms.scan import ScanStatus

    application.submission.attachments.update(scan_status=ScanStatus.NOT_SCANNED)

    response = hr.get(reverse("careers_recruitment:application", args=[application.pk]))

    files = response.content.decode().split('id="submission-files"')[1].split("</section>")[0]
    with translation.override(response["Content-Language"]):
        assert str(ScanStatus.NOT_SCANNED.label) in files


def test_status_form_offers_only_the_workflows_next_statuses(hr, application):
    response = hr.get(reverse("careers_recruitment:status", args=[application.pk]))

    choices = [value for value, _label in response.context["form"].fields["status"].choices]
    assert choices == ["in_review", "rejected", "withdrawn"]


def test_status_change_is_logged_with_who_and_when(hr, application, recruiter):
    response = hr.post(
        reverse("careers_recruitment:status", args=[application.pk]), {"status": "in_review"}
    )

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.IN_REVIEW
    change = ApplicationStatusChange.objects.get()
    assert (change.from_status, change.to_status, change.changed_by) == (
        "new",
        "in_review",
        recruiter,
    )
    detail = hr.get(response["Location"]).content.decode()
    history = detail.split('id="application-history"')[1]
    assert "recruiter" in history and "→" in history


def test_a_status_the_workflow_does_not_allow_is_refused_and_changes_nothing(hr, application):
    response = hr.post(
        reverse("careers_recruitment:status", args=[application.pk]), {"status": "hired"}
    )

    assert response.status_code == 400
    application.refresh_from_db()
    assert application.status == ApplicationStatus.NEW
    assert not ApplicationStatusChange.objects.exists()


@pytest.fixture
def rejection_template(locales):
    return RejectionEmailTemplate.objects.create(
        locale=Locale.objects.get(language_code="nl"),
        subject="Uw sollicitatie voor {vacancy}",
        body="Beste {name}, helaas.",
    )


def test_rejection_sends_the_rejection_email_only_when_ticked(
    hr,
    application,
    rejection_template,
    apply,
    vacancy,
    django_capture_on_commit_callbacks,
    grace_over,
):
    silent = apply(vacancy, name="Bert Claes", email="bert@example.org")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        hr.post(
            reverse("careers_recruitment:status", args=[application.pk]),
            {"status": "rejected", "confirm": "True", "send_rejection": "on"},
        )
        hr.post(
            reverse("careers_recruitment:status", args=[silent.pk]),
            {"status": "rejected", "confirm": "True"},
        )
    grace_over()

    assert [message.to for message in mail.outbox] == [["an.peeters@example.org"]]
    assert "Beste An Peeters" in mail.outbox[0].body
    sent = ApplicationStatusChange.objects.order_by("pk")
    assert [change.rejection_sent for change in sent] == [True, False]


def test_rejection_email_box_is_ignored_for_another_status(
    hr, application, rejection_template, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        hr.post(
            reverse("careers_recruitment:status", args=[application.pk]),
            {"status": "in_review", "send_rejection": "on"},
        )

    assert ApplicationStatusChange.objects.get().rejection_sent is False
    assert mail.outbox == []


def test_note_is_added_and_an_empty_one_is_refused(hr, application, recruiter):
    url = reverse("careers_recruitment:note_add", args=[application.pk])

    hr.post(url, {"text": "  "})
    hr.post(url, {"text": "Uitnodigen voor gesprek"})

    note = application.notes.get()
    assert (note.text, note.author) == ("Uitnodigen voor gesprek", recruiter)


def test_cv_download_streams_the_file_and_privacy_officers_read_the_log(hr, application, recruiter):
    cv = application.submission.attachments.get(field_key="cv")
    response = hr.get(reverse("careers_recruitment:download", args=[application.pk, cv.pk]))

    assert response.status_code == 200
    assert response.streaming
    assert 'attachment; filename="cv An.pdf"' in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    entry = FileDownloadLog.objects.get()
    assert (entry.user, entry.file_pk, entry.submission_pk) == (
        recruiter,
        cv.pk,
        application.submission_id,
    )

    officer = make_user("officer", groups=[Group.objects.get(name="Privacy officers")])
    hr.force_login(officer)
    log = hr.get(reverse("forms_downloads:index"))
    assert log.status_code == 200
    assert "recruiter" in log.content.decode()
    # The officer reads who opened which file, not the file's name (personal data).
    assert "cv An.pdf" not in log.content.decode()


def test_a_file_of_another_application_is_not_served_through_this_one(
    hr, application, apply, vacancy
):
    other = apply(vacancy, name="Bert Claes", email="bert@example.org")
    foreign = other.submission.attachments.get(field_key="cv")

    response = hr.get(
        reverse("careers_recruitment:download", args=[application.pk, foreign.pk]), follow=True
    )

    assert response.status_code == 404
    assert not FileDownloadLog.objects.exists()


def test_recruiter_sees_the_recruitment_menu_item(client, recruiter):
    client.force_login(recruiter)
    assert (
        reverse("careers_recruitment:index")
        in client.get(reverse("wagtailadmin_home")).content.decode()
    )
