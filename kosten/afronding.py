"""The one place where money is rounded: half-up to whole euros, as Bijlage 1 does."""

from decimal import ROUND_HALF_UP, Decimal

EURO = Decimal("1")


def round_euro(amount: Decimal) -> Decimal:
    """Round to whole euros, half-up (128.112,50 becomes 128.113)."""
    return Decimal(amount).quantize(EURO, rounding=ROUND_HALF_UP)
