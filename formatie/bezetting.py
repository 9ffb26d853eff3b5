"""The bezettingsoverzicht: roles x (basisformatie, fasen) with subtotals, and saving its grid.

Roles paid per fase (vast) hold amounts, not FTE: they are listed apart and never counted in
the FTE totals.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction

from partijen.models import Samenwerkingsverband
from regiekamer.getallen import BEDRAG, FTE, plausibility_warning
from regiekamer.opmaak import format_decimal
from regiekamer.versioning import who_and_when

from .models import Bezetting, Fase, Pakket, Rol

ZERO = Decimal("0")
VERWIJDERD = "Een rol of fase die u wijzigde is intussen verwijderd; laad de pagina opnieuw."


@dataclass
class OverzichtRij:
    rol: Rol
    basisformatie: Decimal | None
    per_fase: list[Decimal | None]


@dataclass
class Totaalrij:
    label: str
    basisformatie: Decimal = ZERO
    per_fase: list[Decimal] = field(default_factory=list)

    def add(self, rij: OverzichtRij) -> None:
        self.basisformatie += rij.basisformatie or ZERO
        self.per_fase = [t + (v or ZERO) for t, v in zip(self.per_fase, rij.per_fase, strict=True)]


@dataclass
class Bezettingsoverzicht:
    fasen: list[Fase]
    structureel: list[OverzichtRij]
    overig: list[OverzichtRij]
    vast: list[OverzichtRij]
    subtotaal: Totaalrij
    totaal: Totaalrij
    # The samenwerkingsverband has pakketten: the overview names each rol's pakket (without,
    # it stays as Bijlage 1 prints it).
    heeft_pakketten: bool = False

    @property
    def secties(self) -> list[tuple[str, list, "Totaalrij | None"]]:
        """The table's sections as the document prints them: the roles above its "Subtotaal"
        row (``Rol.structureel``: in MLW the first five) with that row, then the others."""
        return [
            ("Boven het subtotaal", self.structureel, self.subtotaal),
            ("Overige rollen", self.overig, None),
        ]

    @property
    def structurele_formatie(self) -> Decimal:
        """The structural formation: the basisformatie's total (MLW 4,1 fte), not the
        "Subtotaal" (3,5), which leaves out structural roles below it (ondersteuning algemeen)."""
        return self.totaal.basisformatie

    @property
    def opmerkingen(self) -> list[str]:
        return [
            r.rol.opmerking for r in self.structureel + self.overig + self.vast if r.rol.opmerking
        ]


def load_rollen(sv: Samenwerkingsverband):
    return list(
        Rol.objects.filter(samenwerkingsverband=sv)
        .select_related("leverende_gemeente", "pakket")
        .prefetch_related("bezettingen")
        .order_by("volgorde", "naam")
    )


def build_bezettingsoverzicht(sv: Samenwerkingsverband) -> Bezettingsoverzicht:
    fasen = list(Fase.objects.filter(samenwerkingsverband=sv).order_by("begin"))
    rollen = load_rollen(sv)
    subtotaal = Totaalrij("Subtotaal", per_fase=[ZERO] * len(fasen))
    totaal = Totaalrij("Totaal", per_fase=[ZERO] * len(fasen))
    structureel, overig, vast = [], [], []
    for rol in rollen:
        waarden = {b.fase_id: b.waarde for b in rol.bezettingen.all()}
        rij = OverzichtRij(rol, rol.basisformatie, [waarden.get(f.pk) for f in fasen])
        if not rol.heeft_fte:
            vast.append(rij)
            continue
        (structureel if rol.structureel else overig).append(rij)
        if rol.structureel:
            subtotaal.add(rij)
        totaal.add(rij)
    heeft_pakketten = Pakket.objects.filter(samenwerkingsverband=sv).exists()
    return Bezettingsoverzicht(fasen, structureel, overig, vast, subtotaal, totaal, heeft_pakketten)


@dataclass
class Celwijziging:
    """One cell the user changed: from the value the page was opened with to the new one.

    ``fase_id`` None is the rol's basisformatie.
    """

    rol_id: int
    fase_id: int | None
    oud: Decimal | None
    nieuw: Decimal | None


@dataclass
class Conflict:
    """A cell the user changed that another official changed since the grid was opened."""

    rol: str
    kolom: str
    toen: Decimal | None
    nu: Decimal | None
    nieuw: Decimal | None = None
    door: str = ""

    def __str__(self) -> str:
        if not self.rol:
            return VERWIJDERD
        return (
            f"{self.rol}, {self.kolom}: toen {_cel(self.toen)}, "
            f"nu {_cel(self.nu)} ({self.door}); u voerde {_cel(self.nieuw)} in."
        )


def _cel(value: Decimal | None) -> str:
    """A cell's value in a conflict message: an empty cell reads "leeg", not a dash."""
    return "leeg" if value is None else format_decimal(value)


