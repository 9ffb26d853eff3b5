"""The nacalculatie (convenant art. 5): the onderlinge verrekening on the actual costs.

Plain functions on the plan's Kostenverdeling and the Realisatie rows (``load_realisatie``):

- a rol-year's actual cost is its Realisatie amount rounded half-up to whole euros
  (``regiekamer.afronding``), split by the same key (and pakket) of that year as the plan;
- a year is complete only when every rol with plan costs or realisatie in it has an actual
  figure; a missing figure is named (``Nacalculatie.ontbrekend``), never counted as 0, and an
  incomplete year is not settled;
- who bore a rol-year: the Realisatie's ``gedragen_door``, else the plan's rule (leverende
  gemeente, else penvoerder): ``dragers`` for ``kosten.verrekening.calculate_jaar``;
- a realisatie in a year without key (or a pakket-year without deelnemers) is a
  :class:`KostenFout` in Dutch.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from regiekamer.afronding import round_euro

from .gegevens import (
    RealisatieData,
    _inwonertallen,
    _verdeelsleutels,
    load_kostenverdeling,
    load_pakketten,
    load_realisatie,
    load_sleutels,
    pakket_deelnemers,
    pakket_sleutel,
)
from .verdeling import KostenFout, Kostenverdeling, Regel, RolData, Sleutel, jaren_text
from .verrekening import JaarVerrekening, calculate_jaar

ZERO = Decimal("0")

# ``pakket`` of a share: all costs (None is the basispakket, an id a pluspakket).
ALLE = "alle"


@dataclass(frozen=True)
class Vergelijking:
    """One rol in one year: begroot (the plan's rounded cost) against werkelijk (the actual
    amount rounded to whole euros; None: not known yet)."""

    rol: RolData
    jaar: int
    begroot: Decimal
    werkelijk: Decimal | None
    bedrag: Decimal | None = None  # the actual amount as recorded, with cents
    gedragen_door: str | None = None
    toelichting: str = ""
    bron: str = ""

    @property
    def verschil(self) -> Decimal | None:
        """werkelijk − begroot (positive: more spent than planned); None while unknown."""
        return None if self.werkelijk is None else self.werkelijk - self.begroot

    @property
    def ontbreekt(self) -> bool:
        return self.werkelijk is None


@dataclass(frozen=True)
class Gemeentevergelijking:
    """A gemeente's share in a year: of the plan and of the actual costs."""

    gemeente: str
    begroot: Decimal
    werkelijk: Decimal

    @property
    def verschil(self) -> Decimal:
        return self.werkelijk - self.begroot


