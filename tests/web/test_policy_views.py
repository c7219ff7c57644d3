"""The policy pages: list, import (upload), the review screen with its inline edits, publish, detail."""

from __future__ import annotations

import io
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from taizhang.core.models import HistoryEntry
from taizhang.devtools.builders import SAMPLE_TASK_TABLE, make_policy
from taizhang.ledger.models import Metric, Task, TaskStatus
from taizhang.ledger.policy_views import Span, highlight_source
from taizhang.policies.models import Policy, PolicyStatus
from taizhang.units.models import Unit, UnitStatus

pytestmark = pytest.mark.django_db

SMALL_TABLE = """关于进一步优化营商环境的工作方案任务分工

一、提升审批效率
1.全面推行工程建设项目审批告知承诺制，审批时限压缩至30个工作日以内。（牵头单位：区住房建设局；配合单位：区商务局；完成时限：2026年6月）
2.建立重点企业服务专员制度。（牵头单位：区发展改革局；完成时限：2026年12月）
"""


def _upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def _docx_bytes() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("关于优化营商环境的若干措施")
    table = document.add_table(rows=3, cols=5)
    for cell, text in zip(
        table.rows[0].cells, ["序号", "重点任务", "完成时限", "牵头单位", "协办单位"], strict=False
    ):
        cell.text = text
    rows = [
        ["1", "推进企业开办全程网办，开办时间压缩至1个工作日。", "2026年6月", "区市场监督管理局", "区商务局"],
        ["2", "建设企业服务专区，为企业精准推送惠企政策。", "2026年12月", "区发展改革局", "——"],
    ]
    for row, values in zip(table.rows[1:], rows, strict=False):
        for cell, text in zip(row.cells, values, strict=False):
            cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _draft(cast):
    return make_policy(cast.sam, publish=False)


def _card_data(task, **overrides):
    """The POST data of a task's review card, as the page renders it, with ``overrides``."""
    values = {
        "ref": task.ref,
        "text": task.text,
        "measure": task.measure_id or "",
        "deadline_kind": task.deadline_kind,
        "deadline_year": task.deadline_year or "",
        "deadline_month": task.deadline_month or "",
        "weight": "1",
        "lead": "、".join(a.unit.name for a in task.assignments.all() if a.role == "lead"),
        "co": "、".join(a.unit.name for a in task.assignments.all() if a.role == "co"),
        "version": task.version,
    }
    values.update(overrides)
    return {f"t{task.pk}-{k}": v for k, v in values.items()}


class HighlightTestCase:
    def test_it_wraps_spans_in_anchored_marks_and_escapes_the_text(self):
        html = highlight_source("a<b>任务一，指标。", [Span(4, 11, "task", "src-task-1", "card-1")])
        assert html == 'a&lt;b&gt;<mark id="src-task-1" class="task" data-card="card-1">任务一，指标。</mark>'

    def test_it_nests_a_metric_inside_its_task_and_cuts_a_crossing_span(self):
        text = "0123456789"
        html = highlight_source(
            text, [Span(2, 8, "task", "t"), Span(4, 6, "metric", "m"), Span(7, 10, "metric", "x")]
        )
        assert html == (
            '01<mark id="t" class="task">23<mark id="m" class="metric">45</mark>6'
            '<mark id="x" class="metric">7</mark></mark>89'
        )

    def test_it_leaves_out_empty_and_out_of_range_spans(self):
        assert highlight_source("abc", [Span(1, 1, "task", "a"), Span(5, 9, "task", "b")]) == "abc"


class PolicyListTestCase:
    def test_it_lists_policies_with_status_year_and_task_count(self, client, cast, policy):
        client.force_login(cast.sam)
        response = client.get(reverse("policies:list"))
        assert response.status_code == 200
        row = response.content.decode().split('class="policy-row"')[1]
        assert policy.title in row and "<td>3</td>" in row and "已发布" in row

    def test_it_shows_a_unit_only_published_policies_with_its_tasks(self, client, cast, policy):
        draft = _draft(cast)
        client.force_login(cast.andy)
        page = client.get(reverse("policies:list")).content.decode()
        assert reverse("policies:detail", args=[policy.pk]) in page
        assert reverse("policies:detail", args=[draft.pk]) not in page
        assert reverse("policies:import") not in page

    def test_its_query_count_does_not_grow_with_the_policies(
        self, client, cast, django_assert_max_num_queries
    ):
        for _ in range(6):
            _draft(cast)
        client.force_login(cast.sam)
        with django_assert_max_num_queries(8):
            assert client.get(reverse("policies:list")).status_code == 200


