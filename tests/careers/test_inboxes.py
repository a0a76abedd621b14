"""Applications have one place, the recruitment area: the Inboxes menu lists no CV, and an
inbox link to an application leads there, for the Recruitment group alone."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_inboxes_list_no_application_and_their_links_lead_to_recruitment(
    client, vacancy, apply, recruiter, inbox
):
    application = apply(vacancy)
    client.force_login(recruiter)

    inboxes = client.get(reverse("forms_inboxes:index")).content.decode()
    listing = client.get(reverse("forms_inboxes:submissions", args=[inbox.pk])).content.decode()
    link = client.get(reverse("forms_inboxes:submission", args=[application.submission.pk]))

    assert inbox.name not in inboxes
    assert application.submission.subject_email not in listing
    assert link.status_code == 302
    assert link["Location"] == reverse("careers_recruitment:application", args=[application.pk])


def test_nobody_outside_recruitment_follows_an_inbox_link_to_an_application(
    client, vacancy, apply, outsider
):
    application = apply(vacancy)
    client.force_login(outsider)

    link = client.get(reverse("forms_inboxes:submission", args=[application.submission.pk]))

    assert link.status_code == 302
    assert link["Location"] == reverse("wagtailadmin_home")
    assert application.submission.subject_email not in client.get(link["Location"]).content.decode()
