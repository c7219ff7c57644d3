"""Safe by default: DEBUG is off unless asked for, a server without a SECRET_KEY refuses to start
with one line that says why, and Django's deployment check is clean under the settings
docs/deploy.md documents."""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from tests.prodserver import free_port

DOC = Path(__file__).resolve().parents[2] / "docs" / "deploy.md"


def bare_env(**values: str) -> dict[str, str]:
    """This process's environment without any of the settings' variables, plus ``values``."""
    drop = {"DEBUG", "SECRET_KEY", "DATABASE_URL", "DJANGO_SETTINGS_MODULE", "TAIZHANG_TEST_DATABASE"}
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env["DJANGO_SETTINGS_MODULE"] = "taizhang.settings"
    env.update(values)
    return env


def python(code: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)


def documented_settings() -> dict[str, str]:
    """The KEY=value lines of docs/deploy.md's settings block."""
    block = re.search(r"<!-- test: settings -->\s*```sh\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert block, "docs/deploy.md has no settings block"
    return dict(line.split("=", 1) for line in block.group(1).splitlines() if "=" in line)


class SafeDefaultsTestCase:
    def test_debug_is_off_unless_the_environment_turns_it_on(self, tmp_path: Path) -> None:
        code = "from django.conf import settings; print(settings.DEBUG)"
        env = bare_env(SECRET_KEY="k" * 50, TAIZHANG_VAR_DIR=str(tmp_path))
        assert python(code, env).stdout.strip() == "False"
        assert python(code, {**env, "DEBUG": "1"}).stdout.strip() == "True"

    def test_a_command_without_a_secret_key_stops_with_one_line(self, tmp_path: Path) -> None:
        done = subprocess.run(
            [sys.executable, "-m", "taizhang.cli", "migrate"],
            env=bare_env(TAIZHANG_VAR_DIR=str(tmp_path)),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 2
        assert done.stderr.count("\n") == 1 and "SECRET_KEY is not set" in done.stderr
        assert "Traceback" not in done.stderr

    def test_the_wsgi_server_without_a_secret_key_refuses_to_start_with_one_line(
        self, tmp_path: Path
    ) -> None:
        done = python("import taizhang.wsgi", bare_env(TAIZHANG_VAR_DIR=str(tmp_path)))
        assert done.returncode == 1
        assert done.stderr.strip().startswith("taizhang: cannot start: SECRET_KEY is not set")
        assert "Traceback" not in done.stderr

    def test_gunicorn_stops_at_once_without_a_secret_key(self, tmp_path: Path) -> None:
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "taizhang.wsgi",
                "--bind",
                f"127.0.0.1:{free_port()}",
                "--preload",
            ],
            env=bare_env(TAIZHANG_VAR_DIR=str(tmp_path)),
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode != 0
        assert "taizhang: cannot start: SECRET_KEY is not set" in done.stderr

    def test_the_demo_turns_debug_on_by_itself(self, tmp_path: Path) -> None:
        done = subprocess.run(
            [sys.executable, "-m", "taizhang.cli", "demo", "--help"],
            env=bare_env(TAIZHANG_VAR_DIR=str(tmp_path)),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr

    def test_the_deploy_check_is_clean_under_the_documented_settings(self, tmp_path: Path) -> None:
        settings = documented_settings()
        for needed in (
            "DEBUG",
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "CSRF_TRUSTED_ORIGINS",
            "SECURE_PROXY_SSL_HEADER",
        ):
            assert needed in settings, f"docs/deploy.md's settings block has no {needed}"
        assert settings["DEBUG"] == "0"
        settings.update(SECRET_KEY=secrets.token_urlsafe(50), TAIZHANG_VAR_DIR=str(tmp_path))
        done = subprocess.run(
            [sys.executable, "-m", "taizhang.cli", "check", "--deploy", "--fail-level", "WARNING"],
            env=bare_env(**settings),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        assert "no issues" in done.stdout


@pytest.mark.django_db
class SecureResponsesTestCase:
    def test_pages_carry_the_content_security_policy_and_refuse_framing(self, client, cast) -> None:
        client.force_login(cast.sam)
        response = client.get("/")
        policy = response["Content-Security-Policy"]
        assert "default-src 'self'" in policy and "script-src 'self'" in policy
        assert "frame-ancestors 'none'" in policy and "unsafe-inline" not in policy
        assert response["X-Frame-Options"] == "DENY"
