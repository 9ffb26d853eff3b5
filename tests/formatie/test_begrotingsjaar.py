"""Nieuw begrotingsjaar (issue 15): the year's salarisschalen and uurtarieven indexed with a
source or typed, and the page says which are indexed, typed or missing."""

from datetime import date
from decimal import Decimal as D

import pytest
from django.urls import reverse

from formatie.models import Bezetting, Fase, Rol, Salarisschaal, Uurtarief
from kosten.gegevens import load_kostenverdeling
from partijen.models import Samenwerkingsverband
from regiekamer.afronding import index_amount

pytestmark = pytest.mark.django_db


def url(jaar=None):
    address = reverse("formatie:begrotingsjaar", args=["MLW"])
    return f"{address}?jaar={jaar}" if jaar else address


def post(client, jaar, **data):
    return client.post(url(), {"jaar": str(jaar), **data}, follow=True)


def test_page_lists_the_missing_amounts_of_the_next_year(demo, regie_client):
    html = regie_client.get(url()).content.decode()
    assert "Nieuw begrotingsjaar 2019" in html  # the year after the latest amounts (2018)
    for naam in ("Schaal 8", "Schaal 11", "Schaal 12", "Informatie analyse (uurtarief)"):
        assert naam in html
    assert html.count("ontbreekt: de kosten gebruiken het tarief 2018") == 3  # the scales
    assert html.count("ontbreekt: de kosten gebruiken het tarief 2017") == 2  # the hired rollen
    assert 'inputmode="decimal"' in html


def test_index_with_its_source(demo, regie_client):
    response = post(regie_client, 2019, percentage="3,5", bron="CAO Gemeenten 2019")
    html = response.content.decode()
    assert "Begrotingsjaar 2019: 5 bedragen geïndexeerd, 0 ingevoerd." in html
    schaal = Salarisschaal.objects.get(schaal=11, jaar=2019)
    assert schaal.jaarkosten_per_fte == D("86008.50")  # 83.100 x 1,035
    assert (schaal.indexatie, schaal.bron) == (D("3.5"), "CAO Gemeenten 2019")
    rate = Uurtarief.objects.get(rol__naam="Informatie analyse", jaar=2019)
    assert rate.uurtarief == D("98.33")  # 95 x 1,035 = 98,325, half-up to cents
    assert html.count("geïndexeerd met 3,5% (CAO Gemeenten 2019)") == 5
    assert "ontbreekt:" not in html


def test_a_typed_amount_wins_over_the_index(demo, regie_client):
    post(
        regie_client,
        2019,
        percentage="2",
        bron="loonvoet sector overheid",
        **{"bedrag_schaal-8": "60000,50"},
    )
    assert Salarisschaal.objects.get(schaal=8, jaar=2019).jaarkosten_per_fte == D("60000.50")
    assert Salarisschaal.objects.get(schaal=8, jaar=2019).indexatie is None
    assert Salarisschaal.objects.get(schaal=12, jaar=2019).jaarkosten_per_fte == D("95472")
    html = regie_client.get(url(2019)).content.decode()
    assert (
        "met de hand ingevoerd" in html and "geïndexeerd met 2% (loonvoet sector overheid)" in html
    )


def test_a_percentage_needs_its_source(demo, regie_client):
    html = post(regie_client, 2019, percentage="3").content.decode()
    assert "Noem de bron van het percentage" in html
    assert not Salarisschaal.objects.filter(jaar=2019).exists()


def test_an_indexed_2027_replaces_the_flag_by_the_indexed_rate(demo, regie_client):
    sv = Samenwerkingsverband.objects.get(afkorting="MLW")
    fase = Fase.objects.create(
        samenwerkingsverband=sv, naam="Fase 2027", begin=date(2027, 1, 1), eind=date(2027, 12, 31)
    )
    Bezetting.objects.create(rol=Rol.objects.get(naam="Beleid Wmo"), fase=fase, fte=1)
    Bezetting.objects.create(rol=Rol.objects.get(naam="Informatie analyse"), fase=fase, fte=1)
    sv.verdeelsleutels.update(tot_en_met_jaar=None)
    flagged = [r.eerder_tarief for r in load_kostenverdeling(sv).eerdere_tarieven]
    assert flagged == ["tarief 2017 gebruikt voor 2027", "tarief 2018 gebruikt voor 2027"]
    post(regie_client, 2027, percentage="3", bron="CAO Gemeenten 2027")
    kv = load_kostenverdeling(sv)
    assert kv.eerdere_tarieven == []
    wmo = next(r for r in kv.rollen if r.naam == "Beleid Wmo")
    assert kv.regel(wmo, 2027).kosten == index_amount(D(93600), D(3)) == D(96408)
    analyse = next(r for r in kv.rollen if r.naam == "Informatie analyse")
    assert kv.regel(analyse, 2027).kosten == D(183175)  # 95 x 1,03 = 97,85 x 156 u x 12


def test_the_formation_and_salarisschalen_pages_link_to_it(demo, regie_client):
    href = f'href="{url()}"'
    assert href in regie_client.get(reverse("formatie:bezetting", args=["MLW"])).content.decode()
    page = regie_client.get(reverse("formatie:salarisschalen", args=["MLW"])).content.decode()
    assert href in page


def test_an_indexed_amount_with_cents_is_shown_with_two_decimals(demo, regie_client):
    html = post(regie_client, 2019, percentage="3,5", bron="CAO Gemeenten 2019").content.decode()
    assert "86.008,50" in html  # schaal 11: 83.100 x 1,035, shown as euros and cents
    assert "86.008,5<" not in html
    assert "60.547,50" in html and "98,33" in html
