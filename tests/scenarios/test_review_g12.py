"""Review of issue 20: G12's page tells what its toelichting says (in preparation, the
juridische vorm not chosen yet, only three of twelve gemeenten named), and a samenwerkingsverband's
gemeenten show their inwonertal the Dutch way."""

from datetime import date

import pytest
from django.urls import reverse

from partijen.models import Gemeente, Inwonertal

pytestmark = pytest.mark.django_db


def test_g12_page_shows_its_toelichting(scenario_demo, admin_client):
    page = admin_client.get(
        reverse("convenant:samenwerkingsverband-detail", args=["G12"])
    ).content.decode()
    assert "<h2>Toelichting</h2>" in page
    assert "Juridische vorm: nog niet gekozen" in page
    assert "De andere negen noemt zij niet" in page


def test_gemeenten_of_a_samenwerkingsverband_show_inwonertal_with_dots(demo, regie_client):
    weert = Gemeente.objects.get(naam="Weert")
    Inwonertal.objects.create(gemeente=weert, peildatum=date(2017, 1, 1), aantal=50000)
    page = regie_client.get(
        reverse("convenant:samenwerkingsverband-detail", args=["MLW"])
    ).content.decode()
    assert '<td class="num">50.000</td>' in page
    assert "<h2>Toelichting</h2>" not in page  # MLW has none


def test_g12_without_formation_has_no_empty_cost_tables(scenario_demo, admin_client):
    page = admin_client.get(reverse("kosten:kostenverdeling", args=["G12"])).content.decode()
    assert "Nog geen kosten te verdelen: de formatie heeft nog geen fasen met rollen." in page
    assert "Samenvatting regionale kostenverdeling" not in page
    assert "?download=pdf" not in page


def test_a_scenarios_page_leads_back_to_the_scenarios_not_to_a_list_without_it(
    scenario_demo, regie_client
):
    page = regie_client.get(
        reverse("convenant:samenwerkingsverband-detail", args=["ML7"])
    ).content.decode()
    back = reverse("scenarios:scenario-list", args=["MLW"])
    assert f'<a href="{back}">&larr; Scenario\'s van Sociaal Domein Midden-Limburg West</a>' in page
    assert "Alle samenwerkingsverbanden" not in page
