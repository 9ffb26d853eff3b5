from functools import lru_cache

from django import template
from django.template.defaulttags import CsrfTokenNode
from django.urls import get_script_prefix, reverse
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


# The header's links: the same on every page, reversed once per script prefix.
MENU = {
    "home": "home",
    "samenwerkingsverbanden": "convenant:samenwerkingsverband-list",
    "gemeenten": "gemeenten:gemeente-list",
    "convenanten": "convenant:convenant-list",
    "gebruikers": "gebruikers:gebruiker-list",
    "beheer": "admin:index",
    "wachtwoord": "password_change",
    "tweestaps": "gebruikers:tweestaps",
    "uitloggen": "logout",
}


@lru_cache(maxsize=8)
def _menu_urls(prefix: str) -> dict[str, str]:
    return {key: reverse(name) for key, name in MENU.items()}


@register.simple_tag(takes_context=True)
def kop(context):
    """``{% kop %}``: the header of every page (templates/includes/kop.jinja), from the context
    processors' values; the layout every page pays for, so rendered by Jinja2."""
    values = {
        name: context.get(name)
        for name in ("request", "user", "half_ingelogd", "beheert_gebruikers", "is_beheerder")
    }
    values["user_roles"] = context.get("user_roles") or []
    values["urls"] = _menu_urls(get_script_prefix())
    values["csrf_input"] = CsrfTokenNode().render(context)
    return mark_safe(jinja2_kernel.render("includes/kop.jinja", values))
