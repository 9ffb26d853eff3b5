"""The workbook's columns, each defined once: this drives export, header check, parsing,
validation and storing.

A sheet (:class:`Blad`) is a list of columns (:class:`Kolom`). From a column follow:

- the export's header (``kop``: ``jaarkosten_per_fte`` becomes "Jaarkosten per fte") and its
  cell kind (``kind``, a ``regiekamer.spreadsheet.Kind``: Dutch number formats), and the
  cell's value (``schrijf``, by default the object's attribute ``veld``);
- the import's header check (a column that is not ``optioneel`` must be there; the import
  reads its header in any case, with spaces or underscores);
- parsing and validation of its cells (``lees``: one of the hooks below, which report every
  problem with sheet, row and column), and whether it holds for a row at all (``geldt``: a
  schaal only for a rol on salarisschaal; elsewhere the cell is read, checked and dropped);
- storing: a column with ``opslaan`` is the model field ``veld`` of the sheet's model
  (``Rol``, ``Fase``, ``Gemeente``); the others are stored by ``werkboek.opslaan`` itself
  (inwonertal, percentage, penvoerder, jaarkosten, leverende gemeente).

A new Rol column that is a field of ``Rol`` is one line in :data:`ROLLEN` (see README, Layout).
The fase columns of Rollen (one per fase, FTE or euros) follow the Fasen sheet.
"""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from formatie.constants import Kostensoort
from regiekamer.spreadsheet import Kind

from .cellen import INVALID, Lezer, Row, did_you_mean, is_empty, key, show

GEMEENTEN = "Gemeenten"
FASEN = "Fasen"
ROLLEN = "Rollen"

DEFAULT_UREN_PER_FTE_PER_MAAND = Decimal("156")

# Largest values the database columns hold (max_digits / decimal_places of the models).
MAX_FTE = Decimal("999.99")
MAX_BEDRAG = Decimal("9999999999.99")
MAX_JAARKOSTEN = Decimal("99999999.99")
MAX_UURTARIEF = Decimal("999999.99")
MAX_UREN = Decimal("9999.99")
MAX_PERCENTAGE = Decimal("100")
MAX_SCHAAL = 32767
MAX_INWONERTAL = 2147483647

# What an import reads at most per sheet (see werkboek.bestand for the file's own limits).
MAX_GEMEENTEN = 400
MAX_FASEN = 50
MAX_ROLLEN = 2000

KOSTENSOORTEN = {
    "schaal": Kostensoort.SCHAAL,
    "salarisschaal": Kostensoort.SCHAAL,
    "uur": Kostensoort.UUR,
    "inhuur": Kostensoort.UUR,
    "uurtarief": Kostensoort.UUR,
    "vast": Kostensoort.VAST,
    "vast bedrag": Kostensoort.VAST,
}


def header_label(column: str) -> str:
    """'jaarkosten_per_fte' -> 'Jaarkosten per fte': the import reads either (``key``)."""
    text = column.replace("_", " ")
    return text[:1].upper() + text[1:]


