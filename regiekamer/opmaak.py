"""Dutch number formatting, shared by pages, PDFs and exports: 1.170.744 and 4,1."""

from decimal import Decimal

from regiekamer.afronding import round_euro


def format_euro(amount) -> str:
    """Whole euros with a dot per thousand: 1170744 -> '1.170.744' (rounded half-up)."""
    if amount is None or amount == "":
        return "—"
    value = int(round_euro(Decimal(amount)))
    text = f"{abs(value):,}".replace(",", ".")
    return f"-{text}" if value < 0 else text


def format_decimal(value, places: int = 2, trailing_zeros: bool = False) -> str:
    """A number with a decimal comma and no trailing zeros: 4.10 -> '4,1', 5.00 -> '5';
    with ``trailing_zeros`` always ``places`` decimals: 0.5 -> '0,50'."""
    if value is None or value == "":
        return "—"
    text = f"{Decimal(value):,.{places}f}"
    if "." in text and not trailing_zeros:
        text = text.rstrip("0").rstrip(".")
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")
