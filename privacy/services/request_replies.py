"""The officers' answers to a data-subject request, one per kind of right.

Each outcome first does what the person asked (erase, restrict, withdraw), then writes to
them in the language of their request, with the officer's own words added, and stores the
message as sent (:class:`~privacy.models.RequestReply`). Closing the request records which
messages were sent. Every step is a log entry in the request's history.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone, translation
from wagtail.log_actions import log

from .. import conf
from ..models import (
    OUTCOMES_BY_KIND,
    ConsentSource,
    DataSubjectRequest,
    ReplyOutcome,
    RequestReply,
    RequestStatus,
)
from ..models.requests import EXTENSION_MONTHS, FINAL_STATUSES, REQUEST_PURPOSE, months_after
from .consent import consent_refuse
from .mail import mail_render, mail_send
from .subjects import subject_erase

REPLY_TEMPLATE = "privacy/email/request_reply"
CONSENT_PROOF_PURPOSE = "consent-proofs"

#: Outcomes whose message would say nothing without the officer's words: what was
#: corrected, why the request is refused, which processing stopped.
NOTE_REQUIRED = (
    ReplyOutcome.RECTIFIED,
    ReplyOutcome.REFUSED,
    ReplyOutcome.OBJECTION,
    ReplyOutcome.EXTENDED,
)


class ReplyRefused(ValueError):
    """The outcome does not fit the request, or its text is missing."""


@dataclass(frozen=True)
class KeptItem:
    """Something kept after an erasure, and why, in the requester's language."""

    what: str
    why: str
    until: str


@dataclass(frozen=True)
class ErasedItem:
    """One kind of record an erasure deleted, for which purposes, in the requester's words."""

    what: str
    purposes: str
    rows: int
    files: int


def _erased_by(report) -> list[ErasedItem]:
    """What the erasure deleted, from its own report: per model, the purposes and counts
    (in the active language)."""
    from django.apps import apps

    from ..selectors import purpose_names

    names = purpose_names()
    erased = []
    for outcome in report.outcomes:
        if not outcome.total_rows:
            continue
        model = apps.get_model(outcome.model)
        erased.append(
            ErasedItem(
                what=str(model._meta.verbose_name_plural).capitalize(),
                purposes=", ".join(names.get(key, key) for key in sorted(outcome.rows) if key),
                rows=outcome.total_rows,
                files=outcome.total_files,
            )
        )
    return erased


def reply_outcomes(*, request: DataSubjectRequest) -> list[str]:
    """What an officer may answer to this request: its kind's outcomes, then refusal.

    A restriction offers lifting only while it stands, and restricting only until then. An
    open request may have its deadline extended once (GDPR art. 12(3)).
    """
    outcomes = list(OUTCOMES_BY_KIND.get(request.kind, ()))
    if ReplyOutcome.RESTRICTED in outcomes:
        outcomes.remove(ReplyOutcome.RESTRICTED if request.is_restricting else ReplyOutcome.LIFTED)
    if request.is_open and request.extended_at is None:
        outcomes.append(ReplyOutcome.EXTENDED)
    return [*outcomes, ReplyOutcome.REFUSED]


def _kept_after_erasure(*, request: DataSubjectRequest, hashed: int) -> list[KeptItem]:
    """What an erasure leaves, said from the purposes' own data (the register's words)."""
    from django.utils.translation import gettext as _

    from ..selectors import purpose_get, purpose_notice

    kept = []
    purpose = purpose_get(key=REQUEST_PURPOSE, locale=request.locale)
    notice = purpose_notice(purpose, request.locale) if purpose else None
    kept.append(
        KeptItem(
            what=_("Your request and our answers to it."),
            why=notice.legal_basis if notice else _("Legal obligation"),
            until=notice.retention if notice else "",
        )
    )
    if hashed:
        purpose = purpose_get(key=CONSENT_PROOF_PURPOSE, locale=request.locale)
        notice = purpose_notice(purpose, request.locale) if purpose else None
        years = conf.consent_proof_years()
        kept.append(
            KeptItem(
                what=_(
                    "The proof of the consents you gave or refused, with your address "
                    "replaced by a code that names nobody."
                ),
                why=f"{notice.legal_basis} ({purpose.name})" if notice else _("Legal obligation"),
                until=notice.retention
                if notice
                else _("%(years)d years, then deleted.") % {"years": years},
            )
        )
    return kept


def _withdraw_all(*, request: DataSubjectRequest) -> list[str]:
    """Withdraw every consent in force for the address; the ledger records the refusal."""
    from ..selectors import consents_current

    withdrawn = []
    for record in consents_current(email=request.email).values():
        if not record.is_active:
            continue
        consent_refuse(
            purpose=record.purpose,
            email=request.email,
            locale=request.locale,
            source=ConsentSource.ADMIN,
            text_shown=record.text_shown,
        )
        withdrawn.append(record.purpose.name)
    return withdrawn


