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
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from django.utils import timezone
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

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


# --------------------------------------------------------------------------------------------
# Readable workbooks: one layout for every XLSX Regiekamer offers
# --------------------------------------------------------------------------------------------
#
# A workbook an official forwards looks like the document it replaces: a title, the state of
# the data, a bold header that stays in view (frozen) and repeats on every printed page,
# columns wide enough for their contents, Dutch number formats, and A4 landscape, one page
# wide. Excel shows a number format such as ``#,##0`` with the reader's own separators, so a
# Dutch Excel shows 1.170.744. Years are text ("2016"), never numbers with a thousands format
# (Excel showed 2.016).


class Kind(StrEnum):
    """What a column holds; it decides the cell's type and number format."""

    TEXT = "text"
    EURO = "euro"  # whole euros 1.170.744; with cents 95,50
    NUMBER = "number"  # a count with thousands separators: 50.250 inwoners, 1.092 uur
    CODE = "code"  # a whole number that is a name, not an amount: schaal 11
    FTE = "fte"  # 0,5 / 1,0 / 0,25
    PERCENTAGE = "percentage"  # given as 36 (per cent), shown as 36%
    YEAR = "year"  # text: "2016"
    DATE = "date"  # 01-09-2016


DATE_FORMAT = "DD-MM-YYYY"
BOLD = Font(bold=True)
TITLE_FONT = Font(bold=True, size=14)
HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
HEADER_BORDER = Border(bottom=Side(style="thin"))
TOTAL_BORDER = Border(top=Side(style="thin"))
MIN_WIDTH, MAX_WIDTH = 8, 50


@dataclass(frozen=True)
class Column:
    header: str
    kind: Kind = Kind.TEXT
    width: int | None = None  # characters; None: as wide as the contents


@dataclass(frozen=True)
class Typed:
    """A value with its own kind, in a column whose rows differ (FTE or euros per fase)."""

    value: object
    kind: Kind


