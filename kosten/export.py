"""The kostenverdeling as CSV rows and as an XLSX workbook: the same figures as the page.

The workbook is the sheet an official forwards. Its first sheet, ``Kostenverdeling``, has the
layout of Bijlage 1: a title and the state of the data, the roles labelled as the document
labels them ("contractmanagement (schaal 11)", ``kosten.tabel.rol_label``) x the years x the
gemeenten (their percentage in the header), the totals, and the summary per gemeente per year
with "Totaal (incl. afronding)" and the afrondingsverschil. The second sheet, ``Lijst``, is the
long list for analysis: one row per jaar, rol and gemeente (name and cost basis apart). The
third, ``Budgetcontrole`` (when budgets are recorded): budget − claims − aandeel = ruimte.
Both lay out ``kosten.tabel.cost_table`` and write through ``regiekamer.spreadsheet`` (text as
text, Dutch number formats, years as text, widths, frozen header, A4 landscape one page wide).
"""

from openpyxl import Workbook
from openpyxl.styles import Alignment

from regiekamer.opmaak import format_decimal
from regiekamer.spreadsheet import (
    BOLD,
    TOTAL_BORDER,
    Column,
    Kind,
    append_row,
    column_widths,
    csv_text,
    data_state_line,
    print_setup,
    set_widths,
    workbook_bytes,
    write_header,
    write_row,
    write_table,
    write_title,
)

from .budget import Budgetregel, claims_overzicht
from .tabel import cost_table, kostenbasis, pakket_tables
from .verdeling import Kostenverdeling

AFRONDING = (
    "De aandelen worden per rol en per jaar half naar boven afgerond; daardoor kan het totaal "
    "van de aandelen een euro afwijken van het totaal van de kosten (het afrondingsverschil)."
)


def kostenverdeling_rows(kv: Kostenverdeling) -> list[list]:
    """Header ``jaar,rol,kosten,<gemeente>…`` and one row per rol per year with a cost."""
    rows = [["jaar", "rol", "kosten", *kv.gemeenten]]
    for jaar in kv.jaren:
        for rol in kv.rollen:
            regel = kv.regel(rol, jaar)
            if regel.kosten:
                rows.append(
                    [jaar, rol.naam, int(regel.kosten)]
                    + [int(regel.aandelen.get(g, 0)) for g in kv.gemeenten]
                )
    return rows


def kostenverdeling_csv(kv: Kostenverdeling) -> str:
    return csv_text(kostenverdeling_rows(kv))


def gemeente_header(kv: Kostenverdeling, gemeente: str, jaar: int) -> str:
    """'Leudal 36%': the gemeente with its percentage of that year's key."""
    sleutel = kv.sleutels[jaar]
    if gemeente not in sleutel.aandelen:
        return gemeente
    return f"{gemeente} {format_decimal(sleutel.percentage(gemeente), 2)}%"


def sleutel_notes(kv: Kostenverdeling) -> list[str]:
    """Which key applies to which years, e.g. 'Verdeelsleutel 2016–2018: vastgestelde …'."""
    groups: list[tuple[list[int], object]] = []
    for jaar in kv.jaren:
        sleutel = kv.sleutels[jaar]
        if groups and groups[-1][1] is sleutel:
            groups[-1][0].append(jaar)
        else:
            groups.append(([jaar], sleutel))
    notes = []
    for jaren, sleutel in groups:
        periode = str(jaren[0]) if len(jaren) == 1 else f"{jaren[0]}–{jaren[-1]}"
        verdeling = ", ".join(f"{gemeente_header(kv, g, jaren[0])}" for g in sleutel.gemeenten)
        omschrijving = f"; {sleutel.omschrijving}" if sleutel.omschrijving else ""
        notes.append(f"Verdeelsleutel {periode}: {verdeling}{omschrijving}.")
    return notes


