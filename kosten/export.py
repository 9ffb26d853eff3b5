"""The kostenverdeling as CSV rows and as an XLSX workbook: the same figures as the page."""

import csv
import io

from openpyxl import Workbook
from openpyxl.styles import Font

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
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(kostenverdeling_rows(kv))
    return out.getvalue()


def kostenverdeling_xlsx(kv: Kostenverdeling, titel: str) -> bytes:
    """Two sheets: the table of rol-years (as the CSV) and the summary per gemeente."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Kostenverdeling"
    for row in kostenverdeling_rows(kv):
        ws.append(row)
    for cell in ws[1]:
        cell.font = Font(bold=True)

    summary = wb.create_sheet("Samenvatting")
    summary.append([titel])
    summary["A1"].font = Font(bold=True)
    summary.append(["gemeente", *kv.jaren, "totaal"])
    for gemeente in kv.gemeenten:
        summary.append(
            [gemeente]
            + [int(kv.aandeel(gemeente, j)) for j in kv.jaren]
            + [int(kv.totaal_gemeente(gemeente))]
        )
    summary.append(
        ["totaal (incl. afronding)"]
        + [int(kv.totaal_aandelen(j)) for j in kv.jaren]
        + [int(kv.totaal)]
    )
    summary.append(
        ["totaal kosten"]
        + [int(kv.totaal_kosten(j)) for j in kv.jaren]
        + [int(kv.totaal_zonder_afronding)]
    )
    for sheet in (ws, summary):
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, int):
                    cell.number_format = "#,##0"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
