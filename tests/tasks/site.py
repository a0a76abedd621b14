"""Builds the contact page the worker tests submit to, in a database of its own:
``manage.py shell -c "from tests.tasks.site import build; build()"``."""

INBOX_ADDRESS = "secretariat@example.org"


def build() -> None:
    from wagtail.models import Locale, Page, Site

    from forms.models import FieldType
    from privacy.models import LegalBasis
    from tests.forms.factories import FormFieldFactory, FormPageFactory, InboxFactory
    from tests.privacy.factories import PurposeFactory

    Locale.objects.get_or_create(language_code="nl")
    root = Page.get_first_root_node()
    home = root.add_child(instance=Page(title="Home", slug="home-tasks"))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
    )
    purpose = PurposeFactory(
        key="answer-request",
        consent_text="We gebruiken uw gegevens om uw vraag te beantwoorden.",
        legal_basis=LegalBasis.LEGITIMATE_INTEREST,
    )
    inbox = InboxFactory(name="Contact", notification_address=INBOX_ADDRESS)
    page = FormPageFactory(parent=home, title="Contact", slug="contact", inbox=inbox)
    fields = [
        {"label": "Naam", "key": "name"},
        {
            "label": "E-mail",
            "key": "email",
            "field_type": FieldType.EMAIL,
            "is_subject_email": True,
        },
        {"label": "Vraag", "key": "question", "field_type": FieldType.MULTILINE},
        {"label": "Antwoord", "key": "answer", "field_type": FieldType.PURPOSE, "purpose": purpose},
    ]
    for order, options in enumerate(fields):
        FormFieldFactory(page=page, sort_order=order, **options)
    print(page.pk)
