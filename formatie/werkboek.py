"""Import and export a samenwerkingsverband's formation as an Excel workbook (.xlsx).

The workbook has three sheets, the same for import and export:

- ``Gemeenten``: gemeente, inwonertal, percentage, penvoerder (``ja`` on at most one row).
  With a percentage on every row the verdeelsleutel is vastgesteld (adding up to exactly 100),
  otherwise it follows the inwonertal (every row then needs one above 0).
- ``Fasen``: fase, begin, eind (whole months, no overlap).
- ``Rollen``: rol, kostensoort, schaal, jaarkosten_per_fte, uurtarief, uren_per_fte_per_maand,
  leverende_gemeente, structureel, basisformatie (optional) and one column per fase, headed
  with the fase's name, holding FTE (or euros for a rol paid per fase).

An import first reads and checks everything; any problem raises :class:`WerkboekFout` with every
problem as a Dutch message (sheet, row, column) and nothing is changed. Only a clean workbook
replaces the formation, in one transaction.

A workbook is untrusted input. Before anything is unpacked the file must be within the upload
limit (``MAX_UPLOAD_MB``), be an .xlsx by its content (a zip with the Excel structure, no
macros) and unpack within ``MAX_UITGEPAKT_MB`` without a part packed like a zip bomb. The three
sheets are then streamed (read-only) and refused at more than ``MAX_GEMEENTEN``,
``MAX_FASEN`` or ``MAX_ROLLEN`` rows. A formula counts with the value the file stored for it
(as Excel saves it); a formula without a stored value is reported, never read as empty.
Export writes every name as a string cell (``regiekamer.spreadsheet``), so a name such as
``=SUM(A1)`` comes back exactly.
"""

import difflib
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from io import BytesIO
from pathlib import Path

import openpyxl
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError, Q
from openpyxl.utils import get_column_letter

from kosten.constants import Verdeelmethode
from kosten.gegevens import load_formatie
from kosten.models import Verdeelsleutel, Verdeelsleutelaandeel
from kosten.verdeling import missing_per_rol
from partijen.models import Gemeente, Inwonertal, Samenwerkingsverband
from regiekamer import access
from regiekamer.getallen import Getalfout, kort, parse_number
from regiekamer.spreadsheet import Column, Kind, Typed, write_table
from regiekamer.uploads import ZIP_ERRORS, detect_type, max_upload_bytes, too_large_message

from .constants import Kostensoort
from .models import Bezetting, Fase, Rol, Salarisschaal, Uurtarief, last_day_of_month

GEMEENTEN = "Gemeenten"
FASEN = "Fasen"
ROLLEN = "Rollen"

GEMEENTE_COLUMNS = ["gemeente", "inwonertal", "percentage", "penvoerder"]
FASE_COLUMNS = ["fase", "begin", "eind"]
ROL_COLUMNS = [
    "rol",
    "kostensoort",
    "schaal",
    "jaarkosten_per_fte",
    "uurtarief",
    "uren_per_fte_per_maand",
    "leverende_gemeente",
    "structureel",
    "basisformatie",
]
OPTIONAL_ROL_COLUMNS = {"basisformatie"}

BRON = "werkboek"
DEFAULT_UREN_PER_FTE_PER_MAAND = Decimal("156")
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
MAX_GEMEENTEN = 400
MAX_FASEN = 50
MAX_ROLLEN = 2000
MAX_KOLOMMEN = 100  # headed columns on one sheet
MAX_RIJEN = {
    GEMEENTEN: (MAX_GEMEENTEN, "gemeenten"),
    FASEN: (MAX_FASEN, "fasen"),
    ROLLEN: (MAX_ROLLEN, "rollen"),
}

KOSTENSOORTEN = {
    "schaal": Kostensoort.SCHAAL,
    "salarisschaal": Kostensoort.SCHAAL,
    "uur": Kostensoort.UUR,
    "inhuur": Kostensoort.UUR,
    "uurtarief": Kostensoort.UUR,
    "vast": Kostensoort.VAST,
    "vast bedrag": Kostensoort.VAST,
}
YES = {"ja", "j", "yes", "y", "waar", "true", "1", "x"}
NO = {"nee", "n", "no", "onwaar", "false", "0"}
EMPTY_MARKERS = {"", "-", "–", "—"}

# Largest values the database columns hold (max_digits / decimal_places of the models).
MAX_FTE = Decimal("999.99")
MAX_BEDRAG = Decimal("9999999999.99")
MAX_JAARKOSTEN = Decimal("99999999.99")
MAX_UURTARIEF = Decimal("999999.99")
MAX_UREN = Decimal("9999.99")
MAX_PERCENTAGE = Decimal("100")
MAX_SCHAAL = 32767
MAX_INWONERTAL = 2147483647

CENT = Decimal("0.01")


