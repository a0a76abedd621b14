"""Vacancy pages and their index, as visitors, search engines and headless clients see them."""

import datetime
import io
import json

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from careers.constants import VacancyStatus
from careers.models import Application
from forms.models import FormSubmission
from tests.careers.factories import SpontaneousApplicationPageFactory, VacancyPageFactory
from tests.forms.samples import pdf_bytes
from tests.translations import translation_with_parents

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def _titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.get_text() for a in soup.select(".vacancy-list h2 a")]


def _closed(index, inbox, **kwargs):
    return VacancyPageFactory(
        parent=index,
        inbox=inbox,
        title="Stagiair",
        slug="intern",
        closing_date=TODAY() - datetime.timedelta(days=1),
        **kwargs,
    )


def test_the_index_lists_open_vacancies_and_leaves_closed_ones_out(client, index, inbox, vacancy):
    _closed(index, inbox)
    VacancyPageFactory(
        parent=index, inbox=inbox, title="Gesloten", slug="shut", status=VacancyStatus.CLOSED
    )
    VacancyPageFactory(
        parent=index, inbox=inbox, title="Vandaag nog", slug="today", closing_date=TODAY()
    )

    assert _titles(client.get(index.url)) == ["Vandaag nog", "Adviseur"]


def test_the_index_filters_by_department_and_location(client, index, inbox, vacancy):
    VacancyPageFactory(
        parent=index,
        inbox=inbox,
        title="Coördinator",
        slug="events",
        department="Evenementen",
        location="Luxemburg",
    )

    assert _titles(client.get(index.url, {"department": "Evenementen"})) == ["Coördinator"]
    assert _titles(client.get(index.url, {"location": "Brussel"})) == ["Adviseur"]
    nothing = client.get(index.url, {"department": "Advies", "location": "Luxemburg"})
    assert _titles(nothing) == []
    assert "Geen openstaande vacature past bij deze filters." in nothing.content.decode()


def test_without_open_vacancies_the_index_says_so_and_points_to_the_spontaneous_page(
    client, index, inbox
):
    _closed(index, inbox)
    spontaneous = SpontaneousApplicationPageFactory(parent=index, inbox=inbox)

    response = client.get(index.url)

    soup = BeautifulSoup(response.content, "html.parser")
    assert (
        "Er zijn op dit moment geen openstaande vacatures."
        in soup.select_one(".vacancy-empty").text
    )
    assert soup.select_one(f'a[href="{spontaneous.url}"]') is not None
    assert _titles(response) == []


def _job_posting(response):
    soup = BeautifulSoup(response.content, "html.parser")
    scripts = soup.select('script[type="application/ld+json"]')
    return [json.loads(script.string) for script in scripts]


def test_an_open_vacancy_carries_job_posting_json_ld_with_every_required_property(client, vacancy):
    [posting] = _job_posting(client.get(vacancy.url))

    assert posting["@type"] == "JobPosting"
    assert posting["title"] == "Adviseur"
    assert "U beantwoordt vragen van leden." in posting["description"]
    assert posting["datePosted"] == vacancy.date_posted.isoformat()
    closes = datetime.datetime.fromisoformat(posting["validThrough"])
    assert closes == vacancy.closes_at()
    assert posting["hiringOrganization"]["@type"] == "Organization"
    assert posting["hiringOrganization"]["name"]
    address = posting["jobLocation"]["address"]
    assert (address["addressLocality"], address["addressCountry"]) == ("Brussel", "BE")
    assert posting["employmentType"] == "FULL_TIME"


def test_json_ld_cannot_be_broken_out_of_by_a_title(client, vacancy):
    vacancy.title = "</script><script>alert(1)</script>"
    vacancy.save_revision().publish()

    response = client.get(vacancy.url)

    assert b"</script><script>alert(1)" not in response.content
    assert _job_posting(response)[0]["title"] == vacancy.title


def test_a_closed_vacancy_says_so_shows_no_form_and_no_job_posting(client, index, inbox):
    closed = _closed(index, inbox)

    response = client.get(closed.url)

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert "Deze vacature is gesloten." in soup.select_one(".vacancy__closed").text
    assert soup.select_one("main form") is None
    assert _job_posting(response) == []


def test_a_vacancy_closes_at_the_end_of_its_closing_day_in_the_site_time_zone(vacancy):
    vacancy.closing_date = datetime.date(2026, 3, 31)
    end = vacancy.closes_at()

    assert end.isoformat() == "2026-03-31T22:00:00+00:00"


