"""Fixtures shared by the whole suite.

Tests build the minimal page tree they need with factories; none loads the demo except the
tests of ``load_demo`` itself.
"""

import os

import pytest
from django.conf import settings
from wagtail.models import Collection, Locale, Page, Site

# The S3 fixtures (one moto server per run) serve every app's storage tests.
from tests.s3 import s3, s3_endpoint  # noqa: F401, E402

# A contact form and its inbox, and the data-subject requests with their officers: the apps'
# tests and the site's tests both use them.
pytest_plugins = ["tests.forms.fixtures", "tests.privacy.request_fixtures"]


@pytest.fixture
def locales(db):
    """The three content locales, nl first, as wagtail-localize's sync would make them."""
    return {
        code: Locale.objects.get_or_create(language_code=code)[0] for code, _ in settings.LANGUAGES
    }


@pytest.fixture
def root_page(db, locales):
    """Wagtail's root page and root collection; made again when a transactional test flushed
    the database (images and documents go into the root collection by default)."""
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locales["nl"]))
    return root


@pytest.fixture
def default_site(db, root_page):
    site, _created = Site.objects.get_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": root_page},
    )
    return site


@pytest.fixture
def home(default_site):
    """The default site's root page, to hang an app's pages under."""
    return default_site.root_page.specific


@pytest.fixture
def make_user(db):
    """:func:`tests.users.make_user`, for tests that take it as a fixture."""
    from tests.users import make_user

    return make_user


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: rate-limit counters must not leak between tests."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture(autouse=True)
def _rate_limit_windows_start_with_the_test(monkeypatch):
    """Each test's rate-limit clock starts at the beginning of an hour, and runs on from there.

    Rate limits count in fixed windows (a minute, an hour). A test that posts twice across the
    end of a window saw its count restart and the second post accepted, once in a while, on
    whatever minute the suite happened to reach it. Shifting the limiter's clock (and only its
    clock) to a window's start gives every test a whole window, and keeps what it counts real.
    """
    import time
    from types import SimpleNamespace

    from privacy import ratelimit

    real_time = time.time
    started = real_time()
    shift = started // 3600 * 3600 - started
    monkeypatch.setattr(ratelimit, "time", SimpleNamespace(time=lambda: real_time() + shift))
    yield


@pytest.fixture(autouse=True)
def _force_login_passes_second_factor(monkeypatch):
    """``Client.force_login(user)`` gives a session that has already passed the second factor.

    The suite runs with ``ADMIN_2FA_ENFORCED`` on, as production does, so without this every
    test that force-logs a ``Secretariat`` member or a superuser into the admin would land on
    the enrolment screen. The wrapper logs in as Django does, then gives the user a confirmed
    TOTP device (``tests.twofactor.totp_device``) and stores it in the session as django-otp's
    verified device, exactly what a real sign-in with a code leaves behind. pytest-django's
    ``admin_client`` goes through here too. Tests of the second factor itself sign in with
    ``client.post`` to the login form instead, which this does not touch; browser tests use
    ``tests.twofactor.browser_log_in``, which types the device's current code.
    """
    from django.apps import apps

    if not apps.is_installed("django_otp"):
        # The standalone site (tests/standalone) has no second factor.
        yield
        return
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY

    from tests.twofactor import totp_device

    original = Client.force_login

    def force_login(self, user, backend=None):
        original(self, user, backend)
        session = self.session
        session[DEVICE_ID_SESSION_KEY] = totp_device(user).persistent_id
        session.save()

    monkeypatch.setattr(Client, "force_login", force_login)
    yield


@pytest.fixture
def home_page(default_site, locales):
    """A Dutch ``home.HomePage`` that is the default site's root, as ``load_demo`` makes it."""
    from tests.home.factories import HomePageFactory

    home = HomePageFactory(parent=Page.get_first_root_node(), locale=locales["nl"])
    default_site.root_page = home
    default_site.save()
    return home


