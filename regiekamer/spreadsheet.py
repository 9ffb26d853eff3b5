"""Spreadsheets that leave Regiekamer (CSV and XLSX) never carry a formula.

A name a user typed (a rol, a gemeente, a fase) may begin with ``=``, ``+``, ``-`` or ``@``;
a spreadsheet program that opens an export would run such a cell as a formula
(``=HYPERLINK(…)``, ``=cmd|…``): the OWASP "CSV injection" attack. Every export writes its
rows through this module:

- CSV: text that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a
  single quote in front (``'=SUM(A1)``), which spreadsheets show as text. CSV is never read
  back by Regiekamer, so the quote costs nothing.
- XLSX: every cell holding text is a string cell, never a formula (openpyxl makes any text
  beginning with ``=`` a formula, and ``#N/A`` an error, unless told otherwise). The text stays
  exactly as it was, so a workbook that is read back (the formatie workbook) loses nothing.

Numbers, dates and empty cells are written as they are.
"""

import csv
import io
from collections.abc import Iterable

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_value(value):
    """A CSV cell: text a spreadsheet would execute gets a leading ``'``; the rest as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def write_csv(stream, rows: Iterable[Iterable]) -> None:
    """Write ``rows`` to a text stream as CSV (comma, newline), every cell through the rule."""
    writer = csv.writer(stream, lineterminator="\n")
    for row in rows:
        writer.writerow([csv_value(value) for value in row])


def csv_text(rows: Iterable[Iterable]) -> str:
    out = io.StringIO()
    write_csv(out, rows)
    return out.getvalue()


def append_row(sheet, values: Iterable) -> tuple:
    """Append ``values`` as the next row of an openpyxl sheet; text always as a string cell.

    Characters XML cannot hold (control characters) are left out rather than failing the
    export. Returns the row's cells (e.g. to make a header bold).
    """
    sheet.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in values])
    cells = sheet[sheet.max_row]
    for cell in cells:
        if isinstance(cell.value, str):
            cell.data_type = "s"
    return cells
