"""The project is complete and deployable: migrations match models, production settings pass."""

import os
import secrets
import string
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

BASE_DIR = Path(__file__).resolve().parents[2]


def test_models_have_all_their_migrations(db):
    # Exits with status 1 (SystemExit) when a model change has no migration yet.
    call_command("makemigrations", check=True, dry_run=True, verbosity=0)


def run_python(*args, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "SECRET_KEY",
            "PRIVACY_HASH_KEY",
            "RECAPTCHA_PUBLIC_KEY",
            "RECAPTCHA_PRIVATE_KEY",
            "DEBUG",
            "EMAIL_HOST",
        }
    }
    environment.update(DJANGO_SETTINGS_MODULE="website.settings.production", **env)
    return subprocess.run(  # noqa: S603 (fixed arguments, our own interpreter)
        [sys.executable, *args],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION_ENV = {
    "SECRET_KEY": "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(60)),
    "PRIVACY_HASH_KEY": "".join(
        secrets.choice(string.ascii_letters + string.digits) for _ in range(40)
    ),
    "RECAPTCHA_PUBLIC_KEY": "public-key",
    "RECAPTCHA_PRIVATE_KEY": "private-key",
    "ALLOWED_HOSTS": "www.example.org",
    # Checked, not connected to: the settings only refuse to start without a shared cache.
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "EMAIL_HOST": "smtp.example.org",
}


def test_production_settings_pass_the_deployment_checks():
    result = run_python(
        "manage.py", "check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV
    )

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("override", "complaint"),
    [
        ({"SECRET_KEY": ""}, "SECRET_KEY"),
        ({"SECRET_KEY": "short"}, "SECRET_KEY"),
        ({"PRIVACY_HASH_KEY": ""}, "PRIVACY_HASH_KEY"),
        ({"PRIVACY_HASH_KEY": "too-short"}, "PRIVACY_HASH_KEY"),
        ({"RECAPTCHA_PUBLIC_KEY": ""}, "RECAPTCHA"),
        ({"RECAPTCHA_PRIVATE_KEY": ""}, "RECAPTCHA"),
        ({"REDIS_URL": ""}, "REDIS_URL"),
        # Without a mail server, every e-mail and its signed links would go to the log.
        ({"EMAIL_HOST": ""}, "EMAIL_HOST"),
    ],
)
def test_production_refuses_to_start_with_development_secrets(override, complaint):
    env = {**PRODUCTION_ENV, **override}
    env = {key: value for key, value in env.items() if value}

    # Loading the WSGI application is what gunicorn does; manage.py must refuse as well.
    for args in (("-c", "import website.wsgi"), ("manage.py", "check", "--deploy")):
        result = run_python(*args, **env)

        assert result.returncode != 0
        assert "InsecureProductionSettings" in result.stderr
        assert complaint in result.stderr
