"""Each gemeente's share of the costs against its budget for them, per year.

The ruimte is what is left of the budget after the claims known to weigh on it and the share:
budget − claims − aandeel. A claim whose amount is not known (the documents name claims
without amounts) cannot be subtracted: the ruimte is then at most that figure ("ten hoogste"),
and the page, PDF and workbook say so instead of showing it as certain.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from regiekamer.afronding import round_euro

from .models import Budget
from .verdeling import Kostenverdeling, jaren_text

ZERO = Decimal("0")


@dataclass(frozen=True)
class Claimregel:
    omschrijving: str
    bedrag: Decimal | None  # None: the amount is not known
    bron: str = ""


@dataclass
class Budgetregel:
    gemeente: str
    jaar: int
    budget: Decimal
    aandeel: Decimal
    omschrijving: str = ""
    claims: list[Claimregel] = field(default_factory=list)
    budget_id: int | None = None
    gemeente_id: int | None = None

    @property
    def claims_bedrag(self) -> Decimal:
        """The known claims together (claims without an amount count for nothing here)."""
        return sum((c.bedrag for c in self.claims if c.bedrag is not None), ZERO)

    @property
    def claims_bekend(self) -> Decimal | None:
        """The known claims together; None when there are claims and none has an amount
        (shown as "bedrag onbekend", never as € 0)."""
        if self.claims and len(self.claims_zonder_bedrag) == len(self.claims):
            return None
        return self.claims_bedrag

    @property
    def claims_zonder_bedrag(self) -> list[Claimregel]:
        return [c for c in self.claims if c.bedrag is None]

    @property
    def ruimte(self) -> Decimal:
        """What is left of the budget after the known claims and the share (negative:
        overschreden); with a claim of unknown amount, at most this (``ruimte_ten_hoogste``).
        In whole euros from the whole euros shown (the share is one already), so the row adds
        up as printed: claims of € 73.000 and € 12.500,50 on € 900.000 with a share of
        € 108.231 leave € 706.268 (900.000 − 85.501 − 108.231), not a cent-exact 706.268,50
        that rounds to a figure the row does not add up to."""
        return round_euro(self.budget) - round_euro(self.claims_bedrag) - round_euro(self.aandeel)

    @property
    def ruimte_ten_hoogste(self) -> bool:
        """Whether the ruimte is only an upper bound: a claim's amount is not known."""
        return bool(self.claims_zonder_bedrag)

    @property
    def percentage(self) -> Decimal | None:
        """The share as a whole percentage of the budget."""
        return round_euro(self.aandeel * 100 / self.budget) if self.budget else None

    @property
    def overschreden(self) -> bool:
        """The known claims and the share exceed the budget (an unknown claim only adds)."""
        return self.ruimte < 0

    @property
    def ruimte_tekst(self) -> str:
        """A remark on the ruimte for a reader: "ten hoogste: 1 claim zonder bedrag",
        "overschreden", or empty."""
        if self.overschreden:
            return "overschreden"
        n = len(self.claims_zonder_bedrag)
        if n:
            return f"ten hoogste: {n} claim{'s' if n > 1 else ''} zonder bedrag"
        return ""


def budgets_of(sv):
    """The budgets of a samenwerkingsverband with what ``check_budgets`` reads of them, in a
    fixed number of queries."""
    return (
        Budget.objects.filter(samenwerkingsverband=sv)
        .select_related("gemeente")
        .prefetch_related("claims")
    )


def check_budgets(kv: Kostenverdeling, budgets) -> list[Budgetregel]:
    """One line per budget (gemeente and year) that falls within the table's years.
    ``budgets``: as ``budgets_of`` reads them."""
    return [
        Budgetregel(
            b.gemeente.naam,
            b.jaar,
            b.bedrag,
            kv.aandeel(b.gemeente.naam, b.jaar),
            b.omschrijving,
            [Claimregel(c.omschrijving, c.bedrag, c.bron) for c in b.claims.all()],
            budget_id=b.pk,
            gemeente_id=b.gemeente_id,
        )
        for b in budgets
        if b.jaar in kv.jaren
    ]


@dataclass(frozen=True)
class Claimgroep:
    """A claim as the reader meets it once: on the budgets of one gemeente in these years."""

    gemeente: str
    jaren: str  # "2016–2018"
    claim: Claimregel


def _over_jaren(items) -> list[tuple[str, object, str]]:
    """(gemeente, thing, "2016–2018") once per gemeente and thing, from (gemeente, thing,
    jaar) triples, in the order first met: what a gemeente's budgets say over several years."""
    groups: dict[tuple[str, object], list[int]] = {}
    for gemeente, thing, jaar in items:
        groups.setdefault((gemeente, thing), []).append(jaar)
    return [
        (gemeente, thing, jaren_text(sorted(jaren))) for (gemeente, thing), jaren in groups.items()
    ]


def claims_overzicht(regels: list[Budgetregel]) -> list[Claimgroep]:
    """Every claim of the budget lines, the same claim of a gemeente over several years once:
    "Weert 2016–2018: … (bedrag onbekend)"."""
    triples = ((r.gemeente, claim, r.jaar) for r in regels for claim in r.claims)
    return [Claimgroep(gemeente, jaren, claim) for gemeente, claim, jaren in _over_jaren(triples)]


def omschrijvingen(regels: list[Budgetregel]) -> list[str]:
    """What each gemeente's budgets are, the same description over several years once:
    "Weert 2016–2018: Jaarlijks budget uitvoeringskosten …", in the order of the lines."""
    triples = ((r.gemeente, r.omschrijving, r.jaar) for r in regels if r.omschrijving)
    return [f"{gemeente} {jaren}: {tekst}" for gemeente, tekst, jaren in _over_jaren(triples)]


def budget_context(kv: Kostenverdeling, sv) -> dict:
    """The budget check as the page and the PDF show it: a line per budget, what the budgets
    are, and the claims."""
    budgetten = check_budgets(kv, budgets_of(sv))
    return {
        "budgetten": budgetten,
        "budget_omschrijvingen": omschrijvingen(budgetten),
        "claims": claims_overzicht(budgetten),
    }
