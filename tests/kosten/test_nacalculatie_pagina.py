"""The nacalculatie page, its CSVs and PDF on the MLW demo."""

import csv
import io
from decimal import Decimal

import pytest
from django.urls import reverse

from kosten.models import Realisatie
from partijen.models import Gemeente, Samenwerkingsverband
from scenarios.maak import maak_scenario
from tests.pdfs import pdf_text

from .test_nacalculatie_command import realisatie_gelijk_aan_plan, run

pytestmark = pytest.mark.django_db


def url(afkorting="MLW"):
    return reverse("kosten:nacalculatie", args=[afkorting])


@pytest.fixture
def mlw(demo):
    sv = Samenwerkingsverband.objects.get(afkorting="MLW")
    sv.penvoerder = Gemeente.objects.get(naam="Weert")
    sv.save()
    return sv


def test_actual_costs_equal_to_the_plan_show_todays_verrekening(mlw, stuur_client):
    realisatie_gelijk_aan_plan(mlw)
    page = stuur_client.get(url()).content.decode()
    verrekening = stuur_client.get(reverse("kosten:verrekening", args=["MLW"])).content.decode()
    for text in [
        "Leudal betaalt Weert € 55.623",
        "Nederweert betaalt Weert € 36.078",
        "Het afrondingsverschil van € 1 in 2016",
        "91.700",
        "-55.623",
    ]:
        assert text in verrekening and text in page
    assert "ontbreekt" not in page and "nog niet compleet" not in page
    # The CSV per gemeente carries the same gedragen and saldo as the command.
    rows = list(csv.DictReader(io.StringIO(stuur_client.get(url() + "?download=csv").text)))
    command = list(csv.DictReader(io.StringIO(run()[0])))
    assert [
        (r["jaar"], r["gemeente"], r["gedragen"], r["aandeel_werkelijk"], r["saldo"]) for r in rows
    ] == [(r["jaar"], r["gemeente"], r["gedragen"], r["aandeel"], r["saldo"]) for r in command]
    assert all(
        r["verschil"] == "0" and r["aandeel_begroot"] == r["aandeel_werkelijk"] for r in rows
    )


def test_differences_and_missing_figures_are_shown(mlw, stuur_client):
    realisatie_gelijk_aan_plan(mlw, zonder={("Informatie analyse", 2017)})
    Realisatie.objects.filter(jaar=2016, rol__naam="Beleid Jeugd").update(
        bedrag=Decimal("31700.49"), toelichting="Extra inhuur bij ziekte"
    )
    page = stuur_client.get(url()).content.decode()
    assert "31.700" in page and "Extra inhuur bij ziekte" in page
    assert (
        "2017 is nog niet compleet.</strong> De werkelijke kosten ontbreken van: Informatie analyse"
        in page
    )
    assert "<strong>ontbreekt</strong>" in page
    # The note leads to where the missing figure is typed.
    assert 'href="/samenwerkingsverbanden/MLW/kosten/realisatie/?jaar=2017"' in page
    rollen = stuur_client.get(url() + "?download=csv-rollen").text.splitlines()
    assert rollen[0] == "jaar,rol,begroot,werkelijk,verschil,gedragen_door,toelichting"
    assert "2016,Beleid Jeugd,31200,31700,500,Weert,Extra inhuur bij ziekte" in rollen
    assert "2017,Informatie analyse,81510,,,Weert," in rollen
    gemeenten = stuur_client.get(url() + "?download=csv").text
    assert "\n2017," not in gemeenten
    # 48% of the 500 more is Weert's: 240.
    assert "2016,Weert,108231,108471,240," in gemeenten


def test_gedragen_door_is_shown_and_settled(mlw, stuur_client):
    realisatie_gelijk_aan_plan(mlw)
    Realisatie.objects.filter(jaar=2016, rol__naam="Contractmanagement").update(
        gedragen_door=Gemeente.objects.get(naam="Leudal")
    )
    rollen = stuur_client.get(url() + "?download=csv-rollen").text
    assert "2016,Contractmanagement,41550,41550,0,Leudal," in rollen
    page = stuur_client.get(url()).content.decode()
    assert "Leudal betaalt Weert € 14.073" in page  # 55.623 − 41.550


def test_pdf_shows_the_nacalculatie(mlw, stuur_client):
    realisatie_gelijk_aan_plan(mlw, zonder={("Informatie analyse", 2017)})
    response = stuur_client.get(url() + "?download=pdf")
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Nacalculatie Sociaal Domein Midden-Limburg West" in text
    assert "Leudal betaalt Weert € 55.623" in text
    assert "2017 is nog niet compleet." in text


def test_scenario_has_no_nacalculatie(mlw, stuur_client, regie_user):
    scenario = maak_scenario(mlw, "SCN", "Kopie", regie_user)
    page = stuur_client.get(url(scenario.afkorting)).content.decode()
    assert "Een scenario heeft geen werkelijke kosten en dus geen nacalculatie" in page
    assert "?download=csv" not in page


def test_without_realisatie_every_year_is_incomplete(mlw, stuur_client):
    page = stuur_client.get(url()).content.decode()
    assert page.count("is nog niet compleet.") == 3
    assert "betaalt" not in page


def test_page_query_count_is_flat(mlw, stuur_client, django_assert_max_num_queries):
    from tests.kosten.test_kostenverdeling import add_rollen

    realisatie_gelijk_aan_plan(mlw)
    with django_assert_max_num_queries(35) as few:
        stuur_client.get(url())
    add_rollen(mlw, 30)
    Realisatie.objects.all().delete()
    realisatie_gelijk_aan_plan(mlw)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert stuur_client.get(url()).status_code == 200


def test_a_year_after_the_plan_uses_its_key(mlw, stuur_client):
    """2019 has no plan costs; MLW's key (from 2016 on) splits what was spent."""
    realisatie_gelijk_aan_plan(mlw)
    rol = mlw.rollen.get(naam="Beleid Wmo")
    Realisatie.objects.create(
        samenwerkingsverband=mlw, rol=rol, jaar=2019, bedrag=Decimal("1000"),
        toelichting="Afronding dossiers",
    )  # fmt: skip
    rows = stuur_client.get(url() + "?download=csv").text.splitlines()
    assert "2019,Weert,0,480,480,1000,520" in rows
    assert "2019,Leudal,0,360,360,0,-360" in rows
    page = stuur_client.get(url()).content.decode()
    assert "Leudal betaalt Weert € 360" in page
    jaarrekening = stuur_client.get(reverse("kosten:jaarrekening", args=["MLW", 2019]))
    assert "Afronding dossiers" in jaarrekening.content.decode()


def test_a_realisatie_without_key_says_why(mlw, stuur_client):
    from kosten.models import Verdeelsleutel

    realisatie_gelijk_aan_plan(mlw)
    Verdeelsleutel.objects.filter(samenwerkingsverband=mlw).update(tot_en_met_jaar=2018)
    Realisatie.objects.create(
        samenwerkingsverband=mlw, rol=mlw.rollen.get(naam="Beleid Wmo"), jaar=2019, bedrag=1000
    )
    page = stuur_client.get(url()).content.decode()
    assert "De nacalculatie kan niet worden berekend." in page
    assert "Voor 2019 zijn er werkelijke kosten (Beleid Wmo) maar geen verdeelsleutel." in page
    response = stuur_client.get(url() + "?download=pdf")
    assert response["Content-Type"] != "application/pdf"