def _bijlage_sheet(ws, kv: Kostenverdeling, titel: str, stand: str, opmerkingen: list[str]):
    table = cost_table(kv)
    jaren, gemeenten = kv.jaren, kv.gemeenten
    n_jaren, n_gem = len(jaren), len(gemeenten)
    # With pluspakketten a column after the rol names its pakket.
    pakket = ["Pakket"] if kv.heeft_pakketten else []
    p = len(pakket)
    first_share = 2 + p + n_jaren + 1  # Rol, (Pakket,) the years' costs, Totaal

    write_title(ws, titel, stand or data_state_line(None))
    group = ["Rol", *pakket, "Kosten"] + [None] * n_jaren
    for jaar in jaren:
        group += [f"Aandeel kosten {jaar}"] + [None] * (n_gem - 1)
    top = write_header(ws, group)[0].row
    write_header(
        ws,
        [None, *[None] * p, *[str(j) for j in jaren], "Totaal"]
        + [gemeente_header(kv, g, j) for j in jaren for g in gemeenten],
    )
    for column in range(1, 2 + p):
        ws.merge_cells(start_row=top, start_column=column, end_row=top + 1, end_column=column)
    ws.merge_cells(start_row=top, start_column=2 + p, end_row=top, end_column=2 + p + n_jaren)
    for i in range(n_jaren):
        column = first_share + i * n_gem
        if n_gem > 1:
            ws.merge_cells(
                start_row=top, start_column=column, end_row=top, end_column=column + n_gem - 1
            )
    for cell in ws[top]:
        cell.alignment = Alignment(horizontal="center", vertical="bottom", wrap_text=True)
    for cell in ws[top + 1][1:]:
        cell.alignment = Alignment(horizontal="right", vertical="bottom", wrap_text=True)

    kinds = [Kind.TEXT] * (1 + p) + [Kind.EURO] * (n_jaren + 1 + n_jaren * n_gem)

    def euros(values):  # no cost is an empty cell, as Bijlage 1 prints "-"
        return [v if v else None for v in values]

    # The rol as Bijlage 1 labels it, with its parameters: "contractmanagement (schaal 11)".
    body = [
        [rij["label"], *([rij["pakket"]] if p else [])]
        + euros(rij["kosten"])
        + [sum(rij["kosten"])]
        + euros(rij["aandelen"])
        for rij in table["rijen"]
    ]
    for row in body:
        write_row(ws, row, kinds)
    totaal = ["Totaal", *[None] * p] + table["totaal_kosten"] + [kv.totaal_zonder_afronding]
    totaal += table["totaal_aandelen"]
    write_row(ws, totaal, kinds, font=BOLD, border=TOTAL_BORDER)

    append_row(ws, [])
    summary_kinds = [Kind.TEXT, Kind.PERCENTAGE] + [Kind.EURO] * (n_jaren + 1)
    summary_header = write_header(
        ws, ["Regionale kostenverdeling samenvatting", "Aandeel", *map(str, jaren), "Totaal"]
    )
    for cell in summary_header[1:]:
        cell.alignment = Alignment(horizontal="right", vertical="bottom", wrap_text=True)
    summary = [
        [s["gemeente"], s["percentage"], *s["per_jaar"], s["totaal"]] for s in table["samenvatting"]
    ]
    for row in summary:
        write_row(ws, row, summary_kinds)
    verschillen = table["afrondingsverschillen"]
    closing = [
        ["Totaal (incl. afronding)", None, *table["totaal_incl_afronding"], kv.totaal],
        ["Totaal kosten", None, *table["totaal_kosten"], kv.totaal_zonder_afronding],
        ["Afrondingsverschil", None, *verschillen, sum(verschillen)],
    ]
    write_row(ws, closing[0], summary_kinds, font=BOLD, border=TOTAL_BORDER)
    for row in closing[1:]:
        write_row(ws, row, summary_kinds)

    append_row(ws, [])
    append_row(ws, ["Opmerkingen"])[0].font = BOLD
    eerder = [f"{r.rol.naam}: {r.eerder_tarief}" for r in kv.eerdere_tarieven]
    for note in [AFRONDING, *sleutel_notes(kv), *eerder, *opmerkingen]:
        append_row(ws, [note])

    columns = [Column("Rol"), *map(Column, pakket)]
    columns += [Column(str(h.value), Kind.EURO) for h in ws[top + 1][1 + p :]]
    widths = column_widths(columns, [*body, totaal, *summary, *closing])
    widths[0] = max(widths[0], len("Regionale kostenverdeling samenvatting"))
    for i in range(first_share - 1, len(widths)):
        widths[i] = max(widths[i], len(str(ws.cell(top + 1, i + 1).value or "")))
    set_widths(ws, widths)
    for row in ws.iter_rows(min_row=top + 2, max_row=top + 1 + len(body), max_col=1):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = ws.cell(row=top + 2, column=2 + p)
    print_setup(ws, titel, header_rows=(top, top + 1))


