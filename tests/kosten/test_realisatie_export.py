"""Werkelijke kosten as a financial administration exports them: a title above the column
names, a cover sheet before the data, a total row (review of issue 21)."""

import io
from decimal import Decimal

import openpyxl
import pytest

from kosten.models import Realisatie
from kosten.realisatie import RealisatieFout, lees_en_importeer
from partijen.models import Samenwerkingsverband
from tests.kosten.test_realisatie import csv_bytes, xlsx_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def mlw(demo):
    return Samenwerkingsverband.objects.get(afkorting="MLW")


def bedragen():
    return {r.rol.naam: r.bedrag for r in Realisatie.objects.select_related("rol")}


def test_a_title_above_the_column_names_is_passed_over(mlw):
    rows = [
        ["Werkelijke kosten MLW 2017"],
        [],
        ["Jaar", "Rol", "Bedrag", "Gedragen door"],
        [2017, "Contractmanagement", "73.000,50", "Weert"],
        [2017, "Beleid Jeugd", 1234, None],
    ]
    result = lees_en_importeer(xlsx_bytes(rows, title="Blad1"), mlw)
    assert (result.nieuw, result.jaren) == (2, [2017])
    assert bedragen() == {
        "Contractmanagement": Decimal("73000.50"),
        "Beleid Jeugd": Decimal("1234.00"),
    }


def test_a_cover_sheet_before_the_data_is_passed_over(mlw):
    workbook = openpyxl.Workbook()
    workbook.active.title = "Voorblad"
    workbook.active.append(["Rapportage realisatie 2017"])
    kosten = workbook.create_sheet("Kosten")
    kosten.append(["JAAR", "ROL", "BEDRAG"])
    kosten.append([2017, "Beleid Wmo", "12.345,67"])
    out = io.BytesIO()
    workbook.save(out)
    lees_en_importeer(out.getvalue(), mlw, "export.xlsx")
    assert bedragen() == {"Beleid Wmo": Decimal("12345.67")}


def test_the_total_row_is_not_read_and_the_summary_says_so(mlw):
    rows = [
        ["Jaar", "Rol", "Bedrag"],
        ["2017", "Contractmanagement", "73.000,50"],
        ["2017", "Beleid Jeugd", "0,5"],
        ["Totaal", "", "73.001,00"],
    ]
    result = lees_en_importeer(csv_bytes(rows), mlw, "kosten.csv")
    assert result.tekst() == (
        "Ingelezen: werkelijke kosten over 2017: 2 nieuw, 0 vervangen, 0 ongewijzigd; "
        "1 totaalrij niet ingelezen (geen rol)."
    )
    rows[3] = [None, "Totaal 2017", "=SUM(C2:C3)"]
    Realisatie.objects.all().delete()
    assert lees_en_importeer(xlsx_bytes(rows), mlw).nieuw == 2


def test_a_misspelt_rol_is_still_refused_not_taken_for_a_total(mlw):
    rows = [["jaar", "rol", "bedrag"], ["2017", "Totaalbeheer", "1"]]
    with pytest.raises(RealisatieFout) as fout:
        lees_en_importeer(csv_bytes(rows), mlw, "kosten.csv")
    assert '"Totaalbeheer" is geen rol van MLW.' in fout.value.problems[0]


def test_several_missing_columns_are_named_in_the_plural(mlw):
    with pytest.raises(RealisatieFout) as fout:
        lees_en_importeer(csv_bytes([["jaar", "omschrijving"], ["2017", "x"]]), mlw, "k.csv")
    assert fout.value.problems[0].startswith(
        'Bestand k.csv, rij 1: de kolommen "rol", "bedrag" ontbreken;'
    )


def test_a_column_the_file_lacks_leaves_the_typed_toelichting_and_drager(mlw):
    """An export of jaar, rol and bedrag replaces the amount; the toelichting, bron and
    gedragen door typed in the grid stay (the file says nothing about them)."""
    lees_en_importeer(
        csv_bytes(
            [
                ["jaar", "rol", "bedrag", "gedragen_door", "toelichting", "bron"],
                ["2017", "Contractmanagement", "1", "Leudal", "Hogere inhuur", "Memoriaal 12"],
            ]
        ),
        mlw,
        "k.csv",
    )
    result = lees_en_importeer(
        csv_bytes([["Jaar", "Rol", "Bedrag"], ["2017", "Contractmanagement", "73.000,50"]]),
        mlw,
        "export.csv",
    )
    assert result.gewijzigd == 1
    r = Realisatie.objects.get()
    assert (r.bedrag, r.gedragen_door.naam, r.toelichting, r.bron) == (
        Decimal("73000.50"),
        "Leudal",
        "Hogere inhuur",
        "Memoriaal 12",
    )
    # a column that is there but empty does empty the field
    lees_en_importeer(
        csv_bytes(
            [["jaar", "rol", "bedrag", "toelichting"], ["2017", "Contractmanagement", "2", ""]]
        ),
        mlw,
        "k.csv",
    )
    r.refresh_from_db()
    assert (r.bedrag, r.toelichting, r.gedragen_door.naam) == (Decimal("2.00"), "", "Leudal")


def test_the_history_shows_amounts_with_their_cents(mlw, regie_client):
    from django.urls import reverse

    from formatie.models import Rol
    from kosten.realisatie import Invoer, save_jaar

    rol = Rol.objects.get(samenwerkingsverband=mlw, naam="Contractmanagement")
    save_jaar(mlw, 2017, {rol.pk: Invoer(Decimal("73000.50"))})
    save_jaar(mlw, 2017, {rol.pk: Invoer(Decimal("74000"))})
    page = regie_client.get(reverse("kosten:realisatie", args=["MLW"]) + "?jaar=2017")
    body = page.content.decode()
    assert "73.000,50 &rarr; 74.000</div>" in body


def test_a_missing_or_too_large_file_is_not_said_to_contain_errors(mlw, tmp_path, settings):
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError) as fout:
        call_command("importeer_realisatie", str(tmp_path / "weg.xlsx"), samenwerkingsverband="MLW")
    assert str(fout.value).startswith("Niets ingelezen.\nHet bestand ")
    assert "bevat fouten" not in str(fout.value)


def test_the_upload_page_does_not_blame_the_content_of_a_too_large_file(
    mlw, regie_client, settings
):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    settings.MAX_UPLOAD_MB = 0
    bestand = SimpleUploadedFile("k.csv", b"jaar;rol;bedrag\n2017;Contractmanagement;1\n")
    url = reverse("kosten:realisatie-import", args=["MLW"])
    body = regie_client.post(url, {"bestand": bestand}).content.decode()
    assert "Er is niets ingelezen:" in body and "in het bestand" not in body.split("Er is")[1][:80]
    assert "het bestand bevat fouten" not in body


def test_a_csv_with_a_title_line_above_the_column_names(mlw):
    data = "Werkelijke kosten MLW 2017\n\nJaar;Rol;Bedrag\n2017;Beleid Jeugd;73.000,50\n"
    lees_en_importeer(data.encode(), mlw, "export.csv")
    assert bedragen() == {"Beleid Jeugd": Decimal("73000.50")}
