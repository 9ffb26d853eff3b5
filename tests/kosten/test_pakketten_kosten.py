"""The kostenverdeling of a samenwerkingsverband with a pluspakket, as users get it: the page,
the PDF, the XLSX and the CSV show Basispakket + pluspakket = Totaal per gemeente per year.

MLW of the demo with one pluspakket "Wmo-module" (Leudal and Weert, in equal parts) holding
the rol Beleid Wmo (Bijlage 1: 31.200 in 2016, 93.600 in 2017 and 2018). Nederweert does not
take part, so pays nothing of it; Leudal and Weert pay half each.
"""

import io
import re

import pytest
from openpyxl import load_workbook

from formatie.constants import Pakketsoort, Pakketverdeling
from formatie.models import Pakket, Pakketdeelname, Rol
from kosten.gegevens import load_kostenverdeling
from partijen.models import Gemeente, Samenwerkingsverband
from scenarios.maak import maak_scenario
from tests.pdfs import pdf_text

from .test_kostenverdeling import add_rollen, kostenverdeling_url, run

pytestmark = pytest.mark.django_db

# Per year: gemeente -> (basispakket, Wmo-module, totaal). Bijlage 1's year totals minus Beleid
# Wmo's shares (36/16/48 %), and Beleid Wmo's cost split in two.
VERWACHT = {
    2016: {
        "Leudal": (81173 - 11232, 15600, 81173 - 11232 + 15600),
        "Nederweert": (36078 - 4992, 0, 36078 - 4992),
        "Weert": (108231 - 14976, 15600, 108231 - 14976 + 15600),
    },
    2017: {
        "Leudal": (215393 - 33696, 46800, 215393 - 33696 + 46800),
        "Nederweert": (95730 - 14976, 0, 95730 - 14976),
        "Weert": (287189 - 44928, 46800, 287189 - 44928 + 46800),
    },
}
TOELICHTING = "deelnemers Leudal (50%) en Weert (50%); verdeling in gelijke delen"


