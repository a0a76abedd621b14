"""Each dependency taken away under a running load, then given back: what visitors got, and
whether anything was lost.

Run with ``.venv/bin/python bench/faults.py`` (``BENCH_QUICK=1`` or ``--quick`` for shorter
phases). Needs PostgreSQL at 127.0.0.1:5432 and ``redis-server``.

The stack is ``bench/stack.py``'s: two gunicorn instances and the worker from
``site/Procfile`` on the production settings. A steady load (threads: pages in three
languages, contact submissions, applications with a PDF) runs through each fault:

- **S3 stopped** (moto's proxy refuses, open connections dropped): submissions with a file
  must get a clear 503 and store nothing; pages and contact submissions go on; retention,
  run during the fault, marks the applications it cannot finish and finishes them on the
  next run after S3 is back.
- **PostgreSQL dropped**: the machine's PostgreSQL is shared and cannot be restarted here,
  so every connection of the site goes through a TCP proxy this script controls; it drops
  them all and refuses new ones, as a restart does, then accepts again. Requests must fail
  cleanly (503, no traceback) and recover without restarting gunicorn
  (``CONN_HEALTH_CHECKS``).
- **Redis stopped** (the stack's own ``redis-server``): pages keep serving, a staff member
  stays signed in, submissions are still counted by the rate limit (each process in its
  own memory), nothing half-stored.
- **SMTP down**: submissions answer at once; their mail is delivered once SMTP is back.
- **Worker killed** (SIGKILL) and restarted: nothing lost or sent twice.

A clean error is a 503 or 429 with the site's own error page or JSON; a 5xx is any other
5xx, a traceback or no answer. A lost row is an accepted (201) submission missing from the
database, its file missing from S3, or a mail never delivered. The mail retry delays and a
sending worker's claim are shortened (seconds, not minutes) so the run stays short.
Prints the table; exits non-zero on any 5xx or loss. Figures go to ``bench/out/faults.json``.
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import sys
import threading
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import requests  # noqa: E402
from stack import BASE_DIR, BUCKET, Stack, pdf_of, submission_for  # noqa: E402

QUICK = os.environ.get("BENCH_QUICK") == "1" or "--quick" in sys.argv
DURING = 6 if QUICK else 12  # seconds of load with the fault
AFTER = 4 if QUICK else 8  # seconds of load once healed
THREADS = 6
OUT = BASE_DIR / "bench" / "out"
PDF = pdf_of(100 * 1024)
# Seconds, not production's minutes, so SMTP's return and a killed worker's mail are seen
# within the run.
FAST_MAIL = """
PRIVACY_MAIL_RETRY_DELAYS = (3, 5, 10, 30, 60, 120)
PRIVACY_MAIL_CLAIM_SECONDS = 15
EMAIL_TIMEOUT = 5
"""


class Load:
    """Threads sending a steady mix; every answer is recorded with the phase it fell in."""

    def __init__(self, stack: Stack, plan: dict):
        self.stack, self.plan = stack, plan
        self.phase = "warm-up"
        self.timeline: list[tuple[float, str]] = [(time.time(), "warm-up")]
        self.results: list[dict] = []
        self.accepted: list[dict] = []
        self._stop = threading.Event()
        self._serial = iter(range(1, 10**9))
        self._lock = threading.Lock()
        self.schemas = {
            page: requests.get(
                stack.url(f"/api/forms/{page}"), headers={"X-Forwarded-Proto": "https"}, timeout=30
            ).json()
            for page in (plan["contact"], plan["vacancy"])
        }

    def start(self) -> None:
        self.threads = [threading.Thread(target=self._run, args=(n,)) for n in range(THREADS)]
        for thread in self.threads:
            thread.start()

    def stop(self) -> None:
        self._stop.set()
        for thread in self.threads:
            thread.join()

    def _run(self, number: int) -> None:
        session = requests.Session()
        while not self._stop.is_set():
            with self._lock:
                serial = next(self._serial)
            instance = serial % len(self.stack.web_ports)
            ip = f"10.9.{serial // 250 % 250}.{serial % 250 + 1}"
            headers = {"X-Forwarded-Proto": "https", "X-Forwarded-For": ip}
            kind = random.choices(("page", "contact", "application"), (6, 3, 1))[0]  # noqa: S311
            phase = self.phase
            record = {"phase": phase, "kind": kind}
            try:
                if kind == "page":
                    path = random.choice(self.plan["pages"])  # noqa: S311
                    response = session.get(
                        self.stack.url(path, instance), headers=headers, timeout=30
                    )
                else:
                    page = self.plan["contact" if kind == "contact" else "vacancy"]
                    email = f"fault-{kind}-{serial}@bench.example.org"
                    data, files = submission_for(
                        self.schemas[page], email=email, pdf=PDF if kind == "application" else None
                    )
                    response = session.post(
                        self.stack.url(f"/api/forms/{page}/submissions", instance),
                        data=data, files=files or None, headers=headers, timeout=30,
                    )  # fmt: skip
                    if response.status_code == 201:
                        consents = sum(
                            1 for f in self.schemas[page]["fields"] if f["type"] == "purpose"
                        )
                        with self._lock:
                            self.accepted.append(
                                {"kind": kind, "id": response.json()["id"], "email": email,
                                 "consents": consents, "phase": phase}
                            )  # fmt: skip
                record["status"] = response.status_code
                record["traceback"] = "Traceback" in response.text
            except requests.RequestException as error:
                record["status"] = 0
                record["error"] = type(error).__name__
            with self._lock:
                self.results.append(record)
            time.sleep(0.05)

    def run(self, phase: str, seconds: float) -> None:
        if phase != self.phase:
            self.timeline.append((time.time(), phase))
        self.phase = phase
        time.sleep(seconds)

    def summary(self, phase: str) -> dict:
        rows = [row for row in self.results if row["phase"] == phase]
        statuses = Counter(row["status"] for row in rows)
        clean = sum(1 for row in rows if row["status"] in (429, 503) and not row.get("traceback"))
        server = sum(
            1
            for row in rows
            if row["status"] == 0
            or row.get("traceback")
            or (row["status"] >= 500 and row["status"] != 503)
        )
        by_kind = Counter((row["kind"], row["status"]) for row in rows)
        return {"requests": len(rows), "clean": clean, "server_errors": server,
                "statuses": dict(statuses), "by_kind": {f"{k} {s}": n for (k, s), n in by_kind.items()}}  # fmt: skip


def wait_healthy(stack: Stack, timeout: float = 60) -> float:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if all(stack.get("/healthz", i, timeout=10)[0] == 200 for i in range(len(stack.web_ports))):
            return time.monotonic() - started
        time.sleep(0.5)
    return -1


def mail_state(stack: Stack) -> dict:
    return dict(stack.sql("SELECT status, count(*) FROM privacy_outgoingmail GROUP BY status"))


def wait_mail_sent(stack: Stack, stalled: float = 90, timeout: float = 600) -> dict:
    """Until no mail waits or is being sent (the worker drained the outbox), or until the
    outbox has not shrunk for ``stalled`` seconds: on 2 shared cores the worker may need
    more than a fixed minute for the mail a fault held back, but a stuck one shows."""
    deadline = time.monotonic() + timeout
    waiting, progress = None, time.monotonic()
    while time.monotonic() < deadline and time.monotonic() - progress < stalled:
        state = mail_state(stack)
        left = state.get("queued", 0) + state.get("sending", 0)
        if not left:
            return state
        if waiting is None or left < waiting:
            waiting, progress = left, time.monotonic()
        stack.manage("mail_requeue", "-v", "0", check=False)
        time.sleep(3)
    return mail_state(stack)


def mail_left(stack: Stack) -> list:
    """The mail still waiting, by status, tries and last error: a retry scheduled later, or
    a mail nobody sends."""
    return stack.sql(
        "SELECT status, attempts, last_error, count(*), "
        "round(extract(epoch FROM min(next_attempt_at) - now())) "
        "FROM privacy_outgoingmail WHERE status IN ('queued', 'sending') "
        "GROUP BY status, attempts, last_error ORDER BY 1, 2"
    )


def twice_detail(stack: Stack, load: Load, message_id: str) -> str:
    """When each copy of a mail sent twice reached the sink (the phase then), and its row."""
    phases = []
    for message in stack.smtp.messages:
        if f"Message-ID: {message_id}" in message["data"]:
            phase = [name for at, name in load.timeline if at <= message["at"]][-1]
            phases.append(f"{phase} at {message['at'] - load.timeline[0][0]:.1f} s")
    row = stack.sql(
        "SELECT template, attempts, status FROM privacy_outgoingmail WHERE id::text = %s",
        message_id.strip("<>").split("@")[0],
    )
    return f"copies during {phases}, outbox row {row}"


def staff_session(stack: Stack) -> str:
    """A signed-in member of staff outside the second-factor groups (the admin's session
    cookie), made the way Django's login makes one."""
    code = (
        "from django.contrib.auth import get_user_model, BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY\n"
        "from django.contrib.auth.models import Permission\n"
        "from importlib import import_module\n"
        "from django.conf import settings\n"
        "User = get_user_model()\n"
        "user, _ = User.objects.get_or_create(username='bench-editor', defaults={'email': 'editor@bench.example.org'})\n"
        "user.is_staff = True; user.set_password('bench-editor-password'); user.save()\n"
        "user.user_permissions.add(Permission.objects.get(codename='access_admin'))\n"
        "store = import_module(settings.SESSION_ENGINE).SessionStore()\n"
        "store[SESSION_KEY] = str(user.pk)\n"
        "store[BACKEND_SESSION_KEY] = 'django.contrib.auth.backends.ModelBackend'\n"
        "store[HASH_SESSION_KEY] = user.get_session_auth_hash()\n"
        "store.create()\n"
        "print('SESSION', store.session_key)\n"
    )
    output = stack.manage("shell", "-c", code).stdout
    return re.search(r"SESSION (\w+)", output)[1]


