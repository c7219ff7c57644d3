"""Supervision notices (督办单): issue, answer, close, history, colour; and who may do each action.

Task 1 of the sample policy is led by unit A (amy, andy) with unit B (bob, ben) helping.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from taizhang.core.models import HistoryEntry
from taizhang.devtools.builders import make_policy
from taizhang.supervision import actions as S
from taizhang.supervision.models import Notice, SupervisionNotice, TaskStatus
from taizhang.supervision.status import refresh_statuses

pytestmark = pytest.mark.django_db

TZ = ZoneInfo("Asia/Shanghai")
PEOPLE = ["alice", "sam", "vera", "amy", "andy", "bob", "ben"]


def local(y: int, m: int, d: int, h: int = 9) -> dt.datetime:
    return dt.datetime(y, m, d, h, tzinfo=TZ)


@pytest.fixture
def published(cast: Any) -> list[Any]:
    with time_machine.travel(local(2025, 1, 10), tick=False):
        policy = make_policy(cast.sam)
    return list(policy.tasks.order_by("order"))


def _issue(cast: Any, task: Any, due: dt.date = dt.date(2025, 1, 20)) -> SupervisionNotice:
    return S.do_issue_supervision_notice(
        cast.sam, task, instruction="请于本周内报送整改方案", due_on=due, now=local(2025, 1, 15)
    )


class SupervisionNoticeFlowTestCase:
    def test_issuing_notifies_the_lead_unit_and_is_in_the_task_history(
        self, cast: Any, published: list[Any]
    ) -> None:
        notice = _issue(cast, published[0])
        assert notice.status == "open"
        people = set(
            Notice.objects.filter(kind="notice_issued").values_list("recipient__username", flat=True)
        )
        assert people == {"amy", "andy"}
        entry = HistoryEntry.objects.for_task(published[0].pk).get(action="issue_supervision_notice")
        assert entry.after["due_on"] == "2025-01-20" and entry.actor == cast.sam

    def test_the_unit_answers_and_the_supervisor_closes(self, cast: Any, published: list[Any]) -> None:
        notice = _issue(cast, published[0])
        S.do_answer_supervision_notice(cast.andy, notice, answer="已制定整改方案", now=local(2025, 1, 18))
        notice.refresh_from_db()
        assert (notice.status, notice.answered_by) == ("answered", cast.andy)
        assert Notice.objects.filter(kind="notice_answered", recipient=cast.sam).exists()
        S.do_close_supervision_notice(cast.sam, notice, note="同意", now=local(2025, 1, 19))
        notice.refresh_from_db()
        assert notice.status == "closed"
        actions = list(HistoryEntry.objects.for_task(published[0].pk).values_list("action", flat=True))
        assert actions[-3:] == [
            "issue_supervision_notice",
            "answer_supervision_notice",
            "close_supervision_notice",
        ]

    def test_an_unanswered_notice_past_its_due_date_turns_the_task_red(
        self, cast: Any, published: list[Any]
    ) -> None:
        _issue(cast, published[0])
        refresh_statuses([published[0].pk], local(2025, 1, 21))
        status = TaskStatus.objects.get(task=published[0])
        assert status.colour == "red" and "notice_unanswered" in status.reason_codes()

    def test_an_answered_notice_does_not(self, cast: Any, published: list[Any]) -> None:
        notice = _issue(cast, published[0])
        S.do_answer_supervision_notice(cast.amy, notice, answer="已落实", now=local(2025, 1, 19))
        refresh_statuses([published[0].pk], local(2025, 1, 21))
        assert "notice_unanswered" not in TaskStatus.objects.get(task=published[0]).reason_codes()

    def test_an_empty_instruction_or_a_past_due_date_is_refused_by_field(
        self, cast: Any, published: list[Any]
    ) -> None:
        with pytest.raises(ValidationError) as empty:
            S.do_issue_supervision_notice(cast.sam, published[0], instruction=" ", due_on=dt.date(2025, 2, 1))
        assert "instruction" in empty.value.message_dict
        with pytest.raises(ValidationError) as past:
            S.do_issue_supervision_notice(
                cast.sam, published[0], instruction="x", due_on=dt.date(2025, 1, 1), now=local(2025, 1, 15)
            )
        assert "due_on" in past.value.message_dict

    def test_a_notice_is_answered_once(self, cast: Any, published: list[Any]) -> None:
        notice = _issue(cast, published[0])
        S.do_answer_supervision_notice(cast.andy, notice, answer="已落实")
        with pytest.raises(ValidationError) as again:
            S.do_answer_supervision_notice(cast.amy, notice, answer="再次回复")
        assert "status" in again.value.message_dict

    def test_an_empty_answer_is_refused(self, cast: Any, published: list[Any]) -> None:
        notice = _issue(cast, published[0])
        with pytest.raises(ValidationError) as empty:
            S.do_answer_supervision_notice(cast.andy, notice, answer="")
        assert "answer" in empty.value.message_dict

    def test_a_draft_task_cannot_be_supervised(self, cast: Any) -> None:
        draft = make_policy(cast.sam, publish=False).tasks.first()
        with pytest.raises(ValidationError) as refused:
            S.do_issue_supervision_notice(cast.sam, draft, instruction="x", due_on=dt.date(2099, 1, 1))
        assert "task" in refused.value.message_dict


class JudgementTestCase:
    def test_the_supervisor_records_and_clears_a_judgement_with_history(
        self, cast: Any, published: list[Any]
    ) -> None:
        status = S.do_judge_task(cast.sam, published[0], judgement="unlikely", now=local(2025, 1, 20))
        assert (status.judgement, status.judged_by, status.colour) == ("unlikely", cast.sam, "green")
        cleared = S.do_judge_task(cast.sam, published[0], judgement="")
        assert cleared.judgement == "" and cleared.judged_by is None
        assert HistoryEntry.objects.for_task(published[0].pk).filter(action="judge_task").count() == 2

    def test_an_unknown_judgement_is_refused(self, cast: Any, published: list[Any]) -> None:
        with pytest.raises(ValidationError) as refused:
            S.do_judge_task(cast.sam, published[0], judgement="maybe")
        assert "judgement" in refused.value.message_dict


class RuleSettingsTestCase:
    def test_inconsistent_thresholds_are_refused_naming_the_field(
        self, cast: Any, published: list[Any]
    ) -> None:
        with pytest.raises(ValidationError) as refused:
            S.do_save_rule_settings(cast.sam, published[0].policy, {"returns_red": 1})
        assert "returns_red" in str(refused.value)

    def test_unknown_settings_are_refused(self, cast: Any, published: list[Any]) -> None:
        with pytest.raises(ValidationError, match="colour_blind"):
            S.do_save_rule_settings(cast.sam, published[0].policy, {"colour_blind": 1})

    def test_only_changed_values_are_stored_and_the_change_is_in_history(
        self, cast: Any, published: list[Any]
    ) -> None:
        policy = published[0].policy
        settings = S.do_save_rule_settings(cast.sam, policy, {"due_soon_days": 15, "stalled_cycles": 3})
        assert settings.values == {"stalled_cycles": 3}
        assert HistoryEntry.objects.filter(action="save_rule_settings", object_id=settings.pk).exists()


def _answer(cast: Any, tasks: list[Any], who: Any) -> Any:
    return S.do_answer_supervision_notice(who, _issue(cast, tasks[0], dt.date(2099, 1, 1)), answer="已落实")


def _close(cast: Any, tasks: list[Any], who: Any) -> Any:
    return S.do_close_supervision_notice(who, _issue(cast, tasks[0], dt.date(2099, 1, 1)))


# action -> (call(cast, tasks, who), people allowed); task 1 is led by A and helped by B.
ACTIONS: dict[str, tuple[Callable[[Any, list[Any], Any], Any], set[str]]] = {
    "issue_supervision_notice": (
        lambda c, t, u: S.do_issue_supervision_notice(u, t[0], instruction="x", due_on=dt.date(2099, 1, 1)),
        {"alice", "sam"},
    ),
    "answer_supervision_notice": (_answer, {"amy", "andy"}),
    "close_supervision_notice": (_close, {"alice", "sam"}),
    "judge_task": (lambda c, t, u: S.do_judge_task(u, t[0], judgement="likely"), {"alice", "sam"}),
    "save_rule_settings": (
        lambda c, t, u: S.do_save_rule_settings(u, t[0].policy, {"stalled_cycles": 3}),
        {"alice", "sam"},
    ),
}


@pytest.mark.parametrize("person", PEOPLE)
@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_permission_matrix(cast: Any, published: list[Any], action: str, person: str) -> None:
    run, allowed = ACTIONS[action]
    who = getattr(cast, person)
    if person in allowed:
        run(cast, published, who)
    else:
        with pytest.raises(PermissionDenied):
            run(cast, published, who)


class NoticeReadTestCase:
    def test_a_person_marks_only_his_own_notices_read(self, cast: Any, published: list[Any]) -> None:
        _issue(cast, published[0])
        mine = Notice.objects.get(recipient=cast.andy)
        assert S.do_mark_notice_read(cast.andy, mine) is True
        assert S.do_mark_notice_read(cast.andy, mine) is False
        with pytest.raises(PermissionDenied):
            S.do_mark_notice_read(cast.ben, Notice.objects.get(recipient=cast.amy))
        assert S.do_mark_all_notices_read(cast.amy) == 1
