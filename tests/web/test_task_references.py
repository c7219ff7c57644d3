"""A task's reference (任务编号): unique and stable within its policy, and the name every page,
notice, workbook, bulletin and the API give a task (taizhang/ledger/references.py)."""

from __future__ import annotations

import io
from types import SimpleNamespace
from typing import Any

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.urls import reverse

from taizhang.devtools.builders import make_policy
from taizhang.ledger import actions as L
from taizhang.ledger.models import AssignmentRole, Task, TaskAssignment, TaskStatus
from taizhang.ledger.policy_actions import do_publish_policy
from taizhang.ledger.references import assign_references, next_reference, position_reference

# A plan that numbers its tasks by heading only: three tasks under 四.(二).3, one under 四.(二).4.
REPEATING_PLAN = """某区国民经济和社会发展第十四个五年规划

四、重点任务
（二）发展现代产业
3.壮大总部经济
推进总部企业集聚，到2025年新增总部企业10家。（区商务局牵头）
建设现代商贸体系，打造国际消费中心。（区发展改革局牵头）
提升金融服务能力，发展数字金融。（区商务局牵头）
4.发展数字经济
建设数字经济产业园，培育数字经济企业。（区商务局牵头）
"""


class ReferenceRuleTestCase:
    """The pure rule, on plain values."""

    def test_a_number_used_once_is_the_reference(self) -> None:
        assert assign_references(["一.1", "一.2", "二.3"]) == ["一.1", "一.2", "二.3"]

    def test_a_repeated_number_is_told_apart_by_place_among_its_namesakes(self) -> None:
        refs = ["四.(二).3"] * 28 + ["四.(二).4"]
        got = assign_references(refs)
        assert got[:3] == ["四.(二).3-1", "四.(二).3-2", "四.(二).3-3"]
        assert got[27] == "四.(二).3-28"
        assert got[28] == "四.(二).4"
        assert len(set(got)) == 29

    def test_an_unnumbered_task_is_named_by_its_place_in_the_policy(self) -> None:
        assert assign_references(["", "一.2", " "]) == ["第1项", "一.2", "第3项"]
        assert position_reference(12) == "第12项"

    def test_a_reference_that_would_clash_takes_the_next_free_suffix(self) -> None:
        # The document itself writes 3-1 for another task; the repeated 3 must not take it.
        assert assign_references(["3", "3-1", "3"]) == ["3-1-2", "3-1", "3-2"]
        assert next_reference("一.1", {"一.1", "一.1-2"}) == "一.1-3"
        assert next_reference("一.1", set()) == "一.1"
        assert assign_references(["一.1"], taken={"一.1"}) == ["一.1-2"]

    def test_every_reference_is_unique_whatever_the_numbering(self) -> None:
        refs = ["1", "1", "1-1", "", "第4项", "1-2", "", "1"]
        got = assign_references(refs)
        assert len(set(got)) == len(refs)
        assert all(got)

    def test_a_reference_needs_something_to_start_from(self) -> None:
        with pytest.raises(ValueError):
            next_reference("  ", set())


@pytest.mark.django_db
class ImportedReferencesTestCase:
    def test_an_imported_plan_repeating_a_number_gives_each_task_its_own_reference(self, cast: Any) -> None:
        policy = make_policy(cast.sam, REPEATING_PLAN, name="plan.txt")
        tasks = list(policy.tasks.order_by("order"))
        assert [t.ref for t in tasks] == ["四.(二).3"] * 3 + ["四.(二).4"]
        assert [t.reference for t in tasks] == ["四.(二).3-1", "四.(二).3-2", "四.(二).3-3", "四.(二).4"]

    def test_the_database_refuses_two_tasks_with_one_reference_in_a_policy(
        self, cast: Any, tasks: Any
    ) -> None:
        with pytest.raises(IntegrityError), transaction.atomic():
            Task.objects.create(policy=tasks[0].policy, text="重复", reference=tasks[0].reference)

    def test_a_task_written_without_a_reference_gets_the_next_free_one(self, cast: Any, tasks: Any) -> None:
        made = Task.objects.create(policy=tasks[0].policy, ref=tasks[0].ref, text="补充")
        assert made.reference == f"{tasks[0].ref}-2"
        plain = Task.objects.create(policy=tasks[0].policy, text="无序号")
        assert plain.reference == "第5项"

    def test_a_task_added_by_hand_with_a_used_number_is_told_apart(self, cast: Any, tasks: Any) -> None:
        task = L.do_create_task(
            cast.sam, tasks[0].policy, text="新任务", lead=[cast.unit_a], ref=tasks[0].ref
        )
        assert task.reference == f"{tasks[0].ref}-2"
        assert tasks[0].reference == tasks[0].ref  # the first keeps its own

    def test_splitting_keeps_the_original_reference_and_names_the_parts_after_it(
        self, cast: Any, tasks: Any
    ) -> None:
        first, second = L.do_split_task(cast.sam, tasks[0], parts=["甲", "乙"])
        first.refresh_from_db()
        assert first.reference == tasks[0].reference
        assert second.reference == f"{tasks[0].reference}-2"

    def test_references_stay_when_tasks_are_added_before_them(self, cast: Any, tasks: Any) -> None:
        before = {t.pk: t.reference for t in tasks}
        L.do_create_task(cast.sam, tasks[0].policy, text="插入", lead=[cast.unit_a], measure=tasks[0].measure)
        after = dict(Task.objects.filter(pk__in=before).values_list("pk", "reference"))
        assert after == before

    def test_a_published_tasks_reference_stays_when_its_number_is_corrected(
        self, cast: Any, tasks: Any
    ) -> None:
        task = L.do_update_task(cast.sam, tasks[0], seen_version=tasks[0].version, ref="九.9")
        task.refresh_from_db()
        assert (task.ref, task.reference) == ("九.9", tasks[0].reference)

    def test_a_drafts_reference_follows_its_corrected_number(self, cast: Any) -> None:
        policy = make_policy(cast.sam, REPEATING_PLAN, name="plan.txt", publish=False)
        task = policy.tasks.order_by("order")[1]
        L.do_update_task(cast.sam, task, seen_version=task.version, ref="四.(二).5")
        task.refresh_from_db()
        assert task.reference == "四.(二).5"

    def test_the_data_migration_gives_existing_rows_their_references(self, cast: Any) -> None:
        import importlib

        migration = importlib.import_module("taizhang.ledger.migrations.0003_task_reference")
        policy = make_policy(cast.sam, REPEATING_PLAN, name="plan.txt")
        Task.objects.filter(policy=policy).update(reference="")
        migration.give_references(apps, SimpleNamespace(connection=connection))
        got = list(policy.tasks.order_by("order").values_list("reference", flat=True))
        assert got == ["四.(二).3-1", "四.(二).3-2", "四.(二).3-3", "四.(二).4"]


