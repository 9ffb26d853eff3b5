"""A scenario is never mistaken for the real samenwerkingsverband: the one place that says so.

A scenario (``Samenwerkingsverband.scenario_van``) is a what-if copy edited with the same pages
as the real one. Every page that belongs to it says "Scenario" above its content, and every PDF
of it in the header of every page, with the words of :func:`banner`.

Which samenwerkingsverband a page belongs to is recorded on the request by the kernel: by the
lookup of a samenwerkingsverband by its afkorting (``views.visible_samenwerkingsverband``) and
by the pages of one row found by its number (``views.ScopedQuerysetMixin.get_object``). The
context processor :func:`scenario` reads it for ``base.html``; ``pdf.render_pdf`` asks
:func:`banner` about the report's samenwerkingsverband.
"""

from __future__ import annotations

from django.utils.functional import SimpleLazyObject

from . import access
from .declarations import scope_of

PAGE_SVS = "_regiekamer_svs"  # the samenwerkingsverbanden (objects) a page belongs to
PAGE_ROWS = "_regiekamer_rows"  # the rows (found by number) a page shows


def banner(sv) -> str:
    """What a page or PDF of ``sv`` says above everything when it is a scenario; '' otherwise."""
    if sv is None or not getattr(sv, "is_scenario", False):
        return ""
    echt = sv.scenario_van
    return (
        f"Scenario {sv.naam} ({sv.afkorting}) van {echt.naam}: een verkenning, geen echte "
        "cijfers; wordt niet verrekend."
    )


def mark(request, sv) -> None:
    """The page of ``request`` belongs to ``sv`` (found by its afkorting)."""
    if request is not None:
        request.__dict__.setdefault(PAGE_SVS, []).append(sv)


def mark_row(request, row) -> None:
    """The page of ``request`` shows ``row`` (found by its number): it belongs to the row's
    samenwerkingsverband(en)."""
    if request is not None and row is not None:
        request.__dict__.setdefault(PAGE_ROWS, []).append(row)


def page_scenario(request):
    """The scenario the page of ``request`` belongs to, or None."""
    for sv in getattr(request, PAGE_SVS, []):
        if sv.is_scenario:
            return sv
    # A row of a gemeente's own data (the gemeente, its inwonertallen) is real data, also when
    # a scenario counts the gemeente in; another row is a scenario's when it belongs to no
    # real samenwerkingsverband (a person of MLW and of its scenario is MLW's).
    rows = [row for row in getattr(request, PAGE_ROWS, []) if not scope_of(type(row)).gedeeld]
    owners = frozenset().union(*(access.sv_ids_of(row) for row in rows))
    if not owners:
        return None
    svs = list(
        access.samenwerkingsverband_model()
        .objects.select_related("scenario_van")
        .filter(pk__in=owners)
        .order_by("pk")
    )
    if not svs or not all(sv.is_scenario for sv in svs):
        return None
    return svs[0]


def scenario(request):
    """Context processor: ``scenario_banner``, the words above the content of a scenario's
    page (empty on every other page), worked out only when the template asks."""

    def text():
        if not hasattr(request, "_regiekamer_banner"):
            request._regiekamer_banner = banner(page_scenario(request))
        return request._regiekamer_banner

    return {"scenario_banner": SimpleLazyObject(text)}
