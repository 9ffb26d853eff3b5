"""Export: the formation of a samenwerkingsverband as the workbook the import reads back.

Each sheet's header row, cell kinds and values follow its columns (``werkboek.kolommen``);
Rollen adds one column per fase (FTE, or euros for a rol paid per fase). A samenwerkingsverband
with pakketten gets the sheet Pakketten; the column pakket on Rollen is always there (empty: the
basispakket). A scenario's inwonertallen are its own. Every name is written
as a string cell (``regiekamer.spreadsheet``), so a name such as ``=SUM(A1)`` comes back
exactly.
"""

from dataclasses import dataclass
from decimal import Decimal
from io import BytesIO
from types import SimpleNamespace

import openpyxl

from formatie.models import Fase, Pakket, Rol, Salarisschaal
from kosten.constants import Verdeelmethode
from kosten.models import Verdeelsleutel
from partijen.models import Gemeente, Inwonertal, Samenwerkingsverband
from regiekamer.spreadsheet import Column, Kind, Typed, write_table

from . import kolommen
from .kolommen import Deelname, number


@dataclass
class _Context:
    salarisschalen: list[Salarisschaal]
    first_year: int | None

    @staticmethod
    def deelnemers(pakket: Pakket) -> str | None:
        """ "Leudal (2017–2018); Weert (vanaf 2018)"; empty: every gemeente."""
        deelnames = [
            Deelname(d.gemeente.naam, d.vanaf_jaar, d.tot_en_met_jaar)
            for d in pakket.deelnames.all()
        ]
        deelnames.sort(key=lambda d: (d.gemeente.casefold(), d.vanaf or 0))
        return "; ".join(d.tekst() for d in deelnames) or None

    def jaarkosten(self, schaal):
        """The schaal's amount in the first fase's year (else the earliest)."""
        candidates = [s for s in self.salarisschalen if s.schaal == schaal]
        if not candidates:
            return None
        before = [s for s in candidates if self.first_year is None or s.jaar <= self.first_year]
        return (before[-1] if before else candidates[0]).jaarkosten_per_fte


def _write_sheet(workbook, blad, rows: list, sv, context, extra=()) -> None:
    """An import sheet, readable: the header stays in row 1 (the import reads it there), so
    the title stands above every printed page instead. ``extra``: (column, value of a row)."""
    sheet = workbook.create_sheet(blad.titel)
    columns = [Column(k.kop, k.kind) for k in blad.kolommen] + [c for c, _ in extra]
    cells = [
        [k.write(row, context) for k in blad.kolommen] + [value(row) for _, value in extra]
        for row in rows
    ]
    naam = f"Scenario {sv.naam}" if sv.is_scenario else sv.naam  # never taken for the real one
    write_table(sheet, columns, cells, title=f"Formatie {naam}: {blad.titel.lower()}")


def export_workbook(samenwerkingsverband: Samenwerkingsverband) -> bytes:
    """The formation of ``samenwerkingsverband`` as an .xlsx workbook that import reads back."""
    sv = samenwerkingsverband
    fasen = list(Fase.objects.filter(samenwerkingsverband=sv).order_by("begin", "naam"))
    rollen = list(
        Rol.objects.filter(samenwerkingsverband=sv)
        .select_related("leverende_gemeente", "pakket")
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
    pakketten = list(
        Pakket.objects.filter(samenwerkingsverband=sv)
        .prefetch_related("deelnames__gemeente")
        .order_by("volgorde", "naam")
    )
    first_year = fasen[0].begin.year if fasen else None

    # The key in force in the first fase's year (else the earliest).
    sleutel = None
    if sleutels:
        covering = [s for s in sleutels if first_year is None or s.covers(first_year)]
        sleutel = covering[-1] if covering else sleutels[0]
    vastgesteld = sleutel is not None and sleutel.methode == Verdeelmethode.VASTGESTELD

    # Which gemeenten: a vastgesteld key lists its own; otherwise the participants. Suppliers
    # and the penvoerder are always listed, since the roles refer to them.
    gemeenten: dict[int, Gemeente] = {}
    percentages: dict[int, Decimal] = {}
    if vastgesteld:
        for aandeel in sleutel.aandelen.all():
            gemeenten[aandeel.gemeente_id] = aandeel.gemeente
            percentages[aandeel.gemeente_id] = aandeel.percentage
    else:
        gemeenten.update((g.pk, g) for g in deelnemers)
    for rol in rollen:
        if rol.leverende_gemeente:
            gemeenten.setdefault(rol.leverende_gemeente_id, rol.leverende_gemeente)
    for pakket in pakketten:  # the deelnemers name them
        for deelname in pakket.deelnames.all():
            gemeenten.setdefault(deelname.gemeente_id, deelname.gemeente)
    if sv.penvoerder_id and sv.penvoerder_id not in gemeenten:
        gemeenten.update((g.pk, g) for g in Gemeente.objects.filter(pk=sv.penvoerder_id))

    if sleutel is not None and sleutel.methode == Verdeelmethode.INWONERTAL:
        peildatum = sleutel.peildatum
    else:
        peildatum = fasen[0].begin if fasen else None
    inwonertallen = Inwonertal.van(sv).filter(gemeente__in=list(gemeenten)).order_by("peildatum")
    if peildatum:
        inwonertallen = inwonertallen.filter(peildatum__lte=peildatum)
    latest = {i.gemeente_id: i.aantal for i in inwonertallen}

    # A gemeente as its row: the attributes are the columns' (``Kolom.attr``).
    gemeente_rows = [
        SimpleNamespace(
            naam=g.naam,
            inwonertal=latest.get(g.pk),
            percentage=percentages.get(g.pk, Decimal(0)) if vastgesteld else None,
            penvoerder=g.pk == sv.penvoerder_id,
        )
        for g in sorted(gemeenten.values(), key=lambda g: g.naam)
    ]

    amounts = {rol.pk: {b.fase_id: b.waarde for b in rol.bezettingen.all()} for rol in rollen}

    def per_fase(fase):
        def value(rol):
            kind = Kind.FTE if rol.heeft_fte else Kind.EURO
            return Typed(number(amounts[rol.pk].get(fase.pk)), kind)

        return value

    context = _Context(salarisschalen, first_year)
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    _write_sheet(workbook, kolommen.GEMEENTEN_BLAD, gemeente_rows, sv, context)
    _write_sheet(workbook, kolommen.FASEN_BLAD, fasen, sv, context)
    fase_columns = [(Column(f.naam, Kind.FTE), per_fase(f)) for f in fasen]
    _write_sheet(workbook, kolommen.ROLLEN_BLAD, rollen, sv, context, fase_columns)
    if pakketten:
        _write_sheet(workbook, kolommen.PAKKETTEN_BLAD, pakketten, sv, context)
    output = BytesIO()
    workbook.save(output)
    return output.getvalue()
