"""E-mail through the task queue with real processes: a gunicorn site and ``db_worker`` over
one SQLite file, and an SMTP server (aiosmtpd) the test closes, stalls and opens again.

- With SMTP refusing, a contact submission is answered and stored; the inbox's notice is
  delivered once SMTP is back, by the worker's later try.
- The task table never holds the submitter's address.
- A worker killed while it speaks to SMTP leaves the mail to the next one: it is sent once.
"""

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from email import message_from_bytes
from pathlib import Path

import pytest
import requests

from tests.tasks.site import INBOX_ADDRESS

aiosmtpd_controller = pytest.importorskip("aiosmtpd.controller")

ROOT = Path(__file__).resolve().parents[2]
SUBMITTER = "jan.peeters@example.org"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(condition, *, timeout=90.0, what="the condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"Timed out waiting for {what}")


class Handler:
    """Keeps what it accepted; when ``stall`` is set, holds every sender at MAIL FROM."""

    def __init__(self, stall: bool = False):
        self.stall = stall
        self.stalled = threading.Event()
        self.messages = []

    async def handle_MAIL(self, server, session, envelope, address, options):
        if self.stall:
            import asyncio

            self.stalled.set()
            await asyncio.sleep(3600)
        envelope.mail_from = address
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(message_from_bytes(envelope.content))
        return "250 Message accepted for delivery"


class SMTPServer:
    """An SMTP server on a fixed port that can be down (port closed), stalling or up."""

    def __init__(self, port: int):
        self.port = port
        self.controller = None
        self.handler = None

    def start(self, *, stall: bool = False) -> Handler:
        self.stop()
        self.handler = Handler(stall=stall)
        self.controller = aiosmtpd_controller.Controller(
            self.handler, hostname="127.0.0.1", port=self.port, ready_timeout=30
        )
        self.controller.start()
        return self.handler

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


class Site:
    """A migrated SQLite file with the contact page, gunicorn in front of it, and workers."""

    def __init__(self, directory: Path, smtp_port: int):
        self.database = directory / "db.sqlite3"
        self.port = free_port()
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.tasks.settings",
            "DATABASE_URL": f"sqlite:///{self.database}",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(smtp_port),
            "PYTHONPATH": str(ROOT),
        }
        self.processes = []

    def manage(self, *args) -> str:
        return subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
            timeout=600,
        ).stdout

    def build(self) -> None:
        self.manage("migrate", "--noinput", "-v", "0")
        output = self.manage("shell", "-c", "from tests.tasks.site import build; build()")
        self.page_pk = int(output.strip().splitlines()[-1])
        gunicorn = Path(sys.executable).with_name("gunicorn")
        self.start(
            str(gunicorn), "website.wsgi:application", "--bind", f"127.0.0.1:{self.port}",
            "--workers", "1", "--timeout", "120",
        )  # fmt: skip
        wait_for(self._answers, what="gunicorn")

    def _answers(self) -> bool:
        try:
            return requests.get(self.url(f"/api/forms/{self.page_pk}"), timeout=30).ok
        except (requests.ConnectionError, requests.Timeout):
            return False

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def start(self, *command) -> subprocess.Popen:
        process = subprocess.Popen(  # noqa: S603
            list(command), cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        self.processes.append(process)
        return process

    def worker(self) -> subprocess.Popen:
        return self.start(
            sys.executable, "manage.py", "db_worker", "--interval", "0.2", "--no-startup-delay",
            "--no-reload", "-v", "0",
        )  # fmt: skip

    def submit(self, question: str) -> requests.Response:
        return requests.post(
            self.url(f"/api/forms/{self.page_pk}/submissions"),
            data={"name": "Jan Peeters", "email": SUBMITTER, "question": question},
            timeout=120,
        )

    def rows(self, sql: str, params=()) -> list[tuple]:
        with sqlite3.connect(self.database, timeout=30) as connection:
            return connection.execute(sql, params).fetchall()

    def mail(self, template: str = "forms/email/new_submission") -> list[tuple]:
        return self.rows(
            "SELECT id, status, attempts FROM privacy_outgoingmail WHERE template = ? "
            "ORDER BY created_at",
            (template,),
        )

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


@pytest.fixture(scope="module")
def smtp():
    server = SMTPServer(free_port())
    yield server
    server.stop()


@pytest.fixture(scope="module")
def site(tmp_path_factory, smtp):
    running = Site(tmp_path_factory.mktemp("tasks"), smtp.port)
    try:
        running.build()
        yield running
    finally:
        running.stop()


def stop(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=30)


def test_with_smtp_refusing_a_submission_is_answered_and_its_notice_leaves_when_smtp_is_back(
    site, smtp
):
    smtp.stop()  # nothing listens on the port: every connection is refused

    response = site.submit("Wanneer is de volgende netwerkavond?")

    assert response.status_code == 201, response.text
    [(mail_id, status, attempts)] = site.mail()
    assert (status, attempts) == ("queued", 0)

    worker = site.worker()
    try:
        wait_for(lambda: site.mail()[0][2] >= 2, what="two refused tries")
        assert site.mail()[0][1] in ("queued", "sending")
        handler = smtp.start()
        wait_for(lambda: handler.messages, what="the notice")
        wait_for(lambda: site.mail()[0][1] == "sent", what="the mail marked sent")
    finally:
        stop(worker)

    [message] = handler.messages
    assert message["To"] == INBOX_ADDRESS
    # SQLite keeps the id without its dashes.
    assert mail_id in message["Message-ID"].replace("-", "")

    # The task table holds ids, never the submitter's (or anyone's) address.
    tasks = site.rows("SELECT * FROM django_tasks_database_dbtaskresult")
    assert len(tasks) >= 3
    dump = repr(tasks)
    assert SUBMITTER not in dump
    assert INBOX_ADDRESS not in dump


def test_a_worker_killed_while_sending_leaves_the_mail_to_the_next_which_sends_it_once(site, smtp):
    handler = smtp.start(stall=True)
    known = {row[0] for row in site.mail()}

    assert site.submit("Is er parking?").status_code == 201
    [(mail_id, _, _)] = [row for row in site.mail() if row[0] not in known]

    worker = site.worker()
    assert handler.stalled.wait(90), "the worker never reached the SMTP server"
    worker.send_signal(signal.SIGKILL)
    worker.wait(timeout=30)
    [(status,)] = site.rows("SELECT status FROM privacy_outgoingmail WHERE id = ?", (mail_id,))
    assert status == "sending"
    assert handler.messages == []

    handler = smtp.start()
    worker = site.worker()
    try:
        # The scheduled ``mail_requeue`` hands the mail over once the dead worker's claim ran out.
        wait_for(lambda: "1 mail" in site.manage("mail_requeue"), what="the claim to run out")
        wait_for(lambda: handler.messages, what="the mail after the restart")
        wait_for(
            lambda: (
                site.rows("SELECT status FROM privacy_outgoingmail WHERE id = ?", (mail_id,))
                == [("sent",)]
            ),
            what="the mail marked sent",
        )
        site.manage("mail_requeue")
        time.sleep(2)
    finally:
        stop(worker)

    assert len(handler.messages) == 1
    assert mail_id in handler.messages[0]["Message-ID"].replace("-", "")