class WerkboekFout(Exception):
    """The workbook cannot be imported; ``problems`` lists every reason, in Dutch."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


@dataclass
class ImportResult:
    samenwerkingsverband: Samenwerkingsverband
    gemeenten: int
    fasen: int
    rollen: int
    bezettingen: int
    verdeelmethode: str
    nieuwe_gemeenten: list[str] = field(default_factory=list)
    waarschuwingen: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """A one-line Dutch summary, e.g. for the command line or a message."""
        text = (
            f"Formatie van {self.samenwerkingsverband.afkorting} ingelezen: "
            f"{_count(self.gemeenten, 'gemeente', 'gemeenten')}, "
            f"{_count(self.fasen, 'fase', 'fasen')}, "
            f"{_count(self.rollen, 'rol', 'rollen')} "
            f"({_count(self.bezettingen, 'bezetting', 'bezettingen')}); verdeelsleutel "
        )
        if self.verdeelmethode == Verdeelmethode.VASTGESTELD:
            text += "met vastgestelde percentages."
        else:
            text += "naar inwonertal."
        if self.nieuwe_gemeenten:
            text += " Nieuwe gemeenten: " + ", ".join(self.nieuwe_gemeenten) + "."
        return text


def _count(n: int, singular: str, plural: str) -> str:
    return f"{n} {singular if n == 1 else plural}"


# --------------------------------------------------------------------------------------------
# Reading cells
# --------------------------------------------------------------------------------------------


class _Invalid:
    """Marks a cell that could not be read; its problem has already been reported."""

    def __repr__(self):
        return "INVALID"


INVALID = _Invalid()


def _key(text) -> str:
    """Header / name key: case-insensitive, trimmed, underscores and spaces alike."""
    return " ".join(str(text).replace("_", " ").split()).casefold()


def _is_empty(value) -> bool:
    return value is None or (isinstance(value, str) and value.strip() in EMPTY_MARKERS)


def _format_decimal(value: Decimal) -> str:
    """Dutch notation: 83.100 and 0,5."""
    value = value.normalize() if value == value.to_integral_value() else value
    sign = "-" if value < 0 else ""
    whole, _, fraction = f"{abs(value):f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = sign + ".".join(groups)
    return f"{text},{fraction}" if fraction else text


def _show(value) -> str:
    """A cell value as the user would recognise it in a message."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return f"{value.day}-{value.month}-{value.year}"
    if isinstance(value, bool):
        return "WAAR" if value else "ONWAAR"
    if isinstance(value, int | float | Decimal):
        try:
            return kort(_format_decimal(Decimal(str(value))))
        except InvalidOperation:
            return kort(str(value))
    return kort(str(value).strip())


def _float_to_decimal(value: float) -> Decimal:
    """Via str, never binary; 0.30000000000000004 from a formula becomes 0.3."""
    number = Decimal(str(value))
    if number.as_tuple().exponent < -10:
        number = number.quantize(Decimal("1e-10")).normalize()
    return number


@dataclass
class _Cell:
    value: object
    number_format: str = "General"


@dataclass
class _Row:
    number: int
    cells: dict[str, _Cell]

    def get(self, column: str) -> _Cell:
        return self.cells.get(_key(column), _Cell(None))


@dataclass
class _Sheet:
    title: str
    headers: dict[str, str]  # key -> header text as written
    rows: list[_Row]


class _Problems:
    def __init__(self):
        self.messages: list[str] = []

    def add(self, message: str) -> None:
        self.messages.append(message)

    def cell(self, sheet: str, row: int, column: str, message: str) -> None:
        self.add(f'{sheet}, rij {row}, kolom "{column}": {message}')

    def column(self, sheet: str, column: str, message: str) -> None:
        self.add(f'{sheet}, kolom "{column}": {message}')


class _Reader:
    """Parses cells of one sheet, reporting each problem with sheet, row and column."""

    def __init__(self, sheet: str, problems: _Problems):
        self.sheet = sheet
        self.problems = problems

    def error(self, row: _Row, column: str, message: str) -> _Invalid:
        self.problems.cell(self.sheet, row.number, column, message)
        return INVALID

    def text(self, row: _Row, column: str, *, required: bool, max_length: int) -> str | None:
        value = row.get(column).value
        if value is INVALID:
            return INVALID
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.error(row, column, "is leeg; vul een naam in.")
                return INVALID
            return None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, datetime | date):
            value = _show(value)
        text = " ".join(str(value).split())
        if len(text) > max_length:
            return self.error(row, column, f'"{text}" is te lang (hoogstens {max_length} tekens).')
        return text

    def decimal(
        self,
        row: _Row,
        column: str,
        *,
        maximum: Decimal,
        required_message: str | None = None,
        whole: bool = False,
    ) -> Decimal | None:
        """A number >= 0, with at most two decimals (or a whole number); None when empty."""
        cell = row.get(column)
        value = cell.value
        if value is INVALID:
            return INVALID
        if _is_empty(value):
            if required_message:
                return self.error(row, column, f"is leeg; {required_message}")
            return None
        shown = _show(value)
        if isinstance(value, bool | datetime | date):
            return self.error(row, column, f'"{shown}" is geen getal.')
        if isinstance(value, int):
            number = Decimal(value)
        elif isinstance(value, float):
            number = _float_to_decimal(value)
        elif isinstance(value, Decimal):
            number = value
        else:
            try:
                number = parse_number(value)  # Dutch notation, as typed in a form
            except Getalfout as fout:
                return self.error(row, column, str(fout))
            if number is None:
                return self.error(row, column, f'"{shown}" is geen getal.')
        if not isinstance(value, str) and "%" in (cell.number_format or ""):
            number = number * 100  # a cell formatted as percentage holds 0,36 for 36 %
        if number < 0:
            return self.error(row, column, f'"{shown}" is negatief; vul 0 of meer in.')
        if number > maximum:
            return self.error(
                row, column, f'"{shown}" is te groot (hoogstens {_format_decimal(maximum)}).'
            )
        if whole and number != number.to_integral_value():
            return self.error(row, column, f'"{shown}" is geen geheel getal.')
        if number != number.quantize(CENT):
            return self.error(row, column, f'"{shown}" heeft meer dan twee decimalen.')
        if whole:
            return Decimal(int(number))
        return number

    def integer(self, row: _Row, column: str, *, maximum: int, **kwargs) -> int | None:
        number = self.decimal(row, column, maximum=Decimal(maximum), whole=True, **kwargs)
        if number is None or number is INVALID:
            return number
        return int(number)

    def date(self, row: _Row, column: str) -> date | None:
        value = row.get(column).value
        if value is INVALID:
            return INVALID
        if _is_empty(value):
            return self.error(row, column, "is leeg; vul een datum in.")
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        parsed = _parse_date_text(str(value)) if isinstance(value, str) else None
        if parsed is None:
            return self.error(
                row,
                column,
                f'"{_show(value)}" is geen datum; schrijf bijvoorbeeld 1-9-2016 of 2016-09-01.',
            )
        return parsed

    def yes_no(self, row: _Row, column: str, *, empty: bool | None) -> bool | None:
        value = row.get(column).value
        if value is INVALID or isinstance(value, bool):
            return value
        if _is_empty(value):
            if empty is None:
                return self.error(row, column, "is leeg; vul ja of nee in.")
            return empty
        text = _key(_show(value))
        if text in YES:
            return True
        if text in NO:
            return False
        return self.error(row, column, f'"{_show(value)}" is geen ja of nee.')