@pytest.mark.django_db
class ReferenceUsedEverywhereTestCase:
    """Wherever a person must name one task, the reference names it."""

    @pytest.fixture
    def plan(self, cast: Any) -> list[Task]:
        policy = make_policy(cast.sam, REPEATING_PLAN, name="plan.txt")
        return list(policy.tasks.order_by("order"))

    def test_the_inbox_names_each_task_by_its_reference(self, client: Any, cast: Any, plan: Any) -> None:
        client.force_login(cast.andy)
        response = client.get(reverse("ledger:inbox"))
        titles = [row.title for s in response.context["sections"] for row in s["rows"]]
        assert any(t.startswith("四.(二).3-1 ") for t in titles)
        assert any(t.startswith("四.(二).3-3 ") for t in titles)
        assert not any(t.startswith("四.(二).3 ") for t in titles)

    def test_the_task_list_and_page_show_the_reference(self, client: Any, cast: Any, plan: Any) -> None:
        client.force_login(cast.sam)
        listing = client.get(reverse("ledger:task_list"), {"policy": plan[0].policy_id}).content.decode()
        assert "四.(二).3-2" in listing
        page = client.get(reverse("ledger:task_detail", args=[plan[1].pk])).content.decode()
        assert "<h1>四.(二).3-2" in page

    def test_a_publish_refusal_names_the_task_by_its_reference(self, cast: Any) -> None:
        policy = make_policy(cast.sam, REPEATING_PLAN, name="plan.txt", publish=False)
        task = policy.tasks.order_by("order")[2]
        TaskAssignment.objects.filter(task=task, role=AssignmentRole.LEAD).delete()
        with pytest.raises(ValidationError) as refused:
            do_publish_policy(cast.sam, policy)
        assert "任务 四.(二).3-3 没有牵头单位" in str(refused.value)

    def test_a_supervision_notice_names_the_task_by_its_reference(self, cast: Any, plan: Any) -> None:
        import datetime as dt

        from django.utils import timezone

        from taizhang.supervision.actions import do_issue_supervision_notice
        from taizhang.supervision.models import Notice

        do_issue_supervision_notice(
            cast.sam, plan[2], instruction="请报送", due_on=timezone.localdate() + dt.timedelta(days=3)
        )
        texts = list(Notice.objects.filter(recipient=cast.andy).values_list("text", flat=True))
        assert texts and "四.(二).3-3" in texts[0]

    def test_the_api_gives_each_task_its_reference(self, cast: Any, plan: Any) -> None:
        from rest_framework.test import APIClient

        client = APIClient()
        client.force_authenticate(cast.sam)
        body = client.get(f"/api/tasks/{plan[1].pk}/").json()
        assert (body["ref"], body["reference"]) == ("四.(二).3", "四.(二).3-2")

    def test_the_ledger_workbook_names_each_row_by_its_reference(self, cast: Any, plan: Any) -> None:
        from openpyxl import load_workbook

        from taizhang.ledger.workbook import ledger_workbook

        data = ledger_workbook(cast.sam, Task.objects.filter(policy_id=plan[0].policy_id))
        sheet = load_workbook(io.BytesIO(data)).worksheets[0]
        first_column = [row[0] for row in sheet.iter_rows(min_row=3, values_only=True)]
        assert ["四.(二).3-1", "四.(二).3-2", "四.(二).3-3", "四.(二).4"] == [
            v for v in first_column if v and str(v).startswith("四.(二).")
        ]

    def test_the_bulletin_names_red_tasks_by_their_reference(self, cast: Any, plan: Any) -> None:
        from django.utils import timezone

        from taizhang.bulletins.build import gather
        from taizhang.supervision.status import refresh_statuses

        Task.objects.filter(pk=plan[1].pk).update(
            deadline_kind="month", deadline_year=2024, deadline_month=1, status=TaskStatus.ASSIGNED
        )
        now = timezone.now()
        refresh_statuses(now=now)
        content = gather(f"{now:%Y-%m}", now=now)
        refs = [t.ref for group in content.red_by_unit for t in group.tasks]
        assert "四.(二).3-2" in refs
