"""Small bar charts for the dashboard, drawn by the app as inline SVG.

Plain functions that return ready SVG, built from the blocks of ``regiekamer.svg``: no
JavaScript, no inline styles (only presentation attributes) and no external fonts or files, so
a chart survives a strict Content Security Policy, prints on A4 and renders inside a WeasyPrint
PDF. Every text is escaped.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString

from . import svg
from .opmaak import format_decimal, format_euro

INK, MUTED, LINE = "#1d2430", "#5a6472", "#8a94a3"
# Distinguishable for most colour-blind readers (Okabe-Ito order, house blue first).
PALETTE = ["#0b5394", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#6b4c9a", "#7f7f7f"]

# Sizes in viewBox units. The chart is drawn 370 units wide and shown at most 32rem (512 px)
# wide; on a 390 px phone it spans its block's padding and gets 372 px (static/css/app.css), so
# a unit is at least a pixel: MIN_LABEL_SIZE (11) units are at least 11 px as drawn
# (svg.READABLE). Bars too narrow for their values upright (ten years of three gemeenten) get
# up to WIDEST units instead; that chart keeps its size and scrolls sideways on a phone.
# No text is ever drawn smaller: a label that does not fit is turned upright, wrapped,
# shortened (with its full text as a tooltip) or, for the values above the bars, left out
# (the values are in each bar's tooltip and in the <desc>), so no two texts overlap.
WIDTH = 370
WIDEST = 400
MARGIN = 6
PLOT_H = 120
LABEL_SIZE = 12  # the value above a bar
MIN_LABEL_SIZE = 11
GROUP_SIZE = 12
NOTE_SIZE = 11
LEGEND_SIZE = 11.5
LEGEND_ROW = 17
LINE_GAP = 1.2  # line height of a wrapped label, in font sizes
MAX_BAR_W = 50
ELLIPSIS = "…"
# Advance widths in em, rounded up from DejaVu Sans (a digit is 0.636 em); other lowercase
# letters 0.64, capitals 0.78. An estimate is never narrower than the drawn text.
WIDE = set("mwMW")
WIDTHS = dict.fromkeys(" .,'il", 0.33) | dict.fromkeys(":;|", 0.34) | dict.fromkeys("()!jft/", 0.41)
WIDTHS |= {"r": 0.42, "s": 0.53, "c": 0.56, "z": 0.53, "k": 0.58, "-": 0.37, "–": 0.5}
WIDTHS |= dict.fromkeys("vxy", 0.6) | {ELLIPSIS: 1.0}
SHY = "\u00ad"  # a soft hyphen: where a long word in a label may break


@dataclass(frozen=True)
class Series:
    """One colour in a bar chart: a name for the legend and a value per group (None: no bar)."""

    name: str
    values: Sequence[Decimal | int | float | None]
    colour: str = ""


def _floor(size: float) -> float:
    """A font size rounded down to a tenth, so a fitted text never exceeds its room."""
    return math.floor(size * 10) / 10


def text_width(text: str, size: float) -> float:
    """An estimate of the width of ``text`` in DejaVu Sans at ``size``, never narrower."""
    return sum(_char_width(c) for c in text) * size


def _char_width(c: str) -> float:
    if c in WIDTHS:
        return WIDTHS[c]
    if c in WIDE:
        return 1.0
    return 0.78 if c.isupper() else 0.64


def _shorten(text: str, room: float, size: float) -> str:
    """``text`` cut to fit ``room`` at ``size``, ending in an ellipsis."""
    while text and text_width(text + ELLIPSIS, size) > room:
        text = text[:-1]
    return text.rstrip() + ELLIPSIS


def fit_lines(text: str, room: float, size: float) -> tuple[list[str], float]:
    """``text`` laid out in ``room`` units: one line at ``size`` or smaller (not below
    MIN_LABEL_SIZE), else wrapped at spaces and soft hyphens at MIN_LABEL_SIZE, a part that
    is still too long shortened."""
    plain = text.replace(SHY, "")
    if text_width(plain, size) <= room:
        return [plain], size
    one_line = _floor(room / text_width(plain, 1))
    if one_line >= MIN_LABEL_SIZE:
        return [plain], one_line
    size, lines = MIN_LABEL_SIZE, []
    for word in text.split():
        parts = [word.replace(SHY, "")]
        if text_width(parts[0], size) > room and SHY in word:
            pieces = word.split(SHY)
            parts = [p + "-" for p in pieces[:-1]] + [pieces[-1]]
        for part in parts:
            if (
                lines
                and text_width(f"{lines[-1]} {part}", size) <= room
                and not lines[-1].endswith("-")
            ):
                lines[-1] = f"{lines[-1]} {part}"
            elif text_width(part, size) <= room:
                lines.append(part)
            else:
                lines.append(_shorten(part, room, size))
    return lines, size


def _legend(
    series: list[Series], colours: list[str], y: float, width: float
) -> tuple[list[str], float]:
    """Colour swatches with names, wrapped over as many rows as needed; returns the bottom y."""
    out, x = [], MARGIN
    room = width - 2 * MARGIN - 14
    for s, colour in zip(series, colours, strict=True):
        name = (
            s.name
            if text_width(s.name, LEGEND_SIZE) <= room
            else _shorten(s.name, room, LEGEND_SIZE)
        )
        item_w = 14 + text_width(name, LEGEND_SIZE) + 12
        if x > MARGIN and x + item_w - 12 > width - MARGIN:
            x, y = MARGIN, y + LEGEND_ROW
        out.append(
            f'<rect x="{svg.number(x)}" y="{svg.number(y - 9)}" width="10" height="10" '
            f'fill="{escape(colour)}"/>'
        )
        tooltip = s.name if name != s.name else ""
        out.append(svg.text(x + 14, y, name, f'font-size="{LEGEND_SIZE}" fill="{INK}"', tooltip))
        x += item_w
    return out, y


def _value_labels(shown: list[str], bar_w: float) -> tuple[str, float]:
    """How the values above the bars are drawn: ("level", size), ("upright", size) or
    ("none", 0) when even upright they would be smaller than MIN_LABEL_SIZE."""
    room = bar_w - 1
    widest = max((text_width(t, 1) for t in shown), default=0)
    level = min(LABEL_SIZE, room / widest) if widest else LABEL_SIZE
    if _floor(level) >= MIN_LABEL_SIZE:
        return "level", _floor(level)
    if _floor(min(LABEL_SIZE, room)) >= MIN_LABEL_SIZE:
        return "upright", _floor(min(LABEL_SIZE, room))
    return "none", 0.0


def _label_rows(
    texts: list[str], room: float, size: float, fill: str, top: float, centres: list[float]
) -> tuple[list[str], float]:
    """A row of (possibly wrapped) labels centred under their groups; returns the row height."""
    out, height = [], 0.0
    for centre, label in zip(centres, texts, strict=True):
        if not label:
            continue
        lines, fitted = fit_lines(label, room, size)
        tooltip = label.replace(SHY, "") if lines != [label.replace(SHY, "")] else ""
        for i, line in enumerate(lines):
            y = top + fitted + i * fitted * LINE_GAP
            attrs = f'font-size="{svg.number(fitted)}" fill="{fill}" text-anchor="middle"'
            out.append(svg.text(centre, y, line, attrs, tooltip))
        height = max(height, fitted * (1 + LINE_GAP * (len(lines) - 1)))
    return out, height


def bar_chart(
    groups: Sequence[str],
    series: Sequence[Series],
    *,
    titel: str,
    chart_id: str,
    format_value: Callable[[object], str] = format_euro,
    notes: Sequence[str] | None = None,
    breaks: Sequence[int] = (),
) -> SafeString:
    """Grouped bars: per group (a year, a fase) one bar per series, each labelled with its value.

    ``notes`` is an optional second, smaller line under each group's label (e.g. its dates).
    ``breaks`` are the indexes of groups that follow a gap (years without costs): a dashed
    line separates them from the group before. The legend names the series under the chart;
    ``<title>`` and ``<desc>`` say it in words. No text overlaps another or leaves the chart.
    """
    groups, series = list(groups), list(series)
    if not groups or not series:
        body = [
            svg.text(
                WIDTH / 2,
                30,
                "Geen gegevens",
                f'font-size="12" fill="{MUTED}" text-anchor="middle"',
            )
        ]
        return svg.document(
            chart_id, WIDTH, 48, titel, body, desc="Geen gegevens.", css_class="chart"
        )
    colours = [s.colour or PALETTE[i % len(PALETTE)] for i, s in enumerate(series)]
    values = [
        [s.values[g] if g < len(s.values) else None for s in series] for g in range(len(groups))
    ]
    highest = max((float(v) for row in values for v in row if v is not None), default=0.0)
    scale = PLOT_H / highest if highest > 0 else 0.0

    bars = [
        (g, k, format_value(v), max(float(v), 0.0) * scale)
        for g in range(len(groups))
        for k, v in enumerate(values[g])
        if v is not None
    ]
    for width in (WIDTH, WIDEST):
        group_w = (width - 2 * MARGIN) / len(groups)
        bar_w = min(group_w * 0.94 / len(series), MAX_BAR_W)
        mode, size = _value_labels([shown for _, _, shown, _ in bars], bar_w)
        if mode != "none":
            break
    gap = min(2.0, bar_w * 0.1)
    # Room above the plot for the value over the highest bar (upright: its whole length).
    reach = [
        (text_width(shown, size) if mode == "upright" else size) + 3 - (PLOT_H - height)
        for _, _, shown, height in bars
        if mode != "none"
    ]
    top = max([4.0, *(r + 2 for r in reach)])
    baseline = top + PLOT_H

    body: list[str] = []
    for g, k, shown, height in bars:
        s = series[k]
        x = MARGIN + g * group_w + (group_w - bar_w * len(series)) / 2 + k * bar_w
        body.append(
            f'<rect x="{svg.number(x + gap / 2)}" y="{svg.number(baseline - height)}" '
            f'width="{svg.number(bar_w - gap)}" height="{svg.number(height)}" '
            f'fill="{escape(colours[k])}">'
            f"<title>{escape(f'{s.name}, {groups[g]}: {shown}')}</title></rect>"
        )
        y = baseline - height - 3
        if mode == "level":
            attrs = f'font-size="{svg.number(size)}" fill="{INK}" text-anchor="middle"'
            body.append(svg.text(x + bar_w / 2, y, shown, attrs))
        elif mode == "upright":
            # Turned a quarter to the left about its anchor: it reads upwards from above the bar.
            ax = x + bar_w / 2 + size * 0.35
            attrs = (
                f'font-size="{svg.number(size)}" fill="{INK}" text-anchor="start" '
                f'transform="rotate(-90 {svg.number(ax)} {svg.number(y)})"'
            )
            body.append(svg.text(ax, y, shown, attrs))
    for g in breaks:
        if 0 < g < len(groups):
            x = MARGIN + g * group_w
            body.append(
                f'<line x1="{svg.number(x)}" y1="{svg.number(top)}" x2="{svg.number(x)}" '
                f'y2="{svg.number(baseline + 4)}" '
                f'stroke="{LINE}" stroke-width="1" stroke-dasharray="3 3"/>'
            )
    centres = [MARGIN + (g + 0.5) * group_w for g in range(len(groups))]
    room = group_w - 2
    labels, label_h = _label_rows(groups, room, GROUP_SIZE, INK, baseline + 3, centres)
    body += labels
    bottom = baseline + 3 + label_h
    if notes:
        texts = [notes[g] if g < len(notes) else "" for g in range(len(groups))]
        note_rows, note_h = _label_rows(texts, room, NOTE_SIZE, MUTED, bottom + 3, centres)
        body += note_rows
        bottom += 3 + note_h
    body.append(
        f'<line x1="{MARGIN}" y1="{svg.number(baseline)}" x2="{width - MARGIN}" '
        f'y2="{svg.number(baseline)}" '
        f'stroke="{LINE}" stroke-width="1"/>'
    )
    legend, bottom = _legend(series, colours, bottom + 8 + LEGEND_SIZE, width)
    body += legend
    if mode == "none":
        bottom += 4 + NOTE_SIZE
        body.append(
            svg.text(
                MARGIN,
                bottom,
                "Te veel staven voor de bedragen: wijs een staaf aan.",
                f'font-size="{NOTE_SIZE}" fill="{MUTED}"',
            )
        )
    desc = "; ".join(
        f"{label}: "
        + ", ".join(
            f"{s.name} {format_value(v)}"
            for s, v in zip(series, values[g], strict=True)
            if v is not None
        )
        for g, label in enumerate(groups)
    )
    # Wider than a phone: kept at its size, not shrunk below MIN_LABEL_SIZE px (svg.document).
    smallest = MIN_LABEL_SIZE if width > WIDTH else None
    return svg.document(
        chart_id,
        width,
        bottom + 6,
        titel,
        body,
        desc=desc + ".",
        css_class="chart",
        smallest_font=smallest,
    )


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
        breaks=[i for i, jaar in enumerate(kv.jaren) if jaar in kv.na_onderbreking],
    )


def formatie_chart(
    kolommen: Sequence[str],
    totaal: Sequence[Decimal | None],
    notes: Sequence[str] | None = None,
    chart_id: str = "formatie-grafiek",
) -> SafeString:
    """FTE per column: the basisformatie (the structural formation) and each fase."""
    return bar_chart(
        kolommen,
        [Series("Fte", totaal, PALETTE[0])],
        titel="Formatie in fte: basisformatie (structureel) en per fase",
        chart_id=chart_id,
        format_value=lambda value: format_decimal(value, 2),
        notes=notes,
    )
