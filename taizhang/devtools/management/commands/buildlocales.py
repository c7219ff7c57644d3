"""Build the interface catalogues (zh_Hans, zh_Hant, en) from the code and taizhang/locale/src/*.json.

Message ids are English and are collected from the templates (through Django's own template
scanner) and the Python modules (through ``ast``), plus Django's ``makemessages`` when GNU gettext
is installed. Each helper keeps the simplified Chinese of his strings in a JSON file of
``taizhang/locale/src/`` (``{"Tasks": "任务"}``); the traditional Chinese catalogue is converted
from it with OpenCC and the English one is the identity. The ``.mo`` files are written by a small
writer here, so GNU gettext is not needed to build them.

Run ``manage.py buildlocales`` after changing a template or a JSON file, and commit the result;
``tests/web/test_i18n.py`` fails when a string has no translation or a catalogue is stale.
"""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import struct
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

__all__ = [
    "Message",
    "CatalogueError",
    "collect_messages",
    "load_sources",
    "Sources",
    "build_catalogues",
    "write_po",
    "write_mo",
    "read_mo",
    "read_po",
    "PACKAGE_DIR",
    "LOCALE_DIR",
]

PACKAGE_DIR = Path(settings.BASE_DIR) / "taizhang"
LOCALE_DIR = PACKAGE_DIR / "locale"
SOURCE_DIR = LOCALE_DIR / "src"
LANGUAGES = {
    "zh_Hans": "nplurals=1; plural=0;",
    "zh_Hant": "nplurals=1; plural=0;",
    "en": "nplurals=2; plural=(n != 1);",
}
# Folders whose files hold no interface strings (the extraction library imports no Django).
SKIP_PARTS = {"extract", "migrations", "locale", "static", "__pycache__"}
TRANSLATION_FUNCTIONS = {
    "gettext": (1, False, False),
    "gettext_lazy": (1, False, False),
    "gettext_noop": (1, False, False),
    "ngettext": (2, True, False),
    "ngettext_lazy": (2, True, False),
    "pgettext": (2, False, True),
    "pgettext_lazy": (2, False, True),
    "npgettext": (3, True, True),
    "npgettext_lazy": (3, True, True),
}

# The pure modules, which import no Django, mark their English message ids with
# ``taizhang.core.problems.N_`` (a gettext_noop of their own); they are collected too.
NOOP_MODULE = "problems"
NOOP_MARKER = "N_"

# A string literal in the output of Django's template scanner.
# matches: "u'Tasks'", "'It\\'s'", '"Hi"'; must not match: "Tasks"
STRING_RE = r"u?(?:'(?:\\.|[^'\\])*'|\"(?:\\.|[^\"\\])*\")"
# A translation call with literal arguments in scanned template text.
# matches: "gettext(u'Tasks')", "ngettext(u'%(counter)s task', u'%(counter)s tasks', count)",
#          '_("Hi")'; must not match: "forgettext(x)"
TEMPLATE_CALL_RE = re.compile(
    rf"(?<![\w.])(?P<fn>npgettext|pgettext|ngettext|gettext|_)\(\s*(?P<args>{STRING_RE}(?:\s*,\s*{STRING_RE})*)"
    rf"(?:\s*,\s*\w+)?\s*\)"
)
STRING_ITEM_RE = re.compile(STRING_RE)
# A Django template variable inside a JSON key or value, written as in the template.
# matches: "{{ counter }}"; must not match: "%(counter)s"
TEMPLATE_VAR_RE = re.compile(r"\{\{\s*(?P<name>\w+)\s*\}\}")
# A named placeholder of a message.
# matches: "%(name)s", "%(limit)d"; must not match: "%s", "100%"
PLACEHOLDER_RE = re.compile(r"%\((?P<name>\w+)\)[sdfr]")


class CatalogueError(ValueError):
    """A translation source is unusable; the message names the file and the entry."""


@dataclass(frozen=True, order=True)
class Message:
    """One message id of the interface (with its plural and context when it has them)."""

    msgid: str
    plural: str = ""
    context: str = ""

    @property
    def key(self) -> str:
        """The key of the message in a .mo file (without the plural)."""
        return f"{self.context}\x04{self.msgid}" if self.context else self.msgid


# --------------------------------------------------------------------------------------------
# Collecting the messages


