"""No formula leaves Regiekamer: every CSV and XLSX export writes names as inert text.

A rol, gemeente or fase may be called ``=HYPERLINK(…)``; a spreadsheet that opens an export
must show that text, not run it. CSV cells get a leading quote, XLSX cells are string cells
(never formulas), and numbers stay numbers.
"""

import csv
import io
from io import StringIO

import openpyxl
import pytest
from django.core.management import call_command
from django.urls import reverse

from formatie.models import Fase, Rol
from partijen.models import Gemeente, Samenwerkingsverband
from regiekamer.spreadsheet import append_row, csv_text, csv_value
from tests.werkboek.test_werkboek import dump, make_workbook, mlw_gemeenten
from werkboek.opslaan import import_workbook
from werkboek.schrijven import export_workbook

pytestmark = pytest.mark.django_db

HYPERLINK = '=HYPERLINK("http://x","klik")'
# Text a spreadsheet would run, by its first character (OWASP): = + - @ tab carriage return.
DANGEROUS = [HYPERLINK, "+31 6", "-rol", "@home", "\tTab", "\rRegel"]


def test_the_rule_quotes_only_text_that_a_spreadsheet_would_run():
    assert [csv_value(v) for v in DANGEROUS] == ["'" + v for v in DANGEROUS]
    assert [csv_value(v) for v in ["Weert", "a=b", "", None, -3, 2.5]] == [
        "Weert",
        "a=b",
        "",
        None,
        -3,
        2.5,
    ]
    rows = list(csv.reader(io.StringIO(csv_text([["naam", "saldo"], [HYPERLINK, -55623]]))))
    assert rows == [["naam", "saldo"], ["'" + HYPERLINK, "-55623"]]


def test_an_xlsx_row_keeps_text_as_string_cells_and_numbers_as_numbers():
    workbook = openpyxl.Workbook()
    append_row(workbook.active, [HYPERLINK, "#N/A", "gewoon", 12, -3.5, None, "a\x01b"])
    reread = read_cells(save(workbook))
    assert reread[0] == [
        (HYPERLINK, "s"),
        ("#N/A", "s"),
        ("gewoon", "s"),
        (12, "n"),
        (-3.5, "n"),
        (None, "n"),
        ("ab", "s"),  # a control character cannot be stored in XML; it is left out
    ]


# --- the kostenverdeling and the verrekening (MLW demo record) ---------------------------------


@pytest.fixture
def hostile_names(demo):
    """MLW with a rol and two gemeenten whose names a spreadsheet would run."""
    # The name, and the name the cost table gives it (its label there: "-rol (schaal 12)").
    Rol.objects.filter(naam="Contractmanagement").update(
        naam=HYPERLINK, naam_in_kostentabel=HYPERLINK
    )
    Rol.objects.filter(naam="Beleid Wmo").update(naam="-rol", naam_in_kostentabel="-rol")
    Gemeente.objects.filter(naam="Leudal").update(naam="@home")
    Gemeente.objects.filter(naam="Nederweert").update(naam="+31 6")
    sv = Samenwerkingsverband.objects.get(afkorting="MLW")
    sv.penvoerder = Gemeente.objects.get(naam="Weert")
    sv.save()
    return sv


def kostenverdeling_url():
    return reverse("kosten:kostenverdeling", args=["MLW"])


