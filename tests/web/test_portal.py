"""The public portal (公开门户) and the blue book (蓝皮书): what the supervisor makes public, and a
hard look for anything that must never be public (drafts, returned reports, comments, notices,
people's names, policies that are not public) in every portal page and the blue book."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import Any

import pdfplumber
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from taizhang.core.models import HistoryEntry
from taizhang.devtools.builders import SAMPLE_TASK_TABLE, make_policy
from taizhang.ledger.models import (
    ExtensionRequest,
    ProgressReport,
    ReportContribution,
    ReportStatus,
    TaskAssignment,
)
from taizhang.portal.actions import do_publish_to_portal, do_withdraw_from_portal
from taizhang.portal.bluebook import write_bluebook
from taizhang.portal.models import PublicationSettings

ACCEPTED_NARRATIVE = "公开进展已完成网办改造"
OLDER_ACCEPTED = "较早进展旧版叙述"
SENTINELS = {
    "draft report": "哨兵草稿进展甲",
    "submitted report": "哨兵已报送乙",
    "leader-approved report": "哨兵负责人审核丙",
    "returned report": "哨兵退回报告丁",
    "return comments": "哨兵退回意见戊",
    "supervisor comments on an accepted report": "哨兵采纳意见己",
    "co-unit contribution": "哨兵协办补充庚",
    "supervision notice": "哨兵督办要求辛",
    "supervision notice answer": "哨兵督办回复壬",
    "reminder": "哨兵提醒癸",
    "extension reason": "哨兵延期理由子",
    "returned task reason": "哨兵退回任务丑",
    "task of a policy that is not public": "哨兵未公开任务寅",
    "task of a draft policy": "哨兵草稿政策卯",
    "supervisor's name": "哨兵督查员辰",
    "officer's name": "哨兵联络员巳",
    "head of unit": "张局长",
}


def _other_policy(supervisor: Any, title: str, publish: bool = True) -> Any:
    text = SAMPLE_TASK_TABLE.replace("某区优化营商环境若干措施", title)
    return make_policy(supervisor, text, name=f"{title}.txt", publish=publish)


def _report(
    task: Any, unit: Any, period: str, status: str, narrative: str, comments: str = "", **kw: Any
) -> Any:
    return ProgressReport.objects.create(
        task=task,
        unit=unit,
        period=period,
        status=status,
        narrative=narrative,
        comments=comments,
        percent=50,
        **kw,
    )


def _pdf_text(data: bytes) -> str:
    """The PDF's running text and, whole, the text of each table cell (running text interleaves
    the lines of wrapped cells, which could hide a string)."""
    parts: list[str] = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            parts.append(page.extract_text() or "")
            for table in page.extract_tables():
                parts.extend(cell or "" for row in table for cell in row)
    return "\n".join(part.replace("\n", "").replace(" ", "") for part in parts)


@pytest.fixture
def public_policy(cast: Any, policy: Any) -> Any:
    do_publish_to_portal(cast.sam, policy)
    return policy


@pytest.fixture
def planted(cast: Any, public_policy: Any, tasks: list[Any]) -> dict[str, Any]:
    """Sentinel strings in every field that must never be public."""
    from taizhang.supervision.models import Notice, SupervisionNotice

    now = timezone.now()
    first, second = tasks[0], tasks[1]
    _report(first, cast.unit_a, "2024-Q1", ReportStatus.ACCEPTED, OLDER_ACCEPTED, reviewed_at=now)
    accepted = _report(
        first,
        cast.unit_a,
        "2024-Q2",
        ReportStatus.ACCEPTED,
        ACCEPTED_NARRATIVE,
        SENTINELS["supervisor comments on an accepted report"],
        reviewed_at=now,
        reviewed_by=cast.sam,
        created_by=cast.andy,
        submitted_by=cast.andy,
    )
    ReportContribution.objects.create(
        report=accepted, unit=cast.unit_b, text=SENTINELS["co-unit contribution"]
    )
    _report(first, cast.unit_a, "2024-Q3", ReportStatus.DRAFT, SENTINELS["draft report"])
    _report(first, cast.unit_a, "2024-Q4", ReportStatus.SUBMITTED, SENTINELS["submitted report"])
    _report(
        first, cast.unit_a, "2025-Q1", ReportStatus.APPROVED_BY_LEADER, SENTINELS["leader-approved report"]
    )
    _report(
        second,
        cast.unit_b,
        "2025-Q2",
        ReportStatus.RETURNED,
        SENTINELS["returned report"],
        SENTINELS["return comments"],
    )
    SupervisionNotice.objects.create(
        task=first,
        instruction=SENTINELS["supervision notice"],
        due_on=dt.date(2024, 12, 1),
        issued_by=cast.sam,
        issued_at=now,
        answer=SENTINELS["supervision notice answer"],
    )
    Notice.objects.create(
        recipient=cast.andy, kind="task_red", task=first, text=SENTINELS["reminder"], key="k1", created_at=now
    )
    ExtensionRequest.objects.create(
        task=second,
        unit=cast.unit_b,
        requested_kind="year",
        requested_year=2026,
        reason=SENTINELS["extension reason"],
    )
    TaskAssignment.objects.filter(task=second).update(returned_reason=SENTINELS["returned task reason"])
    hidden = _other_policy(cast.sam, "未公开的政策")
    hidden.tasks.update(text=SENTINELS["task of a policy that is not public"])
    draft = _other_policy(cast.sam, "草稿的政策", publish=False)
    draft.tasks.update(text=SENTINELS["task of a draft policy"])
    type(cast.sam).objects.filter(pk=cast.sam.pk).update(first_name=SENTINELS["supervisor's name"])
    type(cast.andy).objects.filter(pk=cast.andy.pk).update(first_name=SENTINELS["officer's name"])
    return {"hidden": hidden, "draft": draft}


@pytest.mark.django_db
class NothingPrivateLeaksTestCase:
    def _pages(self, client: Client, *policy_ids: int) -> str:
        urls = [reverse("portal:home")] + [reverse("portal:policy", args=[pk]) for pk in policy_ids]
        out = []
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
            out.append(response.content.decode())
        return "\n".join(out)

    def test_portal_pages_show_the_accepted_narrative_and_nothing_private(
        self, client: Client, public_policy: Any, planted: dict[str, Any]
    ) -> None:
        html = self._pages(client, public_policy.pk)
        assert ACCEPTED_NARRATIVE in html and public_policy.title in html
        assert OLDER_ACCEPTED not in html  # only the latest accepted narrative
        leaked = [what for what, text in SENTINELS.items() if text in html]
        assert leaked == []

    def test_the_blue_book_shows_the_accepted_narrative_and_nothing_private(
        self, public_policy: Any, planted: dict[str, Any]
    ) -> None:
        text = _pdf_text(write_bluebook())
        assert ACCEPTED_NARRATIVE in text and "蓝皮书" in text and "目录" in text
        leaked = [what for what, sentinel in SENTINELS.items() if sentinel in text]
        assert leaked == []

    def test_policies_that_are_not_public_answer_404(
        self, client: Client, cast: Any, public_policy: Any, planted: dict[str, Any]
    ) -> None:
        for policy in (planted["hidden"], planted["draft"]):
            assert client.get(reverse("portal:policy", args=[policy.pk])).status_code == 404
        assert client.get(reverse("portal:policy", args=[999999])).status_code == 404
        do_withdraw_from_portal(cast.sam, public_policy)
        assert client.get(reverse("portal:policy", args=[public_policy.pk])).status_code == 404
        assert public_policy.title not in client.get(reverse("portal:home")).content.decode()
        assert public_policy.title not in _pdf_text(write_bluebook())

    def test_a_signed_in_unit_officer_sees_no_more_than_the_public(
        self, client: Client, cast: Any, public_policy: Any, planted: dict[str, Any]
    ) -> None:
        client.force_login(cast.andy)
        html = self._pages(client, public_policy.pk)
        assert [w for w, t in SENTINELS.items() if t in html and w != "officer's name"] == []
        assert client.get(reverse("portal:policy", args=[planted["hidden"].pk])).status_code == 404

    def test_hiding_progress_hides_colours_percentages_and_narratives(
        self, client: Client, cast: Any, public_policy: Any, planted: dict[str, Any]
    ) -> None:
        do_publish_to_portal(cast.sam, public_policy, show_progress=False, show_indicators=False)
        html = self._pages(client, public_policy.pk)
        assert ACCEPTED_NARRATIVE not in html and "rag-" not in html
        assert public_policy.tasks.first().text in html
        assert ACCEPTED_NARRATIVE not in _pdf_text(write_bluebook())


@pytest.mark.django_db
class PublicPagesTestCase:
    def test_nothing_is_public_by_default(self, client: Client, policy: Any) -> None:
        assert client.get(reverse("portal:policy", args=[policy.pk])).status_code == 404
        assert policy.title not in client.get(reverse("portal:home")).content.decode()

    def test_pages_need_no_login_and_are_cacheable_without_cookies(
        self, client: Client, public_policy: Any
    ) -> None:
        for url in (
            reverse("portal:home"),
            reverse("portal:policy", args=[public_policy.pk]),
            reverse("portal:bluebook"),
        ):
            response = client.get(url)
            assert response.status_code == 200
            assert "public" in response["Cache-Control"] and "max-age=300" in response["Cache-Control"]
            assert not response.cookies

    def test_signed_in_users_get_private_responses(
        self, client: Client, cast: Any, public_policy: Any
    ) -> None:
        client.force_login(cast.sam)
        response = client.get(reverse("portal:home"))
        assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]

    def test_the_home_page_counts_colours_of_each_public_policy(
        self, client: Client, public_policy: Any
    ) -> None:
        html = client.get(reverse("portal:home")).content.decode()
        assert reverse("portal:policy", args=[public_policy.pk]) in html
        assert f"<td>{public_policy.tasks.count()}</td>" in html

    def test_the_home_page_costs_the_same_queries_for_more_policies(
        self, client: Client, cast: Any, public_policy: Any, django_assert_num_queries: Any
    ) -> None:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as one:
            client.get(reverse("portal:home"))
        for title in ("第二份政策", "第三份政策"):
            do_publish_to_portal(cast.sam, _other_policy(cast.sam, title))
        with django_assert_num_queries(len(one.captured_queries)):
            html = client.get(reverse("portal:home")).content.decode()
        assert "第三份政策" in html

    def test_the_policy_page_costs_a_fixed_number_of_queries(
        self, client: Client, public_policy: Any, django_assert_max_num_queries: Any
    ) -> None:
        with django_assert_max_num_queries(9):
            assert client.get(reverse("portal:policy", args=[public_policy.pk])).status_code == 200

    def test_indicators_are_charted_with_baseline_target_and_actuals(
        self, client: Client, cast: Any, public_policy: Any
    ) -> None:
        from taizhang.monitoring.models import Indicator, IndicatorActual

        indicator = Indicator.objects.create(
            policy=public_policy,
            code="I1",
            name="企业满意度指数",
            measure_unit="%",
            baseline_value=Decimal("60"),
            baseline_year=2023,
            target_value=Decimal("90"),
            target_year=2025,
        )
        IndicatorActual.objects.create(
            indicator=indicator, year=2024, value=Decimal("72.5"), entered_at=timezone.now()
        )
        html = client.get(reverse("portal:policy", args=[public_policy.pk])).content.decode()
        assert "企业满意度指数" in html and "echarts-5.6.0.min.js" in html and "72.5" in html
        text = _pdf_text(write_bluebook())
        assert "企业满意度指数" in text and "2024年72.5" in text and "90（2025年）" in text
        do_publish_to_portal(cast.sam, public_policy, show_indicators=False)
        html = client.get(reverse("portal:policy", args=[public_policy.pk])).content.decode()
        assert "企业满意度指数" not in html and "echarts" not in html

    def test_the_blue_book_embeds_its_font_when_one_is_installed(self, public_policy: Any) -> None:
        from taizhang.bulletins.pdf import cjk_font

        raw = write_bluebook()
        assert raw.startswith(b"%PDF")
        if cjk_font().embedded:
            assert b"/FontFile2" in raw
        text = _pdf_text(raw)
        assert public_policy.title in text
        assert public_policy.tasks.first().text[:10] in text


@pytest.mark.django_db
class PublicationSettingsTestCase:
    def test_the_supervisor_publishes_and_withdraws_with_history(self, cast: Any, policy: Any) -> None:
        row = do_publish_to_portal(cast.sam, policy, show_indicators=False)
        assert row.is_public and row.show_progress and not row.show_indicators
        do_withdraw_from_portal(cast.alice, policy)
        assert not PublicationSettings.objects.get(policy=policy).is_public
        actions = list(
            HistoryEntry.objects.filter(object_type="portal.publicationsettings").values_list(
                "action", flat=True
            )
        )
        assert actions == ["portal.publish", "portal.withdraw"]

    @pytest.mark.parametrize("who", ["vera", "amy", "andy", "bob", "ben"])
    def test_only_steering_roles_choose_what_is_public(self, cast: Any, policy: Any, who: str) -> None:
        with pytest.raises(PermissionDenied):
            do_publish_to_portal(getattr(cast, who), policy)
        with pytest.raises(PermissionDenied):
            do_withdraw_from_portal(getattr(cast, who), policy)

    def test_a_draft_policy_cannot_be_made_public(self, cast: Any) -> None:
        draft = make_policy(cast.sam, publish=False)
        with pytest.raises(ValidationError) as error:
            do_publish_to_portal(cast.sam, draft)
        assert "policy" in error.value.message_dict

    def test_the_settings_page_publishes_for_the_supervisor_only(
        self, client: Client, cast: Any, policy: Any
    ) -> None:
        client.force_login(cast.andy)
        assert client.get(reverse("portal:manage")).status_code == 403
        assert client.post(
            reverse("portal:manage_policy", args=[policy.pk]), {"is_public": "1"}
        ).status_code in (403, 404)
        client.force_login(cast.sam)
        assert policy.title in client.get(reverse("portal:manage")).content.decode()
        response = client.post(
            reverse("portal:manage_policy", args=[policy.pk]), {"is_public": "1", "show_progress": "1"}
        )
        assert response.status_code == 302
        row = PublicationSettings.objects.get(policy=policy)
        assert row.is_public and row.show_progress and not row.show_indicators
        client.post(reverse("portal:manage_policy", args=[policy.pk]), {})
        row.refresh_from_db()
        assert not row.is_public
