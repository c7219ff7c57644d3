"""The ``import-review`` benches of ``taizhang bench``: a real-sized plan imported, then reviewed.

The plan is the largest seed document (``--seeds``: the Luohu five-year industry plan, 64 KB
and 289 tasks) or, without seeds, a generated one of the same size (``generate_document``). A
child process (``python -m taizhang.devtools.import_bench URL PLAN``) migrates a scratch database of
its own (a temporary SQLite file, or the PostgreSQL database ``taizhang_bench_import``, made
afresh), imports the plan as the supervisor (best and median of a few imports, the duplicate
check included: each run's file differs by a trailing blank line), times its review screen (the
first page of tasks, the metrics, the whole source: p50 and p95 of 20 requests after a warm-up,
with the page's size and SQL queries) and a second import of the same file (refused). Goals:
import under 1 s, review page under 0.5 s. The PostgreSQL bench runs where the web benches'
PostgreSQL ledger was made (``taizhang benchdata --database postgres``), and skips otherwise.
"""

from __future__ import annotations

import json
import os
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from taizhang.extract.bench import (
    BenchOptions,
    BenchSkipped,
    Figure,
    child_figures,
    generate_document,
    register,
)

__all__ = ["bench_import_review_sqlite", "bench_import_review_postgres", "plan_for"]

IMPORTS = 5  # at most (fewer with --runs below it)
REQUESTS = 20
WARM_UP = 3
PLAN_BYTES = 64 * 1024
POSTGRES_DATABASE = "taizhang_bench_import"


def plan_for(options: BenchOptions, folder: Path) -> Path:
    """The plan to import: the largest seed .txt, else a generated 64 KB plan written to ``folder``."""
    if options.seeds is not None and options.seeds.is_dir():
        seeds = sorted(options.seeds.glob("*.txt"), key=lambda p: p.stat().st_size)
        if seeds:
            return seeds[-1]
    path = folder / "generated-plan.txt"
    path.write_text(generate_document(PLAN_BYTES), encoding="utf-8")
    return path


def _run(url: str, options: BenchOptions, var_dir: Path) -> list[Figure]:
    plan = plan_for(options, var_dir)
    env = dict(
        os.environ,
        DATABASE_URL=url,
        DEBUG="0",
        SECURE_SSL_REDIRECT="0",
        CONN_MAX_AGE="600",
        TAIZHANG_VAR_DIR=str(var_dir),
        DJANGO_SETTINGS_MODULE="taizhang.settings",
    )
    env.setdefault("SECRET_KEY", secrets.token_urlsafe(50))  # a server's settings need one; any will do here
    imports, requests = min(IMPORTS, max(1, options.runs)), min(REQUESTS, max(3, options.runs))
    return child_figures(
        ["taizhang.devtools.import_bench", url, str(plan), str(imports), str(requests)],
        env,
        "the import-review bench",
    )


@register(
    "import-review", "import of a 64 KB, 289-task plan and its review screen, on a scratch SQLite database"
)
def bench_import_review_sqlite(options: BenchOptions) -> list[Figure]:
    """The import and the review screen on a temporary SQLite database."""
    with tempfile.TemporaryDirectory(prefix="taizhang-import-bench-") as folder:
        return _run(f"sqlite:///{Path(folder) / 'bench.sqlite3'}", options, Path(folder))


@register(
    "import-review-postgres",
    f"the same on PostgreSQL (scratch database {POSTGRES_DATABASE}; where the web benches' PostgreSQL ledger is)",
)
def bench_import_review_postgres(options: BenchOptions) -> list[Figure]:
    """The import and the review screen on a scratch PostgreSQL database, on the server of the
    PostgreSQL bench ledger (skipped, as the web benches are, until it is made)."""
    from taizhang.devtools.webbench import bench_database_url, ensure_postgres_database, missing_bench_data

    base = bench_database_url("postgres")
    why = missing_bench_data(base)
    if why is not None:
        raise BenchSkipped(f"{why}; generate it with: taizhang benchdata --database postgres")
    url = base.rsplit("/", 1)[0] + "/" + POSTGRES_DATABASE
    try:
        _drop_postgres_database(url)
        ensure_postgres_database(url)
    except ValueError as exc:
        raise BenchSkipped(str(exc)) from None
    try:
        with tempfile.TemporaryDirectory(prefix="taizhang-import-bench-") as folder:
            return _run(url, options, Path(folder))
    finally:
        _drop_postgres_database(url)


