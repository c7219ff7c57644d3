"""Reading a list of people from an .xlsx workbook (用户批量导入) and checking every row.

The columns are those a district office keeps: 姓名, 用户名, 邮箱, 手机, 单位, 角色 (in any order,
under a title row or two, traditional script and English headers read too; 手机 may be left out).
Nothing here writes: :func:`read_people` answers the people the file would create and the errors
of each row, naming its row number and its column as the file heads it; the actions
(``do_preview_user_import``, ``do_confirm_user_import``) keep a file only when every row passed,
and check every row again when it is confirmed (:func:`check_rows`).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.utils import translation
from django.utils.translation import gettext as _

from .models import UNIT_ROLES, Role

__all__ = [
    "COLUMNS",
    "MAX_BYTES",
    "MAX_ROWS",
    "ImportFileError",
    "PersonRow",
    "RowError",
    "ImportPlan",
    "read_people",
    "check_rows",
    "normalise_phone",
    "role_from_text",
    "template_workbook",
]

MAX_BYTES = 5 * 1024 * 1024  # a list of a whole district's people is a few hundred kilobytes
MAX_UNPACKED = 50 * 1024 * 1024  # a small file that unpacks to more is refused before it is read
MAX_ROWS = 5000
HEADER_SEARCH_ROWS = 10

# The field each column fills, and the headers it goes by (compared without blanks, case or an
# asterisk marking a required column). The first header is the one the template uses.
COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "名字", "fullname", "name"),
    "username": ("用户名", "用戶名", "账号", "帳號", "賬號", "登录名", "登錄名", "username"),
    "email": ("邮箱", "郵箱", "电子邮箱", "電子郵箱", "电子邮件", "電子郵件", "e-mail", "email"),
    "phone": (
        "手机",
        "手機",
        "手机号",
        "手機號",
        "手机号码",
        "手機號碼",
        "联系电话",
        "聯繫電話",
        "mobile",
        "phone",
    ),
    "unit": ("单位", "單位", "所在单位", "所在單位", "单位名称", "單位名稱", "部门", "部門", "unit"),
    "role": ("角色", "用户角色", "用戶角色", "role"),
}
REQUIRED_COLUMNS = ("name", "username", "email", "unit", "role")

# Short names an office may write for a role besides its label (in any of the interface's
# languages) and its code.
ROLE_SHORT_NAMES = {
    "管理员": Role.ADMINISTRATOR,
    "督查": Role.SUPERVISOR,
    "负责人": Role.UNIT_LEADER,
    "联络员": Role.UNIT_OFFICER,
    "区领导": Role.VIEWER,
}

# Blanks, and the marks a template puts on a required header ("姓名*", "姓名（必填）").
# matches: " ", "*", "（必填）", "(必填)"; must not match: "姓名"
HEADER_NOISE_RE = re.compile(r"[\s\u3000*＊]+|[（(]必填[)）]")
# A mobile or office number once blanks, hyphens, dots and brackets are dropped.
# matches: "13800138000", "+85291234567", "075582345678"; must not match: "138-0013", "电话"
PHONE_RE = re.compile(r"\+?\d{7,15}")
# What is dropped from a phone number before it is checked.
# matches: " ", "-", "（", "."; must not match: "1", "+"
PHONE_NOISE_RE = re.compile(r"[\s\u3000\-－.()（）]+")


class ImportFileError(ValueError):
    """The file as a whole cannot be read as a list of people; the message says why."""


@dataclass(frozen=True)
class PersonRow:
    """One person the file would create (values cleaned; ``unit_id`` of a confirmed unit)."""

    row: int
    name: str
    username: str
    email: str
    phone: str
    role: str
    unit_id: int | None
    unit_name: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PersonRow:
        return cls(**{k: data[k] for k in cls.__dataclass_fields__})

    @property
    def role_label(self) -> str:
        return str(Role(self.role).label)


@dataclass(frozen=True)
class RowError:
    """A refused cell: the row number in the sheet, the column as the file heads it, why."""

    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return _("Row %(row)s, column %(column)s: %(message)s") % {
            "row": self.row,
            "column": self.column,
            "message": self.message,
        }


@dataclass
class ImportPlan:
    """What a file would do: the people to create, the errors, the columns left unread."""

    file_name: str
    people: list[PersonRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)  # field -> the header as written
    token: str = ""  # set when the preview was kept for confirmation

    @property
    def accepted(self) -> bool:
        return bool(self.people) and not self.errors


def _header_key(text: str) -> str:
    return HEADER_NOISE_RE.sub("", text).casefold()


_HEADER_FIELDS = {_header_key(h): name for name, headers in COLUMNS.items() for h in headers}


def _cell_text(value: Any) -> str:
    """A cell as text: whole numbers without ``.0`` (a mobile number typed as a number), blanks
    trimmed, nothing for an empty cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def normalise_phone(text: str) -> str | None:
    """The number without blanks, hyphens or brackets; None when it is not a phone number."""
    compact = PHONE_NOISE_RE.sub("", text or "")
    if not compact:
        return ""
    return compact if PHONE_RE.fullmatch(compact) else None


