import pytest
from django.core.exceptions import ImproperlyConfigured

from privacy import registry
from privacy.models import ConsentRecord
from tests.privacy.testapp.models import Attachment, Dossier


def test_models_with_a_personal_data_declaration_are_discovered():
    labels = [registration.label for registration in registry.registered_models()]
    assert "privacy_testapp.Dossier" in labels
    assert "privacy.ConsentRecord" in labels
    assert "privacy_testapp.Attachment" not in labels


def test_a_declaration_resolves_files_across_relations_to_their_storage():
    registration = registry.registration_for(Dossier)
    paths = {file.path: file for file in registration.files}
    assert set(paths) == {"document", "attachments__file"}
    assert paths["attachments__file"].field is Attachment._meta.get_field("file")
    assert registration.export_exclude == {"secret_note"}


def _declare(**attributes):
    return type("PersonalData", (), attributes)


@pytest.mark.parametrize(
    ("attributes", "message"),
    [
        ({"subject": "e_mail"}, "'e_mail' is not a field of privacy_testapp.Dossier"),
        ({"subject": "name__email"}, "'name' is not a relation"),
        ({"subject": "retain_until"}, "must end on a text field"),
        ({"subject": "email", "files": ("name",)}, "must end on a FileField"),
        ({"subject": "email", "files": "document"}, "tuple of lookup paths"),
        ({"subject": "email", "files": ("attachments__fiel",)}, "'fiel' is not a field"),
        ({"subject": "email", "purpose": "purpose__key"}, "'purpose' is not a field"),
        ({"subject": "email", "expired": "name"}, "must end on a DateTimeField"),
        ({"subject": "email", "expired": 30}, "lookup path or a callable"),
        ({"subject": "email", "export_exclude": ("password",)}, "unknown field(s): password"),
        ({"subject": "email", "subjects": "email"}, "unknown attribute(s) subjects"),
        ({}, "subject must be a lookup path"),
    ],
)
def test_a_bad_declaration_fails_loudly_naming_the_model_and_path(attributes, message):
    with pytest.raises(ImproperlyConfigured) as error:
        registry._validate(Dossier, _declare(**attributes))
    assert message in str(error.value)


def test_discovery_fails_at_start_up_when_a_declaration_is_wrong(monkeypatch):
    monkeypatch.setattr(Dossier, "PersonalData", _declare(subject="nobody"))
    try:
        with pytest.raises(ImproperlyConfigured, match="privacy_testapp.Dossier"):
            registry.discover()
    finally:
        monkeypatch.undo()
        registry.discover()
    assert registry.registration_for(Dossier).subject == "email"


def test_a_callable_expiry_is_accepted():
    registration = registry.registration_for(ConsentRecord)
    assert callable(registration.expired)
