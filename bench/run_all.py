"""Run every benchmark and write ``bench/RESULTS.md``.

``.venv/bin/python bench/run_all.py`` (``BENCH_QUICK=1`` for the quick sizes of each;
``--only load,faults`` for some of them). Each script runs in a process of its own, one after
the other (they share the machine's cores). The production figures (``load.py``,
``faults.py``) become tables next to their baseline and goal, a miss marked **MISS**; the
other scripts print their own figures next to their own baselines, which are kept as they
printed them. Exits non-zero when a script failed or a goal was missed.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
BENCH = BASE_DIR / "bench"
OUT = BENCH / "out"
MISS = "**MISS**"
SCRIPTS = ["pages", "retention", "forms", "careers", "events", "plone_import", "load", "faults"]
QUICK = os.environ.get("BENCH_QUICK") == "1" or "--quick" in sys.argv


def run(name: str) -> dict:
    started = time.monotonic()
    result = subprocess.run(  # noqa: S603 (our own scripts)
        [sys.executable, str(BENCH / f"{name}.py")],
        cwd=BASE_DIR,
        env={**os.environ, "BENCH_QUICK": "1" if QUICK else os.environ.get("BENCH_QUICK", "")},
        capture_output=True,
        text=True,
        check=False,
    )
    print(f"{name}: exit {result.returncode} in {time.monotonic() - started:.0f} s")
    return {
        "name": name,
        "code": result.returncode,
        "seconds": time.monotonic() - started,
        "output": result.stdout[-6000:] + (result.stderr[-3000:] if result.returncode else ""),
    }


def _exit(code: int | None) -> str:
    if code is None:
        return "see below"
    return "ok" if code == 0 else f"**MISS** {code}"


def mark(ok: bool) -> str:
    return "yes" if ok else MISS


def load_tables(figures: dict) -> list[str]:
    lines = [
        f"{figures['users']} visitors for {figures['seconds']} s, two gunicorn instances and the "
        f"worker, on {figures['cores']} cores shared with the load generator.",
        "",
        "| figure | measured | baseline | goal | met |",
        "|---|---|---|---|---|",
        f"| requests per second (all kinds) | {figures['rps']:.1f} | {figures['baseline_rps']:.1f} "
        f"(`/healthz/live`, no work) | — | — |",
        f"| p50 / p95 / p99 (ms) | {figures['p50']:.0f} / {figures['p95']:.0f} / "
        f"{figures['p99']:.0f} | — | — | — |",
        f"| accepted submissions per second per core | "
        f"{figures['submissions_per_second_per_core']:.2f} | — | — | — |",
        f"| 5xx or no answer | {figures['server_errors']} | — | 0 | "
        f"{mark(figures['server_errors'] == 0)} |",
        f"| accepted submissions lost | {figures['lost']} of {figures['accepted']} | — | 0 | "
        f"{mark(figures['lost'] == 0)} |",
        f"| stored twice / file missing / consents missing | {figures['doubled']} / "
        f"{figures['files_missing']} / {figures['consents_missing']} | — | 0 / 0 / 0 | "
        f"{mark(not (figures['doubled'] or figures['files_missing'] or figures['consents_missing']))} |",
        f"| registrations confirmed for 50 seats | {figures['confirmed']} | — | 50 | "
        f"{mark(figures['confirmed'] == 50)} |",
        f"| mails sent (twice / failed / still queued) | {figures['mails']} ({figures['mails_twice']}"
        f" / {figures['tasks_failed']} / {figures['mails_waiting']}) | — | each once | "
        f"{mark(not (figures['mails_twice'] or figures['tasks_failed'] or figures['mails_waiting']))} |",
        "",
        "| kind | requests | p50 ms | p95 ms | p99 ms | failures |",
        "|---|---|---|---|---|---|",
    ]
    for name, row in figures["kinds"].items():
        lines.append(
            f"| {name} | {row['requests']} | {row['p50']:.0f} | {row['p95']:.0f} | "
            f"{row['p99']:.0f} | {row['failures']} |"
        )
    return [*lines, "", *capacity_table(figures["submissions_per_second_per_core"])]


# The busiest hour is taken to hold an eighth of a day's submissions (deadlines, mailings).
PEAK_HOUR_SHARE = 1 / 8


def capacity_table(per_core: float) -> list[str]:
    """Cores N applications a day need at the measured submissions per second per core
    (measured under the full mix, pages included); never fewer than 2, for redundancy."""
    lines = [
        f"At {per_core:.2f} accepted submissions per second per core (measured under the full "
        f"mix, pages and API reads included), with the busiest hour holding "
        f"{PEAK_HOUR_SHARE:.1%} of a day's submissions:",
        "",
        "| applications per day | peak per second | web cores needed |",
        "|---|---|---|",
    ]
    for per_day in (1_000, 10_000, 100_000, 1_000_000):
        peak = per_day * PEAK_HOUR_SHARE / 3600
        cores = max(2, math.ceil(peak / per_core)) if per_core else "?"
        lines.append(f"| {per_day:,} | {peak:.2f} | {cores} |")
    return lines


def fault_tables(figures: dict) -> list[str]:
    lines = [
        "| fault | requests during | clean errors (503/429) | 5xx | lost rows | after healing: ok | met |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in figures["rows"]:
        ok = not row["server_errors"] and not row["lost_rows"] and not row.get("mails_twice")
        ok = ok and row["after_ok"] == row["after_requests"]
        # Pages must keep serving through a fault (Redis down): a page refused is a miss.
        ok = ok and not row.get("pages_refused")
        lines.append(
            f"| {row['fault']} | {row['requests']} | {row['clean_errors']} | "
            f"{row['server_errors']} | {row['lost_rows']} | {row['after_ok']}/"
            f"{row['after_requests']} | {mark(ok)} |"
        )
    lines += ["", "Goal: 0 5xx, 0 lost rows, every request after healing answered.", ""]
    s3, redis = figures["rows"][0], figures["rows"][2]
    lines += [
        f"- S3 stopped: retention kept {s3.get('retention_kept_during')} of "
        f"{s3.get('retention_expired')} expired applications while S3 was away, "
        f"{s3.get('retention_left_after')} left after its next run "
        f"({mark(s3.get('retention_expired') and not s3.get('retention_left_after'))}).",
        f"- Redis stopped: pages refused with 503 {redis.get('pages_refused', '?')} times (goal 0: "
        f"{mark(redis.get('pages_refused') == 0)}); staff signed in during and after: "
        f"{redis.get('staff_signed_in_during')}, {redis.get('staff_signed_in_after')}.",
    ]
    lines += [f"- {note}" for note in figures["notes"]]
    return lines


def main() -> int:
    only = next((arg.split("=", 1)[1] for arg in sys.argv if arg.startswith("--only=")), "")
    if "--only" in sys.argv:
        only = sys.argv[sys.argv.index("--only") + 1]
    names = [name for name in SCRIPTS if not only or name in only.split(",")]
    if "--from-json" in sys.argv:
        # Rewrite the report from the figures the scripts last wrote, without running them.
        results = [
            {"name": name, "code": None, "seconds": 0, "output": ""}
            for name in names
            if (OUT / f"{name}.json").exists()
        ]
    else:
        results = [run(name) for name in names]
    lines = [
        "# Benchmark results",
        "",
        f"Written by `bench/run_all.py` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC"
        f"{' (BENCH_QUICK=1)' if QUICK else ''}, on this machine "
        f"({os.cpu_count()} cores, shared).",
        "",
        "| script | exit | seconds |",
        "|---|---|---|",
        *(f"| bench/{r['name']}.py | {_exit(r['code'])} | {r['seconds']:.0f} |" for r in results),
        "",
    ]
    missed = any(r["code"] for r in results)
    if any(r["code"] is None for r in results):
        lines += [
            "Rewritten from the figures of the last runs (`--from-json`); goals marked below.",
            "",
        ]
    for result in results:
        lines += [f"## bench/{result['name']}.py", ""]
        figures_file = OUT / f"{result['name']}.json"
        if result["name"] == "load" and figures_file.exists():
            lines += load_tables(json.loads(figures_file.read_text()))
        elif result["name"] == "faults" and figures_file.exists():
            lines += fault_tables(json.loads(figures_file.read_text()))
        else:
            lines += ["```", result["output"].strip(), "```"]
        lines.append("")
    # A goal marked missed in a table counts, also when the figures were only rewritten.
    missed = missed or any(MISS in line for line in lines)
    (BENCH / "RESULTS.md").write_text("\n".join(lines))
    print(f"bench/RESULTS.md written; {'a goal was missed' if missed else 'every goal met'}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
