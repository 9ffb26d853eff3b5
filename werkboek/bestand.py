"""Opening an untrusted workbook and reading its sheets, within limits.

Before anything is unpacked the file must be within the upload limit (``MAX_UPLOAD_MB``), be
an .xlsx by its content (a zip with the Excel structure, no macros) and unpack within
``MAX_UITGEPAKT_MB`` without a part packed like a zip bomb. Its sheets are then streamed
(read-only, to row ``MAX_RIJNUMMER`` and column ``MAX_KOLOMNUMMER`` at most) and refused
beyond their row limit (``Blad.max_rijen``) or ``MAX_KOLOMMEN`` headed columns. A formula
counts with the value the file stored for it (as Excel saves it); a formula without a stored
value is reported, never read as empty.
"""

import zipfile
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import openpyxl
from openpyxl.utils import get_column_letter

from regiekamer.uploads import (
    ZIP_ERRORS,
    RowsBeyondLimit,
    detect_type,
    max_upload_bytes,
    rows_beyond_message,
    sheet_rows,
    too_large_message,
)

from .cellen import INVALID, Cell, Problems, Row, Sheet, WerkboekFout, format_decimal, is_empty, key
from .kolommen import Blad

NOT_READABLE = "Dit is geen leesbaar Excel-bestand (.xlsx)."
FORMULE_ZONDER_WAARDE = (
    "formule zonder opgeslagen waarde; sla het bestand op in Excel of typ de waarde."
)

# What an import reads at most (on top of the upload limit, MAX_UPLOAD_MB): a workbook beyond
# these is refused before it is unpacked or read further, and nothing is changed.
MB = 1024 * 1024
MAX_UITGEPAKT_MB = 20  # all parts of the .xlsx (a zip) together, unpacked
MAX_COMPRESSIE = 100  # unpacked size : packed size of a part above 1 MB (a zip bomb)
MAX_ONDERDELEN = 1000  # parts in the zip
MAX_KOLOMMEN = 100  # headed columns on one sheet
MAX_KOLOMNUMMER = 1000  # columns read of a sheet (ALL): a cell in column XFD costs no time


def _check_size(size: int) -> None:
    if size > max_upload_bytes():
        raise WerkboekFout([too_large_message()])


def read_bytes(file) -> bytes:
    """The file's content, refused when it is larger than the upload limit (before reading)."""
    if isinstance(file, bytes | bytearray):
        data = bytes(file)
    elif isinstance(file, str | Path):
        path = Path(file)
        if not path.is_file():
            raise WerkboekFout([f"Het bestand {path} bestaat niet."])
        _check_size(path.stat().st_size)
        data = path.read_bytes()
    else:
        size = getattr(file, "size", None)
        if size is None:
            size = file.seek(0, 2)
        _check_size(size)
        file.seek(0)
        data = file.read(max_upload_bytes() + 1)
    _check_size(len(data))
    return data


def check_zip(data: bytes) -> None:
    """Refuse, before anything is unpacked, a file that is no .xlsx or would unpack too large.

    The sizes come from the zip's table of contents; Python's zipfile never unpacks a part
    beyond the size the table gives it, so a table that lies cannot make the reading bigger.
    """
    found = detect_type(BytesIO(data))
    if found is None or found.key != "xlsx":
        raise WerkboekFout([NOT_READABLE])
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            parts = archive.infolist()
    except ZIP_ERRORS as exc:
        raise WerkboekFout([NOT_READABLE]) from exc
    if len(parts) > MAX_ONDERDELEN:
        raise WerkboekFout(
            [
                f"Het werkboek bestaat uit meer dan {MAX_ONDERDELEN} onderdelen; het wordt niet "
                "ingelezen."
            ]
        )
    if sum(part.file_size for part in parts) > MAX_UITGEPAKT_MB * MB:
        raise WerkboekFout(
            [
                f"Het werkboek is uitgepakt groter dan {MAX_UITGEPAKT_MB} MB; zo'n groot werkboek "
                "wordt niet ingelezen."
            ]
        )
    for part in parts:
        if part.file_size > MB and part.file_size > MAX_COMPRESSIE * max(part.compress_size, 1):
            raise WerkboekFout(
                [
                    f"Het werkboek is verdacht sterk ingepakt ({part.filename} pakt uit tot meer "
                    f"dan {MAX_COMPRESSIE} keer zijn grootte); het wordt niet ingelezen."
                ]
            )


