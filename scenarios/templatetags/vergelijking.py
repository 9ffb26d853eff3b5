"""Filters of the scenario comparison (``scenarios.vergelijking``): a missing figure reads
"ontbreekt", never 0."""

from django import template

from regiekamer.opmaak import format_decimal, format_euro

register = template.Library()

ONTBREEKT = "ontbreekt"


@register.filter
def of_ontbreekt(value):
    """Whole euros or inwoners the Dutch way (1.234), or "ontbreekt"."""
    return ONTBREEKT if value is None else format_euro(value)


@register.filter
def cent_of_ontbreekt(value):
    """An amount with two decimals (12,40), or "ontbreekt"."""
    return ONTBREEKT if value is None else format_decimal(value, 2, trailing_zeros=True)


@register.filter
def met_teken(value):
    """A difference with its sign: +1.234, -567, 0."""
    if value is None:
        return ""
    return ("+" if value > 0 else "") + format_euro(value)
