"""In chromium: no page type and no admin screen of the demo breaks its Content-Security-Policy.

The demo is loaded with ``load_demo`` rather than built with factories: the point is every
screen an editor meets (each page type's editor, the snippets, inboxes with submissions,
the privacy ledgers, settings, users, images, documents), and the demo is the one place
that has all of them, kept up to date by the apps that own them.
"""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from wagtail.images import get_image_model
from wagtail.models import Page

from careers.models import VacancyPage
from events.models import EventPage
from forms.models import FormPage, FormSubmission
from tests.twofactor import browser_log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Reported by chromium itself and by the document, whichever comes first.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
    console.error(`securitypolicyviolation: ${event.violatedDirective} ${event.blockedURI}`);
});
"""
# Admin URLs that are not screens: fragments, API calls, downloads, actions, test pages.
SKIPPED = re.compile(
    r"(results/|/api/|choose|chooser|autocomplete|jsi18n|logout|failwhale|test404|"
    r"dismissibles|block-preview|/2fa/|/process/|/preview/|/usage/|/export/|/download/)"
)


def admin_screens_without_arguments() -> list[str]:
    found = []

    def walk(patterns, prefix):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, route)
            elif isinstance(pattern, URLPattern) and not re.search(r"[<(^$\\]", route):
                found.append("/" + route)

    walk(get_resolver().url_patterns, "")
    return sorted(
        url for url in set(found) if url.startswith("/admin/") and not SKIPPED.search(url)
    )


@pytest.fixture
def demo(db, default_site):
    call_command("load_demo", stdout=io.StringIO())


@pytest.fixture
def csp_page(browser, live_server):
    context = browser.new_context(locale="en-GB")
    context.set_default_timeout(60_000)
    context.add_init_script(REPORT_VIOLATIONS)
    page = context.new_page()
    violations = []

    def on_console(message):
        text = message.text
        if "Content Security Policy" in text or "securitypolicyviolation" in text:
            violations.append(f"{page.url}: {text}")

    page.on("console", on_console)
    page.violations = violations
    yield page
    context.close()


def visit(page, url):
    response = page.goto(url, wait_until="load")
    # Scripts that run after load (Stimulus controllers, React mounts) get a moment too.
    page.wait_for_load_state("networkidle")
    return response


def test_public_pages_keep_the_policy(demo, csp_page, live_server):
    base = live_server.url
    home = Page.objects.get(depth=2, locale__language_code="nl").specific
    standard = next(
        page
        for page in home.get_children().live().specific()
        if type(page).__name__ == "StandardPage"
    )
    form = FormPage.objects.live().filter(locale__language_code="en").first()
    event = EventPage.objects.live().filter(locale__language_code="fr").first()
    vacancy = VacancyPage.objects.live().filter(locale__language_code="nl").first()

    for url in (
        home.url,
        standard.url,
        form.url,
        event.get_parent().url,
        event.url,
        vacancy.get_parent().url,
        vacancy.url,
        "/en/no-such-page/",
    ):
        visit(csp_page, f"{base}{url}")

    # The landing page after a submission: fill what the form requires, as a person does:
    # the visible fields only (a bot fills the hidden honeypot, and is refused).
    visit(csp_page, f"{base}{form.url}")
    visible_text = "form.form input[type=text]:visible, form.form textarea:visible"
    for field in csp_page.locator(visible_text).all():
        field.fill("Jan Peeters")
    for field in csp_page.locator("form.form input[type=email]").all():
        field.fill("jan.peeters@example.org")
    for field in csp_page.locator("form.form input[type=tel]").all():
        field.fill("+32 2 123 45 67")
    for select in csp_page.locator("form.form select").all():
        select.select_option(index=1)
    for box in csp_page.locator("form.form input[type=checkbox]").all():
        box.check()
    csp_page.click("form.form button[type=submit]")
    csp_page.wait_for_selector("[role=status]")

    assert FormSubmission.objects.exists(), "the landing page was not reached"
    assert csp_page.violations == [], "\n".join(csp_page.violations)


def test_every_admin_screen_keeps_the_policy(demo, csp_page, live_server):
    base = live_server.url
    admin = get_user_model().objects.create_superuser("csp-admin", "csp@example.org", "pw")
    browser_log_in(csp_page, base, admin)

    urls = admin_screens_without_arguments()
    # One screen per page type, and one of each kind of object the demo has.
    seen_types = set()
    for page in Page.objects.filter(depth__gte=2).specific():
        if type(page) not in seen_types:
            seen_types.add(type(page))
            urls += [
                reverse("wagtailadmin_pages:edit", args=[page.pk]),
                reverse("wagtailadmin_explore", args=[page.pk]),
            ]
    submission = FormSubmission.objects.first()
    image = get_image_model().objects.first()
    urls += [
        reverse("wagtailusers_users:edit", args=[admin.pk]),
        reverse("wagtailsettings:edit", args=["home", "organisationsettings"]),
        reverse(
            "wagtailadmin_pages:add_subpage",
            args=[Page.objects.get(depth=2, locale__language_code="nl").pk],
        ),
    ]
    if submission is not None:
        urls.append(reverse("forms_inboxes:submission", args=[submission.pk]))
    if image is not None:
        urls.append(reverse("wagtailimages:edit", args=[image.pk]))

    for url in urls:
        visit(csp_page, f"{base}{url}")
    # The snippet listings, found the way an editor finds them.
    visit(csp_page, f"{base}{reverse('wagtailsnippets:index')}")
    snippet_urls = set(
        csp_page.eval_on_selector_all(
            "main a[href*='/admin/snippets/']", "links => links.map(a => a.href)"
        )
    )
    for url in sorted(snippet_urls):
        visit(csp_page, url)

    assert len(urls) > 40
    assert csp_page.violations == [], "\n".join(csp_page.violations)
