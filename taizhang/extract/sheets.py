"""Saving a spreadsheet so that its text stays text: the one helper every .xlsx writer of
taizhang uses (the extraction's task table, the ledger and unit workbooks, the scorecards).

A text that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is what spreadsheet
programs read as the start of a formula (openpyxl even writes a ``=`` text as a formula), so a
task or a report typed as ``=HYPERLINK(...)`` would become a live link or a calculation in the
supervisor's download (formula injection) and would not come back when the workbook is imported.
:func:`save_workbook` stores every such cell as a plain string and marks it quote-prefixed (the
``'`` of Excel and WPS), so it is shown, edited and read back exactly as typed.

The product writes no .csv file; one that did would have to prefix such a field with ``'``.
"""

from __future__ import annotations

import os
from typing import IO, Any

__all__ = ["FORMULA_STARTS", "XLSX_CONTENT_TYPE", "looks_like_formula", "protect_cell", "save_workbook"]

# The media type of every .xlsx the product serves.
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(value: object) -> bool:
    """True for a text a spreadsheet program could take for a formula."""
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def protect_cell(cell: Any) -> None:
    """Make ``cell`` (an openpyxl cell) hold its text as a quote-prefixed string when it starts
    like a formula; other cells (numbers, dates, ordinary text) are left as they are."""
    if looks_like_formula(cell.value):
        cell.data_type = "s"
        cell.quotePrefix = True


def save_workbook(workbook: Any, target: str | os.PathLike[str] | IO[bytes]) -> None:
    """Save the openpyxl ``workbook`` to ``target`` (a path or a binary file) with every cell that
    starts like a formula stored as text (:func:`protect_cell`)."""
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                protect_cell(cell)
    workbook.save(os.fspath(target) if isinstance(target, str | os.PathLike) else target)
