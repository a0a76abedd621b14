"""Two web instances, as production runs them (``site/Procfile``'s gunicorn line on
``website.settings.production``), over one PostgreSQL database, one Redis and one S3 (moto's
server): ``bench/stack.py``'s stack, with a small site of its own (``tests.production.site``).

What one instance does, the other sees at its next request:
- an editor changes a consent text through A; B shows it and records its revision;
- a session made by signing in on A works on B;
- the rate limit counts a client's submissions on both together;
- a CV uploaded through A downloads through B;
- two ``enforce_retention`` runs at once delete each expired row once.

It needs PostgreSQL (127.0.0.1:5432), ``redis-server`` and moto's server, so it runs in the
suite on PostgreSQL (``.ci/run``) and is skipped in the one on SQLite.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import time
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from pathlib import Path

import pytest
import requests
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

from stack import BUCKET, Stack, pdf_of  # noqa: E402

from tests.production.site import EDITOR, PASSWORD  # noqa: E402

pytestmark = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres")
    or not shutil.which("redis-server")
    or not (Path(sys.executable).parent / "moto_server").exists(),
    reason="runs in the suite on PostgreSQL, with redis-server and moto's server",
)

A, B = 0, 1
RATE = 3  # submissions per minute and client
NEW_TEXT = "We gebruiken uw naam en adres om uw vraag binnen twee werkdagen te beantwoorden."
CV = pdf_of(20 * 1024)


@pytest.fixture(scope="module")
def stack():
    running = Stack(
        name="two_instances",
        web_concurrency=1,
        demo=False,
        extra_settings=f'FORMS_RATE_LIMIT = "{RATE}/m"\n',
    )
    try:
        running.start_dependencies()
        try:
            running.prepare()
        except subprocess.CalledProcessError as error:
            pytest.fail(f"{error.cmd[2:]} failed: {error.stderr[-3000:]}")
        built = running.manage(
            "shell", "-c", "from tests.production.site import build; build()", check=False
        )
        assert built.returncode == 0, built.stderr[-3000:]
        running.ids = json.loads(built.stdout.strip().splitlines()[-1])
        running.start_web()
        yield running
    finally:
        running.stop()


class Browser:
    """Cookies kept by hand: the production cookies are ``Secure``, and the test speaks plain
    HTTP to gunicorn as the TLS proxy in front would (``X-Forwarded-Proto``)."""

    def __init__(self, stack: Stack):
        self.stack = stack
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, instance: int, **kwargs) -> requests.Response:
        origin = f"https://127.0.0.1:{self.stack.web_ports[instance]}"
        headers = {
            "X-Forwarded-Proto": "https",
            "Origin": origin,
            "Referer": origin + path,
            "Cookie": "; ".join(f"{name}={value}" for name, value in self.cookies.items()),
        }
        response = requests.request(
            method,
            self.stack.url(path, instance),
            headers=headers,
            allow_redirects=False,
            timeout=60,
            **kwargs,
        )
        for header in response.raw.headers.getlist("Set-Cookie"):
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response

    def get(self, path: str, instance: int) -> requests.Response:
        return self.request("GET", path, instance)

    def post(self, path: str, instance: int, data) -> requests.Response:
        return self.request("POST", path, instance, data=data)


class FormFields(HTMLParser):
    """The values a browser would send for the page's form posting to ``action``."""

    def __init__(self, action: str):
        super().__init__(convert_charrefs=True)
        self.action = action
        self.inside = False
        self.fields: list[tuple[str, str]] = []
        self._textarea = self._select = None
        self._text = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("action") == self.action
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file", "image"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.fields.append((name, attrs.get("value") or ("on" if kind == "checkbox" else "")))
        elif tag == "textarea" and name:
            self._textarea, self._text = name, []
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.fields.append((self._select, attrs.get("value", "")))

    def handle_data(self, data):
        if self._textarea:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self._textarea:
            self.fields.append((self._textarea, "".join(self._text).lstrip("\n")))
            self._textarea = None
        elif tag == "select":
            self._select = None


def sign_in(stack: Stack, instance: int) -> Browser:
    browser = Browser(stack)
    page = browser.get("/admin/login/", instance)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)[1]
    answer = browser.post(
        "/admin/login/",
        instance,
        {"csrfmiddlewaretoken": token, "username": EDITOR, "password": PASSWORD, "next": ""},
    )
    assert answer.status_code == 302, answer.text[-2000:]
    assert "sessionid" in browser.cookies
    return browser


def consent_text_shown(stack: Stack, instance: int) -> str:
    status, body = stack.get(f"/api/forms/{stack.ids['contact']}", instance)
    assert status == 200
    return json.dumps(json.loads(body), ensure_ascii=False)


