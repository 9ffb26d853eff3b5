"""The building blocks of every inline SVG the app draws: the dashboard's bar charts
(``regiekamer.charts``), the organogram (``governance.organogram``) and the Gantt chart
(``programma.planning``).

No JavaScript, no inline styles (only presentation attributes) and no external fonts or files,
so a drawing survives a strict Content Security Policy, prints on A4 and renders inside a
WeasyPrint PDF. Every text is escaped; the drawing is named by its ``<title>`` (and described
by its ``<desc>``) for a screen reader.
"""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

FONT = 'font-family="DejaVu Sans, sans-serif"'
# The smallest text a drawing shows on a screen, in CSS pixels (a phone held at reading distance).
READABLE = 11


def number(value: float) -> str:
    """A coordinate or size with at most one decimal, without trailing zeros: 12.5, 12, 0."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def text(x: float, y: float, content: str, extra: str = "", tooltip: str = "") -> str:
    """A ``<text>`` at (x, y) with presentation attributes ``extra``; ``tooltip`` becomes its
    ``<title>`` (the full text of a shortened label)."""
    title = f"<title>{escape(tooltip)}</title>" if tooltip else ""
    return f'<text x="{number(x)}" y="{number(y)}" {extra}>{title}{escape(content)}</text>'


def document(
    ident: str,
    width: float,
    height: float,
    titel: str,
    body: list[str],
    *,
    desc: str = "",
    css_class: str = "",
    smallest_font: float | None = None,
) -> SafeString:
    """The ``<svg>`` element around ``body``: as wide as its container, scaled to keep its
    proportions, named by ``titel`` and described by ``desc`` (ids ``{ident}-titel`` and
    ``{ident}-desc``, unique on the page).

    A drawing wider than a phone (a planning over years, an organogram) gives its
    ``smallest_font``: it then keeps the size at which that text is ``READABLE`` px, instead of
    shrinking to its container, and scrolls in a region around it (print scales it to the page).
    """
    ident = escape(ident)
    labels = f"{ident}-titel {ident}-desc" if desc else f"{ident}-titel"
    klass = f' class="{escape(css_class)}"' if css_class else ""
    size = 'width="100%"'
    if smallest_font:
        scale = max(READABLE / smallest_font, 1)
        size = f'width="{number(width * scale)}" height="{number(height * scale)}"'
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" {size} '
        f'viewBox="0 0 {number(width)} {number(height)}" preserveAspectRatio="xMidYMin meet" '
        f'role="img" aria-labelledby="{labels}"{klass} {FONT}>'
        f'<title id="{ident}-titel">{escape(titel)}</title>'
    )
    if desc:
        head += f'<desc id="{ident}-desc">{escape(desc)}</desc>'
    return mark_safe(head + "".join(body) + "</svg>")
