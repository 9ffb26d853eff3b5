"""The planning of the deelopdrachten: reading the document's dates, and the Gantt chart.

The chart is an SVG drawn by the app (no JavaScript, no inline styles, only presentation
attributes), so it prints on A4 landscape and survives a strict Content Security Policy.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from regiekamer import svg

MONTHS = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
DATE_RANGE = re.compile(r"(\d{1,2})-(\d{1,2})-(\d{4})\s*tot\s*(\d{1,2})-(\d{1,2})-(\d{4})")


@dataclass
class PlanningDates:
    start: date | None
    eind: date | None
    opmerking: str = ""  # set when a human must check the dates

    @property
    def te_controleren(self) -> bool:
        return bool(self.opmerking)


def parse_planning(text: str) -> PlanningDates:
    """'01-09-2021 tot 01-04-2022' -> its two dates.

    An end before the start is not invented away: the start is kept, the end left empty and
    the original text returned as a remark, so the opdracht is flagged for review.
    """
    text = (text or "").strip()
    if not text:
        return PlanningDates(None, None)
    match = DATE_RANGE.search(text)
    if match is None:
        return PlanningDates(None, None, f"Planning in het document niet te lezen: '{text}'.")
    d1, m1, y1, d2, m2, y2 = (int(part) for part in match.groups())
    start, eind = date(y1, m1, d1), date(y2, m2, d2)
    if eind < start:
        return PlanningDates(
            start,
            None,
            f"Planning in het document: '{text}'. De einddatum ligt vóór de startdatum; "
            "alleen de start is overgenomen. Stel de einddatum vast.",
        )
    return PlanningDates(start, eind)


# --- Gantt chart -------------------------------------------------------------------------

LABEL_W, REL_W, MONTH_W, ROW_H, HEAD_H, MARGIN = 330, 130, 30, 24, 44, 8
COLOURS = {
    "": "#0b5394",  # planned, no report yet
    "goed": "#2e7d32",
    "risico": "#d08c00",
    "probleem": "#b3261e",
    "niet_gestart": "#9aa3ad",
    "afgerond": "#5f6b7a",
}
# The same status in words and as the badge class of templates/programma/kleur.html: the chart's
# colour is never the only way to tell (WCAG 1.4.1).
STATUS = {
    "": ("gepland", "plan"),
    "goed": ("goed", "goed"),
    "risico": ("risico", "risico"),
    "probleem": ("probleem", "probleem"),
    "niet_gestart": ("nog niet gestart", "grijs"),
    "afgerond": ("afgerond", "afgerond"),
}


@dataclass
class GanttRow:
    code: str
    titel: str
    start: date | None
    eind: date | None
    verwacht: date | None = None  # adjusted end from the latest report, when later
    kleur: str = ""  # key of COLOURS
    relaties: list[str] = field(default_factory=list)
    te_controleren: bool = False

    @property
    def status(self) -> str:
        return STATUS.get(self.kleur, STATUS[""])[0]

    @property
    def status_class(self) -> str:
        return STATUS.get(self.kleur, STATUS[""])[1]


def month_span(rows: list[GanttRow]) -> tuple[date, int]:
    """The first month of the chart and the number of months it shows."""
    dates = [d for r in rows for d in (r.start, r.eind, r.verwacht) if d]
    first, last = min(dates), max(dates)
    first = date(first.year, first.month, 1)
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    return first, months


def shows_day(first: date, months: int, day: date) -> bool:
    """Whether ``day`` falls in the chart's months."""
    index = (day.year - first.year) * 12 + day.month - first.month
    return 0 <= index < months


def _x(day: date, first: date) -> float:
    """Horizontal position of a day: whole months plus the fraction of its month."""
    months = (day.year - first.year) * 12 + day.month - first.month
    length = calendar.monthrange(day.year, day.month)[1]
    return LABEL_W + (months + (day.day - 1) / length) * MONTH_W


