"""The forms app's models: the form page base, the site's form page, inboxes, submissions.

Imports run one way: ``submissions`` and ``inbox`` need nothing of the pages;
:mod:`forms.services` needs only those two; ``base_page`` calls the services.
"""

from ..constants import FieldType
from .fields import FileKindsField
from .inbox import Inbox, InboxName
from .records import (
    ConsentBound,
    KeptConsent,
    RecordNote,
    SubmissionRecord,
    colleague_fields,
    colleague_name,
    consent_bound_models,
    follows_submission,
    submission_record,
    submission_record_models,
    without_record,
)
from .submissions import FileDownloadLog, FormSubmission, SubmissionFile

# isort: split
from .base_field import AbstractFormField
from .base_page import AbstractFormPage, form_page_models
from .pages import FormField, FormPage

__all__ = [
    "AbstractFormField",
    "AbstractFormPage",
    "ConsentBound",
    "FieldType",
    "FileDownloadLog",
    "FileKindsField",
    "FormField",
    "FormPage",
    "FormSubmission",
    "Inbox",
    "InboxName",
    "KeptConsent",
    "RecordNote",
    "SubmissionFile",
    "SubmissionRecord",
    "colleague_fields",
    "colleague_name",
    "consent_bound_models",
    "follows_submission",
    "form_page_models",
    "submission_record",
    "submission_record_models",
    "without_record",
]
