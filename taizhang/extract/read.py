"""Readers: from a file's bytes to a ``Source`` (its paragraphs and tables in reading order).

The format is told by the content (magic bytes and structure), never by the file's name: a Word
document named ``.txt`` is read as Word, a plain-text file named ``.docx`` as text. Plain text is
decoded by detection (UTF-8, UTF-16/32 with a byte-order mark, GB18030/GBK/GB2312, Big5), never
by assumption.

Every failure, from an empty file to a hostile one, is an ``ExtractionError`` naming the file and
one reason; no exception of the underlying libraries escapes. Limits (file size, unpacked size of
an Office archive, PDF pages, reading time) keep a hostile file from exhausting the machine.
"""

from __future__ import annotations

import html
import io
import os
import re
import time
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

from .model import Block, ExtractionError, Paragraph, Source, Table

__all__ = [
    "read_bytes",
    "read_path",
    "detect_format",
    "decode_text",
    "DEFAULT_MAX_BYTES",
    "MAX_BYTES_ENV",
    "MAX_UNPACKED_BYTES",
    "MAX_PACK_RATIO",
    "MAX_PDF_PAGES",
]

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
"""The largest file accepted unless the caller or ``TAIZHANG_MAX_BYTES`` says otherwise."""

MAX_BYTES_ENV = "TAIZHANG_MAX_BYTES"

MAX_UNPACKED_BYTES = 200 * 1024 * 1024
"""The largest declared unpacked size of a .docx/.xlsx archive (a zip bomb declares more)."""

MAX_PACK_RATIO = 100
"""The largest unpacked/packed ratio of a sizeable archive; real Office files stay near 10."""

_RATIO_FLOOR = 8 * 1024 * 1024  # below this unpacked size a high ratio is harmless
_MAX_ZIP_MEMBERS = 20_000
MAX_PDF_PAGES = 2000
_PDF_SECONDS = 300.0  # a PDF that takes longer than this to read is given up
_MAX_TABLE_CELLS = 2_000_000  # an HTML/xlsx table larger than this is refused
_MAX_COLSPAN = 1000
_MAX_ROWSPAN = 65534  # what browsers honour

# ---------------------------------------------------------------------------------------------
# Public API


def read_path(path: str | os.PathLike[str], *, max_bytes: int | None = None) -> Source:
    """Read the document at ``path``; the Source is named by the file's name (no folders).

    Raises ExtractionError when the file is missing, unreadable, too large or not a document.
    """
    name = os.path.basename(os.fspath(path)) or os.fspath(path)
    limit = _max_bytes(name, max_bytes)
    try:
        size = os.path.getsize(path)
        if size > limit:
            raise ExtractionError(name, _too_large(size, limit))
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except ExtractionError:
        raise
    except FileNotFoundError:
        raise ExtractionError(name, "file not found") from None
    except IsADirectoryError:
        raise ExtractionError(name, "is a folder, not a file") from None
    except OSError as exc:
        raise ExtractionError(name, f"cannot read the file ({exc.strerror or exc})") from None
    return read_bytes(data, name, max_bytes=limit)


def read_bytes(data: bytes, name: str, *, max_bytes: int | None = None) -> Source:
    """Read a document from its bytes; ``name`` names it in the Source and in every error.

    ``max_bytes`` is the largest size accepted (default: the ``TAIZHANG_MAX_BYTES`` environment
    variable, else ``DEFAULT_MAX_BYTES``). The format is detected from the content: docx, xlsx,
    pdf, html or txt. Raises ExtractionError with one clear reason when the bytes cannot be read.
    """
    limit = _max_bytes(name, max_bytes)
    if not data:
        raise ExtractionError(name, "empty file")
    if len(data) > limit:
        raise ExtractionError(name, _too_large(len(data), limit))
    kind = detect_format(data, name)
    reader = _READERS[kind]
    try:
        source = reader(data, name)
    except ExtractionError as exc:
        if exc.name:
            raise
        raise ExtractionError(name, exc.reason) from None
    except RecursionError:
        raise ExtractionError(name, f"the {kind} file is nested too deeply to read") from None
    except MemoryError:
        raise ExtractionError(name, f"the {kind} file is too large to read in memory") from None
    # (A name of its own: compiled with mypyc, ``exc`` keeps the type of its first clause,
    # ExtractionError, and any other exception bound to it fails that type's check.)
    except Exception as err:  # noqa: BLE001 - every library failure becomes one clear reason
        raise ExtractionError(name, f"corrupt or unreadable {_LABELS[kind]} ({_describe(err)})") from None
    if not any(_has_text(block) for block in source.blocks):
        raise ExtractionError(name, "no text found")
    return source


