"""Web and security logs are kept as long as the register says, no longer: the deployment's
log rotation and journal keep them the `security-logs` purpose's 30 days; and expired
sessions are cleared daily, beside `enforce_retention`."""

import json
import re
from pathlib import Path

import yaml
from django.conf import settings

SITE = Path(settings.BASE_DIR) / "site"


def _security_logs_days() -> int:
    shipped = json.loads((Path(settings.BASE_DIR) / "privacy/default_purposes.json").read_text())
    purpose = next(item for item in shipped if item["key"] == "security-logs")
    assert (purpose["retention_unit"], purpose["retention_from"]) == ("days", "recorded")
    return purpose["retention_period"]


def test_the_deployment_keeps_web_logs_as_long_as_the_register_states():
    days = _security_logs_days()
    assert days == 30

    rotation = (SITE / "logrotate/chamber").read_text()
    assert "/var/log/nginx/chamber.access.log" in rotation
    assert "/var/log/nginx/chamber.access.log" in (SITE / "nginx.conf").read_text()
    assert re.search(r"^\s*daily$", rotation, re.M)
    assert re.search(rf"^\s*rotate {days}$", rotation, re.M)
    assert re.search(rf"^\s*maxage {days}$", rotation, re.M)
    journal = (SITE / "systemd/journald-chamber.conf").read_text()
    assert re.search(rf"^MaxRetentionSec={days}day$", journal, re.M)
    readme = (Path(settings.BASE_DIR) / "README.md").read_text()
    assert f"**Web and security logs are kept {days} days**" in readme


def test_expired_sessions_are_cleared_daily_beside_enforce_retention():
    timers = SITE / "systemd"
    for command in ("clearsessions", "enforce-retention"):
        timer = (timers / f"chamber-{command}.timer").read_text()
        assert re.search(r"^OnCalendar=\*-\*-\* \d\d:\d\d:00", timer, re.M), command
    jobs = yaml.safe_load_all((SITE / "k8s/base/cronjobs.yaml").read_text())
    schedules = {
        job["spec"]["jobTemplate"]["spec"]["template"]["spec"]["containers"][0]["command"][-1]: (
            job["spec"]["schedule"]
        )
        for job in jobs
        if job and job.get("kind") == "CronJob"
    }
    for command in ("clearsessions", "enforce_retention"):
        assert re.fullmatch(r"\d+ \d+ \* \* \*", schedules[command]), command
