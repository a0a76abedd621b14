"""The reference front-end (examples/headless), served from a second origin, in chromium.

It reads the demo through the public API only: three languages, the contact form with an
error and then right, an application with a PDF, an event registration, the cookie banner
refused, and a draft previewed from a preview link. Then the database shows what was kept,
with its consents, and the browser logged no CORS or CSP error.
"""

import io
import re
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.test import Client, RequestFactory
from wagtail.models import Site

from careers.models import Application, VacancyPage
from events.models import EventPage, Registration
from forms.models import FormPage, FormSubmission
from home.models import StandardPage
from privacy.models import ConsentRecord
from tests.forms.samples import pdf_bytes

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

FRONT_END = Path(__file__).resolve().parents[2] / "examples" / "headless"
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
    console.error(`securitypolicyviolation: ${event.violatedDirective} ${event.blockedURI}`);
});
"""


class FrontEndHandler(SimpleHTTPRequestHandler):
    """Serves the example's three files; ``index.html`` points at the live server's API."""

    api_base = ""

    def do_GET(self):
        if urlsplit(self.path).path in ("/", "/index.html"):
            body = (
                (FRONT_END / "index.html")
                .read_text()
                .replace("http://localhost:8000", self.api_base)
            )
            data = body.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return
        super().do_GET()

    def log_message(self, *args):
        pass


@pytest.fixture
def front_end(live_server, settings):
    """The example on its own origin (same host, another port), allowed by the site."""
    handler = type("Handler", (FrontEndHandler,), {"api_base": live_server.url})
    server = ThreadingHTTPServer(("localhost", 0), partial(handler, directory=str(FRONT_END)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://localhost:{server.server_address[1]}"
    settings.CORS_ALLOWED_ORIGINS = [origin]
    # Absolute links the API writes (renditions, policy links) lead to the live server.
    settings.WAGTAILADMIN_BASE_URL = settings.WAGTAILAPI_BASE_URL = live_server.url
    settings.WAGTAIL_HEADLESS_PREVIEW = {
        "CLIENT_URLS": {"default": origin},
        "REDIRECT_ON_PREVIEW": True,
    }
    yield origin
    server.shutdown()


@pytest.fixture
def demo(db, default_site, live_server):
    call_command("load_demo", stdout=io.StringIO())
    # The live server's address, so the pages' absolute links (policy links) lead to it.
    port = int(live_server.url.rsplit(":", 1)[1])
    Site.objects.filter(is_default_site=True).update(hostname="localhost", port=port)
    Site.clear_site_root_paths_cache()


@pytest.fixture
def visitor(browser, front_end):
    context = browser.new_context(locale="nl-BE")
    context.set_default_timeout(60_000)
    context.add_init_script(REPORT_VIOLATIONS)
    page = context.new_page()
    problems = []

    def on_console(message):
        text = message.text
        if message.type == "error" and re.search(
            r"CORS|Content.Security.Policy|securitypolicyviolation|Access-Control", text
        ):
            problems.append(text)

    page.on("console", on_console)
    page.on("requestfailed", lambda request: problems.append(f"failed: {request.url}"))
    page.problems = problems
    yield page
    context.close()


def open_path(page, origin, path):
    page.goto(f"{origin}/#{path}")
    page.wait_for_selector(f"main[data-ready][data-path='{path}']")


def fill_form(page, page_id, locale, *, email="jan.peeters@example.org", cv=None, overrides=None):
    """Fills every required field of the form's schema, as a visitor would."""
    schema = Client().get(f"/api/forms/{page_id}", {"locale": locale}).json()
    values = {
        "email": email,
        "multiline": "Wanneer is de volgende netwerkavond?",
        "phone": "+32 2 123 45 67",
        "number": "3",
        "date": "2030-01-01",
        "url": "https://example.org",
    }
    for field in schema["fields"]:
        if not field["required"] or field["type"] == "purpose":
            continue
        selector = f"[name='{field['key']}']"
        value = (overrides or {}).get(field["key"])
        if field["type"] == "file":
            page.set_input_files(selector, cv)
        elif field["type"] in ("dropdown",):
            page.select_option(selector, field["choices"][0]["value"])
        elif field["type"] in ("radio", "checkboxes", "checkbox"):
            page.locator(selector).first.check()
        else:
            page.fill(selector, value or values.get(field["type"], "Jan Peeters"))
    return schema