BUDGET_COLUMNS = [
    Column("Gemeente"),
    Column("Jaar", Kind.YEAR),
    Column("Budget", Kind.EURO),
    Column("Claims", Kind.EURO),
    Column("Aandeel", Kind.EURO),
    Column("Ruimte", Kind.EURO),
    Column("Toelichting"),
]
CLAIM_COLUMNS = [
    Column("Claim van"),
    Column("Jaren", Kind.YEAR),
    Column("Bedrag", Kind.EURO),
    Column("Omschrijving", width=50),
    Column("Bron", width=50),
]
RUIMTE = (
    "Ruimte = budget − claims − aandeel in de kosten van de samenwerking. "
    "'Ten hoogste': een claim heeft geen bekend bedrag, dus de ruimte is kleiner."
)


def claims_cel(regel: Budgetregel):
    """The claims of a budget in one cell: their known total, "bedrag onbekend" when no claim
    has an amount, empty when there are none."""
    if not regel.claims:
        return None
    bekend = regel.claims_bekend
    return "bedrag onbekend" if bekend is None else bekend


def _budget_sheet(ws, budgetten: list[Budgetregel], titel: str, stand: str) -> None:
    """The budget check: per budget the known claims, the share and the ruimte, then every
    claim with its amount ("bedrag onbekend" when the documents give none) and source."""
    rows = [
        [b.gemeente, b.jaar, b.budget, claims_cel(b), b.aandeel, b.ruimte, b.ruimte_tekst]
        for b in budgetten
    ]
    write_table(ws, BUDGET_COLUMNS, rows, title=titel, lines=[stand, RUIMTE])
    claims = [
        [c.gemeente, c.jaren, c.claim.bedrag, c.claim.omschrijving, c.claim.bron]
        for c in claims_overzicht(budgetten)
    ]
    if claims:
        append_row(ws, [])
        write_header(ws, [c.header for c in CLAIM_COLUMNS])
        for row in claims:
            cells = write_row(
                ws,
                [v if v is not None else "bedrag onbekend" for v in row],
                [c.kind for c in CLAIM_COLUMNS],
            )
            for cell in cells[3:]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    widths = column_widths(BUDGET_COLUMNS, rows)
    claim_widths = column_widths(CLAIM_COLUMNS, claims) + [0] * 2
    set_widths(ws, [max(a, b) for a, b in zip(widths, claim_widths, strict=True)])


LIJST_COLUMNS = [
    Column("Jaar", Kind.YEAR),
    Column("Rol"),
    Column("Kostenbasis"),
    Column("Kosten rol", Kind.EURO),
    Column("Gemeente"),
    Column("Verdeelsleutel", Kind.PERCENTAGE),
    Column("Aandeel", Kind.EURO),
]


def lijst_columns(kv: Kostenverdeling) -> list[Column]:
    """The long list's columns; with pluspakketten the rol's pakket after its name."""
    if not kv.heeft_pakketten:
        return LIJST_COLUMNS
    return [*LIJST_COLUMNS[:2], Column("Pakket"), *LIJST_COLUMNS[2:]]


def lijst_rows(kv: Kostenverdeling) -> list[list]:
    """One row per jaar, rol and gemeente, for a rol-year with a cost. The verdeelsleutel is
    the percentage of the key the rol-year is split by (its pluspakket's); a gemeente outside
    a pluspakket has none and pays 0."""
    rows = []
    for jaar in kv.jaren:
        for rol in kv.rollen:
            regel = kv.regel(rol, jaar)
            if not regel.kosten:
                continue
            sleutel = kv.sleutel(rol, jaar)
            basis = kostenbasis(rol, kv.fasen)
            pakket = [kv.pakket_naam(rol.pakket)] if kv.heeft_pakketten else []
            for g in kv.gemeenten:
                percentage = sleutel.percentage(g) if g in sleutel.aandelen else None
                aandeel = regel.aandelen.get(g, 0)
                rows.append([jaar, rol.naam, *pakket, basis, regel.kosten, g, percentage, aandeel])
    return rows


