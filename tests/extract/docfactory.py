"""Builders of small sample documents (docx, xlsx, pdf, html, txt) for the reader tests.

Each builder returns the file's bytes; tests write them under ``tmp_path`` when they need a path.
Sample sentences come from the seed documents, so detection is tried on realistic Chinese.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path

SEEDS = Path("/work/shared/seeds")

# Used when the seed folder is not present (a fresh checkout elsewhere).
_FALLBACK_SENTENCES = (
    "为深入贯彻落实党中央、国务院关于优化营商环境的决策部署，结合我区实际，制定本方案。",
    "到2025年，全区营商环境综合评价位居全市前列，市场主体满意度达到95%以上。",
    "牵头单位：区发展改革局；配合单位：区市场监管局、区政务服务数据管理局。",
    "完成时限：2024年12月底前完成，并常态化推进。",
)

# A task table as a district would lay it out (序号/主要措施/重点任务/完成时限/牵头单位/协办单位).
TASK_HEADER = ("序号", "主要措施", "重点任务", "完成时限", "牵头单位", "协办单位")
TASK_ROWS = (
    (
        "1",
        "优化政务服务",
        "推行“一网通办”，实现高频事项全程网办",
        "2024年12月",
        "区政务服务数据管理局",
        "各街道办事处",
    ),
    ("2", "优化政务服务", "推进企业开办一日办结", "2025年6月", "区市场监管局", "区税务局"),
    ("3", "加强法治保障", "建立涉企行政执法检查备案制度", "常态化推进", "区司法局", "区直各部门"),
)


@lru_cache(maxsize=1)
def seed_sentences() -> tuple[str, ...]:
    """Chinese sentences (ending in 。) from the seed documents, 20 to 120 characters long."""
    found: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for piece in text.replace("\n", "。").split("。"):
            piece = piece.strip()
            if 20 <= len(piece) <= 120 and sum("\u4e00" <= ch <= "\u9fff" for ch in piece) > len(piece) // 2:
                found.append(piece + "。")
    return tuple(found) if len(found) >= 8 else _FALLBACK_SENTENCES


def paragraph_text(count: int = 4, start: int = 0) -> str:
    """A paragraph of ``count`` seed sentences."""
    sentences = seed_sentences()
    return "".join(sentences[(start + i) % len(sentences)] for i in range(count))


def encodable(text: str, encoding: str) -> str:
    """``text`` without the characters ``encoding`` cannot hold (Big5 lacks some hanzi)."""
    return "".join(ch for ch in text if _encodes(ch, encoding))


def _encodes(ch: str, encoding: str) -> bool:
    try:
        ch.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


# ---------------------------------------------------------------------------------------------
# Word


def docx_bytes(
    paragraphs: Sequence[str] = (),
    table: Sequence[Sequence[str]] | None = None,
    after: Sequence[str] = (),
    merges: Sequence[tuple[int, int, int, int]] = (),
) -> bytes:
    """A .docx with ``paragraphs``, then ``table`` (merging each (r0, c0, r1, c1) range), then
    the ``after`` paragraphs. A paragraph's "\\n" becomes a soft line break."""
    import docx

    document = docx.Document()
    for text in paragraphs:
        _add_paragraph(document, text)
    if table is not None:
        grid = document.add_table(rows=len(table), cols=max(len(r) for r in table))
        for r, row in enumerate(table):
            for c, text in enumerate(row):
                grid.cell(r, c).text = text
        for r0, c0, r1, c1 in merges:
            keep = grid.cell(r0, c0).text
            merged = grid.cell(r0, c0).merge(grid.cell(r1, c1))
            merged.text = keep  # merge() joins the texts of all cells; keep the top-left one
    for text in after:
        _add_paragraph(document, text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _add_paragraph(document: object, text: str) -> None:
    paragraph = document.add_paragraph()  # type: ignore[attr-defined]
    for i, line in enumerate(text.split("\n")):
        run = paragraph.add_run(line)
        if i < len(text.split("\n")) - 1:
            run.add_break()


# ---------------------------------------------------------------------------------------------
# Excel


def xlsx_bytes(
    sheets: Mapping[str, Sequence[Sequence[object]]],
    merges: Mapping[str, Sequence[str]] | None = None,
    formats: Mapping[str, Mapping[str, str]] | None = None,
) -> bytes:
    """An .xlsx with one sheet per entry, merged ranges ("B2:B3") and number formats by cell."""
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
        for cell_range in (merges or {}).get(title, ()):
            sheet.merge_cells(cell_range)
        for ref, number_format in (formats or {}).get(title, {}).items():
            sheet[ref].number_format = number_format
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


# ---------------------------------------------------------------------------------------------
# PDF


def pdf_bytes(
    pages: Sequence[Sequence[str]] = (),
    encrypt: str | None = None,
    table: Sequence[Sequence[str]] | None = None,
) -> bytes:
    """A PDF whose pages carry the given lines in the built-in Chinese font (a real text layer),
    optionally password-protected, optionally with a ruled table on the last page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4, encrypt=encrypt)
    all_pages = list(pages) or [[]]
    for index, lines in enumerate(all_pages):
        pdf.setFont("STSong-Light", 12)
        y = 800.0
        for line in lines:
            pdf.drawString(50, y, line)
            y -= 20
        if table is not None and index == len(all_pages) - 1:
            _draw_table(pdf, table, top=y - 20)
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def _draw_table(pdf: object, rows: Sequence[Sequence[str]], top: float) -> None:
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    table = Table([list(r) for r in rows])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), "STSong-Light", 9),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ]
        )
    )
    width, height = table.wrapOn(pdf, 500, 700)
    table.drawOn(pdf, 40, top - height)


def scanned_pdf_bytes() -> bytes:
    """A PDF with drawings but no text layer, as a scanner without OCR makes."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    for _ in range(2):
        for i in range(20):
            pdf.rect(50, 780 - i * 30, 400 - i * 7, 12, fill=1)
        pdf.showPage()
    pdf.save()
    return out.getvalue()


# ---------------------------------------------------------------------------------------------
# HTML and text


def html_bytes(body: str, charset: str = "utf-8", declare: bool = True, title: str = "通知") -> bytes:
    """A web page around ``body``, encoded in ``charset`` (declared in a <meta> unless told not)."""
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">' if declare else ""
    page = (
        "<!DOCTYPE html>\n<html><head>" + meta + f"<title>{title}</title>"
        "<style>p { color: red; }</style><script>var x = '脚本内容';</script></head>\n"
        "<body><nav>首页 > 政策文件</nav>\n" + body + "\n</body></html>"
    )
    return page.encode(charset, errors="xmlcharrefreplace")


def zip_bytes(members: dict[str, bytes], level: int = 9) -> bytes:
    """A zip archive of ``members`` (deflated)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def zip_bomb_docx(unpacked_mb: int = 20) -> bytes:
    """A docx-shaped zip whose document part unpacks to ``unpacked_mb`` MB of one repeated byte."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", b'<?xml version="1.0"?><Types/>')
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(unpacked_mb):
                member.write(chunk)
    return out.getvalue()


def tasks_by_ref(text: str) -> dict[str, list]:
    """The tasks extracted from ``text``, grouped by their reference (第N条), in order."""
    from taizhang.extract import extract_text

    out: dict[str, list] = {}
    for t in extract_text(text).tasks:
        out.setdefault(t.ref, []).append(t)
    return out


def task_rows(text: str) -> list[tuple[str, tuple[str, ...], tuple[str, ...], object]]:
    """The tasks extracted from ``text`` as (text, lead units, co units, (deadline kind, year, month))."""
    from taizhang.extract import extract_text

    return [
        (
            t.text,
            t.lead_units,
            t.co_units,
            t.deadline and (t.deadline.kind, t.deadline.year, t.deadline.month),
        )
        for t in extract_text(text).tasks
    ]
