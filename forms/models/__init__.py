"""The forms app's models: pages and fields, inboxes, submissions and their files."""

from ..constants import FieldType
from .fields import FileKindsField
from .inbox import Inbox
from .pages import FormField, FormPage
from .submissions import FileDownloadLog, FormSubmission, SubmissionFile

__all__ = [
    "FieldType",
    "FileDownloadLog",
    "FileKindsField",
    "FormField",
    "FormPage",
    "FormSubmission",
    "Inbox",
    "SubmissionFile",
]
