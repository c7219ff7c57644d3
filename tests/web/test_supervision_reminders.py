"""The reminder job: each kind of reminder, escalation, nothing sent twice, nothing missed after a crash.

The sample policy is published on 2025-01-10; monthly reports are due on each month's last day.
Task 1 is led by unit A (amy leader, andy officer), task 2 by unit B (bob, ben).
"""

from __future__ import annotations

import datetime as dt
from io import StringIO
from typing import Any
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.management import CommandError, call_command

from taizhang.devtools.builders import make_policy
from taizhang.ledger import actions as L
from taizhang.supervision.models import Notice
from taizhang.supervision.notify import send_reminders

pytestmark = pytest.mark.django_db

TZ = ZoneInfo("Asia/Shanghai")


def local(y: int, m: int, d: int, h: int = 9) -> dt.datetime:
    return dt.datetime(y, m, d, h, tzinfo=TZ)


@pytest.fixture
def published(cast: Any) -> list[Any]:
    with time_machine.travel(local(2025, 1, 10), tick=False):
        policy = make_policy(cast.sam)
    return list(policy.tasks.order_by("order"))


def _who(kind: str, task: Any) -> set[str]:
    return set(Notice.objects.filter(kind=kind, task=task).values_list("recipient__username", flat=True))


def _mailed_to() -> list[str]:
    return sorted(address for message in mail.outbox for address in message.to)


class ReminderKindsTestCase:
    def test_officers_and_leader_are_reminded_before_a_report_is_due(
        self, cast: Any, published: list[Any]
    ) -> None:
        run = send_reminders(local(2025, 1, 29))
        assert _who("report_due", published[0]) == {"amy", "andy"}
        assert _who("report_due", published[1]) == {"bob", "ben"}
        assert run.created["report_due"] == 4 and run.emailed == 4
        assert _mailed_to() == ["amy@example.org", "andy@example.org", "ben@example.org", "bob@example.org"]
        assert "2025-01" in mail.outbox[0].body

    def test_nobody_is_reminded_earlier_than_the_days_before(self, cast: Any, published: list[Any]) -> None:
        send_reminders(local(2025, 1, 20))
        assert not Notice.objects.filter(kind="report_due").exists()

    def test_a_unit_that_reported_is_not_reminded(self, cast: Any, published: list[Any]) -> None:
        with time_machine.travel(local(2025, 1, 27), tick=False):
            report = L.do_save_report(
                cast.andy, task=published[0], period="2025-01", narrative="x", percent=5
            )
            L.do_submit_report(cast.andy, report)
        send_reminders(local(2025, 1, 29))
        assert _who("report_due", published[0]) == set()

    def test_a_late_report_is_chased(self, cast: Any, published: list[Any]) -> None:
        send_reminders(local(2025, 2, 5))
        late = Notice.objects.filter(kind="report_late", task=published[0])
        assert {n.recipient.username for n in late} == {"amy", "andy"}
        assert all(":2025-01-31:" in n.key for n in late)

    def test_a_task_turning_red_is_announced(self, cast: Any, published: list[Any]) -> None:
        send_reminders(local(2025, 3, 5))
        red = Notice.objects.filter(kind="task_red", task=published[0])
        assert {n.recipient.username for n in red} == {"amy", "andy"}
        assert "红灯" in red[0].text

    def test_an_inactive_person_gets_nothing_and_one_without_address_no_mail(
        self, cast: Any, published: list[Any]
    ) -> None:
        cast.andy.is_active = False
        cast.andy.save(update_fields=["is_active"])
        cast.amy.email = ""
        cast.amy.save(update_fields=["email"])
        send_reminders(local(2025, 1, 29))
        assert _who("report_due", published[0]) == {"amy"}
        assert "amy@example.org" not in _mailed_to() and "andy@example.org" not in _mailed_to()

    def test_supervision_notices_and_answers_are_mailed_by_the_job(
        self, cast: Any, published: list[Any]
    ) -> None:
        from taizhang.supervision.actions import do_answer_supervision_notice, do_issue_supervision_notice

        with time_machine.travel(local(2025, 1, 12), tick=False):
            notice = do_issue_supervision_notice(
                cast.sam, published[0], instruction="请报送整改方案", due_on=dt.date(2025, 1, 16)
            )
        send_reminders(local(2025, 1, 12, 10))
        assert _mailed_to() == ["amy@example.org", "andy@example.org"]
        assert "请报送整改方案" in mail.outbox[0].body
        do_answer_supervision_notice(cast.andy, notice, answer="已报送", now=local(2025, 1, 13))
        send_reminders(local(2025, 1, 13, 10))
        assert mail.outbox[-1].to == ["sam@example.org"] and "已报送" in mail.outbox[-1].body