def _source_files(root: Path, suffix: str) -> Iterator[Path]:
    for path in sorted(root.rglob(f"*{suffix}")):
        if not SKIP_PARTS.intersection(path.relative_to(root).parts):
            yield path


def _messages_from_template(text: str) -> Iterator[Message]:
    from django.utils.translation.template import templatize

    for match in TEMPLATE_CALL_RE.finditer(templatize(text)):
        args = [ast.literal_eval(s.lstrip("u")) for s in STRING_ITEM_RE.findall(match["args"])]
        fn = match["fn"]
        if fn in ("gettext", "_") and len(args) == 1:
            yield Message(args[0])
        elif fn == "ngettext" and len(args) == 2:
            yield Message(args[0], args[1])
        elif fn == "pgettext" and len(args) == 2:
            yield Message(args[1], context=args[0])
        elif fn == "npgettext" and len(args) == 3:
            yield Message(args[1], args[2], args[0])


def _messages_from_python(text: str, name: str) -> Iterator[Message]:
    try:
        tree = ast.parse(text, filename=name)
    except SyntaxError as exc:
        raise CatalogueError(f"{name}: not valid Python ({exc.msg}, line {exc.lineno})") from None
    aliases: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "django.utils.translation":
            for alias in node.names:
                if alias.name in TRANSLATION_FUNCTIONS:
                    aliases[alias.asname or alias.name] = alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.endswith(NOOP_MODULE):
            for alias in node.names:
                if alias.name == NOOP_MARKER:
                    aliases[alias.asname or alias.name] = "gettext_noop"
        elif isinstance(node, ast.FunctionDef) and node.name == NOOP_MARKER:
            aliases[NOOP_MARKER] = "gettext_noop"
    if not aliases:
        return
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in aliases):
            continue
        count, plural, context = TRANSLATION_FUNCTIONS[aliases[node.func.id]]
        args = node.args[:count]
        if len(args) < count or not all(
            isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args
        ):
            continue
        values = [a.value for a in args]  # type: ignore[attr-defined]
        ctx = values.pop(0) if context else ""
        yield Message(values[0], values[1] if plural else "", ctx)


def collect_messages(root: Path = PACKAGE_DIR) -> dict[Message, list[str]]:
    """Every message of the templates and Python modules under ``root``, with the files using it."""
    found: dict[Message, list[str]] = {}
    for path in _source_files(root, ".html"):
        for message in _messages_from_template(path.read_text(encoding="utf-8")):
            found.setdefault(message, []).append(str(path.relative_to(root)))
    for path in _source_files(root, ".py"):
        for message in _messages_from_python(path.read_text(encoding="utf-8"), str(path)):
            found.setdefault(message, []).append(str(path.relative_to(root)))
    for message in found:
        if not message.msgid:
            raise CatalogueError(f"{found[message][0]}: an empty string is marked for translation")
    return found


def _messages_from_makemessages(root: Path) -> set[Message]:
    """The messages Django's makemessages finds (GNU gettext needed), run in a scratch copy."""
    from django.core.management import call_command
    from django.test.utils import override_settings

    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "taizhang"
        shutil.copytree(root, copy, ignore=shutil.ignore_patterns(*SKIP_PARTS - {"locale"}, "locale"))
        (copy / "locale").mkdir()
        here = os.getcwd()
        try:
            os.chdir(copy)
            with override_settings(LOCALE_PATHS=[copy / "locale"]):
                call_command(
                    "makemessages", locale=["zh_Hans"], verbosity=0, no_location=True, no_obsolete=True
                )
        finally:
            os.chdir(here)
        po = copy / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
        return {m for m in read_po(po) if m.msgid} if po.exists() else set()


# --------------------------------------------------------------------------------------------
# The translation sources


def _normalise(text: str) -> str:
    return TEMPLATE_VAR_RE.sub(lambda m: f"%({m['name']})s", text)


PRIMARY_SOURCE = "shell.json"


@dataclass(frozen=True)
class Sources:
    """The merged translations and the msgids two files translate differently."""

    chinese: dict[str, str]
    conflicts: list[str]


