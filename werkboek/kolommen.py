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
  (``Rol``, ``Fase``, ``Gemeente``, ``Pakket``); the others are stored by ``werkboek.opslaan``
  itself (inwonertal, percentage, penvoerder, jaarkosten, leverende gemeente, pakket of a rol,
  deelnemers of a pakket).

A sheet that is not ``verplicht`` may be left out of the workbook (Pakketten: a
samenwerkingsverband with only its basispakket).

A new Rol column that is a field of ``Rol`` is one line in :data:`ROLLEN` (see README, Layout).
The fase columns of Rollen (one per fase, FTE or euros) follow the Fasen sheet.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from formatie.constants import Kostensoort, Pakketsoort, Pakketverdeling
from regiekamer.spreadsheet import Kind

from .cellen import INVALID, Lezer, Row, did_you_mean, is_empty, key, show

GEMEENTEN = "Gemeenten"
FASEN = "Fasen"
ROLLEN = "Rollen"
PAKKETTEN = "Pakketten"

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
MAX_PAKKETTEN = 200
# The begrotingsjaren a deelname may name (a year outside is a typing error).
MIN_JAAR = 1900
MAX_JAAR = 2200

KOSTENSOORTEN = {
    "schaal": Kostensoort.SCHAAL,
    "salarisschaal": Kostensoort.SCHAAL,
    "uur": Kostensoort.UUR,
    "inhuur": Kostensoort.UUR,
    "uurtarief": Kostensoort.UUR,
    "vast": Kostensoort.VAST,
    "vast bedrag": Kostensoort.VAST,
}

PAKKETSOORTEN = {
    "basis": Pakketsoort.BASIS,
    "basispakket": Pakketsoort.BASIS,
    "plus": Pakketsoort.PLUS,
    "pluspakket": Pakketsoort.PLUS,
    "module": Pakketsoort.PLUS,
}

