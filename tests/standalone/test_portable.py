"""What makes the plugins installable into any Wagtail site, read from their code and proven
in this one: settings only through each app's ``conf.py`` (with a default), no name of the
project's, staff groups named by settings and made by each plugin's own migration, and
dependencies of their own."""

import ast
import re
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from django.conf import global_settings
from django.contrib.auth.models import Group
from django.forms.models import apply_limit_choices_to_to_formfield
from django.test import override_settings
from django.urls import reverse
from packaging.requirements import Requirement

from privacy.models import DataSubjectRequest

ROOT = Path(__file__).resolve().parents[2]
PLUGINS = ("privacy", "forms", "careers", "events")
PROJECT = ("website", "home")


def _code(app: str, *, migrations: bool = False):
    for path in sorted((ROOT / app).rglob("*.py")):
        if ("migrations" in path.parts) == migrations:
            yield path, ast.parse(path.read_text(), filename=str(path))


def _setting_reads(tree: ast.AST):
    """``settings.NAME`` (NAME not one of Django's own), ``getattr(settings, …)`` and
    ``conf.get(…)``: each a setting read, allowed in ``conf.py`` only."""
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id == "settings"
            and node.attr.isupper()
            and not hasattr(global_settings, node.attr)
        ):
            yield node.lineno, f"settings.{node.attr}"
        elif isinstance(node, ast.Call) and isinstance(node.func, (ast.Name, ast.Attribute)):
            func = node.func
            if (
                isinstance(func, ast.Name)
                and func.id == "getattr"
                and node.args
                and isinstance(node.args[0], ast.Name)
                and node.args[0].id == "settings"
            ):
                yield node.lineno, "getattr(settings, …)"
            if (
                isinstance(func, ast.Attribute)
                and func.attr == "get"
                and isinstance(func.value, ast.Name)
                and func.value.id == "conf"
            ):
                yield node.lineno, "conf.get(…)"


def test_plugins_read_settings_only_through_their_conf_modules():
    found = [
        f"{path.relative_to(ROOT)}:{line}: {what}"
        for app in PLUGINS
        for path, tree in _code(app)
        if path.name != "conf.py"
        for line, what in _setting_reads(tree)
    ]
    assert found == []


def test_the_scan_sees_a_setting_read_outside_conf():
    tree = ast.parse(
        "from django.conf import settings\n"
        "a = settings.SITE_BASE_URL\n"
        "b = getattr(settings, 'X', 1)\n"
        "c = conf.get('Y', 2)\n"
        "d = settings.LANGUAGE_CODE\n"
    )
    assert [what for _line, what in _setting_reads(tree)] == [
        "settings.SITE_BASE_URL",
        "getattr(settings, …)",
        "conf.get(…)",
    ]


def test_no_plugin_imports_the_project_or_names_its_urls():
    found = []
    for app in PLUGINS:
        for path, tree in _code(app):
            for node in ast.walk(tree):
                names = []
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0:
                    names = [node.module or ""]
                if any(name.split(".")[0] in PROJECT for name in names):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}: imports {names}")
                if (
                    isinstance(node, ast.Constant)
                    and isinstance(node.value, str)
                    and re.match(r"^(website|home)[\w-]*:", node.value)
                ):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value!r}")
    assert found == []


@pytest.mark.django_db
def test_the_cookie_banner_posts_to_privacys_route_in_the_sites_own_api(client):
    page = client.get(reverse("privacy:signup"))

    assert 'data-api="/api/privacy/cookie-consent"' in page.content.decode()


@pytest.mark.django_db
@override_settings(PRIVACY_API_NAMESPACE="no-such-api")
def test_without_privacys_api_the_banner_falls_back_to_its_own_form(client):
    page = client.get(reverse("privacy:signup"))

    html = page.content.decode()
    assert page.status_code == 200
    assert 'data-api=""' in html
    assert f'action="{reverse("privacy:cookie_consent")}"' in html


@pytest.mark.django_db
def test_each_plugins_migrations_make_its_group_under_the_sites_name():
    names = set(Group.objects.values_list("name", flat=True))

    assert {"Data protection", "HR", "Organisers"} <= names
    assert not names & {"Privacy officers", "Recruitment", "Events"}
    for name in ("Data protection", "HR", "Organisers"):
        assert Group.objects.get(name=name).permissions.filter(codename="access_admin").exists()
    officers = Group.objects.get(name="Data protection")
    assert officers.permissions.filter(codename="view_consentrecord").exists()
    assert officers.permissions.filter(codename="view_filedownloadlog").exists()


