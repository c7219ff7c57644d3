"""Web benches of ``taizhang bench``: the ledger's pages and API timed on the province-sized ledger.

``web-sqlite`` and ``web-postgres`` time, with Django's test client, the task list, a task page,
a unit's inbox and the API's task list, as the supervisor and as the officer of the busiest unit,
then the supervisor's dashboard (all policies and one policy), his work queues and the public
portal's home page (anonymous): p50 and p95 of 50 requests after a warm-up, and the SQL queries
of one request for a short and a long page (the count must not grow with the rows shown). The
ledger's pages aim at a p95 under 150 ms, the supervision pages and the portal under 200 ms. They need a bench database made by
``taizhang benchdata --database sqlite|postgres``; without one they skip at once and say how to
make it, so ``make bench`` stays quick.

Each bench runs in a child process (``python -m taizhang.devtools.webbench URL``) whose
``DATABASE_URL`` is the bench database: the ``taizhang bench`` process itself never configures
Django, and the two databases never meet in one process. The child keeps connections open between
requests (``CONN_MAX_AGE``) and runs with ``DEBUG`` off, as a server would.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from taizhang.extract.bench import BenchOptions, BenchSkipped, Figure, child_figures, register

__all__ = [
    "BENCH_ALIAS",
    "bench_database_url",
    "ensure_postgres_database",
    "use_bench_database",
    "bench_web",
    "prepare_bench_supervision",
    "missing_bench_data",
]

BENCH_ALIAS = "bench"
DEFAULT_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/taizhang_bench"
REQUESTS = 50  # timed requests per page and person
WARM_UP = 5
GOAL_P95_MS = 150.0
SUPERVISION_GOAL_P95_MS = 200.0  # the dashboard, the queues and the portal home (issue 4)


def _var_dir() -> Path:
    from taizhang import settings as project_settings  # the module only: Django stays unconfigured

    return Path(project_settings.VAR_DIR)


def bench_database_url(name: str) -> str:
    """The URL of the bench database ``name``: ``sqlite`` (var/bench/bench.sqlite3), ``postgres``
    (``TAIZHANG_BENCH_POSTGRES_URL`` or taizhang_bench on 127.0.0.1) or a database URL as given."""
    if name == "sqlite":
        folder = _var_dir() / "bench"
        folder.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{folder / 'bench.sqlite3'}"
    if name in ("postgres", "postgresql"):
        return os.environ.get("TAIZHANG_BENCH_POSTGRES_URL", DEFAULT_POSTGRES_URL)
    if re.match(r"^[a-z][a-z0-9+.-]*://", name):
        return name
    raise ValueError(f"{name!r}: expected sqlite, postgres or a database URL (postgres://…, sqlite:///…)")


def _parse(url: str) -> dict[str, Any]:
    import dj_database_url

    return dict(dj_database_url.parse(url))


def ensure_postgres_database(url: str) -> None:
    """Create the PostgreSQL database of ``url`` when it does not exist yet (ValueError when the
    server cannot be reached)."""
    import psycopg
    from psycopg import sql

    db = _parse(url)
    params: dict[str, Any] = {
        "host": db.get("HOST") or "127.0.0.1",
        "port": db.get("PORT") or 5432,
        "user": db.get("USER") or "postgres",
        "password": db.get("PASSWORD") or None,
        "connect_timeout": 5,
    }
    try:
        with psycopg.connect(dbname="postgres", autocommit=True, **params) as conn:
            found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (db["NAME"],)).fetchone()
            if not found:
                conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(db["NAME"])))
    except psycopg.Error as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ValueError(f"cannot reach PostgreSQL at {params['host']}:{params['port']}: {reason}") from None


def use_bench_database(url: str) -> None:
    """Make ``url`` Django's database alias ``bench`` in this process (Django must be configured).

    Refuses (ValueError) the application's own database, which ``--force`` would empty.
    """
    from django.conf import settings
    from django.db import connections

    config = _parse(url)
    default = settings.DATABASES["default"]
    if all(config.get(k) == default.get(k) for k in ("ENGINE", "NAME", "HOST", "PORT")):
        raise ValueError(f"{url} is the application's own database; the bench needs a database of its own")
    if config["ENGINE"].endswith("sqlite3"):
        Path(config["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    configured = connections.configure_settings({"default": dict(default), BENCH_ALIAS: config})[BENCH_ALIAS]
    if BENCH_ALIAS in connections.settings:
        connections[BENCH_ALIAS].close()
        del connections[BENCH_ALIAS]
    connections.settings[BENCH_ALIAS] = configured
    settings.DATABASES[BENCH_ALIAS] = configured


def _child_env(url: str) -> dict[str, str]:
    env = dict(os.environ, DATABASE_URL=url, DEBUG="0", SECURE_SSL_REDIRECT="0", CONN_MAX_AGE="600")
    env.setdefault("DJANGO_SETTINGS_MODULE", "taizhang.settings")
    env.setdefault("SECRET_KEY", secrets.token_urlsafe(50))  # a server's settings need one; any will do here
    return env


def prepare_bench_supervision(url: str, say: Callable[[str], None]) -> None:
    """Run :func:`taizhang.devtools.benchdata.prepare_supervision` on the bench database ``url`` in a
    child process (the status job works on the default database); its lines go to ``say``.
    RuntimeError when it fails."""
    with subprocess.Popen(
        [sys.executable, "-m", "taizhang.devtools.webbench", url, "--prepare"],
        env=_child_env(url),
        stdout=subprocess.PIPE,
        text=True,
    ) as child:
        assert child.stdout is not None
        for line in child.stdout:
            say(line.rstrip("\n"))
        returncode = child.wait(timeout=3600)
    if returncode != 0:
        raise RuntimeError(f"computing the colours on {url} failed (exit status {returncode}); see above")


# ---------------------------------------------------------------------------------------------
# The benches, as ``taizhang bench`` runs them


def missing_bench_data(url: str) -> str | None:
    """Why the bench database at ``url`` cannot be benched (None when it holds a ledger)."""
    db = _parse(url)
    query = "SELECT 1 FROM ledger_task LIMIT 1"
    if db["ENGINE"].endswith("sqlite3"):
        import sqlite3

        if not Path(db["NAME"]).is_file():
            return f"no bench database at {db['NAME']}"
        try:
            with sqlite3.connect(f"file:{db['NAME']}?mode=ro", uri=True) as conn:
                row = conn.execute(query).fetchone()
        except sqlite3.Error as exc:
            return f"{db['NAME']}: {exc}"
    else:
        import psycopg

        try:
            with psycopg.connect(url, connect_timeout=3) as conn:
                row = conn.execute(query).fetchone()
        except psycopg.Error as exc:
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            return f"{db.get('NAME')}: {reason}"
    return None if row else f"{db.get('NAME')}: the ledger is empty"


def bench_web(database: str, options: BenchOptions) -> list[Figure]:
    """Time the pages on the bench database ``database`` (sqlite, postgres or a URL) in a child
    process; BenchSkipped, saying how to make it, when there is no bench data."""
    url = bench_database_url(database)
    why = missing_bench_data(url)
    if why is not None:
        raise BenchSkipped(f"{why}; generate it with: taizhang benchdata --database {database}")
    requests = max(REQUESTS, options.runs)
    return child_figures(
        ["taizhang.devtools.webbench", url, "--requests", str(requests)],
        _child_env(url),
        f"the web bench on {database}",
    )


@register("web-sqlite", "task list, task page, inbox, API on the SQLite bench ledger (taizhang benchdata)")
def bench_web_sqlite(options: BenchOptions) -> list[Figure]:
    """The pages on the SQLite bench database."""
    return bench_web("sqlite", options)


@register(
    "web-postgres", "task list, task page, inbox, API on the PostgreSQL bench ledger (taizhang benchdata)"
)
def bench_web_postgres(options: BenchOptions) -> list[Figure]:
    """The pages on the PostgreSQL bench database."""
    return bench_web("postgres", options)


# ---------------------------------------------------------------------------------------------
# The child process: Django configured on the bench database


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    return statistics.quantiles(ordered, n=100, method="inclusive")[int(q) - 1]


def _always(url: str) -> Callable[[int], str]:
    """The same URL for every request of a timing."""
    return lambda i: url


class _Measurer:
    """Times pages for named people and counts their queries; collects the figures."""

    def __init__(self, requests: int) -> None:
        import random

        from django.test import Client

        self.requests = requests
        self.figures: list[tuple[str, float, str]] = []
        self.rng = random.Random(7)
        self._client_class = Client
        self._clients: dict[int | None, Any] = {}
        self.p95s: list[float] = []
        self.goal_of: dict[str, float] = {}  # page -> its own p95 goal (else GOAL_P95_MS)
        self.p95_by_goal: dict[float, list[float]] = {}

    def client(self, user: Any) -> Any:
        """A client signed in as ``user``; an anonymous visitor's when ``user`` is None."""
        key = None if user is None else user.pk
        if key not in self._clients:
            client = self._client_class()
            if user is not None:
                client.force_login(user)
            self._clients[key] = client
        return self._clients[key]

    def url(self, page: str, name: str, *args: Any) -> str | None:
        from django.urls import NoReverseMatch, reverse

        try:
            return reverse(name, args=args)
        except NoReverseMatch:
            self.figures.append((f"{page}: URL {name} missing", 0, "(not built yet)"))
            return None

    def get(self, user: Any, url: str) -> tuple[Any, int]:
        """One request; the response and its number of SQL queries."""
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            response = self.client(user).get(url, secure=True)
        return response, len(queries.captured_queries)

    def time_page(self, page: str, who: str, user: Any, urls: Callable[[int], str]) -> None:
        """p50/p95 of ``requests`` requests (``urls(i)`` gives the i-th), after a warm-up."""
        for i in range(WARM_UP):
            response, _ = self.get(user, urls(i))
            if response.status_code != 200:
                self.figures.append((f"{page} as {who}: HTTP {response.status_code}", 0, "(error)"))
                print(f"  {page} as {who}: {urls(i)} answered {response.status_code}", file=sys.stderr)
                return
        times: list[float] = []
        counts: list[int] = []
        for i in range(self.requests):
            url = urls(WARM_UP + i)
            start = time.perf_counter()
            response, n = self.get(user, url)
            times.append((time.perf_counter() - start) * 1000)
            counts.append(n)
            if response.status_code != 200:
                self.figures.append((f"{page} as {who}: HTTP {response.status_code} at {url}", 0, "(error)"))
                return
        p95 = _percentile(times, 95)
        goal = self.goal_of.get(page, GOAL_P95_MS)
        if goal == GOAL_P95_MS:
            self.p95s.append(p95)
        self.p95_by_goal.setdefault(goal, []).append(p95)
        self.figures += [
            (f"{page} as {who}: p50", round(statistics.median(times), 1), "ms"),
            (f"{page} as {who}: p95", round(p95, 1), "ms"),
            (f"{page} as {who}: queries per request", max(counts), ""),
        ]

    def count_queries(
        self, page: str, cases: list[tuple[str, Any, str]], rows: Callable[[Any], int] | None = None
    ) -> None:
        """Queries of one request for each (label, user, url): the short page and the long one."""
        for label, user, url in cases:
            self.get(user, url)  # warm: the figures are about the page, not first-use caches
            response, n = self.get(user, url)
            if response.status_code != 200:
                self.figures.append((f"{page} ({label}): HTTP {response.status_code}", 0, "(error)"))
                continue
            shown = f", {rows(response)} rows" if rows is not None else ""
            self.figures.append((f"{page} queries{shown} ({label})", n, "queries"))


