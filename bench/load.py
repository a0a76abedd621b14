"""Mixed traffic against the production start, then an audit of what it stored and sent.

Run with ``.venv/bin/python bench/load.py`` (``BENCH_QUICK=1`` or ``--quick``: 20 s at 100
visitors instead of 60 s at 200). Needs PostgreSQL at 127.0.0.1:5432 and ``redis-server``.

Two gunicorn instances from ``site/Procfile`` (``WEB_CONCURRENCY`` processes each) and the
task worker, on the production settings over PostgreSQL, Redis, moto's S3 and an SMTP sink
(``bench/stack.py``). locust, headless and bounded in time, drives 200 visitors
(``bench/locustfile.py``): pages in nl, fr and en; API reads (pages, form schemas); contact
submissions; applications with a 1 MB PDF; registrations racing for one 50-seat event.

It prints requests per second, p50/p95/p99 per kind and the errors; then checks in the
database that every accepted submission is stored once, with its file in S3 and its consent
records, that exactly 50 registrations were confirmed, and that every mail was sent once
(after the worker drained the queue). The baseline, in the same run: ``/healthz/live``
(gunicorn and Django with no work) under the same two instances. Exits non-zero on any loss,
any 5xx, or a seat count other than 50. Figures go to ``bench/out/load.json`` for
``bench/run_all.py``.
"""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from stack import BASE_DIR, BIN, BUCKET, Stack, pdf_of  # noqa: E402

QUICK = os.environ.get("BENCH_QUICK") == "1" or "--quick" in sys.argv
USERS = 100 if QUICK else 200
DURATION = 20 if QUICK else 60
BASELINE_SECONDS = 8 if QUICK else 15
SEATS = 50
OUT = BASE_DIR / "bench" / "out"
KINDS = ("page", "api: pages", "api: form schema", "contact", "application", "registration")


def plan_for(stack: Stack) -> dict:
    """What the visitors ask for: the demo's pages in three languages, forms, an event."""
    status, body = stack.get("/sitemap.xml")
    assert status == 200, status
    paths = sorted(
        {
            re.sub(r"^https?://[^/]+", "", loc)
            for loc in re.findall(r"<loc>([^<]+)</loc>", body.decode())
        }
    )
    languages = {path.split("/")[1] for path in paths}
    assert {"nl", "fr", "en"} <= languages, languages
    nl = stack.sql("SELECT id FROM wagtailcore_locale WHERE language_code = 'nl'")[0][0]
    contact = stack.sql(
        "SELECT p.id FROM forms_formpage f JOIN wagtailcore_page p ON p.id = f.page_ptr_id "
        "WHERE p.live AND p.locale_id = %s ORDER BY p.id LIMIT 1",
        nl,
    )[0][0]
    vacancy = stack.sql(
        "SELECT p.id FROM careers_vacancypage v JOIN wagtailcore_page p "
        "ON p.id = v.page_ptr_id WHERE p.live AND p.locale_id = %s "
        "ORDER BY p.id LIMIT 1",
        nl,
    )[0][0]
    event, confirmed = stack.sql(
        "SELECT p.id, (SELECT count(*) FROM events_registration r "
        "WHERE r.event_id = p.id AND r.status = 'confirmed') FROM events_eventpage e "
        "JOIN wagtailcore_page p ON p.id = e.page_ptr_id WHERE p.live AND p.locale_id = %s "
        "AND e.start > now() + interval '1 day' AND (e.registration_deadline IS NULL "
        "OR e.registration_deadline > now() + interval '1 day') ORDER BY p.id LIMIT 1",
        nl,
    )[0]
    stack.sql(
        "UPDATE events_eventpage SET capacity = %s WHERE page_ptr_id = %s", confirmed + SEATS, event
    )
    pdf = stack.folder / "cv.pdf"
    pdf.write_bytes(pdf_of(1024 * 1024))
    return {
        "pages": paths,
        "api_pages": [f"/api/v2/pages/?locale={code}" for code in ("nl", "fr", "en")]
        + [f"/api/v2/pages/{contact}/", f"/api/v2/pages/{vacancy}/", f"/api/v2/pages/{event}/"],
        "contact": contact,
        "vacancy": vacancy,
        "event": event,
        "confirmed_before": confirmed,
        "pdf": str(pdf),
    }