# tests/standalone runs with its own settings, in a pytest run of its own (see the Makefile).
STANDALONE = "tests.standalone.settings"
collect_ignore = [] if os.environ.get("DJANGO_SETTINGS_MODULE") == STANDALONE else ["standalone"]


CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags chromium keeps calling out to hosts this closed
# network refuses; the sandbox needs privileges that CI's root container does not grant.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser():
    """Debian's headless chromium driven by Playwright; nothing downloads a browser.

    On a machine without chromium the browser tests are skipped with the reason, except in
    CI, where a missing browser is a failure: `make test` installs it there.
    """
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: make test installs it when run as root")
        pytest.skip(f"{CHROMIUM} is missing: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the test's ORM calls are still
    # synchronous, which Django cannot tell apart.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
            )
            yield browser
            browser.close()
    finally:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture
def in_request():
    """The test runs as a request would: privacy's per-request memo is kept from here to the
    end (its receivers alone; the signals would also close the test's database connection)."""
    from privacy import memo

    memo.request_started()
    yield
    memo.request_finished()


# A common phone's screen, in CSS pixels.
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone_admin(browser, live_server):
    """``phone_admin(user)``: a page of a phone-sized browser (``PHONE``, Dutch as spoken in
    Belgium) signed in to the admin as ``user``, for the admin screens people use on the go.
    Called after the test has written its rows (the live server then reads them in peace);
    every page it opened is closed after the test."""
    from tests.twofactor import browser_log_in

    contexts = []

    def open_as(user):
        context = browser.new_context(viewport=PHONE, locale="nl-BE")
        contexts.append(context)
        page = context.new_page()
        browser_log_in(page, live_server.url, user)
        return page

    yield open_as
    for context in contexts:
        context.close()


CLAMD = "/usr/sbin/clamd"
# The EICAR test file: harmless bytes every virus scanner agrees to flag.
EICAR = rb"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"


@pytest.fixture(scope="session")
def clamd(tmp_path_factory):
    """Debian's clamd on a Unix socket of its own, knowing the EICAR file and nothing else.

    Debian's package ships no signatures and freshclam's mirror is out of reach, so clamd gets
    a one-line hash database (``md5:size:name``) for the EICAR file; it then scans the real
    bytes sent to it. Yields the socket's path. Skipped without clamd, except in CI, where
    `make test` installs it.
    """
    if not os.path.exists(CLAMD):
        if os.environ.get("CI"):
            pytest.fail(f"{CLAMD} is missing: make test installs clamav-daemon when run as root")
        pytest.skip(f"{CLAMD} is missing: apt-get install clamav-daemon")
    import hashlib
    import subprocess
    import time

    # A short path: a Unix socket's path is limited to about 100 bytes.
    folder = tmp_path_factory.mktemp("clamd")
    database = folder / "db"
    database.mkdir()
    (database / "test.hdb").write_text(
        f"{hashlib.md5(EICAR).hexdigest()}:{len(EICAR)}:Eicar-Test-Signature\n"  # noqa: S324
    )
    socket_path = folder / "clamd.sock"
    config = folder / "clamd.conf"
    config.write_text(
        f"LocalSocket {socket_path}\n"
        f"DatabaseDirectory {database}\n"
        f"TemporaryDirectory {folder}\n"
        f"LogFile {folder / 'clamd.log'}\n"
        "Foreground yes\n"
    )
    process = subprocess.Popen(  # noqa: S603
        [CLAMD, "-c", str(config)], stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT
    )
    try:
        deadline = time.monotonic() + 60
        while not socket_path.exists():
            if process.poll() is not None or time.monotonic() > deadline:
                log = (folder / "clamd.log").read_text() if (folder / "clamd.log").exists() else ""
                pytest.fail(f"clamd did not start:\n{log[-2000:]}")
            time.sleep(0.1)
        yield str(socket_path)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
