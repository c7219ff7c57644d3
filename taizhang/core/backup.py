"""``taizhang backup`` and ``taizhang restore``: the database and the uploaded files in one archive.

An archive (``.tar.gz``) holds ``manifest.json`` (format, database kind, the migrations applied,
when), the database and ``media/`` (policy documents, evidence, bulletins):

- SQLite: ``database.sqlite3``, a consistent copy made by SQLite's online backup API while the
  application may keep running (WAL included); restored with the same API into the live file.
- PostgreSQL: ``database.pgdump``, ``pg_dump --format=custom`` (one consistent snapshot, with the
  append-only triggers, sequences and indexes), restored by ``pg_restore --clean
  --single-transaction``. ``pg_dump`` rather than ``dumpdata``: ``dumpdata`` holds the whole
  ledger in memory, is not one snapshot of a running database, and leaves out the database's own
  objects (the triggers). Its client tools must be of the server's major version or newer
  (Debian: ``postgresql-client``).

Restoring refuses a database that holds data unless ``force`` is given, refuses an archive made
by a newer version of taizhang (migrations this code does not know), and brings an older one up
to date with ``migrate``. Stop the server and workers while restoring.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

import taizhang

__all__ = ["BackupError", "BackupResult", "make_backup", "restore_backup", "database_holds_data"]

FORMAT = 1
MANIFEST = "manifest.json"
# What makes a database "hold data": people and anything of the ledger (not Django's own tables,
# which a fresh `migrate` fills: permissions, content types).
DATA_APPS = (
    "accounts",
    "units",
    "policies",
    "ledger",
    "supervision",
    "monitoring",
    "portal",
    "bulletins",
    "core",
)


class BackupError(Exception):
    """A backup or restore that cannot be done; the message says why, in one line."""


@dataclass(frozen=True)
class BackupResult:
    path: Path
    database: str
    media_files: int
    size: int


def _vendor(alias: str) -> str:
    vendor = str(connections[alias].vendor)
    if vendor not in ("sqlite", "postgresql"):
        raise BackupError(f"backups of a {vendor} database are not supported (SQLite and PostgreSQL are)")
    return vendor


def _applied_migrations(alias: str) -> list[list[str]]:
    connection = connections[alias]
    with connection.cursor() as cursor:
        if "django_migrations" not in connection.introspection.table_names(cursor):
            return []
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY id")
        return [[app, name] for app, name in cursor.fetchall()]


def database_holds_data(alias: str = DEFAULT_DB_ALIAS) -> bool:
    """True when any table of the ledger (people, units, policies, tasks, history...) has a row."""
    connection = connections[alias]
    with connection.cursor() as cursor:
        tables = set(connection.introspection.table_names(cursor))
        for model in apps.get_models():
            table = model._meta.db_table
            counts = model._meta.app_label in DATA_APPS or model._meta.label == settings.AUTH_USER_MODEL
            if counts and table in tables and not model._meta.proxy:
                cursor.execute(f"SELECT 1 FROM {connection.ops.quote_name(table)} LIMIT 1")
                if cursor.fetchone():
                    return True
    return False


def _pg_env(settings_dict: Mapping[str, Any]) -> dict[str, str]:
    """libpq's environment for the database (the password never appears on a command line)."""
    env = dict(os.environ)
    for key, var in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if settings_dict.get(key):
            env[var] = str(settings_dict[key])
    env["PGDATABASE"] = str(settings_dict["NAME"])
    return env


def _pg_tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise BackupError(
            f"{name} is not installed: install PostgreSQL's client tools of the server's version "
            "(Debian: apt-get install postgresql-client)"
        )
    return found


def _run(args: list[str], env: Mapping[str, str], what: str) -> None:
    done = subprocess.run(args, env=dict(env), capture_output=True, text=True)
    if done.returncode != 0:
        reason = (done.stderr or done.stdout).strip().splitlines()
        raise BackupError(f"{what} failed: {reason[-1] if reason else f'exit status {done.returncode}'}")


def _dump_database(alias: str, vendor: str, folder: Path) -> str:
    settings_dict = connections[alias].settings_dict
    if vendor == "sqlite":
        name = "database.sqlite3"
        source = sqlite3.connect(str(settings_dict["NAME"]), timeout=60)
        target = sqlite3.connect(str(folder / name))
        try:
            source.backup(target)
        finally:
            target.close()
            source.close()
        return name
    name = "database.pgdump"
    _run(
        [
            _pg_tool("pg_dump"),
            "--format=custom",
            "--no-owner",
            "--no-privileges",
            "--file",
            str(folder / name),
        ],
        _pg_env(settings_dict),
        "pg_dump",
    )
    return name