class ImportTestCase:
    def test_a_text_task_table_is_imported_and_opens_in_review(self, client, cast):
        client.force_login(cast.sam)
        response = client.post(
            reverse("policies:import"), {"file": _upload("方案.txt", SMALL_TABLE.encode())}
        )
        policy = Policy.objects.get()
        assert response.status_code == 302
        assert response["Location"] == reverse("policies:review", args=[policy.pk])
        assert policy.status == PolicyStatus.DRAFT and policy.original_name == "方案.txt"
        assert policy.tasks.count() == 2
        page = client.get(response["Location"]).content.decode()
        assert "区住房建设局" in page and 'id="card-' in page
        source = client.get(response["Location"] + "?show=source").content.decode()
        assert 'id="src-task-' in source

    def test_a_word_document_is_imported_by_its_content(self, client, cast):
        client.force_login(cast.sam)
        response = client.post(reverse("policies:import"), {"file": _upload("upload.bin", _docx_bytes())})
        assert response.status_code == 302, response.content.decode()
        policy = Policy.objects.get()
        texts = sorted(policy.tasks.values_list("text", flat=True))
        assert any("企业开办全程网办" in t for t in texts) and len(texts) == 2

    def test_an_empty_file_is_refused_naming_the_file_and_nothing_is_stored(self, client, cast, settings):
        client.force_login(cast.sam)
        response = client.post(reverse("policies:import"), {"file": _upload("空.txt", b"")})
        assert response.status_code == 400
        assert "空.txt" in response.content.decode()
        assert not Policy.objects.exists()

    def test_a_file_over_the_size_limit_is_refused(self, client, cast, settings):
        settings.TAIZHANG_MAX_UPLOAD_BYTES = 1024
        client.force_login(cast.sam)
        response = client.post(
            reverse("policies:import"), {"file": _upload("big.txt", "任务".encode() * 600)}
        )
        assert response.status_code == 400
        page = response.content.decode()
        assert "big.txt" in page and "MB" in page
        assert not Policy.objects.exists()

    def test_random_bytes_named_docx_are_refused_and_leave_no_trace(self, client, cast, settings):
        client.force_login(cast.sam)
        units_before = Unit.objects.count()
        response = client.post(reverse("policies:import"), {"file": _upload("方案.docx", os.urandom(4096))})
        assert response.status_code == 400
        assert "方案.docx" in response.content.decode()
        assert not Policy.objects.exists() and not Task.objects.exists()
        assert Unit.objects.count() == units_before
        media = settings.MEDIA_ROOT
        assert not os.path.exists(media) or not any(files for _, _, files in os.walk(media))

    @pytest.mark.parametrize("who", ["amy", "andy", "vera"])
    def test_only_the_steering_roles_may_import(self, client, cast, who):
        client.force_login(getattr(cast, who))
        assert client.get(reverse("policies:import")).status_code == 403
        response = client.post(reverse("policies:import"), {"file": _upload("a.txt", SMALL_TABLE.encode())})
        assert response.status_code == 403
        assert not Policy.objects.exists()

    def test_anonymous_people_are_sent_to_sign_in(self, client, db):
        response = client.get(reverse("policies:import"))
        assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