def load_sources(source_dir: Path = SOURCE_DIR) -> Sources:
    """The simplified Chinese of every English msgid, merged from ``source_dir/*.json``.

    Template variables may be written either way (``{{ counter }}`` or ``%(counter)s``). A file
    that is not a JSON object of strings, or a translation that drops or invents a placeholder,
    raises :class:`CatalogueError` naming the file and msgid. When two files translate one msgid
    differently the shell's file (the navigation's words) wins, then the first file by name; the
    disagreement is reported in ``conflicts`` so that it can be settled.
    """
    merged: dict[str, str] = {}
    origin: dict[str, str] = {}
    conflicts: list[str] = []
    paths = sorted(source_dir.glob("*.json"), key=lambda p: (p.name != PRIMARY_SOURCE, p.name))
    for path in paths:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise CatalogueError(f"{path.name}: not valid UTF-8 JSON ({exc})") from None
        if not isinstance(data, dict):
            raise CatalogueError(f"{path.name}: must be a JSON object mapping English msgid to Chinese")
        for raw_key, raw_value in data.items():
            if not isinstance(raw_value, str) or not raw_value.strip():
                raise CatalogueError(f"{path.name}: “{raw_key}” must map to a non-empty string")
            key, value = _normalise(raw_key), _normalise(raw_value)
            wanted = set(PLACEHOLDER_RE.findall(key))
            if set(PLACEHOLDER_RE.findall(value)) != wanted:
                raise CatalogueError(
                    f"{path.name}: “{raw_key}”: the translation must use the placeholders "
                    f"{sorted(wanted) or 'none'}, as the msgid does"
                )
            if key in merged:
                if merged[key] != value:
                    conflicts.append(
                        f"“{raw_key}”: {origin[key]} says “{merged[key]}”, {path.name} says “{value}” (kept the first)"
                    )
                continue
            merged[key] = value
            origin[key] = path.name
    return Sources(merged, conflicts)


def build_catalogues(
    messages: Iterable[Message], chinese: dict[str, str], hant_config: str = "s2hk"
) -> dict[str, dict[Message, list[str]]]:
    """For each language, every message with its translated forms (an empty list: untranslated)."""
    import opencc

    converter = opencc.OpenCC(hant_config)
    out: dict[str, dict[Message, list[str]]] = {lang: {} for lang in LANGUAGES}
    for message in sorted(set(messages)):
        zh = chinese.get(message.msgid) or chinese.get(message.key)
        out["zh_Hans"][message] = [zh] if zh else []
        out["zh_Hant"][message] = [converter.convert(zh)] if zh else []
        out["en"][message] = [message.msgid, message.plural] if message.plural else [message.msgid]
    return out


# --------------------------------------------------------------------------------------------
# .po and .mo files


def _po_quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\n", "\\n")
    return f'"{escaped}"'


def _header(lang: str) -> str:
    return (
        "Project-Id-Version: taizhang\n"
        f"Language: {lang}\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=UTF-8\n"
        "Content-Transfer-Encoding: 8bit\n"
        f"Plural-Forms: {LANGUAGES[lang]}\n"
    )


def write_po(path: Path, lang: str, catalogue: dict[Message, list[str]]) -> None:
    """Write a .po file (no dates, sorted), so rebuilding unchanged sources changes nothing."""
    lines = [
        "# taizhang interface catalogue; generated by `manage.py buildlocales` from taizhang/locale/src/*.json.",
        "# Do not edit: change the JSON sources and rebuild.",
        'msgid ""',
        f"msgstr {_po_quote(_header(lang))}",
        "",
    ]
    nplurals = 1 if lang.startswith("zh") else 2
    for message, forms in sorted(catalogue.items()):
        if message.context:
            lines.append(f"msgctxt {_po_quote(message.context)}")
        lines.append(f"msgid {_po_quote(message.msgid)}")
        if message.plural:
            lines.append(f"msgid_plural {_po_quote(message.plural)}")
            padded = (forms * nplurals)[:nplurals] if forms else [""] * nplurals
            lines.extend(f"msgstr[{i}] {_po_quote(f)}" for i, f in enumerate(padded))
        else:
            lines.append(f"msgstr {_po_quote(forms[0] if forms else '')}")
        lines.append("")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")


def _po_unquote(text: str) -> str:
    value = ast.literal_eval(text)
    if not isinstance(value, str):
        raise CatalogueError(f"not a string: {text}")
    return value


