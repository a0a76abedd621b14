"""HR's screens: a rejection is confirmed, its e-mail waits out a grace period HR may undo
it in, a decision is reopened, people are named in full, the listing shows the talent pool,
the CV in the answers opens through the logged download, and the dashboard leads here."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale

from careers.constants import ApplicationStatus
from careers.models import ApplicationStatusChange, RejectionEmailTemplate
from privacy.models import MailStatus, OutgoingMail

pytestmark = pytest.mark.django_db
S = ApplicationStatus


@pytest.fixture
def hr(client, recruiter):
    from wagtail.users.models import UserProfile

    recruiter.first_name, recruiter.last_name = "Hanne", "Janssens"
    recruiter.save()
    UserProfile.objects.update_or_create(user=recruiter, defaults={"preferred_language": "en"})
    client.force_login(recruiter)
    return client


@pytest.fixture
def application(apply, vacancy):
    RejectionEmailTemplate.objects.create(
        locale=Locale.objects.get(language_code="nl"),
        subject="Uw sollicitatie voor {vacancy}",
        body="Beste {name}, helaas.",
    )
    return apply(vacancy, talent_pool=True)


def detail(client, application):
    response = client.get(reverse("careers_recruitment:application", args=[application.pk]))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def reject(client, application, **data):
    return client.post(
        reverse("careers_recruitment:status", args=[application.pk]),
        {"status": "rejected", **data},
    )


def test_the_rejection_email_box_shows_only_when_confirming_a_rejection(hr, application):
    assert detail(hr, application).select('input[name="send_rejection"]') == []

    response = reject(hr, application)

    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert page.select_one('input[name="send_rejection"]') is not None
    assert page.select_one('input[name="confirm"]')["value"] == "True"
    application.refresh_from_db()
    assert application.status == S.NEW
    assert not ApplicationStatusChange.objects.exists()


def test_the_rejection_email_waits_and_an_undo_stops_it(hr, application, grace_over):
    mail.outbox.clear()
    reject(hr, application, confirm="True", send_rejection="on")
    application.refresh_from_db()
    assert application.status == S.REJECTED
    assert mail.outbox == []
    assert detail(hr, application).select_one(".recruitment-undo form") is not None

    hr.post(reverse("careers_recruitment:undo", args=[application.pk]))
    grace_over()

    application.refresh_from_db()
    assert (application.status, application.decided_at) == (S.NEW, None)
    assert mail.outbox == []
    assert OutgoingMail.objects.get(template="careers/email/rejection").status == MailStatus.DROPPED
    assert [
        (c.from_status, c.to_status, c.rejection_sent)
        for c in application.status_changes.order_by("pk")
    ] == [(S.NEW, S.REJECTED, False), (S.REJECTED, S.NEW, False)]


def test_after_the_grace_period_the_email_leaves_and_undo_is_refused(hr, application, grace_over):
    mail.outbox.clear()
    reject(hr, application, confirm="True", send_rejection="on")
    ApplicationStatusChange.objects.update(changed_at=timezone.now() - timedelta(minutes=11))
    grace_over()

    hr.post(reverse("careers_recruitment:undo", args=[application.pk]))

    application.refresh_from_db()
    assert application.status == S.REJECTED
    assert [m.to for m in mail.outbox] == [["an.peeters@example.org"]]
    assert detail(hr, application).select_one(".recruitment-undo") is None


def test_a_decided_application_is_reopened_from_its_page(hr, application):
    reject(hr, application, confirm="True")
    ApplicationStatusChange.objects.update(changed_at=timezone.now() - timedelta(minutes=11))
    page = detail(hr, application)
    assert [i["value"] for i in page.select('input[name="status"]')] == [S.IN_REVIEW]

    hr.post(reverse("careers_recruitment:status", args=[application.pk]), {"status": "in_review"})

    application.refresh_from_db()
    assert (application.status, application.decided_at) == (S.IN_REVIEW, None)


def test_history_and_notes_name_people_in_full(hr, application):
    hr.post(reverse("careers_recruitment:status", args=[application.pk]), {"status": "in_review"})
    hr.post(reverse("careers_recruitment:note_add", args=[application.pk]), {"text": "Sterk"})

    page = detail(hr, application)

    assert "Hanne Janssens" in page.select_one("#application-history").parent.get_text()
    assert "Hanne Janssens" in page.select_one(".forms-notes").get_text()


def test_the_listing_has_a_talent_pool_column(hr, application, apply, vacancy):
    apply(vacancy, name="Bert Claes", email="bert@example.org")

    response = hr.get(reverse("careers_recruitment:index"))

    page = BeautifulSoup(response.content, "html.parser")
    headings = [th.get_text(" ", strip=True) for th in page.select("table thead th")]
    assert any("Talent pool" in heading for heading in headings)
    rows = {
        row.select_one("td a").get_text(strip=True): row.get_text(" ", strip=True)
        for row in page.select("table tbody tr")
    }
    assert " Yes " in rows["An Peeters"] + " "
    assert " No " in rows["Bert Claes"] + " "


def test_the_cv_in_the_answers_opens_through_the_logged_download(hr, application):
    cv = application.submission.attachments.get(field_key="cv")

    page = detail(hr, application)

    link = page.select_one(".forms-submission__answers a")
    url = reverse("careers_recruitment:download", args=[application.pk, cv.pk])
    assert (link["href"], link.get_text()) == (url, "cv An.pdf")


def test_the_dashboard_leads_recruiters_to_the_recruitment_area(hr, client, application, outsider):
    page = BeautifulSoup(hr.get(reverse("wagtailadmin_home")).content, "html.parser")
    assert page.select_one('#careers-recruitment-section a[href="/admin/recruitment/"]') is not None

    client.force_login(outsider)
    page = BeautifulSoup(client.get(reverse("wagtailadmin_home")).content, "html.parser")
    assert page.select_one("#careers-recruitment-section") is None


def test_the_dashboard_counts_each_open_status_and_links_to_its_listing(hr, application):
    page = BeautifulSoup(hr.get(reverse("wagtailadmin_home")).content, "html.parser")
    counts = {
        link["href"]: link.find_parent("tr").select("td")[1].get_text(strip=True)
        for link in page.select("#careers-recruitment-section tbody a")
    }

    assert counts == {
        "/admin/recruitment/?status=new": "1",
        "/admin/recruitment/?status=in_review": "0",
        "/admin/recruitment/?status=interview": "0",
        "/admin/recruitment/?status=offer": "0",
    }