def detect_format(data: bytes, name: str = "<bytes>") -> str:
    """The format of ``data`` by its content: ``docx``, ``xlsx``, ``pdf``, ``html`` or ``txt``.

    Raises ExtractionError for content no reader accepts (legacy or encrypted Office files,
    archives that are not Office documents, images, corrupt archives).
    """
    head = data[:8]
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise ExtractionError(name, "encrypted or legacy Office file; save it as .docx/.xlsx")
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return _zip_kind(data, name)
    if b"%PDF-" in data[:1024]:
        return "pdf"
    for magic, what in _OTHER_BINARIES:
        if data.startswith(magic):
            raise ExtractionError(name, what)
    text_head = _text_head(data)
    if _looks_like_rtf(text_head):
        raise ExtractionError(name, "RTF is not supported; save it as .docx")
    if _looks_like_html(text_head):
        return "html"
    return "txt"


def decode_text(data: bytes, name: str = "<bytes>", declared: str | None = None) -> tuple[str, str]:
    """Decode text bytes by detection; return ``(text, encoding)`` with line ends as ``\\n``.

    Order: a byte-order mark; then the ``declared`` charset (an HTML ``<meta charset>``) if the
    bytes decode with it; then strict UTF-8; then GB18030 and Big5, chosen by how plausible the
    decoded text is as Chinese (charset-normalizer breaks near ties). Raises ExtractionError when
    the bytes are no text in any supported encoding.
    """
    text, encoding = _decode(data, name, declared)
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _looks_binary(text):
        raise ExtractionError(name, _not_text(name))
    return text, encoding


# ---------------------------------------------------------------------------------------------
# Limits and messages


def _max_bytes(name: str, max_bytes: int | None) -> int:
    if max_bytes is not None:
        return max_bytes
    raw = os.environ.get(MAX_BYTES_ENV, "").strip()
    if not raw:
        return DEFAULT_MAX_BYTES
    if not raw.isdigit() or int(raw) <= 0:
        raise ExtractionError(name, f"{MAX_BYTES_ENV} must be a positive number of bytes, not {raw!r}")
    return int(raw)


def _too_large(size: int, limit: int) -> str:
    return f"file too large ({_human(size)}; the limit is {_human(limit)})"


def _human(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size} bytes"


def _describe(exc: BaseException) -> str:
    text = str(exc).strip().replace("\n", " ")
    if len(text) > 160:
        text = text[:157] + "..."
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


_LABELS = {
    "docx": "Word document (.docx)",
    "xlsx": "Excel workbook (.xlsx)",
    "pdf": "PDF",
    "html": "web page (HTML)",
    "txt": "text file",
}

# Files people upload by mistake, told apart by their first bytes.
_OTHER_BINARIES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "an image (PNG), not a document with text"),
    (b"\xff\xd8\xff", "an image (JPEG), not a document with text"),
    (b"GIF87a", "an image (GIF), not a document with text"),
    (b"GIF89a", "an image (GIF), not a document with text"),
    (b"II*\x00", "an image (TIFF), not a document with text"),
    (b"MM\x00*", "an image (TIFF), not a document with text"),
    (b"Rar!\x1a\x07", "a RAR archive, not a document"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive, not a document"),
    (b"\x1f\x8b", "a gzip archive, not a document"),
)


def _has_text(block: Block) -> bool:
    if isinstance(block, Paragraph):
        return bool(block.text.strip())
    return any(cell.strip() for row in block.rows for cell in row)


# ---------------------------------------------------------------------------------------------
# Zip archives: .docx and .xlsx


# The main part of a Word document; web editors save it as document2.xml.
# Must match: 'word/document.xml', 'word/document2.xml'. Must not match: 'word/settings.xml'
_DOCX_MAIN = re.compile(r"^word/document\d*\.xml$")
# The main part of an Excel workbook.
# Must match: 'xl/workbook.xml', 'xl/workbook2.xml'. Must not match: 'xl/worksheets/sheet1.xml'
_XLSX_MAIN = re.compile(r"^xl/workbook\d*\.xml$")


