"""Nieuw begrotingsjaar: the salary scales' and hourly rates' amounts for a new year.

Every amount the costs use (a salarisschaal, the uurtarief of a hired rol) gets, for the year,
an amount of its own: indexed from the amount in force the year before by a percentage with its
source (CAO Gemeenten 2027, loonvoet sector overheid), or typed. The overview says of each
whether it is indexed, typed or missing; a missing one makes the cost engine use the earlier
amount and say so ("tarief 2026 gebruikt voor 2027", ``kosten.verdeling``). Indexed amounts are
rounded once, to cents half-up (``regiekamer.afronding.index_amount``).
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction

from regiekamer.afronding import index_amount

from .constants import Kostensoort
from .models import Rol, Salarisschaal, Uurtarief

GEINDEXEERD = "geïndexeerd"
INGEVOERD = "ingevoerd"
ONTBREEKT = "ontbreekt"


@dataclass
class Jaarbedragregel:
    """One amount for the year: a scale or a rol's hourly rate."""

    key: str  # "schaal-11" or "rol-5": the form field's suffix
    naam: str
    vorig: Decimal | None  # the amount in force the year before
    vorig_jaar: int | None
    eigen: Salarisschaal | Uurtarief | None  # the year's own amount, when there is one

    @property
    def status(self) -> str:
        if self.eigen is None:
            return ONTBREEKT
        return INGEVOERD if self.eigen.indexatie is None else GEINDEXEERD

    @property
    def bedrag(self) -> Decimal | None:
        if self.eigen is None:
            return None
        if isinstance(self.eigen, Salarisschaal):
            return self.eigen.jaarkosten_per_fte
        return self.eigen.uurtarief

    @property
    def toelichting(self) -> str:
        if self.status == GEINDEXEERD:
            bron = f" ({self.eigen.bron})" if self.eigen.bron else ""
            return f"geïndexeerd met {_percentage(self.eigen.indexatie)}%{bron}"
        if self.status == INGEVOERD:
            return "met de hand ingevoerd"
        if self.vorig_jaar is not None:
            return f"ontbreekt: de kosten gebruiken het tarief {self.vorig_jaar}"
        return "ontbreekt"


def _percentage(value: Decimal) -> str:
    from regiekamer.opmaak import format_decimal

    return format_decimal(value, 3)


def _before(amounts: dict[int, object], jaar: int):
    years = [y for y in amounts if y < jaar]
    return (amounts[max(years)], max(years)) if years else (None, None)


def jaarbedragen(sv, jaar: int) -> list[Jaarbedragregel]:
    """Every scale the rollen use (or that has amounts) and every hired rol's hourly rate,
    with the amount in force the year before and the year's own amount, if any."""
    fasen = list(sv.fasen.order_by("begin").values_list("begin", flat=True)[:1])
    first_year = fasen[0].year if fasen else None
    regels = []
    schalen: dict[int, dict[int, Salarisschaal]] = {}
    for s in Salarisschaal.objects.filter(samenwerkingsverband=sv):
        schalen.setdefault(s.schaal, {})[s.jaar] = s
    used = Rol.objects.filter(samenwerkingsverband=sv, kostensoort=Kostensoort.SCHAAL)
    for schaal in sorted(set(schalen) | set(used.values_list("schaal", flat=True)) - {None}):
        rows = schalen.get(schaal, {})
        vorig, vorig_jaar = _before(rows, jaar)
        regels.append(
            Jaarbedragregel(
                f"schaal-{schaal}",
                f"Schaal {schaal} (jaarkosten per fte)",
                vorig.jaarkosten_per_fte if vorig else None,
                vorig_jaar,
                rows.get(jaar),
            )
        )
    hired = (
        Rol.objects.filter(samenwerkingsverband=sv, kostensoort=Kostensoort.UUR)
        .prefetch_related("uurtarieven")
        .order_by("volgorde", "naam")
    )
    for rol in hired:
        rates = {u.jaar: u for u in rol.uurtarieven.all()}
        amounts = {y: u.uurtarief for y, u in rates.items()}
        if rol.uurtarief is not None and first_year is not None:
            amounts.setdefault(first_year, rol.uurtarief)
        vorig, vorig_jaar = _before(amounts, jaar)
        eigen = rates.get(jaar)
        if eigen is None and jaar == first_year and rol.uurtarief is not None:
            eigen = Uurtarief(rol=rol, jaar=jaar, uurtarief=rol.uurtarief)  # the rol's own
        regels.append(
            Jaarbedragregel(f"rol-{rol.pk}", f"{rol.naam} (uurtarief)", vorig, vorig_jaar, eigen)
        )
    return regels


def _store(sv, jaar: int, regel: Jaarbedragregel, bedrag, indexatie, bron) -> None:
    eigen = regel.eigen if regel.eigen is not None and regel.eigen.pk else None
    if eigen is None and regel.key.startswith("schaal-"):
        eigen = Salarisschaal(samenwerkingsverband=sv, schaal=int(regel.key[7:]), jaar=jaar)
    elif eigen is None:
        eigen = Uurtarief(rol_id=int(regel.key[4:]), jaar=jaar)
    field = "jaarkosten_per_fte" if isinstance(eigen, Salarisschaal) else "uurtarief"
    setattr(eigen, field, bedrag)
    eigen.indexatie, eigen.bron = indexatie, bron
    eigen.full_clean()
    eigen.save()


@transaction.atomic
def save_jaarbedragen(sv, jaar: int, getypt: dict[str, Decimal], percentage, bron: str) -> dict:
    """Store the year's amounts: each typed one as typed; with a ``percentage``, every other
    amount that has none of its own yet, indexed from the year before. Returns counts per
    status written."""
    counts = {INGEVOERD: 0, GEINDEXEERD: 0}
    for regel in jaarbedragen(sv, jaar):
        if getypt.get(regel.key) is not None:
            _store(sv, jaar, regel, getypt[regel.key], None, "")
            counts[INGEVOERD] += 1
        elif percentage is not None and regel.eigen is None and regel.vorig is not None:
            _store(sv, jaar, regel, index_amount(regel.vorig, percentage), percentage, bron)
            counts[GEINDEXEERD] += 1
    return counts
