"""The one Dutch number parser and its display (regiekamer.getallen)."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from regiekamer.getallen import (
    AANTAL,
    BEDRAG,
    FTE,
    PERCENTAGE,
    UREN,
    GetalField,
    Getalfout,
    format_number,
    implausible,
    parse_number,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0,5", "0.5"),
        ("1.234,56", "1234.56"),
        ("73.000", "73000"),
        ("€ 73.000", "73000"),
        ("€ 73.000,-", "73000"),
        ("1 234", "1234"),
        ("1\u00a0234", "1234"),
        ("1\u202f234", "1234"),
        ("12,5%", "12.5"),
        ("-3", "-3"),
        ("-0,5", "-0.5"),
        ("1.500,50", "1500.50"),
        ("50.250", "50250"),
    ],
)
def test_dutch_notation_is_read(text, expected):
    assert parse_number(text) == Decimal(expected)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1.5", "Schrijf 1,5 (komma voor decimalen) of 1.500 (punt voor duizendtallen)."),
        ("0.5", "Schrijf 0,5 (komma voor decimalen) of 1.500 (punt voor duizendtallen)."),
        ("12.34", "Schrijf 12,34 (komma voor decimalen)"),
        ("1,234.56", "is Engelse notatie. Schrijf 1.234,56 (punt voor duizendtallen"),
        ("1.23.4", "Een punt staat alleen tussen groepjes van drie cijfers"),
        ("abc", '"abc" is geen getal. Schrijf bijvoorbeeld 1.234,56 of 0,5.'),
        ("12a", "is geen getal"),
    ],
)
def test_ambiguous_or_english_numbers_are_refused_with_how_to_write_them(text, message):
    with pytest.raises(Getalfout) as error:
        parse_number(text)
    assert message in str(error.value)


def test_empty_is_none():
    assert parse_number("") is None and parse_number("  ") is None


@pytest.mark.parametrize(
    ("value", "kind", "shown"),
    [
        (Decimal("58500.00"), BEDRAG, "58.500"),
        (Decimal("1234.50"), BEDRAG, "1.234,50"),
        (Decimal("0.5"), FTE, "0,50"),
        (Decimal("5"), FTE, "5,00"),
        (50250, AANTAL, "50.250"),
        (Decimal("36.00"), PERCENTAGE, "36"),
        (Decimal("12.50"), UREN, "12,5"),
    ],
)
def test_values_are_shown_the_dutch_way(value, kind, shown):
    assert format_number(value, kind) == shown


def test_fte_field_accepts_trailing_zeros_and_refuses_a_third_decimal():
    field = GetalField(kind=FTE, max_digits=5, decimal_places=2, min_value=Decimal("0"))
    assert field.clean("1,500") == Decimal("1.50")
    with pytest.raises(Exception, match="Fte heeft hooguit twee decimalen"):
        field.clean("1,555")
    assert 'inputmode="decimal"' in field.widget.render("x", Decimal("0.5"))
    assert 'value="0,50"' in field.widget.render("x", Decimal("0.5"))


def test_whole_number_field():
    field = GetalField(kind=AANTAL, whole=True, min_value=0)
    assert field.clean("50.250") == 50250 and field.clean("50,0") == 50
    with pytest.raises(Exception, match="Vul een geheel getal in"):
        field.clean("50,5")
    assert 'inputmode="numeric"' in field.widget.render("x", 5)


@pytest.mark.parametrize(
    ("old", "new", "fte", "reason"),
    [
        ("0.5", "5", True, "tien keer zo veel"),
        ("5", "0.5", False, "tien keer zo weinig"),
        ("1", "6", True, "meer dan 5 fte in één cel"),
        ("0", "50", False, None),
        ("50", "0", False, None),
        (None, "50", False, None),
        ("1", "9", False, None),
    ],
)
def test_implausible(old, new, fte, reason):
    assert implausible(old and Decimal(old), Decimal(new), fte=fte) == reason


@pytest.mark.parametrize(
    "text",
    ["٣", "١٢٣", "٣.٠٠٠", "1 ٢٣٤", "１２", "０,５", "=1+1", "1e9", "NaN", "Infinity", "--5"],
)
def test_other_scripts_digits_and_formulas_are_no_number(text):
    """Decimal reads Arabic-Indic and full-width digits; a Dutch official's number has 0-9 only."""
    with pytest.raises(Getalfout) as error:
        parse_number(text)
    assert "is geen getal" in str(error.value)


@pytest.mark.parametrize(
    ("field", "text"),
    [
        (GetalField(kind=FTE, max_digits=5, decimal_places=2), "9" * 30),
        (GetalField(kind=BEDRAG, max_digits=12, decimal_places=2), "9" * 10000),
        (GetalField(kind=AANTAL, whole=True, min_value=0), "1" + ".000" * 10),
    ],
)
def test_a_number_beyond_decimal_precision_is_too_big_not_a_server_error(field, text):
    """Over 28 digits ``Decimal.quantize`` raises InvalidOperation: the form says too big."""
    with pytest.raises(ValidationError, match="Dit getal is te groot."):
        field.clean(text)


@pytest.mark.parametrize(
    ("typed", "advice"),
    [
        ("12,500", "Schrijf 12.500 (punt voor duizendtallen) of 12,50 (komma voor de centen)."),
        ("€ 1.234,500", "Schrijf 1.234.500 (punt voor duizendtallen) of 1.234,50"),
    ],
)
def test_an_amount_with_three_digits_after_the_comma_is_refused_as_ambiguous(typed, advice):
    """'12,500' is twelve thousand five hundred in English: never silently € 12,50."""
    field = GetalField(kind=BEDRAG, max_digits=12, decimal_places=2)
    with pytest.raises(ValidationError) as refused:
        field.clean(typed)
    (message,) = refused.value.messages
    assert "is niet eenduidig: een bedrag heeft hooguit twee decimalen" in message
    assert advice in message
    assert field.clean("12,50") == Decimal("12.50") and field.clean("12.500") == 12500