def _measure(requests: int) -> list[tuple[str, float, str]]:
    from django.db import connection
    from django.db.models import Count
    from django.urls import reverse

    from taizhang.accounts.models import Membership, Role
    from taizhang.ledger.models import ProgressReport, Task
    from taizhang.units.models import Unit

    m = _Measurer(requests)
    n_tasks = Task.objects.count()
    m.figures += [
        (f"database: {connection.vendor}, tasks", n_tasks, ""),
        ("progress reports", ProgressReport.objects.count(), ""),
        ("units", Unit.objects.count(), ""),
    ]
    supervisor = Membership.objects.filter(role=Role.SUPERVISOR).select_related("user").first()
    officers = {
        ms.unit_id: ms.user for ms in Membership.objects.filter(role=Role.UNIT_OFFICER).select_related("user")
    }
    if supervisor is None or not officers:
        raise RuntimeError("the bench database has no supervisor or no unit officer: run taizhang benchdata")
    load = (
        Unit.objects.filter(id__in=list(officers))
        .annotate(n=Count("assignments"))
        .filter(n__gt=0)
        .values_list("id", "n")
    )
    by_load = sorted(load, key=lambda row: row[1])
    busy_unit, busy_n = by_load[-1]
    small_unit, _ = by_load[0]
    # A unit whose last page of 50 is short (about 10 rows): the same page with few rows.
    short_unit, _ = min(by_load, key=lambda row: (row[1] % 50 == 0, abs(row[1] % 50 - 10)))
    boss = supervisor.user
    busy, small, short = officers[busy_unit], officers[small_unit], officers[short_unit]
    m.figures.append((f"busiest unit's tasks (officer {busy.username})", busy_n, ""))

    detail_re = _detail_link_re(reverse)

    def html_rows(response: Any) -> int:
        return len(set(detail_re.findall(response.content.decode("utf-8", "replace"))))

    def api_rows(response: Any) -> int:
        data = response.json()
        return len(data["results"] if isinstance(data, dict) and "results" in data else data)

    # The task list
    url = m.url("task list", "ledger:task_list")
    if url is not None:
        m.time_page("task list", "supervisor", boss, _always(url))
        m.time_page("task list", "busy unit officer", busy, _always(url))
        m.count_queries(
            "task list",
            [("a short last page", short, f"{url}?page=999999"), ("busy unit officer", busy, url)],
            html_rows,
        )

    # The task list filtered on 序时进度 (issue 11): read from the stored, indexed schedule
    url = m.url("task list, behind schedule", "ledger:task_list")
    if url is not None:
        behind = f"{url}?schedule=behind"
        m.time_page("task list ?schedule=behind", "supervisor", boss, lambda i: behind)
        m.time_page("task list ?schedule=behind", "busy unit officer", busy, lambda i: behind)

    # A task page, random tasks
    if m.url("task page", "ledger:task_detail", 1) is not None:
        any_ids = list(Task.objects.order_by("?").values_list("id", flat=True)[: requests + WARM_UP])
        own_ids = list(Task.objects.visible_to(busy).values_list("id", flat=True))
        m.rng.shuffle(own_ids)

        def task_url(ids: list[int]) -> Callable[[int], str]:
            return lambda i: reverse("ledger:task_detail", args=[ids[i % len(ids)]])

        m.time_page("task page", "supervisor", boss, task_url(any_ids))
        if own_ids:
            m.time_page("task page", "busy unit officer", busy, task_url(own_ids))
        report_counts = (
            Task.objects.annotate(n=Count("reports")).filter(n__gt=0).order_by("n").values_list("id", "n")
        )
        fewest = report_counts.first()
        most = report_counts.last()
        if fewest and most:
            m.count_queries(
                "task page",
                [
                    (f"{fewest[1]} reports", boss, reverse("ledger:task_detail", args=[fewest[0]])),
                    (f"{most[1]} reports", boss, reverse("ledger:task_detail", args=[most[0]])),
                ],
            )

    # The unit's inbox
    url = m.url("inbox", "ledger:inbox")
    if url is not None:
        m.time_page("inbox", "busy unit officer", busy, _always(url))
        m.count_queries(
            "inbox", [("small unit officer", small, url), ("busy unit officer", busy, url)], html_rows
        )

    # The API's task list
    url = m.url("API task list", "api:task-list")
    if url is not None:
        m.time_page("API task list", "supervisor", boss, _always(url))
        m.time_page("API task list", "busy unit officer", busy, _always(url))
        m.count_queries(
            "API task list",
            [("limit=10", boss, f"{url}?limit=10"), ("limit=50", boss, f"{url}?limit=50")],
            api_rows,
        )

    if m.p95s:
        met = sum(1 for p in m.p95s if p < GOAL_P95_MS)
        m.figures.append((f"p95 under {GOAL_P95_MS:.0f} ms", met, f"of {len(m.p95s)} timed pages"))

    _measure_supervision(m, boss)
    return m.figures


