"""The ledger's core flow in a real browser, as the people of the cast walk it.

sam (supervisor) imports a small task table through the upload form, corrects a misspelt lead
unit on the review screen and tries to publish; the refusal names the unit the document
introduced, which alice (administrator) confirms; sam publishes. andy (officer of 区商务局)
writes and submits the month's report, amy (his leader) approves it and sam accepts it. Each
step is checked on what the page shows the person; the end state is checked in the database.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from .conftest import assert_assets_loaded, expect_message, label, log_in, log_out, nav, settle, t

expect = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed").expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "某区数字政务提升行动方案"
# A task table as a plain-text export lays it out, one cell per line. Task 1's lead unit is
# misspelt (区商务厅 for 区商务局); task 2 names a unit the ledger does not know yet.
DOCUMENT = f"""《{TITLE}》任务分解表

\t序号
\t主要措施
\t重点任务
\t完成时限
\t牵头单位
\t协办单位

\t一、提升数字政务水平

\t（一）
\t推进“一件事一次办”
\t1.推行企业开办“一件事一次办”，压缩办理时间。
\t2027年12月
\t区商务厅
\t区发展改革局

\t
\t
\t2.建设政务数据共享平台，打通部门数据壁垒。
\t2027年6月
\t区发展改革局
\t区数据资源局
"""
TASK_1 = "推行企业开办“一件事一次办”"
NARRATIVE = "已完成企业开办线上专区改造，平均办理时间压缩至1个工作日。"


class CoreFlowTestCase:
    def test_a_policy_goes_from_upload_to_an_accepted_report(
        self, page: Any, cast: Any, run_jobs: Any
    ) -> None:
        from taizhang.core.models import HistoryEntry
        from taizhang.ledger.models import ProgressReport, ReportStatus, Task, TaskStatus
        from taizhang.policies.models import Policy, PolicyStatus
        from taizhang.units.models import Unit, UnitStatus

        # --- sam imports the document through the upload form
        log_in(page, "sam")
        nav(page, t("Policies"))
        page.get_by_role("link", name=t("Import a policy")).click()
        page.locator("input[type=file][name=file]").set_input_files(
            {"name": "数字政务任务分解表.txt", "mimeType": "text/plain", "buffer": DOCUMENT.encode("utf-8")}
        )
        page.get_by_label(t("Title"), exact=True).fill(TITLE)
        page.get_by_role("button", name=t("Import"), exact=True).click()
        # the background job's page, which refreshes itself until the worker has read the document
        expect(page).to_have_url(re.compile(r"/jobs/\d+/\?follow=1$"))
        expect(page.locator("#job")).to_have_attribute("data-status", "queued")
        assert run_jobs() == 1
        expect(page).to_have_url(re.compile(r"/policies/\d+/review/$"), timeout=15_000)
        expect_message(
            page,
            t(
                "Imported %(name)s: %(tasks)s tasks, %(units)s proposed units. Review and publish it.",
                name="数字政务任务分解表.txt",
                tasks=2,
                units=2,
            ),
        )
        expect(page.get_by_role("heading", level=1)).to_have_text(f"{t('Review')}: {TITLE}")
        proposed = page.locator("#proposed-units")
        expect(proposed).to_contain_text("区商务厅")
        expect(proposed).to_contain_text("区数据资源局")

        # --- on the review screen he corrects task 1's lead unit: type in the field, save
        settle(page)
        card = page.locator("article.task-card", has_text=TASK_1)
        lead = card.get_by_label(t("Lead units"))
        expect(lead).to_have_value("区商务厅")
        lead.fill("区商务局")
        card.get_by_role("button", name=t("Save"), exact=True).click()
        saved = page.locator("article.task-card", has_text=TASK_1)  # htmx swapped the card in
        expect(saved.get_by_role("status")).to_have_text(t("Saved"))
        expect(saved.get_by_label(t("Lead units"))).to_have_value("区商务局")

        # --- publishing is refused while the unit the document introduced is only proposed
        page.reload()
        expect(page.locator("#proposed-units")).not_to_contain_text("区商务厅")
        expect(page.locator("#proposed-units")).to_contain_text("区数据资源局")
        page.get_by_role("button", name=t("Publish (assign the tasks)")).click()
        expect(page.locator("ul.messages li.message-error")).to_contain_text(
            t("Not published: %(reason)s", reason="")
        )
        expect(page.locator("ul.messages li.message-error")).to_contain_text("区数据资源局")
        review_url = page.url
        log_out(page)

        # --- alice, the administrator, confirms the new unit
        log_in(page, "alice")
        nav(page, t("Units"))
        page.get_by_role("link", name="区数据资源局", exact=True).wait_for()
        row = page.locator("tr.unit-row", has_text="区数据资源局")
        row.get_by_role("link", name=t("Confirm"), exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("区数据资源局")
        page.locator("main").get_by_role("button", name=t("Confirm"), exact=True).click()
        expect_message(page, t("Unit %(name)s confirmed.", name="区数据资源局"))
        log_out(page)

        # --- sam publishes: the tasks are assigned
        log_in(page, "sam")
        page.goto(review_url)
        expect(page.locator("#proposed-units")).to_have_count(0)
        page.get_by_role("button", name=t("Publish (assign the tasks)")).click()
        expect_message(page, t("Published: the tasks are assigned to their units."))
        expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
        expect(page.locator(".badge-published")).to_have_text(label(PolicyStatus.PUBLISHED))
        task_row = page.locator("tr", has_text=TASK_1)
        expect(task_row).to_contain_text("区商务局")
        expect(task_row).to_contain_text(label(TaskStatus.ASSIGNED))
        log_out(page)

        # --- andy (officer of 区商务局) writes this month's report and submits it
        log_in(page, "andy")
        nav(page, t("Inbox"))
        page.locator("#due").get_by_role("link", name=TASK_1).click()
        expect(page.locator("p.task-text")).to_contain_text(TASK_1)
        reports = page.locator("#reports")
        reports.locator("summary").first.click()
        reports.get_by_label(t("Progress")).fill(NARRATIVE)
        reports.get_by_label(t("Percent complete")).fill("40")
        reports.get_by_role("button", name=t("Save draft")).click()
        expect_message(page, t("The report draft was saved."))
        report = page.locator("article.report")
        expect(report).to_have_count(1)
        expect(report.locator("h3")).to_contain_text(label(ReportStatus.DRAFT))
        expect(report.locator("h3")).to_contain_text("40%")
        expect(report).to_contain_text(NARRATIVE)
        report.get_by_role("button", name=t("Submit"), exact=True).click()
        expect_message(page, t("The report was submitted to the unit leader."))
        expect(page.locator("article.report h3")).to_contain_text(label(ReportStatus.SUBMITTED))
        expect(
            page.locator("article.report").get_by_role("button", name=t("Submit"), exact=True)
        ).to_have_count(0)
        log_out(page)

        # --- amy, his leader, approves it from her inbox
        log_in(page, "amy")
        nav(page, t("Inbox"))
        page.locator("#approve").get_by_role("link", name=TASK_1).click()
        report = page.locator("article.report")
        expect(report).to_contain_text(NARRATIVE)
        report.get_by_role("button", name=t("Approve"), exact=True).click()
        expect_message(page, t("The report was approved and sent to the supervisor."))
        expect(page.locator("article.report h3")).to_contain_text(label(ReportStatus.APPROVED_BY_LEADER))
        log_out(page)

        # --- sam accepts it from his review queue
        log_in(page, "sam")
        nav(page, t("Supervision"))
        page.locator("#review").get_by_role("link", name=TASK_1).click()
        report = page.locator("article.report")
        expect(report).to_contain_text(NARRATIVE)
        report.locator("select[name$='-decision']").select_option("accept")
        report.get_by_label(t("Comments")).fill("进展属实，同意采纳。")
        report.get_by_role("button", name=t("Record review")).click()
        expect_message(page, t("The review was recorded."))
        report = page.locator("article.report")
        expect(report.locator("h3")).to_contain_text(label(ReportStatus.ACCEPTED))
        expect(report).to_contain_text("进展属实，同意采纳。")
        expect(page.locator("#history")).to_contain_text("accept_report")
        assert page.errors == []
        assert_assets_loaded(page)

        # --- and the database agrees
        policy = Policy.objects.get(title=TITLE)
        assert policy.status == PolicyStatus.PUBLISHED
        assert Unit.objects.get(name="区数据资源局").status == UnitStatus.CONFIRMED
        task = Task.objects.get(policy=policy, text__startswith=TASK_1)
        assert [a.unit.name for a in task.assignments.filter(role="lead")] == ["区商务局"]
        [accepted] = ProgressReport.objects.filter(task=task)
        assert accepted.status == ReportStatus.ACCEPTED
        assert accepted.percent == 40
        assert accepted.narrative == NARRATIVE
        assert accepted.unit == cast.unit_a
        assert (accepted.created_by, accepted.submitted_by, accepted.approved_by, accepted.reviewed_by) == (
            cast.andy,
            cast.andy,
            cast.amy,
            cast.sam,
        )
        actions = list(HistoryEntry.objects.for_task(task.pk).values_list("action", "actor__username"))
        for step in [
            ("update_task_units", "sam"),
            ("assign_task", "sam"),
            ("create_report", "andy"),
            ("submit_report", "andy"),
            ("approve_report", "amy"),
            ("accept_report", "sam"),
        ]:
            assert step in actions
        assert HistoryEntry.objects.filter(action="publish_policy", actor=cast.sam).exists()
