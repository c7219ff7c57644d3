"""The enterprise services of ``taizhang demo``: a generated registry imported from six
departments' exports, the benefit catalogue linked to its documents' clauses and tasks, a
免申即享 loop at each of its stages, the Hong Kong zone's services and news, and two enterprise
logins. Everything goes through the actions; running it twice adds nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Any

from django.utils import timezone

__all__ = ["load_enterprise_demo", "DEMO_ENTERPRISE_LOGINS", "DEMO_REGISTRY_SIZE"]

DEMO_REGISTRY_SIZE = 2000
DEMO_ENTERPRISE_LOGINS = (("erin", "enterprise"), ("hana", "hk"))
DEPARTMENTS = ("区市场监督管理局", "区统计局", "区科技创新局", "区工业和信息化局", "区税务局", "区发展改革局")
LOOP_BENEFIT = "lh14-new-services"  # paid by 区发展改革局 (bob, ben): the loop runs to the ledger report
NOTICE_BENEFIT = "lh9-high-tech"  # on public notice now
DRAFT_BENEFIT = "jn2-srdi"  # generated, waiting for the supervisor's review

# Service items of the Hong Kong zone: what seed 002 (罗湖区营商环境若干措施) promises, item by item.
SERVICES = [
    (
        "港企港人一件事",
        "在港人港企集聚区域推广“港企港人一件事”整合办服务：开办、变更、社保、税务等事项一次提交、并联办理，提供粤语服务。",
        "区政务服务数据管理局",
        "区政务服务中心、口岸周边政务服务点",
        "港企港人一件事",
    ),
    (
        "口岸周边政务服务点",
        "在口岸周边区域、港人聚集地设立政务服务点，就近办理企业和个人政务服务事项。",
        "区政务服务数据管理局",
        "罗湖口岸、莲塘口岸周边",
        "政务服务点",
    ),
    (
        "深港商事争议调解",
        "深港商事争议调解中心推行“香港调解员＋内地调解员”联合调解，多元化解商事纠纷。",
        "区司法局",
        "深港商事争议调解中心",
        "联合调解",
    ),
    (
        "专精特新贷、科创贷",
        "“科创贷”“专精特新贷”“科易贷”等专属信贷产品，支持科创企业发展；“融·易·罗湖”活动分级分类匹配融资需求。",
        "区科技创新局",
        "各合作银行网点",
        "专精特新贷",
    ),
]
# 深港资讯: taken from the seed news (seed 000 and 001).
NEWS = [
    (
        "罗湖推出深港融合八大示范项目",
        "羅湖推出深港融合八大示範項目，推進羅湖深港合作產業園（B1地塊）建設；羅湖口岸改造升級、蓮塘口岸服務提升、文錦渡口岸生鮮貨運功能轉移取得階段性進展。",
    ),
    (
        "跨境信用试点：港企申请境内信用贷款近26亿元",
        "罗湖区率先开展跨境信用试点，为港企申请境内信用贷款近26亿元；落地全国首台数字人民币硬钱包自助发卡机，首次实现跨境消费补贴精准投放和深港两地支付互联互通。",
    ),
    (
        "港企服务专区上线",
        "依托企业服务平台搭建港企服务专区，推动服务事项、惠企政策、深港资讯精准直达港资企业；惠企政策“免申即享”，符合条件的企业无需申请，经公示和意愿确认后直接兑现。",
    ),
]


def _departments() -> dict[str, Any]:
    from taizhang.core.builders import make_unit

    return {name: make_unit(name) for name in DEPARTMENTS}


def _registry(cast: Any, departments: dict[str, Any], today: dt.date, out: Any, size: int) -> None:
    from .actions import do_import_registry
    from .builders import department_exports, generate_enterprises, to_csv, to_xlsx, years_before
    from .imports import parse_registry
    from .models import Enterprise

    if Enterprise.objects.exists():
        out(f"  enterprise registry: already there ({Enterprise.objects.count()} enterprises)")
        return
    generated = generate_enterprises(size, seed=2026, years=years_before(today.year))
    as_of = today.replace(day=1)
    for department, name, rows in department_exports(generated):
        data = to_xlsx(rows) if name.endswith(".xlsx") else to_csv(rows)
        parsed = parse_registry(name, data)
        if not parsed.ok:
            raise RuntimeError(f"{name}: {parsed.errors[0]}")
        do_import_registry(cast.sam, parsed, source=departments[department], as_of=as_of)
    out(f"  enterprise registry: {size} enterprises imported from {len(DEPARTMENTS) + 1} department exports")


def _policy(cast: Any, path: Path, out: Any) -> Any:
    """The document imported and published (as the demo does for the seeds), or None."""
    from taizhang.extract import extract
    from taizhang.ledger.actions import do_reassign_task
    from taizhang.ledger.models import Task
    from taizhang.policies.actions import do_import_policy, do_publish_policy
    from taizhang.policies.models import Policy, PolicyStatus
    from taizhang.units.actions import do_confirm_unit
    from taizhang.units.models import Unit, UnitStatus

    data = path.read_bytes()
    policy = Policy.objects.filter(original_sha256=hashlib.sha256(data).hexdigest()).first()
    if policy is None:
        result = do_import_policy(
            cast.sam, data=data, name=path.name, extraction=extract(data, name=path.name)
        )
        policy = result.policy
        for unit in Unit.objects.filter(status=UnitStatus.PROPOSED, merged_into=None):
            do_confirm_unit(cast.sam, unit)
    if policy.status == PolicyStatus.DRAFT and policy.tasks.exists():
        for task in Task.objects.filter(policy=policy).exclude(assignments__role="lead"):
            do_reassign_task(cast.sam, task, lead=[cast.unit_b])
        do_publish_policy(
            cast.sam, policy, confirm=True
        )  # the demo knowingly leaves the undated clauses undated
        policy.refresh_from_db()
        out(f"  {path.name}: imported for its benefit clauses ({policy.tasks.count()} tasks)")
    return policy


def _catalogue(cast: Any, departments: dict[str, Any], corpus: Path | None, out: Any) -> dict[str, Any]:
    from taizhang.ledger.actions import do_create_task, do_reassign_task
    from taizhang.ledger.models import Task
    from taizhang.policies.models import PolicyStatus

    from .actions import do_add_benefit_example, do_create_benefit
    from .builders import load_catalogue
    from .models import Benefit

    benefits = {b.code: b for b in Benefit.objects.all()}
    if benefits:
        return benefits
    policies: dict[str, Any] = {}
    for item in load_catalogue():
        policy = clause_start = clause_end = task = None
        document = corpus / item["document"] if corpus is not None else None
        if document is not None and document.is_file():
            if item["document"] not in policies:
                policies[item["document"]] = _policy(cast, document, out)
            policy = policies[item["document"]]
            start = policy.text.find(item["clause"]) if policy is not None else -1
            if start >= 0:
                clause_start, clause_end = start, start + len(item["clause"])
                task = (
                    Task.objects.filter(policy=policy, span_start__lte=start, span_end__gte=clause_end)
                    .order_by("span_start")
                    .last()
                )
                unit = cast.unit_b if item["code"] == LOOP_BENEFIT else departments[item["unit"]]
                if task is None and policy.status == PolicyStatus.PUBLISHED:
                    # The extraction made no task of this clause: the supervisor adds it, as he would.
                    task = do_create_task(cast.sam, policy, text=item["clause"], lead=[unit])
                elif task is not None and item["code"] == LOOP_BENEFIT:
                    # the loop's task goes to 区发展改革局, whose officer (ben) reports it
                    if not task.assignments.filter(unit=unit, role="lead").exists():
                        task = do_reassign_task(cast.sam, task, lead=[unit])
            else:
                policy = None
        benefit = do_create_benefit(
            cast.sam,
            code=item["code"],
            name=item["name"],
            unit=departments[item["unit"]],
            conditions=item["conditions"],
            formula=item["formula"],
            summary=item["summary"],
            policy=policy,
            clause_start=clause_start,
            clause_end=clause_end,
            clause_text=item["clause"],
            task=task,
            for_hk=item.get("for_hk", False),
        )
        for example in item["examples"]:
            do_add_benefit_example(
                cast.sam,
                benefit,
                name=example["name"],
                as_of=dt.date.fromisoformat(example["as_of"]),
                inputs=example["inputs"],
                expected=example["expected"],
                expected_amount=example.get("amount"),
            )
        benefits[benefit.code] = benefit
    out(
        f"  benefit catalogue: {len(benefits)} benefits with {sum(len(i['examples']) for i in load_catalogue())} example cases"
    )
    return benefits


def _loop(cast: Any, benefits: dict[str, Any], today: dt.date, out: Any) -> tuple[Any, Any]:
    """The loop at its stages; returns the enterprises of the two demo logins."""
    from . import actions as A
    from .models import BenefitList, Decision, DecisionStatus, EnterpriseAccount, EnterpriseFact

    if EnterpriseAccount.objects.exists():
        accounts = {
            a.user.username: a.enterprise
            for a in EnterpriseAccount.objects.select_related("user", "enterprise")
        }
        return accounts.get("erin"), accounts.get("hana")
    hk_ids = set(
        EnterpriseFact.objects.filter(attribute="hk_funded", number=1).values_list("enterprise_id", flat=True)
    )
    loop = benefits[LOOP_BENEFIT]
    blist = BenefitList.objects.filter(benefit=loop).first() or A.do_generate_benefit_list(
        cast.sam, loop, as_of=today
    )
    proposed = list(
        blist.decisions.filter(status=DecisionStatus.PROPOSED).select_related("enterprise").order_by("pk")
    )
    erin_enterprise = next((d.enterprise for d in proposed if d.enterprise_id not in hk_ids), None)
    hana_decision = next((d for d in proposed if d.enterprise_id in hk_ids), None)
    if blist.status == "draft" and proposed:
        A.do_review_benefit_list(cast.sam, blist, approve=True, comments="数据来源齐全，同意公示")
        A.do_start_public_notice(cast.sam, blist, days=5, today=today - dt.timedelta(days=7))
        A.do_close_public_notice(cast.sam, blist, today=today)
    # the other lists: one on notice now (objections open), one waiting for review
    notice = benefits[NOTICE_BENEFIT]
    if not notice.lists.exists():
        nlist = A.do_generate_benefit_list(cast.sam, notice, as_of=today)
        if nlist.decisions.filter(status=DecisionStatus.PROPOSED).exists():
            A.do_review_benefit_list(cast.sam, nlist, approve=True)
            A.do_start_public_notice(cast.sam, nlist, days=7, today=today)
    draft = benefits[DRAFT_BENEFIT]
    if not draft.lists.exists():
        A.do_generate_benefit_list(cast.sam, draft, as_of=today)
    if hana_decision is None:  # no Hong Kong-funded firm on the loop's list: any one on a list
        hana_decision = Decision.objects.filter(enterprise_id__in=hk_ids).select_related("enterprise").first()
    hana_enterprise = hana_decision.enterprise if hana_decision else None
    if hana_enterprise is None:
        fact = (
            EnterpriseFact.objects.filter(attribute="hk_funded", number=1)
            .select_related("enterprise")
            .first()
        )
        hana_enterprise = fact.enterprise if fact is not None else None
    if erin_enterprise is None:  # a small registry: nobody on the loop's list
        from .models import Enterprise

        erin_enterprise = Enterprise.objects.exclude(pk__in=hk_ids).order_by("pk").first()
    if erin_enterprise is None:
        return None, None
    from taizhang.core.builders import DEMO_PASSWORD_SUFFIX

    erin = A.do_create_enterprise_account(
        cast.sam, erin_enterprise, username="erin", password=f"erin{DEMO_PASSWORD_SUFFIX}"
    )
    if hana_enterprise is not None:
        A.do_create_enterprise_account(
            cast.sam, hana_enterprise, username="hana", password=f"hana{DEMO_PASSWORD_SUFFIX}"
        )
    # erin confirms; the department pays; its officer drafts the ledger report from the payouts
    mine = blist.decisions.filter(enterprise=erin_enterprise, status=DecisionStatus.AWAITING).first()
    if mine is not None:
        A.do_confirm_decision(erin, mine, accept=True)
        A.do_record_payout(
            cast.ben, mine, amount=mine.amount, paid_on=today, reference=f"财政直达 {today:%Y}-0001"
        )
        if loop.task is not None:
            A.do_report_benefit_progress(cast.ben, loop.task, period=f"{today.year}-{today.month:02d}")
    out(
        f"  免申即享: 《{loop.name}》 list {blist.number} through notice, confirmation and payout; "
        f"《{notice.name}》 on public notice; 《{draft.name}》 waiting for review"
    )
    return erin_enterprise, hana_enterprise


def _zone(cast: Any, out: Any) -> None:
    from taizhang.ledger.models import Task
    from taizhang.units.models import Unit

    from .actions import do_publish_news_item, do_save_news_item, do_save_service_item
    from .models import NewsItem, ServiceItem

    if ServiceItem.objects.exists():
        return
    for title, summary, unit_name, location, needle in SERVICES:
        unit = Unit.objects.filter(name=unit_name).first() or cast.unit_a
        task = Task.objects.filter(text__contains=needle).first()
        do_save_service_item(
            cast.sam,
            title=title,
            summary=summary,
            unit=unit,
            location=location,
            task=task,
            for_hk=True,
            published=True,
        )
    now = timezone.now()
    for i, (title, body) in enumerate(NEWS):
        item = do_save_news_item(cast.sam, title=title, body=body)
        do_publish_news_item(cast.sam, item, now=now - dt.timedelta(days=3 * (len(NEWS) - i)))
    out(
        f"  Hong Kong zone: {ServiceItem.objects.count()} service items, {NewsItem.objects.count()} news items"
    )


def load_enterprise_demo(
    cast: Any, seeds: Path, out: Any, size: int = DEMO_REGISTRY_SIZE
) -> list[tuple[str, str, str]]:
    """Build the enterprise demo; the logins to print: (username, label, enterprise name)."""
    today = timezone.localdate()
    departments = _departments()
    _registry(cast, departments, today, out, size)
    corpus = seeds.parent / "corpus" / "docs"
    benefits = _catalogue(cast, departments, corpus if corpus.is_dir() else None, out)
    erin, hana = _loop(cast, benefits, today, out)
    _zone(cast, out)
    logins = []
    if erin is not None:
        logins.append(("erin", "企业用户", erin.name))
    if hana is not None:
        logins.append(("hana", "港资企业用户", hana.name))
    return logins