class ReviewTestCase:
    def test_the_review_screen_shows_source_spans_tasks_metrics_and_proposed_units(self, client, cast):
        draft = _draft(cast)
        client.force_login(cast.sam)
        url = reverse("policies:review", args=[draft.pk])
        page = client.get(url).content.decode()
        source = client.get(url + "?show=source").content.decode()
        for task in draft.tasks.all():
            assert f'id="card-{task.pk}"' in page and f'id="src-task-{task.pk}"' in source
        metric = Metric.objects.get(policy=draft)
        assert f'id="src-metric-{metric.pk}"' in source
        assert f'id="metric-{metric.pk}"' in client.get(url + "?show=metrics").content.decode()
        assert "东门街道办事处" in page.split('id="proposed-units"')[1].split("</section>")[0]
        assert reverse("units:confirm", args=[Unit.objects.get(name="东门街道办事处").pk]) in page

    def test_its_query_count_does_not_grow_with_the_tasks(self, client, cast, django_assert_max_num_queries):
        text = SAMPLE_TASK_TABLE + "".join(
            f"\n\t\n\t\n\t{n}.推进第{n}项改革任务落地见效。\n\t2026年{n - 3}月\n\t区商务局\n\t区发展改革局\n"
            for n in range(4, 12)
        )
        draft = make_policy(cast.sam, text, publish=False)
        assert draft.tasks.count() == 11
        client.force_login(cast.sam)
        with django_assert_max_num_queries(12):
            assert client.get(reverse("policies:review", args=[draft.pk])).status_code == 200

    def test_saving_a_card_changes_the_task_and_its_units_and_writes_history(self, client, cast):
        draft = _draft(cast)
        task = draft.tasks.order_by("order").first()
        client.force_login(cast.sam)
        data = _card_data(
            task, text="推进高频事项全程网办。", weight="2.5", lead="区发展改革局", co="区财政局"
        )
        response = client.post(
            reverse("policies:review_task_save", args=[draft.pk, task.pk]), data, HTTP_HX_REQUEST="true"
        )
        assert response.status_code == 200
        assert 'id="card-' in response.content.decode() and "区财政局" in response.content.decode()
        task.refresh_from_db()
        assert task.text == "推进高频事项全程网办。" and str(task.weight) == "2.50"
        assert [(a.role, a.unit.name) for a in task.assignments.order_by("role")] == [
            ("co", "区财政局"),
            ("lead", "区发展改革局"),
        ]
        assert Unit.objects.get(name="区财政局").status == UnitStatus.PROPOSED
        actions = set(HistoryEntry.objects.filter(task_id=task.pk).values_list("action", flat=True))
        assert {"update_task", "update_task_units"} <= actions

    def test_a_card_without_a_lead_unit_is_refused_naming_the_field(self, client, cast):
        draft = _draft(cast)
        task = draft.tasks.order_by("order").first()
        client.force_login(cast.sam)
        response = client.post(
            reverse("policies:review_task_save", args=[draft.pk, task.pk]),
            _card_data(task, lead="——"),
            HTTP_HX_REQUEST="true",
        )
        assert response.status_code == 400
        page = response.content.decode()
        assert "牵头单位" in page and "请填写至少一个牵头单位" in page
        task.refresh_from_db()
        assert task.assignments.filter(role="lead").exists() and task.version == 1

    def test_a_month_deadline_without_a_month_is_refused_naming_the_deadline(self, client, cast):
        draft = _draft(cast)
        task = draft.tasks.order_by("order").first()
        client.force_login(cast.sam)
        response = client.post(
            reverse("policies:review_task_save", args=[draft.pk, task.pk]),
            _card_data(task, deadline_kind="month", deadline_month=""),
            HTTP_HX_REQUEST="true",
        )
        assert response.status_code == 400
        assert "完成时限: 按月的完成时限需要年份和 1-12 的月份" in response.content.decode()

    def test_switching_a_deadline_to_ongoing_drops_its_year_and_month(self, client, cast):
        draft = _draft(cast)
        task = draft.tasks.order_by("order").first()
        client.force_login(cast.sam)
        response = client.post(
            reverse("policies:review_task_save", args=[draft.pk, task.pk]),
            _card_data(task, deadline_kind="ongoing"),
        )
        assert response.status_code == 302
        task.refresh_from_db()
        assert (task.deadline_kind, task.deadline_year, task.deadline_month) == ("ongoing", None, None)
        assert task.deadline_text == ""  # the document's "2025年12月" no longer applies

    def test_a_refused_plain_form_post_shows_the_card_on_a_full_page(self, client, cast):
        draft = _draft(cast)
        task = draft.tasks.order_by("order").first()
        client.force_login(cast.sam)
        response = client.post(
            reverse("policies:review_task_save", args=[draft.pk, task.pk]), _card_data(task, text="")
        )
        assert response.status_code == 400
        page = response.content.decode()
        assert "<html" in page and f'id="card-{task.pk}"' in page and "<p>任务: " in page and "必填" in page

    def test_a_stale_card_is_refused_with_the_other_persons_values(self, client, cast):
        draft = _draft(cast)
        task = draft.tasks.order_by("order").first()
        client.force_login(cast.sam)
        url = reverse("policies:review_task_save", args=[draft.pk, task.pk])
        assert (
            client.post(url, _card_data(task, text="第一次修改。"), HTTP_HX_REQUEST="true").status_code == 200
        )
        response = client.post(url, _card_data(task, text="第二次修改。"), HTTP_HX_REQUEST="true")
        assert response.status_code == 409
        assert "第一次修改。" in response.content.decode()
        task.refresh_from_db()
        assert task.text == "第一次修改。"

    def test_a_missed_task_can_be_added_and_a_false_one_deleted(self, client, cast):
        draft = _draft(cast)
        client.force_login(cast.sam)
        response = client.post(
            reverse("policies:review_task_add", args=[draft.pk]),
            {
                "new-text": "开展营商环境满意度调查。",
                "new-ref": "4",
                "new-deadline_kind": "year",
                "new-deadline_year": "2026",
                "new-weight": "1",
                "new-lead": "区商务局",
                "new-co": "",
            },
        )
        assert response.status_code == 302
        added = draft.tasks.get(ref="4")
        assert added.deadline_year == 2026 and added.assignments.get().unit == cast.unit_a
        assert HistoryEntry.objects.filter(task_id=added.pk, action="add_task").exists()
        response = client.post(reverse("policies:review_task_delete", args=[draft.pk, added.pk]))
        assert response.status_code == 302
        assert not Task.objects.filter(pk=added.pk).exists()
        assert (
            HistoryEntry.objects.get(task_id=added.pk, action="delete_task").before["text"]
            == "开展营商环境满意度调查。"
        )

    def test_a_metric_can_be_corrected(self, client, cast):
        draft = _draft(cast)
        metric = Metric.objects.get(policy=draft)
        client.force_login(cast.sam)
        data = {
            f"m{metric.pk}-{k}": v
            for k, v in {
                "indicator": "全程网办率",
                "kind": "target",
                "comparator": ">=",
                "value": "95",
                "unit": "%",
                "year": "2025",
                "task": metric.task_id,
            }.items()
        }
        response = client.post(
            reverse("policies:review_metric_save", args=[draft.pk, metric.pk]), data, HTTP_HX_REQUEST="true"
        )
        assert response.status_code == 200
        metric.refresh_from_db()
        assert (metric.indicator, metric.value) == ("全程网办率", 95.0)
        assert HistoryEntry.objects.filter(object_type="ledger.metric", action="update_metric").exists()

    def test_a_published_policy_is_no_longer_reviewed(self, client, cast, policy):
        client.force_login(cast.sam)
        response = client.get(reverse("policies:review", args=[policy.pk]))
        assert response.status_code == 302 and response["Location"] == reverse(
            "policies:detail", args=[policy.pk]
        )
        task = policy.tasks.first()
        url = reverse("policies:review_task_save", args=[policy.pk, task.pk])
        assert client.post(url, _card_data(task)).status_code == 404

    @pytest.mark.parametrize("who", ["amy", "andy", "bob", "ben"])
    def test_unit_people_cannot_reach_a_draft_review(self, client, cast, who):
        draft = _draft(cast)
        task = draft.tasks.first()
        client.force_login(getattr(cast, who))
        assert client.get(reverse("policies:review", args=[draft.pk])).status_code == 404
        response = client.post(
            reverse("policies:review_task_save", args=[draft.pk, task.pk]), _card_data(task)
        )
        assert response.status_code == 404
        assert client.post(reverse("policies:publish", args=[draft.pk])).status_code == 404

    def test_unit_people_get_403_on_the_review_of_a_policy_they_read(self, client, cast, policy):
        client.force_login(cast.andy)
        assert client.get(reverse("policies:detail", args=[policy.pk])).status_code == 200
        assert client.get(reverse("policies:review", args=[policy.pk])).status_code == 403

    def test_a_viewer_reads_a_draft_but_cannot_review_it(self, client, cast):
        draft = _draft(cast)
        client.force_login(cast.vera)
        assert client.get(reverse("policies:detail", args=[draft.pk])).status_code == 200
        assert client.get(reverse("policies:review", args=[draft.pk])).status_code == 403


