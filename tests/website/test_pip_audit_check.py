"""CI's pip-audit gate: it fails on a vulnerability with a fix, reports the rest, and goes on
when the vulnerability service did not answer."""

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / ".ci" / "pip_audit_check.py"


@pytest.fixture(scope="module")
def verdict():
    spec = importlib.util.spec_from_file_location("pip_audit_check", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.verdict


def _dep(name, *vulns):
    return {"name": name, "version": "1.0", "vulns": list(vulns)}


def test_a_vulnerability_with_a_fixed_release_fails(verdict):
    report = {
        "dependencies": [
            _dep("django", {"id": "PYSEC-1", "fix_versions": ["1.1"]}),
            _dep("wagtail"),
        ]
    }

    code, lines = verdict(report)

    assert code == 1
    assert any("django" in line and "PYSEC-1" in line and "1.1" in line for line in lines)


def test_a_vulnerability_without_a_fix_is_reported_and_passes(verdict):
    report = {"dependencies": [_dep("olefile", {"id": "GHSA-x", "fix_versions": []})]}

    code, lines = verdict(report)

    assert code == 0
    assert any("GHSA-x" in line for line in lines)


def test_a_service_that_audited_nothing_is_said_and_passes(verdict):
    report = {
        "dependencies": [
            {"name": "django", "skip_reason": "Dependency not found on PyPI"},
            {"name": "wagtail", "skip_reason": "Dependency not found on PyPI"},
        ]
    }

    code, lines = verdict(report)

    assert code == 0
    assert "nothing could be checked" in lines[0]