def euro(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def met_wmo_module(code="MLW") -> Pakket:
    sv = Samenwerkingsverband.objects.get(afkorting=code)
    pakket = Pakket.objects.create(
        samenwerkingsverband=sv,
        naam="Wmo-module",
        soort=Pakketsoort.PLUS,
        verdeling=Pakketverdeling.GELIJK,
    )
    for naam in ("Leudal", "Weert"):
        Pakketdeelname.objects.create(pakket=pakket, gemeente=Gemeente.objects.get(naam=naam))
    Rol.objects.filter(samenwerkingsverband=sv, naam="Beleid Wmo").update(pakket=pakket)
    return pakket


def pakket_tabel(page: str, jaar: int) -> str:
    """The page's table of one year in the section per pakket."""
    section = page.split('id="per-pakket"')[1]
    return section.split(f"<h3>{jaar}</h3>")[1].split("</table>")[0]


def cells(rij: str) -> list[str]:
    """The text of each cell of a table row."""
    return [re.sub(r"<[^>]+>", "", "<td" + c).strip() for c in rij.split("<td")[1:]]


def test_page_shows_basispakket_plus_pluspakket_is_totaal(demo, stuur_client):
    met_wmo_module()
    page = stuur_client.get(kostenverdeling_url()).content.decode()
    assert "Aandeel per gemeente per pakket" in page
    for jaar, verwacht in VERWACHT.items():
        tabel = pakket_tabel(page, jaar)
        assert ">Basispakket<" in tabel and ">Wmo-module<" in tabel and ">Totaal<" in tabel
        for gemeente, (basis, plus, totaal) in verwacht.items():
            rij = tabel.split(f'<th scope="row">{gemeente}</th>')[1].split("</tr>")[0]
            assert cells(rij) == [euro(basis), euro(plus) if plus else "&mdash;", euro(totaal)]
    assert f"<strong>Wmo-module</strong>: {TOELICHTING}." in page
    # The totals per year are Bijlage 1's: a pakket moves costs, it does not change them.
    assert "1.170.744" in page and "1.170.742" in page


def test_cost_table_marks_each_rols_pakket(demo, stuur_client):
    met_wmo_module()
    page = stuur_client.get(kostenverdeling_url()).content.decode()
    table = page.split('id="kosten-per-rol"')[1].split("</table>")[0]
    assert '<th scope="col" rowspan="2">Pakket</th>' in table
    assert "beleid wmo (schaal 12)</th><td>Wmo-module</td>" in table
    assert "beleid jeugd (schaal 12)</th><td>Basispakket</td>" in table
    # Nederweert's cell of Beleid Wmo is empty ("—"), not a share.
    wmo = table.split("beleid wmo (schaal 12)")[1].split("</tr>")[0]
    assert "4.992" not in wmo and "15.600" in wmo


def test_without_pakketten_the_page_has_no_pakket_section(demo, stuur_client):
    page = stuur_client.get(kostenverdeling_url()).content.decode()
    assert "per-pakket" not in page and ">Pakket<" not in page
    assert "Aandeel basispakket" not in page


def test_csv_keeps_its_header_with_0_for_a_gemeente_outside_the_pakket(demo):
    met_wmo_module()
    lines = run("kostenverdeling", "MLW", "--format", "csv").splitlines()
    assert lines[0] == "jaar,rol,kosten,Leudal,Nederweert,Weert"
    assert "2016,Beleid Wmo,31200,15600,0,15600" in lines
    assert "2017,Beleid Wmo,93600,46800,0,46800" in lines
    assert "2016,Beleid Jeugd,31200,11232,4992,14976" in lines  # the basispakket as before


def test_pdf_shows_the_same_figures_and_words(demo, regie_client):
    met_wmo_module()
    response = regie_client.get(kostenverdeling_url(), {"download": "pdf"})
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Aandeel per gemeente per pakket" in text
    assert f"Wmo-module: {TOELICHTING}." in text
    leudal = VERWACHT[2016]["Leudal"]
    assert f"Leudal {euro(leudal[0])} {euro(leudal[1])} {euro(leudal[2])}" in text
    nederweert = VERWACHT[2016]["Nederweert"]
    assert f"Nederweert {euro(nederweert[0])} — {euro(nederweert[2])}" in text
    # The cost table names the pakket after the rol (the narrow column may break the name).
    wmo = re.search(r"beleid wmo \(schaal 12\) Wmo- ?module ([\d. —]+)", text)
    assert wmo and wmo.group(1).startswith("31.200 93.600 93.600 15.600 — 15.600 ")


def test_xlsx_has_a_sheet_per_pakket_and_marks_the_pakket(demo, regie_client):
    met_wmo_module()
    response = regie_client.get(kostenverdeling_url(), {"download": "xlsx"})
    wb = load_workbook(io.BytesIO(response.content))
    assert wb.sheetnames == ["Kostenverdeling", "Lijst", "Per pakket", "Budgetcontrole"]
    rows = list(wb["Per pakket"].iter_rows(values_only=True))
    assert ("Jaar", "Gemeente", "Basispakket", "Wmo-module", "Totaal") in rows
    for jaar, verwacht in VERWACHT.items():
        for gemeente, figures in verwacht.items():
            assert (str(jaar), gemeente, *figures) in rows
    assert ("2016", "Totaal (incl. afronding)", 194282, 31200, 225482) in rows
    assert (f"Wmo-module 2016: {TOELICHTING}.",) in [r[:1] for r in rows]
    lijst = list(wb["Lijst"].iter_rows(values_only=True))
    assert lijst[0][:3] == ("Jaar", "Rol", "Pakket")
    assert ("2016", "Beleid Wmo", "Wmo-module", "schaal 12", 31200, "Nederweert", None, 0) in lijst
    assert ("2016", "Beleid Wmo", "Wmo-module", "schaal 12", 31200, "Weert", 0.5, 15600) in lijst
    bijlage = {r[0]: r[1:5] for r in wb["Kostenverdeling"].iter_rows(values_only=True) if r[0]}
    assert bijlage["beleid wmo (schaal 12)"] == ("Wmo-module", 31200, 93600, 93600)
    assert bijlage["beleid jeugd (schaal 12)"][0] == "Basispakket"


def test_query_count_does_not_grow_with_pakket_roles(
    demo, regie_client, django_assert_max_num_queries
):
    pakket = met_wmo_module()
    # The figures are computed here (the cache misses): its read and write are 7 queries more.
    with django_assert_max_num_queries(48) as few:
        regie_client.get(kostenverdeling_url())
    sv = pakket.samenwerkingsverband
    add_rollen(sv, 20)
    Rol.objects.filter(samenwerkingsverband=sv, naam__startswith="Extra").update(pakket=pakket)
    tweede = Pakket.objects.create(
        samenwerkingsverband=sv, naam="Tweede", verdeling=Pakketverdeling.GELIJK
    )
    Rol.objects.filter(samenwerkingsverband=sv, naam="Contractmanagement").update(pakket=tweede)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert regie_client.get(kostenverdeling_url()).status_code == 200


def test_a_scenario_with_the_pakket_gets_the_same_figures(demo, stuur_client):
    met_wmo_module()
    sv = Samenwerkingsverband.objects.get(afkorting="MLW")
    maak_scenario(sv, "MLWP", "Met Wmo-module")
    assert run("kostenverdeling", "MLWP") == run("kostenverdeling", "MLW")
    page = stuur_client.get(kostenverdeling_url("MLWP")).content.decode()
    assert f"<strong>Wmo-module</strong>: {TOELICHTING}." in page
    assert load_kostenverdeling(Samenwerkingsverband.objects.get(afkorting="MLWP")).heeft_pakketten
    pdf = stuur_client.get(kostenverdeling_url("MLWP"), {"download": "pdf"}).content
    assert f"Wmo-module: {TOELICHTING}." in pdf_text(pdf)
    xlsx = stuur_client.get(kostenverdeling_url("MLWP"), {"download": "xlsx"}).content
    rows = list(load_workbook(io.BytesIO(xlsx))["Per pakket"].iter_rows(values_only=True))
    assert ("2016", "Leudal", *VERWACHT[2016]["Leudal"]) in rows


def test_a_coalition_that_changes_per_year_is_named_per_year(demo, stuur_client):
    """Wholly to one gemeente: Leudal in 2016, Weert from 2017 on (seed 001's "wisselende
    coalities"); each year's table says who."""
    pakket = met_wmo_module()
    pakket.verdeling = Pakketverdeling.EEN
    pakket.save()
    pakket.deelnames.filter(gemeente__naam="Leudal").update(tot_en_met_jaar=2016)
    pakket.deelnames.filter(gemeente__naam="Weert").update(vanaf_jaar=2017)
    page = stuur_client.get(kostenverdeling_url()).content.decode()
    assert "<strong>Wmo-module</strong>: deelnemer Leudal (100%); verdeling geheel voor" in page
    assert "<strong>Wmo-module</strong>: deelnemer Weert (100%); verdeling geheel voor" in page
    rij = pakket_tabel(page, 2016).split('<th scope="row">Leudal</th>')[1].split("</tr>")[0]
    assert cells(rij) == ["69.941", "31.200", "101.141"]
    rij = pakket_tabel(page, 2017).split('<th scope="row">Leudal</th>')[1].split("</tr>")[0]
    assert cells(rij) == ["181.697", "&mdash;", "181.697"]
    lines = run("kostenverdeling", "MLW").splitlines()
    assert "2016,Beleid Wmo,31200,31200,0,0" in lines
    assert "2018,Beleid Wmo,93600,0,0,93600" in lines


def test_a_year_without_deelnemers_is_named_on_the_page(demo, stuur_client):
    pakket = met_wmo_module()
    pakket.deelnames.update(tot_en_met_jaar=2017)
    response = stuur_client.get(kostenverdeling_url())
    page = response.content.decode()
    assert "De kostenverdeling kan niet worden berekend." in page
    assert "Pakket Wmo-module heeft kosten in 2018 maar geen deelnemers." in page
    assert "?download=pdf" not in page
