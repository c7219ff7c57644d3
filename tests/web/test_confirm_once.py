"""Idempotent confirmations (issue 9): a preview is confirmed once. A double click, a replayed
form (a session written back by a concurrent request still holds the token) or twenty concurrent
posts file one contribution, one report, one import; the database's unique claim decides."""

from __future__ import annotations

import datetime as dt
import io
import threading

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, connections
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from taizhang.core.models import Confirmation
from taizhang.core.once import ALREADY_CONFIRMED, AlreadyConfirmed, claim_once
from taizhang.ledger import actions as L
from taizhang.ledger import policy_actions as P
from taizhang.ledger.models import ProgressReport, ReportContribution, Task
from taizhang.policies.models import Policy

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
NOW = dt.datetime(2025, 3, 10, 10, 0, tzinfo=dt.UTC)
THREADS = 20


def _edit(data, changes):
    wb = load_workbook(io.BytesIO(data))
    ws = wb.worksheets[0]
    header = [c.value for c in ws[2]]
    for (row, name), value in changes.items():
        ws.cell(row=row, column=header.index(name) + 1, value=value)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _upload(data):
    return SimpleUploadedFile("book.xlsx", data, content_type=XLSX)


def _threads_share_the_database():
    name = str(connection.settings_dict["NAME"])
    return not (connection.vendor == "sqlite" and name.startswith(("file:memorydb", ":memory:")))


def _contribution_preview(client, cast, tasks):
    """Ben (co-unit B) previews his workbook adding to andy's open report on task 1."""
    L.do_save_report(cast.andy, task=tasks[0], period="2025-03", narrative="A 的报送", percent=5)
    client.force_login(cast.ben)
    data = _edit(client.get(reverse("workbook:unit_download")).content, {(3, "本期进展情况"): "B 协助完成"})
    response = client.post(reverse("workbook:unit_upload"), {"file": _upload(data)})
    assert response.status_code == 200
    [entry] = response.context["plan"].to_file
    assert entry.action == "contribute"
    return response.context["token"]


@pytest.mark.django_db
class SequentialDoubleSubmitTestCase:
    def test_a_replayed_unit_workbook_confirmation_files_the_contribution_once(self, client, cast, tasks):
        with time_machine.travel(NOW, tick=False):
            token = _contribution_preview(client, cast, tasks)
            session = client.session
            kept = dict(session.items())  # what a concurrent request read before the confirmation
            first = client.post(reverse("workbook:unit_confirm"), {"token": token, "mode": "draft"})
            assert first.status_code == 200
            for key, value in kept.items():  # ...and writes back when it saves the session
                session[key] = value
            session.save()
            second = client.post(reverse("workbook:unit_confirm"), {"token": token, "mode": "draft"})
        assert second.status_code == 409
        assert str(ALREADY_CONFIRMED) in second.content.decode()
        assert ReportContribution.objects.filter(text="B 协助完成").count() == 1

    def test_a_replayed_ledger_import_confirmation_applies_once(self, client, cast, policy, tasks):
        client.force_login(cast.sam)
        versions = {t.pk: t.version for t in Task.objects.all()}
        exported = client.get(reverse("workbook:export_policy", args=[policy.pk])).content
        wb = load_workbook(io.BytesIO(exported))
        ws = wb.worksheets[0]
        header = [c.value for c in ws[2]]
        row = next(r for r in range(3, ws.max_row + 1) if ws.cell(r, header.index("重点任务") + 1).value)
        ws.cell(row, header.index("重点任务") + 1, "改过一次的任务内容")
        out = io.BytesIO()
        wb.save(out)
        response = client.post(reverse("workbook:import"), {"file": _upload(out.getvalue())})
        token = response.context["token"]
        session = client.session
        kept = dict(session.items())
        assert client.post(reverse("workbook:import_confirm"), {"token": token}).status_code == 200
        for key, value in kept.items():
            session[key] = value
        session.save()
        second = client.post(reverse("workbook:import_confirm"), {"token": token})
        assert second.status_code == 409
        task = Task.objects.get(text="改过一次的任务内容")
        assert task.version == versions[task.pk] + 1  # changed once, not twice

    def test_a_claim_is_refused_the_second_time_and_rolls_back_with_its_transaction(self, cast):
        from django.db import transaction

        with pytest.raises(ValueError), transaction.atomic():
            claim_once("test", "t1", cast.sam)
            raise ValueError("the filing failed")
        with transaction.atomic():
            claim_once("test", "t1", cast.sam)  # the failed attempt left no claim
        with pytest.raises(AlreadyConfirmed), transaction.atomic():
            claim_once("test", "t1", cast.sam)
        with pytest.raises(AlreadyConfirmed), transaction.atomic():
            claim_once("test", "", cast.sam)
        assert Confirmation.objects.filter(key="test:t1").count() == 1

    def test_a_double_posted_enterprise_registry_import_is_filed_once(self, client, cast):
        from taizhang.enterprises.builders import credit_code
        from taizhang.enterprises.models import RegistryImport

        client.force_login(cast.sam)
        csv = f"统一社会信用代码,企业名称\n{credit_code(7)},深圳市重复提交科技有限公司\n".encode()
        form = {"source": cast.unit_a.pk, "as_of": timezone.localdate().isoformat(), "token": "form-token-1"}
        statuses = []
        for _ in range(2):
            upload = SimpleUploadedFile("registry.csv", csv, content_type="text/csv")
            statuses.append(client.post(reverse("enterprises:import"), {**form, "file": upload}).status_code)
        assert statuses == [302, 400]
        assert RegistryImport.objects.count() == 1


def _race(target, count=THREADS):
    """Run ``target`` in ``count`` threads released together; their outcomes."""
    barrier = threading.Barrier(count)
    outcomes: list[object] = []

    def run():
        try:
            barrier.wait()
            outcomes.append(target())
        except Exception as exc:  # noqa: BLE001 - an unexpected error is an outcome the test shows
            outcomes.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


@pytest.mark.django_db(transaction=True)
class ConcurrentConfirmationTestCase:
    def test_twenty_concurrent_confirmations_file_one_contribution(self, client, cast, tasks):
        if not _threads_share_the_database():
            pytest.skip("an in-memory SQLite database is not shared between threads")
        with time_machine.travel(NOW, tick=False):
            token = _contribution_preview(client, cast, tasks)
        cookies = client.cookies

        def confirm():
            c = Client()
            c.cookies = cookies
            with time_machine.travel(NOW, tick=False):
                return c.post(reverse("workbook:unit_confirm"), {"token": token, "mode": "draft"}).status_code

        outcomes = _race(confirm)
        assert ReportContribution.objects.filter(text="B 协助完成").count() == 1
        assert outcomes.count(200) == 1 and all(o in (200, 400, 409) for o in outcomes), outcomes

    def test_twenty_concurrent_imports_of_one_file_make_one_policy(self, cast):
        if not _threads_share_the_database():
            pytest.skip("an in-memory SQLite database is not shared between threads")
        from taizhang.devtools.builders import SAMPLE_TASK_TABLE

        data = SAMPLE_TASK_TABLE.encode("utf-8")
        extraction = P._run_extractor(data, "措施.txt")

        def upload():
            try:
                P.do_import_policy(cast.sam, data=data, name="措施.txt", extraction=extraction)
                return "imported"
            except ValidationError:
                return "refused"

        outcomes = _race(upload, 8)
        assert sorted(outcomes) == ["imported"] + ["refused"] * 7, outcomes
        assert Policy.objects.filter(original_name="措施.txt").count() == 1
        assert ProgressReport.objects.count() == 0
