"""The readers turn each supported format into paragraphs and tables in reading order."""

from __future__ import annotations

import datetime as dt

import pytest

from taizhang.extract.model import Paragraph, Source, Table
from taizhang.extract.read import decode_text, detect_format, read_bytes, read_path

from . import docfactory as f

ROWS = (f.TASK_HEADER, *f.TASK_ROWS)


def texts(source: Source) -> list[str]:
    return [b.text for b in source.blocks if isinstance(b, Paragraph)]


def tables(source: Source) -> list[Table]:
    return [b for b in source.blocks if isinstance(b, Table)]


class TextEncodingTestCase:
    @pytest.mark.parametrize("encoding", ["gbk", "gb18030", "gb2312", "utf-8", "utf-8-sig", "utf-16"])
    def test_it_detects_the_encoding_of_simplified_chinese(self, encoding: str) -> None:
        text = f.encodable(f.paragraph_text(6), encoding)
        source = read_bytes(text.encode(encoding), "plan.txt")
        assert source.format == "txt"
        assert texts(source) == [text]

    @pytest.mark.parametrize("start", [0, 3, 7, 11])
    def test_it_detects_big5_traditional_chinese_and_keeps_it_traditional(self, start: int) -> None:
        import opencc

        traditional = f.encodable(opencc.OpenCC("s2t").convert(f.paragraph_text(3, start)), "big5")
        source = read_bytes(traditional.encode("big5"), "港澳.txt")
        assert source.encoding in ("big5", "cp950", "big5hkscs")
        assert texts(source) == [traditional]

    @pytest.mark.parametrize("start", range(0, 40, 4))
    def test_it_tells_gbk_from_big5_on_single_sentences(self, start: int) -> None:
        sentence = f.paragraph_text(1, start)
        assert texts(read_bytes(sentence.encode("gbk"), "s.txt")) == [sentence]

    def test_it_reads_gb18030_characters_outside_gbk(self) -> None:
        text = "企业名称：𠀾记商行（GB18030 四字节字符），" + f.paragraph_text(2)
        source = read_bytes(text.encode("gb18030"), "t.txt")
        assert texts(source) == [text]
        assert source.encoding == "gb18030"

    def test_it_keeps_full_width_and_traditional_characters_verbatim(self) -> None:
        text = "１．ＡＢＣ（全角）　區政府辦公室牽頭，２０２４年１２月底前完成。"
        assert texts(read_bytes(text.encode("utf-8"), "t.txt")) == [text]
        assert texts(read_bytes(text.encode("gb18030"), "t.txt")) == [text]

    def test_it_normalises_line_ends_to_newlines(self) -> None:
        source = read_bytes("第一行\r\n第二行\r第三行\n".encode("gbk"), "t.txt")
        assert texts(source) == ["第一行\n第二行\n第三行\n"]

    def test_line_breaks_stored_as_escapes_become_line_breaks(self) -> None:
        # Text taken out of a JSON or CSV cell as it was stored: the breaks are the escape
        # sequences, and a no-break space is the HTML entity.
        raw = (
            r"2019年1月29日在区人大会议上\r\n区长&nbsp; 某某\r\n一、2018年工作回顾\r\n2018年，完成任务。\r\n"
        )
        assert texts(read_bytes(raw.encode("utf-8"), "t.txt")) == [
            "2019年1月29日在区人大会议上\n区长  某某\n一、2018年工作回顾\n2018年，完成任务。\n"
        ]

    def test_a_text_with_real_line_breaks_keeps_its_backslashes(self) -> None:
        text = "文件保存在 C:\\new\\plan 目录。\n第二行\n第三行 \\n 一处\n"
        assert texts(read_bytes(text.encode("utf-8"), "t.txt")) == [text]

    def test_it_drops_the_byte_order_mark_and_names_the_encoding(self) -> None:
        text, encoding = decode_text("\ufeff营商环境".encode("utf-8"))
        assert (text, encoding) == ("营商环境", "utf-8")
        text, encoding = decode_text("\ufeff营商环境".encode("utf-16-be"))
        assert (text, encoding) == ("营商环境", "utf-16-be")

    def test_it_reads_plain_ascii_as_utf8(self) -> None:
        source = read_bytes(b"Plan 2024\n1. Improve services", "plan.txt")
        assert source.encoding == "utf-8"


