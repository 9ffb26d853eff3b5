"""Each gemeente's share of the costs against its budget for them, per year."""

from dataclasses import dataclass
from decimal import Decimal

from regiekamer.afronding import round_euro

from .verdeling import Kostenverdeling


@dataclass
class Budgetregel:
    gemeente: str
    jaar: int
    budget: Decimal
    aandeel: Decimal
    omschrijving: str = ""

    @property
    def ruimte(self) -> Decimal:
        """What is left of the budget after the share (negative: overschreden)."""
        return self.budget - self.aandeel

    @property
    def percentage(self) -> Decimal | None:
        """The share as a whole percentage of the budget."""
        return round_euro(self.aandeel * 100 / self.budget) if self.budget else None

    @property
    def overschreden(self) -> bool:
        return self.aandeel > self.budget


def check_budgets(kv: Kostenverdeling, budgets) -> list[Budgetregel]:
    """One line per budget (gemeente and year) that falls within the table's years."""
    return [
        Budgetregel(
            b.gemeente.naam, b.jaar, b.bedrag, kv.aandeel(b.gemeente.naam, b.jaar), b.omschrijving
        )
        for b in budgets
        if b.jaar in kv.jaren
    ]