PAKKETTEN_UITLEG = (
    "Het basispakket volgt de verdeelsleutel over alle gemeenten; de kosten van een "
    "pluspakket gaan alleen naar de deelnemers van dat jaar. Basispakket + pluspakketten = "
    "totaal per gemeente."
)


def _pakketten_sheet(ws, kv: Kostenverdeling, titel: str, stand: str) -> None:
    """Per year and gemeente the basispakket, every pluspakket and the total, with per year a
    total row and each pluspakket's deelnemers and verdeling in words below."""
    tabellen = pakket_tables(kv)
    kolommen = tabellen[0]["kolommen"] if tabellen else []
    columns = [Column("Jaar", Kind.YEAR), Column("Gemeente")]
    columns += [Column(naam, Kind.EURO) for naam in [*kolommen, "Totaal"]]
    kinds = [c.kind for c in columns]
    write_title(ws, titel, stand, PAKKETTEN_UITLEG)
    header = write_header(ws, [c.header for c in columns])
    rows = []
    for tabel in tabellen:
        jaar = str(tabel["jaar"])
        for rij in tabel["rijen"]:
            rows.append([jaar, rij["gemeente"], *rij["bedragen"], rij["totaal"]])
            write_row(ws, rows[-1], kinds)
        totaal = [jaar, "Totaal (incl. afronding)", *tabel["totaal_aandelen"], tabel["totaal"]]
        kosten = [jaar, "Totaal kosten", *tabel["kosten"], tabel["totaal_kosten"]]
        write_row(ws, totaal, kinds, font=BOLD, border=TOTAL_BORDER)
        write_row(ws, kosten, kinds)
        rows += [totaal, kosten]
    append_row(ws, [])
    append_row(ws, ["Deelnemers en verdeling van de pluspakketten"])[0].font = BOLD
    for tabel in tabellen:
        for t in tabel["toelichting"]:
            append_row(ws, [f"{t['pakket']} {tabel['jaar']}: {t['tekst']}."])
    set_widths(ws, column_widths(columns, rows))
    for cell in header[2:]:
        cell.alignment = Alignment(horizontal="right", vertical="bottom", wrap_text=True)
    ws.freeze_panes = ws.cell(row=header[0].row + 1, column=3)
    print_setup(ws, titel, header_rows=(header[0].row, header[0].row))


def kostenverdeling_xlsx(
    kv: Kostenverdeling,
    titel: str,
    stand: str = "",
    opmerkingen: list[str] | None = None,
    budgetten: list[Budgetregel] | None = None,
) -> bytes:
    """Bijlage 1 as one sheet, the long list as a second, and the budget check (when there
    are budgets) as a third. ``stand`` is the state of the data ("Stand van de gegevens: …");
    ``opmerkingen`` are notes printed below the summary; ``budgetten``: ``check_budgets``."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Kostenverdeling"
    _bijlage_sheet(ws, kv, titel, stand, opmerkingen or [])
    lijst = wb.create_sheet("Lijst")
    rows = lijst_rows(kv)
    columns = lijst_columns(kv)
    write_table(lijst, columns, rows, title=f"{titel}: lijst per jaar, rol en gemeente")
    lijst.auto_filter.ref = f"A1:{lijst.cell(1, len(columns)).column_letter}{len(rows) + 1}"
    if kv.heeft_pakketten:
        _pakketten_sheet(wb.create_sheet("Per pakket"), kv, f"{titel}: per pakket", stand)
    if budgetten:
        budget_sheet = wb.create_sheet("Budgetcontrole")
        _budget_sheet(budget_sheet, budgetten, f"Budgetcontrole {titel}", stand)
    wb.properties.title = titel
    return workbook_bytes(wb)