DATE_PATTERNS = [
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?$"), (1, 2, 3)),
    (re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$"), (3, 2, 1)),
]


def _parse_date_text(text: str) -> date | None:
    text = text.strip()
    for pattern, (y, m, d) in DATE_PATTERNS:
        match = pattern.match(text)
        if match:
            try:
                return date(int(match.group(y)), int(match.group(m)), int(match.group(d)))
            except ValueError:
                return None
    return None


# --------------------------------------------------------------------------------------------
# Opening the workbook and its sheets
# --------------------------------------------------------------------------------------------


def _check_size(size: int) -> None:
    if size > max_upload_bytes():
        raise WerkboekFout([too_large_message()])


def _read_bytes(file) -> bytes:
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


def _check_zip(data: bytes) -> None:
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


class _Bestand:
    """A checked .xlsx, opened twice read-only: once for the stored values, once for formulas.

    Only the three sheets are read, row by row; nothing else of the file is unpacked.
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
            if _key(values.title) == _key(title):
                return values.title, _stream(values, formulas)
        return None


def _stream(values, formulas):
    # Not the sheet's own stated size (it may be wrong, or absurd): the rows as they are.
    values.reset_dimensions()
    formulas.reset_dimensions()
    rows = enumerate(zip(values.iter_rows(), formulas.iter_rows(), strict=True), start=1)
    while True:
        try:
            number, (cells, formula_cells) = next(rows)
        except StopIteration:
            return
        except Exception as exc:  # a broken sheet inside a readable zip
            raise WerkboekFout([NOT_READABLE]) from exc
        yield number, cells, formula_cells


def _open_workbook(file) -> _Bestand:
    data = _read_bytes(file)
    _check_zip(data)
    return _Bestand(data)


def _without_value(cell, formula_cell) -> bool:
    """A formula whose result the file does not hold (never read as an empty cell)."""
    return formula_cell.data_type == "f" and cell.value is None


def _read_sheet(workbook, title: str, columns: list[str], optional: set[str], problems):
    """The rows of a sheet as {column key: cell}; None when the sheet or a column is missing."""
    found = workbook.rows(title)
    if found is None:
        problems.add(f'Het werkblad "{title}" ontbreekt.')
        return None
    sheet_title, rows = found
    header = (0, (), ())
    for number, cells, formula_cells in rows:
        if any(
            not _is_empty(c.value) or f.data_type == "f"
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
        key = _key(cell.value)
        header_text = str(cell.value).strip()
        if key in positions:
            problems.column(title, header_text, "deze kolom staat er twee keer in.")
            continue
        positions[key] = index
        headers[key] = header_text
    if len(positions) > MAX_KOLOMMEN:
        raise WerkboekFout(
            [
                f'Het werkblad "{title}" heeft meer dan {MAX_KOLOMMEN} kolommen; het werkboek '
                "wordt niet ingelezen."
            ]
        )
    missing = [c for c in columns if _key(c) not in positions and c not in optional]
    for column in missing:
        problems.column(title, column, "de kolom ontbreekt.")
    if missing:
        return None
    limit, noun = MAX_RIJEN[title]
    data = []
    for number, cells, formula_cells in rows:
        row_cells = {}
        for key, i in positions.items():
            if i >= len(cells):
                continue
            if _without_value(cells[i], formula_cells[i]):
                problems.cell(title, number, headers[key], FORMULE_ZONDER_WAARDE)
                row_cells[key] = _Cell(INVALID)
            else:
                row_cells[key] = _Cell(cells[i].value, cells[i].number_format)
        if all(_is_empty(c.value) for c in row_cells.values()):
            continue
        data.append(_Row(number, row_cells))
        if len(data) > limit:
            most = _format_decimal(Decimal(limit))
            raise WerkboekFout(
                [
                    f'Het werkblad "{title}" heeft meer dan {most} rijen; een werkboek mag '
                    f"hoogstens {most} {noun} bevatten."
                ]
            )
    return _Sheet(sheet_title, headers, data)


# --------------------------------------------------------------------------------------------
# Parsing the three sheets
# --------------------------------------------------------------------------------------------


@dataclass
class _GemeenteRij:
    row: int
    naam: str
    inwonertal: int | None
    percentage: Decimal | None
    penvoerder: bool


@dataclass
class _FaseRij:
    row: int
    naam: str
    begin: date | None  # None only while the row has a problem
    eind: date | None


@dataclass
class _RolRij:
    row: int
    naam: str
    kostensoort: str
    schaal: int | None
    jaarkosten_per_fte: Decimal | None
    uurtarief: Decimal | None
    uren_per_fte_per_maand: Decimal
    leverende_gemeente: str | None
    structureel: bool
    basisformatie: Decimal | None
    bezetting: dict[str, Decimal]  # fase naam -> fte or bedrag


@dataclass
class _Formatie:
    gemeenten: list[_GemeenteRij]
    methode: str
    fasen: list[_FaseRij]
    rollen: list[_RolRij]

    @property
    def peildatum(self) -> date:
        return self.fasen[0].begin

    @property
    def jaar(self) -> int:
        return self.peildatum.year


def _parse_gemeenten(sheet: _Sheet, problems: _Problems) -> tuple[list[_GemeenteRij], str] | None:
    reader = _Reader(GEMEENTEN, problems)
    rijen = []
    seen: dict[str, int] = {}
    penvoerders = []
    ok = True
    for row in sheet.rows:
        naam = reader.text(row, "gemeente", required=True, max_length=100)
        inwonertal = reader.integer(row, "inwonertal", maximum=MAX_INWONERTAL)
        percentage = reader.decimal(row, "percentage", maximum=MAX_PERCENTAGE)
        penvoerder = reader.yes_no(row, "penvoerder", empty=False)
        if naam is not INVALID:
            if _key(naam) in seen:
                reader.error(row, "gemeente", f'"{naam}" staat al op rij {seen[_key(naam)]}.')
                ok = False
            seen.setdefault(_key(naam), row.number)
        if penvoerder is True:
            penvoerders.append(row.number)
        if INVALID in (naam, inwonertal, percentage, penvoerder):
            ok = False
        rijen.append(_GemeenteRij(row.number, naam, inwonertal, percentage, penvoerder))
    if not rijen:
        problems.add(f"{GEMEENTEN}: er staat geen enkele gemeente in.")
        return None
    if len(penvoerders) > 1:
        rows = ", ".join(str(n) for n in penvoerders[:-1]) + f" en {penvoerders[-1]}"
        problems.column(
            GEMEENTEN,
            "penvoerder",
            f"op rij {rows} staat ja; hoogstens één gemeente is penvoerder.",
        )
        ok = False
    if all(r.percentage is not None for r in rijen):
        methode = Verdeelmethode.VASTGESTELD
        if all(r.percentage is not INVALID for r in rijen):
            total = sum((r.percentage for r in rijen), Decimal(0))
            if total != 100:
                problems.column(
                    GEMEENTEN,
                    "percentage",
                    f"de percentages tellen op tot {_format_decimal(total)}; "
                    "dat moet precies 100 zijn.",
                )
                ok = False
    else:
        methode = Verdeelmethode.INWONERTAL
        reason = (
            "zonder percentage op elke rij wordt naar inwonertal verdeeld en heeft elke "
            "gemeente een inwonertal boven 0 nodig."
        )
        for r in rijen:
            if r.inwonertal is None:
                problems.cell(GEMEENTEN, r.row, "inwonertal", f"ontbreekt; {reason}")
                ok = False
            elif r.inwonertal is not INVALID and r.inwonertal <= 0:
                problems.cell(GEMEENTEN, r.row, "inwonertal", f"is 0; {reason}")
                ok = False
    return (rijen, methode) if ok else None


def _parse_fasen(sheet: _Sheet, problems: _Problems) -> tuple[list[_FaseRij], bool]:
    """The fasen sorted by begin, and whether all of them were valid."""
    reader = _Reader(FASEN, problems)
    rijen = []
    seen: dict[str, int] = {}
    reserved = {_key(c) for c in ROL_COLUMNS}
    ok = True
    for row in sheet.rows:
        naam = reader.text(row, "fase", required=True, max_length=100)
        begin = reader.date(row, "begin")
        eind = reader.date(row, "eind")
        if naam is not INVALID:
            if _key(naam) in seen:
                naam = reader.error(row, "fase", f'"{naam}" staat al op rij {seen[_key(naam)]}.')
            elif _key(naam) in reserved:
                naam = reader.error(
                    row, "fase", f'"{naam}" is al een vaste kolom in Rollen; kies een andere naam.'
                )
            else:
                seen[_key(naam)] = row.number
        if begin is not INVALID and begin.day != 1:
            begin = reader.error(
                row, "begin", f"{_show(begin)} is niet de eerste dag van een maand."
            )
        if eind is not INVALID and eind != last_day_of_month(eind):
            eind = reader.error(row, "eind", f"{_show(eind)} is niet de laatste dag van een maand.")
        if begin is not INVALID and eind is not INVALID and eind < begin:
            eind = reader.error(row, "eind", f"{_show(eind)} ligt vóór het begin ({_show(begin)}).")
        if INVALID in (naam, begin, eind):
            ok = False
            # A valid name still heads a column in Rollen; keep it to check that sheet.
            if naam is not INVALID:
                rijen.append(_FaseRij(row.number, naam, None, None))
            continue
        rijen.append(_FaseRij(row.number, naam, begin, eind))
    dated = sorted((r for r in rijen if r.begin), key=lambda r: r.begin)
    for previous, current in zip(dated, dated[1:], strict=False):
        if current.begin <= previous.eind:
            problems.add(
                f'{FASEN}, rij {current.row}: fase "{current.naam}" overlapt met fase '
                f'"{previous.naam}" (rij {previous.row}).'
            )
            ok = False
    if not rijen and ok:
        problems.add(f"{FASEN}: er staat geen enkele fase in.")
        ok = False
    undated = [r for r in rijen if not r.begin]
    return dated + undated, ok


def _parse_rollen(
    sheet: _Sheet,
    fasen: list[_FaseRij],
    gemeenten: dict[str, str] | None,
    problems: _Problems,
) -> list[_RolRij] | None:
    reader = _Reader(ROLLEN, problems)
    ok = True
    fase_columns = []
    for fase in fasen:
        if _key(fase.naam) in sheet.headers:
            fase_columns.append(fase.naam)
        else:
            problems.column(
                ROLLEN,
                fase.naam,
                "de kolom ontbreekt; elke fase uit het werkblad Fasen heeft een kolom.",
            )
            ok = False
    rijen = []
    seen: dict[str, int] = {}
    schalen: dict[int, tuple[Decimal, int]] = {}
    for row in sheet.rows:
        naam = reader.text(row, "rol", required=True, max_length=200)
        if naam is not INVALID:
            if _key(naam) in seen:
                naam = reader.error(row, "rol", f'"{naam}" staat al op rij {seen[_key(naam)]}.')
            else:
                seen[_key(naam)] = row.number
        raw_soort = row.get("kostensoort").value
        kostensoort = KOSTENSOORTEN.get(_key(raw_soort)) if not _is_empty(raw_soort) else None
        if raw_soort is INVALID:
            kostensoort = INVALID
        elif kostensoort is None:
            if _is_empty(raw_soort):
                reader.error(row, "kostensoort", "is leeg; kies schaal, uur of vast.")
            else:
                reader.error(
                    row,
                    "kostensoort",
                    f'"{_show(raw_soort)}" is geen kostensoort; kies schaal, uur of vast.',
                )
            kostensoort = INVALID
        is_schaal = kostensoort == Kostensoort.SCHAAL
        schaal = reader.integer(
            row,
            "schaal",
            maximum=MAX_SCHAAL,
            required_message="een rol op salarisschaal heeft een schaal nodig."
            if is_schaal
            else None,
        )
        jaarkosten = reader.decimal(
            row,
            "jaarkosten_per_fte",
            maximum=MAX_JAARKOSTEN,
            required_message="een rol op salarisschaal heeft integrale jaarkosten per fte nodig."
            if is_schaal
            else None,
        )
        uurtarief = reader.decimal(
            row,
            "uurtarief",
            maximum=MAX_UURTARIEF,
            required_message="een ingehuurde rol (uur) heeft een uurtarief nodig."
            if kostensoort == Kostensoort.UUR
            else None,
        )
        uren = reader.decimal(row, "uren_per_fte_per_maand", maximum=MAX_UREN)
        if uren is None:
            uren = DEFAULT_UREN_PER_FTE_PER_MAAND
        leverende = reader.text(row, "leverende_gemeente", required=False, max_length=100)
        if leverende not in (None, INVALID) and gemeenten is not None:
            if _key(leverende) in gemeenten:
                leverende = gemeenten[_key(leverende)]
            else:
                leverende = reader.error(
                    row,
                    "leverende_gemeente",
                    f'"{leverende}" staat niet in het werkblad Gemeenten.'
                    + _did_you_mean(leverende, gemeenten.values()),
                )
        structureel = reader.yes_no(row, "structureel", empty=None)
        basisformatie = reader.decimal(row, "basisformatie", maximum=MAX_FTE)
        bezetting = {}
        bezetting_ok = True
        for fase_naam in fase_columns:
            value = reader.decimal(
                row,
                fase_naam,
                maximum=MAX_BEDRAG if kostensoort in (Kostensoort.VAST, INVALID) else MAX_FTE,
            )
            if value is INVALID:
                bezetting_ok = False
            elif value is not None:
                bezetting[fase_naam] = value
        if is_schaal and schaal not in (None, INVALID) and jaarkosten not in (None, INVALID):
            if schaal in schalen and schalen[schaal][0] != jaarkosten:
                other, other_row = schalen[schaal]
                jaarkosten = reader.error(
                    row,
                    "jaarkosten_per_fte",
                    f"schaal {schaal} kost hier {_format_decimal(jaarkosten)} per fte, maar op "
                    f"rij {other_row} {_format_decimal(other)}; één schaal heeft één bedrag.",
                )
            else:
                schalen.setdefault(schaal, (jaarkosten, row.number))
        values = (naam, kostensoort, schaal, jaarkosten, uurtarief, uren, leverende, structureel)
        if INVALID in values or basisformatie is INVALID or not bezetting_ok:
            ok = False
            continue
        rijen.append(
            _RolRij(
                row=row.number,
                naam=naam,
                kostensoort=kostensoort,
                schaal=schaal if is_schaal else None,
                jaarkosten_per_fte=jaarkosten if is_schaal else None,
                uurtarief=uurtarief if kostensoort == Kostensoort.UUR else None,
                uren_per_fte_per_maand=uren,
                leverende_gemeente=leverende,
                structureel=structureel,
                basisformatie=basisformatie,
                bezetting=bezetting,
            )
        )
    return rijen if ok else None


def _parse_workbook(file) -> _Formatie:
    problems = _Problems()
    with _open_workbook(file) as workbook:
        gemeenten_sheet = _read_sheet(workbook, GEMEENTEN, GEMEENTE_COLUMNS, set(), problems)
        fasen_sheet = _read_sheet(workbook, FASEN, FASE_COLUMNS, set(), problems)
        rollen_sheet = _read_sheet(workbook, ROLLEN, ROL_COLUMNS, OPTIONAL_ROL_COLUMNS, problems)

    gemeenten = _parse_gemeenten(gemeenten_sheet, problems) if gemeenten_sheet else None
    fasen, fasen_ok = _parse_fasen(fasen_sheet, problems) if fasen_sheet else ([], False)
    rollen = None
    if rollen_sheet:
        names = None
        if gemeenten_sheet:
            reader = _Reader(GEMEENTEN, _Problems())  # names only; problems reported above
            names = {}
            for row in gemeenten_sheet.rows:
                naam = reader.text(row, "gemeente", required=True, max_length=100)
                if naam is not INVALID:
                    names.setdefault(_key(naam), naam)
        rollen = _parse_rollen(rollen_sheet, fasen, names, problems)
    if problems.messages:
        raise WerkboekFout(problems.messages)
    assert gemeenten is not None and fasen_ok and rollen is not None
    rijen, methode = gemeenten
    return _Formatie(rijen, methode, fasen, rollen)


# --------------------------------------------------------------------------------------------
# Import
# --------------------------------------------------------------------------------------------


def _save(obj, user):
    if user is not None:
        obj._history_user = user
    obj.save()
    return obj


def _delete_all(queryset, user) -> None:
    """Delete one by one, so that every deletion is in the history (with the user)."""
    for obj in queryset:
        if user is not None:
            obj._history_user = user
        obj.delete()


def import_workbook(file, samenwerkingsverband: Samenwerkingsverband, user=None) -> ImportResult:
    """Replace the formation of ``samenwerkingsverband`` by the one in the workbook.

    ``file`` is a path, the bytes of the file, or a binary file object (an upload). Raises
    :class:`WerkboekFout` with every problem found, and then changes nothing.

    ``user`` imports it (the history names them) with their rights over shared gemeenten
    (``access.may_attach_gemeente``, ``access.may_edit_gemeente``): a row naming a gemeente of
    a samenwerkingsverband they take no part in is refused, and so is a new inwonertal for a
    gemeente they may not edit. ``None`` is the operator on the server's command line
    (``importeer_formatie`` without ``--gebruiker``), trusted as the beheerder is.
    """
    formatie = _parse_workbook(file)
    try:
        with transaction.atomic():
            return _store(formatie, samenwerkingsverband, user)
    except ProtectedError as exc:
        in_use = sorted({str(obj) for obj in exc.protected_objects})
        raise WerkboekFout(
            [
                "De bestaande formatie kan niet worden vervangen, want er wordt nog naar "
                "verwezen: " + ", ".join(in_use) + "."
            ]
        ) from exc
    except IntegrityError as exc:
        raise WerkboekFout([f"Het werkboek kon niet worden opgeslagen: {exc}"]) from exc


def _did_you_mean(naam: str, known) -> str:
    """ " Bedoelt u Weert?" for a name close to a known one ("Weerd"), else ""."""
    by_key = {_key(k): k for k in known}
    match = difflib.get_close_matches(_key(naam), list(by_key), n=1, cutoff=0.8)
    return f" Bedoelt u {by_key[match[0]]}?" if match else ""


def _refuse_mistyped_gemeenten(formatie: _Formatie, existing: dict) -> None:
    """A gemeente the app does not know is created by the import, unless its name is close to
    a known one: "Weerd" would take Weert's share. Refused before anything is written."""
    new = [r for r in formatie.gemeenten if _key(r.naam) not in existing]
    if not new:
        return
    known = list(Gemeente.objects.values_list("naam", flat=True))
    problems = _Problems()
    for rij in new:
        hint = _did_you_mean(rij.naam, known)
        if hint:
            problems.cell(
                GEMEENTEN, rij.row, "gemeente", f'"{rij.naam}" is geen bekende gemeente.{hint}'
            )
    if problems.messages:
        raise WerkboekFout(problems.messages)


def _check_shared_gemeenten(formatie: _Formatie, sv, existing: dict, user) -> set[int]:
    """Refuse (:class:`WerkboekFout`) what ``user`` may not do to the existing gemeenten the
    workbook names: bring in one of another samenwerkingsverband, or change the inwonertal of
    one they may not edit. An inwonertal equal to the one the kostenverdeling uses at the
    peildatum is no change: returns the gemeenten whose inwonertallen the import leaves alone."""
    problems = _Problems()
    kept = set()
    deelnemers = set(sv.gemeenten.values_list("pk", flat=True))
    for rij in formatie.gemeenten:
        gemeente = existing.get(_key(rij.naam))
        if gemeente is None:
            continue  # a new gemeente: created by the import
        if gemeente.pk not in deelnemers and not access.may_attach_gemeente(user, gemeente):
            message = access.gemeente_refusal(
                gemeente, f"de gemeente aan {sv.afkorting} toe te voegen"
            )
            problems.cell(GEMEENTEN, rij.row, "gemeente", message)
            continue
        if access.may_edit_gemeente(user, gemeente, joining=sv):
            continue
        kept.add(gemeente.pk)
        if rij.inwonertal is None:
            continue
        known = (
            gemeente.inwonertallen.filter(peildatum__lte=formatie.peildatum)
            .order_by("-peildatum")
            .first()
        )
        if known is not None and known.aantal == rij.inwonertal:
            continue
        message = access.gemeente_refusal(gemeente, "het inwonertal te wijzigen")
        peildatum = _show(formatie.peildatum)
        if known is None:
            message += f" Er is geen inwonertal op of vóór {peildatum}."
        else:
            message += (
                f" Op {peildatum} telt {gemeente.naam} {_format_decimal(Decimal(known.aantal))} "
                "inwoners: neem dat getal over."
            )
        problems.cell(GEMEENTEN, rij.row, "inwonertal", message)
    if problems.messages:
        raise WerkboekFout(problems.messages)
    return kept


def _store(formatie: _Formatie, sv: Samenwerkingsverband, user) -> ImportResult:
    # One import at a time per samenwerkingsverband (a no-op on SQLite).
    locked = Samenwerkingsverband.objects.select_for_update().get(pk=sv.pk)
    peildatum = formatie.peildatum
    jaar = formatie.jaar

    # Gemeenten: reuse by name (case-insensitive), create what is missing.
    names = Q()
    for rij in formatie.gemeenten:
        names |= Q(naam__iexact=rij.naam)
    existing = {_key(g.naam): g for g in Gemeente.objects.filter(names)}
    _refuse_mistyped_gemeenten(formatie, existing)
    kept = _check_shared_gemeenten(formatie, sv, existing, user) if user is not None else set()
    gemeenten: dict[str, Gemeente] = {}
    nieuwe = []
    for rij in formatie.gemeenten:
        gemeente = existing.get(_key(rij.naam))
        if gemeente is None:
            gemeente = _save(Gemeente(naam=rij.naam), user)
            nieuwe.append(gemeente.naam)
        gemeenten[rij.naam] = gemeente
    deelnemers = list(sv.gemeenten.all())
    present = {g.pk for g in deelnemers}
    missing = [g for g in gemeenten.values() if g.pk not in present]
    if missing:
        if user is not None:
            sv._history_user = user
        sv.gemeenten.add(*missing)
    # Gemeenten are only added, never removed: leaving takes more than a workbook.
    imported = {g.pk for g in gemeenten.values()}
    waarschuwingen = [
        f"{g.naam} neemt deel aan {sv.afkorting} maar staat niet in het werkboek; "
        "de gemeente blijft deelnemer."
        for g in deelnemers
        if g.pk not in imported
    ]

    # Inwonertallen at the peildatum: the first fase's begin.
    stored = {
        i.gemeente_id: i
        for i in Inwonertal.objects.filter(gemeente__in=gemeenten.values(), peildatum=peildatum)
    }
    for rij in formatie.gemeenten:
        gemeente = gemeenten[rij.naam]
        if rij.inwonertal is None or gemeente.pk in kept:
            continue
        inwonertal = stored.get(gemeente.pk)
        if inwonertal is None:
            _save(
                Inwonertal(
                    gemeente=gemeente, peildatum=peildatum, aantal=rij.inwonertal, bron=BRON
                ),
                user,
            )
        elif inwonertal.aantal != rij.inwonertal:
            inwonertal.aantal = rij.inwonertal
            inwonertal.bron = BRON
            _save(inwonertal, user)

    # What the workbook does not hold survives for a rol or fase of the same name.
    old_rollen = {
        r.naam: (r.omschrijving, r.opmerking)
        for r in Rol.objects.filter(samenwerkingsverband=sv).only(
            "naam", "omschrijving", "opmerking"
        )
    }
    # A hired rol's hourly rates of later years (Nieuw begrotingsjaar) are not in the workbook.
    old_uurtarieven = [
        (u.rol.naam, u.rol.kostensoort, u.jaar, u.uurtarief, u.indexatie, u.bron)
        for u in Uurtarief.objects.filter(rol__samenwerkingsverband=sv, jaar__gt=jaar)
        .select_related("rol")
        .order_by("jaar")
    ]
    old_fasen = {
        f.naam: f.convenant_id
        for f in Fase.objects.filter(samenwerkingsverband=sv).only("naam", "convenant_id")
    }

    # Remove the old formation and keys.
    _delete_all(Bezetting.objects.filter(rol__samenwerkingsverband=sv), user)
    _delete_all(Rol.objects.filter(samenwerkingsverband=sv), user)
    _delete_all(Fase.objects.filter(samenwerkingsverband=sv), user)
    # The workbook holds one amount per schaal, for the first year: amounts of later years
    # (Nieuw begrotingsjaar) are not in it and stay.
    _delete_all(Salarisschaal.objects.filter(samenwerkingsverband=sv, jaar__lte=jaar), user)
    _delete_all(Verdeelsleutelaandeel.objects.filter(verdeelsleutel__samenwerkingsverband=sv), user)
    _delete_all(Verdeelsleutel.objects.filter(samenwerkingsverband=sv), user)

    fasen = {}
    for rij in formatie.fasen:
        fasen[rij.naam] = _save(
            Fase(
                samenwerkingsverband=sv,
                convenant_id=old_fasen.get(rij.naam),
                naam=rij.naam,
                begin=rij.begin,
                eind=rij.eind,
            ),
            user,
        )

    schalen = {}
    for rij in formatie.rollen:
        if rij.kostensoort == Kostensoort.SCHAAL:
            schalen.setdefault(rij.schaal, rij.jaarkosten_per_fte)
    for schaal, jaarkosten in sorted(schalen.items()):
        _save(
            Salarisschaal(
                samenwerkingsverband=sv, schaal=schaal, jaar=jaar, jaarkosten_per_fte=jaarkosten
            ),
            user,
        )

    bezettingen, rollen = 0, {}
    for volgorde, rij in enumerate(formatie.rollen, start=1):
        omschrijving, opmerking = old_rollen.get(rij.naam, ("", ""))
        rol = _save(
            Rol(
                samenwerkingsverband=sv,
                naam=rij.naam,
                volgorde=volgorde,
                omschrijving=omschrijving,
                opmerking=opmerking,
                structureel=rij.structureel,
                leverende_gemeente=gemeenten[rij.leverende_gemeente]
                if rij.leverende_gemeente
                else None,
                kostensoort=rij.kostensoort,
                schaal=rij.schaal,
                uurtarief=rij.uurtarief,
                uren_per_fte_per_maand=rij.uren_per_fte_per_maand,
                basisformatie=rij.basisformatie,
            ),
            user,
        )
        rollen[rol.naam] = rol
        amount_field = "fte" if rol.heeft_fte else "bedrag"
        for fase_naam, value in rij.bezetting.items():
            _save(Bezetting(rol=rol, fase=fasen[fase_naam], **{amount_field: value}), user)
            bezettingen += 1

    for naam, kostensoort, jaar_, uurtarief, indexatie, bron in old_uurtarieven:
        rol = rollen.get(naam)
        if rol is not None and rol.kostensoort == kostensoort:
            _save(
                Uurtarief(rol=rol, jaar=jaar_, uurtarief=uurtarief, indexatie=indexatie, bron=bron),
                user,
            )

    sleutel = _save(
        Verdeelsleutel(
            samenwerkingsverband=sv,
            vanaf_jaar=jaar,
            methode=formatie.methode,
            peildatum=peildatum if formatie.methode == Verdeelmethode.INWONERTAL else None,
            bron=BRON,
        ),
        user,
    )
    if formatie.methode == Verdeelmethode.VASTGESTELD:
        for rij in formatie.gemeenten:
            _save(
                Verdeelsleutelaandeel(
                    verdeelsleutel=sleutel, gemeente=gemeenten[rij.naam], percentage=rij.percentage
                ),
                user,
            )

    # The check every saved rol gets (Rol.ontbrekende_bedragen), once for the whole formation.
    stored = load_formatie(sv)
    namen = {r.id: r.naam for r in stored.rollen}
    for rol_id, missing in missing_per_rol(stored).items():
        waarschuwingen.append(f"{namen[rol_id]}: " + " ".join(o.tekst for o in missing))

    penvoerder = next((gemeenten[r.naam] for r in formatie.gemeenten if r.penvoerder), None)
    sv.penvoerder = penvoerder
    if locked.penvoerder_id != sv.penvoerder_id:
        if user is not None:
            sv._history_user = user
        sv.save(update_fields=["penvoerder"])

    return ImportResult(
        samenwerkingsverband=sv,
        gemeenten=len(formatie.gemeenten),
        fasen=len(formatie.fasen),
        rollen=len(formatie.rollen),
        bezettingen=bezettingen,
        verdeelmethode=formatie.methode,
        nieuwe_gemeenten=nieuwe,
        waarschuwingen=waarschuwingen,
    )


# --------------------------------------------------------------------------------------------
# Export
# --------------------------------------------------------------------------------------------


def _number(value: Decimal | None):
    """A Decimal for a cell: a whole number as int, otherwise without trailing zeros."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return value.normalize()


GEMEENTE_KINDS = [Kind.TEXT, Kind.NUMBER, Kind.PERCENTAGE, Kind.TEXT]
FASE_KINDS = [Kind.TEXT, Kind.DATE, Kind.DATE]
ROL_KINDS = [Kind.TEXT, Kind.TEXT, Kind.CODE, Kind.EURO, Kind.EURO, Kind.NUMBER, Kind.TEXT]
ROL_KINDS += [Kind.TEXT, Kind.FTE]


def _columns(names: list[str], kinds: list[Kind]) -> list[Column]:
    return [Column(header_label(n), k) for n, k in zip(names, kinds, strict=True)]


def header_label(column: str) -> str:
    """'jaarkosten_per_fte' -> 'Jaarkosten per fte': the import reads either (``_key``)."""
    text = column.replace("_", " ")
    return text[:1].upper() + text[1:]


def _write_sheet(workbook, title: str, columns: list[Column], rows: list[list], sv) -> None:
    """An import sheet, readable: the header stays in row 1 (the import reads it there), so
    the title stands above every printed page instead."""
    sheet = workbook.create_sheet(title)
    write_table(sheet, columns, rows, title=f"Formatie {sv.naam}: {title.lower()}")


def export_workbook(samenwerkingsverband: Samenwerkingsverband) -> bytes:
    """The formation of ``samenwerkingsverband`` as an .xlsx workbook that import reads back."""
    sv = samenwerkingsverband
    fasen = list(Fase.objects.filter(samenwerkingsverband=sv).order_by("begin", "naam"))
    rollen = list(
        Rol.objects.filter(samenwerkingsverband=sv)
        .select_related("leverende_gemeente")
        .prefetch_related("bezettingen")
        .order_by("volgorde", "naam")
    )
    salarisschalen = list(
        Salarisschaal.objects.filter(samenwerkingsverband=sv).order_by("schaal", "jaar")
    )
    sleutels = list(
        Verdeelsleutel.objects.filter(samenwerkingsverband=sv)
        .prefetch_related("aandelen__gemeente")
        .order_by("vanaf_jaar")
    )
    deelnemers = list(sv.gemeenten.all())
    first_year = fasen[0].begin.year if fasen else None

    # The key in force in the first fase's year (else the earliest).
    sleutel = None
    if sleutels:
        covering = [s for s in sleutels if first_year is None or s.covers(first_year)]
        sleutel = covering[-1] if covering else sleutels[0]

    # Which gemeenten: a vastgesteld key lists its own; otherwise the participants. Suppliers
    # and the penvoerder are always listed, since the roles refer to them.
    gemeenten: dict[int, Gemeente] = {}
    percentages: dict[int, Decimal] = {}
    if sleutel is not None and sleutel.methode == Verdeelmethode.VASTGESTELD:
        for aandeel in sleutel.aandelen.all():
            gemeenten[aandeel.gemeente_id] = aandeel.gemeente
            percentages[aandeel.gemeente_id] = aandeel.percentage
    else:
        gemeenten.update((g.pk, g) for g in deelnemers)
    for rol in rollen:
        if rol.leverende_gemeente:
            gemeenten.setdefault(rol.leverende_gemeente_id, rol.leverende_gemeente)
    if sv.penvoerder_id and sv.penvoerder_id not in gemeenten:
        gemeenten.update((g.pk, g) for g in Gemeente.objects.filter(pk=sv.penvoerder_id))

    if sleutel is not None and sleutel.methode == Verdeelmethode.INWONERTAL:
        peildatum = sleutel.peildatum
    else:
        peildatum = fasen[0].begin if fasen else None
    inwonertallen = Inwonertal.objects.filter(gemeente__in=list(gemeenten)).order_by("peildatum")
    if peildatum:
        inwonertallen = inwonertallen.filter(peildatum__lte=peildatum)
    latest = {i.gemeente_id: i.aantal for i in inwonertallen}

    gemeente_rows = []
    for gemeente in sorted(gemeenten.values(), key=lambda g: g.naam):
        percentage = None
        if sleutel is not None and sleutel.methode == Verdeelmethode.VASTGESTELD:
            percentage = _number(percentages.get(gemeente.pk, Decimal(0)))
        gemeente_rows.append(
            [
                gemeente.naam,
                latest.get(gemeente.pk),
                percentage,
                "ja" if gemeente.pk == sv.penvoerder_id else "nee",
            ]
        )

    fase_rows = [[f.naam, f.begin, f.eind] for f in fasen]

    def jaarkosten(schaal):
        candidates = [s for s in salarisschalen if s.schaal == schaal]
        if not candidates:
            return None
        before = [s for s in candidates if first_year is None or s.jaar <= first_year]
        return (before[-1] if before else candidates[0]).jaarkosten_per_fte

    rol_rows = []
    for rol in rollen:
        per_fase = {b.fase_id: b.fte if rol.heeft_fte else b.bedrag for b in rol.bezettingen.all()}
        kind = Kind.FTE if rol.heeft_fte else Kind.EURO
        rol_rows.append(
            [
                rol.naam,
                rol.kostensoort,
                rol.schaal if rol.kostensoort == Kostensoort.SCHAAL else None,
                _number(jaarkosten(rol.schaal))
                if rol.kostensoort == Kostensoort.SCHAAL and rol.schaal is not None
                else None,
                _number(rol.uurtarief) if rol.kostensoort == Kostensoort.UUR else None,
                _number(rol.uren_per_fte_per_maand),
                rol.leverende_gemeente.naam if rol.leverende_gemeente else None,
                "ja" if rol.structureel else "nee",
                _number(rol.basisformatie),
                *[Typed(_number(per_fase.get(f.pk)), kind) for f in fasen],
            ]
        )

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    _write_sheet(workbook, GEMEENTEN, _columns(GEMEENTE_COLUMNS, GEMEENTE_KINDS), gemeente_rows, sv)
    _write_sheet(workbook, FASEN, _columns(FASE_COLUMNS, FASE_KINDS), fase_rows, sv)
    fase_columns = [Column(f.naam, Kind.FTE) for f in fasen]
    _write_sheet(workbook, ROLLEN, _columns(ROL_COLUMNS, ROL_KINDS) + fase_columns, rol_rows, sv)
    output = BytesIO()
    workbook.save(output)
    return output.getvalue()
