"""Budget totals of §5: the amounts add up; PM lines are counted apart, never as zero."""

from dataclasses import dataclass
from decimal import Decimal

ZERO = Decimal("0")


@dataclass(frozen=True)
class BudgetTotals:
    bedrag: Decimal  # the sum of the lines with an amount
    aantal_pm: int  # lines without an amount yet (pro memorie)
    verplicht: Decimal
    besteed: Decimal
    restant: Decimal  # of the lines with an amount

    @property
    def label(self) -> str:
        """'275000 + 1 PM-post' style: the total never hides that PM lines are open."""
        if not self.aantal_pm:
            return ""
        posten = "PM-post" if self.aantal_pm == 1 else "PM-posten"
        return f"+ {self.aantal_pm} {posten}"


def budget_totals(posten) -> BudgetTotals:
    """Totals over Budgetpost rows."""
    met_bedrag = [p for p in posten if not p.pm and p.bedrag is not None]
    return BudgetTotals(
        bedrag=sum((p.bedrag for p in met_bedrag), ZERO),
        aantal_pm=sum(1 for p in posten if p.pm or p.bedrag is None),
        verplicht=sum((p.verplicht for p in posten), ZERO),
        besteed=sum((p.besteed for p in posten), ZERO),
        restant=sum((p.restant for p in met_bedrag), ZERO),
    )