def make_backup(output: Path | None = None, alias: str = DEFAULT_DB_ALIAS) -> BackupResult:
    """Write the archive of the database ``alias`` and MEDIA_ROOT to ``output`` (by default
    ``<var>/backups/taizhang-<date>-<time>.tar.gz``) and return what was written."""
    vendor = _vendor(alias)
    now = timezone.localtime()
    if output is None:
        output = Path(settings.VAR_DIR) / "backups" / f"taizhang-{now:%Y%m%d-%H%M%S}.tar.gz"
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    media = Path(settings.MEDIA_ROOT)
    files = [p for p in sorted(media.rglob("*")) if p.is_file()] if media.is_dir() else []
    with tempfile.TemporaryDirectory(dir=output.parent) as scratch:
        database_file = _dump_database(alias, vendor, Path(scratch))
        manifest = {
            "format": FORMAT,
            "taizhang": taizhang.__version__,
            "created_at": now.isoformat(),
            "database": vendor,
            "database_file": database_file,
            "migrations": _applied_migrations(alias),
            "media_files": len(files),
        }
        partial = output.with_name(output.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            data = json.dumps(manifest, ensure_ascii=False, indent=2).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mtime = len(data), int(now.timestamp())
            archive.addfile(info, io.BytesIO(data))
            archive.add(Path(scratch) / database_file, arcname=database_file)
            for path in files:
                archive.add(path, arcname=f"media/{path.relative_to(media).as_posix()}")
        partial.replace(output)  # a half-written archive never has the final name
    return BackupResult(output, vendor, len(files), output.stat().st_size)


def _read_manifest(archive: tarfile.TarFile, path: Path) -> dict[str, Any]:
    try:
        member = archive.extractfile(MANIFEST)
        manifest = json.loads(member.read()) if member else None
    except (KeyError, json.JSONDecodeError):
        manifest = None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{path}: not a taizhang backup (no readable {MANIFEST} of format {FORMAT})")
    return manifest


def _check_migrations(manifest: Mapping[str, Any], path: Path) -> None:
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    unknown = [f"{app}.{name}" for app, name in manifest.get("migrations", []) if (app, name) not in known]
    if unknown:
        raise BackupError(
            f"{path}: made by a newer taizhang (migrations {', '.join(unknown[:3])} are unknown here): "
            "upgrade taizhang first"
        )


def _restore_database(alias: str, vendor: str, file: Path) -> None:
    connection = connections[alias]
    connection.close()
    settings_dict = connection.settings_dict
    if vendor == "sqlite":
        source = sqlite3.connect(str(file))
        try:
            check = source.execute("PRAGMA integrity_check").fetchone()[0]
            if check != "ok":
                raise BackupError(f"the archived database is damaged: {check}")
            target = sqlite3.connect(str(settings_dict["NAME"]), timeout=60)
            try:
                source.backup(target)
            finally:
                target.close()
        finally:
            source.close()
        return
    _run(
        [
            _pg_tool("pg_restore"),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            "--dbname",
            str(settings_dict["NAME"]),
            str(file),
        ],
        _pg_env(settings_dict),
        "pg_restore",
    )


def _restore_media(archive: tarfile.TarFile, scratch: Path) -> int:
    members = [m for m in archive.getmembers() if m.name.startswith("media/") and m.isfile()]
    archive.extractall(scratch, members=members, filter="data")
    media = Path(settings.MEDIA_ROOT)
    media.parent.mkdir(parents=True, exist_ok=True)
    fresh = scratch / "media"
    fresh.mkdir(exist_ok=True)
    old = media.with_name(f"{media.name}.before-restore-{datetime.now():%Y%m%d%H%M%S}")
    if media.exists():
        media.rename(old)
    shutil.move(str(fresh), str(media))
    if old.exists():
        shutil.rmtree(old)
    return len(members)


def restore_backup(path: Path, *, force: bool = False, alias: str = DEFAULT_DB_ALIAS) -> dict[str, Any]:
    """Restore the archive at ``path`` into the database ``alias`` and MEDIA_ROOT; return its
    manifest. BackupError when it cannot (not an archive, another kind of database, a newer
    schema, a database with data and no ``force``)."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path}: no such file")
    vendor = _vendor(alias)
    try:
        archive = tarfile.open(path, "r:gz")
    except (tarfile.TarError, OSError) as exc:
        raise BackupError(f"{path}: not a taizhang backup ({exc})") from None
    with archive:
        manifest = _read_manifest(archive, path)
        if manifest.get("database") != vendor:
            raise BackupError(
                f"{path}: a backup of a {manifest.get('database')} database cannot be restored into {vendor}"
            )
        _check_migrations(manifest, path)
        if not force and database_holds_data(alias):
            raise BackupError(
                "the database already holds data: restoring would replace it; add --force to do so "
                "(make a backup of it first)"
            )
        media_parent = Path(settings.MEDIA_ROOT).parent
        media_parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=media_parent) as scratch:
            database_file = str(manifest.get("database_file", ""))
            try:
                archive.extract(database_file, scratch, filter="data")
            except KeyError:
                raise BackupError(f"{path}: the archive has no {database_file!r}") from None
            _restore_database(alias, vendor, Path(scratch) / database_file)
            _restore_media(archive, Path(scratch))
    call_command("migrate", database=alias, interactive=False, verbosity=0)  # an older backup: upgrade it
    return manifest
