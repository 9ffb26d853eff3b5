from decimal import Decimal

import pytest
from django.urls import reverse

from formatie.models import Bezetting, Fase, Rol

from .grid import bezetting_url, cell, grid_data

pytestmark = pytest.mark.django_db


def test_overzicht_shows_the_documents_totals(demo, stuur_client):
    response = stuur_client.get(bezetting_url())
    overzicht = response.context["overzicht"]
    assert [str(v) for v in [overzicht.subtotaal.basisformatie, *overzicht.subtotaal.per_fase]] == [
        "3.50",
        "5.00",
        "5.50",
        "3.50",
    ]
    assert [str(v) for v in [overzicht.totaal.basisformatie, *overzicht.totaal.per_fase]] == [
        "4.10",
        "6.10",
        "6.10",
        "4.10",
    ]
    page = response.content.decode()
    assert "Subtotaal structureel" in page
    for figure in ["3,5", "5,5", "4,1", "6,1"]:
        assert f">{figure}</td>" in page
    assert "(1) Informatie analyse wordt vanaf fase 3 op aanvraag" in page
    assert "Juridische zaken" in page


def test_stuurgroep_sees_the_grid_read_only_and_cannot_post(demo, stuur_client, regie_client):
    page = stuur_client.get(bezetting_url()).content.decode()
    assert 'name="grid-0-fase_' not in page and "Opslaan" not in page
    data = grid_data(regie_client.get(bezetting_url()))
    response = stuur_client.post(bezetting_url(), data)
    assert response.status_code == 403


def test_regiegroep_changes_an_fte_and_sees_the_new_cost(demo, regie_client):
    response = regie_client.get(bezetting_url())
    data = grid_data(response)
    data[cell(response, "Contractmanagement", "Fase 3")] = "2"
    response = regie_client.post(bezetting_url(), data, follow=True)
    assert "Bezetting opgeslagen" in response.content.decode()
    assert Bezetting.objects.get(rol__naam="Contractmanagement", fase__naam="Fase 3").fte == 2
    # 2018: 2 fte x 83.100 instead of 1 fte; 2017 gets 4 months of the extra fte.
    kosten = regie_client.get(reverse("kosten:kostenverdeling", args=["MLW"])).content.decode()
    assert "166.200" in kosten
    assert "155.813" in kosten  # 83.100 x (1,5x3 + 2x5 + 2x4) / 12 = 155.812,50
    history = Bezetting.history.filter(rol__naam="Contractmanagement").first()
    assert history.history_user.username == "regie-test"


@pytest.mark.parametrize(
    "value, message",
    [
        ("abc", "Vul een getal in"),
        ("-1", "Fte is 0 of meer."),
        ("0,125", "Fte heeft hooguit twee decimalen."),
    ],
)
def test_bad_value_shows_a_dutch_error_and_saves_nothing(demo, regie_client, value, message):
    response = regie_client.get(bezetting_url())
    data = grid_data(response)
    data[cell(response, "Beleid Wmo", "Fase 1")] = "0,8"  # valid, must not be saved either
    data[cell(response, "Contractmanagement", "Fase 2")] = value
    response = regie_client.post(bezetting_url(), data)
    page = response.content.decode()
    assert message in page and "Niet opgeslagen" in page
    assert Bezetting.objects.get(rol__naam="Beleid Wmo", fase__naam="Fase 1").fte == 1
    assert Bezetting.objects.get(rol__naam="Contractmanagement", fase__naam="Fase 2").fte == 2


def test_a_conflicting_edit_is_refused_and_nothing_is_lost(demo, regie_client, client, regie_user):
    opened = regie_client.get(bezetting_url())
    mine = grid_data(opened)
    mine[cell(opened, "Beleid Jeugd", "Fase 3")] = "0,8"

    # Meanwhile a second official saves another value in the same cell.
    other = grid_data(opened)
    other[cell(opened, "Beleid Jeugd", "Fase 3")] = "1,2"
    assert regie_client.post(bezetting_url(), other).status_code == 302

    response = regie_client.post(bezetting_url(), mine)
    page = response.content.decode()
    assert response.status_code == 409
    assert "een andere gebruiker heeft de bezetting gewijzigd" in page
    assert "Beleid Jeugd, Fase 3: toen 1, nu 1,2" in page
    assert 'value="0,8"' in page  # my input is still in the form
    assert Bezetting.objects.get(rol__naam="Beleid Jeugd", fase__naam="Fase 3").fte == Decimal(
        "1.2"
    )

    # Having seen the other change, saving again records my value.
    again = grid_data(response)
    assert regie_client.post(bezetting_url(), again).status_code == 302
    assert Bezetting.objects.get(rol__naam="Beleid Jeugd", fase__naam="Fase 3").fte == Decimal(
        "0.8"
    )


