"""Werkelijke kosten (Realisatie): typed per year in the grid, or read from a file of the
financial administration.

- ``save_jaar(sv, jaar, invoer)``: the grid's year in one transaction; an empty amount deletes
  the rol-year's row.
- ``lees_bestand(file, naam, sv)``: an XLSX or CSV with the columns ``jaar, rol, bedrag`` and
  optionally ``gedragen_door, toelichting, bron``, read as hostile input: size limit, type by
  content (never by name), NUL bytes, formulas, absurd numbers, missing columns, names that are
  not this samenwerkingsverband's. Every problem is collected, in Dutch, with sheet, row and
  column; a file with any problem raises :class:`RealisatieFout` and nothing is saved.
- ``importeer(sv, regels)``: the rows of a correct file in one transaction; a row for a rol-year
  that already has werkelijke kosten replaces it (an optional column the file lacks leaves that
  field as it was). The summary counts new and changed rows.
"""

from __future__ import annotations

import csv
import difflib
import io
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

import openpyxl
from django.db import transaction
from openpyxl.utils import get_column_letter

from formatie.models import Rol
from partijen.models import Gemeente, Samenwerkingsverband
from regiekamer.getallen import BEDRAG, Getalfout, format_number, kort, parse_number
from regiekamer.opmaak import format_decimal
from regiekamer.spreadsheet import FORMULA_START, csv_text
from regiekamer.uploads import (
    ZIP_ERRORS,
    RowsBeyondLimit,
    detect_type,
    max_upload_bytes,
    rows_beyond_message,
    sheet_rows,
    too_large_message,
)

from .models import MAX_JAAR, MIN_JAAR, SCENARIO_REALISATIE, Realisatie

SCENARIO = SCENARIO_REALISATIE
MAX_BEDRAG = Decimal("100000000")  # € 100 miljoen for one rol in one year: surely a typo
MAX_RIJEN = 5000
MAX_KOLOMMEN = 50
MAX_UITGEPAKT = 20 * 1024 * 1024
MAX_COMPRESSIE = 100
MAX_ONDERDELEN = 1000
KOLOMMEN = ("jaar", "rol", "bedrag")
OPTIONEEL = ("gedragen_door", "toelichting", "bron")
BLAD = "Realisatie"
FORMULE_TEKENS = ("=", "+", "@")


class RealisatieFout(Exception):
    """The file cannot be imported; ``problems`` lists every reason, in Dutch."""

    def __init__(self, problems: list[str], in_bestand: bool = True):
        self.problems = list(problems)
        # False: nothing was wrong inside the file (it is missing, too large, or the
        # samenwerkingsverband is a scenario), so the message does not blame its content.
        self.in_bestand = in_bestand
        super().__init__("\n".join(self.problems))

    @property
    def kop(self) -> str:
        if self.in_bestand:
            return "Niets ingelezen: het bestand bevat fouten."
        return "Niets ingelezen."


# --------------------------------------------------------------------------------------------
# The grid: one year
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Invoer:
    """What the grid says of one rol in the year: no bedrag means no row."""

    bedrag: Decimal | None
    gedragen_door: Gemeente | None = None
    toelichting: str = ""


@dataclass
class Samenvatting:
    nieuw: int = 0
    gewijzigd: int = 0
    verwijderd: int = 0
    ongewijzigd: int = 0

    def tekst(self, wat: str) -> str:
        if not (self.nieuw or self.gewijzigd or self.verwijderd):
            return f"Geen wijzigingen in {wat}; er is niets opgeslagen."
        delen = []
        for aantal, woord in (
            (self.nieuw, "nieuw"),
            (self.gewijzigd, "gewijzigd"),
            (self.verwijderd, "verwijderd (bedrag leeggemaakt)"),
        ):
            if aantal:
                delen.append(f"{aantal} {woord}")
        return f"Opgeslagen: werkelijke kosten {wat}: {', '.join(delen)}."


def jaren(plan_jaren, sv: Samenwerkingsverband) -> list[int]:
    """The years the grid offers: the plan's years and every year with werkelijke kosten."""
    bestaand = Realisatie.objects.filter(samenwerkingsverband=sv).values_list("jaar", flat=True)
    return sorted(set(plan_jaren) | set(bestaand))


