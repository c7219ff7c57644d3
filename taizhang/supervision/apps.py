from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _refresh(sender: Any, task_ids: list[int], now: Any = None, **kwargs: Any) -> None:
    from .status import refresh_statuses

    refresh_statuses(task_ids, now)


class SupervisionConfig(AppConfig):
    name = "taizhang.supervision"
    label = "supervision"
    verbose_name = _("Supervision")
    # Its part of a person's open work, for the administrator (accounts.access.open_work).
    open_work_of = "taizhang.supervision.access.open_work_of"
    # What it adds to the ledger's pages (ledger.parts.page_part): colours and notices.
    ledger_page_parts = "taizhang.supervision.ledger_parts"

    def ready(self) -> None:
        from taizhang.ledger.signals import tasks_changed_signal

        # Every action that changes a fact the status rules read refreshes the stored colour.
        tasks_changed_signal.connect(_refresh, dispatch_uid="supervision.refresh_statuses")