def build_gantt_svg(rows: list[GanttRow], today: date, titel: str = "Planning") -> SafeString:
    if not any(r.start for r in rows):
        return mark_safe("")
    first, months = month_span([r for r in rows if r.start])
    width = LABEL_W + months * MONTH_W + REL_W + MARGIN
    height = HEAD_H + len(rows) * ROW_H + MARGIN + 18
    out = []
    # Month and year headings, with a light grid.
    for i in range(months):
        year, month = divmod(first.month - 1 + i, 12)
        year += first.year
        x = LABEL_W + i * MONTH_W
        if month == 0 or i == 0:
            out.append(svg.text(x + 2, 14, str(year), 'font-size="11" font-weight="bold"'))
        attrs = 'font-size="9" text-anchor="middle"'
        out.append(svg.text(x + MONTH_W / 2, 34, MONTHS[month], attrs))
        out.append(
            f'<line x1="{x}" y1="{HEAD_H - 6}" x2="{x}" y2="{height - MARGIN - 18}" '
            f'stroke="{"#8a94a3" if month == 0 else "#e1e5ea"}" stroke-width="1"/>'
        )
    out.append(svg.text(width - REL_W - MARGIN + 6, 34, "relatie met", 'font-size="9"'))
    for index, row in enumerate(rows):
        y = HEAD_H + index * ROW_H
        if index % 2 == 0:
            out.append(f'<rect x="0" y="{y}" width="{width}" height="{ROW_H}" fill="#f6f7f9"/>')
        label = f"{row.code}  {row.titel}"
        if len(label) > 52:
            label = label[:51] + "…"
        out.append(svg.text(4, y + 16, label, 'font-size="10"'))
        colour = COLOURS.get(row.kleur, COLOURS[""])
        if row.start and row.eind:
            x1, x2 = _x(row.start, first), _x(row.eind, first)
            out.append(
                f'<rect x="{svg.number(x1)}" y="{y + 5}" width="{svg.number(max(x2 - x1, 3))}" '
                f'height="{ROW_H - 10}" rx="2" fill="{colour}"><title>{escape(row.code)}: '
                f"{row.start:%d-%m-%Y} tot {row.eind:%d-%m-%Y}, {row.status}</title></rect>"
            )
            if row.verwacht and row.verwacht > row.eind:
                x3 = _x(row.verwacht, first)
                out.append(
                    f'<rect x="{svg.number(x2)}" y="{y + 8}" width="{svg.number(x3 - x2)}" '
                    f'height="{ROW_H - 16}" '
                    f'fill="none" stroke="{COLOURS["probleem"]}" stroke-width="1.5" '
                    f'stroke-dasharray="4 2">'
                    f"<title>bijgesteld: {row.verwacht:%d-%m-%Y}</title></rect>"
                )
        elif row.start:
            x1 = _x(row.start, first)
            out.append(
                f'<path d="M{svg.number(x1)} {y + 4} l6 8 l-6 8 l-6 -8 z" '
                f'fill="{COLOURS["probleem"]}">'
                f"<title>start {row.start:%d-%m-%Y}, einde onbekend</title></path>"
            )
            out.append(
                svg.text(
                    x1 + 9,
                    y + 16,
                    "einde onbekend: controleren",
                    f'font-size="9" fill="{COLOURS["probleem"]}"',
                )
            )
        if row.relaties:
            out.append(
                svg.text(
                    width - REL_W - MARGIN + 6, y + 16, ", ".join(row.relaties), 'font-size="9"'
                )
            )
    if shows_day(first, months, today):
        xt = _x(today, first)
        out.append(
            f'<line x1="{svg.number(xt)}" y1="{HEAD_H - 8}" x2="{svg.number(xt)}" '
            f'y2="{height - MARGIN - 14}" '
            f'stroke="#b3261e" stroke-width="2"/>'
        )
        out.append(
            svg.text(
                xt + 3,
                height - MARGIN - 2,
                f"vandaag {today:%d-%m-%Y}",
                'font-size="9" fill="#b3261e"',
            )
        )
    return svg.document("gantt", width, height, titel, out, css_class="gantt", smallest_font=9)
