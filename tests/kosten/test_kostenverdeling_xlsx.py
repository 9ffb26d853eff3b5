"""The Excel download of the kostenverdeling is Bijlage 1, cell by cell: a sheet to forward.

Checked as Excel will show it: the figures of the document (every role cost per year, every
share, the totals, the summary and the afrondingsverschil), Dutch number formats (``#,##0``,
which a Dutch Excel shows as 1.170.744), years as text (never 2.016), widths, the frozen
header, A4 landscape one page wide, the title and the state of the data.
"""

import io
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from formatie.models import Bezetting
from kosten.export import kostenverdeling_xlsx
from tests.kosten.mlw import mlw_kostenverdeling
from tests.kosten.test_kostenverdeling import BIJLAGE_1, LABELS

pytestmark = pytest.mark.django_db

TITEL = "Kostenverdeling Sociaal Domein Midden-Limburg West"
JAREN = ["2016", "2017", "2018"]
GEMEENTEN = ["Leudal 36%", "Nederweert 16%", "Weert 48%"]
KOSTENBASIS = {
    "Contractmanagement": "schaal 11",
    "Informatie analyse": "fase 1: 1.092 u, fase 2: 390 u, € 95/u",
    "Business control jeugd": "schaal 11",
    "Beleid Jeugd": "schaal 12",
    "Beleid Wmo": "schaal 12",
    "Ondersteuning algemeen": "schaal 8",
    "Ondersteuning inkoop 2017": "fase 1: 546 u, € 81/u",
    "Inkoop 2018 (projectbasis)": "fase 1: € 20.000, fase 2: € 80.000",
}
SUMMARY = {
    "Leudal": (0.36, 81173, 215393, 124902, 421468),
    "Nederweert": (0.16, 36078, 95730, 55512, 187320),
    "Weert": (0.48, 108231, 287189, 166536, 561956),
    "Totaal (incl. afronding)": (None, 225482, 598312, 346950, 1170744),
    "Totaal kosten": (None, 225481, 598311, 346950, 1170742),
    "Afrondingsverschil": (None, 1, 1, 0, 2),
}


@pytest.fixture
def workbook(demo, regie_client):
    url = reverse("kosten:kostenverdeling", args=["MLW"])
    response = regie_client.get(url, {"download": "xlsx"})
    assert response.status_code == 200
    return load_workbook(io.BytesIO(response.content))


def rows_by_label(ws) -> dict:
    return {row[0].value: row for row in ws.iter_rows() if isinstance(row[0].value, str)}


def test_first_sheet_has_title_state_and_the_headers_of_bijlage_1(workbook):
    ws = workbook.worksheets[0]
    assert ws.title == "Kostenverdeling"
    assert ws["A1"].value == TITEL and ws["A1"].font.bold
    assert re.fullmatch(r"Stand van de gegevens: \d\d-\d\d-\d{4} \d\d:\d\d.*", ws["A2"].value)
    group = [c.value for c in ws[4]]
    assert group[:2] == ["Rol", "Kosten"]
    assert [v for v in group[2:] if v] == [f"Aandeel kosten {j}" for j in JAREN]
    header = ws[5]
    assert [c.value for c in header[1:]] == [*JAREN, "Totaal", *GEMEENTEN * 3]
    # Years are text: Excel shows 2016, not 2.016.
    assert all(c.data_type == "s" for c in header[1:4])
    assert all(c.font.bold for c in [*ws[4], *header] if c.value)
    assert "B4:E4" in str(ws.merged_cells)  # "Kosten" above the years and their total


def test_every_role_cost_and_share_of_bijlage_1(workbook):
    labels = rows_by_label(workbook["Kostenverdeling"])
    # Each rol labelled as Bijlage 1 labels it, with its figures.
    assert [c.value for c in workbook["Kostenverdeling"]["A"][5:13]] == list(LABELS.values())
    for rol, years in BIJLAGE_1.items():
        row = [c.value for c in labels[LABELS[rol]]]
        costs, shares = row[1:4], row[5:14]
        for i, figures in enumerate(years):
            if figures is None:  # "-" in the document: no cost, an empty cell
                assert costs[i] is None and shares[3 * i : 3 * i + 3] == [None] * 3
            else:
                assert costs[i] == figures[0]
                assert shares[3 * i : 3 * i + 3] == list(figures[1:])
        assert row[4] == sum(f[0] for f in years if f)  # the role's total over the years
    totaal = [c.value for c in labels["Totaal"]]
    assert totaal[1:5] == [225481, 598311, 346950, 1170742]
    assert totaal[5:] == [81173, 36078, 108231, 215393, 95730, 287189, 124902, 55512, 166536]


