from django import template

from regiekamer.getallen import BEDRAG, format_number
from regiekamer.opmaak import format_decimal, format_euro

register = template.Library()


@register.filter
def euro(value):
    """{{ bedrag|euro }} -> 1.170.744"""
    return format_euro(value)


@register.filter
def bedrag(value):
    """{{ bedrag|bedrag }} -> 58.500 or 60.547,50 (cents shown as two decimals)"""
    return format_number(value, BEDRAG)


@register.filter
def fte(value):
    """{{ fte|fte }} -> 4,1 (two decimals at most)"""
    return format_decimal(value, 2)


@register.filter
def procent(value):
    """{{ percentage|procent }} -> 36 of 33,33"""
    return format_decimal(value, 2)


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None