def request_reply_send(
    *, request: DataSubjectRequest, outcome: str, note: str = "", user=None, context=None
) -> RequestReply:
    """Carry out ``outcome`` for ``request``, tell the requester, and store what was sent.

    Refusal, rectification and objection need the officer's text (the reason, what was
    corrected, what stopped). Raises :class:`ReplyRefused` when the outcome does not fit.
    """
    if not request.is_confirmed:
        raise ReplyRefused("The request's address is not confirmed; nothing may be done.")
    note = note.strip()
    if outcome not in reply_outcomes(request=request):
        raise ReplyRefused(f"{outcome!r} does not answer a {request.kind} request.")
    if outcome in NOTE_REQUIRED and not note:
        raise ReplyRefused("This answer needs the officer's text.")
    context = dict(context or {})
    data = {"outcome": outcome}
    now = timezone.now()
    if outcome == ReplyOutcome.ERASED:
        # Not one transaction: files cannot be rolled back (see request_erase). Who received
        # the data is listed first, while it is there (GDPR art. 19).
        from .recipients import request_recipients_list

        request_recipients_list(request=request)
        report = subject_erase(email=request.email)
        # Nothing is left to manage: the answer carries no preference-centre link, which
        # would store the address again in a new link row.
        context["preferences_url"] = ""
        with translation.override(request.locale):
            context["erased"] = _erased_by(report)
            context["kept"] = _kept_after_erasure(request=request, hashed=report.hashed)
        data.update(rows=report.rows, files=report.files, hashed=report.hashed)
    elif outcome == ReplyOutcome.RESTRICTED:
        request.restricted_at, request.restriction_lifted_at = now, None
    elif outcome == ReplyOutcome.LIFTED:
        request.restriction_lifted_at = now
    elif outcome == ReplyOutcome.EXTENDED:
        request.due_date = months_after(request.due_date, EXTENSION_MONTHS)
        request.extended_at, request.extension_reason = now, note
        context["due_date"] = request.due_date
        data["due_date"] = request.due_date.isoformat()
    elif outcome == ReplyOutcome.WITHDRAWN:
        with translation.override(request.locale):
            context["withdrawn"] = _withdraw_all(request=request)
        data["withdrawn"] = len(context["withdrawn"])
    with transaction.atomic():
        reply = reply_store(
            request=request, outcome=outcome, note=note, user=user, context=context, now=now
        )
        if request.status not in FINAL_STATUSES:
            request.status = _status_after(outcome)
        if user is not None and request.handled_by_id is None:
            request.handled_by = user
        request.retention_sync()
        request.save()
        log(instance=request, action="privacy.request.reply", user=user, data=data)
    return reply


def _status_after(outcome: str) -> str:
    if outcome == ReplyOutcome.REFUSED:
        return RequestStatus.REJECTED
    if outcome == ReplyOutcome.EXTENDED:
        return RequestStatus.IN_PROGRESS
    return RequestStatus.ANSWERED


def reply_store(
    *,
    request: DataSubjectRequest,
    outcome: str,
    note: str = "",
    user=None,
    context: dict,
    now=None,
    template: str = REPLY_TEMPLATE,
) -> RequestReply:
    """Render the message once for the record, send it, and keep it with the request."""
    context = {"request": request, "outcome": outcome, "note": note, **context}
    # One preference-centre link for the stored copy and the mail sent, so they are the same.
    if "preferences_url" not in context:
        from .preferences import preference_centre_url

        context["preferences_url"] = preference_centre_url(request.email, request.locale)
    rendered = mail_render(
        to=(request.email,), template=template, language=request.locale, context=context
    )
    delivered = mail_send(
        to=request.email,
        template=template,
        language=request.locale,
        context=context,
        answers_request=True,
    )
    return RequestReply.objects.create(
        request=request,
        outcome=outcome,
        note=note,
        subject=rendered.subject,
        text=rendered.text,
        language=request.locale,
        sent_at=now or timezone.now(),
        sent_by=user,
        delivered=delivered,
    )


def request_close(*, request: DataSubjectRequest, user=None) -> DataSubjectRequest:
    """Close the request: its retention starts, and the log records what was sent."""
    replies = list(request.replies.order_by("sent_at").values_list("pk", "outcome", "sent_at"))
    with transaction.atomic():
        request.status = RequestStatus.CLOSED
        if user is not None and request.handled_by_id is None:
            request.handled_by = user
        request.retention_sync()
        request.save()
        log(
            instance=request,
            action="privacy.request.close",
            user=user,
            data={
                "replies": [
                    {"id": pk, "outcome": outcome, "sent_at": sent_at.isoformat()}
                    for pk, outcome, sent_at in replies
                ]
            },
        )
    return request