class PublishTestCase:
    def test_publishing_with_proposed_units_is_refused_naming_the_tasks(self, client, cast):
        draft = _draft(cast)
        client.force_login(cast.sam)
        response = client.post(reverse("policies:publish", args=[draft.pk]), follow=True)
        page = response.content.decode()
        assert "未发布" in page and "一.(二).3" in page and "东门街道办事处" in page
        draft.refresh_from_db()
        assert draft.status == PolicyStatus.DRAFT

    def test_publishing_assigns_the_tasks_and_opens_the_detail_page(self, client, cast):
        draft = _draft(cast)
        for unit in Unit.objects.filter(status=UnitStatus.PROPOSED):
            client.force_login(cast.sam)
            client.post(reverse("units:confirm", args=[unit.pk]), {"name": unit.name, "kind": unit.kind})
        response = client.post(reverse("policies:publish", args=[draft.pk]))
        assert response.status_code == 302 and response["Location"] == reverse(
            "policies:detail", args=[draft.pk]
        )
        assert set(draft.tasks.values_list("status", flat=True)) == {TaskStatus.ASSIGNED}
        page = client.get(response["Location"]).content.decode()
        assert "33.3%" in page  # each of three equal tasks carries a third of the weight


class DetailTestCase:
    def test_it_shows_measures_tasks_and_the_weighted_rollup(self, client, cast, policy, tasks):
        Task.objects.filter(pk=tasks[0].pk).update(progress=100, weight=2)
        client.force_login(cast.vera)
        page = client.get(reverse("policies:detail", args=[policy.pk])).content.decode()
        assert "深化“一网通办”改革" in page and "优化市场准入" in page
        assert "50.0%" in page  # 2 x 100 / (2 + 1 + 1)
        assert "(50.0%)" in page  # task 1 carries half the weight
        assert reverse("ledger:task_detail", args=[tasks[0].pk]) in page

    def test_a_unit_cannot_read_a_policy_without_its_tasks(self, client, cast, policy):
        from taizhang.accounts.models import Role
        from taizhang.devtools.builders import make_person, make_unit

        stranger = make_person("sally", Role.UNIT_OFFICER, make_unit("区司法局"))
        client.force_login(stranger)
        assert client.get(reverse("policies:detail", args=[policy.pk])).status_code == 404