def _zip_kind(data: bytes, name: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except Exception as exc:  # noqa: BLE001 - zipfile raises many kinds on damaged input
        raise ExtractionError(
            name, f"truncated or corrupt .docx/.xlsx (the zip archive cannot be opened: {_describe(exc)})"
        ) from None
    if len(infos) > _MAX_ZIP_MEMBERS:
        raise ExtractionError(name, f"refused: the archive holds {len(infos)} files (a zip bomb?)")
    unpacked = sum(info.file_size for info in infos)
    packed = sum(info.compress_size for info in infos)
    if unpacked > MAX_UNPACKED_BYTES:
        raise ExtractionError(
            name,
            f"refused: the archive unpacks to {_human(unpacked)}, over {_human(MAX_UNPACKED_BYTES)} (a zip bomb?)",
        )
    if unpacked > _RATIO_FLOOR and unpacked > MAX_PACK_RATIO * max(packed, 1):
        raise ExtractionError(
            name, f"refused: the archive unpacks {unpacked // max(packed, 1)} times its size (a zip bomb?)"
        )
    names = {info.filename for info in infos}
    if any(_DOCX_MAIN.match(n) for n in names):
        return "docx"
    if any(_XLSX_MAIN.match(n) for n in names):
        return "xlsx"
    if any(n.startswith("word/") for n in names) or any(n.startswith("xl/") for n in names):
        raise ExtractionError(name, "truncated or corrupt .docx/.xlsx (its main part is missing)")
    raise ExtractionError(name, "a zip archive that is neither a Word (.docx) nor an Excel (.xlsx) file")


# ---------------------------------------------------------------------------------------------
# Text


_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

# A declared charset names its widest compatible codec: GB2312 and GBK pages routinely hold
# characters only GB18030 (their superset) defines; likewise Big5 and its Microsoft superset.
_CHARSET_ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "gb_2312-80": "gb18030",
    "cp936": "gb18030",
    "big5": "cp950",
    "x-x-big5": "cp950",
    "utf8": "utf-8",
}


def _bom(data: bytes) -> str | None:
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            return encoding
    return None


def _text_head(data: bytes) -> str:
    """The first few kilobytes as text, good enough to sniff markup (ASCII in every codec)."""
    head = data[:4096]
    encoding = _bom(head)
    if encoding and encoding != "utf-8-sig":
        return head.decode(encoding, errors="ignore")
    return head.decode("latin-1")


def _decode(data: bytes, name: str, declared: str | None) -> tuple[str, str]:
    encoding = _bom(data)
    if encoding:
        try:
            return data.decode(encoding), encoding.replace("-sig", "")
        except UnicodeDecodeError:
            raise ExtractionError(
                name, f"starts with a {encoding} byte-order mark but is not valid {encoding} text"
            ) from None
    if declared:
        codec = _CHARSET_ALIASES.get(declared.lower(), declared.lower())
        try:
            return data.decode(codec), codec
        except (UnicodeDecodeError, LookupError):
            pass  # a wrong declaration is common; detect instead
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates: list[tuple[float, str, str]] = []
    for family in (("gb18030",), ("big5", "cp950", "big5hkscs")):
        for codec in family:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            candidates.append((_plausibility(text), codec, text))
            break
    if not candidates:
        raise ExtractionError(name, _not_text(name))
    candidates.sort(reverse=True)
    best = candidates[0]
    if len(candidates) > 1 and best[0] - candidates[1][0] < 0.05:
        hint = _normalizer_guess(data)
        for candidate in candidates:
            if hint and _same_family(hint, candidate[1]):
                best = candidate
                break
    if best[0] < 0.5:
        raise ExtractionError(name, _not_text(name))
    return best[2], best[1]


def _not_text(name: str) -> str:
    suffix = os.path.splitext(name)[1].lower()
    if suffix in (".docx", ".xlsx", ".pdf", ".doc", ".xls", ".wps", ".et"):
        return f"named {suffix} but is neither that format nor text in any supported Chinese encoding"
    return "not text in any supported Chinese encoding (UTF-8, UTF-16, GB18030/GBK, Big5)"


def _same_family(hint: str, codec: str) -> bool:
    hint = hint.lower().replace("_", "")
    if codec == "gb18030":
        return hint in ("gb18030", "gbk", "gb2312", "cp936")
    return hint.startswith("big5") or hint == "cp950"


def _normalizer_guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:65536], cp_isolation=["gb18030", "big5", "cp950"]).best()
    return None if best is None else str(best.encoding)


@lru_cache(maxsize=1)
def _common_chars() -> frozenset[str]:
    """The everyday hanzi: GB2312 level 1 (simplified) and Big5 level 1 (traditional).

    Derived from the two codecs' code tables, so no list needs keeping. A text mis-decoded with
    the wrong codec is rich in kana, Greek, rare hanzi and gaps, and scores low.
    """
    chars: set[str] = set()
    for lead in range(0xB0, 0xD8):
        for trail in range(0xA1, 0xFF):
            try:
                chars.add(bytes((lead, trail)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    for lead in range(0xA4, 0xC7):
        for trail in list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)):
            try:
                chars.add(bytes((lead, trail)).decode("big5"))
            except UnicodeDecodeError:
                continue
    return frozenset(chars)