def _role_names() -> dict[str, Role]:
    names: dict[str, Role] = {}
    from django.conf import settings

    for role in Role:
        names[_header_key(role.value)] = role
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                names.setdefault(_header_key(str(role.label)), role)
    for short, role in ROLE_SHORT_NAMES.items():
        names.setdefault(_header_key(short), role)
    return names


def role_from_text(text: str) -> Role | None:
    """The role written as its label (简体, 繁體 or English), its code or a short name; else None."""
    return _role_names().get(_header_key(text or ""))


def _open_sheet_rows(data: bytes) -> list[tuple[int, tuple[Any, ...]]]:
    from openpyxl import load_workbook

    if not data:
        raise ImportFileError(_("The file is empty."))
    if len(data) > MAX_BYTES:
        raise ImportFileError(_("The file is larger than %(mb)d MB.") % {"mb": MAX_BYTES // (1024 * 1024)})
    if not data.startswith(b"PK\x03\x04"):
        raise ImportFileError(_("The file is not an .xlsx workbook."))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED:
                raise ImportFileError(_("The workbook unpacks to more data than allowed."))
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except ImportFileError:
        raise
    except Exception:
        raise ImportFileError(_("The file is not an .xlsx workbook.")) from None
    try:
        sheet = workbook.worksheets[0] if workbook.worksheets else None
        if sheet is None:
            raise ImportFileError(_("The workbook has no sheet."))
        rows: list[tuple[int, tuple[Any, ...]]] = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            rows.append((number, tuple(values)))
            if len(rows) > MAX_ROWS + HEADER_SEARCH_ROWS + 1:
                raise ImportFileError(
                    _("The file has more than %(rows)d rows: split it into several files.")
                    % {"rows": MAX_ROWS}
                )
        return rows
    finally:
        workbook.close()


def _find_header(
    rows: list[tuple[int, tuple[Any, ...]]],
) -> tuple[int, dict[int, str], dict[str, str], list[str]]:
    """The header row: its index in ``rows``, column index -> field, field -> header as written,
    and the headers left unread."""
    for index, (_number, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        fields: dict[int, str] = {}
        written: dict[str, str] = {}
        ignored: list[str] = []
        for col, value in enumerate(cells):
            text = _cell_text(value)
            name = _HEADER_FIELDS.get(_header_key(text)) if text else None
            if name and name not in written:
                fields[col] = name
                written[name] = text
            elif text:
                ignored.append(text)
        if sum(1 for name in REQUIRED_COLUMNS if name in written) >= 3:
            missing = [COLUMNS[name][0] for name in REQUIRED_COLUMNS if name not in written]
            if missing:
                raise ImportFileError(
                    _("The header row (row %(row)s) lacks the column(s) %(columns)s.")
                    % {"row": rows[index][0], "columns": "、".join(missing)}
                )
            return index, fields, written, ignored
    raise ImportFileError(
        _("No header row found in the first %(n)s rows: the first sheet needs the columns %(columns)s.")
        % {"n": HEADER_SEARCH_ROWS, "columns": "、".join(h[0] for h in COLUMNS.values())}
    )


class _Checker:
    """Checks rows against each other and against the accounts and units in the database."""

    def __init__(self) -> None:
        from taizhang.units.actions import UnitDirectory

        User = get_user_model()
        self.usernames = {u.casefold() for u in User._default_manager.values_list("username", flat=True)}
        self.emails = {
            e.casefold() for e in User._default_manager.exclude(email="").values_list("email", flat=True)
        }
        self.directory = UnitDirectory(None)
        self.roles = _role_names()
        self.seen_usernames: dict[str, int] = {}
        self.seen_emails: dict[str, int] = {}

    def check(
        self, row: int, values: dict[str, str], headers: dict[str, str]
    ) -> tuple[PersonRow | None, list[RowError]]:
        from django.contrib.auth.validators import UnicodeUsernameValidator
        from django.core.exceptions import ValidationError
        from django.core.validators import validate_email

        from taizhang.units.models import UnitStatus

        found: list[tuple[str, RowError]] = []

        def refuse(name: str, message: str) -> None:
            found.append((name, RowError(row, headers.get(name, COLUMNS[name][0]), message)))

        name = values.get("name", "")
        if not name:
            refuse("name", _("the name is missing"))
        elif len(name) > 150:
            refuse("name", _("the name is longer than 150 characters"))

        username = values.get("username", "")
        if not username:
            refuse("username", _("the username is missing"))
        else:
            try:
                UnicodeUsernameValidator()(username)
                if len(username) > 150:
                    raise ValidationError("long")
            except ValidationError:
                refuse(
                    "username",
                    _("“%(value)s” is not a valid username (letters, digits and @ . + - _ only, at most 150)")
                    % {"value": username},
                )
            else:
                key = username.casefold()
                if key in self.usernames:
                    refuse("username", _("“%(value)s” is already taken") % {"value": username})
                elif key in self.seen_usernames:
                    refuse(
                        "username",
                        _("“%(value)s” is already on row %(row)s")
                        % {"value": username, "row": self.seen_usernames[key]},
                    )
                else:
                    self.seen_usernames[key] = row

        email = values.get("email", "")
        if not email:
            refuse("email", _("the e-mail address is missing (the invitation is sent to it)"))
        else:
            try:
                validate_email(email)
            except ValidationError:
                refuse("email", _("“%(value)s” is not an e-mail address") % {"value": email})
            else:
                key = email.casefold()
                if key in self.emails:
                    refuse(
                        "email", _("“%(value)s” is already the address of another user") % {"value": email}
                    )
                elif key in self.seen_emails:
                    refuse(
                        "email",
                        _("“%(value)s” is already on row %(row)s")
                        % {"value": email, "row": self.seen_emails[key]},
                    )
                else:
                    self.seen_emails[key] = row

        phone = normalise_phone(values.get("phone", ""))
        if phone is None:
            refuse("phone", _("“%(value)s” is not a phone number") % {"value": values.get("phone", "")})

        role_text = values.get("role", "")
        role = self.roles.get(_header_key(role_text)) if role_text else None
        if not role_text:
            refuse("role", _("the role is missing"))
        elif role is None:
            refuse(
                "role",
                _("“%(value)s” is not a role (one of: %(roles)s)")
                % {"value": role_text, "roles": "、".join(str(r.label) for r in Role)},
            )

        unit_text = values.get("unit", "")
        unit = None
        if unit_text:
            unit = self.directory.find(unit_text)
            if unit is None:
                refuse("unit", _("no unit is called “%(value)s”") % {"value": unit_text})
            elif unit.status != UnitStatus.CONFIRMED:
                refuse(
                    "unit",
                    _("the unit “%(value)s” is not confirmed yet: confirm it on the Units page first")
                    % {"value": unit.name},
                )
        elif role in UNIT_ROLES:
            refuse("unit", _("a %(role)s must belong to a unit") % {"role": str(role.label) if role else ""})

        # In the order of the file's columns, as the eye reads the row.
        columns = list(headers)
        found.sort(key=lambda item: columns.index(item[0]) if item[0] in columns else len(columns))
        errors = [error for _field, error in found]
        if errors or role is None:
            return None, errors
        return (
            PersonRow(
                row=row,
                name=name,
                username=username,
                email=email,
                phone=phone or "",
                role=role.value,
                unit_id=unit.pk if unit else None,
                unit_name=unit.name if unit else "",
            ),
            [],
        )


def read_people(data: bytes, file_name: str) -> ImportPlan:
    """The people of the first sheet of ``data`` and the errors of every row (empty rows skipped);
    :class:`ImportFileError` when the file as a whole is unusable."""
    rows = _open_sheet_rows(data)
    index, fields, headers, ignored = _find_header(rows)
    plan = ImportPlan(file_name=file_name, ignored_columns=ignored, headers=headers)
    checker = _Checker()
    for number, cells in rows[index + 1 :]:
        values = {name: _cell_text(cells[col]) if col < len(cells) else "" for col, name in fields.items()}
        if not any(values.values()):
            continue
        person, errors = checker.check(number, values, headers)
        plan.errors.extend(errors)
        if person is not None:
            plan.people.append(person)
    if not plan.people and not plan.errors:
        raise ImportFileError(_("The file lists nobody under its header row."))
    return plan


def check_rows(people: Iterable[PersonRow]) -> tuple[list[PersonRow], list[RowError]]:
    """Check previewed people again against the database as it is now (a username, an e-mail or a
    unit may have changed since the preview): the people as they would be created now, and the
    errors."""
    checker = _Checker()
    fresh: list[PersonRow] = []
    errors: list[RowError] = []
    headers = {name: names[0] for name, names in COLUMNS.items()}
    for person in people:
        values = {
            "name": person.name,
            "username": person.username,
            "email": person.email,
            "phone": person.phone,
            "role": person.role,
            "unit": person.unit_name,
        }
        checked, found = checker.check(person.row, values, headers)
        errors.extend(found)
        if checked is not None:
            fresh.append(checked)
    return fresh, errors


def template_workbook(unit_names: list[str]) -> bytes:
    """An empty list to fill in: the six columns with an example row, and drop-down lists of the
    roles and of the confirmed units (on a second sheet)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    from taizhang.extract.sheets import save_workbook

    wb = Workbook()
    sheet = wb.active
    sheet.title = "用户"
    headers = [COLUMNS[name][0] for name in ("name", "username", "email", "phone", "unit", "role")]
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    lists = wb.create_sheet("单位与角色")
    lists.append(["单位", "角色"])
    roles = [str(role.label) for role in Role]
    for i in range(max(len(unit_names), len(roles))):
        lists.append([unit_names[i] if i < len(unit_names) else None, roles[i] if i < len(roles) else None])
    example_unit = unit_names[0] if unit_names else ""
    sheet.append(
        [
            "张三",
            "zhangsan",
            "zhangsan@example.gov.cn",
            "13800138000",
            example_unit,
            str(Role.UNIT_OFFICER.label),
        ]
    )
    for column, width in zip("ABCDEF", (12, 16, 28, 16, 28, 14), strict=True):
        sheet.column_dimensions[column].width = width
    if unit_names:
        units = DataValidation(
            type="list", formula1=f"='单位与角色'!$A$2:$A${len(unit_names) + 1}", allow_blank=True
        )
        sheet.add_data_validation(units)
        units.add(f"E2:E{MAX_ROWS + 1}")
    role_list = DataValidation(
        type="list", formula1=f"='单位与角色'!$B$2:$B${len(roles) + 1}", allow_blank=True
    )
    sheet.add_data_validation(role_list)
    role_list.add(f"F2:F{MAX_ROWS + 1}")
    out = io.BytesIO()
    save_workbook(wb, out)
    return out.getvalue()
