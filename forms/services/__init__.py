"""Everything in forms with side effects: storing submissions, handling them, telling inboxes.

By topic: :mod:`.submissions` stores a submission and changes it afterwards, :mod:`.notices`
writes to the inbox and the sender, :mod:`.records` keeps readers' notes on an app's record,
:mod:`.files` hands a submitted file to its reader. Import
from here: ``forms.services.<name>`` is the public surface (an outbox row names
``forms.services.submission_notify_build`` as its ``build``).
"""

from .files import PRESIGNED_SECONDS, file_download_log, file_response
from .notices import (
    record_mail_queue,
    submission_acknowledge,
    submission_notify,
    submission_notify_build,
)
from .records import consent_bound_delete, kept_consent_keep, record_note_add
from .submissions import (
    ConsentWordingChanged,
    SubmissionInput,
    SubmissionNotStored,
    SubmissionRefused,
    SubmissionWithheld,
    submission_consent_choose,
    submission_consent_give,
    submission_create,
    submission_mark_handled,
    submission_retention_update,
)

__all__ = [
    "PRESIGNED_SECONDS",
    "ConsentWordingChanged",
    "SubmissionInput",
    "SubmissionNotStored",
    "SubmissionRefused",
    "SubmissionWithheld",
    "consent_bound_delete",
    "file_download_log",
    "file_response",
    "kept_consent_keep",
    "record_mail_queue",
    "record_note_add",
    "submission_acknowledge",
    "submission_consent_choose",
    "submission_consent_give",
    "submission_create",
    "submission_mark_handled",
    "submission_notify",
    "submission_notify_build",
    "submission_retention_update",
]