def _plausibility(text: str) -> float:
    """The share of a text's non-ASCII characters that are everyday Chinese script."""
    common = _common_chars()
    total = hits = 0
    for char in text[:200_000]:
        if char < "\x80":
            continue
        total += 1
        if char in common or "\u3000" <= char <= "\u303f" or "\uff00" <= char <= "\uffef":
            hits += 1
        elif "\u2000" <= char <= "\u206f" or char.isspace():
            hits += 1
    return hits / total if total else 1.0


_ALLOWED_CONTROLS = frozenset("\t\n\f\v\x1a")


def _looks_binary(text: str) -> bool:
    """True for decoded bytes that are not prose: NULs, or many control characters."""
    if "\x00" in text:
        return True
    sample = text[:100_000]
    controls = sum(
        1 for ch in sample if ch not in _ALLOWED_CONTROLS and unicodedata.category(ch) in ("Cc", "Cs", "Co")
    )
    return controls > max(2, len(sample) // 100)


def _read_txt(data: bytes, name: str) -> Source:
    text, encoding = decode_text(data, name)
    return Source(name, "txt", (Paragraph(unescape_flat_text(text)),), encoding)


# A line break written as an escape sequence (text taken out of a JSON or CSV cell as it was
# stored). matches: the "\\r\\n" of "会议\\r\\n一、回顾", "\\n" ; must not match: "C:\\new" (a
# path: a letter follows), a real line break
_ESCAPED_BREAK = re.compile(r"\\r\\n|\\n(?![A-Za-z])|\\r(?![A-Za-z])")
# An HTML entity left in text copied from a page's source.
# matches: "&nbsp;", "&amp;", "&#12288;" ; must not match: "R&D", "&nbsp" (no semicolon)
_ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#\d{2,6}|#x[0-9A-Fa-f]{2,5});")


def unescape_flat_text(text: str) -> str:
    """A plain text as its author wrote it: line breaks stored as the escapes ``\\r\\n`` / ``\\n``
    (with fewer real line breaks than escaped ones, and at least three) become real line breaks,
    and HTML entities (``&nbsp;``) the characters they stand for (a no-break space a space).
    Any other text is returned as it is."""
    if "\\" in text:
        escaped = len(_ESCAPED_BREAK.findall(text))
        if escaped >= 3 and escaped > text.count("\n"):
            text = _ESCAPED_BREAK.sub("\n", text).replace("\\t", "\t")
    if "&" in text and _ENTITY.search(text):
        text = _ENTITY.sub(lambda m: html.unescape(m.group()).replace("\xa0", " "), text)
    return text


# ---------------------------------------------------------------------------------------------
# HTML

# Markup at the start of a web page (after blanks and comments).
# Must match: '<!DOCTYPE html>', '<html lang="zh">', '<meta charset="gbk">', '<table border=1>'
# Must not match: '<关于印发方案的通知>', '1<2 and 3>2'
_HTML_START = re.compile(
    r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|table|p|div|h[1-6]|span|br|ul|ol)\b",
    re.IGNORECASE | re.DOTALL,
)
# A root element anywhere near the start (a page with a preamble of text).
# Must match: 'saved page\n<html>', '<?xml version="1.0"?><!DOCTYPE html PUBLIC'
# Must not match: 'the word html', '<htmlx>'
_HTML_ROOT = re.compile(r"<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE)

# A charset declared in a <meta> tag (either form).
# Must match: '<meta charset="gb2312">', '<meta http-equiv="Content-Type" content="text/html; charset=GBK">'
# Must not match: '<meta name="description" content="charset">'
_META_CHARSET = re.compile(r"<meta[^>]*?charset\s*=\s*[\"']?\s*(?P<charset>[A-Za-z0-9_.:-]+)", re.IGNORECASE)

# An RTF document's opening group.
# Must match: '{\\rtf1\\ansi'. Must not match: '{rtf}'
_RTF_START = re.compile(r"^\s*\{\\rtf", re.IGNORECASE)


def _looks_like_html(head: str) -> bool:
    head = head.lstrip("\ufeff")
    return bool(_HTML_START.match(head) or _HTML_ROOT.search(head[:1024]))


def _looks_like_rtf(head: str) -> bool:
    return bool(_RTF_START.match(head.lstrip("\ufeff")))


_DROPPED_TAGS = ("script", "style", "nav", "noscript", "template", "head", "iframe", "svg", "object")
_BLOCK_TAGS = frozenset(
    "address article aside blockquote body center dd details dialog div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hr html li main menu ol p pre section summary ul "
    "caption".split()
)
_SPACE_RUN = re.compile(r"[ \t\r\n\f]+")


def _read_html(data: bytes, name: str) -> Source:
    from bs4 import BeautifulSoup

    declared = _META_CHARSET.search(_text_head(data))
    text, encoding = decode_text(data, name, declared.group("charset") if declared else None)
    soup = BeautifulSoup(text, "html.parser")
    for tag in soup.find_all(_DROPPED_TAGS):
        tag.decompose()
    blocks = _HtmlWalker().blocks(soup)
    return Source(name, "html", tuple(blocks), encoding)


class _HtmlWalker:
    """Turns a parsed page into blocks: block elements close paragraphs, tables become Tables."""

    def __init__(self) -> None:
        self.out: list[Block] = []
        self.buffer: list[str] = []

    def blocks(self, root: Any) -> list[Block]:
        self._walk(root, pre=False)
        self._flush()
        return self.out

    def _flush(self) -> None:
        text = "".join(self.buffer)
        self.buffer = []
        lines = [line.strip().strip("\ufeff\u200b").strip() for line in text.split("\n")]
        paragraph = "\n".join(line for line in lines if line)
        if paragraph:
            self.out.append(Paragraph(paragraph))

    def _walk(self, root: Any, pre: bool) -> None:
        # An explicit stack, not recursion: pages nest elements thousands deep.
        from bs4.element import Comment, NavigableString, Tag

        stack: list[tuple[Iterator[Any], bool, bool]] = [(iter(root.children), pre, False)]
        while stack:
            children, in_pre, is_block = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                if is_block:
                    self._flush()
                continue
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                if type(child) is NavigableString:  # not CDATA, doctype, processing instructions
                    self.buffer.append(str(child) if in_pre else _SPACE_RUN.sub(" ", str(child)))
                continue
            if not isinstance(child, Tag):
                continue
            tag = child.name.lower()
            if tag == "br":
                self.buffer.append("\n")
            elif tag == "table":
                self._flush()
                table = _html_table(child)
                if table is not None:
                    self.out.append(table)
            elif tag in _BLOCK_TAGS:
                self._flush()
                stack.append((iter(child.children), in_pre or tag == "pre", True))
            else:
                stack.append((iter(child.children), in_pre, False))


def _html_cell_text(cell: Any) -> str:
    parts: list[str] = []
    for block in _HtmlWalker().blocks(cell):
        if isinstance(block, Paragraph):
            parts.append(block.text)
        else:
            parts.extend(" ".join(c for c in row if c) for row in block.rows)
    return "\n".join(p for p in parts if p)


def _span(value: Any, limit: int) -> int:
    match = re.match(r"\s*(\d+)", str(value or ""))
    if not match:
        return 1
    return max(1, min(int(match.group(1)[:7]), limit))


def _html_rows(table: Any) -> Iterator[Any]:
    """The table's own rows (those of nested tables belong to their cells)."""
    for child in table.find_all(["thead", "tbody", "tfoot", "tr"], recursive=False):
        if child.name == "tr":
            yield child
        else:
            yield from child.find_all("tr", recursive=False)


def _html_table(table: Any) -> Table | None:
    rows = list(_html_rows(table))
    grid: dict[tuple[int, int], tuple[str, bool]] = {}
    width = 0
    for r, tr in enumerate(rows):
        c = 0
        for td in tr.find_all(["td", "th"], recursive=False):
            while (r, c) in grid:
                c += 1
            colspan = _span(td.get("colspan"), _MAX_COLSPAN)
            rowspan = min(_span(td.get("rowspan"), _MAX_ROWSPAN), len(rows) - r)
            if len(grid) + colspan * rowspan > _MAX_TABLE_CELLS:
                raise ExtractionError("", "a table is too large to read")
            text = _html_cell_text(td)
            for dr in range(rowspan):
                for dc in range(colspan):
                    grid.setdefault((r + dr, c + dc), (text, bool(dr or dc)))
            c += colspan
            width = max(width, c)
    return _grid_table(grid, len(rows), width, "")


def _grid_table(
    grid: dict[tuple[int, int], tuple[str, bool]], height: int, width: int, name: str
) -> Table | None:
    """A Table from a sparse grid, leaving out rows with no text; None when nothing is left."""
    rows: list[tuple[str, ...]] = []
    merged: list[tuple[bool, ...]] = []
    for r in range(height):
        cells = [grid.get((r, c), ("", False)) for c in range(width)]
        if not any(text.strip() for text, _ in cells):
            continue
        rows.append(tuple(text for text, _ in cells))
        merged.append(tuple(flag for _, flag in cells))
    if not rows:
        return None
    # Trailing columns with no text anywhere are layout, not content.
    keep = width
    while keep > 1 and not any(row[keep - 1].strip() for row in rows):
        keep -= 1
    return Table(tuple(row[:keep] for row in rows), tuple(flags[:keep] for flags in merged), name)


# ---------------------------------------------------------------------------------------------
# Word (.docx)


def _read_docx(data: bytes, name: str) -> Source:
    import docx
    from docx.oxml.ns import qn

    document = docx.Document(io.BytesIO(data))
    body = document.element.body
    tags = _DocxTags(qn)
    blocks: list[Block] = []
    for element in _docx_body_items(body, tags):
        if element.tag == tags.p:
            text = _docx_paragraph_text(element, tags)
            if text.strip():
                blocks.append(Paragraph(text))
        else:
            table = _docx_table(element, tags)
            if table is not None:
                blocks.append(table)
    return Source(name, "docx", tuple(blocks))


class _DocxTags:
    """Qualified names of the WordprocessingML elements the reader looks at."""

    def __init__(self, qn: Callable[[str], str]) -> None:
        self.p = qn("w:p")
        self.tbl = qn("w:tbl")
        self.tr = qn("w:tr")
        self.tc = qn("w:tc")
        self.t = qn("w:t")
        self.tab = qn("w:tab")
        self.br = qn("w:br")
        self.cr = qn("w:cr")
        self.sdt = qn("w:sdt")
        self.sdt_content = qn("w:sdtContent")
        self.custom_xml = qn("w:customXml")
        self.tc_pr = qn("w:tcPr")
        self.tr_pr = qn("w:trPr")
        self.grid_span = qn("w:gridSpan")
        self.grid_before = qn("w:gridBefore")
        self.v_merge = qn("w:vMerge")
        self.val = qn("w:val")
        self.no_break_hyphen = qn("w:noBreakHyphen")
        self.del_ = qn("w:del")
        self.move_from = qn("w:moveFrom")


def _docx_body_items(parent: Any, tags: _DocxTags) -> Iterator[Any]:
    """Paragraphs and tables in document order, looking inside content controls."""
    for child in parent.iterchildren():
        if child.tag in (tags.p, tags.tbl):
            yield child
        elif child.tag in (tags.sdt, tags.custom_xml, tags.sdt_content):
            inner = child.find(tags.sdt_content) if child.tag == tags.sdt else child
            if inner is not None:
                yield from _docx_body_items(inner, tags)


def _docx_paragraph_text(p: Any, tags: _DocxTags) -> str:
    """The paragraph's text: runs joined, soft line breaks kept as newlines, deletions left out."""
    parts: list[str] = []
    for element in p.iter(tags.t, tags.tab, tags.br, tags.cr, tags.no_break_hyphen):
        if any(a.tag in (tags.del_, tags.move_from) for a in element.iterancestors()):
            continue
        if element.tag == tags.t:
            parts.append(element.text or "")
        elif element.tag == tags.tab:
            parts.append("\t")
        elif element.tag == tags.no_break_hyphen:
            parts.append("-")
        else:
            parts.append("\n")
    return "".join(parts)


def _docx_cell_text(tc: Any, tags: _DocxTags) -> str:
    parts: list[str] = []
    for element in _docx_body_items(tc, tags):
        if element.tag == tags.p:
            parts.append(_docx_paragraph_text(element, tags).strip())
        else:
            nested = _docx_table(element, tags)
            if nested is not None:
                parts.extend(" ".join(c for c in row if c) for row in nested.rows)
    return "\n".join(p for p in parts if p)


def _int_attr(element: Any, tags: _DocxTags, limit: int) -> int:
    raw = element.get(tags.val) if element is not None else None
    if raw is None or not str(raw).strip().isdigit():
        return 1
    return max(1, min(int(str(raw).strip()[:6]), limit))


def _docx_table(tbl: Any, tags: _DocxTags) -> Table | None:
    """A Word table on its grid: gridSpan and vMerge resolved to repeated, flagged cells."""
    grid: dict[tuple[int, int], tuple[str, bool]] = {}
    height = width = 0
    for r, tr in enumerate(_docx_children(tbl, tags.tr, tags)):
        height = r + 1
        c = 0
        tr_pr = tr.find(tags.tr_pr)
        if tr_pr is not None and tr_pr.find(tags.grid_before) is not None:
            c = _int_attr(tr_pr.find(tags.grid_before), tags, _MAX_COLSPAN)
        for tc in _docx_children(tr, tags.tc, tags):
            tc_pr = tc.find(tags.tc_pr)
            span = _int_attr(tc_pr.find(tags.grid_span) if tc_pr is not None else None, tags, _MAX_COLSPAN)
            v_merge = tc_pr.find(tags.v_merge) if tc_pr is not None else None
            continues = v_merge is not None and v_merge.get(tags.val, "continue") != "restart"
            if len(grid) + span > _MAX_TABLE_CELLS:
                raise ExtractionError("", "a table is too large to read")
            if continues and (r - 1, c) in grid:
                above = grid[(r - 1, c)][0]
                for dc in range(span):
                    grid[(r, c + dc)] = (above, True)
            else:
                text = _docx_cell_text(tc, tags)
                for dc in range(span):
                    grid[(r, c + dc)] = (text, dc > 0)
            c += span
        width = max(width, c)
    return _grid_table(grid, height, width, "")


def _docx_children(parent: Any, tag: str, tags: _DocxTags) -> Iterator[Any]:
    """Children with ``tag``, looking through content controls and custom XML wrappers."""
    for child in parent.iterchildren():
        if child.tag == tag:
            yield child
        elif child.tag in (tags.sdt, tags.custom_xml):
            inner = child.find(tags.sdt_content) if child.tag == tags.sdt else child
            if inner is not None:
                yield from _docx_children(inner, tag, tags)


# ---------------------------------------------------------------------------------------------
# Excel (.xlsx)


def _read_xlsx(data: bytes, name: str) -> Source:
    import openpyxl

    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=False, data_only=True)
    blocks: list[Block] = []
    try:
        for sheet in workbook.worksheets:
            table = _xlsx_table(sheet)
            if table is not None:
                blocks.append(table)
    finally:
        workbook.close()
    return Source(name, "xlsx", tuple(blocks))


