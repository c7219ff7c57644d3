"""``tasks_changed``: the one hook every action calls when it changes a fact the status rules read.

The facts are the ledger's (deadline, progress, status, lead units, reports, extension requests)
and supervision's (notices). The ledger does not import supervision: the supervision app connects
its refresh (``supervision.status.refresh_statuses``) to :data:`tasks_changed_signal` when it
starts, so the stored colour and schedule of the touched tasks move in the same transaction as
the change, and the dashboard, task list, supervision page and API agree at once.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable
from typing import Any, ParamSpec, TypeVar

from django.db import transaction
from django.dispatch import Signal

__all__ = ["tasks_changed", "tasks_changed_signal", "refreshes"]

tasks_changed_signal = Signal()  # sent with task_ids (a sorted list) and now (None: the clock)

P = ParamSpec("P")
R = TypeVar("R")


def tasks_changed(task_ids: Iterable[int | None], now: dt.datetime | None = None) -> None:
    """Refresh whatever is derived from the facts of ``task_ids`` (ids of deleted tasks and None are
    skipped by the receivers). Call it inside the transaction that changed them."""
    ids = sorted({pk for pk in task_ids if pk is not None})
    if ids:
        tasks_changed_signal.send(sender=None, task_ids=ids, now=now)


def refreshes(
    touched: Callable[[tuple[Any, ...], dict[str, Any], Any], Iterable[int | None]],
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Run the decorated action in a transaction that ends with :func:`tasks_changed` on the ids
    ``touched(args, kwargs, result)`` names."""

    def decorate(action: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(action)
        def run(*args: P.args, **kwargs: P.kwargs) -> R:
            with transaction.atomic():
                result = action(*args, **kwargs)
                tasks_changed(touched(args, kwargs, result))
            return result

        return run

    return decorate


def task_arg(args: tuple[Any, ...], kwargs: dict[str, Any], result: Any) -> list[int | None]:
    """The task passed second (after the user)."""
    return [args[1].pk]


def task_of_arg(args: tuple[Any, ...], kwargs: dict[str, Any], result: Any) -> list[int | None]:
    """The task of the report or extension request passed second."""
    return [args[1].task_id]


def result_tasks(args: tuple[Any, ...], kwargs: dict[str, Any], result: Any) -> list[int | None]:
    """The task (or tasks) the action returns."""
    items = result if isinstance(result, list | tuple) else [result]
    return [getattr(item, "pk", None) for item in items]
