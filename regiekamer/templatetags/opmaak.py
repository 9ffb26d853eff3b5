from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

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


class ScrollRegionNode(template.Node):
    def __init__(self, label, nodelist):
        self.label, self.nodelist = label, nodelist

    def render(self, context):
        label = " ".join(str(part.resolve(context)) for part in self.label)
        return format_html(
            '<div class="tabel-scroll" role="region" aria-label="{} (schuift horizontaal)" '
            'tabindex="0">{}</div>',
            label,
            mark_safe(self.nodelist.render(context)),
        )


@register.tag
def scroll_region(parser, token):
    """``{% scroll_region "Thema" thema.nummer %}<table>…</table>{% end_scroll_region %}``: a table
    that may be wider than a phone scrolls sideways inside its own region, labelled and
    reachable with the keyboard (WCAG 2.1.1, axe "scrollable-region-focusable"), so the page
    itself never scrolls sideways. The label is its words (strings, variables) joined by spaces."""
    bits = token.split_contents()[1:]
    if not bits:
        raise template.TemplateSyntaxError("scroll_region needs a label")
    nodelist = parser.parse(("end_scroll_region",))
    parser.delete_first_token()
    return ScrollRegionNode([parser.compile_filter(bit) for bit in bits], nodelist)
