"""`make run PORT=8123`: every absolute link, and the demo site, follow the port served."""

import io
import os
import shutil
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Site

from home.demo import home_page_ensure
from website.management.commands import load_demo

SETTINGS_CODE = (
    "import django; django.setup(); from django.conf import settings as s; "
    "print(s.SITE_BASE_URL, s.WAGTAILADMIN_BASE_URL, s.WAGTAILAPI_BASE_URL)"
)


def _environment(**env) -> dict[str, str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("PORT", "SITE_BASE_URL")}
    environment.update(DJANGO_SETTINGS_MODULE="website.settings.dev", **env)
    return environment


def _run(command, env) -> str:
    result = subprocess.run(  # noqa: S603 (our own interpreter, code and Makefile)
        command, env=env, cwd=settings.BASE_DIR, capture_output=True, text=True, check=True
    )
    return result.stdout


def _settings_with(env):
    return _run([sys.executable, "-c", SETTINGS_CODE], _environment(**env)).split()


def test_base_urls_follow_the_port_when_no_site_base_url_is_set():
    assert _settings_with({"PORT": "8123"}) == ["http://127.0.0.1:8123"] * 3


def test_a_site_base_url_set_explicitly_wins_over_the_port():
    urls = _settings_with({"PORT": "8123", "SITE_BASE_URL": "https://kamer.example"})

    assert urls == ["https://kamer.example"] * 3


@pytest.mark.skipif(not shutil.which("make"), reason="make is not installed")
def test_make_run_with_a_port_serves_on_it_and_the_site_links_to_it():
    # What `make run PORT=8123` would run, without running it.
    # (--no-print-directory: under `make test`, a nested make would add "Leaving directory".)
    planned = _run(
        ["make", "-n", "--no-print-directory", "run", "PORT=8123"], _environment()
    ).splitlines()
    # A process make starts, as runserver is, with the Makefile's environment.
    probe = 'settings-probe:\n\t@"$(PROBE_PYTHON)" -c "$$PROBE_CODE"'
    links = _run(
        ["make", "-s", "--no-print-directory", "--eval", probe, "settings-probe", "PORT=8123"],
        _environment(PROBE_PYTHON=sys.executable, PROBE_CODE=SETTINGS_CODE),
    ).split()

    assert planned[-1].endswith("manage.py runserver 127.0.0.1:8123")
    assert links == ["http://127.0.0.1:8123"] * 3


@pytest.mark.django_db
@override_settings(WAGTAILADMIN_BASE_URL="http://127.0.0.1:8123")
def test_demo_moves_the_local_site_to_the_port_served_and_says_so(
    locales, default_site, monkeypatch
):
    # The site's address is home's part of the demo; the other apps' content is not needed.
    monkeypatch.setattr(load_demo, "DEMOS", {"home": "home.demo"})
    default_site.hostname, default_site.port = "127.0.0.1", 8000
    default_site.save()

    output = io.StringIO()
    call_command("load_demo", stdout=output)

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8123)
    assert "http://127.0.0.1:8123/" in output.getvalue()
    assert ":8000" not in output.getvalue()


@pytest.mark.django_db
@override_settings(WAGTAILADMIN_BASE_URL="http://127.0.0.1:8123")
def test_hreflang_links_use_the_port_served(client, locales, default_site):
    home_page_ensure(locale=locales["nl"], log=print)

    html = client.get("/nl/").content.decode()

    assert 'hreflang="nl" href="http://127.0.0.1:8123/nl/"' in html
