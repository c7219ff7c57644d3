"""docs/deploy.md, followed on a fresh clone: the blocks marked ``<!-- test: install -->``,
``settings``, ``prepare`` and ``serve`` are run as written (the paths, the host and the port
replaced by temporary ones), then the production server is signed in to and its pages loaded
through a simulated HTTPS proxy (``X-Forwarded-Proto: https``).

The clone is of the committed HEAD: uncommitted changes are not in it. The install step installs
the project with pip into the clone's own virtualenv (about a minute). The database is SQLite in
the SQLite run of the suite and a scratch PostgreSQL database in the PostgreSQL run.
"""

from __future__ import annotations

import http.cookies
import os
import re
import secrets
import shutil
import subprocess
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.prodserver import Answer, free_port, request

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "deploy.md"
PASSWORD = "Deploy-测试-" + secrets.token_hex(4)


def blocks() -> dict[str, str]:
    """The marked code blocks of docs/deploy.md by name."""
    found = dict(
        re.findall(r"<!-- test: (\w+) -->\s*```\w*\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    )
    assert set(found) >= {"install", "settings", "prepare", "serve", "worker"}, sorted(found)
    return found


def bash(script: str, env: dict[str, str], timeout: float = 900) -> str:
    done = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script], env=env, capture_output=True, text=True, timeout=timeout
    )
    assert done.returncode == 0, f"{script}\nexited {done.returncode}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def clean_env() -> dict[str, str]:
    drop = (
        "DEBUG",
        "SECRET_KEY",
        "DATABASE_URL",
        "DJANGO_SETTINGS_MODULE",
        "TAIZHANG_",
        "VIRTUAL_ENV",
        "PYTHON",
    )
    return {k: v for k, v in os.environ.items() if not k.startswith(drop)}


