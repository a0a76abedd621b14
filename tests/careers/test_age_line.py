"""An internship says what the policy says about minors, in forms' one wording; a job does not."""

from django.utils import translation

from careers.constants import EmploymentType
from forms.constants import AGE_LINE
from tests.careers.factories import VacancyPageFactory


def _line(language="nl") -> str:
    with translation.override(language):
        return str(AGE_LINE)


def test_an_internship_shows_the_age_line_on_its_page_and_in_the_api(client, index, inbox):
    internship = VacancyPageFactory(
        parent=index, slug="stage", inbox=inbox, employment_type=EmploymentType.INTERN
    )

    html = client.get(internship.url).content.decode()
    schema = client.get(f"/api/forms/{internship.pk}").json()

    assert _line() in html
    assert schema["age_line"] == _line()
    assert _line() != _line("en")


def test_a_job_has_no_age_line(client, vacancy):
    html = client.get(vacancy.url).content.decode()
    schema = client.get(f"/api/forms/{vacancy.pk}").json()

    assert _line() not in html
    assert schema["age_line"] == ""
