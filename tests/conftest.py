"""Shared fixtures: the named cast (taizhang/devtools/builders.py) and a published sample policy."""

from __future__ import annotations

from typing import Any

import pytest


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
