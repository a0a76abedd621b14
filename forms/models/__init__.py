"""The forms app's models: the form page base, the site's form page, inboxes, submissions."""

from ..constants import FieldType
from .base_field import AbstractFormField
from .base_page import AbstractFormPage, form_page_models
from .fields import FileKindsField
from .inbox import Inbox
from .pages import FormField, FormPage
from .submissions import FileDownloadLog, FormSubmission, SubmissionFile

__all__ = [
    "AbstractFormField",
    "AbstractFormPage",
    "FieldType",
    "FileDownloadLog",
    "FileKindsField",
    "FormField",
    "FormPage",
    "FormSubmission",
    "Inbox",
    "SubmissionFile",
    "form_page_models",
]
