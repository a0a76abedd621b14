"""The outbox under the database task queue: a mail is stored with what it is about, its task
carries the row's id alone, a refused send is tried again with back-off and then listed for
the privacy officers, and no duplicate task sends a mail twice."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django_tasks_db.models import DBTaskResult

from privacy import conf
from privacy.models import MailStatus, OutgoingMail
from privacy.services.mail import mail_attempt, mail_requeue, mail_retry, mail_send
from tests.privacy.testapp.models import Dossier
from tests.users import make_user

pytestmark = pytest.mark.django_db

NOTICE = "privacy_testapp/email/notice"
DELAYS = (60, 300, 1800)


@pytest.fixture
def queue(settings):
    """Tasks wait in the database, as in production, and nothing works them off."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.PRIVACY_MAIL_RETRY_DELAYS = DELAYS


def _run(mail_row, *, at=None):
    """What the worker does when the row's task comes up (at ``at``, default now)."""
    if at is not None:
        OutgoingMail.objects.filter(pk=mail_row.pk).update(next_attempt_at=at)
    return mail_attempt(mail_id=str(mail_row.pk))


def test_the_task_carries_the_mail_id_alone_and_the_task_table_no_address(queue):
    dossier = Dossier.objects.create(email="ann@example.org", name="Ann Peeters")

    mail_send(
        to="ann@example.org",
        template=NOTICE,
        language="fr",
        context={"title": dossier.name, "dossier": dossier},
    )

    assert mail.outbox == []
    [queued] = OutgoingMail.objects.all()
    [task] = DBTaskResult.objects.all()
    assert task.args_kwargs == {"args": [str(queued.pk)], "kwargs": {}}
    stored = " ".join(str(value) for value in DBTaskResult.objects.values_list().get())
    assert "ann@example.org" not in stored
    assert "Ann Peeters" not in stored


def test_the_worker_renders_in_the_recipients_language_from_the_rows_as_they_are(queue):
    dossier = Dossier.objects.create(email="ann@example.org", name="Ann")
    mail_send(to="ann@example.org", template=NOTICE, language="fr", context={"title": "Café"})
    dossier.delete()

    assert _run(OutgoingMail.objects.get()) == MailStatus.SENT

    [message] = mail.outbox
    assert message.subject == "Bonjour, Café"
    assert message.extra_headers["Message-ID"].startswith(f"<{OutgoingMail.objects.get().pk}@")
    sent = OutgoingMail.objects.get()
    assert (sent.subject_email, sent.recipients, sent.context) == ("", [], {})
    assert sent.retain_until > timezone.now() + timedelta(days=conf.mail_keep_days() - 1)


def test_a_mail_about_a_row_erased_before_it_left_is_not_sent(queue):
    dossier = Dossier.objects.create(email="ann@example.org", name="Ann")
    mail_send(to="ann@example.org", template=NOTICE, language="nl", context={"dossier": dossier})
    dossier.delete()

    assert _run(OutgoingMail.objects.get()) == MailStatus.DROPPED
    assert mail.outbox == []
    assert OutgoingMail.objects.get().subject_email == ""


def test_a_second_task_for_a_sent_mail_sends_nothing(queue):
    mail_send(to="ann@example.org", template=NOTICE, language="nl", context={"title": "x"})
    queued = OutgoingMail.objects.get()

    _run(queued)
    _run(queued)
    mail_requeue()
    _run(queued)

    assert len(mail.outbox) == 1


def test_a_mail_a_live_worker_is_sending_is_not_claimed_by_another(queue):
    mail_send(to="ann@example.org", template=NOTICE, language="nl", context={"title": "x"})
    queued = OutgoingMail.objects.get()
    OutgoingMail.objects.filter(pk=queued.pk).update(
        status=MailStatus.SENDING, claimed_until=timezone.now() + timedelta(minutes=5)
    )

    assert _run(queued) == MailStatus.SENDING
    assert mail_requeue() == 0
    assert mail.outbox == []

    # The worker died: once its claim runs out, the mail goes, once.
    OutgoingMail.objects.filter(pk=queued.pk).update(
        claimed_until=timezone.now() - timedelta(seconds=1)
    )
    assert mail_requeue() == 1
    assert _run(queued) == MailStatus.SENT
    assert len(mail.outbox) == 1