def drager_volgens_plan(rol: Rol, sv: Samenwerkingsverband) -> str:
    """Who bears a rol's costs by the plan's rule: the leverende gemeente, else the penvoerder."""
    if rol.leverende_gemeente_id:
        return rol.leverende_gemeente.naam
    if sv.penvoerder_id:
        return f"{sv.penvoerder.naam} (penvoerder)"
    return "niet toegewezen"


def stand(realisatie: Realisatie | None) -> str:
    """A rol-year as the grid opened it (hidden in the form): bedrag|gemeente|toelichting."""
    if realisatie is None:
        return "||"
    bedrag = f"{Decimal(realisatie.bedrag).quantize(Decimal('0.01'))}"
    return f"{bedrag}|{realisatie.gedragen_door_id or ''}|{realisatie.toelichting}"


def stand_van(invoer: Invoer) -> str:
    if invoer.bedrag is None:
        return "||"
    bedrag = f"{invoer.bedrag.quantize(Decimal('0.01'))}"
    drager = invoer.gedragen_door.pk if invoer.gedragen_door else ""
    return f"{bedrag}|{drager}|{invoer.toelichting}"


class Conflict(Exception):
    """Someone else changed a rol-year the user changed since the page was opened; nothing
    is saved. ``meldingen`` names rol, what it is now and who (from the history)."""

    def __init__(self, meldingen: list[str], rollen: set[int]):
        self.meldingen, self.rollen = meldingen, rollen
        super().__init__("\n".join(meldingen))


def _conflict_melding(rol: Rol, jaar: int, nu: Realisatie | None) -> str:
    from regiekamer.versioning import who_and_when

    record = (
        Realisatie.history.filter(rol_id=rol.pk, jaar=jaar)
        .select_related("history_user")
        .order_by("-history_date", "-history_id")
        .first()
    )
    door = f" ({who_and_when(record)})" if record is not None else ""
    if nu is None:
        waarde = "nu leeg (verwijderd)"
    else:
        waarde = f"nu € {format_decimal(nu.bedrag, 2, trailing_zeros=True)}"
    return f"{rol.naam} {jaar}: iemand anders heeft dit intussen gewijzigd{door}; {waarde}."


@transaction.atomic
def save_jaar(
    sv: Samenwerkingsverband,
    jaar: int,
    invoer: dict[int, Invoer],
    geopend: dict[int, str] | None = None,
) -> Samenvatting:
    """Write the year's werkelijke kosten of the rollen in ``invoer`` (rol id -> Invoer).

    ``geopend``: per rol id how the page showed it (:func:`stand`); a rol whose row changed
    since then refuses the whole save with :class:`Conflict` (nothing saved)."""
    if sv.is_scenario:
        raise ValueError(SCENARIO)
    rollen = {r.pk: r for r in Rol.objects.filter(samenwerkingsverband=sv, pk__in=list(invoer))}
    bestaand = {
        r.rol_id: r
        for r in Realisatie.objects.select_for_update().filter(
            samenwerkingsverband=sv, jaar=jaar, rol_id__in=list(rollen)
        )
    }
    conflicten = [
        rol_id
        for rol_id, opened in (geopend or {}).items()
        if rol_id in invoer and rol_id in rollen and stand(bestaand.get(rol_id)) != opened
    ]
    if conflicten:
        meldingen = [_conflict_melding(rollen[r], jaar, bestaand.get(r)) for r in conflicten]
        raise Conflict(meldingen, set(conflicten))
    samenvatting = Samenvatting()
    for rol_id, regel in invoer.items():
        if rol_id not in rollen:
            raise ValueError(f"Rol {rol_id} hoort niet bij {sv.afkorting}.")
        oud = bestaand.get(rol_id)
        if regel.bedrag is None:
            if oud is not None:
                oud.delete()
                samenvatting.verwijderd += 1
            continue
        drager_id = regel.gedragen_door.pk if regel.gedragen_door else None
        if oud is None:
            rij = Realisatie(samenwerkingsverband=sv, rol=rollen[rol_id], jaar=jaar)
            samenvatting.nieuw += 1
        elif (oud.bedrag, oud.gedragen_door_id, oud.toelichting) == (
            regel.bedrag,
            drager_id,
            regel.toelichting,
        ):
            samenvatting.ongewijzigd += 1
            continue
        else:
            rij = oud
            samenvatting.gewijzigd += 1
        rij.bedrag = regel.bedrag
        rij.gedragen_door_id = drager_id
        rij.toelichting = regel.toelichting
        rij.full_clean()
        rij.save()
    return samenvatting