VERDELINGEN = {
    "inwoners": Pakketverdeling.INWONERS,
    "inwonertal": Pakketverdeling.INWONERS,
    "gelijk": Pakketverdeling.GELIJK,
    "gelijke delen": Pakketverdeling.GELIJK,
    "een": Pakketverdeling.EEN,
    "één": Pakketverdeling.EEN,
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
    verplicht: bool = True  # False: the workbook may leave the sheet out

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


def datum_of_leeg(lezer, row, kolom, rij):
    if is_empty(row.get(kolom.naam).value):
        return None
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


def keuze(opties: dict, uitleg: str, *, leeg_mag: bool = False):
    """One of ``opties`` (their keys, case-insensitive); ``uitleg``: "kies basis of plus"."""

    def lees(lezer, row, kolom, rij):
        raw = row.get(kolom.naam).value
        if raw is INVALID:
            return INVALID
        if is_empty(raw):
            return None if leeg_mag else lezer.error(row, kolom.naam, f"is leeg; {uitleg}.")
        value = opties.get(key(show(raw)))
        if value is None:
            return lezer.error(row, kolom.naam, f'"{show(raw)}" kan niet; {uitleg}.')
        return value

    return lees


def pakket_uit_blad(lezer, row, kolom, rij):
    """A pakket named on the Pakketten sheet (as written there); without that sheet the name is
    checked against the samenwerkingsverband's own pakketten when the workbook is stored."""
    naam = lezer.text(row, kolom.naam, required=False, max_length=200)
    pakketten = lezer.context.get("pakketten")
    if naam in (None, INVALID) or pakketten is None:
        return naam
    if key(naam) in pakketten:
        return pakketten[key(naam)]
    return lezer.error(
        row,
        kolom.naam,
        f'"{naam}" staat niet in het werkblad Pakketten; laat de cel leeg voor het '
        "basispakket." + did_you_mean(naam, pakketten.values()),
    )


@dataclass(frozen=True)
class Deelname:
    """A gemeente in a pluspakket, in the begrotingsjaren ``vanaf`` to ``tot`` (None: open)."""

    gemeente: str
    vanaf: int | None = None
    tot: int | None = None

    def tekst(self) -> str:
        """As the cell writes it: "Leudal (2017–2018)", "Weert (vanaf 2018)", "Weert"."""
        if self.vanaf is not None and self.tot is not None:
            periode = str(self.vanaf) if self.vanaf == self.tot else f"{self.vanaf}–{self.tot}"
        elif self.vanaf is not None:
            periode = f"vanaf {self.vanaf}"
        elif self.tot is not None:
            periode = f"tot en met {self.tot}"
        else:
            return self.gemeente
        return f"{self.gemeente} ({periode})"

    def overlaps(self, other: "Deelname") -> bool:
        low = max(self.vanaf or MIN_JAAR, other.vanaf or MIN_JAAR)
        high = min(self.tot or MAX_JAAR, other.tot or MAX_JAAR)
        return low <= high

    def eerste_jaar_met(self, other: "Deelname") -> int:
        return max(self.vanaf or MIN_JAAR, other.vanaf or MIN_JAAR)


# A name, perhaps followed by its years in brackets (the name itself may hold brackets:
# "Bergen (L.)", "Bergen (L.) (vanaf 2018)").
_DEELNAME = re.compile(r"^(?P<naam>.+?)\s*\((?P<periode>[^()]*)\)$")
_JAAR = r"(\d{1,6})"
_PERIODEN = [
    (re.compile(rf"^{_JAAR}\s*[-–—]\s*{_JAAR}$"), (1, 2)),
    (re.compile(rf"^(?:vanaf|van)\s+{_JAAR}$"), (1, None)),
    (re.compile(rf"^(?:tot en met|t/m|tm)\s+{_JAAR}$"), (None, 1)),
    (re.compile(rf"^{_JAAR}$"), (1, 1)),
]
PERIODE_UITLEG = (
    'schrijf bijvoorbeeld "Leudal (2017–2018)", "Weert (vanaf 2018)" of '
    '"Nederweert (tot en met 2017)".'
)


def _periode(text: str):
    """(vanaf, tot) of a period in words, or None when it cannot be read."""
    text = " ".join(text.split()).casefold()
    for pattern, (van, tot) in _PERIODEN:
        match = pattern.match(text)
        if match:
            return (
                int(match.group(van)) if van else None,
                int(match.group(tot)) if tot else None,
            )
    return None


def deelnemers(lezer, row, kolom, rij):
    """The gemeenten of a pluspakket, separated by ";", each perhaps with its years; every
    gemeente on the Gemeenten sheet, its years readable and in order, no gemeente twice in one
    year. Empty: every gemeente (an empty list)."""
    raw = row.get(kolom.naam).value
    if raw is INVALID:
        return INVALID
    if is_empty(raw):
        return []
    if not isinstance(raw, str):
        return lezer.error(row, kolom.naam, f'"{show(raw)}" is geen lijst van gemeenten.')
    if len(raw) > 5000:
        return lezer.error(row, kolom.naam, "is te lang (hoogstens 5.000 tekens).")
    gemeenten = lezer.context.get("gemeenten")
    found: list[Deelname] = []
    problems = []
    for part in raw.split(";"):
        if not part.strip():
            continue
        naam, periode = " ".join(part.split()), (None, None)
        match = _DEELNAME.match(naam)
        if match is not None and (gemeenten is None or key(naam) not in gemeenten):
            periode = _periode(match.group("periode"))
            if periode is not None:
                naam = match.group("naam")
            elif gemeenten is None or key(match.group("naam")) in gemeenten:
                problems.append(
                    f'"{show(part)}": "{show(match.group("periode"))}" is geen periode; '
                    + PERIODE_UITLEG
                )
                continue
            else:  # brackets of a name the Gemeenten sheet does not hold ("Bergen (L.)")
                periode = (None, None)
        vanaf, tot = periode
        wrong = [j for j in periode if j is not None and not MIN_JAAR <= j <= MAX_JAAR]
        if wrong:
            problems.append(
                f'"{show(part)}": {wrong[0]} is geen begrotingsjaar '
                f"(tussen {MIN_JAAR} en {MAX_JAAR})."
            )
            continue
        if vanaf is not None and tot is not None and tot < vanaf:
            problems.append(f'"{show(part)}": het eindjaar {tot} ligt vóór het beginjaar {vanaf}.')
            continue
        if gemeenten is not None:
            if key(naam) not in gemeenten:
                problems.append(
                    f'"{naam}" staat niet in het werkblad Gemeenten.'
                    + did_you_mean(naam, gemeenten.values())
                )
                continue
            naam = gemeenten[key(naam)]
        deelname = Deelname(naam, vanaf, tot)
        twice = next(
            (d for d in found if key(d.gemeente) == key(naam) and d.overlaps(deelname)), None
        )
        if twice is not None:
            problems.append(
                f"{naam} staat er twee keer in voor {twice.eerste_jaar_met(deelname)}"
                f' ("{twice.tekst()}" en "{deelname.tekst()}").'
                if twice.vanaf or deelname.vanaf
                else f"{naam} staat er twee keer in."
            )
            continue
        found.append(deelname)
    if problems:
        return lezer.error(row, kolom.naam, " ".join(problems))
    return found


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
        Kolom(
            "pakket",
            Kind.TEXT,
            pakket_uit_blad,
            optioneel=True,  # without it: every rol in the basispakket
            opslaan=False,  # a name here, a Pakket in the database
            schrijf=lambda rol, context: rol.pakket.naam if rol.pakket else None,
        ),
    ),
    MAX_ROLLEN,
    "rollen",
)


def is_plus(rij) -> bool:
    return rij.soort == Pakketsoort.PLUS


PAKKETTEN_BLAD = Blad(
    PAKKETTEN,
    (
        Kolom("pakket", Kind.TEXT, tekst(200, verplicht=True, uniek=True), veld="naam"),
        Kolom(
            "soort",
            Kind.TEXT,
            keuze(PAKKETSOORTEN, "kies basis of plus"),
        ),
        Kolom(
            "verdeling",
            Kind.TEXT,
            keuze(VERDELINGEN, "kies inwoners, gelijk of een", leeg_mag=True),
            schrijf=lambda pakket, context: pakket.verdeling or None,
        ),
        Kolom(
            "deelnemers",
            Kind.TEXT,
            deelnemers,
            opslaan=False,  # Pakketdeelname rows
            schrijf=lambda pakket, context: context.deelnemers(pakket),
        ),
        Kolom("peildatum", Kind.DATE, datum_of_leeg, optioneel=True),
        Kolom(
            "omschrijving",
            Kind.TEXT,
            tekst(2000),
            optioneel=True,
            opslaan=False,  # empty: the omschrijving stays
            schrijf=lambda pakket, context: pakket.omschrijving or None,
        ),
    ),
    MAX_PAKKETTEN,
    "pakketten",
    verplicht=False,
)

BLADEN = (GEMEENTEN_BLAD, FASEN_BLAD, ROLLEN_BLAD, PAKKETTEN_BLAD)