def test_a_session_made_on_a_works_on_b(stack):
    browser = sign_in(stack, A)

    assert browser.get("/admin/", B).status_code == 200
    assert Browser(stack).get("/admin/", B).status_code == 302  # no session: sign in first


def test_a_consent_text_changed_through_a_is_shown_and_recorded_by_b(stack):
    # The notice of answering the request: recorded at once with every submission (a box's
    # consent waits for the e-mail address to be confirmed).
    purpose = stack.ids["answer"]
    # Both have read (and cached) the text before the edit.
    for instance in (A, B):
        assert "om uw vraag te beantwoorden." in consent_text_shown(stack, instance)

    editor = sign_in(stack, A)
    path = f"/admin/snippets/privacy/purpose/edit/{purpose}/"
    form = FormFields(path)
    form.feed(editor.get(path, A).text)
    data = [(n, NEW_TEXT if n == "consent_text" else v) for n, v in form.fields]
    assert ("consent_text", NEW_TEXT) in data, form.fields
    saved = editor.post(path, A, data)
    assert saved.status_code == 302, saved.text[-3000:]
    (latest,) = stack.sql(
        "SELECT r.id FROM wagtailcore_revision r JOIN django_content_type t "
        "ON t.id = r.base_content_type_id WHERE t.app_label = 'privacy' AND t.model = 'purpose' "
        "AND r.object_id = %s ORDER BY r.created_at DESC, r.id DESC LIMIT 1",
        str(purpose),
    )[0]

    shown = consent_text_shown(stack, B)
    assert NEW_TEXT in shown
    response = stack.submit(stack.ids["contact"], "lid@example.org", B, client_ip="198.51.100.20")
    assert response.status_code == 201, response.text
    recorded = stack.sql(
        "SELECT purpose_revision_id, text_shown FROM privacy_consentrecord "
        "WHERE purpose_key = 'answer-request'"
    )
    assert recorded == [(latest, NEW_TEXT)], stack.sql(
        "SELECT purpose_key, purpose_revision_id, text_shown FROM privacy_consentrecord"
    )


def test_the_rate_limit_counts_a_client_on_both_instances(stack):
    seconds_left = 60 - time.time() % 60
    if seconds_left < 30:  # all four submissions within one counting window
        time.sleep(seconds_left + 1)
    statuses = [
        stack.submit(
            stack.ids["contact"], f"teller{n}@example.org", instance, client_ip="198.51.100.30"
        ).status_code
        for n, instance in enumerate((A, B, A, B))
    ]

    assert statuses == [201] * RATE + [429]


def test_a_cv_uploaded_through_a_downloads_through_b(stack):
    response = stack.submit(
        stack.ids["vacancy"], "sollicitant@example.org", A, pdf=CV, client_ip="198.51.100.40"
    )
    assert response.status_code == 201, response.text
    # Every file box of the form got the PDF (the CV first).
    ((application, cv),) = stack.sql(
        "SELECT a.id, f.id FROM careers_application a "
        "JOIN forms_submissionfile f ON f.submission_id = a.submission_id "
        "ORDER BY f.id LIMIT 1"
    )
    recruiter = Browser(stack)
    recruiter.cookies["sessionid"] = stack.ids["recruiter_session"]

    download = recruiter.get(reverse("careers_recruitment:download", args=[application, cv]), B)
    if download.status_code == 302:  # a short-lived address on S3
        download = requests.get(download.headers["Location"], timeout=60)

    assert download.status_code == 200
    assert download.content == CV


def test_two_retention_runs_at_once_delete_each_expired_row_once(stack):
    for n in range(3):
        stack.submit(stack.ids["contact"], f"oud{n}@example.org", n % 2, client_ip=f"10.7.0.{n}")
    expired = stack.sql(
        "UPDATE forms_formsubmission SET retain_until = now() - interval '1 day' "
        "WHERE page_id = %s RETURNING id",
        stack.ids["contact"],
    )
    assert len(expired) >= 3
    env = stack.env
    runs = [
        subprocess.Popen(  # noqa: S603 (our own interpreter and manage.py)
            [sys.executable, "manage.py", "enforce_retention"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=600)[0] for run in runs]

    assert [run.returncode for run in runs] == [0, 0], outputs
    assert stack.sql(
        "SELECT count(*) FROM forms_formsubmission WHERE id = ANY(%s)", [i for (i,) in expired]
    ) == [(0,)]
    deleted = stack.sql(
        "SELECT coalesce(sum(count), 0) FROM privacy_deletionlog "
        "WHERE reason = 'retention' AND NOT dry_run AND model = 'forms.FormSubmission'"
    )
    assert deleted == [(len(expired),)]
    # The CV's submission was not due: its file is still in the bucket.
    assert stack.s3_client().list_objects_v2(Bucket=BUCKET).get("KeyCount", 0) >= 1
