"""What supervision adds to the ledger's pages: a task's
supervision notices (督办单) and the notices a unit must answer in its inbox.

The ledger sits below supervision and imports nothing of it: its views ask for these through
``ledger.parts.page_part(name)``, which finds this module by ``SupervisionConfig.ledger_page_parts``.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, QuerySet

from taizhang.ledger.models import AssignmentRole, Task, TaskAssignment

from .access import can_answer_supervision_notice
from .models import SupervisionNotice, SupervisionNoticeState

__all__ = ["task_notices", "notices_to_answer"]


def task_notices(user: Any, task: Task) -> list[Any]:
    """The task's supervision notices (督办单) the person may read, each saying whether he answers it."""
    notices = list(SupervisionNotice.objects.visible_to(user).filter(task=task).order_by("-issued_at", "-pk"))
    for notice in notices:
        notice.task = task
        notice.can_answer = can_answer_supervision_notice(user, notice)
    return notices


def notices_to_answer(unit_id: int) -> QuerySet[Any]:
    """Open supervision notices (督办单) on tasks the unit leads: its people answer them."""
    leads = TaskAssignment.objects.filter(task=OuterRef("task_id"), unit_id=unit_id, role=AssignmentRole.LEAD)
    return SupervisionNotice.objects.filter(Exists(leads), status=SupervisionNoticeState.OPEN)