def read_po(path: Path) -> list[Message]:
    """The messages of a .po file (only what collecting needs: ids, plurals, contexts)."""
    messages: list[Message] = []
    fields: dict[str, str] = {}
    current = ""

    def flush() -> None:
        if "msgid" in fields:
            messages.append(
                Message(fields["msgid"], fields.get("msgid_plural", ""), fields.get("msgctxt", ""))
            )
        fields.clear()

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        keyword, _, rest = line.partition(" ")
        if line.startswith('"'):
            if current:
                fields[current] = fields.get(current, "") + _po_unquote(line)
            continue
        if keyword in ("msgctxt",) or (keyword == "msgid" and "msgid" in fields):
            flush()
        current = keyword if keyword in ("msgctxt", "msgid", "msgid_plural") else ""
        if current:
            fields[current] = _po_unquote(rest)
    flush()
    return messages


def write_mo(path: Path, lang: str, catalogue: dict[Message, list[str]]) -> None:
    """Write a GNU .mo file of the translated messages (the format of the gettext manual)."""
    entries: dict[bytes, bytes] = {b"": _header(lang).encode("utf-8")}
    for message, forms in catalogue.items():
        if not forms or not all(forms):
            continue
        key = message.key + (f"\x00{message.plural}" if message.plural else "")
        entries[key.encode("utf-8")] = "\x00".join(forms).encode("utf-8")
    keys = sorted(entries)
    ids = b"".join(k + b"\x00" for k in keys)
    strs = b"".join(entries[k] + b"\x00" for k in keys)
    count = len(keys)
    table_start = 7 * 4
    ids_start = table_start + count * 16
    key_offsets: list[int] = []
    value_offsets: list[int] = []
    pos = 0
    for k in keys:
        key_offsets += [len(k), ids_start + pos]
        pos += len(k) + 1
    strs_start = ids_start + len(ids)
    pos = 0
    for k in keys:
        value_offsets += [len(entries[k]), strs_start + pos]
        pos += len(entries[k]) + 1
    header = struct.pack("Iiiiiii", 0x950412DE, 0, count, table_start, table_start + count * 8, 0, 0)
    body = struct.pack(f"{len(key_offsets)}i", *key_offsets) + struct.pack(
        f"{len(value_offsets)}i", *value_offsets
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(header + body + ids + strs)


def read_mo(path: Path) -> dict[str, str]:
    """The translations of a .mo file as Python's gettext reads them (plural keys as ``(id, n)``)."""
    import gettext

    with path.open("rb") as handle:
        translations = gettext.GNUTranslations(handle)
    return dict(translations._catalog)  # type: ignore[attr-defined]


class Command(BaseCommand):
    help = "Build the zh_Hans, zh_Hant and en catalogues (.po and .mo) from the code and locale/src/*.json."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--no-gettext",
            action="store_true",
            help="do not run makemessages even when GNU gettext is installed",
        )
        parser.add_argument(
            "--zh-hant-config", default="s2hk", help="OpenCC configuration for zh_Hant (default s2hk)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            found = collect_messages()
            messages = set(found)
            if shutil.which("xgettext") and not options["no_gettext"]:
                messages |= _messages_from_makemessages(PACKAGE_DIR)
            sources = load_sources()
            catalogues = build_catalogues(messages, sources.chinese, options["zh_hant_config"])
        except CatalogueError as exc:
            raise CommandError(str(exc)) from None
        for lang, catalogue in catalogues.items():
            folder = LOCALE_DIR / lang / "LC_MESSAGES"
            write_po(folder / "django.po", lang, catalogue)
            write_mo(folder / "django.mo", lang, catalogue)
        missing = sorted(m.msgid for m, forms in catalogues["zh_Hans"].items() if not forms)
        self.stdout.write(
            f"{len(messages)} messages; {len(messages) - len(missing)} translated into Chinese; "
            f"catalogues written to {LOCALE_DIR}"
        )
        for conflict in sources.conflicts:
            self.stdout.write(f"  conflicting translations: {conflict}")
        where = {m.msgid: files for m, files in found.items()}
        for msgid in missing:
            self.stdout.write(
                f"  untranslated: {msgid!r} ({', '.join(where.get(msgid, ['makemessages'])[:2])})"
            )
