"""The status workflow, notes and the rejection e-mail, through careers' services: only the
Recruitment group and superusers change anything."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from careers import selectors, services
from careers.constants import ApplicationStatus
from careers.models import Application, ApplicationNote, RejectionEmailTemplate
from privacy.viewsets import choice_counts
from tests.careers.factories import EMAIL
from tests.users import make_user

pytestmark = pytest.mark.django_db

S = ApplicationStatus


@pytest.fixture
def application(apply, vacancy):
    return apply(vacancy)


def test_a_recruiter_moves_an_application_forward_and_each_change_is_logged(application, recruiter):
    for status in (S.IN_REVIEW, S.INTERVIEW, S.OFFER, S.HIRED):
        services.application_status_change(application=application, status=status, user=recruiter)

    application.refresh_from_db()
    assert application.status == S.HIRED
    assert application.decided_at is not None
    history = list(application.status_changes.values_list("from_status", "to_status"))
    assert history == [
        (S.NEW, S.IN_REVIEW),
        (S.IN_REVIEW, S.INTERVIEW),
        (S.INTERVIEW, S.OFFER),
        (S.OFFER, S.HIRED),
    ]
    assert {c.changed_by_name for c in application.status_changes.all()} == {"recruiter"}


def test_a_superuser_may_change_the_status(application):
    boss = make_user("boss", superuser=True)

    services.application_status_change(application=application, status=S.REJECTED, user=boss)

    assert Application.objects.get().status == S.REJECTED


@pytest.mark.parametrize("who", ["editor", "secretary", "officer", "anonymous"])
def test_anyone_outside_recruitment_is_refused_and_nothing_changes(application, who):
    from django.contrib.auth.models import AnonymousUser, Group

    groups = {"editor": "Editors", "secretary": "Secretariat", "officer": "Privacy officers"}
    user = (
        AnonymousUser()
        if who == "anonymous"
        else make_user(who, groups=[Group.objects.get_or_create(name=groups[who])[0]])
    )

    with pytest.raises(PermissionDenied):
        services.application_status_change(application=application, status=S.REJECTED, user=user)
    with pytest.raises(PermissionDenied):
        services.application_note_add(application=application, user=user, text="Zwak profiel")

    application.refresh_from_db()
    assert application.status == S.NEW
    assert not application.status_changes.exists()
    assert not ApplicationNote.objects.exists()
    assert not selectors.applications_for_user(user=user).exists()
    assert not selectors.applications_for_user(user=user).filter(pk=application.pk).exists()


def test_a_decision_is_only_reopened_and_skipping_steps_is_refused(application, recruiter):
    with pytest.raises(ValidationError):
        services.application_status_change(application=application, status=S.HIRED, user=recruiter)
    services.application_status_change(application=application, status=S.REJECTED, user=recruiter)
    for status in (S.HIRED, S.INTERVIEW, "bogus"):
        with pytest.raises(ValidationError):
            services.application_status_change(
                application=application, status=status, user=recruiter
            )

    assert Application.objects.get().status == S.REJECTED
    assert application.status_changes.count() == 1


def test_a_decided_application_is_reopened_and_retention_counts_from_the_vacancy_again(
    application, recruiter
):
    undecided_until = application.submission.retain_until
    services.application_status_change(application=application, status=S.REJECTED, user=recruiter)
    application.submission.refresh_from_db()
    assert application.submission.retain_until != undecided_until

    services.application_status_change(application=application, status=S.IN_REVIEW, user=recruiter)

    application.refresh_from_db()
    application.submission.refresh_from_db()
    assert (application.status, application.decided_at) == (S.IN_REVIEW, None)
    assert application.submission.retain_until == undecided_until
    assert list(application.status_changes.values_list("to_status", flat=True)) == [
        S.REJECTED,
        S.IN_REVIEW,
    ]


def test_a_rejection_can_send_the_template_in_the_applicants_language(
    application, recruiter, locales, django_capture_on_commit_callbacks, grace_over
):
    nl = RejectionEmailTemplate.objects.create(
        locale=locales["nl"], subject="Uw sollicitatie: {vacancy}", body="Beste {name}, helaas."
    )
    english = nl.copy_for_translation(locales["en"])
    english.subject, english.body = "Your application: {vacancy}", "Dear {name}, sorry."
    english.save()
    Application.objects.filter(pk=application.pk).update(locale="en")
    application.refresh_from_db()
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.application_status_change(
            application=application, status=S.REJECTED, user=recruiter, send_rejection=True
        )
    assert mail.outbox == []  # the grace period HR may undo it in
    grace_over()

    [message] = mail.outbox
    assert message.to == [EMAIL]
    assert message.subject == "Your application: Adviseur"
    # The template's text, then the footer every e-mail to a person ends with.
    assert message.body.split("\n\n-- \n")[0] == "Dear An Peeters, sorry."
    assert application.status_changes.get().rejection_sent


def test_a_rejection_without_asking_sends_nothing(application, recruiter, locales):
    RejectionEmailTemplate.objects.create(locale=locales["nl"], subject="x", body="y")
    mail.outbox.clear()

    services.application_status_change(application=application, status=S.REJECTED, user=recruiter)

    assert mail.outbox == []


def test_notes_are_added_by_recruiters_and_never_empty(application, recruiter):
    services.application_note_add(application=application, user=recruiter, text=" Sterk cv ")
    with pytest.raises(ValidationError):
        services.application_note_add(application=application, user=recruiter, text="  ")

    [note] = application.notes.all()
    assert (note.text, note.author_name) == ("Sterk cv", "recruiter")


def test_recruiters_see_every_application_and_a_count_per_status(apply, vacancy, recruiter):
    first, second, third = (apply(vacancy, email=f"p{i}@example.org") for i in range(3))
    services.application_status_change(application=second, status=S.IN_REVIEW, user=recruiter)
    services.application_status_change(application=third, status=S.REJECTED, user=recruiter)

    visible = selectors.applications_for_user(user=recruiter)
    counts = choice_counts(visible, "status")

    assert set(visible) == {first, second, third}
    assert counts == {
        "new": 1,
        "in_review": 1,
        "interview": 0,
        "offer": 0,
        "hired": 0,
        "rejected": 1,
        "withdrawn": 0,
    }
