"""History is append-only in the database itself, not only in the ORM: raw SQL, ``loaddata`` over
an existing row and TRUNCATE are refused by triggers (SQLite and PostgreSQL alike), and a
deliberate reset (``flush``) lifts them only for itself."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction

from taizhang.core.appendonly import APPEND_ONLY_TABLES, guarded_tables, install_guards
from taizhang.core.history import record
from taizhang.core.models import HistoryEntry


def refused(sql: str, params: list[Any] | None = None) -> str:
    """Run ``sql`` and return the database's refusal (the test fails if it is accepted)."""
    with pytest.raises(IntegrityError) as caught, transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, params or [])
    return str(caught.value)


@pytest.mark.django_db
class RawSqlTestCase:
    def test_every_append_only_table_carries_the_guard(self) -> None:
        assert guarded_tables(connection) == set(APPEND_ONLY_TABLES)

    def test_raw_update_and_delete_of_a_history_row_are_refused(self, cast: Any) -> None:
        entry = record(cast.sam, cast.unit_a, "rename_unit", before={"name": "旧"}, after={"name": "新"})
        assert "append-only" in refused(
            "UPDATE core_historyentry SET action = 'nothing' WHERE id = %s", [entry.pk]
        )
        assert "append-only" in refused("UPDATE core_historyentry SET actor_id = NULL")
        assert "append-only" in refused("DELETE FROM core_historyentry WHERE id = %s", [entry.pk])
        assert "append-only" in refused("DELETE FROM core_historyentry")
        entry = HistoryEntry.objects.get(pk=entry.pk)
        assert (entry.action, entry.actor_id) == ("rename_unit", cast.sam.pk)

    @pytest.mark.skipif(connection.vendor != "postgresql", reason="TRUNCATE is PostgreSQL's")
    def test_truncate_is_refused_on_postgresql(self, cast: Any) -> None:
        record(cast.sam, cast.unit_a, "rename_unit")
        with connection.cursor() as cursor:  # check the test's deferred foreign keys now, not at TRUNCATE
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        assert "append-only" in refused("TRUNCATE core_historyentry")
        assert HistoryEntry.objects.count() >= 1

    def test_loaddata_cannot_overwrite_a_history_row(self, cast: Any, tmp_path: Any) -> None:
        entry = record(cast.sam, cast.unit_a, "rename_unit", after={"name": "新"})
        forged = tmp_path / "forged.json"
        forged.write_text(
            json.dumps(
                [
                    {
                        "model": "core.historyentry",
                        "pk": entry.pk,
                        "fields": {
                            "actor": cast.andy.pk,
                            "at": "2020-01-01T00:00:00Z",
                            "object_type": "units.unit",
                            "object_id": cast.unit_a.pk,
                            "task_id": None,
                            "action": "nothing_happened",
                            "before": {},
                            "after": {},
                            "note": "",
                        },
                    }
                ]
            )
        )
        with pytest.raises(Exception, match="append-only"), transaction.atomic():
            call_command("loaddata", str(forged), verbosity=0)
        assert HistoryEntry.objects.get(pk=entry.pk).action == "rename_unit"

    def test_new_rows_are_still_added(self, cast: Any) -> None:
        before = HistoryEntry.objects.count()
        record(cast.sam, cast.unit_a, "rename_unit")
        with connection.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM core_historyentry")
            assert cursor.fetchone()[0] == before + 1

    def test_installing_the_guard_twice_changes_nothing(self) -> None:
        install_guards(connection)
        install_guards(connection)
        assert guarded_tables(connection) == set(APPEND_ONLY_TABLES)


@pytest.mark.django_db(transaction=True)
class ResetTestCase:
    def test_flush_empties_the_history_and_leaves_the_guard_in_place(self, cast: Any) -> None:
        record(cast.sam, cast.unit_a, "rename_unit")
        call_command("flush", interactive=False, verbosity=0)
        assert HistoryEntry.objects.count() == 0
        assert guarded_tables(connection) == set(APPEND_ONLY_TABLES)
