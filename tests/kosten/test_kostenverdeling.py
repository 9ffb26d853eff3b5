"""The kostenverdeling as users get it: the page, the CSV command, the XLSX download."""

import html
import io
import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import load_workbook

from formatie.models import Bezetting, Fase, Rol
from kosten.models import Verdeelsleutel
from partijen.models import Gemeente, Samenwerkingsverband

pytestmark = pytest.mark.django_db

# Bijlage 1, "Rollen m.i.v. 1-9-2016": kosten 2016, 2017, 2018 and the shares per year
# (Leudal 36 %, Nederweert 16 %, Weert 48 %), copied from the document. "-" is no cost.
BIJLAGE_1 = {
    "Contractmanagement": [
        (41550, 14958, 6648, 19944),
        (128113, 46121, 20498, 61494),
        (83100, 29916, 13296, 39888),
    ],
    "Informatie analyse": [(59280, 21341, 9485, 28454), (81510, 29344, 13042, 39125), None],
    "Business control jeugd": [
        (13850, 4986, 2216, 6648),
        (58863, 21191, 9418, 28254),
        (41550, 14958, 6648, 19944),
    ],
    "Beleid Jeugd": [
        (31200, 11232, 4992, 14976),
        (93600, 33696, 14976, 44928),
        (93600, 33696, 14976, 44928),
    ],
    "Beleid Wmo": [
        (31200, 11232, 4992, 14976),
        (93600, 33696, 14976, 44928),
        (93600, 33696, 14976, 44928),
    ],
    "Ondersteuning algemeen": [
        (11700, 4212, 1872, 5616),
        (35100, 12636, 5616, 16848),
        (35100, 12636, 5616, 16848),
    ],
    "Ondersteuning inkoop 2017": [(25272, 9098, 4044, 12131), (18954, 6823, 3033, 9098), None],
    "Inkoop 2018 (projectbasis)": [(11429, 4114, 1829, 5486), (88571, 31886, 14171, 42514), None],
}
# The same roles as the cost table of Bijlage 1 labels them, word for word (seed 000, §10
# "Financieel overzicht"): the name there and the parameters the figures are computed from.
LABELS = {
    "Contractmanagement": "contractmanagement (schaal 11)",
    "Informatie analyse": "informatieanalyse (fase 1: 1.092 u, fase 2: 390 u, € 95/u)",
    "Business control jeugd": "business control jeugd (schaal 11)",
    "Beleid Jeugd": "beleid jeugd (schaal 12)",
    "Beleid Wmo": "beleid wmo (schaal 12)",
    "Ondersteuning algemeen": "ondersteuning algemeen (schaal 8)",
    "Ondersteuning inkoop 2017": "ondersteuning inkoop 2017 (fase 1: 546 u, € 81/u)",
    "Inkoop 2018 (projectbasis)": "inkoop 2018 projectbasis (fase 1: € 20.000, fase 2: € 80.000)",
}
SUMMARY = {
    "Leudal": ["81.173", "215.393", "124.902", "421.468"],
    "Nederweert": ["36.078", "95.730", "55.512", "187.320"],
    "Weert": ["108.231", "287.189", "166.536", "561.956"],
}


def kostenverdeling_url(code="MLW"):
    return reverse("kosten:kostenverdeling", args=[code])


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_csv_command_reproduces_bijlage_1(demo):
    lines = run("kostenverdeling", "MLW", "--format", "csv").splitlines()
    assert lines[0] == "jaar,rol,kosten,Leudal,Nederweert,Weert"
    expected = {
        f"{jaar},{rol},{','.join(str(v) for v in figures)}"
        for rol, years in BIJLAGE_1.items()
        for jaar, figures in zip((2016, 2017, 2018), years, strict=True)
        if figures
    }
    assert set(lines[1:]) == expected
    assert len(lines) == 1 + 21