class DocxReaderTestCase:
    def test_it_reads_paragraphs_and_tables_in_document_order(self) -> None:
        data = f.docx_bytes(["关于印发方案的通知", "各街道办事处："], ROWS, ["区营商办\n2024年3月1日"])
        source = read_bytes(data, "方案.docx")
        assert source.format == "docx"
        kinds = [type(b).__name__ for b in source.blocks]
        assert kinds == ["Paragraph", "Paragraph", "Table", "Paragraph"]
        assert source.blocks[-1] == Paragraph("区营商办\n2024年3月1日")
        assert tables(source)[0].rows == ROWS

    def test_it_repeats_and_flags_vertically_and_horizontally_merged_cells(self) -> None:
        rows = [list(r) for r in ROWS]
        rows[2][1] = ""  # the merge's lower cell is empty in a real table
        rows[3][5] = ""
        data = f.docx_bytes([], rows, merges=[(1, 1, 2, 1), (3, 4, 3, 5)])
        table = tables(read_bytes(data, "t.docx"))[0]
        assert table.rows[2][1] == table.rows[1][1] == "优化政务服务"
        assert table.merged[2][1] and not table.merged[1][1]
        assert table.rows[3][5] == table.rows[3][4] == "区司法局"
        assert table.merged[3][5] and not table.merged[3][4]
        assert sum(flag for row in table.merged for flag in row) == 2

    def test_it_keeps_traditional_and_full_width_text_verbatim(self) -> None:
        text = "區政府辦公室牽頭，２０２４年１２月底前完成（ＡＢＣ）。"
        assert texts(read_bytes(f.docx_bytes([text]), "t.docx")) == [text]

    def test_it_flattens_a_nested_table_into_its_cell(self) -> None:
        import io

        import docx

        document = docx.Document(io.BytesIO(f.docx_bytes([], [["序号", "内容"], ["1", ""]])))
        cell = document.tables[0].cell(1, 1)
        inner = cell.add_table(rows=1, cols=2)
        inner.cell(0, 0).text = "区发改局"
        inner.cell(0, 1).text = "区财政局"
        out = io.BytesIO()
        document.save(out)
        table = tables(read_bytes(out.getvalue(), "n.docx"))[0]
        assert "区发改局 区财政局" in table.rows[1][1]

    def test_it_finds_a_main_part_saved_under_another_name(self) -> None:
        import io
        import zipfile

        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(f.docx_bytes(["区营商办"]))) as src, zipfile.ZipFile(out, "w") as dst:
            for info in src.infolist():
                body = src.read(info).replace(b"word/document.xml", b"word/document2.xml")
                dst.writestr(info.filename.replace("word/document.xml", "word/document2.xml"), body)
        assert texts(read_bytes(out.getvalue(), "web.docx")) == ["区营商办"]


class XlsxReaderTestCase:
    def test_it_reads_one_table_per_non_empty_sheet(self) -> None:
        data = f.xlsx_bytes({"任务分解表": ROWS, "空表": [], "说明": [["填表说明：按月报送"]]})
        source = read_bytes(data, "台账.xlsx")
        assert source.format == "xlsx"
        assert [t.name for t in tables(source)] == ["任务分解表", "说明"]
        assert tables(source)[0].rows == ROWS

    def test_it_fills_and_flags_merged_ranges(self) -> None:
        rows: list[list[object]] = [list(r) for r in ROWS]
        rows[2][1] = None
        data = f.xlsx_bytes({"表": rows}, merges={"表": ["B2:B3", "E4:F4"]})
        table = tables(read_bytes(data, "m.xlsx"))[0]
        assert table.rows[2][1] == "优化政务服务" and table.merged[2][1]
        assert table.rows[3][5] == "区司法局" and table.merged[3][5]
        assert not table.merged[1][1] and not table.merged[3][4]

    def test_it_shows_numbers_and_dates_as_a_person_sees_them(self) -> None:
        rows: list[list[object]] = [
            ["序号", "目标", "占比", "日期", "月份", "中文日期"],
            [1, 12.0, 0.35, dt.date(2024, 12, 1), dt.date(2025, 6, 1), dt.date(2024, 3, 5)],
        ]
        formats = {"A": {"C2": "0%", "E2": "yyyy-mm", "F2": 'yyyy"年"m"月"d"日"'}}
        table = tables(read_bytes(f.xlsx_bytes({"A": rows}, formats=formats), "n.xlsx"))[0]
        assert table.rows[1] == ("1", "12", "35%", "2024-12-01", "2025-06", "2024年3月5日")


