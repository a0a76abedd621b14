"""What forms sends about a submission: the inbox's notice, the sender's acknowledgement,
and the mails an app's record sends its person (:func:`record_mail_queue`)."""

from __future__ import annotations

from django.conf import settings
from django.utils import translation

from privacy.links import admin_url
from privacy.models import ConsentDecision
from privacy.selectors import purpose_get
from privacy.services.mail import mail_queue, mail_send

from ..models.submissions import FormSubmission


def submission_notify(*, submission: FormSubmission, url: str = "") -> bool:
    """Tell the inbox a submission arrived: the form's name and a link, no answers, no files.

    ``url`` is where the readers open it; by default the worker links to the record an app
    keeps with the submission, which that app's readers open (an application in the
    recruitment area), else to the inbox's submission (:func:`submission_notify_build`).
    """
    if not submission.inbox.notification_address:
        return False  # an inbox read in the admin alone
    return mail_send(
        to=submission.inbox.notification_address,
        template="forms/email/new_submission",
        language=settings.LANGUAGE_CODE,
        context={"submission": submission, "url": url},
        staff=True,
        build="forms.services.submission_notify_build",
    )


def submission_notify_build(context: dict) -> tuple[dict, list]:
    """In the worker: the link of an inbox's notice, when the sender named none."""
    from ..models import submission_record

    submission = context["submission"]
    if not context["url"]:
        record = submission_record(submission)
        context["url"] = (
            admin_url(path=record.admin_url())
            if record is not None
            else admin_url(name="forms_inboxes:submission", args=[submission.pk])
        )
    return context, []


def submission_acknowledge(*, submission: FormSubmission) -> bool:
    """Send the sender what they sent, with each purpose and how long it is kept, when the
    form asks for it (``FormPage.send_acknowledgement``): in their language, to their
    address alone. The purposes are the decisions recorded with the submission and the
    inbox's own, in the words of the notices (:func:`privacy.selectors.purpose_notices`)."""
    from privacy.selectors import consent_decision_label, consents_for_source, purpose_notices

    from ..selectors import consent_source_ref, form_labels, submission_answers

    language = submission.locale or settings.LANGUAGE_CODE
    page = submission.translation_page or submission.page
    with translation.override(language):
        answers = [
            {"label": answer.label, "value": answer.value}
            for answer in submission_answers(submission, form_labels(page))
            if answer.value
        ]
        # A box left unticked keeps nothing, so it is no reason to keep anything here.
        decisions = {
            record.purpose_key: consent_decision_label(record)
            for record in consents_for_source(source_ref=consent_source_ref(submission))
            if record.decision != ConsentDecision.REFUSED
        }
        keys = list(dict.fromkeys([submission.inbox.purpose.key, *decisions]))
        found = (purpose_get(key=key, locale=language) for key in keys)
        purposes = [
            {
                "name": notice.name,
                "retention": notice.retention,
                "decision": decisions.get(notice.key, ""),
            }
            for notice in purpose_notices([p for p in found if p is not None], language)
        ]
    return mail_send(
        to=submission.subject_email,
        template="forms/email/acknowledgement",
        language=language,
        context={
            # A form names its questions as its editor likes; these are the usual keys.
            "name": str(
                submission.answers.get("first_name") or submission.answers.get("name") or ""
            ),
            "form_title": page.title if page is not None else submission.form_title,
            "submitted_at": submission.submitted_at,
            "answers": answers,
            "purposes": purposes,
        },
    )


def record_mail_queue(*, record, template: str, build: str, at=None, **context):
    """Queue a mail to the person of a submission record (an applicant, a registrant)
    alone, in the language they filled the form in, through privacy's one sender.

    The context holds the record under its model's name (``application``) and ``context``;
    ``build`` puts the rest together in the worker, from the record as it is then, so the
    request stores only the outbox row. ``at`` holds the mail back until then (a rejection
    that may still be undone). Returns the outbox row; None when there is nobody to send to.
    """
    submission = record.submission
    return mail_queue(
        to=submission.subject_email,
        template=template,
        language=submission.locale or settings.LANGUAGE_CODE,
        context={record._meta.model_name: record, **context},
        build=build,
        at=at,
    )
