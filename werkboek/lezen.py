"""Reading a formation workbook: every sheet parsed and checked against its columns
(``werkboek.kolommen``) and against the other sheets, before anything is stored.

Any problem raises :class:`WerkboekFout` with every problem as a Dutch message (sheet, row,
column); only a clean workbook gives a :class:`Formatie` to store.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from types import SimpleNamespace

from formatie.constants import (
    GERESERVEERDE_NAAM_FOUT,
    Kostensoort,
    Pakketsoort,
    Pakketverdeling,
    gereserveerde_pakketnaam,
)
from formatie.models import last_day_of_month
from kosten.constants import Verdeelmethode

from . import kolommen
from .bestand import open_workbook, read_sheet
from .cellen import INVALID, Lezer, Problems, Row, Sheet, WerkboekFout, format_decimal, key, show


class Rij(SimpleNamespace):
    """One parsed row: ``row`` (its number in the sheet) and an attribute per column
    (``Kolom.attr``); a Rollen row also has ``bezetting`` (fase naam -> fte or bedrag)."""


def read_row(lezer: Lezer, row: Row, blad) -> Rij:
    """Every column of ``blad`` read from ``row``, in the sheet's order."""
    rij = Rij(row=row.number)
    for kolom in blad.kolommen:
        setattr(rij, kolom.attr, kolom.read(lezer, row, rij))
    return rij


def is_valid(rij: Rij, blad) -> bool:
    return all(getattr(rij, k.attr) is not INVALID for k in blad.kolommen)


@dataclass
class Formatie:
    gemeenten: list[Rij]
    methode: str
    fasen: list[Rij]
    rollen: list[Rij]
    # None: the workbook has no Pakketten sheet (the pakketten stay as they are)
    pakketten: list[Rij] | None = None
    # Whether Rollen has the column pakket (without it a rol keeps the pakket it had)
    rol_pakketten: bool = False

    @property
    def peildatum(self) -> date:
        return self.fasen[0].begin

    @property
    def jaar(self) -> int:
        return self.peildatum.year


