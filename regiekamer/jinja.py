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
from django.utils.formats import localize
from django.utils.timezone import template_localtime
from jinja2 import ChainableUndefined, Environment, FileSystemLoader

from .templatetags import opmaak


def _finalize(value):
    """What ``{{ value }}`` prints: localized as Django does it (``render_value_in_context``)."""
    if value is None or isinstance(value, str):
        return value
    return localize(template_localtime(value))


def _default(value, arg=""):
    """Django's ``default``: ``arg`` for every false value (Jinja2's is for undefined ones only)."""
    return value or arg


def _join(value, arg):
    """Django's ``join``: every item escaped."""
    return defaultfilters.join(value, arg, autoescape=True)


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
    env.globals.update(url=_url, static=static)
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
