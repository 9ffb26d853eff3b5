"""The comparison for the stuurgroep: what each gemeente pays per year under the real
samenwerkingsverband and under each of its scenario's (seed 004's open choice of scale).

Per variant (the real one first, then its scenario's by name) and year, per gemeente: its
total share of the year (basispakket plus every pluspakket), the difference with the real
one, the inwonertal (the one the key used; for a percentage key the latest figure on or before
the year), the cost per inwoner (cents) and per 1.000 inwoners (whole euros). A gemeente
without an inwonertal is named as missing, never counted as zero; a variant that cannot be
split (``KostenFout``) shows its costs per year and its Dutch reason. The page, the PDF and
``vergelijk_scenarios CODE --format csv`` read the same :class:`Vergelijking`.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from kosten.constants import Verdeelmethode
from kosten.gegevens import load_formatie, load_kostenverdeling
from kosten.models import Verdeelsleutel
from kosten.verdeling import KostenFout, role_year_cost
from partijen.models import Inwonertal, Samenwerkingsverband
from regiekamer.afronding import round_cent, round_euro
from regiekamer.dataversie import cached

CSV_HEADER = ["scenario", "jaar", "gemeente", "kosten", "inwonertal", "per_1000_inwoners"]


def per_inwoner(kosten: Decimal | None, inwoners: int | None) -> Decimal | None:
    """Cost per inwoner in cents; None when either is not known (never a division by 0)."""
    return None if kosten is None or not inwoners else round_cent(kosten / inwoners)


def per_1000(kosten: Decimal | None, inwoners: int | None) -> Decimal | None:
    """Cost per 1.000 inwoners in whole euros; None when either is not known."""
    return None if kosten is None or not inwoners else round_euro(kosten * 1000 / inwoners)


@dataclass
class Regel:
    """One gemeente in one year under one variant; None: not known (see ``ontbreekt``)."""

    gemeente: str
    kosten: Decimal | None
    inwonertal: int | None = None
    peildatum: date | None = None
    bron: str = ""
    verschil: Decimal | None = None
    # Why there is no difference with the real one ("" when there is one, or for the real one).
    geen_verschil: str = ""

    @property
    def per_inwoner(self) -> Decimal | None:
        return per_inwoner(self.kosten, self.inwonertal)

    @property
    def per_1000(self) -> Decimal | None:
        return per_1000(self.kosten, self.inwonertal)


@dataclass
class Jaar:
    jaar: int
    regels: list[Regel]
    # The variant's costs of the year: the sum of the rounded rol costs ("Totaal kosten"), the
    # same figure whether or not it can be split, so variants compare without a rounding euro.
    kosten: Decimal | None = None
    # The sum of the gemeenten's shares ("Totaal (incl. afronding)"); None: not split.
    aandelen: Decimal | None = None

    @property
    def zonder_inwonertal(self) -> list[str]:
        return [r.gemeente for r in self.regels if r.inwonertal is None]

    @property
    def met_inwonertal(self) -> list[Regel]:
        return [r for r in self.regels if r.inwonertal is not None]

    @property
    def inwoners(self) -> int | None:
        """The inwoners of all its gemeenten: only when every figure is known."""
        if self.zonder_inwonertal or not self.regels:
            return None
        return sum(r.inwonertal for r in self.regels)

    @property
    def per_inwoner(self) -> Decimal | None:
        return per_inwoner(self.kosten, self.inwoners)

    @property
    def per_1000(self) -> Decimal | None:
        return per_1000(self.kosten, self.inwoners)


@dataclass
class Variant:
    """The real samenwerkingsverband or one of its scenario's."""

    samenwerkingsverband: Samenwerkingsverband
    jaren: list[Jaar] = field(default_factory=list)
    # Why it cannot be split over its gemeenten (Dutch), or "".
    fout: str = ""

    @property
    def afkorting(self) -> str:
        return self.samenwerkingsverband.afkorting

    @property
    def naam(self) -> str:
        return self.samenwerkingsverband.naam

    @property
    def is_scenario(self) -> bool:
        return self.samenwerkingsverband.is_scenario

    def jaar(self, jaar: int) -> Jaar | None:
        return next((j for j in self.jaren if j.jaar == jaar), None)


@dataclass
class Naastelkaar:
    """One year with every variant side by side: per gemeente its regel in each variant (None:
    not a deelnemer of that variant, or the variant has no costs that year)."""

    jaar: int
    jaren: list[Jaar | None]  # per variant
    rijen: list[tuple[str, list[Regel | None]]]


@dataclass
class Vergelijking:
    echt: Variant
    scenarios: list[Variant]

    @property
    def varianten(self) -> list[Variant]:
        return [self.echt, *self.scenarios]

    @property
    def naast_elkaar(self) -> list[Naastelkaar]:
        result = []
        for jaar in sorted({j.jaar for v in self.varianten for j in v.jaren}):
            jaren = [v.jaar(jaar) for v in self.varianten]
            regels = [{r.gemeente: r for r in j.regels} if j else {} for j in jaren]
            gemeenten = sorted({g for found in regels for g in found})
            rijen = [(g, [found.get(g) for found in regels]) for g in gemeenten]
            result.append(Naastelkaar(jaar, jaren, rijen))
        return result

    def rows(self) -> list[list]:
        """The CSV: ``scenario,jaar,gemeente,kosten,inwonertal,per_1000_inwoners`` (the real
        one first under its own afkorting); an empty cell where a figure is missing."""
        rows = [list(CSV_HEADER)]
        for variant in self.varianten:
            for jaar in variant.jaren:
                for r in jaar.regels:
                    rows.append(
                        [
                            variant.afkorting,
                            jaar.jaar,
                            r.gemeente,
                            _int(r.kosten),
                            _int(r.inwonertal),
                            _int(r.per_1000),
                        ]
                    )
        return rows