def test_a_refused_mail_is_tried_again_later_then_listed_as_not_delivered(queue, settings):
    settings.EMAIL_BACKEND = "tests.privacy.test_mail.RefusingBackend"
    mail_send(to="ann@example.org", template=NOTICE, language="nl", context={"title": "x"})
    queued = OutgoingMail.objects.get()

    started = timezone.now()
    assert _run(queued) == MailStatus.QUEUED
    waiting = OutgoingMail.objects.get()
    assert waiting.next_attempt_at >= started + timedelta(seconds=DELAYS[0])
    # The next try is a task of its own, waiting in the queue until then.
    retry = DBTaskResult.objects.order_by("-enqueued_at").first()
    assert retry.run_after == waiting.next_attempt_at
    assert retry.args_kwargs["args"] == [str(queued.pk)]
    # Not yet due: the retry's task, run early, leaves it waiting.
    assert _run(queued) == MailStatus.QUEUED
    assert OutgoingMail.objects.get().attempts == 1

    for _ in DELAYS:
        _run(queued, at=timezone.now())
    given_up = OutgoingMail.objects.get()
    assert (given_up.status, given_up.attempts) == (MailStatus.FAILED, len(DELAYS) + 1)
    assert given_up.subject_email == "ann@example.org"

    # Once the server is back, an officer sends it once more.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert mail_retry(mail=given_up) is True
    assert _run(given_up) == MailStatus.SENT
    assert len(mail.outbox) == 1


def test_the_default_tries_last_at_least_a_day():
    delays = conf.mail_retry_delays()
    assert len(delays) + 1 >= 5
    assert sum(delays) >= 24 * 3600


def test_undelivered_mail_is_listed_for_privacy_officers_only(client, settings, queue):
    settings.EMAIL_BACKEND = "tests.privacy.test_mail.RefusingBackend"
    mail_send(to="ann@example.org", template=NOTICE, language="nl", context={"title": "x"})
    mail_send(to="bob@example.org", template=NOTICE, language="nl", context={"title": "x"})
    refused = OutgoingMail.objects.get(subject_email="ann@example.org")
    _run(refused)
    url = reverse("undelivered_mail:index")

    client.force_login(make_user("editor"))
    assert client.get(url).status_code == 403

    client.force_login(make_user("dpo", groups=[Group.objects.get(name=conf.officers_group())]))
    response = client.get(url)
    assert response.status_code == 200
    assert "ann@example.org" in response.content.decode()
    # A mail not tried yet is not undelivered.
    assert "bob@example.org" not in response.content.decode()


def test_mail_requeue_hands_over_what_is_due(queue, settings):
    mail_send(to="ann@example.org", template=NOTICE, language="nl", context={"title": "x"})
    DBTaskResult.objects.all().delete()  # a task lost with its worker

    call_command("mail_requeue", verbosity=0)

    [task] = DBTaskResult.objects.all()
    assert task.args_kwargs["args"] == [str(OutgoingMail.objects.get().pk)]


@pytest.mark.parametrize(
    ("language", "heading", "waiting", "column"),
    [
        ("nl", "Niet-afgeleverde e-mails", "Wacht op verzending", "Volgende poging op"),
        ("fr", "E-mails non distribués", "En attente d'envoi", "Prochaine tentative le"),
    ],
)
def test_the_undelivered_mail_screen_speaks_the_officers_language(
    client, settings, queue, language, heading, waiting, column
):
    from wagtail.users.models import UserProfile

    settings.EMAIL_BACKEND = "tests.privacy.test_mail.RefusingBackend"
    mail_send(to="ann@example.org", template=NOTICE, language="nl", context={"title": "x"})
    _run(OutgoingMail.objects.get())
    officer = make_user("dpo", groups=[Group.objects.get(name=conf.officers_group())])
    profile = UserProfile.get_for_user(officer)
    profile.preferred_language = language
    profile.save()
    client.force_login(officer)

    page = client.get(reverse("undelivered_mail:index")).content.decode()

    for label in (heading, waiting, column):
        assert escape(label) in page


# A worker's task runs outside a transaction, as here: a test transaction could not retry.
@pytest.mark.django_db(transaction=True)
# The worker reconnects between tries, which only a real transaction (not the test's own
# wrapping one) shows; serialized_rollback leaves the database as the next tests expect it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_sent_mail_whose_record_meets_a_restarting_database_is_recorded_not_sent_again(
    queue, monkeypatch
):
    """The mail server accepted the mail, then the database did not answer for a moment:
    the worker records it once the database is back, and no later try sends it again."""
    from django.db import OperationalError

    from privacy.services.mail import outbox as mail_service

    mail_send(to="ann@example.org", template=NOTICE, language="nl", context={"title": "x"})
    queued = OutgoingMail.objects.get()
    close = mail_service._mail_close
    refusals = []

    def close_after_a_restart(row, status, **kwargs):
        if status == MailStatus.SENT and not refusals:
            refusals.append(status)
            raise OperationalError("server closed the connection unexpectedly")
        return close(row, status, **kwargs)

    monkeypatch.setattr(mail_service, "_mail_close", close_after_a_restart)
    monkeypatch.setattr(mail_service.time, "sleep", lambda seconds: None)

    assert _run(queued) == MailStatus.SENT
    # The claim is over and the task comes up again (a requeue, a restarted worker).
    OutgoingMail.objects.filter(pk=queued.pk).update(
        claimed_until=timezone.now() - timedelta(seconds=1)
    )
    mail_requeue()
    _run(queued)

    assert refusals == [MailStatus.SENT]
    assert OutgoingMail.objects.get(pk=queued.pk).status == MailStatus.SENT
    assert len(mail.outbox) == 1
