"""Every kind of response carries the security headers: a page, the API, the admin, a file."""

import importlib
import sys

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from forms.models import FormSubmission
from tests.forms.samples import pdf_bytes, upload
from tests.website.test_deploy import PRODUCTION_ENV

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    parsed = {}
    for part in policy.split(";"):
        name, *sources = part.split()
        parsed[name] = sources
    return parsed


def assert_security_headers(response, *, admin=False, inline_scripts=False):
    csp = directives(response)
    assert csp["default-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"]
    assert csp["form-action"] == ["'self'"]
    scripts = csp["script-src"]
    assert scripts[0] == "'self'"
    assert "'unsafe-eval'" not in scripts
    if inline_scripts:  # Wagtail's editing screens; see website.security.csp
        assert scripts == ["'self'", "'unsafe-inline'"]
    else:
        assert all(s == "'self'" or s.startswith("'nonce-") for s in scripts)
    assert csp["frame-ancestors"] == (["'self'"] if admin else ["'none'"])
    assert not any("google" in source for sources in csp.values() for source in sources)
    assert response["X-Frame-Options"] in ({"SAMEORIGIN", "DENY"} if admin else {"DENY"})
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    permissions = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in permissions


@pytest.fixture
def download_url(client, contact_page, valid_data):  # noqa: F811
    client.post(contact_page.url, {**valid_data, "attachment": upload("cv.pdf", pdf_bytes())})
    attachment = FormSubmission.objects.get(page=contact_page).attachments.get()
    return reverse("forms_inboxes:download", args=[attachment.pk])


def test_a_page_has_the_strict_policy(client, contact_page):  # noqa: F811
    response = client.get(contact_page.url)

    assert response.status_code == 200
    assert_security_headers(response)
    assert directives(response)["style-src"] == ["'self'"]


def test_the_json_api_has_the_policy(client, contact_page):  # noqa: F811
    response = client.get(f"/api/forms/{contact_page.pk}")
    missing = client.get("/api/forms/999999")

    assert response.status_code == 200
    assert_security_headers(response)
    assert missing.status_code == 404
    assert_security_headers(missing)


def test_an_admin_view_has_the_policy_with_the_admin_allowances(client, secretary):  # noqa: F811
    client.force_login(secretary)
    response = client.get(reverse("wagtailadmin_home"))

    assert response.status_code == 200
    assert_security_headers(response, admin=True, inline_scripts=True)
    csp = directives(response)
    assert "'unsafe-inline'" in csp["style-src"]  # styles only; see website.security.csp


def test_a_file_download_has_the_policy(client, secretary, download_url):  # noqa: F811
    client.force_login(secretary)
    response = client.get(download_url)

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert_security_headers(response, admin=True, inline_scripts=True)


def test_the_sign_in_screens_and_the_404_page_have_the_strict_script_policy(
    client,
    home,  # noqa: F811
):
    # The most exposed admin screens run no inline script: nothing there needs one.
    assert_security_headers(client.get(reverse("wagtailadmin_login")), admin=True)
    missing = client.get("/nl/no-such-page/")
    assert missing.status_code == 404
    assert_security_headers(missing)


@pytest.fixture
def production_settings(monkeypatch):
    """The security settings ``website.settings.production`` sets, loaded as it loads them."""
    for key, value in PRODUCTION_ENV.items():
        monkeypatch.setenv(key, value)
    # A fresh import of base too, which reads the environment; the test settings' modules
    # are put back afterwards.
    saved = {name: sys.modules.pop(name, None) for name in ("website.settings.base",)}
    try:
        production = importlib.import_module("website.settings.production")
    finally:
        sys.modules.pop("website.settings.production", None)
        sys.modules.update({name: module for name, module in saved.items() if module})
    names = [
        name
        for name in dir(production)
        if name.startswith(("SECURE_", "SESSION_COOKIE_", "CSRF_COOKIE_", "ADMIN_2FA_"))
    ]
    with override_settings(DEBUG=False, **{name: getattr(production, name) for name in names}):
        yield production


def test_production_sends_hsts_and_secure_cookies(production_settings, secretary):  # noqa: F811
    client = Client()
    insecure = client.get(reverse("wagtailadmin_login"))
    login = client.get(reverse("wagtailadmin_login"), secure=True)
    signed_in = client.post(
        reverse("wagtailadmin_login"),
        {"username": secretary.username, "password": "pw"},
        secure=True,
    )

    assert insecure.status_code == 301 and insecure["Location"].startswith("https://")
    hsts = login["Strict-Transport-Security"]
    assert "max-age=31536000" in hsts and "includeSubDomains" in hsts and "preload" in hsts
    assert_security_headers(login, admin=True)
    csrf = login.cookies["csrftoken"]
    assert csrf["secure"] and csrf["httponly"] and csrf["samesite"] == "Lax"
    session = signed_in.cookies["sessionid"]
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"
    assert production_settings.ADMIN_2FA_ENFORCED is True


def test_hsts_preload_can_be_left_out(monkeypatch):
    from tests.website.test_deploy import run_python

    result = run_python(
        "-c",
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.SECURE_HSTS_PRELOAD, settings.SECURE_HSTS_SECONDS)",
        **PRODUCTION_ENV,
        SECURE_HSTS_PRELOAD="false",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "31536000"]


CAPTCHA_KEYS = {"RECAPTCHA_PUBLIC_KEY": "site-key", "RECAPTCHA_PRIVATE_KEY": "secret-key"}


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_only_a_page_with_a_captcha_allows_recaptcha_hosts_and_still_no_inline_script(
    client,
    contact_page,  # noqa: F811
    home,  # noqa: F811
    version,
):
    with override_settings(**CAPTCHA_KEYS, RECAPTCHA_VERSION=version):
        form = client.get(contact_page.url)
        other = client.get(home.url)

    csp = directives(form)
    assert "https://www.google.com/recaptcha/" in csp["script-src"]
    assert "https://www.gstatic.com/recaptcha/" in csp["script-src"]
    assert csp["frame-src"] == [
        "https://www.google.com/recaptcha/",
        "https://www.recaptcha.net/recaptcha/",
    ]
    assert "'unsafe-inline'" not in csp["script-src"] and csp["object-src"] == ["'none'"]
    body = form.content.decode()
    assert "recaptcha/api.js" in body
    assert "<script>" not in body  # every script is a file
    assert "google" not in other["Content-Security-Policy"]
