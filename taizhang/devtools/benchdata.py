"""A province-sized ledger for the benchmarks: units, people, policies, tasks, reports, history.

:func:`generate_ledger` fills a database with a deterministic ledger (3,000 units, 150,000 tasks
and 1,500,000 progress reports by default) so that ``taizhang bench`` can time the pages and the
API against the size issue 3 asks for.

It writes rows directly, with explicit primary keys, instead of going through the ``do_*``
actions: this is benchmark data, not anybody's work, and the actions (one transaction, one
permission check and one history row per change) would take hours for 1.5 million reports. Small
tables go through ``bulk_create``; the big ones (tasks, assignments, reports, history) are written
as plain rows, with ``COPY`` on PostgreSQL and ``executemany`` elsewhere, because preparing model
instances cost more than the database's own work.
The rows are still valid for the models (the statuses, deadlines, unique periods and the
assignment rules the actions keep), and a sample of history rows is written the way
:func:`taizhang.core.history.record` writes them, so a task page shows a history.

The generator refuses a database that already holds units, people, policies or tasks unless
``force=True``, which empties it first (``flush``): point it at a throwaway database only.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connections, models, transaction
from django.utils import timezone

from taizhang.accounts.models import Membership, Role
from taizhang.core.models import HistoryEntry
from taizhang.extract.bench import chinese_number
from taizhang.ledger.models import (
    AssignmentRole,
    DeadlineKind,
    Metric,
    ProgressReport,
    ReportContribution,
    ReportStatus,
    Task,
    TaskAssignment,
    TaskStatus,
)
from taizhang.policies.models import Measure, Policy, PolicyKind, PolicyStatus, ReportCadence
from taizhang.units.models import Unit, UnitKind, UnitStatus

__all__ = [
    "BENCH_PASSWORD",
    "BenchDataExists",
    "GenerationResult",
    "database_has_data",
    "generate_ledger",
    "SupervisionResult",
    "prepare_supervision",
]

# Every generated person has this password, so the bench database can be looked at with runserver.
BENCH_PASSWORD = "bench-taizhang"
SUPERVISOR_USERNAME = "bench_supervisor"

_BATCH = 2000  # rows per INSERT
_TASK_CHUNK = 5000  # tasks (with their assignments, reports, history) per transaction


class BenchDataExists(Exception):
    """The target database already holds ledger data and ``force`` was not given."""


@dataclass(frozen=True)
class GenerationResult:
    """What :func:`generate_ledger` wrote: rows per model and the seconds each step took."""

    counts: dict[str, int]
    seconds: dict[str, float]
    total_seconds: float
    database: str


# ---------------------------------------------------------------------------------------------
# Names: districts, departments, subdistricts, tasks. General vocabulary of Chinese local
# government, no particular place.

_PLACE_FIRST = "东西南北中新青龙金华长永安福宁平兴和泰丰"
_PLACE_SECOND = "山湖江城海河阳林川州桥溪港原田岭坪湾塘沙"
_DEPARTMENTS = (
    "发展和改革局",
    "商务局",
    "财政局",
    "科技创新局",
    "工业和信息化局",
    "市场监督管理局",
    "政务服务数据管理局",
    "人力资源局",
    "司法局",
    "住房和建设局",
    "规划和自然资源局",
    "生态环境局",
    "交通运输局",
    "水务局",
    "教育局",
    "卫生健康局",
    "民政局",
    "文化广电旅游体育局",
    "应急管理局",
    "统计局",
    "城市管理和综合执法局",
    "投资促进局",
    "国有资产监督管理局",
    "退役军人事务局",
    "农业农村局",
    "审计局",
    "医疗保障局",
    "金融服务署",
    "企业服务中心",
    "税务局",
    "公安分局",
    "人民法院",
    "人民检察院",
    "消防救援大队",
    "供电局",
    "城市更新局",
)
_VERBS = ("推行", "完善", "建立", "深化", "拓展", "落实", "探索", "实施", "优化", "健全", "推进", "加强")
_OBJECTS = (
    "企业开办“一网通办”服务",
    "工程建设项目审批全流程网上办理",
    "惠企政策“免申即享”机制",
    "中小企业融资风险补偿机制",
    "重点企业“服务专员”制度",
    "产业用房租金补贴政策",
    "涉企行政检查“综合查一次”",
    "公共信用信息修复服务",
    "政务数据共享目录",
    "商事纠纷多元化解平台",
    "高层次人才安居保障",
    "知识产权快速维权通道",
    "跨境贸易单一窗口功能",
    "企业诉求闭环办理机制",
    "水电气网联合报装服务",
    "不动产登记“一窗受理”",
    "招标投标全流程电子化",
    "包容审慎监管清单",
)
_DETAILS = (
    "压缩办理时间至{n}个工作日以内",
    "全年服务企业不少于{n}家",
    "新增{n}个应用场景",
    "惠及企业{n}家以上",
    "办结率达到{p}%以上",
    "年内培育{n}家示范企业",
    "覆盖{p}%的街道",
)
_GOALS = (
    "优化政务服务环境",
    "强化要素保障",
    "激发市场主体活力",
    "提升监管执法效能",
    "加强法治保障",
    "推进开放合作",
    "促进科技创新",
    "完善企业服务体系",
)
_NARRATIVES = (
    "已完成年度目标的阶段性任务，正按计划推进。",
    "已召开专题推进会，明确责任分工和时间节点。",
    "相关制度文件已印发实施，正在跟踪评估落实效果。",
    "受项目审批进度影响，部分工作滞后，已制定追赶措施。",
    "已走访服务企业，收集诉求并逐项办理。",
    "平台已上线试运行，正在完善功能。",
)

# Status mixes (value, weight): most published work is under way, some closed, some not yet taken up.
_TASK_STATUS_MIX = (
    (TaskStatus.ASSIGNED, 8),
    (TaskStatus.ACKNOWLEDGED, 6),
    (TaskStatus.RETURNED_TO_SUPERVISOR, 2),
    (TaskStatus.IN_PROGRESS, 70),
    (TaskStatus.CLOSED, 14),
)
_OLD_REPORT_MIX = ((ReportStatus.ACCEPTED, 94), (ReportStatus.RETURNED, 3), (ReportStatus.SUBMITTED, 3))
_LAST_REPORT_MIX = (
    (ReportStatus.DRAFT, 25),
    (ReportStatus.SUBMITTED, 25),
    (ReportStatus.APPROVED_BY_LEADER, 20),
    (ReportStatus.ACCEPTED, 20),
    (ReportStatus.RETURNED, 10),
)
_REPORTING_STATUSES = frozenset({TaskStatus.IN_PROGRESS, TaskStatus.CLOSED})
_MAX_PERIODS = 120  # ten years of monthly reports per task


def _picker(rng: random.Random, mix: Sequence[tuple[Any, int]]) -> Callable[[], Any]:
    values = [v for v, _ in mix]
    cum: list[float] = []
    total = 0.0
    for _, w in mix:
        total += w
        cum.append(total)
    return lambda: rng.choices(values, cum_weights=cum)[0]


# ---------------------------------------------------------------------------------------------
# The public entry points


def database_has_data(using: str = "default") -> bool:
    """Whether the database ``using`` already holds units, people, policies or tasks."""
    user_model = get_user_model()
    return any(
        m.objects.using(using).exists()
        for m in (Unit, Policy, Task, user_model)  # type: ignore[attr-defined]
    )


def generate_ledger(
    units: int = 3000,
    tasks: int = 150_000,
    reports: int = 1_500_000,
    *,
    policies: int | None = None,
    seed: int = 2025,
    using: str = "default",
    force: bool = False,
    now: dt.datetime | None = None,
    progress: Callable[[str], None] | None = None,
) -> GenerationResult:
    """Fill the database ``using`` with a generated ledger of the given size; what was written.

    ``units`` (at least 2: a top unit and one below it) are spread over a few top units (区人民政府)
    with their departments (区直部门) and subdistrict offices (街道办); ``tasks`` over ``policies``
    (300 at most by default, about one per 100 tasks); exactly ``reports`` monthly progress reports
    over the tasks under way, about ten each. Raises :class:`BenchDataExists` when the database
    holds data and ``force`` is false, ``ValueError`` for sizes that cannot make a ledger.
    """
    _check_sizes(units, tasks, reports, policies)
    if database_has_data(using):
        if not force:
            raise BenchDataExists(
                f"the database {_describe(using)} already holds data; pass force=True (--force) to "
                "empty it and generate again"
            )
        connection = connections[using]
        if connection.vendor == "postgresql" and connection.in_atomic_block:
            # TRUNCATE refuses tables with deferred foreign-key checks pending in the transaction.
            with connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        call_command("flush", database=using, interactive=False, verbosity=0)
    started = time.perf_counter()
    gen = _Generator(
        rng=random.Random(seed),
        using=using,
        now=now or timezone.now(),
        say=progress or (lambda _line: None),
    )
    gen.run(units, tasks, reports, policies if policies is not None else max(1, min(300, tasks // 100)))
    return GenerationResult(
        counts=dict(gen.counts),
        seconds=dict(gen.seconds),
        total_seconds=time.perf_counter() - started,
        database=_describe(using),
    )


def _check_sizes(units: int, tasks: int, reports: int, policies: int | None) -> None:
    if units < 2:
        raise ValueError(f"units: {units}: at least 2 are needed (a top unit and one unit below it)")
    if tasks < 0 or reports < 0:
        raise ValueError("tasks and reports cannot be negative")
    if policies is not None and policies < 1:
        raise ValueError(f"policies: {policies}: at least 1 is needed")
    if reports and not tasks:
        raise ValueError("reports need tasks: give at least one task")
    if reports > tasks * _MAX_PERIODS * 0.8:
        raise ValueError(
            f"reports: {reports:,} is too many for {tasks:,} tasks (about ten reports per task; "
            f"at most {_MAX_PERIODS} monthly periods each)"
        )


def _describe(using: str) -> str:
    db = connections[using].settings_dict
    engine = db["ENGINE"].rsplit(".", 1)[-1]
    return f"{engine}:{db.get('NAME') or ''}"


# ---------------------------------------------------------------------------------------------
# Supervision and the portal on a generated ledger


@dataclass(frozen=True)
class SupervisionResult:
    """What :func:`prepare_supervision` wrote: statuses by colour, judgements, supervision
    notices and public policies, and the seconds each step took."""

    colours: dict[str, int]
    judged: int
    notices: int
    public_policies: int
    seconds: dict[str, float]


def prepare_supervision(
    *,
    now: dt.datetime | None = None,
    public_share: float = 1 / 3,
    seed: int = 2025,
    progress: Callable[[str], None] | None = None,
) -> SupervisionResult:
    """Give a generated ledger what the dashboard, the queues, the bulletin and the portal read.

    - every assigned task's colour, computed by the status job
      (:func:`taizhang.supervision.status.refresh_statuses`) as of ``now``;
    - the day each red task turned red, spread over the last eight weeks (the job marks them all
      as turning red ``now``, as it would on its first run) so "turned red this week" is a part;
    - the supervisor's judgement (研判) on one task in fifty, some at odds with the rules, and a
      supervision notice (督办单) on one red task in forty, a third of them answered;
    - ``public_share`` of the published policies made public on the portal, nine in ten of them
      with their progress shown.

    Runs on the ``default`` database (the status job's); ``taizhang benchdata`` runs it in a child
    process whose default database is the bench database. Running it again recomputes the colours
    and replaces the judgements, notices and publication settings it wrote.
    """
    from taizhang.portal.models import PublicationSettings
    from taizhang.supervision.models import SupervisionNotice, SupervisionNoticeState
    from taizhang.supervision.models import TaskStatus as RagStatus
    from taizhang.supervision.status import refresh_statuses

    say = progress or (lambda _line: None)
    now = now or timezone.now()
    rng = random.Random(seed)
    seconds: dict[str, float] = {}
    supervisor = (
        Membership.objects.filter(role=Role.SUPERVISOR)
        .order_by("pk")
        .values_list("user_id", flat=True)
        .first()
    )

    start = time.perf_counter()
    refresh_statuses(now=now)
    seconds["statuses"] = time.perf_counter() - start
    say(f"  statuses: {seconds['statuses']:.1f} s")

    start = time.perf_counter()
    red_ids = list(
        RagStatus.objects.filter(colour="red").order_by("task_id").values_list("task_id", flat=True)
    )
    for week in range(8):  # one red task in eight turned red this week, one in eight the week before…
        chosen = red_ids[week::8]
        when = now - dt.timedelta(days=7 * week + 1, hours=week * 3)
        for at in range(0, len(chosen), _BATCH * 5):
            RagStatus.objects.filter(task_id__in=chosen[at : at + _BATCH * 5]).update(
                turned_red_at=when, changed_at=when, previous_colour="amber"
            )
    all_ids = list(RagStatus.objects.order_by("task_id").values_list("task_id", "colour"))
    judgements = ("highly_likely", "likely", "unlikely", "highly_unlikely")
    judged = [(task_id, rng.choice(judgements)) for task_id, _ in all_ids[::50]]
    with transaction.atomic():
        RagStatus.objects.exclude(judgement="").update(judgement="", judged_by=None, judged_at=None)
        for judgement in judgements:
            ids = [task_id for task_id, j in judged if j == judgement]
            for at in range(0, len(ids), _BATCH * 5):
                RagStatus.objects.filter(task_id__in=ids[at : at + _BATCH * 5]).update(
                    judgement=judgement, judged_by_id=supervisor, judged_at=now - dt.timedelta(days=3)
                )
    seconds["judgements"] = time.perf_counter() - start

    start = time.perf_counter()
    notices: list[SupervisionNotice] = []
    for k, task_id in enumerate(red_ids[::40]):
        issued = now - dt.timedelta(days=rng.randint(2, 40))
        answered = k % 3 == 0
        notices.append(
            SupervisionNotice(
                task_id=task_id,
                instruction="请于规定时间内报告滞后原因和整改措施。",
                due_on=timezone.localdate(issued) + dt.timedelta(days=10),
                status=SupervisionNoticeState.ANSWERED if answered else SupervisionNoticeState.OPEN,
                issued_by_id=supervisor,
                issued_at=issued,
                answer="已制定整改措施，正在推进。" if answered else "",
                answered_at=issued + dt.timedelta(days=5) if answered else None,
            )
        )
    with transaction.atomic():
        SupervisionNotice.objects.filter(instruction="请于规定时间内报告滞后原因和整改措施。").delete()
        SupervisionNotice.objects.bulk_create(notices, batch_size=_BATCH)

    published = list(
        Policy.objects.filter(status=PolicyStatus.PUBLISHED).order_by("pk").values_list("pk", flat=True)
    )
    every = max(1, round(1 / public_share)) if public_share > 0 else 0
    public = published[::every] if every else []
    with transaction.atomic():
        PublicationSettings.objects.all().delete()
        PublicationSettings.objects.bulk_create(
            [
                PublicationSettings(
                    policy_id=pk,
                    is_public=True,
                    show_progress=k % 10 != 9,
                    show_indicators=True,
                    updated_by_id=supervisor,
                    updated_at=now,
                )
                for k, pk in enumerate(public)
            ],
            batch_size=_BATCH,
        )
    seconds["notices and portal"] = time.perf_counter() - start
    colours = dict(
        RagStatus.objects.values("colour")
        .annotate(n=models.Count("pk"))
        .order_by()
        .values_list("colour", "n")
    )
    return SupervisionResult(
        colours={str(c): int(n) for c, n in colours.items()},
        judged=len(judged),
        notices=len(notices),
        public_policies=len(public),
        seconds=seconds,
    )


# ---------------------------------------------------------------------------------------------
# The generator


@dataclass
class _District:
    top: Unit
    departments: list[int] = field(default_factory=list)  # unit ids, busiest first
    subdistricts: list[int] = field(default_factory=list)
    lead_cum: list[float] = field(default_factory=list)  # cumulative weights over departments


@dataclass(frozen=True)
class _Planned:
    """A task to write: its policy, district, the policy's measures, and its status."""

    policy: Policy
    district: _District
    measures: list[Measure]
    status: str


@dataclass
class _Generator:
    rng: random.Random
    using: str
    now: dt.datetime
    say: Callable[[str], None]
    counts: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    districts: list[_District] = field(default_factory=list)
    officer_of: dict[int, int] = field(default_factory=dict)  # unit id -> officer's user id
    leader_of: dict[int, int] = field(default_factory=dict)
    supervisor_id: int = 0

    def run(self, n_units: int, n_tasks: int, n_reports: int, n_policies: int) -> None:
        self._step("units", lambda: self._units(n_units))
        self._step("people", self._people)
        policies = self._step_value("policies", lambda: self._policies(n_policies))
        self._step("tasks, reports, history", lambda: self._tasks(policies, n_tasks, n_reports))
        self._reset_sequences()

    # -- bookkeeping --------------------------------------------------------------------------

    def _step(self, name: str, fn: Callable[[], object]) -> None:
        self._step_value(name, fn)

    def _step_value(self, name: str, fn: Callable[[], Any]) -> Any:
        start = time.perf_counter()
        value = fn()
        self.seconds[name] = time.perf_counter() - start
        self.say(f"  {name}: {self.seconds[name]:.1f} s")
        return value

    def _insert(self, model: type[models.Model], rows: Iterable[models.Model]) -> None:
        objs = list(rows)
        if objs:
            model.objects.using(self.using).bulk_create(objs, batch_size=_BATCH)  # type: ignore[attr-defined]
        label = model._meta.label
        self.counts[label] = self.counts.get(label, 0) + len(objs)

    def _rows(self, model: type[models.Model]) -> _Rows:
        return _Rows(model, connections[self.using], self.now)

    def _write(self, rows: _Rows) -> None:
        """Write the collected rows: COPY on PostgreSQL, executemany elsewhere."""
        label = rows.model._meta.label
        self.counts[label] = self.counts.get(label, 0) + len(rows.rows)
        if not rows.rows:
            return
        connection = connections[self.using]
        table = connection.ops.quote_name(rows.model._meta.db_table)
        columns = ", ".join(connection.ops.quote_name(c) for c in rows.columns)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                    for row in rows.rows:
                        copy.write_row(row)
            else:
                marks = ", ".join(["%s"] * len(rows.columns))
                sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"
                for start in range(0, len(rows.rows), _BATCH * 10):
                    cursor.executemany(sql, rows.rows[start : start + _BATCH * 10])
        rows.rows.clear()

    def _reset_sequences(self) -> None:
        """Rows were written with explicit ids: move PostgreSQL's sequences past them."""
        connection = connections[self.using]
        user_model = get_user_model()
        all_models = [
            Unit,
            user_model,
            Membership,
            Policy,
            Measure,
            Task,
            TaskAssignment,
            Metric,
            ProgressReport,
            ReportContribution,
            HistoryEntry,
        ]
        statements = connection.ops.sequence_reset_sql(no_style(), all_models)
        if statements:
            with connection.cursor() as cursor:
                for sql in statements:
                    cursor.execute(sql)

    # -- units and people ---------------------------------------------------------------------

    def _place_names(self, count: int, suffix: str, taken: set[str]) -> Iterator[str]:
        """``count`` distinct two-character place names with ``suffix`` (东湖区, 青山街道办事处)."""
        pairs = [a + b for a in _PLACE_FIRST for b in _PLACE_SECOND]
        self.rng.shuffle(pairs)
        made = 0
        round_no = 1
        while made < count:
            for pair in pairs:
                name = (pair if round_no == 1 else f"{pair}{chinese_number(round_no)}") + suffix
                if name in taken:
                    continue
                taken.add(name)
                yield name
                made += 1
                if made == count:
                    return
            round_no += 1

    def _units(self, n_units: int) -> None:
        tops = max(1, min(60, n_units // 100))
        below = n_units - tops
        taken: set[str] = set()
        rows: list[Unit] = []
        next_id = 1
        for name in self._place_names(tops, "区", taken):
            top = Unit(
                id=next_id,
                name=f"{name}人民政府",
                short_name=name,
                kind=UnitKind.OTHER,
                status=UnitStatus.CONFIRMED,
                responsible_head=self._person_name(),
            )
            rows.append(top)
            self.districts.append(_District(top=top))
            next_id += 1
        for i, district in enumerate(self.districts):
            n_below = below // tops + (1 if i < below % tops else 0)
            n_departments = max(1, round(n_below * 0.6)) if n_below > 1 else n_below
            district_name = district.top.short_name
            for j in range(n_departments):
                dept = _DEPARTMENTS[j % len(_DEPARTMENTS)]
                round_no = j // len(_DEPARTMENTS)
                short = dept if round_no == 0 else f"{dept}第{chinese_number(round_no + 1)}分局"
                rows.append(
                    Unit(
                        id=next_id,
                        name=f"{district_name}{short}",
                        short_name=short,
                        kind=UnitKind.DEPARTMENT,
                        parent_id=district.top.id,
                        status=UnitStatus.CONFIRMED,
                        responsible_head=self._person_name(),
                    )
                )
                district.departments.append(next_id)
                next_id += 1
            for name in self._place_names(n_below - n_departments, "街道办事处", taken):
                rows.append(
                    Unit(
                        id=next_id,
                        name=f"{district_name}{name}",
                        short_name=name,
                        kind=UnitKind.SUBDISTRICT,
                        parent_id=district.top.id,
                        status=UnitStatus.CONFIRMED,
                        responsible_head=self._person_name(),
                    )
                )
                district.subdistricts.append(next_id)
                next_id += 1
            # A few departments lead most of the work (a Zipf-like share): the first is the busiest.
            total = 0.0
            for rank in range(len(district.departments)):
                total += 1.0 / (rank + 1)
                district.lead_cum.append(total)
        self._insert(Unit, rows)

    def _person_name(self) -> str:
        return self.rng.choice("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高") + self.rng.choice(
            ("伟", "芳", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超")
        )

    def _people(self) -> None:
        """The steering people, and a leader and an officer for every department."""
        user_model = get_user_model()
        password = make_password(BENCH_PASSWORD)  # hashed once: every bench person shares it
        users: list[Any] = []
        memberships: list[Membership] = []
        next_id = 1

        def person(username: str, role: Role, unit_id: int | None, superuser: bool = False) -> int:
            nonlocal next_id
            users.append(
                user_model(
                    id=next_id,
                    username=username,
                    password=password,
                    is_active=True,
                    is_staff=superuser,
                    is_superuser=superuser,
                    date_joined=self.now,
                )
            )
            memberships.append(Membership(id=next_id, user_id=next_id, role=role, unit_id=unit_id))
            next_id += 1
            return next_id - 1

        person("bench_admin", Role.ADMINISTRATOR, None, superuser=True)
        self.supervisor_id = person(SUPERVISOR_USERNAME, Role.SUPERVISOR, None)
        person("bench_viewer", Role.VIEWER, None)
        for district in self.districts:
            for unit_id in district.departments:
                self.leader_of[unit_id] = person(f"u{unit_id}_leader", Role.UNIT_LEADER, unit_id)
                self.officer_of[unit_id] = person(f"u{unit_id}_officer", Role.UNIT_OFFICER, unit_id)
        self._insert(user_model, users)
        self._insert(Membership, memberships)

    # -- policies and measures ----------------------------------------------------------------

    def _policies(self, n_policies: int) -> list[tuple[Policy, _District, list[Measure]]]:
        kinds = [PolicyKind.PLAN, PolicyKind.MEASURES, PolicyKind.TABLE, PolicyKind.WORK_REPORT]
        out: list[tuple[Policy, _District, list[Measure]]] = []
        policies: list[Policy] = []
        measures: list[Measure] = []
        measure_id = 1
        for i in range(n_policies):
            district = self.districts[i % len(self.districts)]
            year = self.now.year - self.rng.randint(0, 2)
            draft = i > 0 and self.rng.random() < 0.05  # the first is always published
            policy = Policy(
                id=i + 1,
                title=f"{district.top.short_name}{year}年{self.rng.choice(_GOALS)}工作方案（第{i + 1}号）",
                year=year,
                kind=self.rng.choice(kinds),
                status=PolicyStatus.DRAFT if draft else PolicyStatus.PUBLISHED,
                report_cadence=ReportCadence.MONTHLY if self.rng.random() < 0.85 else ReportCadence.QUARTERLY,
                created_by_id=self.supervisor_id,
                published_at=None if draft else self.now - dt.timedelta(days=self.rng.randint(30, 900)),
                original_name=f"policy-{i + 1}.docx",
            )
            policies.append(policy)
            own: list[Measure] = []
            for m in range(self.rng.randint(3, 8)):
                own.append(
                    Measure(
                        id=measure_id,
                        policy_id=policy.id,
                        ref=f"（{chinese_number(m + 1)}）",
                        title=self.rng.choice(_GOALS),
                        order=m + 1,
                    )
                )
                measure_id += 1
            measures.extend(own)
            out.append((policy, district, own))
        self._insert(Policy, policies)
        self._insert(Measure, measures)
        return out

    # -- tasks and everything hanging off them ------------------------------------------------

    def _tasks(
        self, policies: list[tuple[Policy, _District, list[Measure]]], n_tasks: int, n_reports: int
    ) -> None:
        plan = self._task_plan(policies, n_tasks)
        per_task = self._report_counts(plan, n_reports)
        ids = _Ids()
        for start in range(0, len(plan), _TASK_CHUNK):
            with transaction.atomic(using=self.using):
                self._task_chunk(
                    plan[start : start + _TASK_CHUNK], per_task[start : start + _TASK_CHUNK], ids
                )
            done = min(start + _TASK_CHUNK, len(plan))
            if done % (_TASK_CHUNK * 6) == 0 or done == len(plan):
                self.say(f"    {done:,} of {len(plan):,} tasks")

    def _task_plan(
        self, policies: list[tuple[Policy, _District, list[Measure]]], n_tasks: int
    ) -> list[_Planned]:
        """Which policy each task belongs to, and its status (tasks of a draft policy are drafts)."""
        pick_status = _picker(self.rng, _TASK_STATUS_MIX)
        plan: list[_Planned] = []
        for i in range(n_tasks):
            policy, district, measures = policies[i * len(policies) // max(n_tasks, 1)]
            status = TaskStatus.DRAFT if policy.status == PolicyStatus.DRAFT else pick_status()
            plan.append(_Planned(policy, district, measures, status))
        return plan

    def _report_counts(self, plan: list[_Planned], n_reports: int) -> list[int]:
        """Exactly ``n_reports`` reports spread over the tasks under way, about evenly, each varied."""
        counts = [0] * len(plan)
        reporting = [i for i, p in enumerate(plan) if p.status in _REPORTING_STATUSES]
        if n_reports and not reporting:
            # A tiny ledger may draw no task under way: make the first published task one.
            first = next((i for i, p in enumerate(plan) if p.status != TaskStatus.DRAFT), None)
            if first is None:
                raise ValueError("reports need a published task, and every generated policy is a draft")
            plan[first] = _Planned(
                plan[first].policy, plan[first].district, plan[first].measures, TaskStatus.IN_PROGRESS
            )
            reporting = [first]
        if not reporting:
            return counts
        base, extra = divmod(n_reports, len(reporting))
        for k, i in enumerate(reporting):
            counts[i] = base + (1 if k < extra else 0)
        # Vary the counts in pairs, which keeps the total: some tasks started earlier than others.
        for k in range(0, len(reporting) - 1, 2):
            a, b = reporting[k], reporting[k + 1]
            room = min(counts[a] // 2, _MAX_PERIODS - counts[b])
            if room > 0:
                shift = self.rng.randint(0, room)
                counts[a] -= shift
                counts[b] += shift
        if max(counts) > _MAX_PERIODS:
            raise ValueError(
                f"reports: too many for the tasks under way (a task would need {max(counts)} periods)"
            )
        return counts

    def _task_chunk(self, plan: list[_Planned], report_counts: list[int], ids: _Ids) -> None:
        rng = self.rng
        tasks, assignments, metrics = self._rows(Task), self._rows(TaskAssignment), self._rows(Metric)
        reports, contributions = self._rows(ProgressReport), self._rows(ReportContribution)
        history = self._rows(HistoryEntry)
        for planned, n_reports in zip(plan, report_counts, strict=True):
            policy, district, status = planned.policy, planned.district, planned.status
            task_id = ids.next("task")
            order = ids.order(policy.id)
            kind, year, month, text = self._deadline(policy.year or self.now.year)
            progress = (
                100
                if status == TaskStatus.CLOSED
                else (rng.randint(5, 95) if status == TaskStatus.IN_PROGRESS else 0)
            )
            extended = status in _REPORTING_STATUSES and kind == DeadlineKind.MONTH and rng.random() < 0.03
            assigned_at = None if status == TaskStatus.DRAFT else policy.published_at
            original: dict[str, Any] = {}
            if extended and year is not None and month is not None:
                # The first deadline stays on record, as an approved extension leaves it.
                original = {
                    "original_deadline_kind": kind,
                    "original_deadline_year": year,
                    "original_deadline_month": month,
                }
                year, month = (year + 1, 1) if month == 12 else (year, month + 1)
                text = f"{year}年{month}月"
            measure_id, ref = self._measure_and_ref(planned.measures, order)
            tasks.add(
                id=task_id,
                policy_id=policy.id,
                measure_id=measure_id,
                ref=ref,
                reference=ref,
                order=order,
                text=self._task_text(),
                deadline_kind=kind,
                deadline_year=year,
                deadline_month=month,
                deadline_text=text,
                status=status,
                progress=progress,
                assigned_at=assigned_at,
                closed_at=self.now - dt.timedelta(days=rng.randint(1, 200))
                if status == TaskStatus.CLOSED
                else None,
                **original,
            )

            lead = self._lead_unit(district)
            co_units = self._co_units(district, lead)
            acknowledged = status in (TaskStatus.ACKNOWLEDGED, TaskStatus.IN_PROGRESS, TaskStatus.CLOSED)
            ack_at = (
                assigned_at + dt.timedelta(days=rng.randint(1, 10)) if acknowledged and assigned_at else None
            )
            assignments.add(
                id=ids.next("assignment"),
                task_id=task_id,
                unit_id=lead,
                role=AssignmentRole.LEAD,
                order=0,
                acknowledged_at=ack_at,
                returned_reason="该任务不属于本单位职责范围"
                if status == TaskStatus.RETURNED_TO_SUPERVISOR
                else "",
            )
            for k, unit_id in enumerate(co_units):
                assignments.add(
                    id=ids.next("assignment"),
                    task_id=task_id,
                    unit_id=unit_id,
                    role=AssignmentRole.CO,
                    order=k,
                    acknowledged_at=ack_at,
                )
            if rng.random() < 0.1:
                metrics.add(
                    id=ids.next("metric"),
                    policy_id=policy.id,
                    task_id=task_id,
                    indicator="办结率",
                    value=float(rng.randint(80, 100)),
                    unit="%",
                    comparator=">=",
                    year=year,
                )
            if status != TaskStatus.DRAFT:
                history.add(
                    id=ids.next("history"),
                    actor_id=self.supervisor_id,
                    at=assigned_at or self.now,
                    object_type="ledger.task",
                    object_id=task_id,
                    task_id=task_id,
                    action="assign_task",
                    before={"status": TaskStatus.DRAFT},
                    after={"status": TaskStatus.ASSIGNED},
                )
            self._reports(
                task_id, status, progress, lead, co_units, n_reports, ids, reports, contributions, history
            )

        for rows in (tasks, assignments, metrics, reports, contributions, history):
            self._write(rows)

    def _deadline(self, base_year: int) -> tuple[str, int | None, int | None, str]:
        roll = self.rng.random()
        if roll < 0.12:
            return DeadlineKind.ONGOING, None, None, "常态化推进"
        year = base_year + self.rng.randint(0, 2)
        if roll < 0.3:
            return DeadlineKind.YEAR, year, None, f"{year}年"
        month = self.rng.choice((3, 6, 9, 12))
        return DeadlineKind.MONTH, year, month, f"{year}年{month}月"

    def _task_text(self) -> str:
        rng = self.rng
        detail = rng.choice(_DETAILS).format(n=rng.randint(3, 500), p=rng.randint(80, 100))
        return f"{rng.choice(_VERBS)}{rng.choice(_OBJECTS)}，{rng.choice(_VERBS)}{rng.choice(_OBJECTS)}，{detail}。"

    def _measure_and_ref(self, measures: list[Measure], order: int) -> tuple[int | None, str]:
        """The measure a task sits under (twenty tasks each, in turn) and its reference (二.(三).12)."""
        if not measures:
            return None, str(order)
        m = (order - 1) // 20 % len(measures)
        section = (order - 1) // (20 * len(measures)) + 1
        return measures[m].id, f"{chinese_number(min(section, 9999))}.({chinese_number(m + 1)}).{order}"

    def _lead_unit(self, district: _District) -> int:
        if district.departments and (not district.subdistricts or self.rng.random() < 0.85):
            return self.rng.choices(district.departments, cum_weights=district.lead_cum)[0]
        return self.rng.choice(district.subdistricts or district.departments)

    def _co_units(self, district: _District, lead: int) -> list[int]:
        pool_size = len(district.departments) + len(district.subdistricts)
        wanted = min(self.rng.choice((0, 1, 1, 2, 2, 3)), pool_size - 1)
        chosen: list[int] = []
        while len(chosen) < wanted:
            pool = (
                district.departments
                if self.rng.random() < 0.7 and district.departments
                else (district.subdistricts or district.departments)
            )
            unit_id = self.rng.choice(pool)
            if unit_id != lead and unit_id not in chosen:
                chosen.append(unit_id)
        return chosen

    def _reports(
        self,
        task_id: int,
        task_status: str,
        task_progress: int,
        lead: int,
        co_units: list[int],
        n_reports: int,
        ids: _Ids,
        reports: _Rows,
        contributions: _Rows,
        history: _Rows,
    ) -> None:
        """``n_reports`` monthly reports of the lead unit, up to this month, its percent rising."""
        if not n_reports:
            return
        rng = self.rng
        old = _picker(rng, _OLD_REPORT_MIX)
        last = _picker(rng, _LAST_REPORT_MIX)
        officer = self.officer_of.get(lead)
        leader = self.leader_of.get(lead)
        first_month = self.now.year * 12 + self.now.month - 1 - (n_reports - 1)
        for k in range(n_reports):
            year, month0 = divmod(first_month + k, 12)
            is_last = k == n_reports - 1
            if task_status == TaskStatus.CLOSED:
                status = ReportStatus.ACCEPTED
            else:
                status = last() if is_last else old()
            period_end = timezone.make_aware(dt.datetime(year, month0 + 1, 25, 10, 0))
            submitted = status != ReportStatus.DRAFT
            approved = status in (
                ReportStatus.APPROVED_BY_LEADER,
                ReportStatus.ACCEPTED,
                ReportStatus.RETURNED,
            )
            reviewed = status in (ReportStatus.ACCEPTED, ReportStatus.RETURNED)
            report_id = ids.next("report")
            reports.add(
                id=report_id,
                task_id=task_id,
                unit_id=lead,
                period=f"{year}-{month0 + 1:02d}",
                narrative=rng.choice(_NARRATIVES),
                percent=task_progress * (k + 1) // n_reports,
                status=status,
                comments="佐证材料不足，请补充后重新报送。" if status == ReportStatus.RETURNED else "",
                created_by_id=officer,
                submitted_by_id=officer if submitted else None,
                submitted_at=period_end if submitted else None,
                approved_by_id=leader if approved else None,
                approved_at=period_end + dt.timedelta(days=1) if approved else None,
                reviewed_by_id=self.supervisor_id if reviewed else None,
                reviewed_at=period_end + dt.timedelta(days=3) if reviewed else None,
            )
            if co_units and rng.random() < 0.02:
                contributions.add(
                    id=ids.next("contribution"),
                    report_id=report_id,
                    unit_id=co_units[0],
                    text="本单位已按分工完成配合事项。",
                )
            if is_last and submitted:
                history.add(
                    id=ids.next("history"),
                    actor_id=officer,
                    at=period_end,
                    object_type="ledger.progressreport",
                    object_id=report_id,
                    task_id=task_id,
                    action="submit_report",
                    before={"status": ReportStatus.DRAFT},
                    after={"status": ReportStatus.SUBMITTED},
                )


class _Rows:
    """Rows of one model as tuples in column order, for the big tables.

    Building model instances and letting ``bulk_create`` prepare each value costs more than the
    database's work; here every column not given takes the model field's own default (and
    ``auto_now_add`` the generation time), and values are adapted once per column kind.
    """

    def __init__(self, model: type[models.Model], connection: Any, now: dt.datetime) -> None:
        self.model = model
        fields = list(model._meta.concrete_fields)
        self.columns = [f.column for f in fields]
        self.rows: list[tuple[Any, ...]] = []
        self._names: list[str] = []
        self._defaults: list[Any] = []
        self._adapters: list[Callable[[Any], Any] | None] = []
        postgres = connection.vendor == "postgresql"
        for f in fields:
            self._names.append(f.attname)
            if getattr(f, "auto_now_add", False) or getattr(f, "auto_now", False):
                self._defaults.append(now)
            else:  # the model's default: the declared one, "" for text, None for the rest
                self._defaults.append(f.get_default())
            if isinstance(f, models.JSONField):
                self._adapters.append(lambda v: None if v is None else json.dumps(v, ensure_ascii=False))
            elif isinstance(f, models.DateTimeField) and not postgres:
                self._adapters.append(connection.ops.adapt_datetimefield_value)
            elif isinstance(f, models.DecimalField) and not postgres:
                self._adapters.append(lambda v: None if v is None else str(v))
            else:
                self._adapters.append(None)
        known = set(self._names)
        self._check = known

    def add(self, **values: Any) -> None:
        unknown = values.keys() - self._check
        if unknown:
            raise TypeError(f"{self.model.__name__} has no column {', '.join(sorted(unknown))}")
        row = []
        for name, default, adapt in zip(self._names, self._defaults, self._adapters, strict=True):
            value = values.get(name, default)
            row.append(adapt(value) if adapt is not None else value)
        self.rows.append(tuple(row))


class _Ids:
    """Explicit primary keys: the database is empty, so each table counts from 1."""

    def __init__(self) -> None:
        self._last: dict[str, int] = {}
        self._orders: dict[int, int] = {}

    def next(self, table: str) -> int:
        self._last[table] = self._last.get(table, 0) + 1
        return self._last[table]

    def order(self, policy_id: int) -> int:
        self._orders[policy_id] = self._orders.get(policy_id, 0) + 1
        return self._orders[policy_id]
