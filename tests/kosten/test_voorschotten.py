"""Voorschotten: quarterly advances from the begroting and the eindafrekening."""

from decimal import Decimal as D

import pytest
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from kosten.gegevens import RealisatieData
from kosten.models import Realisatie, Voorschotregeling
from kosten.nacalculatie import ALLE, calculate_nacalculatie, plan_als_realisatie
from kosten.voorschotten import RegelingData, kwartaalbedragen, voorschot_jaar
from partijen.models import Gemeente, Samenwerkingsverband
from regiekamer.dataversie import changed

from .mlw import mlw_kostenverdeling
from .test_nacalculatie_command import realisatie_gelijk_aan_plan


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 10**11).map(lambda c: D(c)))
def test_the_four_quarters_add_up_exactly(aandeel):
    kwartalen = kwartaalbedragen(aandeel)
    assert sum(kwartalen) == aandeel
    assert kwartalen[0] == kwartalen[1] == kwartalen[2]
    assert abs(kwartalen[3] - kwartalen[0]) <= 2


def test_quarters_of_weerts_2016_share():
    # Weert's share of 2016 is 108.231: 27.058 three times (27.057,75 rounded), then 27.057.
    assert kwartaalbedragen(D(108231)) == [D(27058), D(27058), D(27058), D(27057)]


def test_eindafrekening_after_a_complete_year():
    plan = mlw_kostenverdeling()
    realisatie = plan_als_realisatie(plan)
    beleid = plan.rollen[3]
    realisatie[(beleid.id, 2016)] = RealisatieData(D(31200 + 1000))
    del realisatie[(plan.rollen[1].id, 2017)]
    n = calculate_nacalculatie(plan, realisatie)
    regeling = RegelingData(ALLE, 2016)
    vj = voorschot_jaar(n, regeling, 2016)
    weert = next(v for v in vj.voorschotten if v.gemeente == "Weert")
    assert weert.aandeel == D(108231) and sum(weert.kwartalen) == weert.aandeel
    assert weert.eindafrekening == D(480)
    assert weert.eindafrekening_tekst == "Weert betaalt € 480 bij"
    assert vj.totaal == plan.totaal_aandelen(2016)
    incomplete = voorschot_jaar(n, regeling, 2017)
    assert not incomplete.volledig and incomplete.ontbrekend == ["informatieanalyse"]
    assert all(v.eindafrekening is None for v in incomplete.voorschotten)
    assert incomplete.voorschotten[0].eindafrekening_tekst == "nog niet bekend"


def test_less_spent_gives_money_back():
    plan = mlw_kostenverdeling()
    realisatie = plan_als_realisatie(plan)
    realisatie[(plan.rollen[3].id, 2016)] = RealisatieData(D(30200))
    leudal = next(
        v
        for v in voorschot_jaar(
            calculate_nacalculatie(plan, realisatie), RegelingData(ALLE, 2016), 2016
        ).voorschotten
        if v.gemeente == "Leudal"
    )
    assert leudal.eindafrekening == D(-360)
    assert leudal.eindafrekening_tekst == "Leudal krijgt € 360 terug"


def url():
    return reverse("kosten:voorschotten", args=["MLW"])