class ReviewActionsTestCase:
    """The review actions refuse whoever may not steer, and published policies, whatever the path."""

    @pytest.mark.parametrize("who", ["vera", "amy", "andy"])
    def test_only_the_steering_roles_may_use_them(self, cast, who):
        from django.core.exceptions import PermissionDenied

        from taizhang.ledger import policy_actions as P

        draft = _draft(cast)
        task = draft.tasks.first()
        person = getattr(cast, who)
        with pytest.raises(PermissionDenied):
            P.do_update_draft_task(person, task, seen_version=task.version, changes={"text": "改"})
        with pytest.raises(PermissionDenied):
            P.do_add_draft_task(person, draft, text="新任务", lead=["区商务局"])
        with pytest.raises(PermissionDenied):
            P.do_delete_draft_task(person, task)
        with pytest.raises(PermissionDenied):
            P.do_update_metric(person, Metric.objects.get(policy=draft), value=1)
        assert draft.tasks.count() == 3 and not HistoryEntry.objects.filter(actor=person).exists()

    def test_they_refuse_a_published_policy_naming_the_status(self, cast, policy, tasks):
        from django.core.exceptions import ValidationError

        from taizhang.ledger import policy_actions as P

        with pytest.raises(ValidationError) as refused:
            P.do_delete_draft_task(cast.sam, tasks[0])
        assert "status" in refused.value.message_dict
        with pytest.raises(ValidationError):
            P.do_add_draft_task(cast.sam, policy, text="新任务", lead=["区商务局"])
        assert policy.tasks.count() == 3

    def test_a_metric_cannot_be_moved_to_another_policys_task(self, cast, policy, tasks):
        from django.core.exceptions import ValidationError

        from taizhang.ledger import policy_actions as P

        draft = _draft(cast)
        with pytest.raises(ValidationError) as refused:
            P.do_update_metric(cast.sam, Metric.objects.get(policy=draft), task=tasks[0])
        assert "task" in refused.value.message_dict

    def test_unit_names_are_split_on_the_usual_separators(self):
        from taizhang.ledger.policy_actions import split_unit_names

        assert split_unit_names("区商务局、区财政局，区司法局;区商务局") == [
            "区商务局",
            "区财政局",
            "区司法局",
        ]
        assert split_unit_names("——") == [] and split_unit_names("") == []