def run_locust(
    stack: Stack,
    plan: dict,
    *,
    users: int,
    seconds: int,
    tag: str,
    locustfile: str = "bench/locustfile.py",
    extra_env: dict | None = None,
) -> dict:
    """locust headless; returns its per-kind figures from the CSV it writes."""
    plan_file = stack.folder / f"plan-{tag}.json"
    plan_file.write_text(json.dumps(plan))
    accepted = stack.folder / f"accepted-{tag}.jsonl"
    prefix = stack.folder / f"locust-{tag}"
    subprocess.run(  # noqa: S603 (locust from our venv)
        [
            str(BIN / "locust"), "-f", locustfile, "--headless", "--users", str(users),
            "--spawn-rate", str(max(users // 5, 1)), "--run-time", f"{seconds}s",
            "--stop-timeout", "30", "--csv", str(prefix), "--only-summary", "--loglevel", "ERROR",
        ],
        cwd=BASE_DIR,
        env={
            **os.environ,
            "BENCH_WEB_URLS": ",".join(stack.url("", i) for i in range(len(stack.web_ports))),
            "BENCH_PLAN": str(plan_file),
            "BENCH_ACCEPTED": str(accepted),
            **(extra_env or {}),
        },
        check=False,
        capture_output=True,
        timeout=seconds + 120,
    )  # fmt: skip
    stats = {}
    with open(f"{prefix}_stats.csv") as stream:
        for row in csv.DictReader(stream):
            stats[row["Name"]] = {
                "requests": int(row["Request Count"]),
                "failures": int(row["Failure Count"]),
                "rps": float(row["Requests/s"]),
                "p50": float(row["50%"] or 0),
                "p95": float(row["95%"] or 0),
                "p99": float(row["99%"] or 0),
            }
    errors = {}
    with open(f"{prefix}_failures.csv") as stream:
        for row in csv.DictReader(stream):
            key = f"{row['Name']}: {row['Error']}"[:160]
            errors[key] = errors.get(key, 0) + int(row["Occurrences"])
    lines = accepted.read_text().splitlines() if accepted.exists() else []
    return {"stats": stats, "errors": errors, "accepted": [json.loads(line) for line in lines]}


def server_errors(errors: dict) -> int:
    """5xx answers and connections that got no answer at all."""
    count = 0
    for key, occurrences in errors.items():
        error = key.split(": ", 1)[1]
        if re.match(r"^(refused )?5\d\d", error) or "Connection" in error or "Timeout" in error:
            count += occurrences
    return count


def drain(stack: Stack, timeout: float = 180) -> int:
    """Wait for the worker to empty the queue; returns what is left waiting."""
    deadline = time.monotonic() + timeout
    waiting = -1
    while time.monotonic() < deadline:
        waiting = stack.sql(
            "SELECT count(*) FROM django_tasks_database_dbtaskresult "
            "WHERE status IN ('READY', 'RUNNING')"
        )[0][0]
        if waiting == 0:
            break
        time.sleep(2)
    return waiting


def audit(stack: Stack, accepted: list[dict], plan: dict | None = None) -> dict:
    """What the database and S3 hold for every accepted submission."""
    lost, doubled, files_missing, consents_missing = [], [], [], []
    objects = {
        item["Key"]
        for page in stack.s3_client().get_paginator("list_objects_v2").paginate(Bucket=BUCKET)
        for item in page.get("Contents", [])
    }
    for item in accepted:
        rows = stack.sql(
            "SELECT id FROM forms_formsubmission WHERE subject_email = %s", item["email"]
        )
        if not rows:
            lost.append(item)
            continue
        # A registration's answer carries no id (it must not tell a first from a second).
        if len(rows) > 1 or item["id"] not in (None, rows[0][0]):
            doubled.append(item)
        if item["kind"] == "application":
            keys = stack.sql(
                "SELECT file FROM forms_submissionfile WHERE submission_id = %s", item["id"]
            )
            # A vacancy may ask for a CV and a letter: every file field got the PDF.
            if not keys or any(key not in objects for (key,) in keys):
                files_missing.append(item)
        consents = stack.sql(
            "SELECT count(*) FROM privacy_consentrecord WHERE subject_email = %s", item["email"]
        )[0][0]
        # A box whose purpose asks for a double opt-in is kept as a pending sign-up (one row
        # per address, its topics) until the address is confirmed: no consent before that.
        pending = stack.sql(
            "SELECT topics FROM privacy_pendingsignup WHERE email = %s", item["email"]
        )
        consents += len(pending[0][0]) if pending else 0
        if consents < item["consents"]:
            consents_missing.append(item)
    result = {
        "accepted": len(accepted),
        "lost": len(lost),
        "doubled": len(doubled),
        "files_missing": len(files_missing),
        "consents_missing": len(consents_missing),
    }
    if plan:
        confirmed = stack.sql(
            "SELECT count(*) FROM events_registration WHERE event_id = %s AND status = 'confirmed'",
            plan["event"],
        )[0][0]
        result["confirmed"] = confirmed - plan["confirmed_before"]
    return result


def mail_audit(stack: Stack) -> dict:
    """Every mail the site queued left once: none still queued, being sent or failed in the
    outbox, no Message-ID (the outbox row's id) twice at the SMTP sink."""
    ids = stack.smtp.message_ids()
    outbox = dict(stack.sql("SELECT status, count(*) FROM privacy_outgoingmail GROUP BY status"))
    return {
        "mails": len(stack.smtp.messages),
        "mails_twice": len(ids) - len(set(ids)),
        "tasks_failed": outbox.get("failed", 0),
        "mails_waiting": outbox.get("queued", 0) + outbox.get("sending", 0),
    }


def print_stats(title: str, run: dict, seconds: int) -> None:
    print(f"\n{title}")
    print(
        f"{'kind':<18}{'requests':>9}{'req/s':>8}{'p50 ms':>8}{'p95 ms':>8}{'p99 ms':>8}{'errors':>8}"
    )
    for name in (*KINDS, "Aggregated"):
        row = run["stats"].get(name)
        if row:
            print(
                f"{name:<18}{row['requests']:>9}{row['requests'] / seconds:>8.1f}{row['p50']:>8.0f}"
                f"{row['p95']:>8.0f}{row['p99']:>8.0f}{row['failures']:>8}"
            )
    for key, count in sorted(run["errors"].items()):
        print(f"  error x{count}: {key}")


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    cores = os.cpu_count() or 1
    with Stack(name="load", web_concurrency=3) as stack:
        print("Starting the stack (PostgreSQL, Redis, moto, SMTP sink), migrate, demo ...")
        stack.start_dependencies()
        stack.prepare()
        stack.start_web()
        stack.start_worker()
        plan = plan_for(stack)

        baseline = run_locust(
            stack, plan, users=20, seconds=BASELINE_SECONDS, tag="baseline",
            locustfile="bench/locust_baseline.py",
        )  # fmt: skip
        base_rps = baseline["stats"]["Aggregated"]["requests"] / BASELINE_SECONDS
        print(f"Baseline /healthz/live, 20 visitors: {base_rps:.1f} req/s")

        print(f"Mixed load: {USERS} visitors for {DURATION} s on {cores} cores ...")
        run = run_locust(stack, plan, users=USERS, seconds=DURATION, tag="load")
        print_stats(f"Mixed load, {USERS} visitors, {DURATION} s", run, DURATION)
        left = drain(stack)
        checks = audit(stack, run["accepted"], plan) | mail_audit(stack)
        checks["server_errors"] = server_errors(run["errors"])
        checks["left_in_queue"] = left
        checks["mails_waiting"] += left

    total = run["stats"]["Aggregated"]
    submissions = len(run["accepted"])
    figures = {
        "users": USERS,
        "seconds": DURATION,
        "cores": cores,
        "rps": total["requests"] / DURATION,
        "baseline_rps": base_rps,
        "p50": total["p50"],
        "p95": total["p95"],
        "p99": total["p99"],
        "kinds": run["stats"],
        "submissions_per_second": submissions / DURATION,
        "submissions_per_second_per_core": submissions / DURATION / cores,
        **checks,
    }
    (OUT / "load.json").write_text(json.dumps(figures, indent=2))
    print(
        f"\nAccepted submissions: {submissions} ({figures['submissions_per_second_per_core']:.2f}"
        f" per second per core)"
    )
    print(
        f"Audit: lost {checks['lost']}, doubled {checks['doubled']}, files missing "
        f"{checks['files_missing']}, consents missing {checks['consents_missing']}, confirmed "
        f"{checks['confirmed']} of {SEATS} seats, 5xx/no answer {checks['server_errors']}, mails "
        f"{checks['mails']} (twice: {checks['mails_twice']}, failed tasks: "
        f"{checks['tasks_failed']}, still queued: {checks['mails_waiting']})"
    )
    failed = (
        checks["lost"] or checks["doubled"] or checks["files_missing"]
        or checks["consents_missing"] or checks["server_errors"] or checks["mails_twice"]
        or checks["tasks_failed"] or checks["mails_waiting"] or checks["confirmed"] != SEATS
    )  # fmt: skip
    print("FAIL" if failed else "PASS")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