def _drop_postgres_database(url: str) -> None:
    import dj_database_url
    import psycopg
    from psycopg import sql

    db: dict[str, Any] = dict(dj_database_url.parse(url))
    try:
        with psycopg.connect(
            dbname="postgres",
            host=db.get("HOST") or "127.0.0.1",
            port=db.get("PORT") or 5432,
            user=db.get("USER") or "postgres",
            password=db.get("PASSWORD") or None,
            autocommit=True,
            connect_timeout=5,
        ) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(db["NAME"])))
    except psycopg.Error as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ValueError(f"cannot reach PostgreSQL: {reason}") from None


# ---------------------------------------------------------------------------------------------
# The child process: Django configured on the scratch database


def _percentile(values: list[float], q: int) -> float:
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    return statistics.quantiles(ordered, n=100, method="inclusive")[q - 1]


def _measure(plan: Path, imports: int, requests: int) -> list[tuple[str, Any, str]]:
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from taizhang.devtools.builders import make_cast
    from taizhang.extract import extract
    from taizhang.ledger.policy_actions import DuplicateDocument, do_import_policy

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)  # a server's pages name hashed files
    cast = make_cast()
    data = plan.read_bytes()
    start = time.perf_counter()
    extraction = extract(data, name=plan.name)
    extract_s = time.perf_counter() - start
    figures: list[tuple[str, Any, str]] = [
        (f"{connection.vendor}: plan {plan.name}", round(len(data) / 1024, 1), "KB"),
        ("tasks", len(extraction.tasks), ""),
        ("metrics", len(extraction.metrics), ""),
        ("first extraction (cold: loads the word lists)", round(extract_s * 1000, 1), "ms"),
    ]
    times: list[float] = []
    policy: Any = None
    for n in range(imports):
        start = time.perf_counter()
        policy = do_import_policy(cast.sam, data=data + b"\n" * n, name=plan.name).policy
        times.append(time.perf_counter() - start)
    figures += [
        (f"import (extraction and database), best of {imports}", round(min(times) * 1000, 1), "ms"),
        (
            f"import, median of {imports} (goal: under 1000 ms)",
            round(statistics.median(times) * 1000, 1),
            "ms",
        ),
    ]
    start = time.perf_counter()
    try:
        do_import_policy(cast.sam, data=data, name="again-" + plan.name)
        refused = "NOT refused"
    except DuplicateDocument as exc:
        refused = f"refused, names policy {exc.policy.pk}"
    figures.append((f"same file again: {refused}", round((time.perf_counter() - start) * 1000, 1), "ms"))

    client = Client()
    client.force_login(cast.sam)
    url = reverse("policies:review", args=[policy.pk])
    pages = (
        ("review: tasks, first page", ""),
        ("review: metrics", "?show=metrics"),
        ("review: source", "?show=source"),
    )
    for label, query in pages:
        for _ in range(WARM_UP):
            client.get(url + query, secure=True)
        samples: list[float] = []
        for _ in range(requests):
            start = time.perf_counter()
            response = client.get(url + query, secure=True)
            samples.append(time.perf_counter() - start)
        if response.status_code != 200:
            figures.append((f"{label}: HTTP {response.status_code}", 0, "(error)"))
            continue
        with CaptureQueriesContext(connection) as queries:
            client.get(url + query, secure=True)
        figures += [
            (f"{label}: p50", round(statistics.median(samples) * 1000, 1), "ms"),
            (f"{label}: p95 (goal: under 500 ms)", round(_percentile(samples, 95) * 1000, 1), "ms"),
            (f"{label}: size", round(len(response.content) / 1024, 1), "KB"),
            (f"{label}: queries", len(queries.captured_queries), ""),
        ]
    return figures


def _child(argv: list[str]) -> int:
    if len(argv) != 4 or not argv[2].isdigit() or not argv[3].isdigit():
        print(
            "usage: python -m taizhang.devtools.import_bench DATABASE_URL PLAN IMPORTS REQUESTS",
            file=sys.stderr,
        )
        return 2
    url, plan, imports, requests = argv
    if os.environ.get("DATABASE_URL") != url:
        print("error: run through `taizhang bench import-review`, which sets DATABASE_URL", file=sys.stderr)
        return 2
    import django

    django.setup()
    figures = _measure(Path(plan), int(imports), int(requests))
    print(json.dumps({"figures": figures}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(_child(sys.argv[1:]))
