"""The baseline of ``bench/load.py``: ``/healthz/live`` (gunicorn and Django doing no work)
on the same web processes, in the same run."""

import itertools
import os

from locust import HttpUser, between, task

WEB_URLS = os.environ["BENCH_WEB_URLS"].split(",")
_visitor = itertools.count(1)


class Prober(HttpUser):
    host = WEB_URLS[0]
    wait_time = between(0, 0.1)

    def on_start(self):
        self.base = WEB_URLS[next(_visitor) % len(WEB_URLS)]

    @task
    def live(self):
        self.client.get(f"{self.base}/healthz/live", name="live")
