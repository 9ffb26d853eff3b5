"""The one place where money is rounded: half-up to whole euros, as Bijlage 1 does."""

from decimal import ROUND_HALF_UP, Decimal

EURO = Decimal("1")


def round_euro(amount: Decimal) -> Decimal:
    """Round to whole euros, half-up (128.112,50 becomes 128.113)."""
    return Decimal(amount).quantize(EURO, rounding=ROUND_HALF_UP)


CENT = Decimal("0.01")


def round_cent(amount: Decimal) -> Decimal:
    """Round to cents, half-up: an indexed amount (salarisschaal, uurtarief) is stored so
    (83.100 x 1,035 = 86.008,50; 95 x 1,0275 = 97,6125 becomes 97,61)."""
    return Decimal(amount).quantize(CENT, rounding=ROUND_HALF_UP)


def index_amount(amount: Decimal, percentage: Decimal) -> Decimal:
    """``amount`` raised by ``percentage`` per cent, rounded to cents half-up (once)."""
    return round_cent(Decimal(amount) * (100 + Decimal(percentage)) / 100)
