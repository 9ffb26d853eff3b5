"""Werkelijke kosten (issue 21): the year's grid (kosten:realisatie), the file import (page and
``importeer_realisatie``), the refusal to delete a rol with werkelijke kosten, the admin and
the archive."""

import csv
import io
import re
import zipfile
from decimal import Decimal
from io import StringIO

import openpyxl
import pytest
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from formatie.models import Rol
from kosten.models import Realisatie, Voorschotregeling
from kosten.realisatie import Invoer, RealisatieFout, lees_bestand, lees_en_importeer, save_jaar
from partijen.models import Gemeente, Samenwerkingsverband
from tests.regiekamer.test_access_matrix import PostedForm

pytestmark = pytest.mark.django_db


@pytest.fixture
def mlw(demo):
    return Samenwerkingsverband.objects.get(afkorting="MLW")


def rol(naam="Contractmanagement"):
    return Rol.objects.get(samenwerkingsverband__afkorting="MLW", naam=naam)


def url(naam="realisatie", jaar=None):
    address = reverse(f"kosten:{naam}", args=["MLW"])
    return f"{address}?jaar={jaar}" if jaar else address


def page_data(response) -> dict:
    """What the browser sends back for the page's grid as shown."""
    parser = PostedForm(response.request["PATH_INFO"])
    parser.inside = False
    parser.feed(response.content.decode())
    data = {k: v[0] for k, v in parser.data.items()}
    data.pop("csrfmiddlewaretoken", None)
    return data


def csv_bytes(rows, delimiter=";") -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows(rows)
    return out.getvalue().encode()


def xlsx_bytes(rows, title="Realisatie", formula=None) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    if formula:
        sheet[formula] = "=1+1"  # openpyxl stores no value for it
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


HEADER = ["jaar", "rol", "bedrag", "gedragen_door", "toelichting", "bron"]


# --- the year in the grid -------------------------------------------------------------------


def test_save_jaar_creates_changes_and_deletes_in_one_go(mlw):
    weert = Gemeente.objects.get(naam="Weert")
    cm, ia = rol(), rol("Informatie analyse")
    first = save_jaar(mlw, 2017, {cm.pk: Invoer(Decimal("73000.50")), ia.pk: Invoer(None)})
    assert (first.nieuw, first.gewijzigd, first.verwijderd) == (1, 0, 0)
    second = save_jaar(
        mlw, 2017, {cm.pk: Invoer(Decimal("73000.50"), weert, "Extra uren"), ia.pk: Invoer(None)}
    )
    assert (second.nieuw, second.gewijzigd) == (0, 1)
    r = Realisatie.objects.get(rol=cm, jaar=2017)
    assert (r.bedrag, r.gedragen_door, r.toelichting) == (Decimal("73000.50"), weert, "Extra uren")
    assert r.history.count() == 2
    third = save_jaar(mlw, 2017, {cm.pk: Invoer(None)})
    assert third.verwijderd == 1 and "verwijderd (bedrag leeggemaakt)" in third.tekst("2017")
    assert not Realisatie.objects.filter(rol=cm).exists()
    assert save_jaar(mlw, 2017, {cm.pk: Invoer(None)}).tekst("2017").startswith("Geen wijzig")


