"""Reading one cell of an untrusted workbook: every value checked, every problem in Dutch.

A :class:`Lezer` reads the cells of one sheet and reports each problem with sheet, row and
column (``Rollen, rij 4, kolom "uurtarief": ...``); a cell that cannot be read gives
:data:`INVALID`, so one bad cell never hides the problems of the others.
"""

import difflib
import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from regiekamer.getallen import Getalfout, kort, parse_number

YES = {"ja", "j", "yes", "y", "waar", "true", "1", "x"}
NO = {"nee", "n", "no", "onwaar", "false", "0"}
EMPTY_MARKERS = {"", "-", "–", "—"}
CENT = Decimal("0.01")


class WerkboekFout(Exception):
    """The workbook cannot be imported; ``problems`` lists every reason, in Dutch."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


class _Invalid:
    """Marks a cell that could not be read; its problem has already been reported."""

    def __repr__(self):
        return "INVALID"


INVALID = _Invalid()


def key(text) -> str:
    """Header / name key: case-insensitive, trimmed, underscores and spaces alike."""
    return " ".join(str(text).replace("_", " ").split()).casefold()


def is_empty(value) -> bool:
    return value is None or (isinstance(value, str) and value.strip() in EMPTY_MARKERS)


def format_decimal(value: Decimal) -> str:
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


def show(value) -> str:
    """A cell value as the user would recognise it in a message."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return f"{value.day}-{value.month}-{value.year}"
    if isinstance(value, bool):
        return "WAAR" if value else "ONWAAR"
    if isinstance(value, int | float | Decimal):
        try:
            return kort(format_decimal(Decimal(str(value))))
        except InvalidOperation:
            return kort(str(value))
    return kort(str(value).strip())


def float_to_decimal(value: float) -> Decimal:
    """Via str, never binary; 0.30000000000000004 from a formula becomes 0.3."""
    number = Decimal(str(value))
    if number.as_tuple().exponent < -10:
        number = number.quantize(Decimal("1e-10")).normalize()
    return number


def did_you_mean(naam: str, known) -> str:
    """ " Bedoelt u Weert?" for a name close to a known one ("Weerd"), else ""."""
    by_key = {key(k): k for k in known}
    match = difflib.get_close_matches(key(naam), list(by_key), n=1, cutoff=0.8)
    return f" Bedoelt u {by_key[match[0]]}?" if match else ""


DATE_PATTERNS = [
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?$"), (1, 2, 3)),
    (re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$"), (3, 2, 1)),
]


def parse_date_text(text: str) -> date | None:
    text = text.strip()
    for pattern, (y, m, d) in DATE_PATTERNS:
        match = pattern.match(text)
        if match:
            try:
                return date(int(match.group(y)), int(match.group(m)), int(match.group(d)))
            except ValueError:
                return None
    return None


@dataclass
class Cell:
    value: object
    number_format: str = "General"


@dataclass
class Row:
    number: int
    cells: dict[str, Cell]

    def get(self, column: str) -> Cell:
        return self.cells.get(key(column), Cell(None))


@dataclass
class Sheet:
    title: str
    headers: dict[str, str]  # key -> header text as written
    rows: list[Row]


class Problems:
    def __init__(self):
        self.messages: list[str] = []

    def add(self, message: str) -> None:
        self.messages.append(message)

    def cell(self, sheet: str, row: int, column: str, message: str) -> None:
        self.add(f'{sheet}, rij {row}, kolom "{column}": {message}')

    def column(self, sheet: str, column: str, message: str) -> None:
        self.add(f'{sheet}, kolom "{column}": {message}')


class Lezer:
    """Parses cells of one sheet, reporting each problem with sheet, row and column.

    ``context`` carries what a column's check needs from another sheet (the gemeenten's
    names, for the leverende gemeente of a rol)."""

    def __init__(self, sheet: str, problems: Problems, context: dict | None = None):
        self.sheet = sheet
        self.problems = problems
        self.context = context or {}
        self.seen: dict[str, dict[str, int]] = {}  # column key -> name key -> first row

    def error(self, row: Row, column: str, message: str) -> _Invalid:
        self.problems.cell(self.sheet, row.number, column, message)
        return INVALID

    def text(
        self, row: Row, column: str, *, required: bool, max_length: int, unique: bool = False
    ) -> str | None:
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
            value = show(value)
        text = " ".join(str(value).split())
        if len(text) > max_length:
            return self.error(row, column, f'"{text}" is te lang (hoogstens {max_length} tekens).')
        if unique:
            seen = self.seen.setdefault(key(column), {})
            if key(text) in seen:
                return self.error(row, column, f'"{text}" staat al op rij {seen[key(text)]}.')
            seen[key(text)] = row.number
        return text

    def decimal(
        self,
        row: Row,
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
        if is_empty(value):
            if required_message:
                return self.error(row, column, f"is leeg; {required_message}")
            return None
        shown = show(value)
        if isinstance(value, bool | datetime | date):
            return self.error(row, column, f'"{shown}" is geen getal.')
        if isinstance(value, int):
            number = Decimal(value)
        elif isinstance(value, float):
            number = float_to_decimal(value)
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
                row, column, f'"{shown}" is te groot (hoogstens {format_decimal(maximum)}).'
            )
        if whole and number != number.to_integral_value():
            return self.error(row, column, f'"{shown}" is geen geheel getal.')
        if number != number.quantize(CENT):
            return self.error(row, column, f'"{shown}" heeft meer dan twee decimalen.')
        if whole:
            return Decimal(int(number))
        return number

    def integer(self, row: Row, column: str, *, maximum: int, **kwargs) -> int | None:
        number = self.decimal(row, column, maximum=Decimal(maximum), whole=True, **kwargs)
        if number is None or number is INVALID:
            return number
        return int(number)

    def date(self, row: Row, column: str) -> date | None:
        value = row.get(column).value
        if value is INVALID:
            return INVALID
        if is_empty(value):
            return self.error(row, column, "is leeg; vul een datum in.")
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        parsed = parse_date_text(str(value)) if isinstance(value, str) else None
        if parsed is None:
            return self.error(
                row,
                column,
                f'"{show(value)}" is geen datum; schrijf bijvoorbeeld 1-9-2016 of 2016-09-01.',
            )
        return parsed

    def yes_no(self, row: Row, column: str, *, empty: bool | None) -> bool | None:
        value = row.get(column).value
        if value is INVALID or isinstance(value, bool):
            return value
        if is_empty(value):
            if empty is None:
                return self.error(row, column, "is leeg; vul ja of nee in.")
            return empty
        text = key(show(value))
        if text in YES:
            return True
        if text in NO:
            return False
        return self.error(row, column, f'"{show(value)}" is geen ja of nee.')