def submit_and_wait(page):
    page.click("form.form button[type=submit]")
    page.wait_for_selector(".thanks, .error-summary:not([hidden])")


def test_the_reference_front_end_renders_sends_and_previews_from_another_origin(
    demo, front_end, visitor, tmp_path
):
    page = visitor

    # Three languages, from the menu, the footer and the language switcher.
    open_path(page, front_end, "/nl/")
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.locator("#menu a").count() >= 3
    assert page.locator("footer a[data-cookie-settings]").is_visible()
    # Refusing cookies: the banner's choice is recorded through the API, then it goes.
    page.click("#cookie-banner button[data-button=refuse_all]")
    page.wait_for_selector("#cookie-banner", state="hidden")
    for code in ("fr", "en"):
        page.click(f"#languages a[lang={code}]")
        page.wait_for_selector(f"html[lang={code}] main[data-ready][data-path^='/{code}/'] h1")
        page.wait_for_selector("main[data-ready] h1")
        assert page.locator("#menu a[aria-current=page]").count() == 1

    # The contact form: an address that is none, then the right one.
    contact = FormPage.objects.live().get(locale__language_code="nl", slug="contact")
    open_path(page, front_end, contact.url)
    assert page.locator("form.form input[type=checkbox]:checked").count() == 0
    assert page.locator("form.form .notice a[href]").count() >= 1
    schema = fill_form(page, contact.pk, "nl")
    email_key = next(field["key"] for field in schema["fields"] if field["type"] == "email")
    page.fill(f"[name='{email_key}']", "geen-adres")
    submit_and_wait(page)
    assert page.locator(f"[data-error-for='{email_key}']").inner_text()
    assert not FormSubmission.objects.filter(page=contact).exists()
    page.fill(f"[name='{email_key}']", "jan.peeters@example.org")
    submit_and_wait(page)
    assert page.locator(".thanks").is_visible()

    # An application with a PDF.
    vacancy = next(
        v for v in VacancyPage.objects.live().filter(locale__language_code="en") if v.is_open
    )
    open_path(page, front_end, vacancy.url)
    cv = tmp_path / "cv.pdf"
    cv.write_bytes(pdf_bytes())
    fill_form(page, vacancy.pk, "en", email="an.janssens@example.org", cv=str(cv))
    submit_and_wait(page)
    assert page.locator(".thanks").is_visible()

    # A registration for an event.
    event = next(
        e
        for e in EventPage.objects.live().filter(locale__language_code="fr")
        if e.accepts_submissions()
    )
    open_path(page, front_end, event.url)
    fill_form(page, event.pk, "fr", email="marie.dubois@example.org")
    submit_and_wait(page)
    assert page.locator(".thanks").is_visible()

    # A draft the editor has not published, opened from the preview link.
    about = StandardPage.objects.live().filter(locale__language_code="en").first()
    draft = about.get_latest_revision_as_object()
    draft.title = "Unpublished draft title"
    revision = draft.save_revision()
    preview = revision.as_object().serve_preview(RequestFactory().get("/"), "")
    page.goto(preview["Location"])
    page.wait_for_selector("main[data-ready][data-path=preview]")
    assert page.locator("main h1").inner_text() == "Unpublished draft title"
    assert page.locator("#preview-note").is_visible()
    assert StandardPage.objects.get(pk=about.pk).title != "Unpublished draft title"

    # What was kept, with its consents.
    submission = FormSubmission.objects.get(page=contact)
    assert submission.subject_email == "jan.peeters@example.org"
    contact_consents = ConsentRecord.objects.filter(subject_email="jan.peeters@example.org")
    assert contact_consents.exists()
    assert not contact_consents.filter(granted=True).exists()  # no box was ticked
    application = Application.objects.get()
    assert application.submission.attachments.count() == 1
    registration = Registration.objects.get()
    assert registration.submission.subject_email == "marie.dubois@example.org"
    refused = ConsentRecord.objects.filter(purpose_key__startswith="cookies-")
    assert refused.exists() and not refused.filter(granted=True).exists()

    assert page.problems == []