def _xlsx_table(sheet: Any) -> Table | None:
    height, width = sheet.max_row, sheet.max_column
    if height * width > _MAX_TABLE_CELLS:
        raise ExtractionError(
            "", f"sheet {sheet.title!r} is too large to read ({height} rows x {width} columns)"
        )
    grid: dict[tuple[int, int], tuple[str, bool]] = {}
    for row in sheet.iter_rows(min_row=1, max_row=height, max_col=width):
        for cell in row:
            if cell.value is None:
                continue
            text = _cell_text(cell.value, getattr(cell, "number_format", "General") or "General")
            if text:
                grid[(cell.row - 1, cell.column - 1)] = (text, False)
    for merge in sheet.merged_cells.ranges:
        top, left = merge.min_row - 1, merge.min_col - 1
        text = grid.get((top, left), ("", False))[0]
        for r in range(top, min(merge.max_row, height)):
            for c in range(left, min(merge.max_col, width)):
                if (r, c) != (top, left):
                    grid[(r, c)] = (text, True)
    if not grid:
        return None
    return _grid_table(grid, height, width, str(sheet.title))


# Excel's number format for a month (年月 without 日, or y-m without d).
# Must match: 'yyyy"年"m"月"', 'yyyy-mm', 'yyyy/m'. Must not match: 'yyyy-mm-dd', 'yyyy"年"m"月"d"日"'
_MONTH_FORMAT = re.compile(r"^(?!.*[dD日]).*y+.*m+", re.IGNORECASE)


