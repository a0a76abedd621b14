"""gunicorn for the web processes (``gunicorn -c site/gunicorn.conf.py``).

Synchronous workers: the site does its blocking work (PostgreSQL, S3, clamd) in the request
and everything slow (mail, Wagtail's index updates) through the task worker, so a request
holds a process for milliseconds. More concurrency comes from more processes or machines.
"""

import multiprocessing
import os

wsgi_app = "website.wsgi:application"
bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", str(multiprocessing.cpu_count() * 2 + 1)))
# A request stuck on a dead dependency is cut after this long (its worker is replaced); the
# largest upload at the slowest client speed the site accepts fits in it.
timeout = 60
graceful_timeout = 30
keepalive = 5
# Replace each process now and then (with jitter, so not all at once), so a slow leak in a
# library never grows for weeks.
max_requests = 2000
max_requests_jitter = 200
# The app is imported once and the processes fork from it: less memory, faster restarts.
preload_app = True
# The proxy in front (nginx, the ingress) sets X-Forwarded-Proto; Django reads it
# (SECURE_PROXY_SSL_HEADER), and gunicorn trusts it only from these addresses.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# Access log to stdout (systemd's journal, the container's log), errors to stderr. Query
# strings are left out: a signed link's token must not land in a log.
accesslog = "-"
access_log_format = '%(h)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'
errorlog = "-"
# No control socket (gunicornc): every instance on a machine would share its default path,
# and a container's read-only home has none.
control_socket_disable = True
# The workers' heartbeat files in memory, as gunicorn advises for containers: on a slow or
# overlay disk a heartbeat write can stall a worker until it is killed.
SHM = "/dev/shm"  # noqa: S108 (gunicorn's own files, made private by gunicorn)
worker_tmp_dir = SHM if os.path.isdir(SHM) else None