def parse_csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def command(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def assert_csv_is_inert(rows):
    header = rows[0]
    assert header[-3:] == ["'+31 6", "'@home", "Weert"]
    names = {r[1] for r in rows[1:]}
    assert "'" + HYPERLINK in names and "'-rol" in names
    assert HYPERLINK not in names
    # The figures are plain numbers, negative ones too.
    assert ["2017", "'" + HYPERLINK, "128113", "20498", "46121", "61494"] in rows


def test_kostenverdeling_csv_download_quotes_formula_names(hostile_names, regie_client):
    response = regie_client.get(kostenverdeling_url(), {"download": "csv"})
    assert response["Content-Type"] == "text/csv"
    assert_csv_is_inert(parse_csv(response.content.decode()))


def test_kostenverdeling_command_quotes_formula_names(hostile_names):
    assert_csv_is_inert(parse_csv(command("kostenverdeling", "MLW", "--format", "csv")))


def test_verrekening_command_quotes_formula_names(hostile_names):
    rows = parse_csv(command("verrekening", "MLW", "--format", "csv"))
    assert ["2016", "'@home", "25550", "81173", "-55623"] in rows
    assert {r[1] for r in rows[1:]} == {"'@home", "'+31 6", "Weert"}


def save(workbook) -> bytes:
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def read_cells(data: bytes, sheet=None) -> list[list[tuple]]:
    """(value, data_type) of every cell, as a spreadsheet program finds them."""
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    worksheet = workbook[sheet] if sheet else workbook.active
    return [[(c.value, c.data_type) for c in row] for row in worksheet.iter_rows()]


def no_formulas(data: bytes) -> bool:
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    return all(c.data_type != "f" for ws in workbook for row in ws.iter_rows() for c in row)


def test_kostenverdeling_xlsx_has_string_cells_for_names(hostile_names, regie_client):
    data = regie_client.get(kostenverdeling_url(), {"download": "xlsx"}).content
    assert no_formulas(data)
    table = read_cells(data, "Kostenverdeling")
    # The gemeenten in the headers (with their percentage), the roles in column A.
    assert ("+31 6 16%", "s") in table[4] and ("@home 36%", "s") in table[4]
    rows = {row[0][0]: row for row in table if row[0][0]}
    label = f"{HYPERLINK} (schaal 11)"
    assert rows[label][:2] == [(label, "s"), (41550, "n")]
    assert rows["-rol (schaal 12)"][0] == ("-rol (schaal 12)", "s")
    assert rows["@home"][:3] == [("@home", "s"), (0.36, "n"), (81173, "n")]
    assert rows["+31 6"][0] == ("+31 6", "s")
    lijst = read_cells(data, "Lijst")
    assert [("2017", "s"), (HYPERLINK, "s"), ("schaal 11", "s"), (128113, "n"), ("@home", "s")] in [
        row[:5] for row in lijst
    ]


# --- the formatie workbook: export, and the round trip through import --------------------------


@pytest.fixture
def sv():
    sv = Samenwerkingsverband.objects.create(
        naam="Testverband", afkorting="TST", juridische_vorm="regeling_zonder_meer"
    )
    gemeenten = mlw_gemeenten()
    gemeenten[2][3] = "ja"
    import_workbook(make_workbook(gemeenten), sv)
    # Names a spreadsheet would run, for a rol, a gemeente (also a leverende gemeente and the
    # penvoerder) and a fase (also a column header in Rollen).
    Rol.objects.filter(samenwerkingsverband=sv, naam="contractmanagement").update(naam=HYPERLINK)
    Rol.objects.filter(samenwerkingsverband=sv, naam="beleid jeugd").update(naam="=SUM(A1)")
    Rol.objects.filter(samenwerkingsverband=sv, naam="beleid wmo").update(naam="-rol")
    Gemeente.objects.filter(naam="Weert").update(naam="@home")
    Gemeente.objects.filter(naam="Leudal").update(naam="+31 6")
    Fase.objects.filter(samenwerkingsverband=sv, naam="Fase 2").update(naam="=1+1")
    return sv


def test_formatie_workbook_writes_names_as_string_cells(sv):
    data = export_workbook(sv)
    assert no_formulas(data)
    gemeenten = read_cells(data, "Gemeenten")
    assert [row[0] for row in gemeenten[1:]] == [
        ("+31 6", "s"),
        ("@home", "s"),
        ("Nederweert", "s"),
    ]
    assert gemeenten[2][2] == (0.48, "n")  # 48 %
    assert read_cells(data, "Fasen")[2][0] == ("=1+1", "s")
    rollen = read_cells(data, "Rollen")
    assert ("=1+1", "s") in rollen[0]
    rows = {row[0][0]: row for row in rollen[1:]}
    assert rows[HYPERLINK][0] == (HYPERLINK, "s")
    assert rows[HYPERLINK][6] == ("@home", "s")  # leverende_gemeente
    assert rows[HYPERLINK][3] == (83100, "n")
    assert {"=SUM(A1)", "-rol"} <= rows.keys()


def test_formatie_workbook_round_trip_keeps_formula_names(sv):
    first = dump(sv)
    exported = export_workbook(sv)

    import_workbook(exported, sv)

    assert dump(sv) == first
    names = set(Rol.objects.filter(samenwerkingsverband=sv).values_list("naam", flat=True))
    assert {HYPERLINK, "=SUM(A1)", "-rol"} <= names
    assert Samenwerkingsverband.objects.get(pk=sv.pk).penvoerder.naam == "@home"
    assert all_cells(export_workbook(sv)) == all_cells(exported)


def all_cells(data: bytes) -> dict:
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    return {ws.title: read_cells(data, ws.title) for ws in workbook}


# --- one readable layout for every workbook ---------------------------------------------------


def test_column_kinds_give_dutch_formats_and_years_as_text():
    from datetime import date
    from decimal import Decimal

    from regiekamer.spreadsheet import Kind, excel_value

    assert excel_value(2016, Kind.YEAR) == ("2016", None)  # never 2.016
    assert excel_value(Decimal("1170744"), Kind.EURO) == (1170744, "#,##0")
    assert excel_value(Decimal("95.50"), Kind.EURO) == (Decimal("95.5"), "#,##0.00")
    assert excel_value(Decimal("36"), Kind.PERCENTAGE) == (Decimal("0.36"), "0%")
    assert excel_value(Decimal("33.33"), Kind.PERCENTAGE) == (Decimal("0.3333"), "0.00%")
    assert excel_value(Decimal("0.50"), Kind.FTE) == (Decimal("0.5"), "0.0")
    assert excel_value(Decimal("0.25"), Kind.FTE) == (Decimal("0.25"), "0.00")
    assert excel_value(11, Kind.CODE) == (11, "0")
    assert excel_value(50250, Kind.NUMBER) == (50250, "#,##0")
    assert excel_value(date(2016, 9, 1), Kind.DATE) == (date(2016, 9, 1), "DD-MM-YYYY")
    assert excel_value(HYPERLINK, Kind.EURO) == (HYPERLINK, None)


def test_a_table_sheet_is_readable_and_user_text_stays_text():
    from regiekamer.spreadsheet import Column, Kind, write_table

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    columns = [Column("Jaar", Kind.YEAR), Column("Rol"), Column("Kosten", Kind.EURO)]
    write_table(
        sheet,
        columns,
        [[2016, HYPERLINK, 41550]],
        title="Kosten R&D",
        lines=["Stand van de gegevens: 29-11-2026 20:15."],
    )
    cells = read_cells(save(workbook))
    assert cells[0][0] == ("Kosten R&D", "s") and cells[3][0] == ("Jaar", "s")
    assert cells[4] == [("2016", "s"), (HYPERLINK, "s"), (41550, "n")]
    reread = openpyxl.load_workbook(io.BytesIO(save(workbook))).active
    assert reread.freeze_panes == "B5" and reread.print_title_rows == "$4:$4"
    assert reread.oddHeader.center.text == "Kosten R&&D"  # "&" starts a code in a print header
    assert reread.column_dimensions["B"].width >= len(HYPERLINK)
