"""What supervision adds to the ledger's pages: the task list's filter by colour, a task's
supervision notices (督办单) and the notices a unit must answer in its inbox.

The ledger sits below supervision and imports nothing of it: its views ask for these through
``ledger.parts.page_part(name)``, which finds this module by ``SupervisionConfig.ledger_page_parts``.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet

from taizhang.ledger.models import AssignmentRole, Task, TaskAssignment, TaskStatus

from .access import can_answer_supervision_notice
from .models import SupervisionNotice, SupervisionNoticeState
from .models import TaskStatus as Computed

__all__ = ["colour_filter", "task_notices", "notices_to_answer"]


def colour_filter(colour: str) -> Q:
    """Tasks of one colour (红黄绿灯) as the dashboards count them: closed tasks are ``closed``, the
    others take their computed colour, green until it is computed; drafts have none."""
    if colour == "closed":
        return Q(status=TaskStatus.CLOSED)
    if colour == "green":
        rag = Q(rag__colour=colour) | Q(rag__isnull=True)
    else:  # a semi-join the database may start from the colour's index
        rag = Q(Exists(Computed.objects.filter(task=OuterRef("pk"), colour=colour)))
    return rag & ~Q(status__in=(TaskStatus.CLOSED, TaskStatus.DRAFT))


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