def _places(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _decimals(places: int) -> str:
    return "." + "0" * places if places else ""


def excel_value(value, kind: Kind) -> tuple:
    """(value, number format) of a cell of ``kind``; None and text stay as they are."""
    if isinstance(value, Typed):
        value, kind = value.value, value.kind
    if value is None or value == "" or isinstance(value, str) and kind != Kind.YEAR:
        return value, None
    if kind == Kind.YEAR:
        return str(value), None
    if kind == Kind.DATE:
        return value, DATE_FORMAT
    if kind == Kind.TEXT:
        return value, None
    number = Decimal(str(value))
    places = _places(number)
    if kind == Kind.PERCENTAGE:
        return number / 100, "0" + _decimals(min(places, 2)) + "%"
    whole = int(number) if places == 0 else number.normalize()
    if kind == Kind.CODE:
        return whole, "0"
    if kind == Kind.FTE:
        return whole, "0.0" + "0" * max(0, min(places, 2) - 1)
    if kind == Kind.EURO and places:
        return whole, "#,##0.00"
    return whole, "#,##0" + _decimals(min(places, 2))


def shown_width(value, kind: Kind) -> int:
    """About how many characters a spreadsheet shows for the cell (for the column width)."""
    if isinstance(value, Typed):
        value, kind = value.value, value.kind
    if value is None or value == "":
        return 0
    if isinstance(value, str) or kind in (Kind.TEXT, Kind.YEAR):
        return max(len(line) for line in str(value).splitlines() or [""])
    if kind == Kind.DATE:
        return 10
    number = Decimal(str(value))
    digits = len(str(abs(int(number))))
    return digits + (digits - 1) // 3 + (3 if _places(number) else 0) + (number < 0) + 1


def write_row(sheet, values: Iterable, kinds: Iterable[Kind], *, font=None, border=None) -> tuple:
    """Append a row; every cell typed and formatted by its column's kind, text never a formula."""
    pairs = [excel_value(v, k) for v, k in zip(values, kinds, strict=True)]
    cells = append_row(sheet, [value for value, _ in pairs])
    for cell, (_, number_format) in zip(cells, pairs, strict=False):
        if number_format:
            cell.number_format = number_format
        if font:
            cell.font = font
        if border:
            cell.border = border
    return cells


def write_header(sheet, labels: Iterable) -> tuple:
    """A bold header row on a light fill, with a line below; long labels wrap."""
    cells = append_row(sheet, list(labels))
    for cell in cells:
        cell.font = BOLD
        cell.fill = HEADER_FILL
        cell.border = HEADER_BORDER
        cell.alignment = Alignment(wrap_text=True, vertical="bottom")
    return cells


def write_title(sheet, title: str, *lines: str) -> None:
    """The title row (large, bold) and lines below it, e.g. the state of the data."""
    append_row(sheet, [title])[0].font = TITLE_FONT
    for line in lines:
        if line:
            append_row(sheet, [line])
    append_row(sheet, [])


def set_widths(sheet, widths: Iterable[int]) -> None:
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(
            max(width + 2, MIN_WIDTH), MAX_WIDTH
        )


def column_widths(columns: list[Column], rows: Iterable[Iterable]) -> list[int]:
    """Per column its set width, or the widest of its header and its shown values."""
    # A header wraps between words; bold text is about a character wider.
    widest = [max((len(w) + 1 for w in c.header.split()), default=0) for c in columns]
    for row in rows:
        for i, (value, column) in enumerate(zip(row, columns, strict=False)):
            widest[i] = max(widest[i], shown_width(value, column.kind))
    return [c.width or w for c, w in zip(columns, widest, strict=True)]


def header_footer_text(text: str) -> str:
    """Text for a printed header or footer: ``&`` starts a code there, so it is doubled."""
    return text.replace("&", "&&")[:200]


def print_setup(sheet, title: str, *, header_rows: tuple[int, int] | None = None) -> None:
    """A4 landscape, one page wide (as many pages long as needed), the title above every
    page, page numbers below, and the header rows repeated on every page."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.gridLines = False
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.oddHeader.center.text = header_footer_text(title)
    sheet.oddFooter.center.text = "Pagina &P van &N"
    if header_rows:
        sheet.print_title_rows = f"{header_rows[0]}:{header_rows[1]}"


def write_table(
    sheet,
    columns: list[Column],
    rows: list[list],
    *,
    title: str,
    lines: Iterable[str] = (),
    freeze_columns: int = 1,
    totals: list | None = None,
) -> None:
    """A whole sheet: optional title lines, the header, the rows, an optional total row, the
    widths, the header (and the first ``freeze_columns`` columns) frozen, and print setup.

    Without ``lines`` the header is row 1 (a sheet that is read back, such as the formatie
    workbook's, keeps its header there; the title then stands above every printed page).
    """
    lines = [line for line in lines if line]
    if lines:
        write_title(sheet, title, *lines)
    header = write_header(sheet, [c.header for c in columns])
    header_row = header[0].row
    for cell, column in zip(header, columns, strict=True):
        if column.kind not in (Kind.TEXT, Kind.YEAR):  # over numbers, as the numbers stand
            cell.alignment = Alignment(horizontal="right", vertical="bottom", wrap_text=True)
    kinds = [c.kind for c in columns]
    for row in rows:
        write_row(sheet, row, kinds)
    if totals is not None:
        write_row(sheet, totals, kinds, font=BOLD, border=TOTAL_BORDER)
    set_widths(sheet, column_widths(columns, rows + ([totals] if totals else [])))
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=freeze_columns + 1)
    print_setup(sheet, title, header_rows=(header_row, header_row))


def data_state_line(changed: datetime | None, made: datetime | None = None) -> str:
    """'Stand van de gegevens: 29-11-2026 20:15 (laatste wijziging); gemaakt op …', or with no
    recorded change the moment the sheet was made."""
    made = timezone.localtime(made or timezone.now())
    if changed is None:
        return f"Stand van de gegevens: {made:%d-%m-%Y %H:%M}."
    changed = timezone.localtime(changed)
    return (
        f"Stand van de gegevens: {changed:%d-%m-%Y %H:%M} (laatste wijziging); "
        f"gemaakt op {made:%d-%m-%Y %H:%M}."
    )


def workbook_bytes(workbook) -> bytes:
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
