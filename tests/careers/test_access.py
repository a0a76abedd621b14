"""Who reads applications: each cell of the access matrix is one test.

Six people (anonymous, an ``Editors`` member who may edit the vacancy page, a
``Secretariat`` member, a ``Privacy officers`` member, a ``Recruitment`` member, a superuser)
against every way to an application: the recruitment listing, its detail, its CV download,
Wagtail's stock "Forms" submissions of the vacancy page and their CSV/XLSX export, the forms
API, and a guessed file URL under ``/media/``. Only recruiters and superusers get in; every
refusal names nothing of the application and looks the same as for one that does not exist.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission

from careers.constants import ApplicationStatus
from careers.models import ApplicationStatusChange
from forms.models import FileDownloadLog
from tests.forms.samples import pdf_bytes
from tests.users import make_user

pytestmark = pytest.mark.django_db

# What a refused person must not learn: the applicant's name, address, answer and file name.
SECRETS = ("An Peeters", "an.peeters@example.org", "Graag!", "cv An.pdf")
PEOPLE = ("anonymous", "editor", "secretary", "officer", "recruiter", "superuser")
INSIDERS = {"recruiter", "superuser"}


@pytest.fixture
def application(apply, vacancy, client):
    application = apply(vacancy)
    client.logout()
    return application


@pytest.fixture
def person(request, vacancy, inbox):
    """The user a parametrized test runs as (None for anonymous)."""
    kind = request.param
    if kind == "anonymous":
        return None
    if kind == "editor":
        editors = Group.objects.get_or_create(name="Editors")[0]
        for codename in ("add_page", "change_page", "publish_page"):
            GroupPagePermission.objects.create(
                group=editors, page=vacancy, permission=Permission.objects.get(codename=codename)
            )
        return make_user("editor", groups=[editors])
    if kind == "secretary":
        return make_user("secretary", groups=[Group.objects.get_or_create(name="Secretariat")[0]])
    if kind == "officer":
        return make_user("officer", groups=[Group.objects.get(name="Privacy officers")])
    if kind == "recruiter":
        return make_user("recruiter", groups=[inbox.group])
    return make_user("admin", superuser=True)


def log_in(client, user):
    if user is not None:
        client.force_login(user)


def assert_learns_nothing(client, response):
    body = response.content.decode(errors="replace") if not response.streaming else ""
    landing = ""
    if response.status_code == 302 and "/login/" not in response["Location"]:
        landing = client.get(response["Location"]).content.decode()
    for secret in SECRETS:
        assert secret not in body
        assert secret not in landing


def assert_refused_like_a_missing_one(client, user, response, missing_url):
    """Refused, and refused exactly as for an application that does not exist."""
    if user is None:
        assert response.status_code == 302
        assert reverse("wagtailadmin_login") in response["Location"]
        assert client.get(missing_url)["Location"].startswith(reverse("wagtailadmin_login"))
        return
    # Django's locale middleware sends a 404 under /admin/ to the same path with the
    # language prefix first, which answers 404 too: the same for both, existing or not.
    final = client.get(response["Location"]) if response.status_code == 302 else response
    missing = client.get(missing_url, follow=True)
    assert final.status_code == missing.status_code == 404
    assert_learns_nothing(client, final)


@pytest.mark.parametrize("person", PEOPLE, indirect=True)
def test_recruitment_listing(client, application, person, request):
    log_in(client, person)
    response = client.get(reverse("careers_recruitment:index"))

    if request.node.callspec.params["person"] in INSIDERS:
        assert response.status_code == 200
        assert "An Peeters" in response.content.decode()
    else:
        assert response.status_code == 302
        expected = reverse("wagtailadmin_login") if person is None else reverse("wagtailadmin_home")
        assert response["Location"].split("?")[0] == expected
        assert_learns_nothing(client, response)
        if person is not None:
            dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
            assert reverse("careers_recruitment:index") not in dashboard


@pytest.mark.parametrize("person", PEOPLE, indirect=True)
def test_application_detail(client, application, person, request):
    log_in(client, person)
    url = reverse("careers_recruitment:application", args=[application.pk])
    response = client.get(url)

    if request.node.callspec.params["person"] in INSIDERS:
        assert response.status_code == 200
        html = response.content.decode()
        assert "An Peeters" in html and "Graag!" in html and "cv An.pdf" in html
    else:
        missing = reverse("careers_recruitment:application", args=[application.pk + 1000])
        assert_refused_like_a_missing_one(client, person, response, missing)


@pytest.mark.parametrize("person", PEOPLE, indirect=True)
def test_cv_download(client, application, person, request):
    log_in(client, person)
    cv = application.submission.attachments.get(field_key="cv")
    response = client.get(reverse("careers_recruitment:download", args=[application.pk, cv.pk]))

    if request.node.callspec.params["person"] in INSIDERS:
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == pdf_bytes()
        assert FileDownloadLog.objects.get().file == cv
    else:
        missing = reverse("careers_recruitment:download", args=[application.pk, cv.pk + 1000])
        assert_refused_like_a_missing_one(client, person, response, missing)
        assert not FileDownloadLog.objects.exists()


@pytest.mark.parametrize("export", ["", "csv", "xlsx"])
@pytest.mark.parametrize("person", PEOPLE, indirect=True)
def test_stock_forms_submissions_and_their_export(client, application, vacancy, person, export):
    """Wagtail's stock "Forms" menu is no way in, for anyone: superusers and recruiters
    read applications in the recruitment area only, where every file opening is logged."""
    log_in(client, person)
    url = reverse("wagtailforms:list_submissions", args=[vacancy.pk])
    response = client.get(url, {"export": export} if export else {})

    assert response.status_code == 302
    assert response.get("Content-Disposition") is None
    assert_learns_nothing(client, response)
    if person is not None:
        forms_index = client.get(reverse("wagtailforms:index")).content.decode()
        assert vacancy.title not in forms_index


@pytest.mark.parametrize("person", PEOPLE, indirect=True)
def test_forms_api_has_no_way_to_read_applications(client, application, vacancy, person):
    log_in(client, person)
    schema = client.get(f"/api/forms/{vacancy.pk}")
    listing = client.get(f"/api/forms/{vacancy.pk}/submissions")
    one = client.get(f"/api/forms/{vacancy.pk}/submissions/{application.submission_id}")
    openapi = client.get("/api/openapi.json").json()

    assert schema.status_code == 200  # the form itself is public, its answers are not
    assert listing.status_code == 405
    assert one.status_code == 404
    for response in (schema, listing, one):
        assert_learns_nothing(client, response)
    reads = [
        path for path, item in openapi["paths"].items() if "submissions" in path and "get" in item
    ]
    assert reads == []


@pytest.mark.parametrize("person", PEOPLE, indirect=True)
def test_guessed_file_url_under_media(client, application, person):
    log_in(client, person)
    cv = application.submission.attachments.get(field_key="cv")

    assert cv.file.storage.exists(cv.file.name)  # stored, yet served by no URL
    for url in (
        f"/media/{cv.file.name}",
        f"/media/private/{cv.file.name}",
        f"/private/{cv.file.name}",
    ):
        response = client.get(url, follow=True)
        assert response.status_code == 404
        assert pdf_bytes() not in response.content


@pytest.mark.parametrize("person", ["editor", "secretary", "officer"], indirect=True)
def test_status_change_by_someone_outside_the_group_is_refused(client, application, person):
    log_in(client, person)
    url = reverse("careers_recruitment:status", args=[application.pk])

    # follow: a 404 under /admin/ first goes to the language-prefixed path, a 404 as well.
    shown = client.get(url, follow=True)
    posted = client.post(
        url, {"status": ApplicationStatus.REJECTED, "send_rejection": "on"}, follow=True
    )
    note = client.post(
        reverse("careers_recruitment:note_add", args=[application.pk]), {"text": "Nee"}, follow=True
    )

    assert shown.status_code == posted.status_code == note.status_code == 404
    application.refresh_from_db()
    assert application.status == ApplicationStatus.NEW
    assert not ApplicationStatusChange.objects.exists()
    assert not application.notes.exists()
