from django import template
from django.utils.safestring import mark_safe

from regiekamer import jinja as jinja2_kernel

register = template.Library()


class JinjaNode(template.Node):
    def __init__(self, name, extra):
        self.name, self.extra = name, extra

    def render(self, context):
        values = context.flatten()
        values.update({key: value.resolve(context) for key, value in self.extra.items()})
        return mark_safe(jinja2_kernel.render(self.name.resolve(context), values))


@register.tag
def jinja(parser, token):
    """``{% jinja "formatie/includes/bezettingstabel.jinja" [name=value ...] %}``: includes a
    Jinja2 template with this context (regiekamer/jinja.py), for a fragment of many cells."""
    bits = token.split_contents()[1:]
    if not bits:
        raise template.TemplateSyntaxError("jinja needs a template name")
    extra = {}
    for bit in bits[1:]:
        key, _, value = bit.partition("=")
        extra[key] = parser.compile_filter(value)
    return JinjaNode(parser.compile_filter(bits[0]), extra)
