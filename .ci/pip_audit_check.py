"""Fail CI on a known vulnerability in an installed package that has a fixed release.

pip-audit exits non-zero on any vulnerability, fixed upstream or not; CI should stop only
where upgrading is possible, and report the rest. When the vulnerability service does not
answer (no network, or a package index without PyPI's JSON API, where every package comes
back "not found"), that is said and CI goes on: it cannot tell either way.

Usage: python .ci/pip_audit_check.py [pip-audit arguments...]
"""

from __future__ import annotations

import json
import subprocess
import sys


def verdict(report: dict) -> tuple[int, list[str]]:
    """(exit code, lines to print) for a pip-audit JSON report."""
    dependencies = report.get("dependencies", [])
    audited = [dep for dep in dependencies if "skip_reason" not in dep]
    if not audited:
        return 0, [
            f"pip-audit: the vulnerability service answered for none of {len(dependencies)} "
            "packages; nothing could be checked (skipped)."
        ]
    lines, fixable = [], 0
    for dep in audited:
        for vuln in dep.get("vulns", []):
            fixes = vuln.get("fix_versions") or []
            if fixes:
                fixable += 1
                lines.append(
                    f"FIX AVAILABLE {dep['name']} {dep['version']}: {vuln['id']} "
                    f"(fixed in {', '.join(fixes)})"
                )
            else:
                lines.append(f"no fix yet   {dep['name']} {dep['version']}: {vuln['id']}")
    skipped = len(dependencies) - len(audited)
    lines.append(
        f"pip-audit: {len(audited)} packages audited, {skipped} skipped, "
        f"{fixable} vulnerabilities with a fix available."
    )
    return (1 if fixable else 0), lines


def main(argv: list[str]) -> int:
    command = [sys.executable, "-m", "pip_audit", "-f", "json", "--progress-spinner", "off"]
    try:
        result = subprocess.run(  # noqa: S603 (a fixed command; arguments come from CI)
            [*command, *argv], capture_output=True, text=True, timeout=600, check=False
        )
    except subprocess.TimeoutExpired:
        print("pip-audit: the vulnerability service did not answer in time (skipped).")
        return 0
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        print("pip-audit: no report; the vulnerability service did not answer (skipped).")
        print(result.stderr.strip()[-2000:])
        return 0
    code, lines = verdict(report)
    print("\n".join(lines))
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
