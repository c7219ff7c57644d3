"""The review screen tells the supervisor what to check: confidence and reasons for doubt stored
with the imported tasks and metrics, the doubtful ones first, filters, pages, a publish warning for
tasks without a lead unit or deadline, and a second import of the same file refused."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from taizhang.core.models import HistoryEntry
from taizhang.devtools.builders import make_policy
from taizhang.devtools.management.commands import buildlocales as B
from taizhang.extract import extract_text
from taizhang.extract.confidence import Doubt, confidence_of, message
from taizhang.ledger import policy_actions as actions
from taizhang.ledger.models import AssignmentRole, Metric, Task, TaskStatus
from taizhang.policies.doubts import DOUBT_LABELS
from taizhang.policies.models import Policy, PolicyStatus
from taizhang.units.models import Unit, UnitStatus

pytestmark = pytest.mark.django_db

PLAN = """某区优化营商环境工作要点

一、提升政务服务
1.推行企业开办全程网办，到2025年底开办时间压缩至1个工作日。（牵头单位：区商务局；配合单位：区发展改革局；完成时限：2025年6月）
2.建立重点企业服务专员制度。完善企业诉求办理机制，强化跟踪问效。
3.优化纳税服务，新增智能办税终端20台。（牵头单位：区发展改革局）
"""


def _plan(n: int) -> str:
    """A plan of ``n`` numbered tasks, every third without a note (no lead unit, no deadline)."""
    lines = ["某区优化营商环境行动方案", "", "一、提升政务服务"]
    for k in range(1, n + 1):
        note = "" if k % 3 == 0 else "（牵头单位：区商务局；完成时限：2026年6月）"
        lines.append(f"{k}.推进第{k}项改革任务落地见效，全年服务企业不少于{k}家。{note}")
    return "\n".join(lines) + "\n"


def _import(cast: Any, text: str, name: str = "plan.txt") -> Policy:
    return actions.do_import_policy(cast.sam, data=text.encode("utf-8"), name=name).policy


def _confirm_units() -> None:
    Unit.objects.filter(status=UnitStatus.PROPOSED).update(status=UnitStatus.CONFIRMED)


def _cards(page: str) -> list[int]:
    return [int(pk) for pk in re.findall(r'<article class="task-card[^"]*" id="card-(\d+)"', page)]


def _review(client: Any, policy: Policy, query: str = "") -> str:
    response = client.get(reverse("policies:review", args=[policy.pk]) + query)
    assert response.status_code == 200
    return response.content.decode()


class StoredConfidenceTestCase:
    def test_the_import_keeps_each_items_confidence_and_reasons(self, cast: Any) -> None:
        policy = _import(cast, PLAN)
        extraction = extract_text(PLAN)
        tasks = list(policy.tasks.order_by("order"))
        assert [(t.confidence, t.doubts.split()) for t in tasks] == [
            (e.confidence, list(e.doubts)) for e in extraction.tasks
        ]
        assert any(Doubt.NO_LEAD in t.doubts.split() for t in tasks)
        metrics = list(Metric.objects.filter(policy=policy).order_by("span_start"))
        assert [(m.confidence, m.doubts.split()) for m in metrics] == [
            (e.confidence, list(e.doubts)) for e in extraction.metrics
        ]
        doubtful = next(t for t in tasks if t.doubts)
        entry = HistoryEntry.objects.get(task_id=doubtful.pk, action="import_task")
        assert entry.after["doubts"] == doubtful.doubts and entry.after["confidence"] == doubtful.confidence

    def test_saving_a_card_marks_the_task_checked_and_history_keeps_its_reasons(
        self, client: Any, cast: Any
    ) -> None:
        policy = _import(cast, PLAN)
        task = next(t for t in policy.tasks.order_by("order") if "no_lead" in t.doubts)
        before = (task.confidence, task.doubts)
        client.force_login(cast.sam)
        data = {
            "ref": task.ref,
            "text": task.text,
            "measure": task.measure_id or "",
            "deadline_kind": "month",
            "deadline_year": "2025",
            "deadline_month": "12",
            "weight": "1",
            "lead": "区商务局",
            "co": "",
            "version": task.version,
        }
        response = client.post(
            reverse("policies:review_task_save", args=[policy.pk, task.pk]),
            {f"t{task.pk}-{k}": v for k, v in data.items()},
            HTTP_HX_REQUEST="true",
        )
        assert response.status_code == 200
        assert 'class="doubts"' not in response.content.decode()
        task.refresh_from_db()
        assert (task.confidence, task.doubts) == (1.0, "")
        entry = HistoryEntry.objects.get(task_id=task.pk, action="check_extracted")
        assert (entry.before["confidence"], entry.before["doubts"]) == before

    def test_saving_a_metric_marks_it_checked(self, client: Any, cast: Any) -> None:
        policy = _import(
            cast, "某区若干措施\n\n一、培育企业\n1.新增企业数量100家以上。（牵头单位：区商务局）\n"
        )
        metric = Metric.objects.get(policy=policy)
        assert metric.doubts  # no year in the document
        client.force_login(cast.sam)
        values = {"indicator": metric.indicator, "kind": "target", "comparator": ">=", "value": "100"}
        values |= {"unit": "家", "year": "2026", "task": metric.task_id or ""}
        response = client.post(
            reverse("policies:review_metric_save", args=[policy.pk, metric.pk]),
            {f"m{metric.pk}-{k}": v for k, v in values.items()},
            HTTP_HX_REQUEST="true",
        )
        assert response.status_code == 200
        metric.refresh_from_db()
        assert (metric.year, metric.confidence, metric.doubts) == (2026, 1.0, "")


class ReviewListTestCase:
    def test_the_doubtful_tasks_come_first_with_their_reasons_in_chinese(
        self, client: Any, cast: Any
    ) -> None:
        policy = _import(cast, _plan(9))
        client.force_login(cast.sam)
        page = _review(client, policy)
        order = _cards(page)
        tasks = {t.pk: t for t in policy.tasks.all()}
        confidences = [tasks[pk].confidence for pk in order]
        assert confidences == sorted(confidences) and confidences[0] < confidences[-1]
        first = page.split(f'id="card-{order[0]}"')[1].split("</article>")[0]
        assert message(Doubt.NO_LEAD) in first and message(Doubt.NO_DEADLINE) in first
        assert "低置信度" in first
        assert _cards(_review(client, policy, "?order=document")) == sorted(
            tasks, key=lambda pk: tasks[pk].order
        )

    def test_it_filters_by_reason_and_by_band(self, client: Any, cast: Any) -> None:
        policy = _import(cast, _plan(9))
        client.force_login(cast.sam)
        no_lead = set(policy.tasks.filter(doubts__contains="no_lead").values_list("pk", flat=True))
        assert len(no_lead) == 3
        assert set(_cards(_review(client, policy, "?doubt=no_lead"))) == no_lead
        assert set(_cards(_review(client, policy, "?band=low"))) == no_lead
        assert (
            set(_cards(_review(client, policy, "?band=high")))
            == set(policy.tasks.values_list("pk", flat=True)) - no_lead
        )
        assert "没有符合筛选条件的任务" in _review(client, policy, "?doubt=long_text")

    def test_the_summary_counts_the_reasons_and_links_to_their_filter(self, client: Any, cast: Any) -> None:
        policy = _import(cast, _plan(9))
        client.force_login(cast.sam)
        summary = _review(client, policy).split('id="to-check"')[1].split("</section>")[0]
        assert re.search(
            r'href="\?show=tasks&amp;doubt=no_lead"[^>]*>无牵头单位 <span class="count">3</span>', summary
        )

    def test_reasons_follow_the_interface_language(self, client: Any, cast: Any) -> None:
        policy = _import(cast, _plan(3))
        client.force_login(cast.sam)
        client.cookies["django_language"] = "en"
        assert "No lead unit found" in _review(client, policy)
        client.cookies["django_language"] = "zh-hant"
        assert "未找到牽頭單位" in _review(client, policy)

    def test_the_chinese_of_every_reason_is_the_extraction_librarys_message(self) -> None:
        chinese = B.load_sources().chinese
        for doubt, label in DOUBT_LABELS.items():
            assert chinese[label._args[0]] == message(doubt), doubt  # type: ignore[attr-defined]

    def test_a_long_plan_is_shown_a_page_at_a_time_and_a_focused_task_opens_its_page(
        self, client: Any, cast: Any
    ) -> None:
        policy = _import(cast, _plan(45))
        client.force_login(cast.sam)
        first = _cards(_review(client, policy, "?order=document"))
        second = _cards(_review(client, policy, "?order=document&page=2"))
        third = _cards(_review(client, policy, "?order=document&page=3"))
        assert (len(first), len(second), len(third)) == (20, 20, 5)
        assert len(set(first + second + third)) == 45
        target = second[7]
        page = _review(client, policy, f"?order=document&doubt=long_text&focus={target}")
        assert target in _cards(page) and _cards(page) == second  # the filter hiding it is dropped

    def test_the_source_tab_links_each_passage_to_its_card(self, client: Any, cast: Any) -> None:
        policy = _import(cast, _plan(45))
        client.force_login(cast.sam)
        page = _review(client, policy, "?show=source")
        task = policy.tasks.order_by("order").last()
        url = reverse("policies:review", args=[policy.pk])
        assert f'id="src-task-{task.pk}"' in page
        assert f'data-href="{url}?focus={task.pk}#card-{task.pk}"' in page
        assert 'class="task-card' not in page

    @pytest.mark.parametrize("show", ["tasks", "metrics", "source"])
    def test_its_query_count_does_not_grow_with_the_plan(self, client: Any, cast: Any, show: str) -> None:
        small, large = _import(cast, _plan(3)), _import(cast, _plan(60))
        client.force_login(cast.sam)
        counts = []
        for policy in (small, large):
            _review(client, policy, f"?show={show}")  # warm: sessions, caches
            with CaptureQueriesContext(connection) as queries:
                _review(client, policy, f"?show={show}")
            counts.append(len(queries.captured_queries))
        assert counts[0] == counts[1] <= 14, counts

    def test_a_metrics_task_list_shows_the_tasks_around_it_but_takes_any(
        self, client: Any, cast: Any
    ) -> None:
        policy = _import(cast, _plan(45))
        metric = Metric.objects.filter(policy=policy).order_by("span_start").first()
        client.force_login(cast.sam)
        card = _review(client, policy, f"?show=metrics&order=document&focus={metric.pk}")
        card = card.split(f'id="metric-{metric.pk}"')[1].split("</form>")[0]
        options = re.findall(r'<option value="(\d+)"', card.split(f'name="m{metric.pk}-task"')[1])
        assert 1 < len(options) <= 9 and str(metric.task_id) in options
        far = policy.tasks.order_by("order").last()
        values = {"indicator": metric.indicator, "kind": metric.kind, "comparator": metric.comparator}
        values |= {"value": metric.value, "unit": metric.unit, "year": "", "task": far.pk}
        response = client.post(
            reverse("policies:review_metric_save", args=[policy.pk, metric.pk]),
            {f"m{metric.pk}-{k}": v for k, v in values.items()},
            HTTP_HX_REQUEST="true",
        )
        assert response.status_code == 200
        metric.refresh_from_db()
        assert metric.task_id == far.pk


class PublishWarningTestCase:
    def _draft(self, cast: Any) -> Policy:
        policy = _import(cast, _plan(6))
        _confirm_units()
        return policy

    def test_tasks_without_lead_or_deadline_need_a_confirmation_listing_them(
        self, client: Any, cast: Any
    ) -> None:
        policy = self._draft(cast)
        client.force_login(cast.sam)
        response = client.post(reverse("policies:publish", args=[policy.pk]))
        assert response.status_code == 200
        page = response.content.decode()
        warned = page.split('id="warned-tasks"')[1]
        for task in policy.tasks.exclude(assignments__role="lead"):
            assert f"?focus={task.pk}#card-{task.pk}" in warned
        assert "2 项任务没有牵头单位" in page and "2 项任务没有完成时限" in page
        policy.refresh_from_db()
        assert policy.status == PolicyStatus.DRAFT

    def test_the_confirmed_policy_is_published_with_the_warnings_in_its_history(
        self, client: Any, cast: Any
    ) -> None:
        policy = self._draft(cast)
        client.force_login(cast.sam)
        page = client.post(reverse("policies:publish", args=[policy.pk])).content.decode()
        digest = re.search(r'name="confirm" value="([0-9a-f]+)"', page).group(1)
        response = client.post(reverse("policies:publish", args=[policy.pk]), {"confirm": digest})
        assert response.status_code == 302 and response["Location"] == reverse(
            "policies:detail", args=[policy.pk]
        )
        policy.refresh_from_db()
        assert policy.status == PolicyStatus.PUBLISHED
        assert set(policy.tasks.values_list("status", flat=True)) == {TaskStatus.ASSIGNED}
        orphan = policy.tasks.exclude(assignments__role=AssignmentRole.LEAD).first()
        assert orphan is not None and not orphan.assignments.exists()
        entry = HistoryEntry.objects.get(
            object_type="policies.policy", object_id=policy.pk, action="publish_policy"
        )
        assert orphan.ref in entry.after["confirmed_warnings"]["no_lead"]

    def test_a_confirmation_of_other_warnings_than_the_current_ones_asks_again(
        self, client: Any, cast: Any
    ) -> None:
        policy = self._draft(cast)
        client.force_login(cast.sam)
        page = client.post(reverse("policies:publish", args=[policy.pk])).content.decode()
        digest = re.search(r'name="confirm" value="([0-9a-f]+)"', page).group(1)
        Task.objects.filter(policy=policy, deadline_kind="month").update(
            deadline_kind="", deadline_year=None, deadline_month=None
        )
        response = client.post(reverse("policies:publish", args=[policy.pk]), {"confirm": digest})
        assert response.status_code == 200 and "以下是现在的清单" in response.content.decode()
        policy.refresh_from_db()
        assert policy.status == PolicyStatus.DRAFT

    def test_the_action_refuses_without_confirmation_and_accepts_true(self, cast: Any) -> None:
        policy = self._draft(cast)
        with pytest.raises(actions.PublishNeedsConfirmation) as caught:
            actions.do_publish_policy(cast.sam, policy)
        assert {w.label for w in caught.value.warnings} == {"一.3", "一.6"}
        assert all(w.no_lead and w.no_deadline for w in caught.value.warnings)
        actions.do_publish_policy(cast.sam, policy, confirm=True)
        policy.refresh_from_db()
        assert policy.status == PolicyStatus.PUBLISHED

    def test_a_policy_without_warnings_is_published_at_once(self, client: Any, cast: Any) -> None:
        policy = make_policy(cast.sam, publish=False)
        _confirm_units()
        client.force_login(cast.sam)
        assert actions.publish_warnings(policy) == []
        response = client.post(reverse("policies:publish", args=[policy.pk]))
        assert response.status_code == 302

    def test_the_review_screen_says_a_confirmation_will_be_asked(self, client: Any, cast: Any) -> None:
        policy = self._draft(cast)
        client.force_login(cast.sam)
        publish = _review(client, policy).split('id="publish"')[1].split("</form>")[0]
        assert "2 项任务没有牵头单位或完成时限，发布时需要确认" in publish


class DuplicateImportTestCase:
    def _upload(self, client: Any, name: str, data: bytes) -> Any:
        return client.post(
            reverse("policies:import"), {"file": SimpleUploadedFile(name, data, "application/octet-stream")}
        )

    def test_the_same_file_again_names_the_policy_it_made_with_a_link(self, client: Any, cast: Any) -> None:
        client.force_login(cast.sam)
        data = PLAN.encode("utf-8")
        assert self._upload(client, "要点.txt", data).status_code == 302
        first = Policy.objects.get()
        response = self._upload(client, "副本.txt", data)
        assert response.status_code == 409
        block = response.content.decode().split('id="duplicate"')[1].split("</div>")[0]
        assert reverse("policies:review", args=[first.pk]) in block and first.title in block
        assert Policy.objects.count() == 1
        assert self._upload(client, "改过.txt", data + "4.新增一项任务。\n".encode()).status_code == 302

    def test_a_published_duplicate_links_to_its_page(self, client: Any, cast: Any, policy: Policy) -> None:
        client.force_login(cast.sam)
        response = self._upload(client, "again.txt", policy.original.open("rb").read())
        assert response.status_code == 409
        assert reverse("policies:detail", args=[policy.pk]) in response.content.decode()

    def test_the_api_refuses_it_naming_the_policy(self, cast: Any) -> None:
        from rest_framework.test import APIClient

        first = _import(cast, PLAN)
        api = APIClient()
        api.force_authenticate(cast.sam)
        upload = SimpleUploadedFile("p.txt", PLAN.encode("utf-8"), "text/plain")
        response = api.post("/api/policies/", {"file": upload}, format="multipart")
        assert response.status_code == 400
        assert f"编号 {first.pk}" in response.json()["file"][0]


class BulkImportTestCase:
    def test_the_import_writes_in_bulk_whatever_the_number_of_tasks(self, cast: Any) -> None:
        counts = []
        for n in (6, 60):
            text = _plan(n)
            extraction = extract_text(text)
            with CaptureQueriesContext(connection) as queries:
                actions.do_import_policy(
                    cast.sam, data=text.encode(), name=f"p{n}.txt", extraction=extraction
                )
            counts.append(len(queries.captured_queries))
        # SQLite takes at most 999 values an INSERT: 60 rows of tasks are two; never one per task.
        assert counts[1] - counts[0] <= 3 and counts[1] < 25, counts

    def test_a_metric_hangs_on_the_task_it_stands_in(self, cast: Any) -> None:
        policy = _import(cast, _plan(6))
        for metric in Metric.objects.filter(policy=policy).select_related("task"):
            assert metric.task is not None
            assert metric.task.span_start <= metric.span_start < metric.task.span_end
            assert metric.confidence == confidence_of(metric.doubts.split())
