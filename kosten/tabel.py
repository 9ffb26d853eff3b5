"""The cost table of Bijlage 1 laid out for display: the page and the PDF show the same rows."""

import math

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from formatie.constants import Kostensoort
from regiekamer.opmaak import format_decimal, format_euro

from .verdeling import FaseData, Kostenverdeling, RolData, from_year


def in_zin(naam: str) -> str:
    """A name as it stands inside a phrase: "Fase 1" -> "fase 1"; an abbreviation ("ICT")
    keeps its capitals."""
    if len(naam) > 1 and naam[0].isupper() and not naam[1].isupper():
        return naam[0].lower() + naam[1:]
    return naam


def _uurtarieven(rol: RolData, fasen: list[FaseData]) -> str:
    """The hourly rate(s) the rol is costed with in its years: "€ 95/u", or per year when
    they differ: "€ 95/u (2016), € 98/u (2017)"."""
    jaren = sorted(
        {j for f in fasen if rol.bezetting.get(f.id) for j in range(f.begin.year, f.eind.year + 1)}
    )
    per_jaar = []
    for jaar in jaren:
        # The engine's rule (kosten.verdeling.from_year): the rate of the latest year on or
        # before ``jaar``.
        found = from_year(rol.uurtarieven, jaar)
        tarief = found[0] if found else rol.uurtarief
        if tarief is not None and (not per_jaar or per_jaar[-1][1] != tarief):
            per_jaar.append((jaar, tarief))
    if not per_jaar:
        tarief = rol.uurtarief
        return f"€ {format_decimal(tarief)}/u" if tarief is not None else "uurtarief onbekend"
    if len(per_jaar) == 1:
        return f"€ {format_decimal(per_jaar[0][1])}/u"
    return ", ".join(f"€ {format_decimal(t)}/u ({j})" for j, t in per_jaar)


def kostenbasis(rol: RolData, fasen: list[FaseData]) -> str:
    """A rol's cost parameters as Bijlage 1 prints them after its name: "schaal 11",
    "fase 1: 1.092 u, fase 2: 390 u, € 95/u", "fase 1: € 20.000, fase 2: € 80.000"."""
    if rol.kostensoort == Kostensoort.SCHAAL:
        return f"schaal {rol.schaal}" if rol.schaal is not None else "schaal onbekend"
    per_fase = [(f, rol.bezetting[f.id]) for f in fasen if rol.bezetting.get(f.id)]
    if rol.kostensoort == Kostensoort.UUR:
        uren = [
            f"{in_zin(f.naam)}: {format_decimal(fte * f.maanden * rol.uren_per_fte_per_maand)} u"
            for f, fte in per_fase
        ]
        return ", ".join([*uren, _uurtarieven(rol, fasen)])
    bedragen = ", ".join(f"{in_zin(f.naam)}: € {format_euro(bedrag)}" for f, bedrag in per_fase)
    return bedragen or "vast bedrag"


def rol_label(rol: RolData, fasen: list[FaseData]) -> str:
    """The rol as the cost table names it, with its parameters, as Bijlage 1 does:
    "contractmanagement (schaal 11)", "informatieanalyse (fase 1: 1.092 u, fase 2: 390 u,
    € 95/u)", "inkoop 2018 projectbasis (fase 1: € 20.000, fase 2: € 80.000)". Computed from
    the rol's data on every call; the one place that decides the label (page, PDF, XLSX)."""
    return f"{rol.naam_in_kostentabel or rol.naam} ({kostenbasis(rol, fasen)})"


