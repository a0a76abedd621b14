"""Form pages in a private section (Wagtail's view restrictions): whether any page is private
is kept in the shared cache, and a restriction added or lifted shows at the next request."""

import pytest
from wagtail.models import PageViewRestriction

from forms.models import FormSubmission

pytestmark = pytest.mark.django_db


def restrict(page) -> PageViewRestriction:
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="leden"
    )


def test_a_form_page_made_private_asks_for_the_password_and_stores_nothing(
    contact_page, client, valid_data
):
    assert client.get(contact_page.url).status_code == 200  # the site had no private page

    restrict(contact_page)
    response = client.post(contact_page.url, valid_data)

    assert "password" in response.content.decode().lower()
    assert 'name="question"' not in response.content.decode()
    assert not FormSubmission.objects.exists()


def test_a_form_in_a_section_made_private_is_gone_from_the_api(
    contact_page, home, client, valid_data
):
    assert client.get(f"/api/forms/{contact_page.pk}").status_code == 200

    restrict(home)

    assert client.get(f"/api/forms/{contact_page.pk}").status_code == 404
    response = client.post(f"/api/forms/{contact_page.pk}/submissions", valid_data)
    assert response.status_code == 404
    assert not FormSubmission.objects.exists()


def test_a_lifted_restriction_opens_the_form_again(contact_page, home, client, valid_data):
    restriction = restrict(home)
    assert client.get(f"/api/forms/{contact_page.pk}").status_code == 404

    restriction.delete()

    assert client.get(f"/api/forms/{contact_page.pk}").status_code == 200
    assert client.post(contact_page.url, valid_data).status_code == 303
    assert FormSubmission.objects.count() == 1