# --------------------------------------------------------------------------------------------
# The file
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Regel:
    """One correct row of an imported file."""

    rij: int
    jaar: int
    rol: Rol
    bedrag: Decimal
    gedragen_door: Gemeente | None = None
    toelichting: str = ""
    bron: str = ""
    # The optional columns the file has: a column it lacks leaves that field of an existing
    # rol-year as it was (an export of jaar, rol, bedrag never wipes a typed toelichting).
    kolommen: frozenset = frozenset(OPTIONEEL)


@dataclass
class _Tabel:
    """A sheet or CSV: its name in messages and its non-empty rows (number, cell values)."""

    naam: str  # 'Blad "Realisatie"' or 'Bestand kosten.csv'
    rijen: list[tuple[int, list]] = field(default_factory=list)


def _key(text) -> str:
    return " ".join(str(text).replace("_", " ").split()).casefold()


def _read_bytes(file) -> bytes:
    limit = max_upload_bytes()
    if isinstance(file, bytes | bytearray):
        data = bytes(file)
    elif isinstance(file, str | Path):
        path = Path(file)
        if not path.is_file():
            raise RealisatieFout([f"Het bestand {path} bestaat niet."], in_bestand=False)
        if path.stat().st_size > limit:
            raise RealisatieFout([too_large_message()], in_bestand=False)
        data = path.read_bytes()
    else:
        size = getattr(file, "size", None)
        if size is not None and size > limit:
            raise RealisatieFout([too_large_message()], in_bestand=False)
        file.seek(0)
        data = file.read(limit + 1)
    if len(data) > limit:
        raise RealisatieFout([too_large_message()], in_bestand=False)
    return data


NIET_LEESBAAR = (
    "Dit bestand is geen Excel-werkboek (.xlsx) en geen CSV-bestand met tekst; er is niets "
    "ingelezen."
)


