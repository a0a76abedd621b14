"""Kubernetes and a plain VM run the same scheduled commands: a command scheduled by a
systemd timer under ``site/systemd/`` has a CronJob under ``site/k8s/`` and the other way
round, so a deployment cannot lose one (``mail_requeue`` was lost once in a merge)."""

import re
from pathlib import Path

import yaml

SITE = Path(__file__).resolve().parents[2] / "site"


def systemd_commands() -> set[str]:
    commands = set()
    for timer in (SITE / "systemd").glob("*.timer"):
        match = re.search(r"^Unit=chamber-command@(\w+)\.service$", timer.read_text(), re.M)
        assert match, f"{timer.name} names no chamber-command@<command>.service"
        commands.add(match[1])
    return commands


def cronjob_commands() -> set[str]:
    commands = set()
    with (SITE / "k8s" / "base" / "cronjobs.yaml").open() as stream:
        for document in yaml.safe_load_all(stream):
            if document and document["kind"] == "CronJob":
                (container,) = document["spec"]["jobTemplate"]["spec"]["template"]["spec"][
                    "containers"
                ]
                assert container["command"][:2] == ["python", "manage.py"]
                commands.add(container["command"][2])
    return commands


def test_every_scheduled_command_runs_on_kubernetes_and_on_a_vm():
    assert "mail_requeue" in systemd_commands()
    assert cronjob_commands() == systemd_commands()
