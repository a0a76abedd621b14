"""The form fields the builder makes beyond Django's: a checked upload, a purpose's consent
box or notice, and the help under a consent box."""

from __future__ import annotations

from django import forms as django_forms
from django.core.validators import RegexValidator
from django.utils.functional import Promise
from django.utils.html import conditional_escape
from django.utils.translation import gettext_lazy as _

from privacy.models import ConsentDecision

from ..files import ALL_KINDS, EXTENSIONS, check_upload

phone_validator = RegexValidator(
    r"^\+?[0-9 ()./-]{6,32}$",
    _("Enter a phone number: digits, spaces and + ( ) . / - only."),
)


class PrivateFileField(django_forms.FileField):
    """An upload checked by its content; ``clean`` leaves the findings on the file.

    The findings (kind, size, sha256, cleaned name) travel as ``upload.checked`` so the
    service that stores the file does not read it again to learn them.
    """

    def __init__(self, *, kinds, max_size: int, form_id=None, key: str = "", **kwargs):
        self.kinds = tuple(kinds) or ALL_KINDS
        self.max_size = max_size
        self.form_id, self.key = form_id, key
        kwargs.setdefault(
            "widget",
            django_forms.FileInput(
                attrs={"accept": ",".join(ext for k in self.kinds for ext in EXTENSIONS[k])}
            ),
        )
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if upload:
            upload.checked = check_upload(
                upload,
                kinds=self.kinds,
                max_size=self.max_size,
                form_id=self.form_id,
                field_key=self.key,
            )
        return upload


class PurposeField:
    """A purpose a form states: its ``decision`` is what the ledger records for it."""

    purpose = None

    def decision(self, value) -> ConsentDecision:
        raise NotImplementedError


class PurposeConsentField(PurposeField, django_forms.BooleanField):
    """A consent tick box bound to a purpose: never ticked in advance, never required.

    Consent that is a condition of the service is not freely given (GDPR art. 7(4)), so
    the editor's "required" is ignored here and refused in the page editor.
    """

    def __init__(self, *, purpose, **kwargs):
        self.purpose = purpose
        kwargs["initial"] = False
        kwargs["required"] = False
        super().__init__(**kwargs)

    def decision(self, value) -> ConsentDecision:
        return ConsentDecision.GIVEN if value else ConsentDecision.REFUSED


class WithdrawalHelp(Promise):
    """The help under a consent box, worked out each time it is shown, never before.

    Django's ``BoundField`` reads ``field.help_text or ""`` for every field it binds, also
    when a submission is only validated; a lazy string answers that truth test by building
    itself (policy address, controller, retention words). This text always says how to
    withdraw, so it is never empty: it answers True unbuilt, and a submission stored without
    showing the form pays nothing for it. Each showing builds it afresh, so an edit of the
    policy or the controller shows at once.
    """

    __slots__ = ("_build",)

    def __init__(self, build):
        self._build = build

    def __bool__(self) -> bool:
        return True

    def __str__(self) -> str:
        return self._build()

    def __html__(self) -> str:
        return conditional_escape(self._build())

    def __repr__(self) -> str:
        return f"<WithdrawalHelp: {self._build()!r}>"

    def __eq__(self, other) -> bool:
        return self._build() == (str(other) if isinstance(other, Promise) else other)

    def __hash__(self) -> int:
        return hash(self._build())

    def __add__(self, other):
        return self._build() + other

    def __radd__(self, other):
        return other + self._build()

    def __mod__(self, other):
        return self._build() % other

    def __deepcopy__(self, memo):
        # Immutable, as Django's lazy strings are.
        return self


class NoticeWidget(django_forms.Widget):
    """Renders nothing where the fields are: the form shows its notices above the button.

    Being a hidden widget keeps the notice out of ``form.visible_fields``; its words come
    from ``form.notices``. Whatever a client sends under its key is ignored.
    """

    input_type = "hidden"
    is_hidden = True

    def render(self, name, value, attrs=None, renderer=None):
        return ""

    def value_from_datadict(self, data, files, name):
        return None

    def value_omitted_from_data(self, data, files, name):
        return False


class PurposeNoticeField(PurposeField, django_forms.Field):
    """A purpose with another legal basis than consent, stated as a notice (GDPR art. 13).

    Nobody is asked anything; the ledger records that the person was informed, with the
    revision of the purpose the notice was made from.
    """

    widget = NoticeWidget

    def __init__(self, *, purpose, locale=None, **kwargs):
        self.purpose = purpose
        self.locale = locale
        kwargs["required"] = False
        super().__init__(**kwargs)

    def decision(self, value) -> ConsentDecision:
        return ConsentDecision.INFORMED