def _cell_text(value: Any, number_format: str) -> str:
    """The text a person sees in a cell: 12 not 12.0, 35% for a percentage, dates as dates."""
    import datetime as dt

    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return ""
        if "%" in number_format:
            return _number(value * 100) + "%"
        return _number(value)
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        value = value.date()
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        if _MONTH_FORMAT.match(number_format):
            if "年" in number_format:
                return f"{value.year}年{value.month}月"
            return f"{value.year}-{value.month:02d}"
        if "年" in number_format:
            return f"{value.year}年{value.month}月{value.day}日"
        return value.isoformat()
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    text = str(value)
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("_x000D_", "").strip()


def _number(value: float) -> str:
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return format(value, ".15g")


# ---------------------------------------------------------------------------------------------
# PDF


def _read_pdf(data: bytes, name: str) -> Source:
    import pdfplumber

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many kinds on damaged input
        raise _pdf_failure(name, exc, "corrupt or truncated PDF") from None
    with pdf:
        try:
            pages = pdf.pages
        except Exception as exc:  # noqa: BLE001
            raise _pdf_failure(name, exc, "corrupt or truncated PDF") from None
        if len(pages) > MAX_PDF_PAGES:
            raise ExtractionError(name, f"refused: {len(pages)} pages, over the limit of {MAX_PDF_PAGES}")
        started = time.monotonic()
        blocks: list[Block] = []
        for number, page in enumerate(pages, start=1):
            if time.monotonic() - started > _PDF_SECONDS:
                raise ExtractionError(
                    name, f"gave up after {_PDF_SECONDS:.0f} s at page {number} (PDF too slow to read)"
                )
            try:
                blocks.extend(_pdf_page(page))
            except ExtractionError:
                raise
            except Exception as exc:  # noqa: BLE001
                raise _pdf_failure(name, exc, f"corrupt PDF: page {number} cannot be read") from None
            finally:
                page.close()
    if not any(_has_text(block) for block in blocks):
        raise ExtractionError(name, "no text layer (scanned PDF?); it needs OCR first")
    return Source(name, "pdf", tuple(blocks))