@pytest.mark.django_db
def test_voorschotten_page(demo, regie_client, stuur_client):
    sv = Samenwerkingsverband.objects.get(afkorting="MLW")
    sv.penvoerder = Gemeente.objects.get(naam="Weert")
    sv.save()
    page = stuur_client.get(url()).content.decode()
    assert "Er is nog geen voorschotregeling" in page
    assert "Nieuwe voorschotregeling" not in page  # stuurgroep reads
    response = regie_client.post(
        reverse("kosten:voorschotregeling-create", args=["MLW"]),
        {"pakket": "", "ontvanger": sv.penvoerder.pk, "vanaf_jaar": "2016",
         "tot_en_met_jaar": "2017", "toelichting": "Via de penvoerder"},
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()
    regeling = Voorschotregeling.objects.get()
    assert regeling.history.count() == 1
    realisatie_gelijk_aan_plan(sv, zonder={("Informatie analyse", 2017)})
    Realisatie.objects.filter(jaar=2016, rol__naam="Beleid Jeugd").update(bedrag=D(32200))
    page = regie_client.get(url()).content.decode()
    assert "Voorschotregeling 2016–2017: alle kosten" in page
    assert "Ontvanger: <strong>Weert</strong>" in page
    assert "27.058" in page and "27.057" in page and "108.231" in page
    assert "Weert betaalt € 480 bij" in page
    assert "De eindafrekening van 2017 volgt als alle werkelijke kosten bekend zijn" in page
    assert "2018" not in page.split("Voorschotregeling 2016")[1]
    assert "Nieuwe voorschotregeling" in page


@pytest.mark.django_db
def test_an_overlapping_regeling_is_refused(demo, regie_client):
    sv = Samenwerkingsverband.objects.get(afkorting="MLW")
    Voorschotregeling.objects.create(samenwerkingsverband=sv, vanaf_jaar=2016)
    response = regie_client.post(
        reverse("kosten:voorschotregeling-create", args=["MLW"]),
        {"pakket": "", "ontvanger": "", "vanaf_jaar": "2018", "tot_en_met_jaar": ""},
    )
    assert response.status_code == 200
    assert "overlapt met de voorschotregeling 2016 en later" in response.content.decode()
    assert Voorschotregeling.objects.count() == 1


@pytest.mark.django_db
def test_year_field_is_text_not_number(demo, regie_client):
    page = regie_client.get(reverse("kosten:voorschotregeling-create", args=["MLW"]))
    html = page.content.decode()
    assert 'type="number"' not in html and 'name="vanaf_jaar"' in html


@pytest.mark.django_db
def test_delete_asks_confirmation(demo, regie_client):
    sv = Samenwerkingsverband.objects.get(afkorting="MLW")
    regeling = Voorschotregeling.objects.create(samenwerkingsverband=sv, vanaf_jaar=2016)
    delete = reverse("kosten:voorschotregeling-delete", args=["MLW", regeling.pk])
    assert "Verwijderen bevestigen" in regie_client.get(delete).content.decode()
    assert regie_client.post(delete).status_code == 302
    assert not Voorschotregeling.objects.exists()


@pytest.mark.django_db
def test_voorschotten_query_count_is_flat(demo, stuur_client, django_assert_max_num_queries):
    sv = Samenwerkingsverband.objects.get(afkorting="MLW")
    Voorschotregeling.objects.create(samenwerkingsverband=sv, vanaf_jaar=2016)
    realisatie_gelijk_aan_plan(sv)
    # The figures are computed afresh (changed: the cache misses) both times; the cache's read
    # and write are 7 queries more than the computation itself.
    changed(None)
    with django_assert_max_num_queries(43) as few:
        stuur_client.get(url())
    for jaar in (2019, 2020, 2021):
        Voorschotregeling.objects.create(
            samenwerkingsverband=sv, vanaf_jaar=jaar, tot_en_met_jaar=jaar
        )
    changed(None)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert stuur_client.get(url()).status_code == 200


def test_a_regeling_of_a_pluspakket_asks_its_deelnemers_only():
    from .test_verrekening_pakketten import module_zonder_leverancier

    plan = module_zonder_leverancier()  # beleid wmo (rol 5) in a module of Leudal, Nederweert
    realisatie = plan_als_realisatie(plan)
    realisatie[(5, 2016)] = RealisatieData(D(31200 + 1001))
    n = calculate_nacalculatie(plan, realisatie)
    vj = voorschot_jaar(n, RegelingData(10, 2016), 2016)
    assert [v.gemeente for v in vj.voorschotten] == ["Leudal", "Nederweert"]
    assert [v.aandeel for v in vj.voorschotten] == [D(15600), D(15600)]
    assert [v.kwartalen for v in vj.voorschotten] == [[D(3900)] * 4] * 2
    # 32.201 split in equal parts, each rounded half-up: 16.101 (16.100,50) twice.
    assert [v.eindafrekening for v in vj.voorschotten] == [D(501), D(501)]
    # The basispakket (None) and all costs (ALLE) are other regelingen.
    basis = voorschot_jaar(n, RegelingData(None, 2016), 2016)
    alle = voorschot_jaar(n, RegelingData(ALLE, 2016), 2016)
    for g in ("Leudal", "Nederweert", "Weert"):
        in_basis = next(v.aandeel for v in basis.voorschotten if v.gemeente == g)
        in_alle = next(v.aandeel for v in alle.voorschotten if v.gemeente == g)
        in_module = next((v.aandeel for v in vj.voorschotten if v.gemeente == g), D(0))
        assert in_basis + in_module == in_alle


@pytest.mark.django_db
def test_a_scenario_has_no_voorschotten(demo, regie_client, regie_user):
    from scenarios.maak import maak_scenario

    sv = Samenwerkingsverband.objects.get(afkorting="MLW")
    scenario = maak_scenario(sv, "SCN", "Kopie", regie_user)
    page = regie_client.get(reverse("kosten:voorschotten", args=["SCN"])).content.decode()
    assert "Een scenario heeft geen werkelijke kosten en dus geen nacalculatie" in page
    assert "Nieuwe voorschotregeling" not in page
    response = regie_client.post(
        reverse("kosten:voorschotregeling-create", args=["SCN"]),
        {"pakket": "", "ontvanger": "", "vanaf_jaar": "2016"},
        follow=True,
    )
    assert "Een scenario heeft geen voorschotten" in response.content.decode()
    assert not Voorschotregeling.objects.filter(samenwerkingsverband=scenario).exists()
    jaarrekening = regie_client.get(reverse("kosten:jaarrekening", args=["SCN", 2016]))
    assert "geen nacalculatie" in jaarrekening.content.decode()
