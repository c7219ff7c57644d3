"""``taizhang benchdata``: create the bench database and fill it with a province-sized ledger.

    taizhang benchdata [--database sqlite|postgres|URL] [--units 3000] [--tasks 150000]
                       [--reports 1500000] [--policies N] [--seed 2025] [--force]
                       [--no-supervision | --supervision-only]

The bench database is not the demo database: ``sqlite`` is ``var/bench/bench.sqlite3``,
``postgres`` is ``taizhang_bench`` on the local server (``TAIZHANG_BENCH_POSTGRES_URL`` overrides
it), and any other value is a database URL. The command creates it when needed, migrates it and
runs :func:`taizhang.devtools.benchdata.generate_ledger`; a database that already holds data is
refused unless ``--force``, which empties it first. Then, unless ``--no-supervision``, it computes
every task's colour and publishes a third of the policies to the portal
(:func:`taizhang.devtools.benchdata.prepare_supervision`, in a child process whose default database is
the bench database); ``--supervision-only`` does only that, on a bench database generated before.
``taizhang bench`` then times the pages on it.
"""

from __future__ import annotations

import time
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DEFAULT_DB_ALIAS, connections

from taizhang.devtools.webbench import (
    BENCH_ALIAS,
    bench_database_url,
    ensure_postgres_database,
    prepare_bench_supervision,
    use_bench_database,
)


def _size(text: str) -> int:
    try:
        value = int(text.replace("_", "").replace(",", ""))
    except ValueError:
        raise ValueError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise ValueError(f"cannot be negative: {text}")
    return value


# The options a queued run hands to the worker (taizhang/core/jobs.py runs the command with them).
QUEUED_OPTIONS = (
    "database",
    "units",
    "tasks",
    "reports",
    "policies",
    "seed",
    "force",
    "no_supervision",
    "supervision_only",
)


class Command(BaseCommand):
    help = "Create the bench database (separate from the demo's) and fill it with a generated ledger."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--database",
            default="sqlite",
            help="sqlite (var/bench/bench.sqlite3), postgres (taizhang_bench on 127.0.0.1) or a database URL",
        )
        parser.add_argument("--units", type=_size, default=3000, help="units (at least 2)")
        parser.add_argument("--tasks", type=_size, default=150_000, help="tasks")
        parser.add_argument("--reports", type=_size, default=1_500_000, help="progress reports")
        parser.add_argument(
            "--policies", type=_size, default=None, help="policies (default: tasks/100, at most 300)"
        )
        parser.add_argument(
            "--seed", type=int, default=2025, help="random seed (the same seed, the same ledger)"
        )
        parser.add_argument(
            "--force", action="store_true", help="empty a bench database that holds data, then fill it"
        )
        parser.add_argument(
            "--queue",
            action="store_true",
            help="queue the generation for the jobs worker (taizhang db_worker) instead of running it here",
        )
        step = parser.add_mutually_exclusive_group()
        step.add_argument(
            "--no-supervision",
            action="store_true",
            help="skip computing the colours and publishing policies to the portal",
        )
        step.add_argument(
            "--supervision-only",
            action="store_true",
            help="only compute the colours and publish policies to the portal, on the ledger already there",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        from taizhang.devtools.benchdata import BenchDataExists, generate_ledger

        if options.get("queue"):
            from taizhang.jobs.actions import start_job
            from taizhang.jobs.models import JobKind

            params = {name: options[name] for name in QUEUED_OPTIONS}
            job = start_job(JobKind.BENCHDATA, None, params)
            self.stdout.write(f"bench data queued as job {job.pk}: the jobs worker generates it")
            return

        try:
            url = bench_database_url(options["database"])
        except ValueError as exc:
            raise CommandError(f"--database: {exc}") from None
        try:
            if url.startswith(("postgres://", "postgresql://")):
                ensure_postgres_database(url)
            use_bench_database(url)
        except (ValueError, OSError) as exc:
            raise CommandError(f"--database {options['database']}: {exc}") from None
        except Exception as exc:  # psycopg's and Django's connection errors: one line, no traceback
            raise CommandError(f"--database {options['database']}: cannot open {url}: {exc}") from None

        self.stdout.write(f"bench database: {url}")
        started = time.perf_counter()
        # django-tasks-db's migration 0016 updates its table through the default database whatever
        # database is being migrated: the default one must hold that table before the bench one is
        # migrated (on a fresh machine it does not, and the bench stopped with "no such table").
        call_command("migrate", database=DEFAULT_DB_ALIAS, interactive=False, verbosity=0)
        call_command("migrate", database=BENCH_ALIAS, interactive=False, verbosity=0)
        migrate_seconds = time.perf_counter() - started
        connection = connections[BENCH_ALIAS]
        if options["supervision_only"]:
            self._supervision(url, connection)
            return
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:  # a throwaway database: no fsync while filling it
                cursor.execute("PRAGMA synchronous=OFF")
        self.stdout.write(
            f"generating {options['units']:,} units, {options['tasks']:,} tasks, {options['reports']:,} reports …"
        )
        try:
            result = generate_ledger(
                units=options["units"],
                tasks=options["tasks"],
                reports=options["reports"],
                policies=options["policies"],
                seed=options["seed"],
                using=BENCH_ALIAS,
                force=options["force"],
                progress=self.stdout.write,
            )
        except BenchDataExists as exc:
            raise CommandError(str(exc).replace("force=True (--force)", "--force")) from None
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        started = time.perf_counter()
        _maintain(connection)
        analyze_seconds = time.perf_counter() - started

        for label, count in sorted(result.counts.items()):
            self.stdout.write(f"  {label:<28} {count:>12,}")
        self.stdout.write(
            self.style.SUCCESS(
                f"generated in {result.total_seconds:.1f} s (migrate {migrate_seconds:.1f} s, "
                f"analyze {analyze_seconds:.1f} s) on {result.database}"
            )
        )
        if not options["no_supervision"]:
            self._supervision(url, connection)
        self.stdout.write(
            f"now run: taizhang bench web-{connection.vendor.replace('postgresql', 'postgres')}"
        )

    def _supervision(self, url: str, connection: Any) -> None:
        """Colours, judgements, notices and portal settings on the ledger (a child process)."""
        self.stdout.write("computing colours and publishing policies to the portal …")
        started = time.perf_counter()
        connection.close()  # SQLite: the child writes to the same file
        try:
            prepare_bench_supervision(url, self.stdout.write)
        except RuntimeError as exc:
            raise CommandError(str(exc)) from None
        _maintain(connection)
        self.stdout.write(self.style.SUCCESS(f"supervision data in {time.perf_counter() - started:.1f} s"))


def _maintain(connection: Any) -> None:
    """Statistics for the query planner and, on PostgreSQL, the visibility map (VACUUM), as a live
    system's autovacuum keeps them; counts and index-only scans depend on it."""
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE)" if connection.vendor == "postgresql" else "ANALYZE")
