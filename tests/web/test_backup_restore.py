"""``taizhang backup`` / ``taizhang restore`` round trips, run as an administrator would, on a
SQLite database file and on a PostgreSQL database (each in its own pass of ``make test``):
the history, the people and the uploaded evidence come back as they were, a database holding
data is only replaced with ``--force``, and the restored history is still append-only."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.prodserver import production_env

pytestmark = pytest.mark.slow

POSTGRES = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))

SETUP = """
import django
django.setup()
from taizhang.devtools.builders import make_cast, make_policy
from taizhang.ledger import actions as L
cast = make_cast()
task = make_policy(cast.sam).tasks.order_by("order").first()
report = L.do_save_report(cast.andy, task=task, period="2025-03", narrative="已完成", percent=100)
L.do_add_attachment(cast.andy, report, name="验收材料.txt", data="验收意见：同意。".encode())
"""

MORE = """
import django
django.setup()
from django.contrib.auth import get_user_model
from taizhang.devtools.builders import make_policy
make_policy(get_user_model().objects.get(username="sam"), name="later.txt")
"""

FINGERPRINT = """
import django, json, hashlib
django.setup()
from django.db import connection, transaction
from django.contrib.auth import get_user_model
from taizhang.core.appendonly import guarded_tables
from taizhang.core.models import HistoryEntry
from taizhang.ledger.models import Attachment
refused = False
try:
    with transaction.atomic(), connection.cursor() as c:
        c.execute("UPDATE core_historyentry SET action = 'x'")
except Exception as exc:
    refused = "append-only" in str(exc)
print(json.dumps({
    "history": [[h.pk, h.action, h.object_type, h.object_id] for h in HistoryEntry.objects.order_by("pk")],
    "people": sorted(get_user_model().objects.values_list("username", flat=True)),
    "evidence": [[a.name, hashlib.sha256(a.file.read()).hexdigest()] for a in Attachment.objects.order_by("pk")],
    "guarded": sorted(guarded_tables(connection)),
    "rewrite_refused": refused,
}))
"""


def taizhang(env: dict[str, str], *args: str, check: bool = True) -> Any:
    import subprocess

    done = subprocess.run(
        [sys.executable, "-m", "taizhang.cli", *args], env=env, capture_output=True, text=True, timeout=600
    )
    if check:
        assert done.returncode == 0, f"taizhang {' '.join(args)}: {done.stdout}\n{done.stderr}"
    return done


def script(env: dict[str, str], code: str) -> str:
    import subprocess

    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""


@pytest.fixture
def databases(request: Any, tmp_path: Path) -> Any:
    """Two database URLs of the kind under test: the office's and a new server's (empty)."""
    if not POSTGRES:
        yield [f"sqlite:///{tmp_path / 'office.sqlite3'}", f"sqlite:///{tmp_path / 'new-server.sqlite3'}"]
        return
    import psycopg

    url = os.environ["DATABASE_URL"].replace("postgres://", "postgresql://", 1)
    base = os.environ.get("TAIZHANG_TEST_DATABASE", "test_taizhang")
    names = [f"{base}_backup_a", f"{base}_backup_b"]
    with psycopg.connect(url, autocommit=True) as admin:
        for name in names:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
            admin.execute(f'CREATE DATABASE "{name}"')
    yield [url.rsplit("/", 1)[0] + f"/{name}" for name in names]
    with psycopg.connect(url, autocommit=True) as admin:
        for name in names:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class BackupRestoreTestCase:
    def test_a_backup_comes_back_whole_and_only_replaces_data_when_forced(
        self, databases: list[str], tmp_path: Path
    ) -> None:
        office = production_env(tmp_path / "office", DATABASE_URL=databases[0])
        taizhang(office, "migrate", "--no-input")
        script(office, SETUP)
        before = json.loads(script(office, FINGERPRINT))
        assert before["evidence"] and before["history"] and before["rewrite_refused"]

        archive = tmp_path / "backup.tar.gz"
        made = taizhang(office, "backup", "--output", str(archive))
        uploaded = [p for p in (tmp_path / "office" / "media").rglob("*") if p.is_file()]
        assert len(uploaded) == 2  # the policy's document and the evidence
        assert archive.is_file() and "2 uploaded files" in made.stdout

        script(office, MORE)  # work goes on after the backup ...
        assert json.loads(script(office, FINGERPRINT))["history"] != before["history"]
        refused = taizhang(office, "restore", str(archive), check=False)
        assert refused.returncode != 0 and "--force" in refused.stderr
        assert len(refused.stderr.strip().splitlines()) == 1  # one line, no traceback
        taizhang(office, "restore", str(archive), "--force")  # ... and is rolled back on purpose
        assert json.loads(script(office, FINGERPRINT)) == before

        # a new server: an empty database and no files, restored without --force
        new_server = production_env(tmp_path / "new-server", DATABASE_URL=databases[1])
        taizhang(new_server, "restore", str(archive))
        assert json.loads(script(new_server, FINGERPRINT)) == before

    def test_restore_refuses_what_is_not_a_backup(self, databases: list[str], tmp_path: Path) -> None:
        env = production_env(tmp_path / "var", DATABASE_URL=databases[1])
        junk = tmp_path / "junk.tar.gz"
        junk.write_bytes(b"not an archive")
        done = taizhang(env, "restore", str(junk), check=False)
        assert done.returncode != 0 and "not a taizhang backup" in done.stderr
