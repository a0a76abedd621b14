"""Turning an editor's field list into a Django form.

By part: :mod:`.form_builder` makes one field per editor field, :mod:`.fields` holds the
fields it adds to Django's (a checked upload, a purpose's consent box or notice), and
:mod:`.form` the form they make up. Import from here: ``forms.builder.<name>`` is the public
surface.
"""

from .fields import (
    NoticeWidget,
    PrivateFileField,
    PurposeConsentField,
    PurposeField,
    PurposeNoticeField,
    WithdrawalHelp,
    phone_validator,
)
from .form import CAPTCHA_FIELD_NAME, IGNORED_KEYS, SubmissionForm, form_on_behalf
from .form_builder import CHOOSE, FormBuilder

__all__ = [
    "CAPTCHA_FIELD_NAME",
    "CHOOSE",
    "IGNORED_KEYS",
    "FormBuilder",
    "NoticeWidget",
    "PrivateFileField",
    "PurposeConsentField",
    "PurposeField",
    "PurposeNoticeField",
    "SubmissionForm",
    "WithdrawalHelp",
    "form_on_behalf",
    "phone_validator",
]