def test_page_shows_the_table_and_its_summary(demo, stuur_client):
    page = stuur_client.get(kostenverdeling_url()).content.decode()
    for figures in SUMMARY.values():
        for figure in figures:
            assert f">{figure}<" in page or f"<strong>{figure}</strong>" in page
    # Column totals of the costs, and the totals incl. afronding, and the difference shown.
    for figure in ["225.481", "598.311", "346.950", "225.482", "598.312", "1.170.744", "1.170.742"]:
        assert figure in page
    assert "Afrondingsverschil" in page
    assert "Bijlage 1, financieel overzicht" in page  # the key's source
    assert "128.113" in page and "88.571" in page
    assert "Aandeel 2016" in page and "2.016" not in page  # a year is no amount


def test_xlsx_download_has_the_same_figures(demo, regie_client):
    response = regie_client.get(kostenverdeling_url(), {"download": "xlsx"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    wb = load_workbook(io.BytesIO(response.content))
    assert wb.sheetnames == ["Kostenverdeling", "Lijst", "Budgetcontrole"]
    rows = list(wb["Lijst"].iter_rows(values_only=True))
    assert rows[0] == (
        "Jaar", "Rol", "Kostenbasis", "Kosten rol", "Gemeente", "Verdeelsleutel", "Aandeel"
    )  # fmt: skip
    assert ("2017", "Contractmanagement", "schaal 11", 128113, "Leudal", 0.36, 46121) in rows
    summary = {r[0]: r[1:6] for r in wb["Kostenverdeling"].iter_rows(values_only=True) if r[0]}
    assert summary["contractmanagement (schaal 11)"][:3] == (41550, 128113, 83100)
    assert summary["Leudal"] == (0.36, 81173, 215393, 124902, 421468)
    assert summary["Totaal (incl. afronding)"] == (None, 225482, 598312, 346950, 1170744)


def test_csv_download_equals_the_command(demo, regie_client):
    response = regie_client.get(kostenverdeling_url(), {"download": "csv"})
    assert response.content.decode() == run("kostenverdeling", "MLW")


def test_unknown_code_is_a_dutch_error(db):
    with pytest.raises(CommandError, match="Onbekend samenwerkingsverband"):
        run("kostenverdeling", "XYZ")


def test_every_label_of_the_table_is_the_documents(demo, stuur_client):
    """The row headers of the cost table, in order, are Bijlage 1's words: the name the
    document uses there and the parameters computed from the role's data."""
    page = stuur_client.get(kostenverdeling_url()).content.decode()
    table = page.split('class="table cost-table"')[1].split("</table>")[0]
    body = table.split("<tbody>")[1].split("</tbody>")[0]
    rows = re.findall(r'<th scope="row">(.*?)</th>', body)
    assert [html.unescape(r) for r in rows] == list(LABELS.values())


def test_budget_check_shows_weert_against_its_budget(demo, stuur_client):
    page = stuur_client.get(kostenverdeling_url()).content.decode()
    assert "€ 900.000" in page and "€ 287.189" in page
    assert "32%" in page  # 287.189 / 900.000


def add_rollen(sv, n):
    fasen = list(Fase.objects.filter(samenwerkingsverband=sv))
    weert = Gemeente.objects.get(naam="Weert")
    for i in range(n):
        rol = Rol.objects.create(
            samenwerkingsverband=sv,
            naam=f"Extra {i}",
            kostensoort="schaal",
            schaal=11,
            leverende_gemeente=weert,
        )
        for fase in fasen:
            Bezetting.objects.create(rol=rol, fase=fase, fte="0.5")


@pytest.mark.parametrize("params", [{}, {"download": "csv"}, {"download": "xlsx"}])
def test_query_count_does_not_grow_with_roles(
    demo, regie_client, django_assert_max_num_queries, params
):
    # The figures are computed here (the cache misses): its read and write are 7 queries more.
    with django_assert_max_num_queries(38) as few:
        regie_client.get(kostenverdeling_url(), params)
    add_rollen(Samenwerkingsverband.objects.get(afkorting="MLW"), 40)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert regie_client.get(kostenverdeling_url(), params).status_code == 200


def test_verdeelsleutel_must_add_up_to_100(demo, regie_client):
    sleutel = Verdeelsleutel.objects.get()
    aandelen = list(sleutel.aandelen.order_by("gemeente__naam"))
    data = {
        "vanaf_jaar": "2016",
        "tot_en_met_jaar": "",
        "methode": "vastgesteld",
        "peildatum": "",
        "bron": sleutel.bron,
        "versie": sleutel.versie,
        "aandelen-TOTAL_FORMS": "3",
        "aandelen-INITIAL_FORMS": "3",
        "aandelen-MIN_NUM_FORMS": "0",
        "aandelen-MAX_NUM_FORMS": "1000",
    }
    for i, (a, pct) in enumerate(zip(aandelen, ["36", "16", "47"], strict=True)):
        data |= {
            f"aandelen-{i}-id": a.pk,
            f"aandelen-{i}-verdeelsleutel": sleutel.pk,
            f"aandelen-{i}-gemeente": a.gemeente_id,
            f"aandelen-{i}-percentage": pct,
            f"aandelen-{i}-versie": a.versie,
        }
    url = reverse("kosten:verdeelsleutel-update", args=["MLW", sleutel.pk])
    response = regie_client.post(url, data)
    assert (
        "De percentages tellen op tot 99,00 %; dat moet precies 100 % zijn."
        in response.content.decode()
    )
    assert sorted(str(a.percentage) for a in sleutel.aandelen.all()) == ["16.00", "36.00", "48.00"]

    data["aandelen-1-percentage"] = "17"  # Nederweert 17: 36 + 17 + 47 = 100
    assert regie_client.post(url, data).status_code == 302
    assert "2016,Beleid Jeugd,31200,11232,5304,14664" in run("kostenverdeling", "MLW")


def test_stuurgroep_cannot_change_the_key(demo, stuur_client):
    sleutel = Verdeelsleutel.objects.get()
    url = reverse("kosten:verdeelsleutel-update", args=["MLW", sleutel.pk])
    assert stuur_client.post(url, {"vanaf_jaar": "2017"}).status_code == 403


def test_key_derived_from_inwonertallen_rounds_once(demo):
    from datetime import date

    from partijen.models import Inwonertal

    sleutel = Verdeelsleutel.objects.get()
    sleutel.methode = "inwonertal"
    sleutel.peildatum = date(2016, 1, 1)
    sleutel.save()
    for naam, aantal in [("Leudal", 36000), ("Nederweert", 17000), ("Weert", 48000)]:
        Inwonertal.objects.create(
            gemeente=Gemeente.objects.get(naam=naam),
            peildatum=date(2016, 1, 1),
            aantal=aantal,
            bron="test",
        )
    lines = run("kostenverdeling", "MLW").splitlines()
    # 31.200 x 17.000 / 101.000 = 5.251,49 -> 5.251; 31.200 x 48.000 / 101.000 = 14.827,72 -> 14.828
    assert "2016,Beleid Jeugd,31200,11121,5251,14828" in lines


def test_missing_inwonertal_is_a_clear_error_on_the_page(demo, regie_client):
    from datetime import date

    sleutel = Verdeelsleutel.objects.get()
    sleutel.methode = "inwonertal"
    sleutel.peildatum = date(2016, 1, 1)
    sleutel.save()
    page = regie_client.get(kostenverdeling_url()).content.decode()
    assert "De kostenverdeling kan niet worden berekend." in page
    assert "Geen inwonertal op of vóór 01-01-2016 voor" in page


def test_stuurgroep_gets_403_on_formatie_and_kosten_admin(admin_for_every_role, demo, stuur_client):
    rol = Rol.objects.first()
    for url in [
        reverse("admin:formatie_rol_change", args=[rol.pk]),
        reverse("admin:kosten_verdeelsleutel_change", args=[Verdeelsleutel.objects.get().pk]),
        reverse("admin:formatie_fase_add"),
    ]:
        assert stuur_client.post(url, {}).status_code == 403, url
