"""Wagtail's API v2 carries a form page's public definition, never its inbox."""

import pytest

from forms.models import FieldType
from tests.forms.factories import FormFieldFactory

pytestmark = pytest.mark.django_db


def test_page_detail_carries_intro_thank_you_text_and_the_fields_public_definition(
    client, contact_page
):
    contact_page.intro = "<p>Stel uw vraag.</p>"
    contact_page.thank_you_text = "<p>Dank u.</p>"
    contact_page.save_revision().publish()
    FormFieldFactory(
        page=contact_page,
        sort_order=10,
        label="Sector",
        key="sector",
        help_text="Kies er een.",
        field_type=FieldType.RADIO,
        choices="Bouw\nHandel",
        required=False,
    )

    response = client.get(f"/api/v2/pages/{contact_page.pk}/")

    assert response.status_code == 200
    data = response.json()
    assert data["intro"] == "<p>Stel uw vraag.</p>"
    assert data["thank_you_text"] == "<p>Dank u.</p>"
    fields = {field["key"]: field for field in data["form_fields"]}
    assert list(fields)[:3] == ["name", "email", "question"]
    assert {k: v for k, v in fields["sector"].items() if k not in ("id", "meta")} == {
        "key": "sector",
        "field_type": "radio",
        "label": "Sector",
        "help_text": "Kies er een.",
        "choices": [{"value": "Bouw", "label": "Bouw"}, {"value": "Handel", "label": "Handel"}],
        "required": False,
    }
    assert "inbox" not in data
    assert "inbox@example.org" not in response.content.decode()