class Bestand:
    """A checked .xlsx, opened twice read-only: once for the stored values, once for formulas.

    Only the sheets of ``werkboek.kolommen.BLADEN`` are read, row by row; nothing else of the
    file is unpacked.
    """

    def __init__(self, data: bytes):
        self.values = self.formulas = None
        try:
            self.values = openpyxl.load_workbook(BytesIO(data), read_only=True, data_only=True)
            self.formulas = openpyxl.load_workbook(BytesIO(data), read_only=True)
        except Exception as exc:  # openpyxl raises many kinds for a file that is not xlsx
            self.close()
            raise WerkboekFout([NOT_READABLE]) from exc

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    def close(self) -> None:
        for workbook in (self.values, self.formulas):
            if workbook is not None:
                workbook.close()

    def rows(self, title: str):
        """(title as written, rows) of the sheet, or None; each row is (number, cells, formulas)."""
        for values, formulas in zip(self.values.worksheets, self.formulas.worksheets, strict=True):
            if key(values.title) == key(title):
                return values.title, _stream(values, formulas)
        return None


def _stream(values, formulas):
    rows = sheet_rows(values, formulas, MAX_KOLOMNUMMER)
    while True:
        try:
            number, cells, formula_cells = next(rows)
        except StopIteration:
            return
        except RowsBeyondLimit as exc:
            raise WerkboekFout([rows_beyond_message(f'Het werkblad "{values.title}"')]) from exc
        except Exception as exc:  # a broken sheet inside a readable zip
            raise WerkboekFout([NOT_READABLE]) from exc
        yield number, cells, formula_cells


def open_workbook(file) -> Bestand:
    data = read_bytes(file)
    check_zip(data)
    return Bestand(data)


def _without_value(cell, formula_cell) -> bool:
    """A formula whose result the file does not hold (never read as an empty cell)."""
    return formula_cell.data_type == "f" and cell.value is None


def read_sheet(workbook: Bestand, blad: Blad, problems: Problems) -> Sheet | None:
    """The rows of a sheet as {column key: cell}; None when the sheet or a column of the
    sheet's specification (``blad.kolommen``, but the optional ones) is missing (a sheet that
    is not ``blad.verplicht`` may be missing without a problem)."""
    title = blad.titel
    found = workbook.rows(title)
    if found is None:
        if blad.verplicht:
            problems.add(f'Het werkblad "{title}" ontbreekt.')
        return None
    sheet_title, rows = found
    header = (0, (), ())
    for number, cells, formula_cells in rows:
        if any(
            not is_empty(c.value) or f.data_type == "f"
            for c, f in zip(cells, formula_cells, strict=True)
        ):
            header = (number, cells, formula_cells)
            break
    headers: dict[str, str] = {}
    positions: dict[str, int] = {}
    header_row, header_cells, header_formulas = header
    for index, (cell, formula_cell) in enumerate(zip(header_cells, header_formulas, strict=True)):
        if _without_value(cell, formula_cell):
            problems.add(
                f"{title}, rij {header_row}, kolom {get_column_letter(index + 1)}: "
                + FORMULE_ZONDER_WAARDE
            )
            continue
        if cell.value is None or not str(cell.value).strip():
            continue
        column_key = key(cell.value)
        header_text = str(cell.value).strip()
        if column_key in positions:
            problems.column(title, header_text, "deze kolom staat er twee keer in.")
            continue
        positions[column_key] = index
        headers[column_key] = header_text
    if len(positions) > MAX_KOLOMMEN:
        raise WerkboekFout(
            [
                f'Het werkblad "{title}" heeft meer dan {MAX_KOLOMMEN} kolommen; het werkboek '
                "wordt niet ingelezen."
            ]
        )
    missing = [k.naam for k in blad.kolommen if key(k.naam) not in positions and not k.optioneel]
    for column in missing:
        problems.column(title, column, "de kolom ontbreekt.")
    if missing:
        return None
    data = []
    for number, cells, formula_cells in rows:
        row_cells = {}
        for column_key, i in positions.items():
            if i >= len(cells):
                continue
            if _without_value(cells[i], formula_cells[i]):
                problems.cell(title, number, headers[column_key], FORMULE_ZONDER_WAARDE)
                row_cells[column_key] = Cell(INVALID)
            else:
                row_cells[column_key] = Cell(cells[i].value, cells[i].number_format)
        if all(is_empty(c.value) for c in row_cells.values()):
            continue
        data.append(Row(number, row_cells))
        if len(data) > blad.max_rijen:
            most = format_decimal(Decimal(blad.max_rijen))
            raise WerkboekFout(
                [
                    f'Het werkblad "{title}" heeft meer dan {most} rijen; een werkboek mag '
                    f"hoogstens {most} {blad.meervoud} bevatten."
                ]
            )
    return Sheet(sheet_title, headers, data)
