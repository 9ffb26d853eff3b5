"""Small bar charts for the dashboard, drawn by the app as inline SVG.

Plain functions that return ready SVG: no JavaScript, no inline styles (only presentation
attributes) and no external fonts or files, so a chart survives a strict Content Security
Policy, prints on A4 and renders inside a WeasyPrint PDF. Every text is escaped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .opmaak import format_decimal, format_euro

FONT = 'font-family="DejaVu Sans, sans-serif"'
INK, MUTED, LINE = "#1d2430", "#5a6472", "#8a94a3"
# Distinguishable for most colour-blind readers (Okabe-Ito order, house blue first).
PALETTE = ["#0b5394", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#6b4c9a", "#7f7f7f"]

# Sizes in viewBox units. The chart is small on purpose: printed a third of A4 landscape wide
# (about 88 mm), a label of 10 units still reads at about 6 pt.
WIDTH = 400
MARGIN = 6
TOP = 16  # room for the value above the highest bar
PLOT_H = 120
LABEL_SIZE = 10  # the value above a bar; smaller when it does not fit the bar's width
MIN_LABEL_SIZE = 6.5
GROUP_SIZE = 11
NOTE_SIZE = 9
LEGEND_SIZE = 10.5
LEGEND_ROW = 15
MAX_BAR_W = 50
NARROW = set("., :;'|!il()")  # characters about half as wide as a digit


@dataclass(frozen=True)
class Series:
    """One colour in a bar chart: a name for the legend and a value per group (None: no bar)."""

    name: str
    values: Sequence[Decimal | int | float | None]
    colour: str = ""


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _text(x: float, y: float, content: str, extra: str = "") -> str:
    return f'<text x="{_n(x)}" y="{_n(y)}" {extra}>{escape(content)}</text>'


def _text_width(text: str, size: float) -> float:
    """An estimate of the width of ``text`` in DejaVu Sans at ``size`` (a digit is 0.64 em)."""
    return sum(0.33 if c in NARROW else 0.64 for c in text) * size


def _label_size(text: str, room: float) -> float:
    """The largest label size (at most LABEL_SIZE) at which ``text`` fits ``room`` units."""
    fits = room / _text_width(text, 1) if text else LABEL_SIZE
    return round(max(MIN_LABEL_SIZE, min(LABEL_SIZE, fits)), 1)


def _svg(chart_id: str, width: float, height: float, titel: str, desc: str, body: list[str]):
    ident = escape(chart_id)
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="100%" '
        f'viewBox="0 0 {_n(width)} {_n(height)}" preserveAspectRatio="xMidYMin meet" '
        f'role="img" aria-labelledby="{ident}-titel {ident}-desc" class="chart" {FONT}>'
        f'<title id="{ident}-titel">{escape(titel)}</title>'
        f'<desc id="{ident}-desc">{escape(desc)}</desc>'
    )
    return mark_safe(head + "".join(body) + "</svg>")


def _legend(series: list[Series], colours: list[str], y: float) -> tuple[list[str], float]:
    """Colour swatches with names, wrapped over as many rows as needed; returns the bottom y."""
    out, x = [], MARGIN
    for s, colour in zip(series, colours, strict=True):
        item_w = 14 + _text_width(s.name, LEGEND_SIZE) + 12
        if x > MARGIN and x + item_w > WIDTH - MARGIN:
            x, y = MARGIN, y + LEGEND_ROW
        out.append(
            f'<rect x="{_n(x)}" y="{_n(y - 9)}" width="10" height="10" fill="{escape(colour)}"/>'
        )
        out.append(_text(x + 14, y, s.name, f'font-size="{LEGEND_SIZE}" fill="{INK}"'))
        x += item_w
    return out, y


def note_size(text: str, room: float) -> float:
    """NOTE_SIZE, or smaller so that ``text`` fits under its group."""
    return round(max(MIN_LABEL_SIZE, min(NOTE_SIZE, room * 0.95 / _text_width(text, 1))), 1)


def bar_chart(
    groups: Sequence[str],
    series: Sequence[Series],
    *,
    titel: str,
    chart_id: str,
    format_value: Callable[[object], str] = format_euro,
    notes: Sequence[str] | None = None,
) -> SafeString:
    """Grouped bars: per group (a year, a fase) one bar per series, each labelled with its value.

    ``notes`` is an optional second, smaller line under each group's label (e.g. its dates).
    The legend names the series under the chart; ``<title>`` and ``<desc>`` say it in words.
    """
    groups, series = list(groups), list(series)
    if not groups or not series:
        body = [
            _text(
                WIDTH / 2,
                30,
                "Geen gegevens",
                f'font-size="12" fill="{MUTED}" text-anchor="middle"',
            )
        ]
        return _svg(chart_id, WIDTH, 48, titel, "Geen gegevens.", body)
    colours = [s.colour or PALETTE[i % len(PALETTE)] for i, s in enumerate(series)]
    values = [
        [s.values[g] if g < len(s.values) else None for s in series] for g in range(len(groups))
    ]
    highest = max((float(v) for row in values for v in row if v is not None), default=0.0)
    scale = PLOT_H / highest if highest > 0 else 0.0
    baseline = TOP + PLOT_H

    group_w = (WIDTH - 2 * MARGIN) / len(groups)
    bar_w = min(group_w * 0.9 / len(series), MAX_BAR_W)
    gap = min(2.0, bar_w * 0.1)
    body: list[str] = []
    for g, label in enumerate(groups):
        left = MARGIN + g * group_w + (group_w - bar_w * len(series)) / 2
        for k, (s, value) in enumerate(zip(series, values[g], strict=True)):
            if value is None:
                continue
            shown = format_value(value)
            height = max(float(value), 0.0) * scale
            x = left + k * bar_w
            body.append(
                f'<rect x="{_n(x + gap / 2)}" y="{_n(baseline - height)}" '
                f'width="{_n(bar_w - gap)}" height="{_n(height)}" fill="{escape(colours[k])}">'
                f"<title>{escape(f'{s.name}, {label}: {shown}')}</title></rect>"
            )
            size = _label_size(shown, bar_w)
            body.append(
                _text(
                    x + bar_w / 2,
                    baseline - height - 3,
                    shown,
                    f'font-size="{_n(size)}" fill="{INK}" text-anchor="middle"',
                )
            )
        centre = MARGIN + (g + 0.5) * group_w
        body.append(
            _text(
                centre,
                baseline + GROUP_SIZE + 3,
                label,
                f'font-size="{GROUP_SIZE}" fill="{INK}" text-anchor="middle"',
            )
        )
        if notes and g < len(notes) and notes[g]:
            body.append(
                _text(
                    centre,
                    baseline + GROUP_SIZE + NOTE_SIZE + 6,
                    notes[g],
                    f'font-size="{_n(note_size(notes[g], group_w))}" fill="{MUTED}" '
                    'text-anchor="middle"',
                )
            )
    body.append(
        f'<line x1="{MARGIN}" y1="{_n(baseline)}" x2="{WIDTH - MARGIN}" y2="{_n(baseline)}" '
        f'stroke="{LINE}" stroke-width="1"/>'
    )
    legend_y = baseline + GROUP_SIZE + (NOTE_SIZE + 6 if notes else 0) + 19
    legend, bottom = _legend(series, colours, legend_y)
    body += legend
    desc = "; ".join(
        f"{label}: "
        + ", ".join(
            f"{s.name} {format_value(v)}"
            for s, v in zip(series, values[g], strict=True)
            if v is not None
        )
        for g, label in enumerate(groups)
    )
    return _svg(chart_id, WIDTH, bottom + 8, titel, desc + ".", body)


def kosten_chart(kv, chart_id: str = "kosten-grafiek") -> SafeString:
    """The costs per gemeente per year of a ``Kostenverdeling``: a bar per gemeente per year."""
    series = [
        Series(gemeente, [kv.aandeel(gemeente, jaar) for jaar in kv.jaren])
        for gemeente in kv.gemeenten
    ]
    return bar_chart(
        [str(jaar) for jaar in kv.jaren],
        series,
        titel="Kosten per gemeente per jaar (euro)",
        chart_id=chart_id,
        format_value=format_euro,
    )


def formatie_chart(
    kolommen: Sequence[str],
    totaal: Sequence[Decimal | None],
    structureel: Sequence[Decimal | None],
    notes: Sequence[str] | None = None,
    chart_id: str = "formatie-grafiek",
) -> SafeString:
    """FTE per column (basisformatie, fasen): the total and, next to it, the structural part."""
    return bar_chart(
        kolommen,
        [
            Series("Totaal fte", totaal, PALETTE[0]),
            Series("waarvan structureel", structureel, "#8fb3d9"),
        ],
        titel="Formatie in fte per fase, totaal en structureel",
        chart_id=chart_id,
        format_value=lambda value: format_decimal(value, 2),
        notes=notes,
    )