def cost_table(kv: Kostenverdeling) -> dict:
    """Rows per role, totals and the summary per gemeente, as template context."""
    sleutel = kv.sleutels[kv.jaren[-1]] if kv.jaren else None
    # The columns of a year that follows years without costs: drawn with a separator.
    gap_jaren = {i for i, j in enumerate(kv.jaren) if j in kv.na_onderbreking}
    return {
        "kv": kv,
        "n_gemeenten": len(kv.gemeenten),
        "gap_jaren": gap_jaren,
        "gap_aandelen": {i * len(kv.gemeenten) for i in gap_jaren},
        "rijen": [
            {
                "rol": rol,
                "label": rol_label(rol, kv.fasen),
                "pakket": kv.pakket_naam(rol.pakket),
                "kosten": [kv.regel(rol, j).kosten for j in kv.jaren],
                "aandelen": [
                    kv.regel(rol, j).aandelen.get(g) for j in kv.jaren for g in kv.gemeenten
                ],
            }
            for rol in kv.rollen
        ],
        "totaal_kosten": [kv.totaal_kosten(j) for j in kv.jaren],
        "totaal_aandelen": [kv.aandeel(g, j) for j in kv.jaren for g in kv.gemeenten],
        "samenvatting": [
            {
                "gemeente": g,
                "percentage": sleutel.percentage(g) if sleutel and g in sleutel.aandelen else None,
                "per_jaar": [kv.aandeel(g, j) for j in kv.jaren],
                "totaal": kv.totaal_gemeente(g),
            }
            for g in kv.gemeenten
        ],
        "totaal_incl_afronding": [kv.totaal_aandelen(j) for j in kv.jaren],
        "afrondingsverschillen": [kv.afrondingsverschil(j) for j in kv.jaren],
        "pakkettabellen": pakket_tables(kv) if kv.heeft_pakketten else [],
    }


def _euro_of_streep(bedrag) -> str:
    """A cell's amount, or a dash where it is nothing (None or 0)."""
    return format_euro(bedrag) if bedrag else "&mdash;"


def cost_table_html(tabel: dict) -> SafeString:
    """The cost table (``cost_table``) as the page and the one-table print show it: HTML built
    here rather than by the template language, which took most of the page's time for the
    thousands of cells of a large samenwerkingsverband. The same markup, byte for byte, as the
    template it replaces (tests/kosten/test_kostentabel_html.py keeps that)."""
    kv = tabel["kv"]
    jaren, gemeenten = kv.jaren, kv.gemeenten
    n_gemeenten, gap_jaren, gap_aandelen = (
        tabel["n_gemeenten"],
        tabel["gap_jaren"],
        tabel["gap_aandelen"],
    )
    pakket_kop = '<th scope="col" rowspan="2">Pakket</th>' if kv.heeft_pakketten else ""
    gap = [" gap" if j in kv.na_onderbreking else "" for j in jaren]
    namen = [escape(g) for g in gemeenten]
    kosten_klassen = [f"num{' gap' if i in gap_jaren else ''}" for i in range(len(jaren))]
    aandeel_klassen = [
        f"num{' group' if i % n_gemeenten == 0 else ''}{' gap' if i in gap_aandelen else ''}"
        for i in range(len(jaren) * n_gemeenten)
    ]
    delen = [
        '  <table class="table cost-table">\n    <thead>\n      <tr><th scope="col" rowspan="2">'
        f'Rol</th>{pakket_kop}<th scope="colgroup" colspan="{len(jaren)}" class="num">Kosten</th>'
        "\n        ",
        *(
            f'<th scope="colgroup" colspan="{n_gemeenten}" class="num group{g}">Aandeel {j}</th>'
            for g, j in zip(gap, jaren, strict=True)
        ),
        "</tr>\n      <tr>",
        *(f'<th scope="col" class="num{gap[i]}">{j}</th>' for i, j in enumerate(jaren)),
        "\n        ",
        *(
            f'<th scope="col" class="num{" group" + gap[i] if k == 0 else ""}">{naam}</th>'
            for i in range(len(jaren))
            for k, naam in enumerate(namen)
        ),
        "</tr>\n    </thead>\n    <tbody>\n    ",
    ]

    def cellen(kosten: list, aandelen: list, opmaak) -> str:
        """A row's figures: its costs per year, then its shares per year and gemeente."""
        return "\n        ".join(
            "".join(
                f'<td class="{klasse}">{opmaak(bedrag)}</td>'
                for klasse, bedrag in zip(klassen, bedragen, strict=True)
            )
            for klassen, bedragen in ((kosten_klassen, kosten), (aandeel_klassen, aandelen))
        )

    for rij in tabel["rijen"]:
        pakket = f"<td>{escape(rij['pakket'])}</td>" if kv.heeft_pakketten else ""
        delen += [
            f'\n      <tr><th scope="row">{escape(rij["label"])}</th>{pakket}\n        ',
            cellen(rij["kosten"], rij["aandelen"], _euro_of_streep),
            "</tr>\n    ",
        ]
    leeg = "<td></td>" if kv.heeft_pakketten else ""
    delen += [
        '\n    </tbody>\n    <tfoot>\n      <tr class="total"><th scope="row">Totaal</th>'
        f"{leeg}\n        ",
        cellen(tabel["totaal_kosten"], tabel["totaal_aandelen"], format_euro),
        "</tr>\n    </tfoot>\n  </table>\n  ",
    ]
    if kv.zonder_kosten:
        delen.append(
            f'<p class="gap-note">Geen kosten in {escape(kv.zonder_kosten)}: in die jaren valt '
            "geen fase met bezetting, dus staan ze niet in de tabellen.</p>"
        )
    delen.append("\n\n")
    return mark_safe("".join(delen))  # noqa: S308 - every text above is escaped


