"""The onderlinge verrekening (convenant art. 5): who bears which cost and who pays whom.

Plain functions on a Kostenverdeling (Decimal only, whole euros; nothing is rounded here):

- a rol's rounded yearly cost is borne (gedragen) by its leverende gemeente, a rol without one by
  the penvoerder; without a penvoerder such costs are niet toegewezen;
- saldo = gedragen - aandeel; positive means the gemeente receives, negative that it pays;
- the saldi of a year add up to minus the afrondingsverschil; that difference is put explicitly
  with the penvoerder, else with the gemeente with the largest aandeel (ties: alphabetical);
- the adjusted saldi are settled with as few betalingen as possible.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from regiekamer.opmaak import format_euro

from .verdeling import KostenFout, Kostenverdeling

ZERO = Decimal("0")

NIET_VERREKEND = "Een scenario wordt niet verrekend"


def scenario_melding(sv) -> str:
    """Why a scenario has no verrekening, in Dutch; "" for a real samenwerkingsverband."""
    if not sv.is_scenario:
        return ""
    return (
        f"{NIET_VERREKEND}: {sv.naam} is een scenario van {sv.scenario_van.naam}, geen echte "
        f"kosten. De verrekening staat bij {sv.scenario_van.afkorting}."
    )


@dataclass(frozen=True)
class Betaling:
    """``van`` pays ``aan`` a positive amount of whole euros."""

    van: str
    aan: str
    bedrag: Decimal


@dataclass
class JaarVerrekening:
    """The verrekening of one year; gemeenten are the keys of every dict, alphabetical."""

    jaar: int
    gedragen: dict[str, Decimal]
    aandeel: dict[str, Decimal]
    saldo: dict[str, Decimal]
    niet_toegewezen: list[tuple[str, Decimal]]  # (rol naam, kosten)
    afrondingsverschil: Decimal
    afronding_gemeente: str | None
    afronding_toelichting: str
    # saldo with the afrondingsverschil added to afronding_gemeente: what the betalingen settle
    te_verrekenen: dict[str, Decimal] = field(default_factory=dict)
    betalingen: list[Betaling] = field(default_factory=list)

    @property
    def volledig_toegewezen(self) -> bool:
        return not self.niet_toegewezen


def choose_afronding_gemeente(aandeel: dict[str, Decimal], penvoerder: str | None) -> str | None:
    """The penvoerder, else the gemeente with the largest aandeel (ties: alphabetical first)."""
    if penvoerder:
        return penvoerder
    if not aandeel:
        return None
    return min(aandeel, key=lambda g: (-aandeel[g], g))


def describe_afronding(verschil: Decimal, jaar: int, gemeente: str | None) -> str:
    """A Dutch sentence saying where the rounding difference of a year goes."""
    if not verschil:
        return f"In {jaar} is er geen afrondingsverschil."
    bedrag = f"€ {format_euro(abs(verschil))}"
    if gemeente is None:
        return f"Het afrondingsverschil van {bedrag} in {jaar} is aan geen gemeente toe te wijzen."
    if verschil > 0:
        return (
            f"Het afrondingsverschil van {bedrag} in {jaar} komt ten goede aan {gemeente}: "
            f"de aandelen zijn samen {bedrag} hoger dan de kosten, dus {gemeente} betaalt "
            f"{bedrag} minder dan het eigen aandeel."
        )
    return (
        f"Het afrondingsverschil van {bedrag} in {jaar} komt voor rekening van {gemeente}: "
        f"de aandelen zijn samen {bedrag} lager dan de kosten, dus {gemeente} betaalt "
        f"{bedrag} meer dan het eigen aandeel."
    )


def drager_van(rol, jaar: int, penvoerder: str | None, dragers=None) -> str | None:
    """Who bore a rol-year: ``dragers[(rol id, jaar)]`` when given (a Realisatie's
    ``gedragen_door``), else the leverende gemeente, else the penvoerder (None: nobody yet)."""
    if dragers and dragers.get((rol.id, jaar)):
        return dragers[(rol.id, jaar)]
    return rol.leverende_gemeente or penvoerder


def calculate_jaar(
    kv: Kostenverdeling, jaar: int, penvoerder: str | None, dragers=None
) -> JaarVerrekening:
    """The verrekening of one year; no betalingen while costs are niet toegewezen.
    ``dragers``: {(rol id, jaar): gemeente} overriding who bore a rol-year (actual costs)."""
    gedragen: dict[str, Decimal] = {}
    niet_toegewezen: list[tuple[str, Decimal]] = []
    for rol in kv.rollen:
        kosten = kv.regel(rol, jaar).kosten
        if not kosten:
            continue
        drager = drager_van(rol, jaar, penvoerder, dragers)
        if drager:
            gedragen[drager] = gedragen.get(drager, ZERO) + kosten
        else:
            niet_toegewezen.append((rol.naam, kosten))
    namen = set(kv.gemeenten) | set(gedragen) | ({penvoerder} if penvoerder else set())
    gemeenten = sorted(namen)
    gedragen = {g: gedragen.get(g, ZERO) for g in gemeenten}
    aandeel = {g: kv.aandeel(g, jaar) for g in gemeenten}
    saldo = {g: gedragen[g] - aandeel[g] for g in gemeenten}

    verschil = kv.afrondingsverschil(jaar)
    gemeente = choose_afronding_gemeente(aandeel, penvoerder) if verschil else None
    te_verrekenen = dict(saldo)
    if gemeente is not None:
        te_verrekenen[gemeente] += verschil
    betalingen = [] if niet_toegewezen else settle(te_verrekenen)
    return JaarVerrekening(
        jaar=jaar,
        gedragen=gedragen,
        aandeel=aandeel,
        saldo=saldo,
        niet_toegewezen=niet_toegewezen,
        afrondingsverschil=verschil,
        afronding_gemeente=gemeente,
        afronding_toelichting=describe_afronding(verschil, jaar, gemeente),
        te_verrekenen=te_verrekenen,
        betalingen=betalingen,
    )


def calculate_verrekening(
    kv: Kostenverdeling, penvoerder: str | None = None, dragers=None
) -> list[JaarVerrekening]:
    """The verrekening of every year of the Kostenverdeling (``dragers``: see calculate_jaar)."""
    return [calculate_jaar(kv, jaar, penvoerder, dragers) for jaar in kv.jaren]


def settle(saldi: dict[str, Decimal]) -> list[Betaling]:
    """Few betalingen that bring every saldo to zero (positive saldo receives).

    First exact opposite amounts are paired, then the largest debtor pays the largest creditor
    (ties: alphabetical). At most n - 1 betalingen; sorted by van, aan.
    """
    open_saldi = {g: Decimal(s) for g, s in saldi.items() if s}
    if sum(open_saldi.values(), ZERO) != 0:
        raise KostenFout("De saldi tellen niet op tot nul; er valt niets sluitend te verrekenen.")
    if any(s != s.to_integral_value() for s in open_saldi.values()):
        raise KostenFout("De saldi moeten hele euro's zijn.")
    betalingen: list[Betaling] = []

    def pay(van: str, aan: str, bedrag: Decimal) -> None:
        betalingen.append(Betaling(van, aan, bedrag))
        open_saldi[van] += bedrag
        open_saldi[aan] -= bedrag
        for g in (van, aan):
            if not open_saldi[g]:
                del open_saldi[g]

    def largest(sign: int) -> list[str]:
        names = [g for g, s in open_saldi.items() if s * sign > 0]
        return sorted(names, key=lambda g: (-abs(open_saldi[g]), g))

    for debtor in largest(-1):
        match = next((c for c in largest(1) if open_saldi[c] == -open_saldi[debtor]), None)
        if match is not None:
            pay(debtor, match, open_saldi[match])

    while open_saldi:
        debtor, creditor = largest(-1)[0], largest(1)[0]
        pay(debtor, creditor, min(-open_saldi[debtor], open_saldi[creditor]))

    return sorted(betalingen, key=lambda b: (b.van, b.aan))