def _pdf_failure(name: str, exc: BaseException, what: str) -> ExtractionError:
    """The error for a PDF pdfminer failed on (opening it, listing or reading its pages): an
    encrypted one says so, any other says ``what`` went wrong and the exception's words."""
    if _is_encrypted_error(exc):
        return ExtractionError(name, "encrypted or password-protected PDF; remove the password first")
    return ExtractionError(name, f"{what} ({_describe(exc)})")


def _is_encrypted_error(exc: BaseException) -> bool:
    seen: set[int] = set()
    todo: list[BaseException] = [exc]
    while todo:
        current = todo.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if type(current).__name__ in ("PDFPasswordIncorrect", "PDFEncryptionError", "PDFEncryptionWarning"):
            return True
        todo.extend(arg for arg in current.args if isinstance(arg, BaseException))
        for linked in (current.__cause__, current.__context__):
            if linked is not None:
                todo.append(linked)
    return False


def _pdf_page(page: Any) -> list[Block]:
    """A page's blocks: its tables, and its text outside them, in top-to-bottom order."""
    found = page.find_tables()
    placed: list[tuple[float, Block]] = []
    boxes = []
    for table in found:
        result = _pdf_table(table)
        if result is not None:
            placed.append((float(table.bbox[1]), result))
            boxes.append(table.bbox)
    if boxes:

        def outside(obj: dict[str, Any]) -> bool:
            x = (float(obj.get("x0", 0)) + float(obj.get("x1", 0))) / 2
            y = (float(obj.get("top", 0)) + float(obj.get("bottom", 0))) / 2
            return not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)

        text = page.filter(outside).extract_text() or ""
    else:
        text = page.extract_text() or ""
    if not boxes:
        return [Paragraph(text)] if text.strip() else []
    # Text above, between and below the tables, each piece placed by its first line.
    lines = page.filter(outside).extract_text_lines() if text.strip() else []
    for line in lines:
        placed.append((float(line["top"]), Paragraph(str(line["text"]))))
    placed.sort(key=lambda item: item[0])
    blocks: list[Block] = []
    pending: list[str] = []
    for _, block in placed:
        if isinstance(block, Paragraph):
            pending.append(block.text)
            continue
        if pending:
            blocks.append(Paragraph("\n".join(pending)))
            pending = []
        blocks.append(block)
    if pending:
        blocks.append(Paragraph("\n".join(pending)))
    return blocks


