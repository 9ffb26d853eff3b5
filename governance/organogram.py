"""The organogram: gremia and their relations as an inline SVG, drawn by the app itself.

No JavaScript, no external service and no inline styles (only presentation attributes), so it
prints on A4 landscape and survives a strict Content Security Policy.
"""

from __future__ import annotations

import textwrap
from collections import Counter

from django.utils.safestring import SafeString

from regiekamer import svg

from .constants import Gremiumsoort as S
from .constants import Relatiesoort as R
from .models import Gremium, GremiumRelatie

BOX_W, BOX_H = 190, 88
GAP_X, GAP_Y, SIDE_GAP = 28, 76, 70
MARGIN = 24
PER_LINE = 6  # boxes per line in the central column; a longer layer wraps
SOORT_ORDER = {value: i for i, value in enumerate(S.values)}
LAYERS = [
    # A gemeenschappelijke regeling: the algemeen bestuur above the dagelijks bestuur.
    [S.ALGEMEEN_BESTUUR],
    [S.DAGELIJKS_BESTUUR],
    # The bestuurlijke regiegroep of 2013 kept sight of the stuurgroepen beneath it (seed 002).
    [S.BESTUURLIJKE_REGIEGROEP],
    [S.STUURGROEP],
    [S.REGIEGROEP],
    [S.RST, S.BELEIDSTEAM],
    [S.LST, S.WERKGROEP_STRUCTUREEL, S.WERKGROEP_THEMATISCH, S.PROJECTGROEP],
]
REGIEGROEP_LAYER = LAYERS.index([S.REGIEGROEP])  # where the escalatie box stands
FILL = {
    S.ALGEMEEN_BESTUUR: "#d6e4f0",
    S.DAGELIJKS_BESTUUR: "#d6e4f0",
    S.STUURGROEP: "#d6e4f0",
    S.BESTUURLIJKE_REGIEGROEP: "#d6e4f0",
    S.REGIEGROEP: "#dcebdc",
    S.RST: "#fbefd5",
    S.BELEIDSTEAM: "#fbefd5",
    S.ESCALATIE: "#f8dcdc",
    S.EXTERN: "#ebe5f4",
}
# soort: (line attributes, marker id or None, label)
EDGE = {
    R.OPDRACHTGEVER_VAN: ('stroke="#1a1a1a" stroke-width="1.6"', "org-pijl", "opdrachtgever"),
    R.ESCALEERT_NAAR: (
        'stroke="#c0392b" stroke-width="1.6" stroke-dasharray="7 4"',
        "org-pijl-rood",
        "escalatie",
    ),
    R.AFSTEMMING_MET: (
        'stroke="#7f7f7f" stroke-width="1.4" stroke-dasharray="2 3"',
        None,
        "afstemming",
    ),
}
LABEL_COLOR = {
    R.OPDRACHTGEVER_VAN: "#1a1a1a",
    R.ESCALEERT_NAAR: "#c0392b",
    R.AFSTEMMING_MET: "#555",
}


def rangorde(gremium: Gremium) -> tuple:
    """The order of the organogram, top to bottom (algemeen bestuur, dagelijks bestuur, …,
    then escalatie and extern), then by name: for the list beside it."""
    laag = next((i for i, soorten in enumerate(LAYERS) if gremium.soort in soorten), len(LAYERS))
    return (laag, gremium.soort == S.EXTERN, gremium.naam)


def _sort_key(gremium: Gremium):
    return (SOORT_ORDER.get(gremium.soort, len(SOORT_ORDER)), gremium.naam, gremium.pk or 0)


def _wrap(text: str, width: int, max_lines: int) -> list[str]:
    lines = textwrap.wrap(text, width) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: width - 1].rstrip() + "…"
    return lines


def _edge_point(box, tx: float, ty: float) -> tuple[float, float]:
    """Where the line from the box centre towards (tx, ty) leaves the box."""
    x, y = box
    cx, cy = x + BOX_W / 2, y + BOX_H / 2
    dx, dy = tx - cx, ty - cy
    if not dx and not dy:
        return cx, cy
    scale = min(
        (BOX_W / 2) / abs(dx) if dx else float("inf"), (BOX_H / 2) / abs(dy) if dy else float("inf")
    )
    return cx + dx * scale, cy + dy * scale


def _layout(gremia: list[Gremium]) -> tuple[dict[int, tuple[float, float]], float, float]:
    """Top-left corner per gremium pk, and the total width and height."""
    extern = [g for g in gremia if g.soort == S.EXTERN]
    escalatie = [g for g in gremia if g.soort == S.ESCALATIE]
    placed = {S.EXTERN, S.ESCALATIE, *(s for layer in LAYERS for s in layer)}
    layers = [[g for g in gremia if g.soort in soorten] for soorten in LAYERS]
    layers[-1] += [g for g in gremia if g.soort not in placed]  # unknown soort: bottom row
    lines = [
        (i, layer[j : j + PER_LINE])
        for i, layer in enumerate(layers)
        for j in range(0, len(layer), PER_LINE)
    ]
    step = BOX_W + GAP_X
    center_w = max((len(line) * step - GAP_X for _, line in lines), default=0)
    center_x = MARGIN + (BOX_W + SIDE_GAP if extern else 0)
    pos: dict[int, tuple[float, float]] = {}
    layer_y: dict[int, float] = {}
    y = MARGIN
    for layer_index, line in lines:
        layer_y.setdefault(layer_index, y)
        x = center_x + (center_w - (len(line) * step - GAP_X)) / 2
        for k, gremium in enumerate(line):
            pos[gremium.pk] = (x + k * step, y)
        y += BOX_H + GAP_Y
    bottom = y - GAP_Y if lines else MARGIN
    right_x = center_x + center_w + (SIDE_GAP if lines else 0)
    for k, gremium in enumerate(extern):
        pos[gremium.pk] = (MARGIN, MARGIN + k * (BOX_H + 24))
    for k, gremium in enumerate(escalatie):
        pos[gremium.pk] = (right_x, layer_y.get(REGIEGROEP_LAYER, MARGIN) + k * (BOX_H + 24))
    width = (right_x + BOX_W if escalatie else center_x + center_w) + MARGIN
    height = max([bottom] + [y + BOX_H for _, y in pos.values()]) + MARGIN
    return pos, width, height


