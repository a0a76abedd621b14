"""axe-core finds no violation on any public page type, in nl, fr and en, on desktop and phone,
nor on the project's own admin screens.

The demo is loaded with ``load_demo``, as in ``test_csp_browser``: it is the one place with a
page of every type in every language. A fresh browser context is a first visit, so every
public page is checked with the cookie banner open; a form is also checked showing its
errors. axe-core runs from the copy shipped in axe-playwright-python: nothing is fetched.
"""

import io

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Locale, Page

from tests.twofactor import browser_log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def demo(db, default_site):
    call_command("load_demo", stdout=io.StringIO())


def violations(page) -> list[str]:
    result = Axe().run(page)
    return [
        f"{page.url} [{page.viewport_size['width']}px] {v['id']}: {v['help']} "
        f"{[node['target'] for node in v['nodes']][:3]}"
        for v in result.response["violations"]
    ]


def public_urls() -> list[str]:
    """One live page of each type in each language, the home pages, and a missing page."""
    urls = []
    for locale in Locale.objects.all():
        seen = set()
        for page in Page.objects.live().filter(locale=locale, depth__gte=2).specific():
            if type(page) not in seen:
                seen.add(type(page))
                urls.append(page.url)
        urls.append(f"/{locale.language_code}/no-such-page/")
    return urls


def test_public_pages_have_no_violation(demo, browser, live_server):
    found = []
    urls = public_urls()
    for viewport in (DESKTOP, PHONE):
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        for url in urls:
            page.goto(f"{live_server.url}{url}", wait_until="load")
            found += violations(page)
        # The phone menu open, and the cookie banner's choices.
        page.goto(f"{live_server.url}{urls[0]}", wait_until="load")
        if viewport is PHONE:
            page.click("summary.site-nav__toggle")
            assert page.is_visible(".site-nav__list")
            found += violations(page)
        page.click("[data-cookie-choose]")
        page.wait_for_selector("#cookie-banner-choices:not([hidden])")
        found += violations(page)
        context.close()

    assert len(urls) >= 30
    assert found == [], "\n".join(found)


def test_a_form_showing_its_errors_has_no_violation(demo, browser, live_server):
    from forms.models import FormPage

    found = []
    for form_page in FormPage.objects.live():
        context = browser.new_context(viewport=DESKTOP)
        page = context.new_page()
        page.goto(f"{live_server.url}{form_page.url}", wait_until="load")
        # What a browser without HTML validation sends: the form, empty.
        page.eval_on_selector("form.form", "form => { form.noValidate = true; }")
        page.click("form.form button[type=submit]")
        page.wait_for_selector(".form__summary")
        found += violations(page)
        context.close()

    assert found == [], "\n".join(found)


def test_the_projects_admin_screens_have_no_violation(demo, browser, live_server):
    admin = get_user_model().objects.create_superuser("axe-admin", "axe@example.org", "pw")
    context = browser.new_context(viewport=DESKTOP, locale="en-GB")
    context.set_default_timeout(60_000)
    page = context.new_page()
    browser_log_in(page, live_server.url, admin)

    found = []
    for url in (
        reverse("wagtailadmin_home"),
        "/admin/inboxes/",
        "/admin/recruitment/",
        "/admin/events/registrations/",
        reverse("data_requests:index"),
        reverse("two_factor:enrol"),
        reverse("two_factor:recovery_codes"),
    ):
        page.goto(f"{live_server.url}{url}", wait_until="load")
        page.wait_for_load_state("networkidle")
        found += violations(page)
        # The first item each listing links to: a submission, an application, a registration.
        row = page.locator("main table tbody a[href^='/admin/']").first
        if row.count():
            page.goto(f"{live_server.url}{row.get_attribute('href')}", wait_until="load")
            page.wait_for_load_state("networkidle")
            found += violations(page)
    context.close()

    assert found == [], "\n".join(found)
