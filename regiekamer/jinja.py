"""Hot fragments of a page (a big table's rows) rendered by Jinja2, with the same HTML.

A page stays a Django template; where it renders hundreds of cells it includes a ``.jinja``
template with ``{% jinja "formatie/includes/bezettingstabel.jinja" %}`` (regiekamer/templatetags/
snel.py). Jinja2 compiles a template to Python once; the Django template language resolves every
variable and filter again per cell, which made the grid, the voortgang table and the lists cost
tens of milliseconds (tests/bench/RESULTS.md).

The environment below behaves as the Django template language does where the fragments rely on
it: ``{{ value }}`` is localized (a Decimal prints ``1,5``, a date in Dutch) and escaped, a missing
variable prints nothing, ``default`` applies to every false value, and the app's filters (``fte``,
``euro``, ``date``) are the same functions.
"""

from __future__ import annotations

from django.conf import settings
from django.template import defaultfilters
from django.templatetags.static import static
from django.urls import reverse
from django.utils import formats
from django.utils.formats import localize
from django.utils.html import conditional_escape, escape, format_html
from django.utils.http import urlencode
from django.utils.timezone import template_localtime
from django.utils.translation import gettext
from django_tables2.templatetags.django_tables2 import render_attrs, table_page_range
from jinja2 import ChainableUndefined, Environment, FileSystemLoader, Undefined

from .templatetags import opmaak


def _finalize(value):
    """What ``{{ value }}`` prints: localized and escaped as Django does it
    (``render_value_in_context``, ``conditional_escape``: ``&#x27;``, not Jinja2's ``&#39;``)."""
    if hasattr(value, "__html__"):
        return value
    if not isinstance(value, str):
        value = localize(template_localtime(value))
    return conditional_escape(value)


def _default(value, arg=""):
    """Django's ``default``: ``arg`` for every false value (Jinja2's is for undefined ones only)."""
    return value or arg


def _join(value, arg):
    """Django's ``join``: every item escaped."""
    return defaultfilters.join(value, arg, autoescape=True)


def _as_html(attrs) -> str:
    """``{{ attrs.as_html }}`` of an AttributeDict; nothing for a missing one, as in Django."""
    if attrs is None or isinstance(attrs, Undefined) or not hasattr(attrs, "as_html"):
        return ""
    return attrs.as_html()


def _scroll_region_open(label) -> str:
    """The opening of ``{% scroll_region label %}`` (templatetags/opmaak.py)."""
    return format_html(
        '<div class="tabel-scroll" role="region" aria-label="{} (schuift horizontaal)" '
        'tabindex="0">',
        str(label),
    )


def _querystring_replace(request, key, value) -> str:
    """django-tables2's ``{% querystring_replace key=value %}``."""
    params = dict(request.GET)
    if key not in ("", None):
        params[key] = value
    return escape("?" + urlencode(params, doseq=True))


def _url(name, *args, **kwargs):
    return reverse(name, args=args or None, kwargs=kwargs or None)


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader([str(d) for d in settings.TEMPLATES[0]["DIRS"]]),
        autoescape=True,
        undefined=ChainableUndefined,
        finalize=_finalize,
        auto_reload=settings.DEBUG,
        keep_trailing_newline=True,
    )
    env.filters.update(
        fte=opmaak.fte,
        euro=opmaak.euro,
        bedrag=opmaak.bedrag,
        procent=opmaak.procent,
        get_item=opmaak.get_item,
        date=defaultfilters.date,
        default=_default,
        join=_join,
        linebreaksbr=defaultfilters.linebreaksbr,
        yesno=defaultfilters.yesno,
        pluralize=defaultfilters.pluralize,
    )
    env.filters.update(
        localize=lambda value: str(formats.localize(value, use_l10n=True)),
        unlocalize=lambda value: str(formats.localize(value, use_l10n=False)),
    )
    env.globals.update(
        url=_url,
        static=static,
        gettext=gettext,
        as_html=_as_html,
        render_attrs=render_attrs,
        table_page_range=table_page_range,
        scroll_region_open=_scroll_region_open,
        querystring_replace=_querystring_replace,
    )
    return env


_env: Environment | None = None


def environment() -> Environment:
    """The one environment (templates compiled once per process)."""
    global _env
    if _env is None:
        _env = _environment()
    return _env


def render(template_name: str, context: dict) -> str:
    return environment().get_template(template_name).render(context)
