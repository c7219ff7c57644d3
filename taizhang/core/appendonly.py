"""Append-only tables in the database itself: triggers refuse UPDATE, DELETE (and on PostgreSQL
TRUNCATE) on the history (``core_historyentry``) and the sign-in audit (``accounts_loginevent``),
so neither raw SQL, ``loaddata`` over existing rows nor a bug past the ORM's guard can rewrite
them. The refusal is an ``IntegrityError`` whose message says the table is append-only.

The triggers are made by migration ``core.0002`` and made again after every ``migrate``
(``post_migrate``: SQLite drops a table's triggers when a migration rebuilds the table). Only a
deliberate reset lifts them, in the same transaction as the reset: ``flush`` (tests, the bench
database) and ``taizhang restore --force``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from django.db import transaction

__all__ = ["APPEND_ONLY_TABLES", "install_guards", "remove_guards", "guarded_tables", "guards_lifted"]

APPEND_ONLY_TABLES = ("core_historyentry", "accounts_loginevent")

_PG_FUNCTION = """
CREATE OR REPLACE FUNCTION taizhang_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: rows cannot be %', TG_TABLE_NAME,
    CASE TG_OP WHEN 'UPDATE' THEN 'updated' WHEN 'DELETE' THEN 'deleted' ELSE 'truncated' END
    USING ERRCODE = 'restrict_violation';
END
$$
"""


def _existing(connection: Any, tables: Iterable[str]) -> list[str]:
    with connection.cursor() as cursor:
        present = set(connection.introspection.table_names(cursor))
    return [t for t in tables if t in present]


def _statements(vendor: str, table: str, install: bool) -> list[str]:
    if vendor == "postgresql":
        drop = [
            f'DROP TRIGGER IF EXISTS "{table}_append_only" ON "{table}"',
            f'DROP TRIGGER IF EXISTS "{table}_append_only_truncate" ON "{table}"',
        ]
        if not install:
            return drop
        return [
            *drop,
            f'CREATE TRIGGER "{table}_append_only" BEFORE UPDATE OR DELETE ON "{table}" '
            "FOR EACH ROW EXECUTE FUNCTION taizhang_append_only()",
            f'CREATE TRIGGER "{table}_append_only_truncate" BEFORE TRUNCATE ON "{table}" '
            "FOR EACH STATEMENT EXECUTE FUNCTION taizhang_append_only()",
        ]
    if vendor == "sqlite":
        if not install:
            return [
                f'DROP TRIGGER IF EXISTS "{table}_append_only_update"',
                f'DROP TRIGGER IF EXISTS "{table}_append_only_delete"',
            ]
        return [
            f'CREATE TRIGGER IF NOT EXISTS "{table}_append_only_{verb}" BEFORE {verb.upper()} ON "{table}" '
            f"BEGIN SELECT RAISE(ABORT, '{table} is append-only: rows cannot be {verb}d'); END"
            for verb in ("update", "delete")
        ]
    return []  # another database: the ORM's guard (HistoryEntry.save/delete) is all there is


def install_guards(connection: Any, tables: Iterable[str] = APPEND_ONLY_TABLES) -> None:
    """Make the triggers on those of ``tables`` that exist (idempotent)."""
    present = _existing(connection, tables)
    if not present:
        return
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(_PG_FUNCTION)
        for table in present:
            for sql in _statements(connection.vendor, table, install=True):
                cursor.execute(sql)


def remove_guards(connection: Any, tables: Iterable[str] = APPEND_ONLY_TABLES) -> None:
    """Drop the triggers (a deliberate reset only; see :func:`guards_lifted`)."""
    present = _existing(connection, tables)
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        for table in present:
            for sql in _statements(connection.vendor, table, install=False):
                cursor.execute(sql)


def guarded_tables(connection: Any) -> set[str]:
    """The tables that carry the guard now (for checks and tests)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT DISTINCT event_object_table FROM information_schema.triggers "
                "WHERE trigger_name LIKE %s",
                ["%_append_only"],
            )
        elif connection.vendor == "sqlite":
            cursor.execute(
                "SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_append_only_delete'"
            )
        else:
            return set()
        return {row[0] for row in cursor.fetchall()}


@contextmanager
def guards_lifted(connection: Any) -> Iterator[None]:
    """Within one transaction: drop the triggers, run the body (a reset), make them again.
    If the body fails, the transaction rolls back and the triggers were never gone."""
    with transaction.atomic(using=connection.alias):
        remove_guards(connection)
        yield
        install_guards(connection)


def reinstall_after_migrate(sender: Any, using: str = "default", **kwargs: Any) -> None:
    """``post_migrate`` receiver: the triggers exist after every migrate."""
    from django.db import connections

    install_guards(connections[using])
