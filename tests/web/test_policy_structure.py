"""The structure of a published policy: tasks created by hand, split, merged; measures; cadence."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from taizhang.core.models import HistoryEntry
from taizhang.ledger import actions as L
from taizhang.ledger import policy_actions as P
from taizhang.ledger.models import Metric, Task, TaskStatus
from taizhang.units.models import Unit, UnitStatus

pytestmark = pytest.mark.django_db


def _refs(policy: Any) -> list[str]:
    return list(policy.tasks.order_by("order").values_list("ref", flat=True))


class CreateTaskTestCase:
    def test_a_task_made_by_hand_is_assigned_at_once_and_placed_after_its_measure(self, cast, policy, tasks):
        measure = tasks[0].measure
        task = L.do_create_task(
            cast.sam,
            policy,
            text="新增任务",
            ref="一.(一).9",
            measure=measure,
            lead=[cast.unit_b],
            co=[cast.unit_a],
        )
        assert task.status == TaskStatus.ASSIGNED and task.assigned_at is not None
        assert {(a.unit_id, a.role) for a in task.assignments.all()} == {
            (cast.unit_b.pk, "lead"),
            (cast.unit_a.pk, "co"),
        }
        in_measure = list(policy.tasks.filter(measure=measure).order_by("order"))
        assert in_measure[-1] == task
        orders = list(policy.tasks.order_by("order").values_list("order", flat=True))
        assert len(set(orders)) == len(orders)  # no two tasks share a place
        assert Task.objects.visible_to(cast.ben).filter(pk=task.pk).exists()
        assert HistoryEntry.objects.filter(task_id=task.pk, action="create_task").exists()

    def test_it_needs_a_confirmed_lead_unit_and_a_published_policy(self, cast, policy):
        proposed = Unit.objects.create(name="某某中心", status=UnitStatus.PROPOSED)
        with pytest.raises(ValidationError) as err:
            L.do_create_task(cast.sam, policy, text="x", lead=[proposed])
        assert "lead" in err.value.message_dict
        with pytest.raises(ValidationError) as err:
            L.do_create_task(cast.sam, policy, text="x", lead=[])
        assert "lead" in err.value.message_dict

    def test_only_the_supervisor_creates_tasks(self, cast, policy):
        with pytest.raises(PermissionDenied):
            L.do_create_task(cast.andy, policy, text="x", lead=[cast.unit_a])


class SplitTaskTestCase:
    def test_a_task_splits_into_parts_that_keep_units_deadline_and_share_the_weight(
        self, cast, policy, tasks
    ):
        first = tasks[0]
        L.do_acknowledge_task(cast.amy, first)
        report = L.do_save_report(cast.andy, task=first, period="2025-01", narrative="x", percent=10)
        parts = L.do_split_task(cast.sam, first, parts=["第一段。", "第二段。", "第三段。"])
        assert [p.text for p in parts] == ["第一段。", "第二段。", "第三段。"]
        assert parts[0].pk == first.pk and report.task_id == first.pk
        ref = tasks[0].ref
        assert [p.ref for p in parts] == [f"{ref}-1", f"{ref}-2", f"{ref}-3"]
        assert all(p.weight == Decimal("0.33") for p in parts)
        for part in parts[1:]:
            assert part.deadline_kind == first.deadline_kind and part.deadline_year == first.deadline_year
            assert part.measure_id == first.measure_id and part.status == TaskStatus.ASSIGNED
            units = {(a.unit_id, a.role) for a in part.assignments.all()}
            assert units == {(a.unit_id, a.role) for a in first.assignments.all()}
        assert _refs(policy)[:3] == [f"{ref}-1", f"{ref}-2", f"{ref}-3"]
        assert _refs(policy)[3:] == [t.ref for t in tasks[1:]]
        entry = HistoryEntry.objects.get(task_id=first.pk, action="split_task")
        assert entry.before["text"] == tasks[0].text and entry.after["into"] == [p.pk for p in parts[1:]]

    def test_splitting_needs_two_parts_and_an_open_task(self, cast, tasks):
        with pytest.raises(ValidationError) as err:
            L.do_split_task(cast.sam, tasks[0], parts=["只有一段", "  "])
        assert "parts" in err.value.message_dict
        Task.objects.filter(pk=tasks[1].pk).update(status=TaskStatus.CLOSED)
        with pytest.raises(ValidationError):
            L.do_split_task(cast.sam, tasks[1], parts=["a", "b"])


class MergeTasksTestCase:
    def test_tasks_merge_into_the_first_with_every_unit_and_the_summed_weight(self, cast, policy, tasks):
        second, third = tasks[1], tasks[2]
        Metric.objects.create(policy=policy, task=third, indicator="x", value=1)
        kept = L.do_merge_tasks(cast.sam, [third, second])
        assert kept.pk == second.pk and not Task.objects.filter(pk=third.pk).exists()
        assert kept.text.startswith(second.text.rstrip("。；;")) and third.text.rstrip("。") in kept.text
        assert kept.weight == second.weight + third.weight
        roles = {a.unit_id: a.role for a in kept.assignments.all()}
        for a in third.assignments.all():
            assert a.unit_id in roles
        assert roles[cast.unit_b.pk] == "lead"
        assert Metric.objects.get(indicator="x").task_id == kept.pk
        merged = HistoryEntry.objects.get(action="merge_task")
        assert merged.task_id == kept.pk and merged.before["text"] == third.text

    def test_a_task_with_reports_is_not_merged_into_another(self, cast, tasks):
        # tasks[2] (led by a third unit, A helping) comes after tasks[0]: it would be merged into it
        L.do_request_extension(cast.andy, tasks[0], kind="year", year=2027, reason="r")
        third_lead = tasks[2].assignments.get(role="lead").unit
        Task.objects.filter(pk=tasks[2].pk).update(status=TaskStatus.ASSIGNED)
        from taizhang.ledger.models import ProgressReport

        ProgressReport.objects.create(
            task=tasks[2], unit=third_lead, period="2025-01", narrative="x", percent=5
        )
        with pytest.raises(ValidationError) as err:
            L.do_merge_tasks(cast.sam, [tasks[0], tasks[2]], text="合并")
        assert tasks[2].ref in err.value.message_dict["tasks"][0]
        assert Task.objects.filter(pk=tasks[2].pk).exists()  # nothing changed
        # the task with an extension request is the first: it is the one kept, and may take others
        kept = L.do_merge_tasks(cast.sam, [tasks[1], tasks[0]], text="合并后的任务")
        assert kept.pk == tasks[0].pk and kept.text == "合并后的任务"
        assert kept.extension_requests.count() == 1

    def test_merging_needs_two_tasks_of_one_policy(self, cast, tasks):
        with pytest.raises(ValidationError):
            L.do_merge_tasks(cast.sam, [tasks[0]])


class MeasureAndCadenceTestCase:
    def test_a_measure_is_added_after_the_others_and_tasks_are_grouped_under_it(self, cast, policy, tasks):
        measure = P.do_create_measure(cast.sam, policy, title="新增措施", ref="（九）")
        assert measure.order == max(policy.measures.values_list("order", flat=True))
        L.do_update_task(cast.sam, tasks[2], seen_version=tasks[2].version, measure=measure)
        assert list(measure.tasks.all()) == [tasks[2]]
        with pytest.raises(ValidationError) as err:
            P.do_create_measure(cast.sam, policy, title="  ")
        assert "title" in err.value.message_dict

    def test_the_cadence_is_set_by_the_supervisor_with_history(self, cast, policy):
        P.do_set_report_cadence(cast.sam, policy, "quarterly")
        policy.refresh_from_db()
        assert policy.report_cadence == "quarterly"
        assert HistoryEntry.objects.filter(action="set_report_cadence", object_id=policy.pk).exists()
        with pytest.raises(ValidationError) as err:
            P.do_set_report_cadence(cast.sam, policy, "weekly")
        assert "report_cadence" in err.value.message_dict
        with pytest.raises(PermissionDenied):
            P.do_set_report_cadence(cast.vera, policy, "monthly")


class StructurePagesTestCase:
    def test_the_policy_page_offers_the_tools_to_the_supervisor_only(self, client, cast, policy):
        client.force_login(cast.sam)
        page = client.get(reverse("policies:detail", args=[policy.pk])).content.decode()
        assert reverse("policies:task_new", args=[policy.pk]) in page and 'id="merge-form"' in page
        client.force_login(cast.andy)
        page = client.get(reverse("policies:detail", args=[policy.pk])).content.decode()
        assert reverse("policies:task_new", args=[policy.pk]) not in page and 'id="merge-form"' not in page
        assert client.get(reverse("policies:task_new", args=[policy.pk])).status_code == 403

    def test_a_task_is_created_through_the_form_and_a_wrong_unit_is_named(self, client, cast, policy):
        client.force_login(cast.sam)
        url = reverse("policies:task_new", args=[policy.pk])
        data = {
            "text": "手工新增的任务",
            "lead": "区商务局",
            "co": "不存在的局",
            "weight": "1",
            "deadline_kind": "",
        }
        response = client.post(url, data)
        assert response.status_code == 400 and "“不存在的局”不是已确认的单位" in response.content.decode()
        assert not Task.objects.filter(text="手工新增的任务").exists()
        data["co"] = "区发展改革局"
        response = client.post(url, data)
        task = Task.objects.get(text="手工新增的任务")
        assert response.status_code == 302 and response["Location"] == reverse(
            "ledger:task_detail", args=[task.pk]
        )

    def test_split_and_merge_through_the_pages(self, client, cast, policy, tasks):
        client.force_login(cast.sam)
        split = reverse("policies:task_split", args=[policy.pk, tasks[2].pk])
        assert tasks[2].text in client.get(split).content.decode()
        assert client.post(split, {"parts": "一行"}).status_code == 400
        assert client.post(split, {"parts": "甲段\n乙段"}).status_code == 302
        assert policy.tasks.count() == 4
        merge = reverse("policies:tasks_merge", args=[policy.pk])
        ids = list(policy.tasks.filter(text__in=["甲段", "乙段"]).values_list("pk", flat=True))
        response = client.post(merge, {"tasks": ids, "text": ""}, follow=True)
        assert response.status_code == 200 and policy.tasks.count() == 3
        response = client.post(merge, {"tasks": ids[:1]}, follow=True)
        assert "请至少勾选两个任务进行合并" in response.content.decode()

    def test_measure_and_cadence_forms(self, client, cast, policy):
        client.force_login(cast.sam)
        response = client.post(
            reverse("policies:measure_new", args=[policy.pk]), {"title": "新措施", "ref": ""}
        )
        measure = policy.measures.get(title="新措施")
        assert response["Location"].endswith(f"?measure={measure.pk}")
        client.post(reverse("policies:cadence", args=[policy.pk]), {"report_cadence": "yearly"})
        policy.refresh_from_db()
        assert policy.report_cadence == "yearly"
        response = client.post(
            reverse("policies:cadence", args=[policy.pk]), {"report_cadence": "x"}, follow=True
        )
        assert "报送周期" in response.content.decode()
