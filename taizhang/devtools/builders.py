"""Builders of named people, units and policies, shared by the tests and the demo loader.

The cast, one person per role across two units (as Healthchecks' alice and bob)::

    alice  administrator                     sam   supervisor (督查室)
    vera   viewer (区领导, read-only)
    amy    unit leader of 区商务局 (unit A)   andy  unit officer of 区商务局
    bob    unit leader of 区发展改革局 (B)     ben   unit officer of 区发展改革局

Everything but users and units is made through the actions, so built data has its history.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model

from taizhang.accounts.models import Membership, Role
from taizhang.units.models import Unit, UnitKind, UnitStatus

__all__ = [
    "Cast",
    "make_cast",
    "make_person",
    "make_unit",
    "make_policy",
    "make_closing_report",
    "make_enterprise_user",
    "SAMPLE_TASK_TABLE",
    "DEMO_PASSWORD_SUFFIX",
]

DEMO_PASSWORD_SUFFIX = "-taizhang"

# A short task table (任务分解表) as a plain-text export lays it out: one cell per line.
SAMPLE_TASK_TABLE = """《某区优化营商环境若干措施》任务分解表

\t序号
\t主要措施
\t重点任务
\t完成时限
\t牵头单位
\t协办单位

\t一、提升政务服务效能

\t（一）
\t深化“一网通办”改革
\t1.推进高频政务服务事项全程网办，到2025年全程网办率达到90%以上。
\t2025年12月
\t区商务局
\t区发展改革局

\t
\t
\t2.建设企业服务专区，为企业提供政策精准推送服务。
\t2025年6月
\t区发展改革局
\t——

\t（二）
\t优化市场准入
\t3.推行经营主体登记确认制，压缩开办企业时间。
\t常态化推进
\t区市场监督管理局
\t区商务局、东门街道办事处
"""


@dataclass(frozen=True)
class Cast:
    """The named people and their two units."""

    alice: Any
    sam: Any
    vera: Any
    amy: Any
    andy: Any
    bob: Any
    ben: Any
    unit_a: Unit
    unit_b: Unit


def make_unit(name: str, kind: str = UnitKind.DEPARTMENT, **fields: Any) -> Unit:
    """A confirmed unit called ``name`` (reused when it exists)."""
    unit, _ = Unit.objects.get_or_create(
        name=name, defaults={"kind": kind, "status": UnitStatus.CONFIRMED, **fields}
    )
    return unit


def make_person(username: str, role: str, unit: Unit | None = None, password: str | None = None) -> Any:
    """A user with ``role`` (and ``unit``); the password defaults to ``<username>-taizhang``."""
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=username, defaults={"email": f"{username}@example.org"}
    )
    if created:
        user.set_password(password or f"{username}{DEMO_PASSWORD_SUFFIX}")
        user.save()
    Membership.objects.update_or_create(user=user, defaults={"role": role, "unit": unit})
    return user


def make_cast() -> Cast:
    """The seven named people across 区商务局 (A) and 区发展改革局 (B)."""
    unit_a = make_unit("区商务局", responsible_head="张局长")
    unit_b = make_unit("区发展改革局", responsible_head="李局长")
    return Cast(
        alice=make_person("alice", Role.ADMINISTRATOR),
        sam=make_person("sam", Role.SUPERVISOR),
        vera=make_person("vera", Role.VIEWER),
        amy=make_person("amy", Role.UNIT_LEADER, unit_a),
        andy=make_person("andy", Role.UNIT_OFFICER, unit_a),
        bob=make_person("bob", Role.UNIT_LEADER, unit_b),
        ben=make_person("ben", Role.UNIT_OFFICER, unit_b),
        unit_a=unit_a,
        unit_b=unit_b,
    )


def make_enterprise_user(username: str, *, name: str = "", serial: int = 1) -> Any:
    """A user acting for an enterprise (企业用户), with the enterprise; reused when it exists."""
    from taizhang.enterprises.builders import credit_code
    from taizhang.enterprises.models import Enterprise, EnterpriseAccount

    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=username, defaults={"email": f"{username}@example.org"}
    )
    if created:
        user.set_password(f"{username}{DEMO_PASSWORD_SUFFIX}")
        user.save()
        enterprise, _ = Enterprise.objects.get_or_create(
            credit_code=credit_code(serial), defaults={"name": name or f"深圳市{username}科技有限公司"}
        )
        EnterpriseAccount.objects.create(user=user, enterprise=enterprise)
    return user


def make_policy(
    supervisor: Any, text: str = SAMPLE_TASK_TABLE, *, name: str = "sample.txt", publish: bool = True
) -> Any:
    """Import ``text`` as a policy through the actions; with ``publish`` confirm its proposed units and
    publish it (accepting the warnings of tasks without a lead unit or deadline)."""
    from taizhang.extract import extract_text
    from taizhang.ledger.policy_actions import do_import_policy, do_publish_policy
    from taizhang.units.actions import do_confirm_unit

    result = do_import_policy(
        supervisor,
        data=text.encode("utf-8"),
        name=name,
        extraction=extract_text(text, name=name),
        allow_duplicate=True,  # tests and the demo make the same sample more than once
    )
    if publish:
        for unit in result.proposed_units:
            do_confirm_unit(supervisor, unit)
        do_publish_policy(supervisor, result.policy, confirm=True)
        result.policy.refresh_from_db()
    return result.policy


def make_closing_report(
    task: Any,
    *,
    officer: Any,
    leader: Any,
    supervisor: Any,
    period: str,
    helpers: Any = (),
    narrative: str = "任务已全部完成，申请办结。",
) -> Any:
    """The report a task is closed on (办结), through the actions: the lead unit's officer reports
    100 % asking to close with evidence, each of ``helpers`` (a person of each co-unit) adds his
    unit's part, the leader approves and the supervisor accepts. Returns the accepted report."""
    from taizhang.ledger import actions as L

    report = L.do_save_report(
        officer, task=task, period=period, narrative=narrative, percent=100, requests_close=True
    )
    L.do_add_attachment(officer, report, name="验收材料.pdf", data=b"%PDF-1.4 evidence")
    for person in helpers:
        L.do_add_contribution(person, report, text="本单位负责部分已完成。")
    L.do_submit_report(officer, report)
    L.do_approve_report(leader, report)
    return L.do_accept_report(supervisor, report)