def opsomming(namen: list[str]) -> str:
    """Names as a sentence lists them: "Leudal", "Leudal en Weert", "Leudal, Nederweert en
    Weert"."""
    if len(namen) < 2:
        return "".join(namen)
    return ", ".join(namen[:-1]) + " en " + namen[-1]


def pakket_toelichting(kv: Kostenverdeling, pakket, jaar: int) -> str:
    """Who takes part in a pluspakket in a year and how its costs are split, in words:
    "deelnemers Leudal (40%) en Weert (60%); verdeling naar inwonertal op 01-01-2016"."""
    sleutel = kv.pakketsleutels.get((pakket.id, jaar))
    if sleutel is None:
        return f"geen kosten in {jaar}"
    deelnemers = opsomming(
        [f"{g} ({format_decimal(sleutel.percentage(g), 2)}%)" for g in sleutel.gemeenten]
    )
    woord = "deelnemer" if len(sleutel.gemeenten) == 1 else "deelnemers"
    return f"{woord} {deelnemers}; verdeling {sleutel.omschrijving}"


def pakket_tables(kv: Kostenverdeling) -> list[dict]:
    """Per year each gemeente's share of the basispakket and of every pluspakket, and its
    total: Basispakket + pluspakketten = Totaal, with each pluspakket's deelnemers and
    verdeling of that year in words. Only for a samenwerkingsverband with pluspakketten."""
    pakketten = [None, *(p.id for p in kv.pakketten)]
    return [
        {
            "jaar": jaar,
            "kolommen": [kv.pakket_naam(p) for p in pakketten],
            "rijen": [
                {
                    "gemeente": g,
                    "bedragen": [kv.aandeel_pakket(g, jaar, p) for p in pakketten],
                    "totaal": kv.aandeel(g, jaar),
                }
                for g in kv.gemeenten
            ],
            "totaal_aandelen": [
                sum(kv.aandeel_pakket(g, jaar, p) for g in kv.gemeenten) for p in pakketten
            ],
            "totaal": kv.totaal_aandelen(jaar),
            "kosten": [kv.kosten_pakket(p, jaar) for p in pakketten],
            "totaal_kosten": kv.totaal_kosten(jaar),
            "toelichting": [
                {"pakket": p.naam, "tekst": pakket_toelichting(kv, p, jaar)} for p in kv.pakketten
            ],
        }
        for jaar in kv.jaren
    ]


# A4 landscape holds the role and about 16 figures side by side in the report's type.
PRINT_COLUMNS = 16


def fits_one_print_table(kv: Kostenverdeling) -> bool:
    """Whether the costs and every year's shares fit side by side, as in Bijlage 1 of MLW."""
    pakket_column = 1 if kv.heeft_pakketten else 0
    return len(kv.jaren) * (1 + len(kv.gemeenten)) + pakket_column <= PRINT_COLUMNS


