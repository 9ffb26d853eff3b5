"""The cost engine of Bijlage 1: cost per rol per calendar year, split over the gemeenten.

Plain functions on plain data (Decimal only), so views, commands, reports and tests share one
calculation. The rules (see DOMAIN.md):

- schaal: integral yearly cost per FTE x FTE, pro rata per whole month of the fase in the year;
- uur: hourly rate x hours per FTE per month x FTE x months;
- vast: the fase's amount spread evenly over its months;
- a rol-year's cost is the sum over the fasen, rounded half-up to whole euros;
- a gemeente's share of a rol-year is that rounded cost x its key, rounded half-up per cell.

An amount (a scale's yearly cost, an hourly rate) holds from its begrotingsjaar on. A year
without an amount of its own uses the latest earlier one, and says so: ``Regel.tarief_jaar``
and ``Kostenverdeling.eerdere_tarieven`` ("tarief 2016 gebruikt voor 2027"). A year before any
amount cannot be costed: :class:`KostenFout` lists every missing amount (``ontbrekend``), each
with its Dutch text, so a page can say exactly what to fill in.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from formatie.constants import Kostensoort
from regiekamer.afronding import round_euro

ZERO = Decimal("0")


SCHAAL = "schaal"
UURTARIEF = "uurtarief"
SLEUTEL = "sleutel"
PAKKET = "pakket"


@dataclass(frozen=True)
class Ontbrekend:
    """An amount the engine needs for a year and does not have."""

    soort: str  # SCHAAL, UURTARIEF or SLEUTEL
    jaar: int
    schaal: int | None = None
    rol: str = ""
    rol_id: int | None = None
    pakket: str = ""

    @property
    def tekst(self) -> str:
        if self.soort == SCHAAL:
            return f"Voor schaal {self.schaal} ontbreekt het bedrag voor {self.jaar}."
        if self.soort == UURTARIEF:
            return f"Voor {self.rol} ontbreekt het uurtarief voor {self.jaar}."
        if self.soort == PAKKET:
            return f"Pakket {self.pakket} heeft in {self.jaar} kosten maar geen verdeling."
        return f"Voor {self.jaar} ontbreekt een verdeelsleutel."


class KostenFout(ValueError):
    """The formation cannot be costed (a missing scale amount or key); the message is Dutch.

    ``ontbrekend``: every missing amount, when that is what stops the calculation;
    ``pakket_id``: the pakket whose deelnemers or verdeling stop it (its form fixes it);
    ``inwonertallen``: the verdeelsleutel lacks inwonertallen (recorded per gemeente)."""

    def __init__(
        self, message: str = "", ontbrekend=(), pakket_id: int | None = None, inwonertallen=False
    ):
        self.ontbrekend = list(ontbrekend)
        self.pakket_id = pakket_id
        self.inwonertallen = inwonertallen
        super().__init__(message or " ".join(o.tekst for o in self.ontbrekend))


@dataclass(frozen=True)
class FaseData:
    id: int
    naam: str
    begin: date
    eind: date

    @property
    def maanden(self) -> int:
        return (self.eind.year - self.begin.year) * 12 + self.eind.month - self.begin.month + 1

    def maanden_in_jaar(self, jaar: int) -> int:
        if jaar < self.begin.year or jaar > self.eind.year:
            return 0
        first = self.begin.month if jaar == self.begin.year else 1
        last = self.eind.month if jaar == self.eind.year else 12
        return last - first + 1


@dataclass(frozen=True)
class RolData:
    id: int
    naam: str
    kostensoort: str
    leverende_gemeente: str | None = None
    schaal: int | None = None
    uurtarief: Decimal | None = None
    uren_per_fte_per_maand: Decimal = Decimal("156")
    # Hourly rate per begrotingsjaar it holds from; empty: ``uurtarief`` holds for every year.
    uurtarieven: dict[int, Decimal] = field(default_factory=dict)
    # FTE per fase id; for kostensoort vast the amount per fase id.
    bezetting: dict[int, Decimal] = field(default_factory=dict)
    # How the cost table names the rol when it differs from ``naam`` (Bijlage 1: the
    # formation's "Informatie analyse" is "informatieanalyse" there); empty: ``naam``.
    naam_in_kostentabel: str = ""
    # The pluspakket (its id) whose deelnemers pay this rol; None: the basispakket, split by
    # the samenwerkingsverband's verdeelsleutel over all its gemeenten.
    pakket: int | None = None


@dataclass(frozen=True)
class PakketData:
    """A pluspakket or module: its costs go to its deelnemers only (``Pakket``)."""

    id: int
    naam: str
    verdeling: str = ""
    omschrijving: str = ""


BASISPAKKET = "Basispakket"


@dataclass
class FormatieData:
    fasen: list[FaseData]
    rollen: list[RolData]
    # (schaal, vanaf begrotingsjaar) -> integral yearly cost per FTE
    schalen: dict[tuple[int, int], Decimal] = field(default_factory=dict)

    @property
    def jaren(self) -> list[int]:
        """The years with costs: each calendar year in which a fase with a filled cell falls.

        A year between two periods (MLW's fasen end in 2018, a fase of 2027 follows) has no
        fase and so no costs: it is not listed, so no table or chart shows a column of zeros.
        """
        filled = {fase_id for rol in self.rollen for fase_id, v in rol.bezetting.items() if v}
        return sorted(
            {
                jaar
                for fase in self.fasen
                if fase.id in filled
                for jaar in range(fase.begin.year, fase.eind.year + 1)
            }
        )


def onderbrekingen(jaren: list[int]) -> list[tuple[int, int]]:
    """The runs of years without costs between listed years: [2016, 2027] -> [(2017, 2026)]."""
    return [(a + 1, b - 1) for a, b in zip(jaren, jaren[1:], strict=False) if b > a + 1]


def jaren_text(jaren: list[int]) -> str:
    """Years as a reader says them: "2016–2018", "2016–2018 en 2027", "2019"."""
    runs, start = [], None
    for i, jaar in enumerate(jaren):
        start = jaar if start is None else start
        if i + 1 == len(jaren) or jaren[i + 1] != jaar + 1:
            runs.append(str(jaar) if start == jaar else f"{start}–{jaar}")
            start = None
    if len(runs) < 2:
        return "".join(runs)
    return ", ".join(runs[:-1]) + " en " + runs[-1]


@dataclass(frozen=True)
class Sleutel:
    """A cost-split key: per gemeente a fraction (teller / noemer), so a share is rounded once."""

    aandelen: dict[str, tuple[Decimal, Decimal]]
    omschrijving: str = ""

    @classmethod
    def from_percentages(cls, percentages: dict[str, Decimal], omschrijving: str = ""):
        total = sum(percentages.values(), ZERO)
        if total != Decimal("100"):
            raise KostenFout(f"De percentages tellen op tot {total} in plaats van 100.")
        return cls({g: (Decimal(p), Decimal("100")) for g, p in percentages.items()}, omschrijving)

    @classmethod
    def from_inwonertallen(cls, inwonertallen: dict[str, int], omschrijving: str = ""):
        total = Decimal(sum(inwonertallen.values()))
        if total <= 0:
            raise KostenFout("Een verdeling naar inwonertal heeft inwonertallen nodig.")
        return cls({g: (Decimal(n), total) for g, n in inwonertallen.items()}, omschrijving)

    @property
    def gemeenten(self) -> list[str]:
        return sorted(self.aandelen)

    def percentage(self, gemeente: str) -> Decimal:
        teller, noemer = self.aandelen[gemeente]
        return teller * 100 / noemer

    def split(self, kosten: Decimal) -> dict[str, Decimal]:
        """Each gemeente's share of a rounded cost, rounded half-up per cell."""
        return {g: round_euro(kosten * t / n) for g, (t, n) in sorted(self.aandelen.items())}


def from_year(amounts: dict[int, Decimal], jaar: int) -> tuple[Decimal, int] | None:
    """The amount of the latest year on or before ``jaar``, with that year; None: none."""
    years = [y for y in amounts if y <= jaar]
    return (amounts[max(years)], max(years)) if years else None


def tarief(rol: RolData, formatie: FormatieData, jaar: int) -> tuple[Decimal, int | None]:
    """The amount a rol is costed with in ``jaar`` (the scale's yearly cost per FTE, or the
    hourly rate) and the begrotingsjaar it was set for (None: not tied to a year); a rol paid
    per fase has none (0, None). Raises :class:`KostenFout` when there is none yet."""
    if rol.kostensoort == Kostensoort.SCHAAL:
        amounts = {y: v for (s, y), v in formatie.schalen.items() if s == rol.schaal}
        found = from_year(amounts, jaar)
        if found is None:
            raise KostenFout(ontbrekend=[Ontbrekend(SCHAAL, jaar, schaal=rol.schaal)])
        return found
    if rol.kostensoort == Kostensoort.UUR:
        if rol.uurtarieven:
            found = from_year(rol.uurtarieven, jaar)
        else:
            found = (rol.uurtarief, None) if rol.uurtarief is not None else None
        if found is None:
            raise KostenFout(ontbrekend=[Ontbrekend(UURTARIEF, jaar, rol=rol.naam, rol_id=rol.id)])
        return found
    return ZERO, None


def jaarkosten_per_fte(schalen: dict[tuple[int, int], Decimal], schaal: int, jaar: int) -> Decimal:
    """The scale's amount of the latest begrotingsjaar on or before ``jaar``."""
    found = from_year({y: v for (s, y), v in schalen.items() if s == schaal}, jaar)
    if found is None:
        raise KostenFout(ontbrekend=[Ontbrekend(SCHAAL, jaar, schaal=schaal)])
    return found[0]


def costed_years(rol: RolData, formatie: FormatieData) -> list[int]:
    """The years in which the rol has a cost (a value in a fase with months in that year)."""
    return [
        jaar
        for jaar in formatie.jaren
        if any(rol.bezetting.get(f.id) and f.maanden_in_jaar(jaar) for f in formatie.fasen)
    ]


def find_missing(formatie: FormatieData, rollen=None, jaren=None) -> list[Ontbrekend]:
    """Every amount the costs of ``rollen`` (default: all) need and lack, in the years they
    have costs (or in ``jaren``, when given): once per scale or rol, for the first such year,
    since an amount holds from its year on and fills the later years too."""
    missing: dict[tuple, Ontbrekend] = {}
    for rol in formatie.rollen if rollen is None else rollen:
        for jaar in sorted(costed_years(rol, formatie) if jaren is None else jaren):
            try:
                tarief(rol, formatie, jaar)
            except KostenFout as fout:
                for o in fout.ontbrekend:
                    missing.setdefault((o.soort, o.schaal, o.rol_id), o)
    return sorted(missing.values(), key=lambda o: (o.soort, o.schaal or 0, o.rol, o.jaar))


def missing_per_rol(formatie: FormatieData) -> dict[int, list[Ontbrekend]]:
    """Per rol (id) the amounts it lacks: in the years it has costs or, while it has no value
    in any fase yet, in every year of the fasen (the first FTE typed would break the table).
    The check a rol gets when it is saved (``Rol.ontbrekende_bedragen``) and the pages show."""
    result = {}
    for rol in formatie.rollen:
        missing = find_missing(formatie, [rol], costed_years(rol, formatie) or formatie.jaren)
        if missing:
            result[rol.id] = missing
    return result


def exact_role_year_cost(rol: RolData, formatie: FormatieData, jaar: int) -> Decimal:
    """The unrounded cost of a rol in a calendar year: the sum over its fasen."""
    total = ZERO
    for fase in formatie.fasen:
        maanden = fase.maanden_in_jaar(jaar)
        waarde = rol.bezetting.get(fase.id) or ZERO
        if not maanden or not waarde:
            continue
        if rol.kostensoort == Kostensoort.SCHAAL:
            total += tarief(rol, formatie, jaar)[0] * waarde * maanden / 12
        elif rol.kostensoort == Kostensoort.UUR:
            total += tarief(rol, formatie, jaar)[0] * rol.uren_per_fte_per_maand * waarde * maanden
        else:
            total += waarde * maanden / fase.maanden
    return total


def role_year_cost(rol: RolData, formatie: FormatieData, jaar: int) -> Decimal:
    return round_euro(exact_role_year_cost(rol, formatie, jaar))


@dataclass
class Regel:
    """One rol in one year: its rounded cost and each gemeente's share; ``tarief_jaar``: the
    earlier begrotingsjaar whose amount was used, when the year has none of its own."""

    rol: RolData
    jaar: int
    kosten: Decimal
    aandelen: dict[str, Decimal]
    tarief_jaar: int | None = None

    @property
    def eerder_tarief(self) -> str:
        """ "tarief 2016 gebruikt voor 2027", or "" when the year's own amount was used."""
        if self.tarief_jaar is None:
            return ""
        return f"tarief {self.tarief_jaar} gebruikt voor {self.jaar}"


@dataclass
class Kostenverdeling:
    jaren: list[int]
    gemeenten: list[str]
    rollen: list[RolData]
    sleutels: dict[int, Sleutel]
    regels: dict[tuple[int, int], Regel]  # (rol id, jaar) -> Regel
    fasen: list[FaseData] = field(default_factory=list)  # to describe a rol's parameters
    # The pluspakketten, in order; a rol of none of them is in the basispakket.
    pakketten: list[PakketData] = field(default_factory=list)
    # (pakket id, jaar) -> the key over that year's deelnemers, for the years it has costs.
    pakketsleutels: dict[tuple[int, int], Sleutel] = field(default_factory=dict)

    @property
    def heeft_pakketten(self) -> bool:
        return bool(self.pakketten)

    def pakket_naam(self, pakket: int | None) -> str:
        """ "Basispakket" for None, else the pluspakket's name."""
        if pakket is None:
            return BASISPAKKET
        return next(p.naam for p in self.pakketten if p.id == pakket)

    def sleutel(self, rol: RolData, jaar: int) -> Sleutel | None:
        """The key a rol-year is split by: its pluspakket's of that year, else the year's
        verdeelsleutel (None: a pluspakket-year without costs, so without key)."""
        if rol.pakket is None:
            return self.sleutels.get(jaar)
        return self.pakketsleutels.get((rol.pakket, jaar))

    def deelnemers(self, pakket: int | None, jaar: int) -> list[str]:
        """Who pays a pakket's costs of a year: all gemeenten for the basispakket."""
        if pakket is None:
            return list(self.gemeenten)
        found = self.pakketsleutels.get((pakket, jaar))
        return found.gemeenten if found else []

    def kosten_pakket(self, pakket: int | None, jaar: int) -> Decimal:
        """The sum of the rounded costs of the pakket's rollen in a year."""
        return sum(
            (self.regels[(r.id, jaar)].kosten for r in self.rollen if r.pakket == pakket), ZERO
        )

    def aandeel_pakket(self, gemeente: str, jaar: int, pakket: int | None) -> Decimal:
        """A gemeente's share of one pakket in a year (0 outside it): the sum of its cells of
        the pakket's rollen. Over the basispakket and every pluspakket these add up to
        ``aandeel``."""
        return sum(
            (
                self.regels[(r.id, jaar)].aandelen.get(gemeente, ZERO)
                for r in self.rollen
                if r.pakket == pakket
            ),
            ZERO,
        )

    @property
    def periode(self) -> str:
        """The years of the table in words: "2016–2018 en 2027"."""
        return jaren_text(self.jaren)

    @property
    def zonder_kosten(self) -> str:
        """The years between the periods, which have no costs: "2019–2026" (or "")."""
        return jaren_text([j for a, b in onderbrekingen(self.jaren) for j in range(a, b + 1)])

    @property
    def na_onderbreking(self) -> set[int]:
        """The years that follow a gap: a table draws a separator before their columns."""
        return {b + 1 for _, b in onderbrekingen(self.jaren)}

    def regel(self, rol: RolData, jaar: int) -> Regel:
        return self.regels[(rol.id, jaar)]

    @property
    def eerdere_tarieven(self) -> list[Regel]:
        """The rol-years costed with an amount of an earlier year (``Regel.tarief_jaar``), in
        the table's order: the page, the PDF and the exports name them."""
        return [
            self.regels[(r.id, j)]
            for r in self.rollen
            for j in self.jaren
            if self.regels[(r.id, j)].tarief_jaar is not None
        ]

    def totaal_kosten(self, jaar: int) -> Decimal:
        """Sum of the rounded role costs of a year (the seed's column total)."""
        return sum((self.regels[(r.id, jaar)].kosten for r in self.rollen), ZERO)

    def aandeel(self, gemeente: str, jaar: int) -> Decimal:
        """A gemeente's year total: the sum of its cells."""
        return sum(
            (self.regels[(r.id, jaar)].aandelen.get(gemeente, ZERO) for r in self.rollen), ZERO
        )

    def totaal_aandelen(self, jaar: int) -> Decimal:
        return sum((self.aandeel(g, jaar) for g in self.gemeenten), ZERO)

    def afrondingsverschil(self, jaar: int) -> Decimal:
        """Sum of the shares minus sum of the costs ("totaal incl. afronding")."""
        return self.totaal_aandelen(jaar) - self.totaal_kosten(jaar)

    def totaal_gemeente(self, gemeente: str) -> Decimal:
        return sum((self.aandeel(gemeente, j) for j in self.jaren), ZERO)

    @property
    def totaal(self) -> Decimal:
        return sum((self.totaal_aandelen(j) for j in self.jaren), ZERO)

    @property
    def totaal_zonder_afronding(self) -> Decimal:
        return sum((self.totaal_kosten(j) for j in self.jaren), ZERO)


def pakket_years(formatie: FormatieData) -> set[tuple[int, int]]:
    """The (pluspakket, jaar) pairs whose costs must be split: a rol of the pakket has costs
    in that year. Only these need deelnemers and a key."""
    return {
        (rol.pakket, jaar)
        for rol in formatie.rollen
        if rol.pakket is not None
        for jaar in costed_years(rol, formatie)
    }


def calculate_kostenverdeling(
    formatie: FormatieData,
    sleutels: dict[int, Sleutel],
    pakketsleutels: dict[tuple[int, int], Sleutel] | None = None,
    pakketten: list[PakketData] = (),
) -> Kostenverdeling:
    """The whole table: every rol in every year of the fasen, split by that year's key, or
    a pluspakket's rol by its pakket's key of the year over its deelnemers (the others pay 0).
    Every share is rounded half-up once, as Bijlage 1 does."""
    pakketsleutels = pakketsleutels or {}
    pakketten = list(pakketten)
    jaren = formatie.jaren
    missing = [Ontbrekend(SLEUTEL, j) for j in jaren if j not in sleutels]
    names = {p.id: p.naam for p in pakketten}
    missing += [
        Ontbrekend(PAKKET, jaar, pakket=names.get(pakket, str(pakket)))
        for pakket, jaar in sorted(pakket_years(formatie))
        if (pakket, jaar) not in pakketsleutels
    ]
    missing += find_missing(formatie)
    if missing:
        raise KostenFout(ontbrekend=missing)
    gemeenten = sorted({g for j in jaren for g in sleutels[j].gemeenten})
    regels = {}
    for rol in formatie.rollen:
        for jaar in jaren:
            kosten = role_year_cost(rol, formatie, jaar)
            earlier = None
            if jaar in costed_years(rol, formatie):
                tarief_jaar = tarief(rol, formatie, jaar)[1]
                earlier = tarief_jaar if tarief_jaar is not None and tarief_jaar < jaar else None
            if rol.pakket is None:
                aandelen = sleutels[jaar].split(kosten)
            elif (rol.pakket, jaar) in pakketsleutels:
                aandelen = pakketsleutels[(rol.pakket, jaar)].split(kosten)
            else:  # no costs this year, so no deelnemers needed
                aandelen = {}
            regels[(rol.id, jaar)] = Regel(rol, jaar, kosten, aandelen, earlier)
    return Kostenverdeling(
        jaren,
        gemeenten,
        list(formatie.rollen),
        sleutels,
        regels,
        fasen=list(formatie.fasen),
        pakketten=pakketten,
        pakketsleutels=dict(pakketsleutels),
    )
