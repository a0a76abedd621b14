"""The site as production runs it, on this one machine: ``site/Procfile``'s processes on
``website.settings.production`` over PostgreSQL, Redis and S3 (moto's server), with an SMTP
sink for the mail. ``.ci/prod_check``, ``bench/load.py``, ``bench/faults.py`` and
``make prod`` start it from here.

Every dependency is real and its own: a database of its own on the machine's PostgreSQL, a
``redis-server`` of its own on a free port (the machine's Redis is never touched), a moto
server in a process of its own. PostgreSQL and S3 are reached through a TCP proxy this
module controls, so a fault can cut them (every open connection dropped, new ones refused)
and heal them without touching the machine's PostgreSQL, which other work shares.

One part is replaced: Google's reCAPTCHA verify call, answered by a local HTTPS stand-in
that accepts the token ``"bench-pass"`` (production refuses to start without keys, and
Google would refuse a script). The settings module is written into the run's own folder:
``website.settings.production`` unchanged, plus that verify host and the run's folders.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PG_ADMIN_URL = os.environ.get("BENCH_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
CAPTCHA_TOKEN = "bench-pass"  # noqa: S105 (the stand-in's test token, not a secret)
BUCKET = "chamber-private"
# Collected static files, kept between runs (bench/out is not tracked).
STATIC_CACHE = BASE_DIR / "bench" / "out" / "static"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5):
            return
        time.sleep(0.1)
    raise TimeoutError(f"nothing listens on port {port} after {timeout} s")


# --- A TCP proxy that can cut a dependency --------------------------------------------------


class TcpProxy:
    """Forwards ``listen_port`` to ``target_port``. ``cut()`` closes every open connection and
    refuses new ones, as a restarting server does; ``heal()`` accepts again."""

    def __init__(self, target_port: int):
        self.target_port = target_port
        self.port = free_port()
        self._open: set[socket.socket] = set()
        self._lock = threading.Lock()
        self._server: socket.socket | None = None
        self.heal()

    def heal(self) -> None:
        server = socket.socket()
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("127.0.0.1", self.port))
        server.listen(256)
        self._server = server
        threading.Thread(target=self._accept, args=(server,), daemon=True).start()

    def cut(self) -> None:
        server, self._server = self._server, None
        if server:
            with contextlib.suppress(OSError):
                server.shutdown(socket.SHUT_RDWR)
            server.close()
        with self._lock:
            for sock in self._open:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()
            self._open.clear()

    def _accept(self, server: socket.socket) -> None:
        while True:
            try:
                client, _address = server.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target_port), 5)
            except OSError:
                client.close()
                continue
            # The 5 s were for connecting: a query may take longer to answer (a migration on
            # a busy machine), and a timed-out read would cut the connection under it.
            upstream.settimeout(None)
            with self._lock:
                self._open |= {client, upstream}
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
            with self._lock:
                self._open -= {source, sink}


# --- The stand-ins: SMTP sink and reCAPTCHA's verify call -----------------------------------


class SmtpSink:
    """An SMTP server keeping every message it accepts; ``stop()`` refuses connections."""

    def __init__(self):
        self.port = free_port()
        self.messages: list[dict] = []
        self._controller = None

    def start(self) -> None:
        from aiosmtpd.controller import Controller

        sink = self

        class Handler:
            async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
                sink.messages.append(
                    {
                        "to": list(envelope.rcpt_tos),
                        "data": envelope.content.decode(errors="replace"),
                        "at": time.time(),
                    }
                )
                return "250 OK"

        self._controller = Controller(Handler(), hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self) -> None:
        if self._controller:
            self._controller.stop()
            self._controller = None

    def message_ids(self) -> list[str]:
        ids = []
        for message in self.messages:
            for line in message["data"].splitlines():
                if line.lower().startswith("message-id:"):
                    ids.append(line.split(":", 1)[1].strip())
                    break
        return ids


class CaptchaStandIn:
    """HTTPS answering reCAPTCHA's ``/recaptcha/api/siteverify`` for the token ``bench-pass``."""

    def __init__(self, folder: Path):
        self.port = free_port()
        self.cert = folder / "captcha-cert.pem"
        key = folder / "captcha-key.pem"
        subprocess.run(  # noqa: S603 (fixed arguments)
            [
                shutil.which("openssl") or "/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                "-keyout", str(key), "-out", str(self.cert),
            ],
            check=True,
            capture_output=True,
        )  # fmt: skip

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 (http.server's name)
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
                ok = f"response={CAPTCHA_TOKEN}" in body
                answer = json.dumps({"success": ok, "hostname": "127.0.0.1"}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args):
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self._server.daemon_threads = True
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(self.cert, key)
        self._server.socket = context.wrap_socket(self._server.socket, server_side=True)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self._server.shutdown()


# --- The stack ------------------------------------------------------------------------------


@dataclass
class Stack:
    """Start with ``with Stack(name="ci") as stack:``; everything stops at the end."""

    name: str
    web_instances: int = 2
    web_concurrency: int = 2
    demo: bool = True
    # Settings lines added to the generated module (e.g. for make prod's plain HTTP).
    extra_settings: str = ""
    folder: Path = field(init=False)
    processes: dict[str, subprocess.Popen] = field(default_factory=dict, init=False)

    def __post_init__(self):
        self.folder = Path(tempfile.mkdtemp(prefix=f"chamber-{self.name}-"))
        self.database = f"chamber_{self.name}".replace("-", "_")
        self.web_ports = [free_port() for _ in range(self.web_instances)]
        self._started: list = []

    # Dependencies --------------------------------------------------------------------------

    def start_dependencies(self) -> None:
        import psycopg

        with psycopg.connect(PG_ADMIN_URL, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{self.database}"')
        pg_url = psycopg.conninfo.conninfo_to_dict(PG_ADMIN_URL)
        self.pg = TcpProxy(int(pg_url.get("port") or 5432))
        self.redis_port = free_port()
        self.start_redis()
        self.moto_port = free_port()
        self.processes["moto"] = self._spawn(
            [str(BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(self.moto_port)], "moto"
        )
        wait_for_port(self.moto_port)
        self.s3 = TcpProxy(self.moto_port)
        self.s3_client().create_bucket(
            Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"}
        )
        self.smtp = SmtpSink()
        self.smtp.start()
        self.captcha = CaptchaStandIn(self.folder)
        self._write_settings()

    def start_redis(self) -> None:
        self.processes["redis"] = self._spawn(
            [
                "redis-server", "--port", str(self.redis_port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no",
            ],
            "redis",
        )  # fmt: skip
        wait_for_port(self.redis_port)

    def stop_redis(self) -> None:
        self.stop_process("redis")

    def s3_client(self):
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=f"http://127.0.0.1:{self.moto_port}",
            region_name="eu-west-1",
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
        )

    def _write_settings(self) -> None:
        module = self.folder / f"prodlike_{self.database}.py"
        module.write_text(
            "from website.settings.production import *  # noqa: F403\n"
            f"RECAPTCHA_DOMAIN = '127.0.0.1:{self.captcha.port}'\n"
            f"STATIC_ROOT = {str(STATIC_CACHE)!r}\n"
            f"{self.extra_settings}\n"
        )
        self.settings_module = module.stem

    @property
    def env(self) -> dict[str, str]:
        environment = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "AWS_", "EMAIL_"))
        }
        environment.update(
            PYTHONPATH=os.pathsep.join([str(self.folder), str(BASE_DIR)]),
            PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
            DJANGO_SETTINGS_MODULE=self.settings_module,
            SECRET_KEY="bench-" + "k" * 60,
            PRIVACY_HASH_KEY="bench-" + "h" * 40,
            RECAPTCHA_PUBLIC_KEY="bench-public",
            RECAPTCHA_PRIVATE_KEY="bench-private",
            SSL_CERT_FILE=str(self.captcha.cert),
            ALLOWED_HOSTS="127.0.0.1,localhost",
            SITE_BASE_URL=f"http://127.0.0.1:{self.web_ports[0]}",
            DATABASE_URL=f"postgres://postgres@127.0.0.1:{self.pg.port}/{self.database}",
            REDIS_URL=f"redis://127.0.0.1:{self.redis_port}/0",
            AWS_STORAGE_BUCKET_NAME=BUCKET,
            AWS_S3_ENDPOINT_URL=f"http://127.0.0.1:{self.s3.port}",
            AWS_ACCESS_KEY_ID="testing",
            AWS_SECRET_ACCESS_KEY="testing",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=str(self.smtp.port),
            MEDIA_ROOT=str(self.folder / "media"),
            # The load comes from one address; each simulated visitor names its own in
            # X-Forwarded-For, as a proxy in front would.
            TRUSTED_PROXY_COUNT="1",
            WEB_CONCURRENCY=str(self.web_concurrency),
            LOG_LEVEL="WARNING",
            PYTHONUNBUFFERED="1",
        )
        return environment

    def manage(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run(  # noqa: S603 (our own interpreter and manage.py)
            [sys.executable, "manage.py", *args],
            cwd=BASE_DIR,
            env=self.env,
            check=check,
            capture_output=True,
            text=True,
        )

    def prepare(self) -> None:
        """Migrate, collect the static files and load the demo, as a release would.

        The prepared database and media are kept as a template (``BENCH_FRESH=1`` skips
        it): on a busy machine the demo takes minutes, and every bench starts from it. The
        template's name carries a hash of the migrations and the demo's code."""
        self.manage("compile_translations")
        if not _static_is_current():
            self.manage("collectstatic", "--noinput", "--clear", "-v", "0")
        template = f"chamber_bench_{_demo_hash()}"
        media = STATIC_CACHE.parent / template
        if self.demo and not os.environ.get("BENCH_FRESH") and media.exists():
            self._admin(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')
            self._admin(f'CREATE DATABASE "{self.database}" TEMPLATE "{template}"')
            shutil.copytree(media, self.folder / "media")
            self.manage("migrate", "--noinput")
            return
        self.manage("migrate", "--noinput")
        if self.demo:
            self.manage("load_demo")
            # The demo's pages queued their search and reference index updates; a release
            # lets the worker take them, here before the clock of any check starts.
            self.manage("db_worker", "--batch", "--no-startup-delay", "--no-reload")
            with contextlib.suppress(Exception):
                for (old,) in self._admin(
                    "SELECT datname FROM pg_database WHERE datname LIKE 'chamber_bench_%'",
                    fetch=True,
                ):
                    self._admin(f'DROP DATABASE IF EXISTS "{old}" WITH (FORCE)')
                shutil.rmtree(media, ignore_errors=True)
                self._admin(f'CREATE DATABASE "{template}" TEMPLATE "{self.database}"')
                shutil.copytree(self.folder / "media", media)

    def _admin(self, statement: str, fetch: bool = False) -> list:
        import psycopg

        with psycopg.connect(PG_ADMIN_URL, autocommit=True) as admin:
            cursor = admin.execute(statement)
            return cursor.fetchall() if fetch else []

    # The Procfile's processes ----------------------------------------------------------------

    def procfile(self) -> dict[str, str]:
        lines = (BASE_DIR / "site" / "Procfile").read_text().splitlines()
        return dict(line.split(": ", 1) for line in lines if line and not line.startswith("#"))

    def start_web(self) -> None:
        """Each web instance from the Procfile's ``web`` line, on its own port (through a shell,
        as honcho and foreman run them)."""
        for index, port in enumerate(self.web_ports, start=1):
            self.processes[f"web.{index}"] = self._spawn(
                ["/bin/sh", "-c", self.procfile()["web"]], f"web.{index}", PORT=str(port)
            )
        for port in self.web_ports:
            wait_for_port(port, timeout=90)

    def start_worker(self) -> None:
        self.processes["worker"] = self._spawn(
            ["/bin/sh", "-c", self.procfile()["worker"]], "worker"
        )

    def start_honcho(self, base: int | None = None) -> None:
        """All of ``site/Procfile`` under honcho: web twice (ports base and base + 1)."""
        if base is None:
            base = free_port()
            while not _port_free(base + 1):
                base = free_port()
        self.web_ports = [base, base + 1]
        self.processes["honcho"] = self._spawn(
            [
                str(BIN / "honcho"), "-f", "site/Procfile", "-d", str(BASE_DIR),
                "start", "-p", str(base), "-c", f"web={len(self.web_ports)},worker=1",
            ],
            "honcho",
        )  # fmt: skip
        for port in self.web_ports:
            wait_for_port(port, timeout=90)

    def _spawn(self, command: list[str], name: str, **env: str) -> subprocess.Popen:
        log = (self.folder / f"{name}.log").open("ab")
        return subprocess.Popen(  # noqa: S603 (our own commands)
            command,
            cwd=BASE_DIR,
            env={**self.env, **env} if hasattr(self, "settings_module") else None,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def stop_process(self, name: str, sig: int = signal.SIGTERM, timeout: float = 30) -> None:
        process = self.processes.pop(name, None)
        if process is None or process.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()

    def log(self, name: str) -> str:
        path = self.folder / f"{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""

    # Requests ---------------------------------------------------------------------------------

    def url(self, path: str, instance: int = 0) -> str:
        return f"http://127.0.0.1:{self.web_ports[instance]}{path}"

    def get(self, path: str, instance: int = 0, timeout: float = 20) -> tuple[int, bytes]:
        """GET as a visitor behind the TLS proxy (production redirects plain HTTP)."""
        request = urllib.request.Request(  # noqa: S310 (our own server)
            self.url(path, instance), headers={"X-Forwarded-Proto": "https"}
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def form_ids(self, model: str = "forms_formpage") -> list[int]:
        """Live pages of a form model (``forms_formpage``, ``careers_vacancypage``...)."""
        return [
            row[0]
            for row in self.sql(
                f"SELECT p.id FROM {model} f JOIN wagtailcore_page p ON p.id = f.page_ptr_id "  # noqa: S608 (our table names)
                "WHERE p.live ORDER BY p.id"
            )
        ]

    def submit(
        self,
        page_id: int,
        email: str,
        instance: int = 0,
        pdf: bytes | None = None,
        client_ip: str = "203.0.113.1",
        timeout: float = 30,
    ):
        """Submit a form through the API as a headless front-end does; returns the answer."""
        import requests

        schema = requests.get(
            self.url(f"/api/forms/{page_id}", instance),
            timeout=timeout,
            headers={"X-Forwarded-Proto": "https"},
        ).json()
        data, files = submission_for(schema, email=email, pdf=pdf)
        return requests.post(
            self.url(f"/api/forms/{page_id}/submissions", instance),
            data=data,
            files=files or None,
            headers={"X-Forwarded-Proto": "https", "X-Forwarded-For": client_ip},
            timeout=timeout,
        )

    def sql(self, query: str, *params) -> list[tuple]:
        import psycopg

        url = f"postgresql://postgres@127.0.0.1:{self.pg_direct_port}/{self.database}"
        with psycopg.connect(url) as connection:
            cursor = connection.execute(query, params)
            return cursor.fetchall() if cursor.description else []

    @property
    def pg_direct_port(self) -> int:
        return self.pg.target_port

    # Context --------------------------------------------------------------------------------

    def __enter__(self) -> Stack:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def stop(self) -> None:
        for name in sorted(self.processes, key=lambda name: name != "honcho"):
            self.stop_process(name)
        for part in ("smtp", "captcha"):
            with contextlib.suppress(AttributeError, RuntimeError):
                getattr(self, part).stop()
        for proxy in ("pg", "s3"):
            with contextlib.suppress(AttributeError):
                getattr(self, proxy).cut()
        if not os.environ.get("BENCH_KEEP"):
            shutil.rmtree(self.folder, ignore_errors=True)
            with contextlib.suppress(Exception):
                import psycopg

                with psycopg.connect(PG_ADMIN_URL, autocommit=True) as admin:
                    admin.execute(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')


def submission_for(schema: dict, *, email: str, pdf: bytes | None = None):
    """A valid submission for a form's API schema: every field filled as a visitor would,
    consents given, the captcha stand-in's token; ``pdf`` for file fields."""
    values = {
        "email": email,
        "singleline": "Bench",
        "multiline": "A question from the benchmark.",
        "phone": "+32 2 555 01 23",
        "number": "2",
        "date": "2027-03-01",
        "checkbox": "on",
        "purpose": "on",
    }
    data: dict[str, object] = {"g-recaptcha-response": CAPTCHA_TOKEN}
    files = {}
    for spec in schema["fields"]:
        kind, key = spec["type"], spec["key"]
        if kind == "hidden":
            continue
        if kind == "file":
            if pdf is not None or spec["required"]:
                files[key] = ("cv.pdf", pdf or PDF_1K, "application/pdf")
        elif spec["choices"]:
            first = spec["choices"][0]["value"]
            data[key] = [first] if kind == "checkboxes" else first
        elif kind in values:
            data[key] = values[kind]
    return data, files


def pdf_of(size: int) -> bytes:
    """A well-formed PDF of about ``size`` bytes (a comment pads it)."""
    head = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    head += b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    head += b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n"
    tail = b"trailer<</Root 1 0 R>>\n%%EOF\n"
    padding = max(size - len(head) - len(tail), 0)
    return head + b"%" + b"x" * max(padding - 2, 0) + b"\n" + tail


PDF_1K = pdf_of(1024)


def _demo_hash() -> str:
    """Of what makes the demo's database: every migration, the demo and its command."""
    import hashlib

    digest = hashlib.sha256()
    paths = sorted(
        [
            *BASE_DIR.glob("*/migrations/*.py"),
            *(BASE_DIR / "website" / "demo").rglob("*.py"),
            BASE_DIR / "website" / "management" / "commands" / "load_demo.py",
            BASE_DIR / "pyproject.toml",
        ]
    )
    for path in paths:
        digest.update(str(path.relative_to(BASE_DIR)).encode() + path.read_bytes())
    return digest.hexdigest()[:12]


def _static_is_current() -> bool:
    """Whether the collected files (kept between runs: compressing them takes minutes on a
    busy machine) are newer than every static source of the project and its dependencies."""
    manifest = STATIC_CACHE / "staticfiles.json"
    if not manifest.exists():
        return False
    collected = manifest.stat().st_mtime
    sources = [*BASE_DIR.glob("*/static"), BASE_DIR / "pyproject.toml", BIN.parent / "pyvenv.cfg"]
    for source in sources:
        files = source.rglob("*") if source.is_dir() else [source]
        if any(path.stat().st_mtime > collected for path in files):
            return False
    return True


def _port_free(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


# `make prod`: the stack for trying it in a browser -------------------------------------------

TRIAL_SETTINGS = """
# A browser on http://127.0.0.1 for trying it: no TLS here, so no HTTPS redirect and no
# Secure-only cookies; no captcha (Google's widget refuses a made-up key).
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
RECAPTCHA_PUBLIC_KEY = RECAPTCHA_PRIVATE_KEY = ""
"""


def serve() -> None:
    port = int(os.environ.get("PORT", "8000"))
    stack = Stack(name="prod", extra_settings=TRIAL_SETTINGS)
    stack.web_ports = [port, port + 1]
    try:
        print("Starting PostgreSQL database chamber_prod, Redis, moto (S3) and an SMTP sink")
        stack.start_dependencies()
        print("migrate, collectstatic, load_demo (a few minutes)")
        stack.prepare()
        stack.start_honcho(base=port)
        print(
            f"\nProduction settings, two web processes and the worker (site/Procfile):\n"
            f"  http://127.0.0.1:{port}/  and  http://127.0.0.1:{port + 1}/\n"
            f"  /healthz shows the checks; mail the worker sends is counted below.\n"
            f"  Logs: {stack.folder}/honcho.log. Ctrl-C stops everything."
        )
        sent = 0
        while stack.processes["honcho"].poll() is None:
            time.sleep(1)
            if len(stack.smtp.messages) != sent:
                sent = len(stack.smtp.messages)
                print(f"  mail sent by the worker: {sent}")
    except KeyboardInterrupt:
        pass
    finally:
        stack.stop()


if __name__ == "__main__":
    serve()
