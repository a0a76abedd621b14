"""The four plugins at work in a Wagtail site of their own: a visitor's cookie choice and
newsletter sign-up, an application with a CV, a registration, the staff who read them, and
retention that deletes them. Run on its own (``make test``)."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from careers.models import Application
from events.models import Registration
from forms.models import FormSubmission, SubmissionFile
from privacy.models import ConsentRecord
from privacy.services import retention_enforce

from .conftest import follow_link

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def _links(message) -> list[str]:
    return re.findall(r"https?://\S+", message.body)


def test_a_visitor_sees_the_cookie_banner_and_her_choice_is_recorded(
    client, purposes, cookie_categories
):
    # Any page of the site's base.html carries it; this one is the newsletter's.
    page = client.get(reverse("privacy:signup"))

    assert page.status_code == 200
    html = page.content.decode()
    assert 'id="cookie-banner"' in html and "Statistics" in html
    # The banner's script posts to privacy's route in this site's own API namespace.
    api_url = re.search(r'data-api="([^"]*)"', html).group(1)
    assert api_url == "/api/privacy/cookie-consent"
    chosen = client.post(
        api_url,
        {"button": "choose", "choices": {"analytics": True}, "page": "/"},
        content_type="application/json",
    )
    assert chosen.status_code == 201
    assert "analytics" in chosen.json()["accepted"]
    assert ConsentRecord.objects.filter(purpose_key="cookies-analytics", granted=True).exists()


def test_a_visitor_signs_up_for_the_newsletter_and_confirms(
    client, purposes, django_capture_on_commit_callbacks
):
    form = client.get(reverse("privacy:signup"))
    assert form.status_code == 200
    assert purposes["newsletter"].name in form.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(
            reverse("privacy:signup"), {"email": "vera@example.org", "topics": ["newsletter"]}
        )

    assert sent.status_code == 200
    assert not ConsentRecord.objects.filter(subject_email="vera@example.org").exists()
    (message,) = mail.outbox
    confirmation = next(link for link in _links(message) if "/newsletter/confirm/" in link)
    assert follow_link(client, confirmation).status_code == 200
    record = ConsentRecord.objects.get(subject_email="vera@example.org")
    assert record.purpose_key == "newsletter" and record.granted


def _apply(client, vacancy, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(
            vacancy.url,
            {
                "name": "Alma Applicant",
                "email": "alma@example.org",
                "phone": "+32 2 000 00 00",
                "cv": _pdf("cv-alma.pdf"),
                "message": "I keep books well.",
            },
        )


def _register(client, event, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(
            event.url,
            {
                "first_name": "Rik",
                "last_name": "Registrant",
                "function": "Owner",
                "company": "Rik BV",
                "email": "rik@example.org",
                "needs": "",
            },
        )


def _pdf(name):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def test_an_applicant_applies_with_a_cv_and_only_hr_reads_it(
    client, vacancy, hr, organiser, django_capture_on_commit_callbacks
):
    sent = _apply(client, vacancy, django_capture_on_commit_callbacks)

    assert sent.status_code == 303, sent.content[:1000]
    application = Application.objects.get()
    (cv,) = SubmissionFile.objects.filter(submission=application.submission)
    assert storages["private"].exists(cv.file.name)

    client.force_login(hr)
    listing = client.get(reverse("careers_recruitment:index"))
    detail = client.get(reverse("careers_recruitment:application", args=[application.pk]))
    assert listing.status_code == 200 and "Alma Applicant" in listing.content.decode()
    assert detail.status_code == 200 and "alma@example.org" in detail.content.decode()

    client.force_login(organiser)
    refused = client.get(reverse("careers_recruitment:application", args=[application.pk]))
    assert refused.status_code in (302, 403, 404)


def test_a_registrant_registers_and_only_the_organisers_read_it(
    client, event, hr, organiser, django_capture_on_commit_callbacks
):
    sent = _register(client, event, django_capture_on_commit_callbacks)

    assert sent.status_code == 303, sent.content[:1000]
    assert Registration.objects.get().submission.subject_email == "rik@example.org"

    client.force_login(organiser)
    listing = client.get(reverse("events_registrations:event", args=[event.pk]))
    assert listing.status_code == 200 and "Registrant" in listing.content.decode()

    client.force_login(hr)
    refused = client.get(reverse("events_registrations:event", args=[event.pk]))
    assert refused.status_code in (302, 403, 404)


def test_retention_deletes_the_application_its_cv_and_the_registration_on_time(
    client, vacancy, event, monkeypatch, django_capture_on_commit_callbacks
):
    _apply(client, vacancy, django_capture_on_commit_callbacks)
    _register(client, event, django_capture_on_commit_callbacks)
    cv_name = SubmissionFile.objects.get().file.name
    now = timezone.now()

    monkeypatch.setattr(timezone, "now", lambda: now + timedelta(days=60))
    retention_enforce()
    assert Application.objects.count() == 1 and Registration.objects.count() == 1

    # Six months after the vacancy closes, 90 days after the event: both periods are over.
    monkeypatch.setattr(timezone, "now", lambda: now + timedelta(days=30 + 183 + 2))
    retention_enforce()
    assert not Application.objects.exists()
    assert not Registration.objects.exists()
    assert not FormSubmission.objects.exists()
    assert not SubmissionFile.objects.exists()
    assert not storages["private"].exists(cv_name)
