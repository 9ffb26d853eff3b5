"""The formatie workbook is readable as well as re-importable.

The import reads the header in row 1 of Gemeenten, Fasen and Rollen, so those sheets keep it
there; they get what a reader needs around it: Dutch-capitalised headers (the import reads them
like the lower-case names), widths, a bold frozen header, Dutch number formats (50.250, 36%,
0,5, 01-09-2016), A4 landscape one page wide and the title above every printed page. The
download goes back in through ``importeer_formatie`` unchanged.
"""

from io import BytesIO, StringIO

import openpyxl
import pytest
from django.core.management import call_command

from partijen.models import Samenwerkingsverband
from tests.werkboek.test_werkboek import dump, make_workbook, mlw_gemeenten
from werkboek.opslaan import import_workbook
from werkboek.schrijven import export_workbook

pytestmark = pytest.mark.django_db


@pytest.fixture
def sv(db):
    sv = Samenwerkingsverband.objects.create(
        naam="Testverband", afkorting="TST", juridische_vorm="regeling_zonder_meer"
    )
    gemeenten = mlw_gemeenten()
    gemeenten[2][3] = "ja"
    import_workbook(make_workbook(gemeenten), sv)
    return sv


def load(data: bytes):
    return openpyxl.load_workbook(BytesIO(data))


def column(ws, header: str) -> list:
    """The data cells of the column with this header."""
    index = [c.value for c in ws[1]].index(header)
    return [row[index] for row in ws.iter_rows(min_row=2)]


def test_every_sheet_is_laid_out_for_reading_and_printing(sv):
    workbook = load(export_workbook(sv))
    assert workbook.sheetnames == ["Gemeenten", "Fasen", "Rollen"]
    for ws in workbook:
        assert all(c.font.bold for c in ws[1])
        assert all(str(c.value)[:1].isupper() for c in ws[1]), ws.title
        assert ws.freeze_panes == "B2"
        assert ws.print_title_rows == "$1:$1"
        for letter in (c.column_letter for c in ws[1]):
            assert ws.column_dimensions[letter].width >= 8
        setup = ws.page_setup
        assert (setup.orientation, str(setup.paperSize)) == ("landscape", ws.PAPERSIZE_A4)
        assert setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.oddHeader.center.text == f"Formatie Testverband: {ws.title.lower()}"
    rollen = workbook["Rollen"]
    assert rollen.column_dimensions["A"].width >= len("ondersteuning inkoop 2017")


def test_dutch_number_formats_per_column(sv):
    workbook = load(export_workbook(sv))
    gemeenten = workbook["Gemeenten"]
    assert [c.number_format for c in column(gemeenten, "Percentage")] == ["0%"] * 3
    fasen = workbook["Fasen"]
    assert {c.number_format for c in column(fasen, "Begin") + column(fasen, "Eind")} == {
        "DD-MM-YYYY"
    }
    rollen = {row[0].value: row for row in workbook["Rollen"].iter_rows(min_row=2)}
    header = [c.value for c in workbook["Rollen"][1]]
    contract = dict(zip(header, rollen["contractmanagement"], strict=True))
    assert (contract["Schaal"].value, contract["Schaal"].number_format) == (11, "0")
    assert contract["Jaarkosten per fte"].number_format == "#,##0"  # 83.100
    assert contract["Uren per fte per maand"].number_format == "#,##0"
    assert (contract["Fase 1"].value, contract["Fase 1"].number_format) == (1.5, "0.0")
    assert contract["Fase 2"].number_format == "0.0"  # 2 shown as 2,0: FTE
    inkoop = dict(zip(header, rollen["inkoop 2018 projectbasis"], strict=True))
    assert (inkoop["Fase 1"].value, inkoop["Fase 1"].number_format) == (20000, "#,##0")


def test_inwonertal_with_thousands_separator(db):
    sv = Samenwerkingsverband.objects.create(
        naam="Inwoners", afkorting="INW", juridische_vorm="regeling_zonder_meer"
    )
    gemeenten = [["Leudal", 36000, None, None], ["Weert", 50250, None, "ja"]]
    import_workbook(make_workbook(gemeenten), sv)
    ws = load(export_workbook(sv))["Gemeenten"]
    cells = column(ws, "Inwonertal")
    assert [(c.value, c.number_format) for c in cells] == [(36000, "#,##0"), (50250, "#,##0")]
    assert [c.value for c in column(ws, "Percentage")] == [None, None]


def test_download_goes_back_in_through_importeer_formatie(sv, tmp_path):
    first = dump(sv)
    path = tmp_path / "formatie-TST.xlsx"
    path.write_bytes(export_workbook(sv))
    out = StringIO()
    call_command("importeer_formatie", str(path), samenwerkingsverband="TST", stdout=out)
    assert dump(sv) == first


def test_percentages_with_decimals_round_trip(db, tmp_path):
    sv = Samenwerkingsverband.objects.create(
        naam="Drie", afkorting="DRI", juridische_vorm="regeling_zonder_meer"
    )
    gemeenten = [
        ["Leudal", None, "33,33", "ja"],
        ["Nederweert", None, "33,33", "nee"],
        ["Weert", None, "33,34", "nee"],
    ]
    import_workbook(make_workbook(gemeenten), sv)
    first = dump(sv)
    data = export_workbook(sv)
    cells = column(load(data)["Gemeenten"], "Percentage")
    assert [c.number_format for c in cells] == ["0.00%"] * 3
    import_workbook(data, sv)
    assert dump(sv) == first