@pytest.mark.django_db
def test_who_may_handle_a_request_follows_the_officers_group_setting(django_user_model):
    officer = django_user_model.objects.create_user("dana", "dana@example.org", "pw")
    officer.groups.add(Group.objects.get(name="Data protection"))
    django_user_model.objects.create_user("eve", "eve@example.org", "pw")

    field = DataSubjectRequest._meta.get_field("handled_by").formfield()
    apply_limit_choices_to_to_formfield(field)

    assert list(field.queryset.values_list("username", flat=True)) == ["dana"]


# A plugin's migrations grant its own permissions, and Wagtail's own ones (admin access,
# submitting a translation) that its group needs: never another plugin's.
GRANTS = (
    re.compile(r"""app_label\s*=\s*["'](\w+)["']"""),
    re.compile(r"""get_app_config\(\s*["'](\w+)["']"""),
    re.compile(r"""["'](\w+)["']\s*,\s*["'](?:add|change|delete|view)_\w+["']"""),
)


def _granted_app_labels(source: str) -> set[str]:
    return {label for pattern in GRANTS for label in pattern.findall(source)}


def test_no_plugins_migration_grants_another_plugins_permissions():
    found = []
    for app in PLUGINS:
        for path, _tree in _code(app, migrations=True):
            others = _granted_app_labels(path.read_text()) & (set(PLUGINS) - {app})
            if others:
                found.append(f"{path.relative_to(ROOT)}: {sorted(others)}")
    assert found == []


def test_the_grant_scan_sees_another_apps_permission():
    assert _granted_app_labels('_permission(apps, "forms", "view_filedownloadlog")') == {"forms"}
    assert _granted_app_labels('content_type__app_label="privacy", codename="x"') == {"privacy"}
    assert _granted_app_labels('forms = apps.get_app_config("forms")') == {"forms"}


# The reference site's stack: none of it comes with the plugins.
SITE_STACK = {
    "psycopg",
    "dj-database-url",
    "django-redis",
    "gunicorn",
    "whitenoise",
    "django-csp",
    "django-axes",
    "django-otp",
    "django-otp-webauthn",
    "boto3",
    "django-storages",
}


def _name(requirement: str) -> str:
    return Requirement(requirement).name.lower().replace("_", "-")


def _closure(names: set[str]) -> set[str]:
    """The distributions ``names`` install, with theirs, as installed here."""
    seen, todo = set(), list(names)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        for line in metadata.requires(name) or ():
            requirement = Requirement(line)
            if requirement.marker and not requirement.marker.evaluate({"extra": ""}):
                continue
            todo.append(requirement.name.lower().replace("_", "-"))
    return seen


def _imported_top_level_modules(app: str) -> set[str]:
    """Modules a plugin imports unconditionally (an import under ``try`` is optional)."""
    optional = set()
    modules = set()
    for _path, tree in _code(app):
        for node in ast.walk(tree):
            if isinstance(node, ast.Try):
                for inner in ast.walk(node):
                    if isinstance(inner, (ast.Import, ast.ImportFrom)):
                        optional.add(id(inner))
        for node in ast.walk(tree):
            if id(node) in optional:
                continue
            if isinstance(node, ast.Import):
                modules |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules.add(node.module.split(".")[0])
    return modules


def test_the_plugins_dependencies_are_their_own_and_enough():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    core = {_name(line) for line in project["dependencies"]}
    extras = project["optional-dependencies"]

    assert not core & SITE_STACK
    assert {"boto3", "django-storages"} <= {_name(line) for line in extras["s3"]}
    assert {"django-otp", "django-otp-webauthn"} <= {_name(line) for line in extras["2fa"]}
    # The project's `dev` extra (what `make test` installs) brings the site and its extras.
    assert any(_name(line) == "chamber-website" for line in extras["dev"])

    installed = _closure(core)
    providers = metadata.packages_distributions()
    stdlib = __import__("sys").stdlib_module_names
    missing = {}
    for app in PLUGINS:
        for module in _imported_top_level_modules(app) - stdlib - set(PLUGINS):
            dists = {name.lower().replace("_", "-") for name in providers.get(module, ())}
            if not dists & installed:
                missing.setdefault(app, set()).add(module)
    assert missing == {}