def number(value: Decimal | None):
    """A Decimal for a cell: a whole number as int, otherwise without trailing zeros."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return value.normalize()


def _always(_row) -> bool:
    return True


@dataclass(frozen=True)
class Kolom:
    naam: str  # the header as the import reads it
    kind: Kind  # the export's cell kind
    lees: Callable  # (lezer, row, kolom, rij so far) -> value, None or INVALID
    veld: str = ""  # the attribute of a parsed row and of the exported object; default naam
    optioneel: bool = False  # the import accepts a sheet without this column
    opslaan: bool = True  # stored as the field ``veld`` of the sheet's model
    geldt: Callable = _always  # (row or object) -> does this column hold for it?
    schrijf: Callable | None = None  # (object, context) -> the cell; default: its ``veld``

    @property
    def attr(self) -> str:
        return self.veld or self.naam

    @property
    def kop(self) -> str:
        return header_label(self.naam)

    def read(self, lezer: Lezer, row: Row, rij):
        value = self.lees(lezer, row, self, rij)
        if value is INVALID or self.geldt(rij):
            return value
        return None  # read and checked, but not for this row

    def write(self, obj, context):
        if not self.geldt(obj):
            return None
        value = self.schrijf(obj, context) if self.schrijf else getattr(obj, self.attr)
        if isinstance(value, bool):
            return "ja" if value else "nee"
        if isinstance(value, Decimal):
            return number(value)
        return value


@dataclass  # not frozen: a test adds a column to a sheet
class Blad:
    titel: str
    kolommen: tuple[Kolom, ...]
    max_rijen: int
    meervoud: str  # "rollen": the limit's message

    @property
    def koppen(self) -> list[str]:
        return [k.naam for k in self.kolommen]

    def velden(self, rij) -> dict:
        """The model fields a parsed row fills (the columns with ``opslaan``)."""
        return {k.attr: getattr(rij, k.attr) for k in self.kolommen if k.opslaan}

    def veldnamen(self) -> set[str]:
        return {k.attr for k in self.kolommen if k.opslaan}


# -- parse hooks: each reads and checks one cell ----------------------------------------------


def tekst(max_length: int, *, verplicht: bool = False, uniek: bool = False, leeg=None):
    """Text up to ``max_length``; ``leeg``: the value of an empty cell ("" for a model field
    that holds no NULL)."""

    def lees(lezer, row, kolom, rij):
        text = lezer.text(row, kolom.naam, required=verplicht, max_length=max_length, unique=uniek)
        return leeg if text is None else text

    return lees


def getal(maximum, *, geheel: bool = False, nodig: str | None = None, standaard=None):
    """A number >= 0 up to ``maximum``; ``nodig``: the message when it is empty in a row the
    column holds for (``geldt``); ``standaard``: the value of an empty cell."""

    def lees(lezer, row, kolom, rij):
        required = nodig if nodig and kolom.geldt(rij) else None
        if geheel:
            value = lezer.integer(row, kolom.naam, maximum=maximum, required_message=required)
        else:
            value = lezer.decimal(row, kolom.naam, maximum=maximum, required_message=required)
        return standaard if value is None else value

    return lees


def datum(lezer, row, kolom, rij):
    return lezer.date(row, kolom.naam)


def ja_nee(leeg: bool | None):
    def lees(lezer, row, kolom, rij):
        return lezer.yes_no(row, kolom.naam, empty=leeg)

    return lees


def kostensoort(lezer, row, kolom, rij):
    raw = row.get(kolom.naam).value
    if raw is INVALID:
        return INVALID
    if is_empty(raw):
        return lezer.error(row, kolom.naam, "is leeg; kies schaal, uur of vast.")
    soort = KOSTENSOORTEN.get(key(raw))
    if soort is None:
        return lezer.error(
            row, kolom.naam, f'"{show(raw)}" is geen kostensoort; kies schaal, uur of vast.'
        )
    return soort


def gemeente_uit_blad(lezer, row, kolom, rij):
    """A gemeente named on the Gemeenten sheet (as written there), with a suggestion."""
    naam = lezer.text(row, kolom.naam, required=False, max_length=100)
    gemeenten = lezer.context.get("gemeenten")
    if naam in (None, INVALID) or gemeenten is None:
        return naam
    if key(naam) in gemeenten:
        return gemeenten[key(naam)]
    return lezer.error(
        row,
        kolom.naam,
        f'"{naam}" staat niet in het werkblad Gemeenten.' + did_you_mean(naam, gemeenten.values()),
    )


def op_schaal(rij) -> bool:
    return rij.kostensoort == Kostensoort.SCHAAL


def ingehuurd(rij) -> bool:
    return rij.kostensoort == Kostensoort.UUR


# -- the three sheets --------------------------------------------------------------------------

GEMEENTEN_BLAD = Blad(
    GEMEENTEN,
    (
        Kolom("gemeente", Kind.TEXT, tekst(100, verplicht=True, uniek=True), veld="naam"),
        Kolom("inwonertal", Kind.NUMBER, getal(MAX_INWONERTAL, geheel=True), opslaan=False),
        Kolom("percentage", Kind.PERCENTAGE, getal(MAX_PERCENTAGE), opslaan=False),
        Kolom("penvoerder", Kind.TEXT, ja_nee(False), opslaan=False),
    ),
    MAX_GEMEENTEN,
    "gemeenten",
)

FASEN_BLAD = Blad(
    FASEN,
    (
        Kolom("fase", Kind.TEXT, tekst(100, verplicht=True, uniek=True), veld="naam"),
        Kolom("begin", Kind.DATE, datum),
        Kolom("eind", Kind.DATE, datum),
    ),
    MAX_FASEN,
    "fasen",
)

ROLLEN_BLAD = Blad(
    ROLLEN,
    (
        Kolom("rol", Kind.TEXT, tekst(200, verplicht=True, uniek=True), veld="naam"),
        Kolom("kostensoort", Kind.TEXT, kostensoort),
        Kolom(
            "schaal",
            Kind.CODE,
            getal(
                MAX_SCHAAL, geheel=True, nodig="een rol op salarisschaal heeft een schaal nodig."
            ),
            geldt=op_schaal,
        ),
        Kolom(
            "jaarkosten_per_fte",
            Kind.EURO,
            getal(
                MAX_JAARKOSTEN,
                nodig="een rol op salarisschaal heeft integrale jaarkosten per fte nodig.",
            ),
            opslaan=False,  # one amount per schaal: a Salarisschaal
            geldt=op_schaal,
            schrijf=lambda rol, context: context.jaarkosten(rol.schaal),
        ),
        Kolom(
            "uurtarief",
            Kind.EURO,
            getal(MAX_UURTARIEF, nodig="een ingehuurde rol (uur) heeft een uurtarief nodig."),
            geldt=ingehuurd,
        ),
        Kolom(
            "uren_per_fte_per_maand",
            Kind.NUMBER,
            getal(MAX_UREN, standaard=DEFAULT_UREN_PER_FTE_PER_MAAND),
        ),
        Kolom(
            "leverende_gemeente",
            Kind.TEXT,
            gemeente_uit_blad,
            opslaan=False,  # a name here, a Gemeente in the database
            schrijf=lambda rol, context: (
                rol.leverende_gemeente.naam if rol.leverende_gemeente else None
            ),
        ),
        Kolom("structureel", Kind.TEXT, ja_nee(None)),
        Kolom("basisformatie", Kind.FTE, getal(MAX_FTE), optioneel=True),
    ),
    MAX_ROLLEN,
    "rollen",
)

BLADEN = (GEMEENTEN_BLAD, FASEN_BLAD, ROLLEN_BLAD)