def _check_zip(data: bytes) -> None:
    found = detect_type(io.BytesIO(data))
    if found is None or found.key != "xlsx":
        raise RealisatieFout(
            [
                "Dit is geen leesbaar Excel-werkboek (.xlsx; een werkboek met macro's wordt niet "
                "ingelezen)."
            ]
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except ZIP_ERRORS as exc:
        raise RealisatieFout([NIET_LEESBAAR]) from exc
    if len(parts) > MAX_ONDERDELEN or sum(p.file_size for p in parts) > MAX_UITGEPAKT:
        raise RealisatieFout(["Het werkboek is uitgepakt te groot; het wordt niet ingelezen."])
    for part in parts:
        if part.file_size > 1024 * 1024 and part.file_size > MAX_COMPRESSIE * max(
            part.compress_size, 1
        ):
            raise RealisatieFout(
                ["Het werkboek is verdacht sterk ingepakt; het wordt niet ingelezen."]
            )


def _xlsx_tabel(data: bytes) -> _Tabel:
    """The sheet "Realisatie"; else the first sheet with the columns jaar, rol and bedrag (a
    cover sheet or notes before it are passed over); else the first sheet (its problems told)."""
    _check_zip(data)
    try:
        values = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        formulas = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise RealisatieFout([NIET_LEESBAAR]) from exc
    try:
        if not values.worksheets or len(formulas.worksheets) != len(values.worksheets):
            raise RealisatieFout(
                [
                    "Het werkboek heeft geen werkblad met rijen (alleen grafieken?); er is niets "
                    "ingelezen."
                ]
            )
        volgorde = list(range(len(values.worksheets)))
        for i, sheet in enumerate(values.worksheets):
            if _key(sheet.title) == _key(BLAD):
                volgorde = [i]
                break
        eerste = None
        for index in volgorde:
            tabel = _blad_tabel(values.worksheets[index], formulas.worksheets[index])
            if _kop_index(tabel.rijen) is not None:
                return tabel
            eerste = eerste or tabel
        return eerste
    finally:
        values.close()
        formulas.close()


def _blad_tabel(sheet, formula_sheet) -> _Tabel:
    tabel = _Tabel(f'Blad "{sheet.title}"')
    try:
        for number, cells, fcells in sheet_rows(sheet, formula_sheet, MAX_KOLOMMEN + 1):
            row = []
            for cell, fcell in zip(cells, fcells, strict=True):
                if fcell.data_type == "f" and cell.value is None:
                    row.append(_ZonderWaarde())
                else:
                    row.append(cell.value)
            if all(_leeg(v) for v in row):
                continue  # an empty row never counts, nor ends the reading
            tabel.rijen.append((number, row))
            if len(tabel.rijen) > MAX_RIJEN + 1:
                break
    except RowsBeyondLimit as exc:
        raise RealisatieFout([rows_beyond_message(f'Het blad "{sheet.title}"')]) from exc
    except Exception as exc:  # a broken sheet inside a readable zip
        raise RealisatieFout([NIET_LEESBAAR]) from exc
    return tabel


KOP_ZOEKEN = 10  # a title or date line of the export above the column names


def _kop_index(rijen: list[tuple[int, list]]) -> int | None:
    """Which of the first rows names the columns jaar, rol and bedrag (None: none does)."""
    for i, (_, row) in enumerate(rijen[:KOP_ZOEKEN]):
        namen = {_key(v) for v in row if isinstance(v, str)}
        if all(_key(k) in namen for k in KOLOMMEN):
            return i
    return None


class _ZonderWaarde:
    """A formula the file holds no value for (saved by a program that does not compute)."""


def _csv_tabel(data: bytes, naam: str) -> _Tabel:
    if b"\x00" in data:
        raise RealisatieFout(
            [f"{naam} bevat NUL-tekens: dit is geen tekstbestand (CSV); er is niets ingelezen."]
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise RealisatieFout([NIET_LEESBAAR]) from exc
    if any(ord(c) < 32 and c not in "\t\r\n" for c in text[:4096]):
        raise RealisatieFout([NIET_LEESBAAR])
    # The line that decides the delimiter: the first with one (a title line above the column
    # names of an export has none).
    lines = text.split("\n", KOP_ZOEKEN + 1)[:KOP_ZOEKEN]
    first = next((line for line in lines if any(t in line for t in ";,\t")), lines[0])
    delimiter = ";" if first.count(";") >= first.count(",") and ";" in first else ","
    if "\t" in first and ";" not in first and "," not in first:
        delimiter = "\t"
    tabel = _Tabel(f"Bestand {kort(naam)}")
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        for number, row in enumerate(reader, start=1):
            if all(_leeg(v) for v in row):
                continue
            tabel.rijen.append((number, row[: MAX_KOLOMMEN + 1]))
            if len(tabel.rijen) > MAX_RIJEN + 1:
                break
    except csv.Error as exc:
        raise RealisatieFout([f"{tabel.naam} is geen leesbaar CSV-bestand: {exc}."]) from exc
    return tabel


def _leeg(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def lees_tabel(file, naam: str = "") -> _Tabel:
    """The file's table (first sheet, or the sheet "Realisatie"; or the CSV), by its content."""
    data = _read_bytes(file)
    naam = naam or (str(file) if isinstance(file, str | Path) else getattr(file, "name", ""))
    naam = Path(str(naam)).name or "het bestand"
    if data.startswith(b"PK\x03\x04"):
        return _xlsx_tabel(data)
    if data[:8].startswith((b"%PDF", b"\xd0\xcf\x11\xe0", b"\x89PNG", b"\xff\xd8\xff")):
        raise RealisatieFout(
            [NIET_LEESBAAR + " (Een oud Excel-bestand (.xls): sla het op als .xlsx of CSV.)"]
        )
    if Path(naam).suffix.lower() in (".xlsx", ".xlsm", ".xls"):
        raise RealisatieFout([f"{naam} heet een Excel-bestand, maar is het niet; " + NIET_LEESBAAR])
    return _csv_tabel(data, naam)


def _did_you_mean(naam: str, known) -> str:
    by_key = {_key(k): k for k in known}
    match = difflib.get_close_matches(_key(naam), list(by_key), n=1, cutoff=0.8)
    return f" Bedoelt u {by_key[match[0]]}?" if match else ""


class _Lezer:
    def __init__(self, tabel: _Tabel):
        self.tabel = tabel
        self.problems: list[str] = []
        self.posities: dict[str, int] = {}

    def fout(self, rij: int, kolom: str, bericht: str) -> None:
        letter = get_column_letter(self.posities.get(kolom, 0) + 1)
        self.problems.append(f'{self.tabel.naam}, rij {rij}, kolom {letter} "{kolom}": {bericht}')

    def kopregel(self) -> list[tuple[int, list]]:
        """Find the header row; the data rows that follow it."""
        rijen = [(n, r) for n, r in self.tabel.rijen if not all(_leeg(v) for v in r)]
        if not rijen:
            self.problems.append(f"{self.tabel.naam} is leeg: er staan geen rijen in.")
            return []
        start = _kop_index(rijen) or 0
        nummer, kop = rijen[start]
        if len([v for v in kop if not _leeg(v)]) > MAX_KOLOMMEN:
            self.problems.append(
                f"{self.tabel.naam} heeft meer dan {MAX_KOLOMMEN} kolommen; het bestand wordt "
                "niet ingelezen."
            )
            return []
        bekend = {_key(k): k for k in KOLOMMEN + OPTIONEEL}
        for i, value in enumerate(kop):
            if _leeg(value) or isinstance(value, _ZonderWaarde):
                continue
            naam = bekend.get(_key(value))
            if naam is None:
                continue  # another column (grootboek, kostenplaats): ignored
            if naam in self.posities:
                self.problems.append(
                    f'{self.tabel.naam}, rij {nummer}: de kolom "{naam}" staat er twee keer in.'
                )
            self.posities[naam] = i
        ontbrekend = [k for k in KOLOMMEN if k not in self.posities]
        if ontbrekend:
            namen = ", ".join(f'"{k}"' for k in ontbrekend)
            self.problems.append(
                f"{self.tabel.naam}, rij {nummer}: "
                + (
                    f"de kolommen {namen} ontbreken"
                    if len(ontbrekend) > 1
                    else f"de kolom {namen} ontbreekt"
                )
                + "; de kopregel (de eerste rij) moet de kolommen jaar, rol en bedrag noemen "
                "(en eventueel gedragen_door, toelichting, bron)."
            )
            return []
        data = [(n, r) for n, r in rijen[start + 1 :]]
        if len(data) > MAX_RIJEN:
            self.problems.append(
                f"{self.tabel.naam} heeft meer dan {format_decimal(Decimal(MAX_RIJEN))} rijen; "
                "het bestand wordt niet ingelezen."
            )
            return []
        return data

    def cel(self, rij: int, row: list, kolom: str):
        i = self.posities.get(kolom)
        if i is None or i >= len(row):
            return None
        value = row[i]
        if isinstance(value, _ZonderWaarde):
            self.fout(
                rij,
                kolom,
                "een formule zonder opgeslagen waarde; sla het bestand op in Excel of typ de "
                "waarde.",
            )
            return _ZonderWaarde()
        if isinstance(value, str):
            if "\x00" in value:
                self.fout(rij, kolom, "bevat een NUL-teken; typ de waarde opnieuw.")
                return _ZonderWaarde()
            value = " ".join(value.split())
            if value.startswith("'") and value[1:].startswith(FORMULA_START):
                # Text our own download quoted (regiekamer.spreadsheet.csv_value: '-10%,
                # '=...): text, read back as it was, never a formula.
                return value[1:]
            if value.startswith(FORMULE_TEKENS):
                self.fout(rij, kolom, f'"{kort(value)}" is een formule; typ de waarde zelf.')
                return _ZonderWaarde()
        return value

    def getal(self, rij: int, value, kolom: str) -> Decimal | None:
        if isinstance(value, bool):
            self.fout(rij, kolom, "is WAAR/ONWAAR, geen getal.")
            return None
        if isinstance(value, int | float):
            try:
                number = Decimal(str(value))
            except InvalidOperation:
                number = None
            if number is None or not number.is_finite():
                self.fout(rij, kolom, "is geen getal.")
                return None
            return number
        try:
            return parse_number(value)
        except Getalfout as error:
            self.fout(rij, kolom, str(error))
            return None


FOUT = _ZonderWaarde()  # a cell whose problem has been reported


def _verplicht(lezer: _Lezer, rij: int, row: list, kolom: str, leeg: str):
    """The cell's value; FOUT (reported) when it is empty or unreadable."""
    value = lezer.cel(rij, row, kolom)
    if isinstance(value, _ZonderWaarde):
        return FOUT
    if _leeg(value):
        lezer.fout(rij, kolom, leeg)
        return FOUT
    return value


def _jaar(lezer: _Lezer, rij: int, row: list):
    value = _verplicht(lezer, rij, row, "jaar", "is leeg; vul een jaar in, zoals 2017.")
    if value is FOUT:
        return FOUT
    number = lezer.getal(rij, value, "jaar")
    if number is None:
        return FOUT
    if number != number.to_integral_value() or not MIN_JAAR <= number <= MAX_JAAR:
        lezer.fout(
            rij, "jaar", f'"{kort(str(value))}" is geen jaar tussen {MIN_JAAR} en {MAX_JAAR}.'
        )
        return FOUT
    return int(number)


def _rol(lezer: _Lezer, rij: int, row: list, rollen: dict, sv) -> Rol | _ZonderWaarde:
    value = _verplicht(lezer, rij, row, "rol", "is leeg; vul de naam van de rol in.")
    if value is FOUT:
        return FOUT
    gevonden = rollen.get(_key(value), [])
    if len(gevonden) == 1:
        return gevonden[0]
    if gevonden:
        bericht = (
            f'"{kort(str(value))}" past op meer dan één rol van {sv.afkorting}; gebruik de naam '
            "uit het bezettingsoverzicht."
        )
    else:
        namen = sorted({r.naam for lijst in rollen.values() for r in lijst})
        bericht = f'"{kort(str(value))}" is geen rol van {sv.afkorting}.' + _did_you_mean(
            str(value), namen
        )
    lezer.fout(rij, "rol", bericht)
    return FOUT


def _bedrag(lezer: _Lezer, rij: int, row: list):
    leeg = "is leeg; vul de werkelijke kosten in (0 als er geen kosten waren)."
    value = _verplicht(lezer, rij, row, "bedrag", leeg)
    if value is FOUT:
        return FOUT
    bedrag = lezer.getal(rij, value, "bedrag")
    if bedrag is None:
        return FOUT
    if bedrag < 0:
        lezer.fout(rij, "bedrag", "is negatief; werkelijke kosten zijn 0 of meer.")
        return FOUT
    if bedrag > MAX_BEDRAG:
        lezer.fout(
            rij,
            "bedrag",
            f"€ {kort(format_decimal(bedrag, 2))} is onwaarschijnlijk hoog voor één rol in één "
            f"jaar (hoogstens € {format_decimal(MAX_BEDRAG, 0)}).",
        )
        return FOUT
    # A spreadsheet's 0.30000000000000004 is 0,30; a real third decimal is refused.
    afgerond = bedrag.quantize(Decimal("0.0000000001"))
    if afgerond != afgerond.quantize(Decimal("0.01")):
        lezer.fout(rij, "bedrag", "heeft meer dan twee decimalen; een bedrag is in centen.")
        return FOUT
    return afgerond.quantize(Decimal("0.01"))


def _drager(lezer: _Lezer, rij: int, row: list, gemeenten: dict, sv):
    value = lezer.cel(rij, row, "gedragen_door")
    if isinstance(value, _ZonderWaarde) or _leeg(value):
        return FOUT if isinstance(value, _ZonderWaarde) else None
    drager = gemeenten.get(_key(value))
    if drager is None:
        namen = sorted(g.naam for g in gemeenten.values())
        lezer.fout(
            rij,
            "gedragen_door",
            f'"{kort(str(value))}" is geen gemeente van {sv.afkorting} ({", ".join(namen)}); '
            "laat de cel leeg voor de regel van de begroting." + _did_you_mean(str(value), namen),
        )
        return FOUT
    return drager


def _tekst(lezer: _Lezer, rij: int, row: list, kolom: str, lengte: int):
    value = lezer.cel(rij, row, kolom)
    if isinstance(value, _ZonderWaarde):
        return FOUT
    tekst = "" if _leeg(value) else str(value)
    if len(tekst) > lengte:
        lezer.fout(rij, kolom, f"is te lang ({len(tekst)} tekens, hoogstens {lengte}).")
        return FOUT
    return tekst


def lees_bestand(file, sv: Samenwerkingsverband, naam: str = "") -> list[Regel]:
    """The correct rows of the file for ``sv``; :class:`RealisatieFout` with every problem."""
    return _lees(file, sv, naam)[0]


def _zonder_bedrag(lezer: _Lezer, row: list) -> bool:
    """A row of the downloaded year with nothing filled in: only jaar and rol."""
    for kolom in ("bedrag", *OPTIONEEL):
        i = lezer.posities.get(kolom)
        if i is not None and i < len(row) and not _leeg(row[i]):
            return False
    return True


TOTAAL = ("totaal", "subtotaal", "eindtotaal", "generaal totaal")


def _totaalrij(lezer: _Lezer, row: list, rollen: dict) -> bool:
    """A total line of the export ("Totaal" in the jaar or rol column, not a rol's name)."""
    waarden = [row[i] for k in ("jaar", "rol") if (i := lezer.posities[k]) < len(row)]
    teksten = [_key(v) for v in waarden if isinstance(v, str) and v.strip()]
    if any(t in rollen for t in teksten):
        return False
    return any(t == w or t.startswith((f"{w} ", f"{w}:")) for t in teksten for w in TOTAAL)


def _lees(file, sv: Samenwerkingsverband, naam: str = "") -> tuple[list[Regel], int, int]:
    """(the correct rows, how many rows without bedrag were skipped, how many total rows)."""
    if sv.is_scenario:
        raise RealisatieFout([SCENARIO], in_bestand=False)
    tabel = lees_tabel(file, naam)
    lezer = _Lezer(tabel)
    data = lezer.kopregel()
    if lezer.problems:
        raise RealisatieFout(lezer.problems)
    rollen: dict[str, list[Rol]] = {}
    for rol in Rol.objects.filter(samenwerkingsverband=sv):
        for sleutel in {_key(rol.naam), _key(rol.naam_in_kostentabel or rol.naam)}:
            rollen.setdefault(sleutel, []).append(rol)
    gemeenten = {_key(g.naam): g for g in sv.gemeenten.all()}
    # A gemeente that bore a rol-year's costs and left since keeps them for that rol-year.
    vertrokken: dict[tuple[int, int], dict] = {}
    for r in (
        Realisatie.objects.filter(samenwerkingsverband=sv, gedragen_door__isnull=False)
        .exclude(gedragen_door__in=sv.gemeenten.all())
        .select_related("gedragen_door")
    ):
        vertrokken[(r.rol_id, r.jaar)] = {_key(r.gedragen_door.naam): r.gedragen_door}
    regels: list[Regel] = []
    gezien: dict[tuple[int, int], int] = {}
    overgeslagen = totaalrijen = 0
    kolommen = frozenset(k for k in OPTIONEEL if k in lezer.posities)
    for rij, row in data:
        if _totaalrij(lezer, row, rollen):
            totaalrijen += 1
            continue
        if _zonder_bedrag(lezer, row):
            # Still a rol and a year of this samenwerkingsverband, or it is reported.
            _jaar(lezer, rij, row), _rol(lezer, rij, row, rollen, sv)
            overgeslagen += 1
            continue
        jaar, rol = _jaar(lezer, rij, row), _rol(lezer, rij, row, rollen, sv)
        eigen = gemeenten
        if jaar is not FOUT and rol is not FOUT and (rol.pk, jaar) in vertrokken:
            eigen = gemeenten | vertrokken[(rol.pk, jaar)]
        waarden = (
            jaar,
            rol,
            _bedrag(lezer, rij, row),
            _drager(lezer, rij, row, eigen, sv),
            _tekst(lezer, rij, row, "toelichting", 500),
            _tekst(lezer, rij, row, "bron", 300),
        )
        if jaar is not FOUT and rol is not FOUT:
            eerder = gezien.setdefault((rol.pk, jaar), rij)
            if eerder != rij:
                lezer.fout(rij, "rol", f"{rol.naam} {jaar} staat al op rij {eerder}.")
                continue
        if FOUT not in waarden:
            regels.append(Regel(rij, *waarden, kolommen=kolommen))
    if lezer.problems:
        raise RealisatieFout(lezer.problems)
    if not regels:
        raise RealisatieFout([f"{tabel.naam} heeft geen rijen met werkelijke kosten."])
    return regels, overgeslagen, totaalrijen


@dataclass
class Resultaat:
    nieuw: int = 0
    gewijzigd: int = 0
    ongewijzigd: int = 0
    jaren: list[int] = field(default_factory=list)
    overgeslagen: int = 0
    totaalrijen: int = 0

    def tekst(self) -> str:
        jaren = ", ".join(str(j) for j in self.jaren)
        tekst = (
            f"Ingelezen: werkelijke kosten over {jaren}: {self.nieuw} nieuw, {self.gewijzigd} "
            f"vervangen, {self.ongewijzigd} ongewijzigd"
        )
        if self.overgeslagen:
            rijen = "rij" if self.overgeslagen == 1 else "rijen"
            tekst += f"; {self.overgeslagen} {rijen} zonder bedrag overgeslagen"
        if self.totaalrijen:
            rijen = "totaalrij" if self.totaalrijen == 1 else "totaalrijen"
            tekst += f"; {self.totaalrijen} {rijen} niet ingelezen (geen rol)"
        return tekst + "."


@transaction.atomic
def importeer(sv: Samenwerkingsverband, regels: list[Regel]) -> Resultaat:
    """Save the rows of a correct file; a rol-year with werkelijke kosten is replaced."""
    if sv.is_scenario:
        raise RealisatieFout([SCENARIO], in_bestand=False)
    bestaand = {
        (r.rol_id, r.jaar): r
        for r in Realisatie.objects.select_for_update().filter(samenwerkingsverband=sv)
    }
    resultaat = Resultaat(jaren=sorted({r.jaar for r in regels}))
    for regel in regels:
        oud = bestaand.get((regel.rol.pk, regel.jaar))
        drager_id = regel.gedragen_door.pk if regel.gedragen_door else None
        toelichting, bron = regel.toelichting, regel.bron
        if oud is not None:  # a column the file lacks keeps what the rol-year has
            if "gedragen_door" not in regel.kolommen:
                drager_id = oud.gedragen_door_id
            if "toelichting" not in regel.kolommen:
                toelichting = oud.toelichting
            if "bron" not in regel.kolommen:
                bron = oud.bron
        nieuw = (regel.bedrag, drager_id, toelichting, bron)
        if oud is not None and (oud.bedrag, oud.gedragen_door_id, oud.toelichting, oud.bron) == (
            nieuw
        ):
            resultaat.ongewijzigd += 1
            continue
        rij = oud or Realisatie(samenwerkingsverband=sv, rol=regel.rol, jaar=regel.jaar)
        if oud is None:
            resultaat.nieuw += 1
        else:
            resultaat.gewijzigd += 1
        rij.bedrag, rij.gedragen_door_id = regel.bedrag, drager_id
        rij.toelichting, rij.bron = toelichting, bron
        rij.full_clean()
        rij.save()
    return resultaat


def lees_en_importeer(file, sv: Samenwerkingsverband, naam: str = "") -> Resultaat:
    """Read the whole file, then save it all; any problem: RealisatieFout, nothing saved."""
    regels, overgeslagen, totaalrijen = _lees(file, sv, naam)
    resultaat = importeer(sv, regels)
    resultaat.overgeslagen, resultaat.totaalrijen = overgeslagen, totaalrijen
    return resultaat


def jaar_csv(sv: Samenwerkingsverband, jaar: int) -> str:
    """The year's werkelijke kosten as the import reads them (every rol, an unknown amount
    empty): to fill in and read back. Amounts the Dutch way; formula-safe."""
    bestaand = {
        r.rol_id: r
        for r in Realisatie.objects.filter(samenwerkingsverband=sv, jaar=jaar).select_related(
            "gedragen_door"
        )
    }
    rows = [["jaar", "rol", "bedrag", "gedragen_door", "toelichting", "bron"]]
    for rol in Rol.objects.filter(samenwerkingsverband=sv).order_by("volgorde", "naam"):
        r = bestaand.get(rol.pk)
        rows.append(
            [
                jaar,
                rol.naam,
                format_number(r.bedrag, BEDRAG) if r else "",
                r.gedragen_door.naam if r and r.gedragen_door else "",
                r.toelichting if r else "",
                r.bron if r else "",
            ]
        )
    return csv_text(rows)
