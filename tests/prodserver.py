"""A production server for tests: gunicorn serving ``taizhang.wsgi`` with DEBUG off, in a child
process with its own environment, database and files, on a free port of 127.0.0.1.

Used by the SQLite concurrency test and by the test that follows docs/deploy.md on a fresh clone.
Every request loop of those tests is bounded and goes to 127.0.0.1 only.
"""

from __future__ import annotations

import http.client
import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["free_port", "production_env", "run", "serve", "Answer", "request"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def production_env(var_dir: Path, **extra: str) -> dict[str, str]:
    """The environment docs/deploy.md asks for, on 127.0.0.1 behind a (simulated) HTTPS proxy:
    requests carry ``X-Forwarded-Proto: https`` as the proxy would set it."""
    env = {
        k: v for k, v in os.environ.items() if k not in ("DEBUG", "DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    env.update(
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        CSRF_TRUSTED_ORIGINS="https://127.0.0.1",
        SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto",
        TAIZHANG_VAR_DIR=str(var_dir),
        DJANGO_SETTINGS_MODULE="taizhang.settings",
        PYTHONUNBUFFERED="1",
    )
    env.update(extra)
    return env


def run(args: list[str], env: Mapping[str, str], cwd: Path | None = None, timeout: float = 600) -> str:
    """Run a command to its end; its output, or AssertionError with the output when it fails."""
    done = subprocess.run(args, env=dict(env), cwd=cwd, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{' '.join(args)} exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


@contextmanager
def serve(
    env: Mapping[str, str],
    *,
    python: str = sys.executable,
    cwd: Path | None = None,
    workers: int = 2,
    threads: int = 8,
) -> Iterator[str]:
    """Start gunicorn on a free port; yield its base URL; stop it (and fail loudly if it died)."""
    port = free_port()
    log = Path(env["TAIZHANG_VAR_DIR"]) / f"gunicorn-{port}.log"
    with open(log, "w") as out:
        server = subprocess.Popen(
            [
                python,
                "-m",
                "gunicorn",
                "taizhang.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(workers),
                "--threads",
                str(threads),
                "--timeout",
                "120",
                "--preload",
            ],
            env=dict(env),
            cwd=cwd,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, f"gunicorn exited {server.returncode}:\n{log.read_text()}"
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                assert time.monotonic() < deadline, f"gunicorn did not listen within 60 s:\n{log.read_text()}"
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)


@dataclass
class Answer:
    status: int
    headers: http.client.HTTPMessage | None
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)

    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def request(
    url: str,
    *,
    method: str = "GET",
    data: bytes | None = None,
    headers: Mapping[str, str] | None = None,
    timeout: float = 60,
) -> Answer:
    """One request as it comes through the HTTPS proxy (``X-Forwarded-Proto: https``); redirects
    are answered, not followed. A refused connection or a time-out raises (the caller counts it)."""
    all_headers = {"X-Forwarded-Proto": "https", **(headers or {})}
    req = urllib.request.Request(url, data=data, method=method, headers=all_headers)
    try:
        with _OPENER.open(req, timeout=timeout) as response:
            return Answer(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        return Answer(error.code, error.headers, error.read())