def test_regiegroep_types_dutch_amounts_and_sees_them_back(mlw, regie_client):
    response = regie_client.get(url(jaar=2017))
    page = response.content.decode()
    assert "Werkelijke kosten Midden-Limburg West 2017" in page or "Werkelijke kosten" in page
    # The plan's rounded cost of the rol in 2017 is shown next to the input.
    data = page_data(response)
    cm, ia = rol(), rol("Informatie analyse")
    data[f"rol{cm.pk}-werkelijk"] = "€ 73.000,50"
    data[f"rol{ia.pk}-werkelijk"] = "0,5"
    data[f"rol{ia.pk}-gedragen_door"] = str(Gemeente.objects.get(naam="Leudal").pk)
    data[f"rol{ia.pk}-toelichting"] = "  Alleen  licenties "
    response = regie_client.post(url(jaar=2017), data, follow=True)
    page = response.content.decode()
    assert "Opgeslagen: werkelijke kosten 2017: 2 nieuw." in page
    assert Realisatie.objects.get(rol=cm, jaar=2017).bedrag == Decimal("73000.50")
    ia_row = Realisatie.objects.get(rol=ia, jaar=2017)
    assert (ia_row.bedrag, ia_row.gedragen_door.naam) == (Decimal("0.50"), "Leudal")
    assert ia_row.toelichting == "Alleen licenties"
    assert 'value="73.000,50"' in page and 'value="0,50"' in page
    history = page.split("<h2>Geschiedenis</h2>")[1]
    assert "2 werkelijke kosten aangemaakt" in history and "regie-test" in history
    assert "2 van de 8 rollen hebben werkelijke kosten over 2017." in page