def _measure_supervision(m: _Measurer, boss: Any) -> None:
    """The supervisor's dashboard (all policies, then one random policy at a time), his work
    queues and the portal's home page for an anonymous visitor; the goal is a p95 under 200 ms."""
    from django.db.models import Count

    from taizhang.policies.models import Policy

    for page in ("dashboard", "dashboard of a policy", "work queues", "portal home"):
        m.goal_of[page] = SUPERVISION_GOAL_P95_MS
    statuses, public = _supervision_data()
    m.figures += [("tasks with a computed colour", statuses, ""), ("public policies", public, "")]
    if not statuses or not public:
        print(
            "  the bench ledger has no colours or no public policy: the dashboard and the portal show "
            "little; run: taizhang benchdata --database … --supervision-only",
            file=sys.stderr,
        )

    url = m.url("dashboard", "monitoring:dashboard")
    if url is not None:
        m.time_page("dashboard", "supervisor", boss, _always(url))
        sizes = list(
            Policy.objects.annotate(n=Count("tasks"))
            .filter(n__gt=0)
            .order_by("n", "pk")
            .values_list("pk", "n")
        )
        if sizes:
            ids = [pk for pk, _ in sizes]
            m.rng.shuffle(ids)
            m.time_page(
                "dashboard of a policy", "supervisor", boss, lambda i: f"{url}?policy={ids[i % len(ids)]}"
            )
            (small, n_small), (big, n_big) = sizes[0], sizes[-1]
            m.count_queries(
                "dashboard",
                [
                    (f"policy of {n_small} tasks", boss, f"{url}?policy={small}"),
                    (f"policy of {n_big} tasks", boss, f"{url}?policy={big}"),
                    ("all policies", boss, url),
                ],
            )

    url = m.url("work queues", "supervision:queues")
    if url is not None:
        m.time_page("work queues", "supervisor", boss, _always(url))

    url = m.url("portal home", "portal:home")
    if url is not None:
        m.time_page("portal home", "anonymous visitor", None, _always(url))
        m.count_queries("portal home", [(f"{public} public policies", None, url)])

    timed = m.p95_by_goal.get(SUPERVISION_GOAL_P95_MS, [])
    if timed:
        met = sum(1 for p in timed if p < SUPERVISION_GOAL_P95_MS)
        m.figures.append(
            (
                f"supervision and portal p95 under {SUPERVISION_GOAL_P95_MS:.0f} ms",
                met,
                f"of {len(timed)} timed pages",
            )
        )


