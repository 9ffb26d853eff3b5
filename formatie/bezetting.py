"""The bezettingsoverzicht: roles x (basisformatie, fasen) with subtotals, and saving its grid.

Roles paid per fase (vast) hold amounts, not FTE: they are listed apart and never counted in
the FTE totals.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction

from convenant.models import Samenwerkingsverband

from .models import Bezetting, Fase, Rol

ZERO = Decimal("0")


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

    @property
    def secties(self) -> list[tuple[str, list, "Totaalrij | None"]]:
        """The table's sections as the document prints them: structural with its subtotal."""
        return [
            ("Structureel", self.structureel, self.subtotaal),
            ("Overig en tijdelijk", self.overig, None),
        ]

    @property
    def opmerkingen(self) -> list[str]:
        return [
            r.rol.opmerking for r in self.structureel + self.overig + self.vast if r.rol.opmerking
        ]


def load_rollen(sv: Samenwerkingsverband):
    return list(
        Rol.objects.filter(samenwerkingsverband=sv)
        .select_related("leverende_gemeente")
        .prefetch_related("bezettingen")
        .order_by("volgorde", "naam")
    )


def build_bezettingsoverzicht(sv: Samenwerkingsverband) -> Bezettingsoverzicht:
    fasen = list(Fase.objects.filter(samenwerkingsverband=sv).order_by("begin"))
    rollen = load_rollen(sv)
    subtotaal = Totaalrij("Subtotaal structureel", per_fase=[ZERO] * len(fasen))
    totaal = Totaalrij("Totaal", per_fase=[ZERO] * len(fasen))
    structureel, overig, vast = [], [], []
    for rol in rollen:
        waarden = {b.fase_id: (b.fte if rol.heeft_fte else b.bedrag) for b in rol.bezettingen.all()}
        rij = OverzichtRij(rol, rol.basisformatie, [waarden.get(f.pk) for f in fasen])
        if not rol.heeft_fte:
            vast.append(rij)
            continue
        (structureel if rol.structureel else overig).append(rij)
        if rol.structureel:
            subtotaal.add(rij)
        totaal.add(rij)
    return Bezettingsoverzicht(fasen, structureel, overig, vast, subtotaal, totaal)


@dataclass
class Conflict:
    """A cell another official changed since the grid was opened."""

    rol: str
    kolom: str
    toen: Decimal | None
    nu: Decimal | None


def _same(a: Decimal | None, b: Decimal | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and a == b)


@transaction.atomic
def save_bezetting_grid(sv: Samenwerkingsverband, rows: list[dict]) -> list[Conflict]:
    """Save the whole grid at once, or nothing if another official changed a cell meanwhile.

    ``rows`` holds per rol: ``rol_id``, ``basisformatie`` and ``fasen`` ({fase_id: value}), each
    with the value the page was opened on (``oud_basisformatie``, ``oude_fasen``). Returns the
    conflicts (and saves nothing) or an empty list after saving.
    """
    fasen = {f.pk: f for f in Fase.objects.filter(samenwerkingsverband=sv)}
    rollen = {
        r.pk: r
        for r in Rol.objects.select_for_update()
        .filter(samenwerkingsverband=sv)
        .prefetch_related("bezettingen")
    }
    conflicts = []
    for row in rows:
        rol = rollen[row["rol_id"]]
        if not _same(rol.basisformatie, row["oud_basisformatie"]):
            conflicts.append(
                Conflict(rol.naam, "basisformatie", row["oud_basisformatie"], rol.basisformatie)
            )
        current = {b.fase_id: b for b in rol.bezettingen.all()}
        for fase_id, oud in row["oude_fasen"].items():
            b = current.get(fase_id)
            nu = (b.fte if rol.heeft_fte else b.bedrag) if b else None
            if not _same(nu, oud):
                conflicts.append(Conflict(rol.naam, fasen[fase_id].naam, oud, nu))
    if conflicts:
        return conflicts

    veld = {True: "fte", False: "bedrag"}
    for row in rows:
        rol = rollen[row["rol_id"]]
        if not _same(rol.basisformatie, row["basisformatie"]):
            rol.basisformatie = row["basisformatie"]
            rol.save(update_fields=["basisformatie"])
        current = {b.fase_id: b for b in rol.bezettingen.all()}
        for fase_id, value in row["fasen"].items():
            b = current.get(fase_id)
            name = veld[rol.heeft_fte]
            if value is None:
                if b is not None:
                    b.delete()
            elif b is None:
                Bezetting.objects.create(rol=rol, fase=fasen[fase_id], **{name: value})
            elif not _same(getattr(b, name), value):
                setattr(b, name, value)
                b.save(update_fields=[name])
    return []