def _int(value) -> int | str:
    return "" if value is None else int(value)


# -- building it ---------------------------------------------------------------------------


def _figures(sv: Samenwerkingsverband) -> dict[str, list[Inwonertal]]:
    """Per gemeente of ``sv`` the figures its keys read (a scenario's own), oldest first."""
    found: dict[str, list[Inwonertal]] = {}
    for i in (
        Inwonertal.van(sv)
        .filter(gemeente__samenwerkingsverbanden=sv)
        .select_related("gemeente")
        .order_by("peildatum", "pk")
    ):
        found.setdefault(i.gemeente.naam, []).append(i)
    return found


def _figure(figures: list[Inwonertal], jaar: int, sleutel: Verdeelsleutel | None):
    """The figure the key of the year used (a key by inwonertal: the latest on or before its
    peildatum), else the latest figure on or before the year; None: not known."""
    if sleutel is not None and sleutel.methode == Verdeelmethode.INWONERTAL and sleutel.peildatum:
        candidates = [i for i in figures if i.peildatum <= sleutel.peildatum]
    else:
        candidates = [i for i in figures if i.peildatum.year <= jaar]
    return candidates[-1] if candidates else None


def _costs_per_year(sv: Samenwerkingsverband) -> dict[int, Decimal]:
    """The formation's rounded costs per year, without splitting them; {} when even these
    cannot be computed (a missing scale amount)."""
    formatie = load_formatie(sv)
    try:
        return {
            jaar: sum((role_year_cost(rol, formatie, jaar) for rol in formatie.rollen), Decimal(0))
            for jaar in formatie.jaren
        }
    except KostenFout:
        return {}


def cached_variant(sv: Samenwerkingsverband) -> Variant:
    """``build_variant`` from the cache while the samenwerkingsverband's data (and the shared
    figures) are unchanged (``regiekamer.dataversie``): a copy of its own, which ``compare``
    may fill in."""
    return cached(sv.pk, "vergelijking-variant", lambda: build_variant(sv))


def build_variant(sv: Samenwerkingsverband) -> Variant:
    gemeenten = sorted(g.naam for g in sv.gemeenten.all())
    figures = _figures(sv)
    sleutels = list(Verdeelsleutel.objects.filter(samenwerkingsverband=sv).order_by("vanaf_jaar"))
    try:
        kv = load_kostenverdeling(sv)
    except KostenFout as fout:
        kv, variant = None, Variant(sv, fout=str(fout))
        per_year = _costs_per_year(sv)
    else:
        variant = Variant(sv)
        per_year = {jaar: kv.totaal_kosten(jaar) for jaar in kv.jaren}
    for jaar, kosten in per_year.items():
        covering = [s for s in sleutels if s.covers(jaar)]
        sleutel = covering[-1] if covering else None
        regels = []
        for naam in gemeenten:
            figure = _figure(figures.get(naam, []), jaar, sleutel)
            regels.append(
                Regel(
                    gemeente=naam,
                    kosten=kv.aandeel(naam, jaar) if kv is not None else None,
                    inwonertal=figure.aantal if figure else None,
                    peildatum=figure.peildatum if figure else None,
                    bron=figure.bron if figure else "",
                )
            )
        aandelen = kv.totaal_aandelen(jaar) if kv is not None else None
        variant.jaren.append(Jaar(jaar, regels, kosten, aandelen))
    return variant


def compare(echt: Variant, scenario: Variant) -> None:
    """Fill each of the scenario's regels' difference with the real one."""
    for jaar in scenario.jaren:
        real_year = echt.jaar(jaar.jaar)
        real = {r.gemeente: r for r in real_year.regels} if real_year else {}
        for r in jaar.regels:
            other = real.get(r.gemeente)
            if other is None:
                r.geen_verschil = f"geen deelnemer van {echt.afkorting} in {jaar.jaar}"
            elif r.kosten is None or other.kosten is None:
                r.geen_verschil = "kosten niet te berekenen"
            else:
                r.verschil = r.kosten - other.kosten


def build_vergelijking(sv: Samenwerkingsverband) -> Vergelijking:
    """The comparison of the real ``sv`` (a scenario: of its real one) with its scenario's."""
    if sv.is_scenario:
        sv = sv.scenario_van
    echt = cached_variant(sv)
    scenarios = [
        cached_variant(s)
        for s in Samenwerkingsverband.objects.filter(scenario_van=sv).order_by("naam", "pk")
    ]
    for scenario in scenarios:
        compare(echt, scenario)
    return Vergelijking(echt, scenarios)