def test_summary_with_total_incl_afronding_and_the_rounding_difference(workbook):
    ws = workbook["Kostenverdeling"]
    labels = rows_by_label(ws)
    header = labels["Regionale kostenverdeling samenvatting"]
    assert [c.value for c in header[:6]] == [
        "Regionale kostenverdeling samenvatting", "Aandeel", *JAREN, "Totaal"
    ]  # fmt: skip
    assert all(c.data_type == "s" for c in header[2:5])
    for label, figures in SUMMARY.items():
        assert tuple(c.value for c in labels[label][1:6]) == figures, label
    assert labels["Leudal"][1].number_format == "0%"  # Excel shows 36%
    assert labels["Totaal (incl. afronding)"][5].font.bold
    notes = [c.value for c in ws["A"] if isinstance(c.value, str)]
    assert any("afrondingsverschil" in n for n in notes)
    assert any(n.startswith("Verdeelsleutel 2016–2018: Leudal 36%") for n in notes)


def test_dutch_number_formats_and_no_year_formatted_as_an_amount(workbook):
    for ws in workbook:
        # Column A holds labels and years as text, never a number shown as 2.016.
        assert not any(isinstance(c.value, int | float) for c in ws["A"]), ws.title
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, int | float) and cell.number_format != "0%":
                    assert cell.number_format == "#,##0", (ws.title, cell.coordinate)


def test_widths_frozen_header_and_print_setup(workbook):
    ws = workbook["Kostenverdeling"]
    widths = {c: ws.column_dimensions[c].width for c in "ABCDEFGHIJKLMN"}
    assert widths["A"] >= len("contractmanagement (schaal 11)")
    assert ws["A7"].alignment.wrap_text  # a longer label wraps within the column
    assert all(w >= len("1.170.744") for w in widths.values())
    assert widths["G"] >= len("Nederweert 16%")
    assert ws.freeze_panes == "B6"  # the headers and the role labels stay in view
    assert ws.print_title_rows == "$4:$5"
    for sheet in workbook:
        setup = sheet.page_setup
        assert setup.orientation == "landscape"
        assert str(setup.paperSize) == sheet.PAPERSIZE_A4  # 9: A4
        assert setup.fitToWidth == 1 and setup.fitToHeight == 0
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert TITEL in sheet.oddHeader.center.text
        assert "&P" in sheet.oddFooter.center.text


def test_second_sheet_is_the_long_list_for_analysis(workbook):
    ws = workbook["Lijst"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == (
        "Jaar", "Rol", "Kostenbasis", "Kosten rol", "Gemeente", "Verdeelsleutel", "Aandeel"
    )  # fmt: skip
    assert len(rows) == 1 + 21 * 3  # one row per rol-year with a cost, per gemeente
    assert ("2016", "Inkoop 2018 (projectbasis)", KOSTENBASIS["Inkoop 2018 (projectbasis)"],
            11429, "Weert", 0.48, 5486) in rows  # fmt: skip
    assert all(isinstance(r[0], str) for r in rows[1:])
    assert sum(r[6] for r in rows[1:]) == 1170744
    assert ws.freeze_panes == "B2" and ws.auto_filter.ref == f"A1:G{len(rows)}"
    assert ws["A1"].font.bold and ws.column_dimensions["C"].width >= 40


def test_state_names_the_last_change_of_the_formation(demo, regie_client):
    bezetting = Bezetting.objects.filter(fte__isnull=False).first()
    bezetting.save()  # recorded in the history now
    response = regie_client.get(
        reverse("kosten:kostenverdeling", args=["MLW"]), {"download": "xlsx"}
    )
    state = load_workbook(io.BytesIO(response.content)).worksheets[0]["A2"].value
    assert "(laatste wijziging); gemaakt op" in state


def test_only_the_years_the_engine_lists_appear():
    kv = mlw_kostenverdeling()
    kv.jaren = [2016, 2018]  # the engine decides which years have costs
    ws = load_workbook(io.BytesIO(kostenverdeling_xlsx(kv, "Test"))).worksheets[0]
    header = [c.value for c in ws[5]]
    assert header[1:4] == ["2016", "2018", "Totaal"]
    cells = {c.value for row in ws.iter_rows() for c in row}
    assert "2017" not in cells and "Aandeel kosten 2017" not in cells