def _supervision_data() -> tuple[int, int]:
    """How many tasks have a computed colour and how many policies are public (0 when the apps
    are not installed)."""
    from django.apps import apps

    try:
        status = apps.get_model("supervision", "TaskStatus")
        publication = apps.get_model("portal", "PublicationSettings")
    except LookupError:
        return 0, 0
    return status.objects.count(), publication.objects.filter(is_public=True).count()


def _detail_link_re(reverse: Callable[..., str]) -> re.Pattern[str]:
    """Links to task pages in a page: /tasks/123/ as the URLconf writes them."""
    sample = (
        reverse("ledger:task_detail", args=[987654321])
        if _has_url("ledger:task_detail")
        else "/tasks/987654321/"
    )
    head, tail = sample.split("987654321")
    # matches: href="/tasks/42/"; must not match: href="/tasks/42/edit/" (another page of the task)
    return re.compile(re.escape(head) + r"(\d+)" + re.escape(tail) + r'"')


def _has_url(name: str) -> bool:
    from django.urls import NoReverseMatch, reverse

    try:
        reverse(name, args=[1])
    except NoReverseMatch:
        return False
    return True


def _collect_static() -> None:
    """The pages run as a server runs them (DEBUG off): their static files are named through
    whitenoise's manifest, which ``collectstatic`` writes; without it every page fails."""
    from django.conf import settings
    from django.core.management import call_command

    if not (Path(settings.STATIC_ROOT) / "staticfiles.json").exists():
        call_command("collectstatic", interactive=False, verbosity=0)


def _child(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m taizhang.devtools.webbench")
    parser.add_argument("url", help="the bench database (the same as DATABASE_URL)")
    parser.add_argument("--requests", type=int, default=REQUESTS)
    parser.add_argument(
        "--prepare", action="store_true", help="compute the colours and publish policies (benchdata)"
    )
    options = parser.parse_args(argv)
    if os.environ.get("DATABASE_URL") != options.url:
        print(
            "error: run through `taizhang bench web-…`, which sets DATABASE_URL to the bench database",
            file=sys.stderr,
        )
        return 2
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "taizhang.settings")
    import django

    django.setup()
    if options.prepare:
        from taizhang.devtools.benchdata import prepare_supervision

        result = prepare_supervision(progress=lambda line: print(line, flush=True))
        colours = ", ".join(f"{c} {n:,}" for c, n in sorted(result.colours.items()))
        print(f"  colours: {colours}")
        print(
            f"  judgements: {result.judged:,}, supervision notices: {result.notices:,}, "
            f"public policies: {result.public_policies:,}"
        )
        return 0
    _collect_static()
    figures = _measure(max(1, options.requests))
    print(json.dumps({"figures": figures}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(_child(sys.argv[1:]))