@pytest.fixture(scope="module")
def database_url() -> Iterator[str | None]:
    """None (SQLite in the var folder), or a scratch PostgreSQL database in the PostgreSQL run."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        yield None
        return
    import psycopg

    admin_url = url.replace("postgres://", "postgresql://", 1)
    name = os.environ.get("TAIZHANG_TEST_DATABASE", "test_taizhang") + "_deploy"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    yield admin_url.rsplit("/", 1)[0] + f"/{name}"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def server(tmp_path_factory: Any, database_url: str | None) -> Iterator[dict[str, Any]]:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: nothing to clone")
    top = tmp_path_factory.mktemp("deploy")
    srv, etc, var = top / "srv" / "taizhang", top / "etc", top / "var"
    etc.mkdir()
    port = free_port()
    env = clean_env()
    head = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True, check=True
    )
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(srv)], check=True, env=env, timeout=300)
    subprocess.run(
        ["git", "-C", str(srv), "checkout", "--quiet", head.stdout.strip()], check=True, timeout=60
    )
    doc = blocks()

    def here(text: str) -> str:
        return (
            text.replace("/srv/taizhang", str(srv))
            .replace("/etc/taizhang/env", str(etc / "env"))
            .replace("127.0.0.1:8001", f"127.0.0.1:{port}")
        )

    bash(here(doc["install"]), env)

    settings = dict(line.split("=", 1) for line in doc["settings"].splitlines() if "=" in line)
    settings.update(
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        CSRF_TRUSTED_ORIGINS=f"https://127.0.0.1:{port}",
        TAIZHANG_VAR_DIR=str(var),
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    )
    if database_url:
        settings["DATABASE_URL"] = database_url
    else:
        settings.pop("DATABASE_URL")
    (etc / "env").write_text("".join(f"{k}={v}\n" for k, v in settings.items()))

    prepare = here(doc["prepare"]).replace(
        "createsuperuser --username", "createsuperuser --no-input --username"
    )
    bash(prepare, {**env, "DJANGO_SUPERUSER_PASSWORD": PASSWORD})

    log = open(top / "gunicorn.log", "w")  # noqa: SIM115  (closed below)
    process = subprocess.Popen(
        ["bash", "-c", here(doc["serve"])], env=env, stdout=log, stderr=subprocess.STDOUT
    )
    worker_log = open(top / "worker.log", "w")  # noqa: SIM115  (closed below)
    worker = subprocess.Popen(
        ["bash", "-c", here(doc["worker"])], env=env, stdout=worker_log, stderr=subprocess.STDOUT
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, (top / "gunicorn.log").read_text()
            try:
                request(base + "/accounts/login/", timeout=5)
                break
            except OSError:
                assert time.monotonic() < deadline, (top / "gunicorn.log").read_text()
                time.sleep(0.3)
        yield {"base": base, "port": port, "var": var, "worker": worker, "top": top}
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()
        worker_log.close()
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def cookies_of(answer: Answer) -> dict[str, http.cookies.Morsel[str]]:
    jar: http.cookies.SimpleCookie = http.cookies.SimpleCookie()
    headers = answer.headers.get_all("Set-Cookie") if answer.headers else None
    for header in headers or []:
        jar.load(header)
    return dict(jar)


def sign_in(server: dict[str, Any]) -> dict[str, str]:
    """Sign the administrator in through the proxy: his session cookie and CSRF token."""
    base, origin = server["base"], f"https://127.0.0.1:{server['port']}"
    login = request(base + "/accounts/login/")
    csrf = cookies_of(login)["csrftoken"].value
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login.text()).group(1)
    signed_in = request(
        base + "/accounts/login/",
        method="POST",
        data=urllib.parse.urlencode(
            {"csrfmiddlewaretoken": token, "username": "admin", "password": PASSWORD}
        ).encode(),
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={csrf}",
            "Origin": origin,
            "Referer": origin + "/accounts/login/",
        },
    )
    assert signed_in.status == 302, signed_in.text()[:500]
    session = cookies_of(signed_in)["sessionid"]
    assert session["secure"] and session["httponly"]
    return {"Cookie": f"csrftoken={csrf}; sessionid={session.value}", "csrf": csrf}


class FollowTheDeployGuideTestCase:
    def test_the_server_answers_over_https_only_with_the_safety_headers(self, server: dict[str, Any]) -> None:
        plain = request(server["base"] + "/accounts/login/", headers={"X-Forwarded-Proto": "http"})
        assert plain.status == 301 and plain.headers["Location"].startswith("https://")
        page = request(server["base"] + "/accounts/login/")
        assert page.status == 200 and "登录" in page.text()
        assert "script-src 'self'" in page.headers["Content-Security-Policy"]
        assert "max-age=31536000" in page.headers["Strict-Transport-Security"]
        csrf = cookies_of(page)["csrftoken"]
        assert csrf["secure"]
        missing = request(server["base"] + "/no-such-page/")
        assert missing.status == 404 and "URLconf" not in missing.text()  # DEBUG is off

    def test_an_administrator_signs_in_and_loads_the_pages(self, server: dict[str, Any]) -> None:
        base = server["base"]
        cookie = {"Cookie": sign_in(server)["Cookie"]}
        for path in (
            "/",
            "/tasks/",
            "/policies/",
            "/units/",
            "/monitoring/",
            "/supervision/queues/",
            "/workbook/",
            "/accounts/profile/",
            "/accounts/logins/",
            "/accounts/users/",
            "/public/",
        ):
            page = request(base + path, headers=cookie)
            assert page.status == 200, f"{path}: {page.status}"
            assert "台账" in page.text() or "营商环境" in page.text(), path
        logins = request(base + "/accounts/logins/", headers=cookie).text()
        assert "admin" in logins and "登录成功" in logins

        stylesheet = re.search(r'href="(/static/css/taizhang\.[0-9a-f]{12}\.css)"', page.text())
        assert stylesheet, "the pages ask for the collected, content-hashed stylesheet"
        css = request(base + stylesheet.group(1), headers={"Accept-Encoding": "gzip"})
        assert css.status == 200 and "max-age=315360000" in css.headers["Cache-Control"]

    def test_an_import_runs_in_the_worker_the_guide_starts(self, server: dict[str, Any]) -> None:
        """The upload page answers at once; the worker of docs/deploy.md reads the document and the
        job's page then forwards to the draft's review screen."""
        base, origin = server["base"], f"https://127.0.0.1:{server['port']}"
        session = sign_in(server)
        form = request(base + "/policies/import/", headers={"Cookie": session["Cookie"]})
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text()).group(1)
        boundary = "taizhang" + secrets.token_hex(8)
        document = "附件\n\n\t序号\t主要任务\t完成时限\t牵头单位\n\t1\t推进企业开办全程网办。\t2026年6月\t区市场监管局\n"
        body = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="csrfmiddlewaretoken"\r\n\r\n{token}\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="deploy.txt"\r\n'
            f"Content-Type: text/plain\r\n\r\n{document}\r\n--{boundary}--\r\n"
        ).encode()
        posted = request(
            base + "/policies/import/",
            method="POST",
            data=body,
            headers={
                "Cookie": session["Cookie"],
                "Content-Type": f"multipart/form-data; boundary={boundary}",
                "Origin": origin,
                "Referer": origin + "/policies/import/",
            },
        )
        assert posted.status == 302 and "/jobs/" in posted.headers["Location"], posted.text()[:500]
        job_page = urllib.parse.urljoin(base + "/", posted.headers["Location"].replace(origin, base))
        deadline = time.monotonic() + 120  # the worker polls its queue every second
        while True:
            answer = request(job_page, headers={"Cookie": session["Cookie"]})
            if answer.status == 302:
                break
            assert answer.status == 200 and 'id="job-error"' not in answer.text(), answer.text()[:2000]
            assert server["worker"].poll() is None, (server["top"] / "worker.log").read_text()
            assert time.monotonic() < deadline, (server["top"] / "worker.log").read_text()
            time.sleep(0.5)
        review = urllib.parse.urljoin(base + "/", answer.headers["Location"].replace(origin, base))
        assert re.search(r"/policies/\d+/review/$", review), review
        page = request(review, headers={"Cookie": session["Cookie"]})
        assert page.status == 200 and "推进企业开办全程网办" in page.text()
