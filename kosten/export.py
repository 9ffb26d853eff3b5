"""The kostenverdeling as CSV rows and as an XLSX workbook: the same figures as the page."""

import io

from openpyxl import Workbook
from openpyxl.styles import Font

from regiekamer.spreadsheet import append_row, csv_text

from .verdeling import Kostenverdeling


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


def kostenverdeling_xlsx(kv: Kostenverdeling, titel: str) -> bytes:
    """Two sheets: the table of rol-years (as the CSV) and the summary per gemeente."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Kostenverdeling"
    for row in kostenverdeling_rows(kv):
        append_row(ws, row)
    for cell in ws[1]:
        cell.font = Font(bold=True)

    summary = wb.create_sheet("Samenvatting")
    append_row(summary, [titel])[0].font = Font(bold=True)
    append_row(summary, ["gemeente", *kv.jaren, "totaal"])
    for gemeente in kv.gemeenten:
        append_row(
            summary,
            [gemeente]
            + [int(kv.aandeel(gemeente, j)) for j in kv.jaren]
            + [int(kv.totaal_gemeente(gemeente))],
        )
    append_row(
        summary,
        ["totaal (incl. afronding)"]
        + [int(kv.totaal_aandelen(j)) for j in kv.jaren]
        + [int(kv.totaal)],
    )
    append_row(
        summary,
        ["totaal kosten"]
        + [int(kv.totaal_kosten(j)) for j in kv.jaren]
        + [int(kv.totaal_zonder_afronding)],
    )
    for sheet in (ws, summary):
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, int):
                    cell.number_format = "#,##0"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
