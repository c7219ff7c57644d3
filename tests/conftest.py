"""Shared fixtures: the named cast (taizhang/devtools/builders.py) and a published sample policy."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import settings

# Property tests judge what is computed, never how long it takes: on a loaded machine (CI beside
# other work) Hypothesis's default 200 ms deadline per example failed runs that were right. Timing
# is measured by `make bench`, not by tests.
settings.register_profile("taizhang", deadline=None)
settings.load_profile("taizhang")


@pytest.fixture
def cast(db: Any) -> Any:
    from taizhang.devtools.builders import make_cast

    return make_cast()


@pytest.fixture
def policy(cast: Any) -> Any:
    """The sample task table, imported and published by sam: task 1 led by A with B helping,
    task 2 led by B, task 3 led by a third unit with A helping."""
    from taizhang.devtools.builders import make_policy

    return make_policy(cast.sam)


@pytest.fixture
def tasks(policy: Any) -> list[Any]:
    return list(policy.tasks.order_by("order"))


@pytest.fixture(autouse=True)
def _web_test_settings(request: Any, tmp_path: Any) -> None:
    """Uploaded files of a test go to its own temporary folder; passwords hash fast."""
    if (
        "settings" in request.fixturenames
        or request.node.get_closest_marker("django_db")
        or "db" in request.fixturenames
    ):
        settings = request.getfixturevalue("settings")
        settings.MEDIA_ROOT = str(tmp_path / "media")
        settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    """Each test starts with an empty cache: the local-memory cache outlives a test, and SQLite
    may give a rolled-back test's ids again, so figures cached under the ledger's stamp
    (taizhang/supervision/stamp.py) must not leak from one test into the next."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def run_jobs(db: Any, monkeypatch: Any) -> Any:
    """Drain the job queue as the worker does: the engine's own ``db_worker`` loop in batch mode,
    in this process, on the test's database connection (its check for stale connections, which
    would close the test's transaction, is skipped). Returns how many tasks it ran."""
    from django_tasks_db.management.commands import db_worker

    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    def drain() -> int:
        worker = db_worker.Worker(
            queue_names=["*"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id="tests",
            excluded_queue_names=[],
        )
        worker.run()
        return worker._run_tasks

    return drain