@dataclass
class Nacalculatie:
    """The plan, the actual costs as a Kostenverdeling of the complete years (``werkelijk``),
    and per rol-year the comparison."""

    plan: Kostenverdeling
    werkelijk: Kostenverdeling
    jaren: list[int]  # the plan's years and every year with realisatie
    vergelijkingen: dict[tuple[int, int], Vergelijking]  # (rol id, jaar)
    dragers: dict[tuple[int, int], str] = field(default_factory=dict)

    @property
    def volledige_jaren(self) -> list[int]:
        return list(self.werkelijk.jaren)

    @property
    def onvolledige_jaren(self) -> list[int]:
        return [j for j in self.jaren if j not in self.werkelijk.jaren]

    def is_volledig(self, jaar: int) -> bool:
        return jaar in self.werkelijk.jaren

    def rijen(self, jaar: int) -> list[Vergelijking]:
        """The rollen with plan costs or realisatie in the year, in the table's order."""
        rows = (self.vergelijkingen.get((r.id, jaar)) for r in self.plan.rollen)
        return [v for v in rows if v is not None]

    def ontbrekend(self, jaar: int) -> list[str]:
        """The rollen (names) whose actual cost of the year is still missing."""
        return [v.rol.naam for v in self.rijen(jaar) if v.ontbreekt]

    @property
    def ontbrekend_per_jaar(self) -> dict[int, list[str]]:
        return {j: self.ontbrekend(j) for j in self.onvolledige_jaren}

    def begroot_totaal(self, jaar: int) -> Decimal:
        return sum((v.begroot for v in self.rijen(jaar)), ZERO)

    def werkelijk_totaal(self, jaar: int) -> Decimal | None:
        """The sum of the rounded actual costs; None while the year is incomplete."""
        if not self.is_volledig(jaar):
            return None
        return self.werkelijk.totaal_kosten(jaar)

    def verschil_totaal(self, jaar: int) -> Decimal | None:
        werkelijk = self.werkelijk_totaal(jaar)
        return None if werkelijk is None else werkelijk - self.begroot_totaal(jaar)

    def aandeel_begroot(self, gemeente: str, jaar: int, pakket=ALLE) -> Decimal:
        """The plan's share (0 in a year outside the plan); ``pakket``: one pakket's only
        (None: the basispakket); default: all costs."""
        if jaar not in self.plan.jaren:
            return ZERO
        if pakket == ALLE:
            return self.plan.aandeel(gemeente, jaar)
        return self.plan.aandeel_pakket(gemeente, jaar, pakket)

    def aandeel_werkelijk(self, gemeente: str, jaar: int, pakket=ALLE) -> Decimal | None:
        """The share of the actual costs (as ``aandeel_begroot``); None while incomplete."""
        if not self.is_volledig(jaar):
            return None
        if pakket == ALLE:
            return self.werkelijk.aandeel(gemeente, jaar)
        return self.werkelijk.aandeel_pakket(gemeente, jaar, pakket)

    @property
    def gemeenten(self) -> list[str]:
        return sorted(set(self.plan.gemeenten) | set(self.werkelijk.gemeenten))

    def per_gemeente(self, jaar: int) -> list[Gemeentevergelijking]:
        """Each gemeente's share begroot against werkelijk (complete years only)."""
        return [
            Gemeentevergelijking(g, self.aandeel_begroot(g, jaar), self.aandeel_werkelijk(g, jaar))
            for g in self.gemeenten
        ]

    def verrekening(self, penvoerder: str | None) -> list[JaarVerrekening]:
        """The art. 5 verrekening of every complete year on the actual costs."""
        return [
            calculate_jaar(self.werkelijk, jaar, penvoerder, self.dragers)
            for jaar in self.werkelijk.jaren
        ]

    @property
    def onvolledig_text(self) -> str:
        """ "2017 en 2018" (the years left out of the verrekening) or ""."""
        return jaren_text(self.onvolledige_jaren)


def _sleutel(
    rol: RolData,
    jaar: int,
    sleutels: dict[int, Sleutel],
    pakketsleutels: dict[tuple[int, int], Sleutel],
    pakket_naam: str,
) -> Sleutel:
    if rol.pakket is None:
        if jaar not in sleutels:
            raise KostenFout(
                f"Voor {jaar} zijn er werkelijke kosten ({rol.naam}) maar geen verdeelsleutel. "
                f"Leg een verdeelsleutel vast die {jaar} omvat, of corrigeer het jaar van de "
                "werkelijke kosten."
            )
        return sleutels[jaar]
    if (rol.pakket, jaar) not in pakketsleutels:
        raise KostenFout(
            f"Voor {jaar} zijn er werkelijke kosten ({rol.naam}) in pakket {pakket_naam}, maar "
            f"het pakket heeft in {jaar} geen verdeling over deelnemers. Geef het pakket "
            f"deelnemers voor {jaar}."
        )
    return pakketsleutels[(rol.pakket, jaar)]


