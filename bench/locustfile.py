"""The mixed traffic of ``bench/load.py`` (and the background load of ``bench/faults.py``),
run by locust headless against the web processes it names in ``BENCH_WEB_URLS``.

Each simulated visitor comes from an address of its own (``X-Forwarded-For``, one trusted
proxy, as behind nginx or the ingress), so the rate limit counts per visitor as in
production, and alternates between the web processes. Every accepted submission (201) is
written to ``BENCH_ACCEPTED`` (one JSON line each) for the checks that follow the run.
"""

import itertools
import json
import os
import random
import sys
from pathlib import Path

from locust import HttpUser, between, task

sys.path.insert(0, str(Path(__file__).resolve().parent))

from stack import submission_for  # noqa: E402

WEB_URLS = os.environ["BENCH_WEB_URLS"].split(",")
PLAN = json.loads(Path(os.environ["BENCH_PLAN"]).read_text())
ACCEPTED = Path(os.environ["BENCH_ACCEPTED"])
PDF = Path(PLAN["pdf"]).read_bytes()
_visitor = itertools.count(1)
_accepted = ACCEPTED.open("a", buffering=1)


class Visitor(HttpUser):
    host = WEB_URLS[0]
    wait_time = between(1, 4)

    def on_start(self):
        number = next(_visitor)
        self.base = WEB_URLS[number % len(WEB_URLS)]
        self.ip = f"10.{number // 65536 % 256}.{number // 256 % 256}.{number % 256}"
        self.headers = {"X-Forwarded-Proto": "https", "X-Forwarded-For": self.ip}
        self.sequence = itertools.count(1)

    def _get(self, path: str, name: str):
        with self.client.get(
            self.base + path, headers=self.headers, name=name, catch_response=True
        ) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code}")

    def _submit(self, kind: str, page_id: int, pdf: bytes | None = None):
        schema = self.client.get(
            f"{self.base}/api/forms/{page_id}", headers=self.headers, name="api: form schema"
        )
        if schema.status_code != 200:
            return
        email = f"{kind}-{self.ip.replace('.', '-')}-{next(self.sequence)}@bench.example.org"
        form = schema.json()
        data, files = submission_for(form, email=email, pdf=pdf)
        consents = sum(1 for field in form["fields"] if field["type"] == "purpose")
        with self.client.post(
            f"{self.base}/api/forms/{page_id}/submissions",
            data=data,
            files=files or None,
            headers=self.headers,
            name=kind,
            catch_response=True,
        ) as response:
            status = response.status_code
            if status == 201:
                line = {
                    "kind": kind,
                    "id": response.json()["id"],
                    "email": email,
                    "consents": consents,
                }
                _accepted.write(json.dumps(line) + "\n")
                response.success()
            elif kind == "registration" and status == 409:
                response.success()  # seats gone and no waiting list: a clear refusal
            elif status in (429, 503):
                # A clear refusal (rate limit, a dependency down): counted, not a loss.
                response.failure(f"refused {status}")
            else:
                response.failure(f"{status}: {response.text[:200]}")

    @task(10)
    def browse(self):
        self._get(random.choice(PLAN["pages"]), "page")  # noqa: S311

    @task(5)
    def api_read(self):
        if random.random() < 0.5:  # noqa: S311
            self._get(random.choice(PLAN["api_pages"]), "api: pages")  # noqa: S311
        else:
            self._get(f"/api/forms/{PLAN['contact']}", "api: form schema")

    @task(3)
    def contact(self):
        self._submit("contact", PLAN["contact"])

    @task(1)
    def application(self):
        self._submit("application", PLAN["vacancy"], pdf=PDF)

    # Registrations ask for more seats than the event has even when the machine is slow: the
    # check afterwards needs the 50 seats taken, so the race has to be lost by someone.
    @task(4)
    def registration(self):
        self._submit("registration", PLAN["event"])