class HtmlReaderTestCase:
    BODY = (
        "<h1>关于印发方案的通知</h1><p>各街道、<b>区直</b>各部门：<br>现印发。</p>"
        "<table><tr><th>序号</th><th>重点任务</th><th>牵头单位</th></tr>"
        "<tr><td rowspan='2'>1</td><td>推行一网通办</td><td>区政数局</td></tr>"
        "<tr><td colspan='2'>推进企业开办</td></tr></table><div>区营商办</div>"
    )

    @pytest.mark.parametrize("charset", ["utf-8", "gbk", "gb2312", "big5"])
    def test_it_reads_blocks_and_honours_the_declared_charset(self, charset: str) -> None:
        body = self.BODY
        if charset == "big5":
            import opencc

            body = f.encodable(opencc.OpenCC("s2t").convert(body), "big5")
        source = read_bytes(f.html_bytes(body, charset=charset), "page.html")
        assert source.format == "html"
        assert len(texts(source)) == 3
        assert "现印发" in texts(source)[1] or "現印發" in texts(source)[1]

    def test_it_drops_scripts_styles_and_navigation(self) -> None:
        joined = "\n".join(texts(read_bytes(f.html_bytes(self.BODY), "p.html")))
        assert "脚本内容" not in joined and "color" not in joined and "首页" not in joined

    def test_it_keeps_soft_breaks_and_inline_text_together(self) -> None:
        source = read_bytes(f.html_bytes(self.BODY), "p.html")
        assert texts(source)[:2] == ["关于印发方案的通知", "各街道、区直各部门：\n现印发。"]

    def test_it_honours_rowspan_and_colspan(self) -> None:
        table = tables(read_bytes(f.html_bytes(self.BODY), "p.html"))[0]
        assert table.rows == (
            ("序号", "重点任务", "牵头单位"),
            ("1", "推行一网通办", "区政数局"),
            ("1", "推进企业开办", "推进企业开办"),
        )
        assert table.merged[2] == (True, False, True)

    def test_it_detects_an_undeclared_gbk_page(self) -> None:
        source = read_bytes(f.html_bytes(self.BODY, charset="gbk", declare=False), "p.htm")
        assert source.encoding == "gb18030" and texts(source)[0] == "关于印发方案的通知"

    def test_it_reads_a_utf16_page_and_an_xhtml_page(self) -> None:
        utf16 = read_bytes("<html><body><p>区营商办</p></body></html>".encode("utf-16"), "u.html")
        assert (utf16.format, utf16.encoding, texts(utf16)) == ("html", "utf-16-le", ["区营商办"])
        xhtml = '<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" "x"><html><p>区</p></html>'
        assert read_bytes(xhtml.encode(), "x.xhtml").format == "html"

    def test_it_sniffs_a_fragment_starting_with_a_table(self) -> None:
        assert detect_format("<table><tr><td>区发改局</td></tr></table>".encode()) == "html"
        assert detect_format("一、总体要求\n<附件1>".encode()) == "txt"


class PdfReaderTestCase:
    def test_it_reads_the_chinese_text_layer_page_by_page(self) -> None:
        first = f.paragraph_text(1)[:30]
        data = f.pdf_bytes([[first, "牵头单位：区发展改革局"], ["第二页：完成时限2024年12月"]])
        source = read_bytes(data, "方案.pdf")
        assert source.format == "pdf"
        assert texts(source) == [f"{first}\n牵头单位：区发展改革局", "第二页：完成时限2024年12月"]

    def test_it_reads_a_ruled_table_once(self) -> None:
        source = read_bytes(f.pdf_bytes([["附件：任务分解表"]], table=ROWS[:3]), "t.pdf")
        assert tables(source)[0].rows == ROWS[:3]
        assert texts(source) == ["附件：任务分解表"]


class ReadPathTestCase:
    def test_it_names_the_source_by_the_file_name(self, tmp_path: object) -> None:
        from pathlib import Path

        path = Path(str(tmp_path)) / "行动方案.docx"
        path.write_bytes(f.docx_bytes(["区营商办"]))
        source = read_path(path)
        assert source.name == "行动方案.docx" and texts(source) == ["区营商办"]

    def test_it_reads_a_wrongly_named_file_as_what_it_is(self, tmp_path: object) -> None:
        from pathlib import Path

        folder = Path(str(tmp_path))
        (folder / "plan.txt").write_bytes(f.docx_bytes(["区营商办"]))
        (folder / "plan.docx").write_bytes(f.pdf_bytes([["区营商办"]]))
        (folder / "plan.pdf").write_bytes("区营商办".encode("gbk"))
        (folder / "sheet.docx").write_bytes(f.xlsx_bytes({"表": [["区营商办"]]}))
        assert read_path(folder / "plan.txt").format == "docx"
        assert read_path(folder / "plan.docx").format == "pdf"
        assert read_path(folder / "plan.pdf").format == "txt"
        assert read_path(folder / "sheet.docx").format == "xlsx"