def calculate_nacalculatie(
    plan: Kostenverdeling,
    realisatie: dict,
    sleutels: dict[int, Sleutel] | None = None,
    pakketsleutels: dict[tuple[int, int], Sleutel] | None = None,
) -> Nacalculatie:
    """The nacalculatie of ``plan`` with ``realisatie`` ({(rol id, jaar): RealisatieData}).

    ``sleutels`` / ``pakketsleutels``: the keys of the years with realisatie outside the plan
    (the plan's own are always used for its years)."""
    sleutels = {**(sleutels or {}), **plan.sleutels}
    pakketsleutels = {**(pakketsleutels or {}), **plan.pakketsleutels}
    rollen = {r.id: r for r in plan.rollen}
    onbekend = sorted({rol_id for rol_id, _ in realisatie if rol_id not in rollen})
    if onbekend:
        raise KostenFout("Er zijn werkelijke kosten van een rol die niet in de formatie staat.")
    jaren = sorted(set(plan.jaren) | {jaar for _, jaar in realisatie})

    vergelijkingen: dict[tuple[int, int], Vergelijking] = {}
    for jaar in jaren:
        for rol in plan.rollen:
            begroot = plan.regels[(rol.id, jaar)].kosten if jaar in plan.jaren else ZERO
            data = realisatie.get((rol.id, jaar))
            if data is None and not begroot:
                continue
            vergelijkingen[(rol.id, jaar)] = Vergelijking(
                rol,
                jaar,
                begroot,
                None if data is None else round_euro(data.bedrag),
                None if data is None else data.bedrag,
                None if data is None else data.gedragen_door,
                "" if data is None else data.toelichting,
                "" if data is None else data.bron,
            )

    # Every actual cost must be splittable, complete year or not: said now, not at year end.
    for (rol_id, jaar), data in sorted(realisatie.items(), key=lambda i: (i[0][1], i[0][0])):
        rol = rollen[rol_id]
        if round_euro(data.bedrag):
            naam = plan.pakket_naam(rol.pakket) if rol.pakket is not None else ""
            _sleutel(rol, jaar, sleutels, pakketsleutels, naam)

    volledig = [
        j for j in jaren if not any(v.ontbreekt for (_, jj), v in vergelijkingen.items() if jj == j)
    ]
    regels = {}
    for jaar in volledig:
        for rol in plan.rollen:
            v = vergelijkingen.get((rol.id, jaar))
            kosten = v.werkelijk if v is not None else ZERO
            if kosten:
                naam = plan.pakket_naam(rol.pakket) if rol.pakket is not None else ""
                aandelen = _sleutel(rol, jaar, sleutels, pakketsleutels, naam).split(kosten)
            elif rol.pakket is None and jaar in sleutels:
                aandelen = sleutels[jaar].split(kosten)
            else:
                aandelen = {}
            regels[(rol.id, jaar)] = Regel(rol, jaar, kosten, aandelen)
    gemeenten = set(plan.gemeenten)
    for jaar in volledig:
        if jaar in sleutels:
            gemeenten |= set(sleutels[jaar].gemeenten)
    werkelijk = Kostenverdeling(
        volledig,
        sorted(gemeenten),
        list(plan.rollen),
        {j: sleutels[j] for j in volledig if j in sleutels},
        regels,
        fasen=list(plan.fasen),
        pakketten=list(plan.pakketten),
        pakketsleutels={k: s for k, s in pakketsleutels.items() if k[1] in volledig},
    )
    dragers = {k: d.gedragen_door for k, d in realisatie.items() if d.gedragen_door}
    return Nacalculatie(plan, werkelijk, jaren, vergelijkingen, dragers)


def plan_als_realisatie(plan: Kostenverdeling) -> dict:
    """Realisatie equal to the plan (every rol-year with costs): for checks and tests."""
    return {
        (r.id, j): RealisatieData(plan.regels[(r.id, j)].kosten)
        for r in plan.rollen
        for j in plan.jaren
        if plan.regels[(r.id, j)].kosten
    }


def load_nacalculatie(sv) -> Nacalculatie:
    """Read the plan, the realisatie and the keys of any extra year; a fixed number of queries."""
    plan = load_kostenverdeling(sv)
    realisatie = load_realisatie(sv)
    extra = sorted({jaar for _, jaar in realisatie} - set(plan.jaren))
    sleutels = load_sleutels(sv, extra) if extra else {}
    rollen = {r.id: r for r in plan.rollen}
    nodig = sorted(
        {
            (rollen[rol_id].pakket, jaar)
            for (rol_id, jaar), data in realisatie.items()
            if rol_id in rollen and rollen[rol_id].pakket is not None and round_euro(data.bedrag)
        }
        - set(plan.pakketsleutels)
    )
    pakketsleutels = {}
    if nodig:
        pakketten = {p.pk: p for p in load_pakketten(sv)}
        alle = [g.naam for g in sv.gemeenten.all()]
        verdeelsleutels = _verdeelsleutels(sv)
        inwonertallen = _inwonertallen(sv)
        for pakket_id, jaar in nodig:
            pakket = pakketten[pakket_id]
            covering = [s for s in verdeelsleutels if s.covers(jaar)]
            peildatum = covering[-1].peildatum if covering else None
            deelnemers = pakket_deelnemers(pakket, jaar, alle)
            pakketsleutels[(pakket_id, jaar)] = pakket_sleutel(
                pakket, jaar, deelnemers, peildatum, inwonertallen, sv.is_scenario
            )
    return calculate_nacalculatie(plan, realisatie, sleutels, pakketsleutels)