class NeverTwiceTestCase:
    def test_running_twice_sends_nothing_the_second_time(self, cast: Any, published: list[Any]) -> None:
        first = send_reminders(local(2025, 2, 5))
        sent = len(mail.outbox)
        count = Notice.objects.count()
        second = send_reminders(local(2025, 2, 5, 15))
        assert first.emailed == sent > 0
        assert second.emailed == 0 and sum(second.created.values()) == 0
        assert Notice.objects.count() == count and len(mail.outbox) == sent

    def test_a_restart_after_a_crash_before_mailing_sends_what_was_missed_once(
        self, cast: Any, published: list[Any]
    ) -> None:
        with mock.patch("taizhang.supervision.notify.deliver_pending", side_effect=RuntimeError("killed")):
            with pytest.raises(RuntimeError):
                send_reminders(local(2025, 1, 29))
        assert Notice.objects.filter(emailed_at=None).count() == 4 and mail.outbox == []
        again = send_reminders(local(2025, 1, 29, 10))
        assert again.emailed == 4 and sum(again.created.values()) == 0
        send_reminders(local(2025, 1, 29, 11))
        assert len(mail.outbox) == 4

    def test_a_failed_send_is_retried_on_the_next_run_and_the_job_says_so(
        self, cast: Any, published: list[Any]
    ) -> None:
        real = mail.send_mail
        calls = {"n": 0}

        def flaky(*args: Any, **kwargs: Any) -> int:
            calls["n"] += 1
            if calls["n"] == 1:
                raise OSError("smtp down")
            return real(*args, **kwargs)

        with mock.patch("taizhang.supervision.notify.send_mail", side_effect=flaky):
            run = send_reminders(local(2025, 1, 29))
        assert (run.emailed, run.failed) == (3, 1)
        assert send_reminders(local(2025, 1, 29, 10)).emailed == 1
        assert len(mail.outbox) == 4 and len(set(_mailed_to())) == 4

    def test_a_notice_claimed_by_another_run_is_not_sent_again(self, cast: Any, published: list[Any]) -> None:
        with mock.patch("taizhang.supervision.notify.deliver_pending", return_value=(0, 0)):
            send_reminders(local(2025, 1, 29))
        Notice.objects.filter(recipient=cast.amy).update(emailed_at=local(2025, 1, 29))
        send_reminders(local(2025, 1, 29, 10))
        assert "amy@example.org" not in _mailed_to() and len(mail.outbox) == 3

    def test_a_notice_read_in_the_app_is_not_mailed(self, cast: Any, published: list[Any]) -> None:
        with mock.patch("taizhang.supervision.notify.deliver_pending", return_value=(0, 0)):
            send_reminders(local(2025, 1, 29))
        Notice.objects.filter(recipient=cast.ben).update(read_at=local(2025, 1, 29))
        send_reminders(local(2025, 1, 29, 10))
        assert "ben@example.org" not in _mailed_to()


class EscalationTestCase:
    def test_a_chase_unanswered_for_the_escalation_days_goes_to_the_leader_and_supervisors(
        self, cast: Any, published: list[Any]
    ) -> None:
        send_reminders(local(2025, 2, 5))
        send_reminders(local(2025, 2, 9))
        assert not Notice.objects.filter(kind="escalation").exists()
        send_reminders(local(2025, 2, 10))
        assert _who("escalation", published[0]) == {"amy", "sam"}
        assert _who("escalation", published[1]) == {"bob", "sam"}
        send_reminders(local(2025, 2, 11))
        assert Notice.objects.filter(kind="escalation", task=published[0]).count() == 2

    def test_a_chase_answered_in_time_is_not_escalated(self, cast: Any, published: list[Any]) -> None:
        send_reminders(local(2025, 2, 5))
        with time_machine.travel(local(2025, 2, 7), tick=False):
            report = L.do_save_report(
                cast.andy, task=published[0], period="2025-01", narrative="x", percent=5
            )
            L.do_submit_report(cast.andy, report)
        send_reminders(local(2025, 2, 10))
        assert _who("escalation", published[0]) == set()

    def test_the_escalation_days_are_a_setting(self, cast: Any, published: list[Any], settings: Any) -> None:
        settings.TAIZHANG_ESCALATION_DAYS = 2
        send_reminders(local(2025, 2, 5))
        send_reminders(local(2025, 2, 7))
        assert _who("escalation", published[0]) == {"amy", "sam"}


class CommandTestCase:
    def test_the_command_runs_as_of_the_given_time_and_reports(self, cast: Any, published: list[Any]) -> None:
        out = StringIO()
        call_command("send_reminders", "--now", "2025-01-29T09:00", stdout=out)
        assert "report_due 4" in out.getvalue() and "e-mails sent: 4" in out.getvalue()

    def test_a_dry_run_changes_and_sends_nothing(self, cast: Any, published: list[Any]) -> None:
        from taizhang.supervision.models import TaskStatus

        stored = list(TaskStatus.objects.order_by("pk").values("task_id", "colour", "computed_at"))
        out = StringIO()
        call_command("send_reminders", "--now", "2025-01-29", "--dry-run", stdout=out)
        assert "[dry run]" in out.getvalue() and "report_due 4" in out.getvalue()
        assert not Notice.objects.exists() and mail.outbox == []
        assert list(TaskStatus.objects.order_by("pk").values("task_id", "colour", "computed_at")) == stored

    def test_a_malformed_now_is_a_clear_error(self, cast: Any) -> None:
        with pytest.raises(CommandError, match="--now"):
            call_command("send_reminders", "--now", "yesterday")