def _pdf_table(table: Any) -> Table | None:
    """A pdfplumber table with its spanned positions filled from the cell that covers them."""
    extracted = table.extract()
    rows = table.rows
    owners: list[tuple[tuple[float, float, float, float], str]] = []
    # Each column's and each row's extent from its narrowest cell (a merged cell spans several:
    # the column's own cells tell where it is, not the table's list of columns, which a merged
    # cell of the heading rows throws out of step).
    col_x: dict[int, tuple[float, float]] = {}
    row_y: dict[int, tuple[float, float]] = {}
    for r, row in enumerate(rows):
        for c, bbox in enumerate(row.cells):
            if bbox is None:
                continue
            if r < len(extracted) and c < len(extracted[r]):
                owners.append((bbox, _clean_pdf_cell(extracted[r][c])))
            x0, top, x1, bottom = (float(v) for v in bbox)
            if c not in col_x or x1 - x0 < col_x[c][1] - col_x[c][0]:
                col_x[c] = (x0, x1)
            if r not in row_y or bottom - top < row_y[r][1] - row_y[r][0]:
                row_y[r] = (top, bottom)
    grid: dict[tuple[int, int], tuple[str, bool]] = {}
    width = 0
    for r, row in enumerate(extracted):
        width = max(width, len(row))
        for c, cell in enumerate(row):
            if cell is not None:
                grid[(r, c)] = (_clean_pdf_cell(cell), False)
                continue
            if r not in row_y or c not in col_x:
                continue
            x = (col_x[c][0] + col_x[c][1]) / 2
            y = (row_y[r][0] + row_y[r][1]) / 2
            for (x0, top, x1, bottom), text in owners:
                if x0 <= x <= x1 and top <= y <= bottom:
                    grid[(r, c)] = (text, True)
                    break
    return _grid_table(grid, len(extracted), width, "")


def _clean_pdf_cell(cell: Any) -> str:
    return "" if cell is None else str(cell).strip()


_READERS: dict[str, Callable[[bytes, str], Source]] = {
    "txt": _read_txt,
    "html": _read_html,
    "docx": _read_docx,
    "xlsx": _read_xlsx,
    "pdf": _read_pdf,
}
