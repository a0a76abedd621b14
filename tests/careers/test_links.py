"""The signed links in careers e-mails: withdrawing deletes everything at once; renewing
keeps the CV another period; a tampered or expired link changes nothing."""

import re
from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from careers import services
from careers.models import Application, ApplicationNote, ApplicationStatusChange
from careers.services import links
from forms.models import FormSubmission, SubmissionFile
from privacy.models import ConsentRecord, DeletionLog
from tests.careers.factories import EMAIL
from tests.forms.samples import pdf_bytes, private_files, upload
from tests.privacy.links import signed_days_ago, tampered, token_in

pytestmark = pytest.mark.django_db


def _path(url):
    return re.sub(r"^https?://[^/]+", "", url)


@pytest.fixture
def application(apply, vacancy, recruiter):
    application = apply(
        vacancy, talent_pool=True, motivation_letter=upload("brief.pdf", pdf_bytes())
    )
    services.application_note_add(application=application, user=recruiter, text="Sterk")
    services.application_status_change(application=application, status="in_review", user=recruiter)
    log(instance=application, action="wagtail.edit", user=recruiter)
    return application


def test_the_confirmation_link_asks_first_then_deletes_the_application_and_files_at_once(
    client, application
):
    files = {a.file.name for a in application.submission.attachments.all()}
    assert len(files) == 2 and files <= private_files()
    [confirmation] = [m for m in mail.outbox if m.to == [EMAIL]]
    url = _path(re.search(r"https?://\S+/withdraw/\S+/", confirmation.body).group(0))

    asked = client.get(url)
    assert asked.status_code == 200
    assert Application.objects.exists()  # a mail scanner opening the link changes nothing

    done = client.post(url)

    assert done.status_code == 200
    assert not Application.objects.exists()
    assert not FormSubmission.objects.exists()
    assert not SubmissionFile.objects.exists()
    assert not ApplicationNote.objects.exists()
    assert not ApplicationStatusChange.objects.exists()
    content_type = ContentType.objects.get_for_model(Application)
    assert not ModelLogEntry.objects.filter(content_type=content_type).exists()
    assert not files & private_files()
    logged = list(DeletionLog.objects.filter(count__gt=0).values_list("model", "count", "files"))
    assert ("forms.FormSubmission", 1, 2) in logged, logged
    # The proofs stay, naming nobody.
    assert not ConsentRecord.objects.filter(subject_email=EMAIL).exists()
    assert ConsentRecord.objects.exclude(subject_hash="").count() == 2


def test_a_used_withdrawal_link_changes_nothing_more(client, application):
    url = _path(links.WITHDRAW.url(application, locale=application.locale))
    client.post(url)

    again = client.post(url)

    assert again.status_code == 400


@pytest.mark.parametrize("kind", ["withdraw", "renew"])
def test_a_tampered_link_is_refused_and_changes_nothing(client, application, kind):
    make = {"withdraw": links.WITHDRAW, "renew": links.RENEW}
    other = {"withdraw": "renew", "renew": "withdraw"}[kind]
    url = _path(make[kind].url(application, locale=application.locale))
    token = token_in(url)
    # A genuine link of the other kind, for the same application.
    foreign = token_in(make[other].url(application, locale=application.locale))
    since = application.talent_pool_since

    for bad in (url.replace(token, tampered(token)), url.replace(token, foreign)):
        response = client.post(bad)
        assert response.status_code == 400
        assert "Er is niets gewijzigd" in response.content.decode()

    application.refresh_from_db()
    assert application.talent_pool_since == since
    assert FormSubmission.objects.filter(pk=application.submission_id).exists()


def test_an_expired_link_is_refused_with_410_and_changes_nothing(client, application, settings):
    settings.CAREERS_WITHDRAW_LINK_DAYS = 7
    settings.CAREERS_RENEW_LINK_DAYS = 7
    with signed_days_ago(8):
        urls = [
            _path(links.WITHDRAW.url(application, locale=application.locale)),
            _path(links.RENEW.url(application, locale=application.locale)),
        ]
    with signed_days_ago(6):
        fresh = _path(links.RENEW.url(application, locale=application.locale))

    for url in urls:
        assert client.post(url).status_code == 410

    assert Application.objects.filter(pk=application.pk).exists()
    assert client.get(fresh).status_code == 200


def test_the_renewal_link_keeps_the_application_another_period_and_records_consent(
    client, application
):
    url = _path(links.RENEW.url(application, locale=application.locale))
    before = application.submission.retain_until

    assert client.get(url).status_code == 200
    response = client.post(url)

    assert response.status_code == 200
    application.refresh_from_db()
    assert application.talent_pool_since > application.submitted_at
    kept_until = application.submission.retain_until
    assert kept_until == application.talent_pool_since + timedelta(days=365)
    assert kept_until > before
    grants = ConsentRecord.objects.filter(
        subject_email=EMAIL, purpose_key="talent-pool", granted=True
    )
    assert grants.count() == 2
    # The same link cannot renew twice.
    assert client.post(url).status_code == 400


def test_a_restricted_candidate_cannot_extend_the_talent_pool_until_it_is_lifted(
    client, application
):
    from django.utils import timezone

    from privacy.models import DataSubjectRequest

    DataSubjectRequest.objects.create(
        kind="restriction", email=EMAIL, locale="nl", restricted_at=timezone.now()
    )
    url = _path(links.RENEW.url(application, locale=application.locale))
    since, until = application.talent_pool_since, application.submission.retain_until

    response = client.post(url)

    assert response.status_code == 409
    assert "restricted" in response.content.decode() or "beperkt" in response.content.decode()
    application.refresh_from_db()
    assert application.talent_pool_since == since
    assert application.submission.retain_until == until
    grants = ConsentRecord.objects.filter(subject_email=EMAIL, purpose_key="talent-pool")
    assert grants.count() == 1


def test_no_renewal_link_for_an_application_outside_the_pool(client, apply, vacancy):
    application = apply(vacancy, email="bo@example.org")

    url = _path(links.RENEW.url(application, locale=application.locale))

    assert client.post(url).status_code == 400
    application.refresh_from_db()
    assert application.talent_pool_since is None


def test_links_are_made_for_the_applicants_language(application):
    Application.objects.filter(pk=application.pk).update(locale="fr")
    application.refresh_from_db()

    assert "/fr/my-applications/withdraw/" in links.WITHDRAW.url(
        application, locale=application.locale
    )