def same(a: Decimal | None, b: Decimal | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and a == b)


def _door(record) -> str:
    """Who made the last change of a cell, and when, from its history."""
    if record is None:
        return "onbekend wie"
    return ("leeggemaakt door " if record.history_type == "-" else "gewijzigd door ") + (
        who_and_when(record)
    )


def _conflict(rol: Rol, fase: Fase | None, w: Celwijziging, nu: Decimal | None) -> Conflict:
    if fase is None:
        history = Rol.history.filter(id=rol.pk)
    else:
        history = Bezetting.history.filter(rol_id=rol.pk, fase_id=fase.pk)
    last = history.select_related("history_user").order_by("-history_date", "-history_id")
    kolom = fase.naam if fase else "basisformatie"
    return Conflict(rol.naam, kolom, w.oud, nu, w.nieuw, _door(last.first()))


@transaction.atomic
def save_bezetting_grid(
    sv: Samenwerkingsverband, wijzigingen: list[Celwijziging]
) -> list[Conflict]:
    """Save the cells the user changed, or nothing if another official changed one of them.

    Only the changed cells are compared with the database: with the value the page was opened
    with (``oud``); a cell that meanwhile holds the user's new value already is no conflict.
    Their rollen and then their bezettingen are locked (``select_for_update``, each in order of
    primary key, so two saves never wait on each other crosswise) while they are checked and
    written: the rol's lock also covers a cell that has no bezetting yet. Two saves of cells
    of one rol take turns, and the second compares its cells with what the first wrote.
    Returns the conflicts (and saves nothing) or an empty list after saving.
    """
    if not wijzigingen:
        return []
    rol_ids = {w.rol_id for w in wijzigingen}
    fase_ids = {w.fase_id for w in wijzigingen if w.fase_id is not None}
    rollen = Rol.objects.select_for_update().filter(samenwerkingsverband=sv, pk__in=rol_ids)
    rollen = {r.pk: r for r in rollen.order_by("pk")}
    fasen = {f.pk: f for f in Fase.objects.filter(samenwerkingsverband=sv, pk__in=fase_ids)}
    cellen = {}
    for b in (
        Bezetting.objects.select_for_update()
        .filter(rol_id__in=rollen, fase_id__in=fasen)
        .order_by("pk")
    ):
        b.rol = rollen[b.rol_id]  # the locked rol, which Bezetting.waarde reads
        cellen[(b.rol_id, b.fase_id)] = b
    if len(rollen) < len(rol_ids) or len(fasen) < len(fase_ids):
        return [Conflict("", "", None, None)]

    def now(w: Celwijziging) -> Decimal | None:
        rol = rollen[w.rol_id]
        if w.fase_id is None:
            return rol.basisformatie
        b = cellen.get((w.rol_id, w.fase_id))
        return b.waarde if b else None

    conflicts = [
        _conflict(rollen[w.rol_id], fasen.get(w.fase_id), w, now(w))
        for w in wijzigingen
        if not same(now(w), w.oud) and not same(now(w), w.nieuw)
    ]
    if conflicts:
        return conflicts
    for w in wijzigingen:
        if not same(now(w), w.nieuw):
            _write(rollen[w.rol_id], fasen.get(w.fase_id), cellen.get((w.rol_id, w.fase_id)), w)
    return []


def plausibility_warnings(grid, wijzigingen: list[Celwijziging]) -> list[str]:
    """The changed cells that deserve a second look before saving (``regiekamer.getallen``):
    "Leudal, fase 1: 0,50 → 5,00 fte, tien keer zo veel. Klopt dit?"."""
    rollen = {form.rol.pk: form.rol for form in grid.forms}
    fasen = {fase.pk: fase for fase in grid.fasen}
    warnings = []
    for w in wijzigingen:
        rol = rollen[w.rol_id]
        kolom = fasen[w.fase_id].naam if w.fase_id is not None else "basisformatie"
        kind = FTE if rol.heeft_fte else BEDRAG
        warning = plausibility_warning(f"{rol.naam}, {kolom}", w.oud, w.nieuw, kind)
        if warning:
            warnings.append(warning)
    return warnings


def _write(rol: Rol, fase: Fase | None, b: Bezetting | None, w: Celwijziging) -> None:
    if fase is None:
        rol.basisformatie = w.nieuw
        rol.save(update_fields=["basisformatie"])
        return
    name = rol.waardeveld
    if w.nieuw is None:
        if b is not None:
            b.delete()
    elif b is None:
        Bezetting.objects.create(rol=rol, fase=fase, **{name: w.nieuw})
    else:
        setattr(b, name, w.nieuw)
        b.save(update_fields=[name])