def parse_gemeenten(sheet: Sheet, problems: Problems):
    """(rows, verdeelmethode, valid)."""
    blad = kolommen.GEMEENTEN_BLAD
    lezer = Lezer(blad.titel, problems)
    rijen = [read_row(lezer, row, blad) for row in sheet.rows]
    ok = all(is_valid(r, blad) for r in rijen)
    if not rijen:
        problems.add(f"{blad.titel}: er staat geen enkele gemeente in.")
        return rijen, None, False
    penvoerders = [r.row for r in rijen if r.penvoerder is True]
    if len(penvoerders) > 1:
        rows = ", ".join(str(n) for n in penvoerders[:-1]) + f" en {penvoerders[-1]}"
        problems.column(
            blad.titel,
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
                    blad.titel,
                    "percentage",
                    f"de percentages tellen op tot {format_decimal(total)}; "
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
                problems.cell(blad.titel, r.row, "inwonertal", f"ontbreekt; {reason}")
                ok = False
            elif r.inwonertal is not INVALID and r.inwonertal <= 0:
                problems.cell(blad.titel, r.row, "inwonertal", f"is 0; {reason}")
                ok = False
    return rijen, methode, ok


def parse_fasen(sheet: Sheet, problems: Problems) -> tuple[list[Rij], bool]:
    """The fasen sorted by begin, and whether all of them were valid."""
    blad = kolommen.FASEN_BLAD
    lezer = Lezer(blad.titel, problems)
    reserved = {key(c) for c in kolommen.ROLLEN_BLAD.koppen}
    rijen = []
    ok = True
    for row in sheet.rows:
        rij = read_row(lezer, row, blad)
        if rij.naam is not INVALID and key(rij.naam) in reserved:
            lezer.seen[key("fase")].pop(key(rij.naam))  # refused, so not a fase seen before
            rij.naam = lezer.error(
                row, "fase", f'"{rij.naam}" is al een vaste kolom in Rollen; kies een andere naam.'
            )
        if rij.begin is not INVALID and rij.begin.day != 1:
            rij.begin = lezer.error(
                row, "begin", f"{show(rij.begin)} is niet de eerste dag van een maand."
            )
        if rij.eind is not INVALID and rij.eind != last_day_of_month(rij.eind):
            rij.eind = lezer.error(
                row, "eind", f"{show(rij.eind)} is niet de laatste dag van een maand."
            )
        if rij.begin is not INVALID and rij.eind is not INVALID and rij.eind < rij.begin:
            rij.eind = lezer.error(
                row, "eind", f"{show(rij.eind)} ligt vóór het begin ({show(rij.begin)})."
            )
        if not is_valid(rij, blad):
            ok = False
            # A valid name still heads a column in Rollen; keep it to check that sheet.
            if rij.naam is not INVALID:
                rijen.append(Rij(row=rij.row, naam=rij.naam, begin=None, eind=None))
            continue
        rijen.append(rij)
    dated = sorted((r for r in rijen if r.begin), key=lambda r: r.begin)
    for previous, current in zip(dated, dated[1:], strict=False):
        if current.begin <= previous.eind:
            problems.add(
                f'{blad.titel}, rij {current.row}: fase "{current.naam}" overlapt met fase '
                f'"{previous.naam}" (rij {previous.row}).'
            )
            ok = False
    if not rijen and ok:
        problems.add(f"{blad.titel}: er staat geen enkele fase in.")
        ok = False
    undated = [r for r in rijen if not r.begin]
    return dated + undated, ok


def parse_pakketten(
    sheet: Sheet, gemeenten: dict[str, str] | None, problems: Problems
) -> list[Rij] | None:
    """The pakketten with their deelnemers (``werkboek.kolommen.Deelname``); what a pakket's
    soort allows is checked per row: the basispakket follows the verdeelsleutel over all
    gemeenten (no verdeling, deelnemers or peildatum), a pluspakket has a verdeling, a
    peildatum only when split by inwoners, and "een" one deelnemer in every year."""
    blad = kolommen.PAKKETTEN_BLAD
    lezer = Lezer(blad.titel, problems, {"gemeenten": gemeenten})
    rijen, ok = [], True
    for row in sheet.rows:
        rij = read_row(lezer, row, blad)
        if rij.soort == Pakketsoort.BASIS:
            for naam, wat in (
                ("verdeling", rij.verdeling),
                ("deelnemers", rij.deelnemers),
                ("peildatum", rij.peildatum),
            ):
                if wat not in (None, INVALID, []):
                    lezer.error(
                        row,
                        naam,
                        "het basispakket volgt de verdeelsleutel over alle gemeenten; "
                        "laat dit leeg of kies soort plus.",
                    )
                    ok = False
        elif rij.soort == Pakketsoort.PLUS:
            if isinstance(rij.naam, str) and gereserveerde_pakketnaam(rij.naam):
                rij.naam = lezer.error(row, "pakket", GERESERVEERDE_NAAM_FOUT)
            if rij.verdeling is None:
                rij.verdeling = lezer.error(
                    row, "verdeling", "is leeg; een pluspakket heeft inwoners, gelijk of een."
                )
            if rij.peildatum not in (None, INVALID) and rij.verdeling not in (
                Pakketverdeling.INWONERS,
                INVALID,
            ):
                rij.peildatum = lezer.error(
                    row, "peildatum", "hoort alleen bij verdeling naar inwoners; laat dit leeg."
                )
            if rij.verdeling == Pakketverdeling.EEN and rij.deelnemers is not INVALID:
                _one_per_year(lezer, row, rij, gemeenten)
        if not is_valid(rij, blad):
            ok = False
            continue
        rijen.append(rij)
    return rijen if ok else None


def _one_per_year(lezer: Lezer, row: Row, rij: Rij, gemeenten: dict[str, str] | None) -> None:
    """Verdeling "een": wholly to one gemeente, so never two deelnemers in one year."""
    if not rij.deelnemers:
        if gemeenten is not None and len(gemeenten) > 1:
            rij.deelnemers = lezer.error(
                row,
                "deelnemers",
                f"is leeg, dus doen alle {len(gemeenten)} gemeenten mee; bij verdeling een "
                "betaalt één gemeente: noem die.",
            )
        return
    for i, first in enumerate(rij.deelnemers):
        for second in rij.deelnemers[i + 1 :]:
            if first.overlaps(second):
                rij.deelnemers = lezer.error(
                    row,
                    "deelnemers",
                    f"{first.gemeente} en {second.gemeente} doen allebei mee in "
                    f"{first.eerste_jaar_met(second)}; bij verdeling een betaalt één gemeente "
                    "per jaar.",
                )
                return


def parse_rollen(
    sheet: Sheet,
    fasen: list[Rij],
    gemeenten: dict[str, str] | None,
    problems: Problems,
    pakketten: dict[str, str] | None = None,
) -> list[Rij] | None:
    """The rollen with their bezetting per fase; ``gemeenten``: key -> name as written on the
    Gemeenten sheet (None: that sheet could not be read); ``pakketten`` likewise for the
    Pakketten sheet (None: no such sheet, the names are checked when stored)."""
    blad = kolommen.ROLLEN_BLAD
    lezer = Lezer(blad.titel, problems, {"gemeenten": gemeenten, "pakketten": pakketten})
    ok = True
    fase_columns = []
    for fase in fasen:
        if key(fase.naam) in sheet.headers:
            fase_columns.append(fase.naam)
        else:
            problems.column(
                blad.titel,
                fase.naam,
                "de kolom ontbreekt; elke fase uit het werkblad Fasen heeft een kolom.",
            )
            ok = False
    rijen = []
    schalen: dict[int, tuple[Decimal, int]] = {}
    for row in sheet.rows:
        rij = read_row(lezer, row, blad)
        rij.bezetting = {}
        bezetting_ok = True
        per_fase = kolommen.MAX_BEDRAG
        if rij.kostensoort not in (Kostensoort.VAST, INVALID):
            per_fase = kolommen.MAX_FTE
        for fase_naam in fase_columns:
            value = lezer.decimal(row, fase_naam, maximum=per_fase)
            if value is INVALID:
                bezetting_ok = False
            elif value is not None:
                rij.bezetting[fase_naam] = value
        schaal, jaarkosten = rij.schaal, rij.jaarkosten_per_fte
        if schaal not in (None, INVALID) and jaarkosten not in (None, INVALID):
            if schaal in schalen and schalen[schaal][0] != jaarkosten:
                other, other_row = schalen[schaal]
                rij.jaarkosten_per_fte = lezer.error(
                    row,
                    "jaarkosten_per_fte",
                    f"schaal {schaal} kost hier {format_decimal(jaarkosten)} per fte, maar op "
                    f"rij {other_row} {format_decimal(other)}; één schaal heeft één bedrag.",
                )
            else:
                schalen.setdefault(schaal, (jaarkosten, row.number))
        if not is_valid(rij, blad) or not bezetting_ok:
            ok = False
            continue
        rijen.append(rij)
    return rijen if ok else None


def parse_workbook(file) -> Formatie:
    problems = Problems()
    with open_workbook(file) as workbook:
        gemeenten_sheet = read_sheet(workbook, kolommen.GEMEENTEN_BLAD, problems)
        fasen_sheet = read_sheet(workbook, kolommen.FASEN_BLAD, problems)
        rollen_sheet = read_sheet(workbook, kolommen.ROLLEN_BLAD, problems)
        pakketten_sheet = read_sheet(workbook, kolommen.PAKKETTEN_BLAD, problems)

    gemeenten, methode, gemeenten_ok = [], None, False
    if gemeenten_sheet:
        gemeenten, methode, gemeenten_ok = parse_gemeenten(gemeenten_sheet, problems)
    names = None
    if gemeenten_sheet:
        names = {key(r.naam): r.naam for r in gemeenten if r.naam is not INVALID}
    fasen, fasen_ok = parse_fasen(fasen_sheet, problems) if fasen_sheet else ([], False)
    pakketten = pakket_names = None
    if pakketten_sheet:
        pakketten = parse_pakketten(pakketten_sheet, names, problems)
        # A valid name still names a pakket in Rollen, also when its row has a problem.
        pakket_names = {
            key(row.get("pakket").value): " ".join(str(row.get("pakket").value).split())
            for row in pakketten_sheet.rows
            if isinstance(row.get("pakket").value, str) and row.get("pakket").value.strip()
        }
    rollen = None
    if rollen_sheet:
        rollen = parse_rollen(rollen_sheet, fasen, names, problems, pakket_names)
    if problems.messages:
        raise WerkboekFout(problems.messages)
    assert gemeenten_ok and fasen_ok and rollen is not None
    has_column = key("pakket") in rollen_sheet.headers
    return Formatie(gemeenten, methode, fasen, rollen, pakketten, has_column)