def build_organogram_svg(
    gremia: list[Gremium], relaties: list[GremiumRelatie], titel: str | None = None
) -> SafeString:
    """The organogram as inline SVG; relations with a gremium outside ``gremia`` are left out."""
    gremia = sorted(gremia, key=_sort_key)
    if not gremia:
        attrs = 'text-anchor="middle" font-size="14" fill="#555"'
        body = [svg.text(200, 45, "Nog geen gremia", attrs)]
        titel = titel or "Organogram van de gremia"
        return svg.document("org", 400, 80, titel, body, desc="Nog geen gremia.")
    if titel is None:
        titel = f"Organogram van {gremia[0].samenwerkingsverband.naam}"
    by_pk = {g.pk: g for g in gremia}
    rank = {g.pk: i for i, g in enumerate(gremia)}
    relaties = sorted(
        (r for r in relaties if r.van_id in by_pk and r.naar_id in by_pk and r.van_id != r.naar_id),
        key=lambda r: (
            list(R.values).index(r.soort) if r.soort in R.values else 9,
            rank[r.van_id],
            rank[r.naar_id],
        ),
    )
    pos, width, height = _layout(gremia)

    zinnen = [
        f"{by_pk[r.van_id].naam} {r.get_soort_display()} {by_pk[r.naar_id].naam}" for r in relaties
    ]
    desc = f"Gremia: {', '.join(g.naam for g in gremia)}. " + (
        f"Relaties: {'; '.join(zinnen)}." if zinnen else "Er zijn geen relaties vastgelegd."
    )

    body = ["<defs>"]
    for marker_id, color in (("org-pijl", "#1a1a1a"), ("org-pijl-rood", "#c0392b")):
        body.append(
            f'<marker id="{marker_id}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
            f'markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="{color}"/></marker>'
        )
    body.append("</defs>")

    # Several relations between the same pair are drawn side by side.
    pairs = Counter(frozenset((r.van_id, r.naar_id)) for r in relaties)
    seen: Counter = Counter()
    lines, labels = [], []
    for r in relaties:
        attrs, marker, label = EDGE.get(r.soort, EDGE[R.AFSTEMMING_MET])
        (ax, ay), (bx, by) = pos[r.van_id], pos[r.naar_id]
        acx, acy, bcx, bcy = ax + BOX_W / 2, ay + BOX_H / 2, bx + BOX_W / 2, by + BOX_H / 2
        x1, y1 = _edge_point(pos[r.van_id], bcx, bcy)
        x2, y2 = _edge_point(pos[r.naar_id], acx, acy)
        pair = frozenset((r.van_id, r.naar_id))
        offset = (seen[pair] - (pairs[pair] - 1) / 2) * 12
        t = 0.5 + (seen[pair] - (pairs[pair] - 1) / 2) * 0.6 / pairs[pair]  # labels apart
        seen[pair] += 1
        length = max(((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5, 1)
        ox, oy = -(y2 - y1) / length * offset, (x2 - x1) / length * offset
        x1, y1, x2, y2 = x1 + ox, y1 + oy, x2 + ox, y2 + oy
        end = f' marker-end="url(#{marker})"' if marker else ""
        lines.append(
            f'<line x1="{svg.number(x1)}" y1="{svg.number(y1)}" '
            f'x2="{svg.number(x2)}" y2="{svg.number(y2)}" {attrs}{end}/>'
        )
        mx, my, w = x1 + (x2 - x1) * t, y1 + (y2 - y1) * t, len(label) * 6 + 6
        labels.append(
            f'<rect x="{svg.number(mx - w / 2)}" y="{svg.number(my - 8)}" width="{w}" '
            f'height="14" rx="3" fill="#ffffff" fill-opacity="0.9"/>'
            + svg.text(
                mx,
                my + 3,
                label,
                f'text-anchor="middle" font-size="10" fill="{LABEL_COLOR.get(r.soort, "#555")}"',
            )
        )

    boxes = []
    for g in gremia:
        x, y = pos[g.pk]
        naam = _wrap(g.naam, 22, 3)
        soort = _wrap(str(g.get_soort_display()), 30, 2)
        cx = x + BOX_W / 2
        ty = y + (BOX_H - (len(naam) * 16 + len(soort) * 12)) / 2 + 12
        parts = [
            f'<rect x="{svg.number(x)}" y="{svg.number(y)}" width="{BOX_W}" height="{BOX_H}" '
            'rx="10" ry="10" '
            f'fill="{FILL.get(g.soort, "#f2f2f2")}" stroke="#34495e" stroke-width="1.2"/>'
        ]
        for line in naam:
            attrs = 'text-anchor="middle" font-size="13" font-weight="bold" fill="#1a1a1a"'
            parts.append(svg.text(cx, ty, line, attrs))
            ty += 16
        for line in soort:
            parts.append(svg.text(cx, ty, line, 'text-anchor="middle" font-size="10" fill="#444"'))
            ty += 12
        boxes.append("<g>" + "".join(parts) + "</g>")

    parts = body + lines + boxes + labels
    return svg.document("org", width, height, titel, parts, desc=desc, smallest_font=10)
