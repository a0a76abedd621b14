"""reCAPTCHA on public forms: present with keys, absent without, enforced in production.

Only the HTTP call to Google's verify endpoint is replaced; django-recaptcha parses the
answer and decides, as it does in production.
"""

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from unittest import mock
from urllib.parse import parse_qs

import pytest
from django import forms
from django.test import RequestFactory, override_settings

from forms.captcha import RESPONSE_FIELD, captcha_field

BASE_DIR = Path(__file__).resolve().parents[2]
KEYS = {"RECAPTCHA_PUBLIC_KEY": "site-key-123", "RECAPTCHA_PRIVATE_KEY": "secret-key-456"}


def google_answers(**answer):
    """Replace the verify request with one answering ``answer``; the mock records calls."""
    return mock.patch(
        "django_recaptcha.client.recaptcha_request",
        side_effect=lambda params: io.BytesIO(json.dumps(answer).encode()),
    )


def contact_form(data):
    form = forms.Form(data)
    form.fields["name"] = forms.CharField()
    field = captcha_field()
    if field is not None:
        form.fields["captcha"] = field
    return form


def validate(form, request):
    # The field finds the request on the stack, as it does inside a page's serve().
    assert request is not None
    return form.is_valid()


def test_without_keys_forms_have_no_captcha_and_still_validate():
    with override_settings(RECAPTCHA_PUBLIC_KEY="", RECAPTCHA_PRIVATE_KEY=""):
        assert captcha_field() is None
        assert contact_form({"name": "Ann"}).is_valid()


@override_settings(**KEYS, RECAPTCHA_VERSION="v2")
def test_v2_field_renders_checkbox_with_site_key():
    form = contact_form({})
    html = form.as_p()
    assert "captcha" in form.fields
    assert 'data-sitekey="site-key-123"' in html
    assert "g-recaptcha" in html
    assert "secret-key-456" not in html


@override_settings(**KEYS, RECAPTCHA_VERSION="v2")
def test_v2_submission_without_token_is_refused_without_asking_google():
    with google_answers(success=True) as verify:
        form = contact_form({"name": "Ann"})
        assert not form.is_valid()
    assert "captcha" in form.errors
    verify.assert_not_called()


@override_settings(**KEYS, RECAPTCHA_VERSION="v2")
def test_v2_submission_with_token_google_rejects_is_refused():
    with google_answers(success=False, **{"error-codes": ["invalid-input-response"]}):
        form = contact_form({"name": "Ann", RESPONSE_FIELD: "forged"})
        assert not form.is_valid()
    assert "captcha" in form.errors


@override_settings(**KEYS, RECAPTCHA_VERSION="v2")
def test_v2_submission_with_valid_token_passes_and_sends_secret_and_token():
    with google_answers(success=True) as verify:
        form = contact_form({"name": "Ann", RESPONSE_FIELD: "good-token"})
        assert form.is_valid(), form.errors
    sent = parse_qs(verify.call_args.args[0].decode())
    assert sent["secret"] == ["secret-key-456"]
    assert sent["response"] == ["good-token"]


@override_settings(**KEYS, RECAPTCHA_VERSION="v2", TRUSTED_PROXY_COUNT=0)
def test_google_is_told_the_connecting_address_not_a_forged_forwarded_one():
    request = RequestFactory().post(
        "/", REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR="203.0.113.66"
    )
    with google_answers(success=True) as verify:
        assert validate(contact_form({"name": "Ann", RESPONSE_FIELD: "t"}), request)
    assert parse_qs(verify.call_args.args[0].decode())["remoteip"] == ["198.51.100.7"]


@override_settings(**KEYS, RECAPTCHA_VERSION="v3", RECAPTCHA_REQUIRED_SCORE=0.7)
def test_v3_refuses_a_score_below_the_threshold():
    with google_answers(success=True, score=0.6, action="form_submit"):
        form = contact_form({"name": "Ann", RESPONSE_FIELD: "token"})
        assert not form.is_valid()
    assert "captcha" in form.errors


@override_settings(**KEYS, RECAPTCHA_VERSION="v3", RECAPTCHA_REQUIRED_SCORE=0.7)
def test_v3_accepts_a_score_at_the_threshold_for_this_action_only():
    with google_answers(success=True, score=0.7, action="form_submit"):
        assert contact_form({"name": "Ann", RESPONSE_FIELD: "token"}).is_valid()
    with google_answers(success=True, score=0.9, action="login"):
        assert not contact_form({"name": "Ann", RESPONSE_FIELD: "token"}).is_valid()


@override_settings(**KEYS, RECAPTCHA_VERSION="v3", RECAPTCHA_REQUIRED_SCORE=0)
def test_v3_without_a_configured_threshold_still_applies_one():
    field = captcha_field()
    assert field.widget.required_score == 0.5
    with google_answers(success=True, score=0.1, action="form_submit"):
        assert not contact_form({"name": "Ann", RESPONSE_FIELD: "token"}).is_valid()


def import_production(**env):
    base = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "website.settings.production",
        "SECRET_KEY": "x" * 60,
        "PRIVACY_HASH_KEY": "h" * 40,
        "REDIS_URL": "redis://127.0.0.1:6379/0",
        "EMAIL_HOST": "smtp.example.org",
    }
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=BASE_DIR,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_starts_without_recaptcha_keys():
    # The forms are then protected by the rate limit and the honeypot; check --deploy warns.
    result = import_production()
    assert result.returncode == 0, result.stderr


def test_production_refuses_one_recaptcha_key_without_the_other():
    result = import_production(RECAPTCHA_PUBLIC_KEY="site-key-123")
    assert result.returncode != 0
    assert "RECAPTCHA_PRIVATE_KEY" in result.stderr


def test_production_refuses_googles_test_keys():
    from django_recaptcha.constants import TEST_PRIVATE_KEY, TEST_PUBLIC_KEY

    result = import_production(
        RECAPTCHA_PUBLIC_KEY=TEST_PUBLIC_KEY, RECAPTCHA_PRIVATE_KEY=TEST_PRIVATE_KEY
    )
    assert result.returncode != 0
    assert "test keys" in result.stderr


@pytest.mark.parametrize("score", ["0", "1.5", "-1"])
def test_production_refuses_v3_without_a_usable_threshold(score):
    result = import_production(**KEYS, RECAPTCHA_VERSION="v3", RECAPTCHA_REQUIRED_SCORE=score)
    assert result.returncode != 0
    assert "RECAPTCHA_REQUIRED_SCORE" in result.stderr


def test_production_starts_with_keys_and_a_v3_threshold():
    result = import_production(**KEYS, RECAPTCHA_VERSION="v3", RECAPTCHA_REQUIRED_SCORE="0.6")
    assert result.returncode == 0, result.stderr
