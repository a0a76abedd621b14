"""The headless forms API's documents, as they appear in the OpenAPI document."""

from ninja import Field, Schema


class ChoiceOut(Schema):
    value: str
    label: str


class FileRulesOut(Schema):
    kinds: list[str] = Field(description="Accepted kinds, decided by the file's content.")
    extensions: list[str] = Field(description="File name extensions matching those kinds.")
    max_size: int = Field(description="Largest accepted file, in bytes.")


class FieldOut(Schema):
    key: str = Field(description="Name to send the answer under; the same in every language.")
    type: str = Field(description="singleline, multiline, email, phone, number, date, …")
    label: str
    help_text: str
    required: bool
    choices: list[ChoiceOut] = Field(description="For drop-down, radio and checkboxes.")
    default: str | list[str] | bool | None
    file: FileRulesOut | None = Field(None, description="For file uploads.")
    purpose: str | None = Field(None, description="For purpose consent: the purpose's key.")


class PurposeOut(Schema):
    key: str
    field: str = Field(
        description="The form key of its consent box (nothing to send for a notice)."
    )
    kind: str = Field(
        description=(
            "consent: an unticked box, never required, sent as 'on' when ticked; notice: "
            "stated above the submit button (GDPR art. 13), nothing to send."
        )
    )
    name: str
    text: str = Field(description="The words shown beside the box, or at the top of the notice.")
    legal_basis: str = Field(
        description="consent, contract, legal_obligation or legitimate_interest."
    )
    legal_basis_label: str = Field(description="The legal basis in the requested language.")
    retention: str = Field(description="How long the data is kept, in words.")
    recipients: str = Field(description="Who receives the data, besides the organisation.")
    controller: str = Field(description="Who processes the data.")
    policy_url: str | None = Field(
        description="The purpose's entry in the privacy policy; null when there is none."
    )
    revision_id: int | None = Field(
        description=(
            "The purpose revision the text belongs to; send it back under "
            "purpose_revisions with the submission, so the proof names what was shown."
        )
    )
    required: bool = Field(description="Always false: consent is never a condition.")
    interest: str = Field(
        "", description="Legitimate interest: the interest pursued; empty for other bases."
    )
    objection: str = Field(
        "", description="Legitimate interest: how to object (GDPR art. 21(4)); else empty."
    )
    withdrawal: str = Field(
        "", description="Consent: the line under the box saying how to withdraw; else empty."
    )


class RecaptchaOut(Schema):
    site_key: str
    version: str = Field(description="v2 (checkbox) or v3 (scored, invisible).")
    action: str | None = Field(description="v3: the action to request the token for.")
    response_field: str = Field(description="Send the reCAPTCHA token under this name.")


class FormOut(Schema):
    id: int = Field(description="The page served: the translation in the requested locale.")
    title: str
    accepts_submissions: bool = Field(
        description="False while the form is closed (a vacancy past its closing date): "
        "submissions are then refused with 409."
    )
    locale: str
    translations: dict[str, int] = Field(description="Locale code -> page id of each version.")
    fields: list[FieldOut]
    purposes: list[PurposeOut]
    age_line: str = Field(
        "", description="What the form tells a minor (an internship, an event); empty otherwise."
    )
    recaptcha: RecaptchaOut | None = Field(description="Null when no captcha is required.")
    max_body_size: int = Field(description="Largest request body accepted, files included.")


class SubmissionCreatedOut(Schema):
    id: int


class ErrorsOut(Schema):
    errors: dict[str, list[str]] = Field(
        description='Messages per field key; errors about the whole form under "__all__".'
    )


class DetailOut(Schema):
    detail: str = Field(description="What went wrong, in one sentence.")
    errors: dict[str, list[str]] = Field(
        description='The same sentence under "__all__": every error answer has "errors".'
    )


def detail_body(message) -> dict:
    """An error about the request as a whole, in the shape every error answer has."""
    message = str(message)
    return {"detail": message, "errors": {"__all__": [message]}}