def test_a_bad_cell_saves_nothing_and_says_where(mlw, regie_client):
    response = regie_client.get(url(jaar=2017))
    data = page_data(response)
    cm, ia = rol(), rol("Informatie analyse")
    data[f"rol{cm.pk}-werkelijk"] = "73000"
    data[f"rol{ia.pk}-werkelijk"] = "1.5"
    response = regie_client.post(url(jaar=2017), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Niets opgeslagen voor 2017: verbeter de gemarkeerde cellen." in page
    assert "is niet eenduidig" in page
    data[f"rol{ia.pk}-werkelijk"] = "-5"
    assert "Vul 0 of meer in." in regie_client.post(url(jaar=2017), data).content.decode()
    assert not Realisatie.objects.exists()


def test_a_row_changed_meanwhile_by_another_is_not_overwritten(mlw, regie_client):
    cm, wmo = rol(), rol("Beleid Wmo")
    data = page_data(regie_client.get(url(jaar=2017)))
    # Meanwhile another official saves Contractmanagement (as the page does).
    save_jaar(mlw, 2017, {cm.pk: Invoer(Decimal("50000"))}, {cm.pk: "||"})
    mine = dict(data, **{f"rol{cm.pk}-werkelijk": "60.000", f"rol{wmo.pk}-werkelijk": "1"})
    response = regie_client.post(url(jaar=2017), mine)
    page = response.content.decode()
    assert response.status_code == 409
    assert "Niets opgeslagen voor 2017: een andere gebruiker" in page
    assert "Contractmanagement 2017: iemand anders heeft dit intussen gewijzigd" in page
    assert "nu € 50.000,00." in page
    assert Realisatie.objects.get().bedrag == Decimal("50000")  # nothing of mine saved
    again = page_data(response)
    assert again[f"rol{cm.pk}-werkelijk"] == "60.000"  # my input stays
    assert regie_client.post(url(jaar=2017), again).status_code == 302  # after review: mine
    assert Realisatie.objects.get(rol=cm).bedrag == Decimal("60000")

    # Changing another rol than the other official did: both are kept.
    data = page_data(regie_client.get(url(jaar=2017)))
    save_jaar(mlw, 2017, {cm.pk: Invoer(Decimal("61000"))})
    data[f"rol{wmo.pk}-werkelijk"] = "2"
    assert regie_client.post(url(jaar=2017), data).status_code == 302
    assert Realisatie.objects.get(rol=cm).bedrag == Decimal("61000")
    assert Realisatie.objects.get(rol=wmo).bedrag == Decimal("2")


def test_a_toelichting_without_amount_is_refused(mlw, regie_client):
    data = page_data(regie_client.get(url(jaar=2017)))
    data[f"rol{rol().pk}-toelichting"] = "Nog niet geboekt"
    page = regie_client.post(url(jaar=2017), data).content.decode()
    assert "Vul de werkelijke kosten in, of maak ook" in page
    assert not Realisatie.objects.exists()


def test_emptying_an_amount_deletes_the_row_and_says_so(mlw, regie_client):
    Realisatie.objects.create(samenwerkingsverband=mlw, rol=rol(), jaar=2017, bedrag=Decimal("100"))
    data = page_data(regie_client.get(url(jaar=2017)))
    assert data[f"rol{rol().pk}-werkelijk"] == "100"
    data[f"rol{rol().pk}-werkelijk"] = ""
    page = regie_client.post(url(jaar=2017), data, follow=True).content.decode()
    assert "1 verwijderd (bedrag leeggemaakt)" in page
    assert not Realisatie.objects.exists()


def test_stuurgroep_reads_and_may_not_write(mlw, stuur_client):
    Realisatie.objects.create(
        samenwerkingsverband=mlw,
        rol=rol(),
        jaar=2017,
        bedrag=Decimal("73000.50"),
        toelichting="Meer inhuur",
    )
    page = stuur_client.get(url(jaar=2017)).content.decode()
    assert "73.000,50" in page and "Meer inhuur" in page
    assert "-werkelijk" not in page and "Bestand inlezen" not in page
    response = stuur_client.post(url(jaar=2017), {f"rol{rol().pk}-werkelijk": "1"})
    assert response.status_code == 403
    assert Realisatie.objects.get().bedrag == Decimal("73000.50")
    assert stuur_client.get(url("realisatie-import")).status_code == 403


def test_years_offered_and_a_new_year(mlw, regie_client):
    Realisatie.objects.create(samenwerkingsverband=mlw, rol=rol(), jaar=2020, bedrag=1)
    page = regie_client.get(url(jaar=2017)).content.decode()
    for jaar in ("2016", "2017", "2018", "2020"):
        assert f"?jaar={jaar}" in page or f'aria-current="page">{jaar}' in page
    page = regie_client.get(url(jaar=2025)).content.decode()
    assert "2025 is geen jaar van de begroting" in page
    page = regie_client.get(url() + "?jaar=abc").content.decode()
    assert "&quot;abc&quot; is geen jaar tussen 2000 en 2100." in page


def test_begroot_and_verschil_are_whole_euros(mlw, stuur_client):
    from kosten.gegevens import load_kostenverdeling

    kv = load_kostenverdeling(mlw)
    begroot = kv.regels[(rol().pk, 2017)].kosten
    Realisatie.objects.create(
        samenwerkingsverband=mlw, rol=rol(), jaar=2017, bedrag=begroot + Decimal("1000.50")
    )
    page = stuur_client.get(url(jaar=2017)).content.decode()
    from regiekamer.opmaak import format_euro

    assert f'<td data-label="Begroot" class="num">{format_euro(begroot)}</td>' in page
    assert '<td data-label="Verschil" class="num">1.001</td>' in page  # 1.000,50 half-up


def test_a_scenario_has_no_actual_costs(mlw, regie_client):
    from scenarios.maak import maak_scenario

    scenario = maak_scenario(mlw, "MLWS", "Scenario")
    response = regie_client.get(reverse("kosten:realisatie", args=["MLWS"]), follow=True)
    assert "Een scenario heeft geen werkelijke kosten" in response.content.decode()
    with pytest.raises(RealisatieFout, match="Een scenario heeft geen werkelijke kosten"):
        lees_bestand(csv_bytes([HEADER]), scenario)
    with pytest.raises(ValueError, match="scenario"):
        save_jaar(scenario, 2017, {})


# --- the file --------------------------------------------------------------------------------


def good_rows():
    return [
        HEADER,
        ["2017", "Contractmanagement", "73.000,50", "", "Meer uren", "Grootboek 4711"],
        ["2017", "informatieanalyse", "€ 12.345", "Weert", "", ""],
        ["2016", "Beleid Wmo", "0,5", "", "", ""],
    ]


def test_csv_import_reads_dutch_numbers_and_names(mlw):
    result = lees_en_importeer(csv_bytes(good_rows()), mlw, "kosten.csv")
    assert result.tekst() == (
        "Ingelezen: werkelijke kosten over 2016, 2017: 3 nieuw, 0 vervangen, 0 ongewijzigd."
    )
    r = Realisatie.objects.get(rol=rol("Informatie analyse"))
    assert (r.bedrag, r.gedragen_door.naam, r.jaar) == (Decimal("12345.00"), "Weert", 2017)
    assert Realisatie.objects.get(rol=rol()).bron == "Grootboek 4711"
    rows = good_rows()
    rows[1][2] = "74.000"
    again = lees_en_importeer(csv_bytes(rows, ","), mlw, "kosten.csv")
    assert (again.nieuw, again.gewijzigd, again.ongewijzigd) == (0, 1, 2)
    assert Realisatie.objects.get(rol=rol()).bedrag == Decimal("74000.00")


def test_xlsx_import_with_numbers_as_excel_stores_them(mlw):
    rows = [HEADER, [2017, "Contractmanagement", 73000.5], [2017, "Beleid Jeugd", 0.1 + 0.2]]
    lees_en_importeer(xlsx_bytes(rows), mlw)
    assert Realisatie.objects.get(rol=rol()).bedrag == Decimal("73000.50")
    assert Realisatie.objects.get(rol=rol("Beleid Jeugd")).bedrag == Decimal("0.30")


def problems(data, mlw, naam="kosten.csv") -> list[str]:
    with pytest.raises(RealisatieFout) as fout:
        lees_en_importeer(data, mlw, naam)
    assert not Realisatie.objects.exists()
    return fout.value.problems


def test_every_problem_is_named_with_sheet_row_and_column_and_nothing_is_saved(mlw):
    rows = good_rows() + [
        ["2017", "Programmamanager", "1.5", "Weerd", "", ""],
        ["17", "Contractmanagement", "-3", "Roermond", "", ""],
        ["2017", "Contractmanagement", "1", "", "", ""],
        ["2018", "Beleid Jeugd", "1e9", "", "", ""],
        ["2018", "Beleid Wmo", "999.999.999", "", '=HYPERLINK("x")', ""],
    ]
    found = problems(csv_bytes(rows), mlw)
    assert 'Bestand kosten.csv, rij 5, kolom B "rol": "Programmamanager" is geen rol van MLW.' in (
        found
    )
    assert any(
        p.startswith('Bestand kosten.csv, rij 5, kolom C "bedrag": "1.5" is niet eenduidig')
        for p in found
    )
    assert any('rij 5, kolom D "gedragen_door"' in p and "Bedoelt u Weert?" in p for p in found)
    assert (
        'Bestand kosten.csv, rij 6, kolom A "jaar": "17" is geen jaar tussen 2000 en 2100.' in found
    )
    assert any("rij 6, kolom C" in p and "negatief" in p for p in found)
    assert (
        'Bestand kosten.csv, rij 7, kolom B "rol": Contractmanagement 2017 staat al op rij 2.'
        in found
    )
    assert any("rij 8, kolom C" in p and "is geen getal" in p for p in found)
    assert any("rij 9, kolom C" in p and "onwaarschijnlijk hoog" in p for p in found)
    assert any("rij 9, kolom E" in p and "is een formule" in p for p in found)


def test_hostile_files_are_refused_whole(mlw, settings):
    assert "NUL-tekens" in problems(b"jaar;rol;bedrag\n2017;Contract\x00management;1\n", mlw)[0]
    assert "geen Excel-werkboek" in problems(b"%PDF-1.4 rest", mlw, "kosten.pdf")[0]
    assert "heet een Excel-bestand" in problems(b"jaar;rol;bedrag\n", mlw, "kosten.xlsx")[0]
    missing = problems(csv_bytes([["jaar", "rol", "kosten"], ["2017", "x", "1"]]), mlw)
    assert missing == [
        'Bestand kosten.csv, rij 1: de kolom "bedrag" ontbreekt; de kopregel (de eerste rij) moet '
        "de kolommen jaar, rol en bedrag noemen (en eventueel gedragen_door, toelichting, bron)."
    ]
    assert "is leeg" in problems(b"", mlw)[0]
    settings.MAX_UPLOAD_MB = 0
    assert problems(csv_bytes(good_rows()), mlw) == ["Het bestand is groter dan 0 MB."]


def test_xlsx_formula_without_value_and_other_samenwerkingsverbanden_rol(mlw):
    other = Samenwerkingsverband.objects.create(
        naam="Ander", afkorting="ANDR", juridische_vorm=mlw.juridische_vorm
    )
    Rol.objects.create(samenwerkingsverband=other, naam="Geheime rol", kostensoort="vast")
    rows = [HEADER, [2017, "Geheime rol", 1], [2017, "Contractmanagement", None]]
    found = problems(xlsx_bytes(rows, formula="C3"), mlw, "kosten.xlsx")
    assert found == [
        'Blad "Realisatie", rij 2, kolom B "rol": "Geheime rol" is geen rol van MLW.',
        'Blad "Realisatie", rij 3, kolom C "bedrag": een formule zonder opgeslagen waarde; sla '
        "het bestand op in Excel of typ de waarde.",
    ]


def test_command_imports_and_refuses_in_dutch(mlw, tmp_path):
    path = tmp_path / "kosten.csv"
    path.write_bytes(csv_bytes(good_rows()))
    out = StringIO()
    call_command("importeer_realisatie", str(path), "--samenwerkingsverband", "mlw", stdout=out)
    assert "3 nieuw, 0 vervangen" in out.getvalue()
    path.write_bytes(csv_bytes([*good_rows(), ["2017", "Onbekend", "1"]]))
    with pytest.raises(CommandError) as fout:
        call_command("importeer_realisatie", str(path), "--samenwerkingsverband", "MLW")
    assert "Niets ingelezen" in str(fout.value)
    assert 'rij 5, kolom B "rol": "Onbekend" is geen rol van MLW.' in str(fout.value)
    assert Realisatie.objects.count() == 3
    with pytest.raises(CommandError, match="Onbekend samenwerkingsverband"):
        call_command("importeer_realisatie", str(path), "--samenwerkingsverband", "M\x00LW")
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command(
            "importeer_realisatie", str(tmp_path / "x.csv"), "--samenwerkingsverband", "MLW"
        )


def test_the_years_csv_is_filled_in_and_read_back(mlw, regie_client):
    save_jaar(mlw, 2017, {rol().pk: Invoer(Decimal("73000.50"), None, "=SOM(A1)")})
    response = regie_client.get(url(jaar=2017) + "&download=csv")
    assert response["Content-Disposition"] == (
        'attachment; filename="werkelijke-kosten-MLW-2017.csv"'
    )
    text = response.content.decode()
    lines = text.splitlines()
    assert lines[0] == "jaar,rol,bedrag,gedragen_door,toelichting,bron"
    assert lines[1] == '2017,Contractmanagement,"73.000,50",,\'=SOM(A1),'  # formula-safe
    assert "2017,Beleid Wmo,,,," in lines
    filled = text.replace("2017,Beleid Wmo,,,,", '2017,Beleid Wmo,"31.200",,,')
    result = lees_en_importeer(filled.encode(), mlw, "werkelijke-kosten-MLW-2017.csv")
    assert result.tekst() == (
        "Ingelezen: werkelijke kosten over 2017: 1 nieuw, 0 vervangen, 1 ongewijzigd; "
        "6 rijen zonder bedrag overgeslagen."
    )
    assert Realisatie.objects.get(rol=rol("Beleid Wmo")).bedrag == Decimal("31200")
    # The quote the download put in front is not stored: the row read back unchanged.
    assert Realisatie.objects.get(rol=rol()).toelichting == "=SOM(A1)"


def test_upload_page_reads_a_file_or_lists_every_problem(mlw, regie_client):
    bad = SimpleUploadedFile("kosten.csv", csv_bytes([*good_rows(), ["2017", "Onbekend", "1"]]))
    page = regie_client.post(url("realisatie-import"), {"bestand": bad}).content.decode()
    assert "1 fout in het bestand; er is niets ingelezen" in page
    assert "rij 5, kolom B &quot;rol&quot;: &quot;Onbekend&quot; is geen rol van MLW." in page
    assert not Realisatie.objects.exists()
    good = SimpleUploadedFile("kosten.xlsx", xlsx_bytes([HEADER, [2017, "Contractmanagement", 5]]))
    response = regie_client.post(url("realisatie-import"), {"bestand": good}, follow=True)
    assert "Ingelezen: werkelijke kosten over 2017: 1 nieuw" in response.content.decode()
    assert response.redirect_chain[-1][0] == url(jaar=2017)


def test_a_file_that_names_a_row_millions_down_is_refused_and_nothing_read(mlw, regie_client):
    """An attack-review finding: a cell in row 3.000.000 of a 5 KB file made the reader go
    through every empty row before it (row 10**12: days, with the database locked)."""
    data = xlsx_bytes([HEADER, [2017, "Contractmanagement", 5]])
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                text = re.sub(r'<dimension ref="[^"]*"/>', "", content.decode())
                far = '<row r="3000000"><c r="A3000000"><v>1</v></c></row>'
                content = text.replace("</sheetData>", far + "</sheetData>").encode()
            target.writestr(info, content, compress_type=zipfile.ZIP_DEFLATED)
    upload = SimpleUploadedFile("kosten.xlsx", out.getvalue())
    page = regie_client.post(url("realisatie-import"), {"bestand": upload}).content.decode()
    assert "Het blad &quot;Realisatie&quot; loopt door tot voorbij rij 50.000" in page
    assert not Realisatie.objects.exists()


# --- the rol, the admin, the archive ---------------------------------------------------------


def test_a_rol_with_actual_costs_is_not_deleted(mlw, regie_client):
    cm = rol()
    for jaar in (2016, 2017):
        Realisatie.objects.create(samenwerkingsverband=mlw, rol=cm, jaar=jaar, bedrag=1)
    delete = reverse("formatie:rol-delete", args=["MLW", cm.pk])
    page = regie_client.get(delete).content.decode()
    assert "de rol heeft werkelijke kosten over 2016 en 2017" in page
    assert "Ja, verwijderen" not in page
    page = regie_client.post(delete, follow=True).content.decode()
    assert "Contractmanagement is niet verwijderd: de rol heeft werkelijke kosten" in page
    assert Rol.objects.filter(pk=cm.pk).exists()
    other = rol("Beleid Wmo")
    assert (
        "Ja, verwijderen"
        in regie_client.get(reverse("formatie:rol-delete", args=["MLW", other.pk])).content.decode()
    )


def test_admin_lists_realisatie_and_voorschotregeling_and_refuses_the_rol(
    mlw, admin_for_every_role, regie_client
):
    assert admin.site.is_registered(Realisatie) and admin.site.is_registered(Voorschotregeling)
    r = Realisatie.objects.create(samenwerkingsverband=mlw, rol=rol(), jaar=2017, bedrag=7)
    Voorschotregeling.objects.create(samenwerkingsverband=mlw, vanaf_jaar=2017)
    page = regie_client.get(reverse("admin:kosten_realisatie_changelist")).content.decode()
    assert "1 werkelijke kosten" in page or "Werkelijke kosten Contractmanagement 2017" in page
    page = regie_client.get(reverse("admin:kosten_voorschotregeling_changelist")).content.decode()
    assert "Voorschotten MLW (alle kosten)" in page
    response = regie_client.post(
        reverse("admin:formatie_rol_delete", args=[rol().pk]), {"post": "yes"}
    )
    assert response.status_code == 200  # the admin names what protects it, deletes nothing
    assert str(r) in response.content.decode()
    assert Rol.objects.filter(pk=rol().pk).exists()


def test_archive_carries_realisatie_and_voorschotregeling(mlw, tmp_path):
    from tests.regiekamer.test_archive import empty_installation, export, importeer

    weert = Gemeente.objects.get(naam="Weert")
    save_jaar(mlw, 2017, {rol().pk: Invoer(Decimal("73000.50"), weert, "Meer inhuur")})
    Voorschotregeling.objects.create(
        samenwerkingsverband=mlw, vanaf_jaar=2017, ontvanger=weert, toelichting="Per kwartaal"
    )

    def dump():
        return (
            sorted(
                Realisatie.objects.values_list(
                    "rol__naam", "jaar", "bedrag", "gedragen_door__naam", "toelichting", "versie"
                )
            ),
            list(
                Voorschotregeling.objects.values_list(
                    "ontvanger__naam", "vanaf_jaar", "toelichting"
                )
            ),
            Realisatie.history.count(),
        )

    before = dump()
    path = export(tmp_path)
    empty_installation()
    assert not Realisatie.objects.exists()
    importeer(path)
    assert dump() == before


def test_a_pakket_with_a_voorschotregeling_is_not_deleted(mlw, regie_client):
    from formatie.models import Pakket

    pakket = Pakket.objects.create(samenwerkingsverband=mlw, naam="Module", verdeling="gelijk")
    Voorschotregeling.objects.create(samenwerkingsverband=mlw, pakket=pakket, vanaf_jaar=2017)
    delete = reverse("formatie:pakket-delete", args=["MLW", pakket.pk])
    assert "een voorschotregeling" in regie_client.get(delete).content.decode()
    page = regie_client.post(delete, follow=True).content.decode()
    assert "Module is niet verwijderd" in page and "voorschotregeling" in page
    assert Pakket.objects.filter(pk=pakket.pk).exists()


def test_without_a_computable_plan_the_costs_can_still_be_typed(regie_client):
    from kosten.models import Verdeelsleutel
    from tests.formatie.rollen import add_rollen, formatie_world

    w = formatie_world()
    add_rollen(w, 0, 2)
    Verdeelsleutel.objects.filter(samenwerkingsverband=w.sv).delete()
    address = reverse("kosten:realisatie", args=["Q"])
    page = regie_client.get(address).content.decode()
    assert "De begroting is nu niet te berekenen" in page
    assert 'Kies hierboven bij "Ander jaar"' in page
    assert "geen bezetting" not in page
    response = regie_client.get(address + "?jaar=2020")
    data = page_data(response)
    data[f"rol{Rol.objects.get(naam='Rol 0000').pk}-werkelijk"] = "1.234,56"
    page = regie_client.post(address + "?jaar=2020", data, follow=True).content.decode()
    assert "Opgeslagen: werkelijke kosten 2020: 1 nieuw." in page
    assert "1.234,56" in page


def test_rows_after_many_empty_ones_are_read_and_too_many_rows_are_refused(mlw, monkeypatch):
    from kosten import realisatie

    monkeypatch.setattr(realisatie, "MAX_RIJEN", 3)
    rows = [HEADER, [2017, "Contractmanagement", 1]] + [[None] * 3] * 20
    rows.append([2017, "Beleid Wmo", 2])
    lees_en_importeer(xlsx_bytes(rows), mlw)
    assert Realisatie.objects.get(rol=rol("Beleid Wmo")).bedrag == 2
    many = [HEADER] + [[2000 + i, "Beleid Jeugd", 1] for i in range(4)]
    with pytest.raises(RealisatieFout) as fout:
        lees_en_importeer(xlsx_bytes(many), mlw, "k.xlsx")
    assert fout.value.problems == [
        'Blad "Realisatie" heeft meer dan 3 rijen; het bestand wordt niet ingelezen.'
    ]
    assert Realisatie.objects.count() == 2