def test_emptying_a_cell_removes_the_bezetting(demo, regie_client):
    response = regie_client.get(bezetting_url())
    data = grid_data(response)
    data[cell(response, "Inkoop 2018 (projectbasis)", "Fase 2")] = ""
    assert regie_client.post(bezetting_url(), data).status_code == 302
    assert not Bezetting.objects.filter(
        rol__naam="Inkoop 2018 (projectbasis)", fase__naam="Fase 2"
    ).exists()


def test_fasen_may_not_overlap(demo, regie_client):
    fasen = list(Fase.objects.order_by("begin"))
    data = {
        "fasen-TOTAL_FORMS": "3",
        "fasen-INITIAL_FORMS": "3",
        "fasen-MIN_NUM_FORMS": "0",
        "fasen-MAX_NUM_FORMS": "1000",
    }
    for i, fase in enumerate(fasen):
        data |= {
            f"fasen-{i}-id": fase.pk,
            f"fasen-{i}-naam": fase.naam,
            f"fasen-{i}-begin": fase.begin.isoformat(),
            f"fasen-{i}-eind": fase.eind.isoformat(),
        }
    data["fasen-1-begin"] = "2017-03-01"  # overlaps fase 1
    response = regie_client.post(reverse("formatie:fasen", args=["MLW"]), data)
    assert "De fasen Fase 1 en Fase 2 overlappen." in response.content.decode()
    data["fasen-1-begin"] = "2017-04-15"
    response = regie_client.post(reverse("formatie:fasen", args=["MLW"]), data)
    assert "Een fase begint op de eerste dag van een maand." in response.content.decode()
    assert Fase.objects.get(naam="Fase 2").begin.isoformat() == "2017-04-01"


def test_rol_needs_its_cost_parameters(demo, regie_client):
    data = {
        "naam": "Inhuur zonder tarief",
        "volgorde": 9,
        "kostensoort": "uur",
        "uren_per_fte_per_maand": "156",
    }
    response = regie_client.post(reverse("formatie:rol-create", args=["MLW"]), data)
    assert "Een ingehuurde rol heeft een uurtarief nodig." in response.content.decode()
    assert not Rol.objects.filter(naam="Inhuur zonder tarief").exists()


def test_bezetting_page_query_count_is_flat(demo, regie_client, django_assert_max_num_queries):
    with django_assert_max_num_queries(40) as few:
        regie_client.get(bezetting_url())
    sv = Rol.objects.first().samenwerkingsverband
    fasen = list(Fase.objects.all())
    for n in range(30):
        rol = Rol.objects.create(
            samenwerkingsverband=sv, naam=f"Extra rol {n}", kostensoort="schaal", schaal=11
        )
        for fase in fasen:
            Bezetting.objects.create(rol=rol, fase=fase, fte="0.5")
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert regie_client.get(bezetting_url()).status_code == 200


def test_a_rol_added_meanwhile_refuses_the_grid(demo, regie_client):
    opened = regie_client.get(bezetting_url())
    data = grid_data(opened)
    data[cell(opened, "Beleid Wmo", "Fase 1")] = "0,9"
    sv = Rol.objects.first().samenwerkingsverband
    Rol.objects.create(
        samenwerkingsverband=sv, naam="Aaa nieuw", volgorde=0, kostensoort="schaal", schaal=8
    )
    response = regie_client.post(bezetting_url(), data)
    assert "er is sinds het openen van deze pagina een rol toegevoegd" in response.content.decode()
    assert Bezetting.objects.get(rol__naam="Beleid Wmo", fase__naam="Fase 1").fte == 1
