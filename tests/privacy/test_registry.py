import pytest
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from forms.models import FormSubmission
from privacy import registry
from privacy.models import ConsentRecord
from privacy.registry import Retention
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


@pytest.mark.django_db
def test_a_callable_expiry_decides_which_rows_are_expired():
    def only_old(queryset, now):
        return queryset.filter(name="old")

    registration = registry._validate(
        Dossier, _declare(subject="email", expired=staticmethod(only_old))
    )
    Dossier.objects.create(email="a@example.org", name="old")
    Dossier.objects.create(email="b@example.org", name="new")

    expired = registration.expired_queryset(timezone.now())

    assert [dossier.name for dossier in expired] == ["old"]
    assert registry.registration_for(ConsentRecord).expired_queryset(timezone.now()) is not None


@pytest.mark.parametrize(
    ("attributes", "message"),
    [
        ({"retention": "retain_until"}, "must be a Retention(...)"),
        ({"retention": Retention(started="name")}, "'name' must be a DateTimeField"),
        ({"retention": Retention(started="retain_until"), "purpose": ""}, "needs a purpose"),
    ],
)
def test_a_bad_retention_declaration_fails_loudly(attributes, message):
    declaration = {"subject": "email", "purpose": "purpose_key", "expired": "retain_until"}

    with pytest.raises(ImproperlyConfigured) as error:
        registry._validate(Dossier, _declare(**{**declaration, **attributes}))

    assert message in str(error.value)


def test_form_submissions_hand_their_retention_to_the_privacy_core_with_their_pages_rules():
    registration = registry.registration_for(FormSubmission)
    retention = registration.retention

    assert (retention.started, retention.decided, retention.ended) == (
        "submitted_at",
        "handled_at",
        "ends_at",
    )
    # Application pages add their application's outcome and the talent pool, once.
    assert (retention.outcome, retention.outcome_moment) == (
        "application__status",
        "application__decided_at",
    )
    assert retention.also == (("talent-pool", "application__talent_pool_since"),)
    assert registration.expired == "retain_until"