def staff_signed_in(stack: Stack, session_key: str) -> bool:
    response = requests.get(
        stack.url("/admin/"),
        headers={"X-Forwarded-Proto": "https"},
        cookies={"sessionid": session_key},
        allow_redirects=False,
        timeout=30,
    )
    return response.status_code == 200


def lost_rows(stack: Stack, accepted: list[dict]) -> int:
    from load import audit

    result = audit(stack, accepted)
    return result["lost"] + result["doubled"] + result["files_missing"] + result["consents_missing"]


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    rows, notes = [], []
    with Stack(name="faults", extra_settings=FAST_MAIL) as stack:
        print("Starting the stack (PostgreSQL, Redis, moto, SMTP sink), migrate, demo ...")
        stack.start_dependencies()
        stack.prepare()
        stack.start_web()
        stack.start_worker()
        from load import plan_for

        plan = plan_for(stack)
        session_key = staff_session(stack)
        load = Load(stack, plan)
        load.start()
        # Until a few applications exist: retention is tried on them while S3 is away.
        started = time.monotonic()
        while time.monotonic() - started < 30:
            load.run("warm-up", 1)
            if sum(1 for a in load.accepted if a["kind"] == "application") >= 3:
                break

        def fault(name: str, cut, heal, during_check=None, after_check=None) -> None:
            accepted_before = len(load.accepted)
            cut()
            load.run(name, DURING / 2)
            extra = during_check() if during_check else {}
            load.run(name, DURING / 2)
            heal()
            recovered = wait_healthy(stack)
            load.run(f"{name} healed", AFTER)
            extra |= after_check() if after_check else {}
            during, after = load.summary(name), load.summary(f"{name} healed")
            row = {
                "fault": name,
                "requests": during["requests"],
                "clean_errors": during["clean"],
                "server_errors": during["server_errors"] + after["server_errors"],
                "after_ok": after["requests"] - after["clean"] - after["server_errors"],
                "after_requests": after["requests"],
                "recovered_s": round(recovered, 1),
                "statuses": during["by_kind"],
                "after_statuses": after["by_kind"],
                **extra,
            }
            row["accepted"] = len(load.accepted) - accepted_before
            rows.append(row)
            print(f"  {name}: {json.dumps(row)}")

        # S3: applications refused with 503, nothing half-stored; retention finishes later.
        expired = {}

        def s3_cut():
            ids = [a["id"] for a in load.accepted if a["kind"] == "application"][:3]
            expired["ids"] = ids
            if ids:
                stack.sql(
                    "UPDATE forms_formsubmission SET retain_until = now() - interval '1 day' "
                    "WHERE id = ANY(%s)",
                    ids,
                )
            stack.s3.cut()

        def s3_during():
            stack.manage("enforce_retention", check=False)
            left = stack.sql(
                "SELECT count(*) FROM forms_formsubmission WHERE id = ANY(%s)", expired["ids"]
            )[0][0]
            return {"retention_kept_during": left, "retention_expired": len(expired["ids"])}

        def s3_after():
            stack.manage("enforce_retention", check=False)
            left = stack.sql(
                "SELECT count(*) FROM forms_formsubmission WHERE id = ANY(%s)", expired["ids"]
            )[0][0]
            return {"retention_left_after": left}

        fault("S3 stopped", s3_cut, stack.s3.heal, s3_during, s3_after)
        fault("PostgreSQL dropped", stack.pg.cut, stack.pg.heal)
        fault(
            "Redis stopped",
            stack.stop_redis,
            stack.start_redis,
            lambda: {"staff_signed_in_during": staff_signed_in(stack, session_key)},
            lambda: {"staff_signed_in_after": staff_signed_in(stack, session_key)},
        )
        fault("SMTP down", stack.smtp.stop, stack.smtp.start)

        def kill_worker():
            process = stack.processes["worker"]
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            stack.processes.pop("worker")

        fault("worker killed", kill_worker, stack.start_worker)
        load.stop()

        # Every accepted submission stored once with its file; every mail sent once.
        mails = wait_mail_sent(stack)
        ids = stack.smtp.message_ids()
        for row in rows:
            in_fault = [
                a for a in load.accepted if a["phase"] in (row["fault"], f"{row['fault']} healed")
            ]
            row["lost_rows"] = lost_rows(stack, in_fault)
        undelivered = mails.get("queued", 0) + mails.get("sending", 0) + mails.get("failed", 0)
        twice = len(ids) - len(set(ids))
        for row in rows:
            if row["fault"] in ("SMTP down", "worker killed"):
                row["lost_rows"] += undelivered
                row["mails_twice"] = twice
        notes.append(f"mail: {json.dumps(mails)}, messages at the sink {len(ids)}, twice {twice}")
        for message_id in sorted({i for i in ids if ids.count(i) > 1}):
            notes.append(f"sent twice: {message_id}, {twice_detail(stack, load, message_id)}")
        if undelivered:
            notes.append(
                f"mail left (status, tries, last error, count, next try in s): {mail_left(stack)}"
            )
        s3_objects = {
            item["Key"]
            for page in stack.s3_client().get_paginator("list_objects_v2").paginate(Bucket=BUCKET)
            for item in page.get("Contents", [])
        }
        files = {row[0] for row in stack.sql("SELECT file FROM forms_submissionfile")}
        notes.append(f"S3 objects without a row: {len(s3_objects - files)}")

    print(
        f"\n{'fault':<20}{'requests':>9}{'clean errors':>14}{'5xx':>6}{'lost rows':>11}{'after: ok':>11}"
    )
    failed = False
    for row in rows:
        print(
            f"{row['fault']:<20}{row['requests']:>9}{row['clean_errors']:>14}"
            f"{row['server_errors']:>6}{row['lost_rows']:>11}{row['after_ok']:>6}/{row['after_requests']}"
        )
        failed |= bool(row["server_errors"] or row["lost_rows"] or row.get("mails_twice"))
        failed |= row["after_ok"] != row["after_requests"]
    s3 = rows[0]
    failed |= s3.get("retention_left_after", 0) != 0
    redis = rows[2]
    failed |= not (redis.get("staff_signed_in_during") and redis.get("staff_signed_in_after"))
    # Pages keep serving while Redis is away.
    pages_refused = sum(n for key, n in redis["statuses"].items() if key.startswith("page 5"))
    redis["pages_refused"] = pages_refused
    failed |= pages_refused > 0
    failed |= s3.get("retention_expired", 0) == 0 or s3.get("retention_kept_during") is None
    for note in notes:
        print(note)
    print(
        f"S3: retention kept {s3.get('retention_kept_during')} of {s3.get('retention_expired')} "
        f"expired applications during the fault, {s3.get('retention_left_after')} left after"
    )
    print(
        f"Redis: staff signed in during {redis.get('staff_signed_in_during')}, after {redis.get('staff_signed_in_after')}"
    )
    (OUT / "faults.json").write_text(json.dumps({"rows": rows, "notes": notes}, indent=2))
    print("FAIL" if failed else "PASS")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
