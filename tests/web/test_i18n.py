"""The interface catalogues: every string translated, the compiled files up to date, the switch works."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from taizhang.devtools.management.commands import buildlocales as B

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def messages():
    return B.collect_messages()


@pytest.fixture(scope="module")
def sources():
    return B.load_sources()


class CatalogueTestCase:
    def test_every_string_of_the_interface_has_a_chinese_translation(self, messages, sources):
        missing = sorted(
            f"{m.msgid!r} in {files[0]}" for m, files in messages.items() if m.msgid not in sources.chinese
        )
        assert not missing, "untranslated (add them to taizhang/locale/src/<yours>.json):\n" + "\n".join(
            missing
        )

    def test_the_compiled_catalogues_are_up_to_date_with_the_sources(self, messages, sources):
        expected = B.build_catalogues(messages, sources.chinese)
        for lang, catalogue in expected.items():
            compiled = B.read_mo(B.LOCALE_DIR / lang / "LC_MESSAGES" / "django.mo")
            stale = []
            for message, forms in catalogue.items():
                if not forms:
                    continue
                key = message.key
                got = [compiled.get((key, 0))] if message.plural else [compiled.get(key)]
                if got[0] != forms[0]:
                    stale.append(f"{lang}: {message.msgid!r} is {got[0]!r}, the sources say {forms[0]!r}")
            assert not stale, "run `manage.py buildlocales`:\n" + "\n".join(stale[:20])

    def test_the_mo_writer_round_trips_plurals_and_contexts(self, tmp_path):
        catalogue = {
            B.Message("Tasks"): ["任务"],
            B.Message("%(counter)s task", "%(counter)s tasks"): ["%(counter)s 项任务"],
            B.Message("May", context="month"): ["五月"],
            B.Message("Untranslated"): [],
        }
        path = tmp_path / "django.mo"
        B.write_mo(path, "zh_Hans", catalogue)
        read = B.read_mo(path)
        assert read["Tasks"] == "任务"
        assert read[("%(counter)s task", 0)] == "%(counter)s 项任务"
        assert read["month\x04May"] == "五月"
        assert "Untranslated" not in read

    def test_the_po_reader_reads_what_the_po_writer_wrote(self, tmp_path):
        catalogue = {B.Message('Say "hi"\n'): ["说“嗨”"], B.Message("a", "as", "ctx"): ["甲"]}
        path = tmp_path / "django.po"
        B.write_po(path, "zh_Hans", catalogue)
        assert sorted(B.read_po(path)) == sorted([B.Message("", ""), *catalogue])

    def test_templates_and_python_strings_are_both_collected(self, messages):
        assert B.Message("Import a policy") in messages  # a template
        assert B.Message("Name at least one lead unit") in messages  # gettext_lazy in a form
        assert B.Message("%(counter)s task", "%(counter)s tasks") in messages  # blocktranslate count

    def test_a_source_translation_that_drops_a_placeholder_is_refused_naming_the_file(self, tmp_path):
        (tmp_path / "bad.json").write_text(
            json.dumps({"Task %(ref)s saved.": "任务已保存。"}), encoding="utf-8"
        )
        with pytest.raises(B.CatalogueError, match=r"bad\.json.*ref"):
            B.load_sources(tmp_path)

    def test_a_source_that_is_not_an_object_of_strings_is_refused(self, tmp_path):
        (tmp_path / "list.json").write_text("[1, 2]", encoding="utf-8")
        with pytest.raises(B.CatalogueError, match=r"list\.json"):
            B.load_sources(tmp_path)

    def test_template_variables_may_be_written_as_in_the_template(self, tmp_path):
        (tmp_path / "a.json").write_text(
            json.dumps({"{{ counter }} task": "{{ counter }} 项任务"}), encoding="utf-8"
        )
        assert B.load_sources(tmp_path).chinese == {"%(counter)s task": "%(counter)s 项任务"}

    def test_two_files_disagreeing_are_reported_and_the_shell_wins(self, tmp_path):
        (tmp_path / "a.json").write_text(json.dumps({"Inbox": "待办"}), encoding="utf-8")
        (tmp_path / "shell.json").write_text(json.dumps({"Inbox": "收件箱"}), encoding="utf-8")
        loaded = B.load_sources(tmp_path)
        assert loaded.chinese == {"Inbox": "收件箱"} and "a.json" in loaded.conflicts[0]


class LanguageSwitchTestCase:
    def test_switching_to_traditional_chinese_translates_the_login_page(self, client, db):
        response = client.post(
            reverse("set_language"), {"language": "zh-hant", "next": reverse("accounts:login")}
        )
        assert response.status_code == 302
        page = client.get(reverse("accounts:login")).content.decode()
        assert (
            '<html lang="zh-hant">' in page and "登錄台賬系統" in page and "密碼" in page
        )  # converted with OpenCC s2hk (Hong Kong forms)

    def test_switching_to_english_translates_the_navigation(self, client, cast):
        client.force_login(cast.andy)
        client.post(reverse("set_language"), {"language": "en", "next": "/"})
        page = client.get(reverse("policies:list")).content.decode()
        assert (
            '<html lang="en">' in page
            and ">Policies</a>" in page
            and ">Inbox</a>" in page
            and "Log out" in page
        )

    def test_choice_labels_follow_the_language(self, client, cast):
        """Stored choices (a job's kind and status here) are shown in the reader's language."""
        from taizhang.jobs.actions import start_job
        from taizhang.jobs.models import JobKind

        start_job(JobKind.IMPORT_POLICY, cast.sam, {"name": "方案.txt"}, upload=("a.txt", b"x"))
        client.force_login(cast.sam)
        page = client.get(reverse("jobs:list")).content.decode()
        assert "导入政策文件" in page and "排队中" in page
        client.post(reverse("set_language"), {"language": "en", "next": "/"})
        page = client.get(reverse("jobs:list")).content.decode()
        assert "Import a policy" in page and "Queued" in page and "排队中" not in page
        client.post(reverse("set_language"), {"language": "zh-hant", "next": "/"})
        assert "排隊中" in client.get(reverse("jobs:list")).content.decode()

    def test_the_browser_language_is_followed_when_none_was_chosen(self, client, db):
        page = client.get(reverse("accounts:login"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
        assert "Sign in to the ledger" in page


class RefusalLanguageTestCase:
    """Refusals are translated messages: simplified Chinese by default, English and traditional
    Chinese when chosen (the simplified text itself is unchanged, so older tests still read it)."""

    def _page(self, client, language, method, url, data=None):
        client.post(reverse("set_language"), {"language": language, "next": "/"})
        return getattr(client, method)(url, data or {}).content.decode()

    def test_a_ledger_refusal_is_shown_in_the_readers_language(self, client, cast, tasks):
        client.force_login(cast.andy)  # an officer of the lead unit may not close the task
        url = reverse("ledger:task_close", args=[tasks[0].pk])
        assert "只有督查室可以办结任务" in self._page(client, "zh-hans", "post", url)
        page = self._page(client, "en", "post", url)
        assert "Only the supervisor may close tasks" in page and "办结" not in page
        assert "只有督查室可以辦結任務" in self._page(client, "zh-hant", "post", url)

    def test_a_ledger_refusal_listing_what_is_missing_is_translated_whole(self, cast, tasks):
        from django.utils import translation

        from taizhang.ledger.access import can_close_task

        with translation.override("en"):
            reason = can_close_task(cast.sam, tasks[0]).reason
        assert reason.startswith("Before closing, still missing: ") and "；" not in reason
        with translation.override("zh-hans"):
            assert can_close_task(cast.sam, tasks[0]).reason.startswith("办结还缺：")

    def test_an_enterprise_refusal_is_shown_in_the_readers_language(self, client, cast):
        from taizhang.enterprises.models import Enterprise

        enterprise = Enterprise.objects.create(credit_code="91440300000000000X", name="某某科技有限公司")
        client.force_login(cast.andy)  # only the supervisor opens enterprise accounts
        url = reverse("enterprises:account_create", args=[enterprise.pk])
        data = {"username": "qiye", "password": "a-long-password"}
        assert "只有督查室可以开设企业账号" in self._page(client, "zh-hans", "post", url, data)
        page = self._page(client, "en", "post", url, data)
        assert "Only the supervisor may open enterprise accounts" in page and "开设" not in page
        assert "只有督查室可以開設企業賬號" in self._page(client, "zh-hant", "post", url, data)

    def test_an_api_refusal_follows_accept_language(self, cast, tasks):
        from rest_framework.test import APIClient

        from taizhang.accounts.actions import do_create_api_token

        _, key = do_create_api_token(cast.andy)
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
        url = f"/api/tasks/{tasks[0].pk}/close/"
        english = client.post(url, {}, format="json", HTTP_ACCEPT_LANGUAGE="en")
        assert english.status_code == 403
        assert english.json()["detail"] == "Only the supervisor may close tasks"
        chinese = client.post(url, {}, format="json", HTTP_ACCEPT_LANGUAGE="zh-hans")
        assert chinese.json()["detail"] == "只有督查室可以办结任务"


class ModelTextLanguageTestCase:
    """Models' names, field labels and help texts and the period rules' errors are translated
    messages with English ids: simplified Chinese by default (unchanged), English and traditional
    Chinese when chosen."""

    def test_a_form_label_from_a_model_follows_the_language(self):
        from django.forms import modelform_factory
        from django.utils import translation

        from taizhang.enterprises.models import Benefit

        form_class = modelform_factory(Benefit, fields=["code", "clause_text"])
        expected = {
            "zh-hans": ("编号", "条款原文"),
            "en": ("Code", "Clause as written"),
            "zh-hant": ("編號", "條款原文"),
        }
        for language, labels in expected.items():
            with translation.override(language):
                form = form_class()
                assert (str(form["code"].label), str(form["clause_text"].label)) == labels, language
                assert f'<label for="id_clause_text">{labels[1]}' in form.as_p(), language

    def test_a_help_text_from_a_model_follows_the_language(self):
        from django.forms import modelform_factory
        from django.utils import translation

        from taizhang.monitoring.models import ScoringSettings, UnitRating

        settings_form = modelform_factory(ScoringSettings, fields=["report_due_days"])
        rating_form = modelform_factory(UnitRating, fields=["period"])
        expected = {
            "zh-hans": ("报送期结束后多少天内报送算按时", "如 2024、2024-H1、2024-Q4 或 2024-11"),
            "en": (
                "How many days after a reporting period ends a report still counts as on time",
                "e.g. 2024, 2024-H1, 2024-Q4 or 2024-11",
            ),
            "zh-hant": ("報送期結束後多少天內報送算按時", "如 2024、2024-H1、2024-Q4 或 2024-11"),
        }
        for language, (days_help, period_help) in expected.items():
            with translation.override(language):
                assert days_help in settings_form().as_p(), language
                assert period_help in rating_form().as_p(), language

    def test_the_admin_names_apps_and_models_in_the_readers_language(self, admin_client):
        pages = {}
        for language in ("zh-hans", "en", "zh-hant"):
            admin_client.post(reverse("set_language"), {"language": language, "next": "/"})
            pages[language] = admin_client.get("/admin/").content.decode()
        assert "核心" in pages["zh-hans"] and "变更记录" in pages["zh-hans"]
        assert "Core" in pages["en"] and "Change records" in pages["en"] and "变更记录" not in pages["en"]
        assert "變更記錄" in pages["zh-hant"]

    def test_a_period_rule_error_is_shown_in_the_readers_language(self, client, cast):
        client.force_login(cast.sam)
        url = reverse("monitoring:scorecards")
        pages = {}
        for language in ("zh-hans", "en", "zh-hant"):
            client.post(reverse("set_language"), {"language": language, "next": "/"})
            response = client.get(url, {"period": "2024-13"})
            assert response.status_code == 400
            pages[language] = response.content.decode()
        assert (
            "2024-13" in pages["zh-hans"]
            and "不是 2024、2024-H1、2024-Q4 或 2024-11 的形式" in pages["zh-hans"]
        )
        assert "is not written as 2024, 2024-H1, 2024-Q4 or 2024-11" in pages["en"]
        assert "的形式" not in pages["en"]
        assert "的形式" in pages["zh-hant"] and "is not written" not in pages["zh-hant"]

    def test_a_bulletin_period_error_is_shown_in_the_readers_language(self, client, cast):
        client.force_login(cast.sam)
        url = reverse("bulletins:generate")
        pages = {}
        for language in ("zh-hans", "en", "zh-hant"):
            client.post(reverse("set_language"), {"language": language, "next": "/"})
            response = client.post(url, {"period": "2024-H1"})
            assert response.status_code == 400
            pages[language] = response.content.decode()
        assert (
            "通报期次" in pages["zh-hans"]
            and "须为月份（如 2024-11）或季度（如 2024-Q4）" in pages["zh-hans"]
        )
        assert "must be a month (e.g. 2024-11) or a quarter (e.g. 2024-Q4)" in pages["en"]
        assert "通報期次" in pages["zh-hant"] and "須為月份" in pages["zh-hant"]

    def test_an_edit_conflict_names_the_model_in_the_readers_language(self, tasks):
        from django.utils import translation

        from taizhang.core.concurrency import ConcurrentEditError

        expected = {
            "zh-hans": f"重点任务 #{tasks[0].pk} 已被他人修改（版本 3），请刷新后重试",
            "en": f"Key task #{tasks[0].pk} was changed by someone else (version 3); reload and try again",
            "zh-hant": f"重點任務 #{tasks[0].pk} 已被他人修改（版本 3），請刷新後重試",
        }
        for language, text in expected.items():
            with translation.override(language):
                assert str(ConcurrentEditError(tasks[0], {"version": 3})) == text

    def test_the_dashboards_colours_follow_the_language(self, client, cast, tasks):
        """The colours' names on the dashboard (tiles, tables, charts) are the interface's; the
        bulletins keep COLOUR_ZH, written in Chinese whatever the language."""
        from taizhang.ledger.rules import COLOUR_ZH, Colour

        client.force_login(cast.sam)
        pages = {}
        for language in ("zh-hans", "en", "zh-hant"):
            client.post(reverse("set_language"), {"language": language, "next": "/"})
            pages[language] = client.get(reverse("monitoring:dashboard")).content.decode()
        assert "缺完成时限" in pages["zh-hans"] and "绿灯" in pages["zh-hans"]
        assert "Deadline missing" in pages["en"] and "Green" in pages["en"]
        assert "缺完成时限" not in pages["en"] and "绿灯" not in pages["en"]
        assert "缺完成時限" in pages["zh-hant"] and "綠燈" in pages["zh-hant"]
        assert COLOUR_ZH[Colour.NO_DEADLINE] == "缺完成时限"

    def test_a_scoring_settings_error_is_shown_in_the_readers_language(self, client, cast):
        client.force_login(cast.sam)
        url = reverse("monitoring:scoring_settings")
        data = {"config": "{}", "lists": '{"top_n": 3}', "report_due_days": "5"}
        pages = {}
        for language in ("zh-hans", "en", "zh-hant"):
            client.post(reverse("set_language"), {"language": language, "next": "/"})
            pages[language] = client.post(url, data).content.decode()
        assert "ListRules: 未知的配置项 top_n" in pages["zh-hans"]
        assert "ListRules: unknown settings top_n" in pages["en"]
        assert "ListRules: 未知的配置項 top_n" in pages["zh-hant"]

    def test_the_pure_period_rule_says_why_and_the_interface_translates_it(self):
        """ledger.rules imports no Django: its PeriodError carries the reason; monitoring.queries
        says it in the reader's language."""
        from django.utils import translation

        from taizhang.ledger.rules import PeriodError, parse_period
        from taizhang.monitoring import queries

        with pytest.raises(PeriodError) as error:
            parse_period("1800")
        assert error.value.reason == "year" and str(error.value) == "期次 '1800' 的年份不合理"
        with translation.override("en"), pytest.raises(ValueError, match="The year of the period '1800'"):
            queries.parse_period("1800")
        with translation.override("zh-hans"), pytest.raises(ValueError, match="期次 '1800' 的年份不合理"):
            queries.parse_period("1800")

    def test_a_preview_confirmed_twice_is_refused_in_the_readers_language(self):
        from django.utils import translation

        from taizhang.core.once import AlreadyConfirmed

        with translation.override("en"):
            assert AlreadyConfirmed().messages == [
                "This preview was confirmed already and is not filed twice; to file it again, upload the file again"
            ]
        with translation.override("zh-hans"):
            assert AlreadyConfirmed().messages == [
                "这份预览已经确认过，不会重复提交；如需再次提交请重新上传文件"
            ]
        with translation.override("zh-hant"):
            assert AlreadyConfirmed().messages[0].startswith("這份預覽已經確認過")


class PureRuleWordingTestCase:
    """What the pure rules (supervision.rules, supervision.scoring, ledger.rules) word in Chinese
    is said in the reader's language on the pages; bulletins and the blue book stay Chinese."""

    LANGUAGES = ("zh-hans", "en", "zh-hant")

    def _pages(self, client, method, url, data=None):
        pages = {}
        for language in self.LANGUAGES:
            client.post(reverse("set_language"), {"language": language, "next": "/"})
            response = getattr(client, method)(url, data or {})
            pages[language] = response.content.decode()
        return pages

    def test_a_scoring_rule_error_is_shown_in_the_readers_language(self, client, cast):
        client.force_login(cast.sam)
        url = reverse("monitoring:scoring_settings")
        data = {"config": '{"late_credit": "2"}', "lists": "{}", "report_due_days": "5"}
        pages = self._pages(client, "post", url, data)
        assert "ScoringConfig: late_credit 必须在 0 到 1 之间，而不是 2" in pages["zh-hans"]
        assert "ScoringConfig: late_credit must be between 0 and 1, not 2" in pages["en"]
        assert "必须" not in pages["en"]
        assert "ScoringConfig: late_credit 必須在 0 到 1 之間，而不是 2" in pages["zh-hant"]
        data = {"config": "{}", "lists": '{"red_top_n": null, "red_min_score": null}', "report_due_days": "5"}
        pages = self._pages(client, "post", url, data)
        assert "ListRules: 红榜至少需要 red_top_n 或 red_min_score 之一" in pages["zh-hans"]
        assert "ListRules: the red list needs red_top_n or red_min_score" in pages["en"]
        assert "ListRules: 紅榜至少需要 red_top_n 或 red_min_score 之一" in pages["zh-hant"]

    def test_a_status_rule_error_keeps_its_chinese_and_carries_english_ids(self):
        from django.utils import translation

        from taizhang.core.problems import RuleError
        from taizhang.supervision.rules import RuleConfig
        from taizhang.supervision.wording import say_error

        with pytest.raises(RuleError) as caught:
            RuleConfig(returns_amber=3, returns_red=2, lag_amber_points=9, lag_red_points=1)
        error = caught.value
        assert str(error) == (
            "RuleConfig: returns_red 不能小于 returns_amber；lag_red_points 不能小于 lag_amber_points"
        )
        assert [m.msgid for m in error.messages] == [
            "returns_red may not be less than returns_amber",
            "lag_red_points may not be less than lag_amber_points",
        ]
        expected = {
            "zh-hans": str(error),
            "en": "RuleConfig: returns_red may not be less than returns_amber; "
            "lag_red_points may not be less than lag_amber_points",
            "zh-hant": "RuleConfig: returns_red 不能小於 returns_amber；lag_red_points 不能小於 lag_amber_points",
        }
        for language, text in expected.items():
            with translation.override(language):
                assert say_error(error) == text, language
        with translation.override("en"):
            assert say_error(ValueError("其他错误")) == "其他错误"

    def test_every_message_of_the_pure_rules_is_collected_and_its_chinese_is_the_catalogues(
        self, messages, sources
    ):
        """buildlocales collects the ids marked N_; the Chinese the code keeps for str() is the
        catalogue's, so a page in simplified Chinese says what the rules always said."""
        import ast

        pairs = []
        for name in ("supervision/rules.py", "supervision/scoring.py", "core/problems.py", "ledger/rules.py"):
            tree = ast.parse((B.PACKAGE_DIR / name).read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                items = None
                if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Message":
                    items = node.args[:2]
                elif isinstance(node, ast.Tuple) and len(node.elts) == 2:
                    items = node.elts
                if (
                    items
                    and len(items) == 2
                    and isinstance(items[0], ast.Call)
                    and getattr(items[0].func, "id", "") == "N_"
                    and isinstance(items[1], ast.Constant)
                ):
                    pairs.append((items[0].args[0].value, items[1].value))
        assert len(pairs) >= 35
        for msgid, chinese in pairs:
            assert B.Message(msgid) in messages, msgid
            assert sources.chinese[msgid] == chinese, msgid

    def test_the_dashboards_why_column_follows_the_language_for_our_own_reasons(self, client, cast, tasks):
        import datetime as dt

        from django.utils import timezone

        from taizhang.supervision.models import TaskStatus
        from taizhang.supervision.rules import Colour, RuleConfig, TaskFacts, evaluate
        from taizhang.supervision.status import reasons_json

        assessment = evaluate(
            TaskFacts(assigned_at=dt.date(2024, 1, 1), deadline=dt.date(2024, 3, 31), progress_percent=20),
            RuleConfig(),
            dt.date(2024, 4, 10),
        )
        assert assessment.colour == Colour.RED
        reasons = reasons_json(assessment) + [{"code": "overdue", "colour": "red", "message": "人工说明"}]
        assert reasons[0]["message"] == "已超过完成时限 10 天"
        now = timezone.now()
        TaskStatus.objects.update_or_create(
            task=tasks[0],
            defaults={
                "colour": "red",
                "reasons": reasons,
                "computed_at": now,
                "changed_at": now,
                "turned_red_at": now,
                "judgement": "highly_likely",
                "judged_at": now,
            },
        )
        client.force_login(cast.sam)
        pages = self._pages(client, "get", reverse("monitoring:dashboard"))
        assert "已超过完成时限 10 天" in pages["zh-hans"]
        assert "10 days past the deadline" in pages["en"] and "已超过完成时限" not in pages["en"]
        assert "已超過完成時限 10 天" in pages["zh-hant"]
        for page in pages.values():  # a reason worded otherwise is shown as stored
            assert "人工说明" in page
        # the judgement and the rules disagree: why, in the reader's words
        assert "研判偏乐观：研判为“很可能按期完成”，规则判定为红灯" in pages["zh-hans"]
        assert (
            "Judgement too optimistic: judged “Highly likely to finish on time”, the rules give Red"
            in pages["en"]
        )
        assert "研判偏樂觀：研判為“很可能按期完成”，規則判定為紅燈" in pages["zh-hant"]
        assert TaskStatus.objects.get(task=tasks[0]).reasons[0]["message"] == "已超过完成时限 10 天"

    def test_the_apis_reasons_follow_accept_language_for_our_own_reasons(self, cast, tasks):
        import datetime as dt

        from django.utils import timezone
        from rest_framework.test import APIClient

        from taizhang.accounts.actions import do_create_api_token
        from taizhang.supervision.models import TaskStatus
        from taizhang.supervision.rules import RuleConfig, TaskFacts, evaluate
        from taizhang.supervision.status import reasons_json

        assessment = evaluate(
            TaskFacts(assigned_at=dt.date(2024, 1, 1), deadline=dt.date(2024, 3, 31), progress_percent=20),
            RuleConfig(),
            dt.date(2024, 4, 10),
        )
        reasons = reasons_json(assessment) + [{"code": "overdue", "colour": "red", "message": "人工说明"}]
        now = timezone.now()
        TaskStatus.objects.update_or_create(
            task=tasks[0],
            defaults={"colour": "red", "reasons": reasons, "computed_at": now, "changed_at": now},
        )
        _, key = do_create_api_token(cast.sam)
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
        url = f"/api/tasks/{tasks[0].pk}/"
        texts = {
            lang: [r["text"] for r in client.get(url, HTTP_ACCEPT_LANGUAGE=lang).json()["reasons"]]
            for lang in ("zh-hans", "zh-hant", "en")
        }
        assert texts["zh-hans"][0] == "已超过完成时限 10 天"
        assert texts["zh-hant"][0] == "已超過完成時限 10 天"
        assert texts["en"][0].startswith("10 days past the deadline")
        assert {t[-1] for t in texts.values()} == {"人工说明"}  # worded elsewhere: shown as stored

    def test_a_stored_reason_is_translated_only_when_our_rules_worded_it(self):
        from django.utils import translation

        from taizhang.supervision.wording import reason_text

        late = {
            "code": "report_late",
            "colour": "red",
            "message": "进展报送逾期 40 天（应于 2024-03-01 报送），已超过一个报送周期",
            "figures": {"due_on": "2024-03-01", "days_late": 40},
        }
        with translation.override("en"):
            assert reason_text(late) == (
                "Progress report 40 days late (due on 2024-03-01), more than one reporting cycle"
            )
            assert reason_text({**late, "message": "旧规则的说法"}) == "旧规则的说法"
            assert reason_text({**late, "figures": {}}) == late["message"]
        with translation.override("zh-hant"):
            assert reason_text(late).startswith("進展報送逾期 40 天")
        with translation.override("zh-hans"):
            assert reason_text(late) == late["message"]

    def test_the_portal_says_a_generated_deadline_in_the_readers_language(self, client, cast, policy, tasks):
        from django.utils import translation

        from taizhang.ledger.models import Task
        from taizhang.portal.access import load_public
        from taizhang.portal.models import PublicationSettings

        PublicationSettings.objects.update_or_create(policy=policy, defaults={"is_public": True})
        Task.objects.filter(pk=tasks[0].pk).update(
            deadline_kind="month", deadline_year=2025, deadline_month=6, deadline_text=""
        )
        Task.objects.filter(pk=tasks[1].pk).update(
            deadline_kind="year", deadline_year=2026, deadline_month=None, deadline_text=""
        )
        Task.objects.filter(pk=tasks[2].pk).update(
            deadline_kind="", deadline_year=None, deadline_month=None, deadline_text=""
        )
        pages = self._pages(client, "get", reverse("portal:policy", args=[policy.pk]))
        for words in ("2025年6月", "2026年底", "<td>未定</td>"):
            assert words in pages["zh-hans"], words
        for words in ("June 2025", "End of 2026", "<td>Not set</td>"):
            assert words in pages["en"], words
        assert "2025年6月" not in pages["en"] and "未定" not in pages["en"]
        for words in ("2025年6月", "2026年底", "<td>未定</td>"):
            assert words in pages["zh-hant"], words
        Task.objects.filter(pk=tasks[0].pk).update(deadline_text="2025年6月底前")
        assert "2025年6月底前" in self._pages(client, "get", reverse("portal:policy", args=[policy.pk]))["en"]
        with translation.override("en"):  # the blue book is a Chinese document
            deadlines = {t.deadline for p in load_public([policy]) for m in p.measures for t in m.tasks}
        assert {"2025年6月底前", "2026年底", "未定"} <= deadlines

    def test_admin_object_names_follow_the_language(self):
        import datetime as dt

        from django.utils import translation

        from taizhang.enterprises.models import Benefit, BenefitList
        from taizhang.portal.models import BlueBookEdition, PublicationSettings
        from taizhang.supervision.models import SupervisionNotice

        notice = SupervisionNotice(pk=7, task_id=3)
        payout = BenefitList(benefit=Benefit(name="稳岗补贴"), number=2)
        book = BlueBookEdition(built_at=dt.datetime(2025, 6, 1, 9, 30))
        setting = PublicationSettings(policy_id=5, is_public=False)
        expected = {
            "zh-hans": ("督办单 7 (任务 3)", "稳岗补贴 第2批", "蓝皮书 2025-06-01 09:30", "5: 不公开"),
            "en": (
                "Supervision notice 7 (task 3)",
                "稳岗补贴, list 2",
                "Blue book of 2025-06-01 09:30",
                "5: not public",
            ),
            "zh-hant": ("督辦單 7 (任務 3)", "稳岗补贴 第2批", "藍皮書 2025-06-01 09:30", "5: 不公開"),
        }
        for language, names in expected.items():
            with translation.override(language):
                assert (str(notice), str(payout), str(book), str(setting)) == names, language

    def test_an_indicators_judgement_is_said_in_the_readers_language(self):
        from decimal import Decimal

        from django.utils import translation

        from taizhang.supervision.templatetags.reasons import judgement_text
        from taizhang.supervision.trajectory import Actual, Indicator, judge

        indicator = Indicator(
            "GDP", "地区生产总值", Decimal(100), 2020, Decimal(200), 2025, binding=True, unit="亿元"
        )
        found = judge(indicator, [Actual(2022, Decimal(130))], 2023)
        assert found.message == (
            "明显滞后：2022 年实际值 130亿元，线性轨迹值 140亿元，落后 10亿元，超出容差 5亿元（约束性）"
        )
        empty = judge(indicator, [], 2023)
        expected = {
            "zh-hans": (found.message, "截至 2023 年暂无实际值"),
            "en": (
                "Off track: the actual of 2022 is 130亿元, the linear trajectory 140亿元; "
                "10亿元 behind, beyond the tolerance 5亿元 (binding)",
                "No actual value up to 2023",
            ),
            "zh-hant": (
                "明顯滯後：2022 年實際值 130亿元，線性軌跡值 140亿元，落後 10亿元，超出容差 5亿元（約束性）",  # the unit is data
                "截至 2023 年暫無實際值",
            ),
        }
        for language, texts in expected.items():
            with translation.override(language):
                assert (judgement_text(found), judgement_text(empty)) == texts, language

    def test_the_status_rules_page_names_the_rules_in_the_readers_language(self, client, cast, sources):
        from taizhang.supervision.rules import RULE_TITLES, describe_rules

        assert {r.code: sources.chinese[RULE_TITLES[r.code]] for r in describe_rules()} == {
            r.code: r.title_zh for r in describe_rules()
        }
        client.force_login(cast.sam)
        pages = self._pages(client, "get", reverse("supervision:rules"))
        assert "超期未办结" in pages["zh-hans"] and "已过完成时限仍未办结的任务亮红灯" in pages["zh-hans"]
        assert "Overdue, not closed" in pages["en"] and "超期未办结" not in pages["en"]
        assert "超期未辦結" in pages["zh-hant"] and "已過完成時限仍未辦結的任務亮紅燈" in pages["zh-hant"]

    def test_a_scorecards_default_line_labels_follow_the_language_and_a_set_label_is_kept(self):
        from django.utils import translation

        from taizhang.supervision.scoring import ItemRule, ScoringConfig, UnitPeriodFacts, score_unit
        from taizhang.supervision.templatetags.reasons import line_label

        facts = UnitPeriodFacts("区商务局", on_time_reports=1, returned_reports=1)
        card = score_unit(facts, ScoringConfig())
        chinese = [line.label_zh for line in card.lines]
        assert chinese == [
            "按时报送进展",
            "进度达到序时进度",
            "按期办结",
            "报告被退回",
            "被下发督办单",
            "督查评价",
        ]
        expected = {
            "zh-hans": chinese,
            "en": [
                "Progress reported on time",
                "Progress up to the time-elapsed expectation",
                "Tasks closed by their deadline",
                "Reports returned",
                "Supervision notices received",
                "Supervisor's rating",
            ],
            "zh-hant": [
                "按時報送進展",
                "進度達到序時進度",
                "按期辦結",
                "報告被退回",
                "被下發督辦單",
                "督查評價",
            ],
        }
        for language, labels in expected.items():
            with translation.override(language):
                assert [line_label(line) for line in card.lines] == labels, language
        own = ScoringConfig(items={"returned_reports": ItemRule(-1, "退回扣分", None)})
        with translation.override("en"):
            labels = [line_label(line) for line in score_unit(facts, own).lines]
        assert "退回扣分" in labels
