"""Voorschotten: the gemeenten pay the samenwerking in advance, per quarter, from the begroting.

Plain functions on a :class:`~kosten.nacalculatie.Nacalculatie` (Decimal only, whole euros):

- a gemeente's voorschot of a year is its share of the plan (of the regeling's pakket, or of
  all costs); Q1–Q3 are ``round_euro(share / 4)`` and Q4 the rest, so the four add up exactly;
- after the year, when its realisatie is complete, the eindafrekening: the share of the actual
  costs − the voorschotten; positive: the gemeente pays extra, negative: it gets money back.
"""

from dataclasses import dataclass
from decimal import Decimal

from regiekamer.afronding import round_euro
from regiekamer.opmaak import format_euro

from .nacalculatie import ALLE, Nacalculatie
from .verdeling import jaren_text

ZERO = Decimal("0")
KWARTALEN = ("Q1", "Q2", "Q3", "Q4")


def kwartaalbedragen(aandeel: Decimal) -> list[Decimal]:
    """Four quarterly amounts that add up to ``aandeel`` exactly: three rounded quarters,
    the fourth the rest."""
    kwart = round_euro(Decimal(aandeel) / 4)
    return [kwart, kwart, kwart, Decimal(aandeel) - 3 * kwart]


@dataclass(frozen=True)
class Voorschot:
    """One gemeente's voorschotten of a year and, once the year is complete, its settlement."""

    gemeente: str
    aandeel: Decimal  # the plan's share: the sum of the voorschotten
    kwartalen: list[Decimal]
    werkelijk: Decimal | None = None  # the share of the actual costs; None: not complete

    @property
    def eindafrekening(self) -> Decimal | None:
        """werkelijk − voorschotten: positive pays extra, negative gets back."""
        return None if self.werkelijk is None else self.werkelijk - self.aandeel

    @property
    def eindafrekening_tekst(self) -> str:
        verschil = self.eindafrekening
        if verschil is None:
            return "nog niet bekend"
        if verschil > 0:
            return f"{self.gemeente} betaalt € {format_euro(verschil)} bij"
        if verschil < 0:
            return f"{self.gemeente} krijgt € {format_euro(-verschil)} terug"
        return "niets te verrekenen"


@dataclass
class VoorschotJaar:
    jaar: int
    voorschotten: list[Voorschot]
    volledig: bool
    ontbrekend: list[str]  # rollen whose actual cost of the year is missing

    @property
    def totaal(self) -> Decimal:
        return sum((v.aandeel for v in self.voorschotten), ZERO)

    @property
    def totaal_kwartalen(self) -> list[Decimal]:
        return [sum((v.kwartalen[i] for v in self.voorschotten), ZERO) for i in range(4)]

    @property
    def totaal_werkelijk(self) -> Decimal | None:
        if not self.volledig:
            return None
        return sum((v.werkelijk for v in self.voorschotten), ZERO)

    @property
    def totaal_eindafrekening(self) -> Decimal | None:
        werkelijk = self.totaal_werkelijk
        return None if werkelijk is None else werkelijk - self.totaal


@dataclass(frozen=True)
class RegelingData:
    """What the calculation needs of a Voorschotregeling: ``pakket`` ALLE (all costs), None
    (the basispakket) or a pluspakket id; the years it covers (``tot_en_met_jaar`` None: on)."""

    pakket: object
    vanaf_jaar: int
    tot_en_met_jaar: int | None = None

    def covers(self, jaar: int) -> bool:
        return self.vanaf_jaar <= jaar and (
            self.tot_en_met_jaar is None or jaar <= self.tot_en_met_jaar
        )


def regeling_data(regeling) -> RegelingData:
    """A Voorschotregeling (with ``pakket`` selected) as plain data."""
    if regeling.pakket_id is None:
        pakket = ALLE
    else:
        pakket = None if regeling.pakket.is_basis else regeling.pakket_id
    return RegelingData(pakket, regeling.vanaf_jaar, regeling.tot_en_met_jaar)


def voorschot_jaar(nacalculatie: Nacalculatie, regeling: RegelingData, jaar: int) -> VoorschotJaar:
    """Per gemeente the quarterly voorschotten of ``jaar`` and, when the year is complete,
    the eindafrekening."""
    volledig = nacalculatie.is_volledig(jaar)
    voorschotten = []
    for gemeente in nacalculatie.gemeenten:
        aandeel = nacalculatie.aandeel_begroot(gemeente, jaar, regeling.pakket)
        werkelijk = nacalculatie.aandeel_werkelijk(gemeente, jaar, regeling.pakket)
        if not aandeel and not werkelijk:
            continue  # not a deelnemer of the pakket this year
        voorschotten.append(Voorschot(gemeente, aandeel, kwartaalbedragen(aandeel), werkelijk))
    return VoorschotJaar(jaar, voorschotten, volledig, nacalculatie.ontbrekend(jaar))


def voorschot_jaren(nacalculatie: Nacalculatie, regeling: RegelingData) -> list[VoorschotJaar]:
    """Every year of the nacalculatie (plan and realisatie) that the regeling covers."""
    return [
        voorschot_jaar(nacalculatie, regeling, jaar)
        for jaar in nacalculatie.jaren
        if regeling.covers(jaar)
    ]


def periode_tekst(regeling) -> str:
    """ "vanaf 2024", "2024–2026", "2024"."""
    if regeling.tot_en_met_jaar is None:
        return f"vanaf {regeling.vanaf_jaar}"
    return jaren_text(list(range(regeling.vanaf_jaar, regeling.tot_en_met_jaar + 1)))