# The advance widths in em of DejaVu Sans Bold (the widest face the cost table's headers and
# totals are set in; static/css/rapport.css): enough to size a column without WeasyPrint. A
# character not listed counts as 1 em, wider than nearly every glyph.
_EM = {
    c: em
    for em, tekens in {
        0.306: "'",
        0.343: "ijlíìîï",
        0.348: " ",
        0.365: "/",
        0.372: "IJÍÏ",
        0.380: ",.’",
        0.400: ":",
        0.415: "-",
        0.435: "f",
        0.457: "()",
        0.478: "t",
        0.493: "r",
        0.500: "–",
        0.582: "z",
        0.593: "cç",
        0.595: "s",
        0.637: "L",
        0.645: "x",
        0.652: "vyýÿ",
        0.665: "k",
        0.675: "aáàâä",
        0.678: "eéèêë",
        0.682: "T",
        0.683: "EFÉË",
        0.687: "oóòôö",
        0.696: "0123456789€",
        0.712: "hnuúùûüñ",
        0.716: "bdgpq",
        0.720: "S",
        0.724: "Y",
        0.725: "Z",
        0.733: "P",
        0.734: "C",
        0.762: "B",
        0.770: "R",
        0.771: "X",
        0.774: "AVÁ",
        0.775: "K",
        0.812: "UÚÜ",
        0.821: "G",
        0.830: "D",
        0.837: "HN",
        0.850: "OQÓÖ",
        0.872: "&",
        0.924: "w",
        0.995: "M",
        1.000: "—",
        1.042: "m",
        1.103: "W",
    }.items()
    for c in tekens
}
_OTHER_EM = 1.0
# An em in mm at the cost table's 7.5 pt; the width of the landscape page's text, in mm: A4
# minus the margins of 2 x 14 mm (static/css/rapport.css) and the body's 2 x 8 px.
_EM_MM = 7.5 * 25.4 / 72
_PRINT_WIDTH_MM = 297 - 2 * 14 - 2 * 8 * 25.4 / 96
# The horizontal padding of a figure cell (.cost-table.vast .num) and of a text cell, with a
# little air, and the group rule left of the first share; the least the role column keeps.
_FIGURE_PAD_MM, _TEXT_PAD_MM, _GROUP_RULE_MM, _ROL_MIN_MM = 1.65, 2.05, 0.15, 30


def _breedte_mm(tekst: str) -> float:
    """The printed width of a word or figure at the cost table's size, in bold: the sum of its
    advance widths (kerning only makes it narrower)."""
    return sum(_EM.get(c, _OTHER_EM) for c in tekst) * _EM_MM


def figure_columns_mm(
    kolommen: list[tuple[str, list]], labels: list[str], tekstkolommen: int = 1
) -> list[float] | None:
    """The widths of the figure columns of a printed cost table, so that WeasyPrint can lay it
    out with fixed columns instead of measuring every cell: per column (its header and its
    figures) the widest word or figure, with the cell's padding; the second column (the first
    share) also holds the group rule. The role column (and, with pluspakketten, the pakket
    column: ``tekstkolommen``) shares what is left; None when that is narrower than 30 mm or
    than the longest word of a label: then the table keeps its automatic layout."""
    breedtes = []
    for i, (kop, cijfers) in enumerate(kolommen):
        teksten = [*kop.split(), *(format_euro(c) if c else "—" for c in cijfers)]
        mm = max(map(_breedte_mm, teksten)) + _FIGURE_PAD_MM + (_GROUP_RULE_MM if i == 1 else 0)
        breedtes.append(math.ceil(mm * 10) / 10)
    langste = max((_breedte_mm(w) for label in labels for w in label.split()), default=0)
    rol = max(_ROL_MIN_MM, langste + _TEXT_PAD_MM)
    if sum(breedtes) > _PRINT_WIDTH_MM - tekstkolommen * rol:
        return None
    return breedtes


def share_tables(kv: Kostenverdeling) -> list[dict]:
    """One table per year (the costs and each gemeente's share per role), for a print with
    more gemeenten or years than one table holds."""
    return [_share_table(kv, jaar) for jaar in kv.jaren]


def _share_table(kv: Kostenverdeling, jaar: int) -> dict:
    tabel = {
        "jaar": jaar,
        "rijen": [
            {
                "rol": rol,
                "label": rol_label(rol, kv.fasen),
                "pakket": kv.pakket_naam(rol.pakket),
                "kosten": kv.regel(rol, jaar).kosten,
                "aandelen": [kv.regel(rol, jaar).aandelen.get(g) for g in kv.gemeenten],
            }
            for rol in kv.rollen
        ],
        "totaal_kosten": kv.totaal_kosten(jaar),
        "totaal_aandelen": [kv.aandeel(g, jaar) for g in kv.gemeenten],
    }
    rijen = tabel["rijen"]
    kolommen = [
        (f"Kosten {jaar}", [tabel["totaal_kosten"], *(rij["kosten"] for rij in rijen)]),
        *(
            (g, [tabel["totaal_aandelen"][i], *(rij["aandelen"][i] for rij in rijen)])
            for i, g in enumerate(kv.gemeenten)
        ),
    ]
    labels = [rij["label"] for rij in rijen]
    tekstkolommen = 2 if kv.heeft_pakketten else 1
    tabel["kolommen_mm"] = figure_columns_mm(kolommen, labels, tekstkolommen)
    return tabel