def test_an_application_posted_to_a_closed_vacancy_is_refused_and_stores_nothing(
    client, index, inbox
):
    from tests.careers.factories import application_data

    closed = _closed(index, inbox)

    response = client.post(closed.url, application_data())

    assert response.status_code == 409
    assert "Deze vacature is gesloten." in response.content.decode()
    assert not FormSubmission.objects.exists()


def test_api_v2_carries_the_vacancys_fields(client, vacancy):
    data = client.get(f"/api/v2/pages/{vacancy.pk}/").json()

    for field in (
        "department",
        "location",
        "employment_type",
        "hours",
        "summary",
        "description",
        "what_we_offer",
        "date_posted",
        "closing_date",
        "status",
    ):
        assert field in data, field
    assert data["is_open"] is True
    assert "cv" in [field["key"] for field in data["form_fields"]]
    assert "inbox" not in data


def _api_body(**overrides):
    from tests.careers.factories import application_data

    data = application_data(cv=None, **overrides)
    cv = io.BytesIO(pdf_bytes())
    cv.name = "cv.pdf"
    return {**data, "cv": cv}


def test_the_forms_api_takes_an_application_to_an_open_vacancy(
    client, vacancy, django_capture_on_commit_callbacks
):
    schema = client.get(f"/api/forms/{vacancy.pk}").json()
    assert schema["accepts_submissions"] is True
    assert {"name", "email", "cv"} <= {field["key"] for field in schema["fields"]}

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/api/forms/{vacancy.pk}/submissions", _api_body())

    assert response.status_code == 201, response.json()
    application = Application.objects.get()
    assert application.submission_id == response.json()["id"]
    assert application.vacancy == vacancy


def test_the_forms_api_refuses_an_application_to_a_closed_vacancy(client, index, inbox):
    closed = _closed(index, inbox)

    assert client.get(f"/api/forms/{closed.pk}").json()["accepts_submissions"] is False
    response = client.post(f"/api/forms/{closed.pk}/submissions", _api_body())

    assert response.status_code == 409
    assert response.json()["detail"]
    assert not FormSubmission.objects.exists()


def test_translations_close_with_their_source_in_html_and_api_at_once(client, vacancy, locales):
    from tests.careers.factories import application_data

    translations = [
        type(vacancy).objects.get(pk=translation_with_parents(vacancy, locales[code]).pk)
        for code in ("fr", "en")
    ]
    for page in translations:
        page.save_revision().publish()
        assert _job_posting(client.get(page.url)), page.locale
        assert _titles(client.get(page.get_parent().url)) == [page.title]

    # Closed in Dutch only: wagtail-localize copies the status on its next sync, not now.
    vacancy.status = VacancyStatus.CLOSED
    vacancy.save_revision().publish()

    for page in translations:
        page = type(page).objects.get(pk=page.pk)
        assert page.status == VacancyStatus.OPEN  # the translation's own copy is stale
        assert client.post(page.url, application_data()).status_code == 409
        assert client.post(f"/api/forms/{page.pk}/submissions", _api_body()).status_code == 409
        assert client.get(f"/api/forms/{page.pk}").json()["accepts_submissions"] is False
        assert client.get(f"/api/v2/pages/{page.pk}/").json()["is_open"] is False
        assert _job_posting(client.get(page.url)) == []
        assert _titles(client.get(page.get_parent().url)) == []
    assert not FormSubmission.objects.exists()


def test_a_vacancy_shows_salary_contact_and_steps_when_filled_and_apply_at_the_top(client, vacancy):
    bare = client.get(vacancy.url).text
    assert "Salaris" not in bare and "Hoe wij kiezen" not in bare
    # The Apply button comes before the description and leads to the form's heading.
    assert bare.index('href="#apply-heading"') < bare.index('class="vacancy__summary"')
    assert 'id="apply-heading"' in bare

    vacancy.salary_range = "€ 3.400 – € 4.300 bruto per maand"
    vacancy.contact_person = "An Peeters, hr-adviseur"
    vacancy.process_steps = "Eerste gesprek\n\nPraktijkcase\nAanbod"
    vacancy.save_revision().publish()
    html = client.get(vacancy.url).text

    assert "€ 3.400 – € 4.300 bruto per maand" in html
    assert "An Peeters, hr-adviseur" in html
    steps = html.split('<ol class="vacancy__steps">')[1].split("</ol>")[0]
    assert steps == "<li>Eerste gesprek</li><li>Praktijkcase</li><li>Aanbod</li>"
