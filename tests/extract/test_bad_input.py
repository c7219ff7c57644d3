"""Bad input gets one clear ExtractionError naming the file and the reason, never a traceback."""

from __future__ import annotations

import os
import random
import time
from pathlib import Path

import pytest

from taizhang.extract import extract
from taizhang.extract.model import ExtractionError, Paragraph
from taizhang.extract.read import DEFAULT_MAX_BYTES, MAX_BYTES_ENV, read_bytes, read_path

from . import docfactory as f


def refusal(data: bytes, name: str, **kwargs: int) -> ExtractionError:
    with pytest.raises(ExtractionError) as caught:
        read_bytes(data, name, **kwargs)
    error = caught.value
    assert error.name == name
    assert str(error).startswith(f"{name}: ")
    return error


class SizeLimitTestCase:
    def test_it_refuses_an_empty_file(self) -> None:
        assert refusal(b"", "empty.docx").reason == "empty file"

    def test_it_refuses_a_file_over_the_limit(self) -> None:
        reason = refusal(f.docx_bytes(["区营商办"]), "big.docx", max_bytes=1000).reason
        assert "too large" in reason and "limit" in reason

    def test_it_accepts_a_file_at_the_limit(self) -> None:
        data = "营商环境".encode()
        assert read_bytes(data, "ok.txt", max_bytes=len(data)).format == "txt"

    def test_it_takes_the_limit_from_the_environment(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv(MAX_BYTES_ENV, "10")
        assert "too large" in refusal("营商环境优化提升".encode(), "env.txt").reason
        monkeypatch.setenv(MAX_BYTES_ENV, "ten")
        assert MAX_BYTES_ENV in refusal(b"abc", "env.txt").reason

    def test_the_default_limit_is_fifty_megabytes(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.delenv(MAX_BYTES_ENV, raising=False)
        assert DEFAULT_MAX_BYTES == 50 * 1024 * 1024
        assert "50.0 MB" in refusal(b"a" * (DEFAULT_MAX_BYTES + 1), "huge.txt").reason

    def test_read_path_refuses_a_large_file_without_reading_it(self, tmp_path: Path) -> None:
        path = tmp_path / "huge.pdf"
        with open(path, "wb") as handle:
            handle.truncate(200 * 1024 * 1024)  # sparse: 200 MB on paper, nothing on disk
        with pytest.raises(ExtractionError, match=r"^huge\.pdf: file too large"):
            read_path(path)

    def test_the_pipeline_passes_max_bytes_through(self) -> None:
        with pytest.raises(ExtractionError, match="too large"):
            extract(f.docx_bytes(["区营商办"]), {"max_bytes": 100}, name="p.docx")


class MissingFileTestCase:
    def test_it_names_a_missing_file(self, tmp_path: Path) -> None:
        with pytest.raises(ExtractionError, match=r"^nope\.docx: file not found$"):
            read_path(tmp_path / "nope.docx")

    def test_it_refuses_a_folder(self, tmp_path: Path) -> None:
        with pytest.raises(ExtractionError, match="folder"):
            read_path(tmp_path)


class CorruptFileTestCase:
    def test_it_refuses_a_truncated_docx(self) -> None:
        data = f.docx_bytes([f.paragraph_text(8)], f.TASK_ROWS)
        reason = refusal(data[: len(data) // 2], "cut.docx").reason
        assert "truncated or corrupt" in reason

    def test_it_refuses_a_truncated_xlsx(self) -> None:
        data = f.xlsx_bytes({"表": f.TASK_ROWS})
        assert "truncated or corrupt" in refusal(data[:-200], "cut.xlsx").reason

    def test_it_refuses_a_zip_that_is_no_office_document(self) -> None:
        data = f.zip_bytes({"readme.txt": "说明".encode()})
        assert "neither a Word (.docx) nor an Excel (.xlsx)" in refusal(data, "a.docx").reason

    def test_it_refuses_a_docx_with_broken_xml(self) -> None:
        good = f.docx_bytes(["区营商办"])
        import io
        import zipfile

        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(out, "w") as dst:
            for info in src.infolist():
                body = src.read(info)
                if info.filename == "word/document.xml":
                    body = body[: len(body) // 2]
                dst.writestr(info, body)
        reason = refusal(out.getvalue(), "bad.docx").reason
        assert reason.startswith("corrupt or unreadable Word document (.docx)")

    def test_it_refuses_a_truncated_pdf_or_reads_what_survives(self) -> None:
        data = f.pdf_bytes([["区营商办"]])
        for cut in (20, len(data) // 3):
            try:
                source = read_bytes(data[:cut], "cut.pdf")
            except ExtractionError as error:
                assert error.name == "cut.pdf" and error.reason
            else:
                assert source.format == "pdf"

    def test_it_refuses_a_pdf_header_with_no_pdf_behind_it(self) -> None:
        assert "PDF" in refusal(b"%PDF-1.7\n" + os.urandom(2000), "junk.pdf").reason


class HostileFileTestCase:
    def test_it_refuses_a_zip_bomb_before_unpacking(self) -> None:
        data = f.zip_bomb_docx(20)
        # CPU time of this process, not wall time: the bound holds on a machine busy with other
        # work. Refusing reads only the archive's directory (well under 0.01 s); unpacking it
        # would take seconds.
        started = time.process_time()
        reason = refusal(data, "bomb.docx").reason
        assert "zip bomb" in reason
        assert time.process_time() - started < 1.0

    def test_it_refuses_an_archive_declaring_a_huge_size(self) -> None:
        import io
        import zipfile

        data = f.zip_bytes({"word/document.xml": b"<w:document/>"})
        # Rewrite the central directory's declared size to 300 MB, as a crafted bomb would.
        archive = zipfile.ZipFile(io.BytesIO(data))
        info = archive.infolist()[0]
        assert info.file_size == 13
        patched = bytearray(data)
        central = patched.rfind(b"PK\x01\x02")
        patched[central + 24 : central + 28] = (300 * 1024 * 1024).to_bytes(4, "little")
        assert "zip bomb" in refusal(bytes(patched), "declared.docx").reason

    def test_it_refuses_an_encrypted_pdf(self) -> None:
        reason = refusal(f.pdf_bytes([["区营商办"]], encrypt="secret"), "locked.pdf").reason
        assert "password" in reason

    def test_a_pdf_failure_names_what_failed_or_the_password(self) -> None:
        from taizhang.extract.read import _pdf_failure

        page = _pdf_failure("a.pdf", ValueError("bad xref"), "corrupt PDF: page 3 cannot be read")
        assert page.reason == "corrupt PDF: page 3 cannot be read (ValueError: bad xref)"
        password = type("PDFPasswordIncorrect", (Exception,), {})
        locked = _pdf_failure("a.pdf", RuntimeError(password()), "corrupt or truncated PDF")
        assert locked.reason == "encrypted or password-protected PDF; remove the password first"

    def test_it_refuses_a_pdf_without_a_text_layer(self) -> None:
        assert refusal(f.scanned_pdf_bytes(), "scan.pdf").reason.startswith("no text layer (scanned PDF?)")

    def test_it_refuses_legacy_and_encrypted_office_files(self) -> None:
        ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + os.urandom(1024)
        reason = refusal(ole, "old.doc").reason
        assert reason == "encrypted or legacy Office file; save it as .docx/.xlsx"

    def test_it_refuses_an_image(self) -> None:
        assert "image" in refusal(b"\x89PNG\r\n\x1a\n" + os.urandom(100), "scan.pdf").reason

    def test_it_refuses_rtf(self) -> None:
        assert "RTF" in refusal(b"{\\rtf1\\ansi\\deff0 {\\fonttbl}}", "doc.docx").reason

    def test_it_refuses_html_with_absurd_spans_quickly(self) -> None:
        page = "<table><tr><td rowspan=99999999 colspan=99999999>区</td></tr>" + "<tr><td>x</td></tr>" * 3000
        # CPU time of this process, not wall time (see above): about 0.15 s here, while laying out
        # the spans as written would take hours.
        started = time.process_time()
        try:
            source = read_bytes(("<html><body>" + page + "</table></body></html>").encode(), "span.html")
        except ExtractionError as error:
            assert "too large" in error.reason
        else:
            assert source.format == "html"
        assert time.process_time() - started < 5.0

    def test_it_reads_deeply_nested_html(self) -> None:
        page = "<html><body>" + "<div>" * 20000 + "区营商办" + "</div>" * 20000 + "</body></html>"
        assert read_bytes(page.encode(), "deep.html").blocks == (Paragraph("区营商办"),)

    def test_it_refuses_deeply_nested_tables_with_a_reason(self) -> None:
        page = (
            "<html><body>" + "<table><tr><td>" * 3000 + "区" + "</td></tr></table>" * 3000 + "</body></html>"
        )
        try:
            source = read_bytes(page.encode(), "deep.html")
        except ExtractionError as error:
            assert error.reason == "the html file is nested too deeply to read"
        else:
            assert source.format == "html"


class NotTextTestCase:
    def test_it_refuses_random_bytes(self) -> None:
        rng = random.Random(7)
        data = bytes(rng.randrange(256) for _ in range(4096))
        assert "not text in any supported Chinese encoding" in refusal(data, "noise.bin").reason

    def test_it_says_what_a_misnamed_binary_promised(self) -> None:
        rng = random.Random(8)
        data = bytes(rng.randrange(256) for _ in range(4096))
        assert refusal(data, "plan.docx").reason.startswith("named .docx but is neither")

    def test_it_reads_plain_text_named_docx_as_text(self) -> None:
        source = read_bytes("一、总体要求\n（一）优化政务服务".encode("gbk"), "plan.docx")
        assert source.format == "txt"

    def test_it_refuses_text_with_nul_bytes(self) -> None:
        assert "not text" in refusal("区营商办".encode() + b"\x00" * 50, "nul.txt").reason

    def test_it_refuses_a_document_without_text(self) -> None:
        assert refusal(b"  \n\r\n\t ", "blank.txt").reason == "no text found"
        assert refusal(f.docx_bytes(["", "   "]), "blank.docx").reason == "no text found"
        assert refusal(f.xlsx_bytes({"空": []}), "blank.xlsx").reason == "no text found"
        assert refusal(f.html_bytes("<p> </p>"), "blank.html").reason == "no text found"

    def test_a_bad_byte_order_mark_is_named(self) -> None:
        reason = refusal(b"\xff\xfe" + "区".encode("utf-16-le") + b"\x00\xd8", "bom.txt").reason
        assert "byte-order mark" in reason
