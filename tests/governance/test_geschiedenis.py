"""The record of the gremia as the documents give it (seeds 000, 002, 003): memberships with
their function and period, the current composition derived from the dates, the 2013 structure
and the decisions with exact or approximate dates."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from governance.models import Besluit, Gremium, Subregio
from governance.query import samenstelling, stuurgroepleden
from governance.rapporten import besluitenlijst_report
from partijen.models import Samenwerkingsverband
from tests.governance.factories import GremiumFactory, LidmaatschapFactory, PersoonFactory
from tests.pdfs import pdf_text

STUURGROEP_2021 = "Stuurgroep (programmaorganisatie 2021)"


def mlw():
    return Samenwerkingsverband.objects.get(afkorting="MLW")


def stuurgroep_2016():
    return Gremium.objects.get(naam="Stuurgroep Sociaal Domein Midden-Limburg West")


def namen(leden):
    return sorted(getattr(lid, "persoon", lid).naam for lid in leden)


def test_the_2016_and_2021_stuurgroep_are_never_both_current(demo):
    # Seed 000: the three wethouders who signed on 31-8-2016; seed 003 §2.1 (5-7-2021).
    assert namen(stuurgroepleden(mlw(), date(2017, 1, 1))) == [
        "Drs. P.P.H. (Paul) Sterk",
        "H.W.M. Geraats",
        "R.A.M. Verheul",
    ]
    today = namen(stuurgroepleden(mlw()))
    assert today == namen(stuurgroepleden(mlw(), date(2021, 7, 5)))
    assert today == [
        "Anka Meeuws",
        "Carla Dieteren",
        "Drs. P.P.H. (Paul) Sterk",
        "Frank van Beeck",
        "Leon Jeurninck",
        "Mart Jansen",
    ]
    oud = stuurgroep_2016()
    assert oud.is_historisch and oud.looptijd == "ingesteld per 1-9-2016, opgeheven vóór 5-7-2021"
    assert samenstelling(oud) == []


def test_the_2021_officials_are_ambtelijk_opdrachtgever(demo):
    leden = samenstelling(Gremium.objects.get(naam=STUURGROEP_2021))
    functie = {lid.persoon.naam: lid.get_rol_display() for lid in leden}
    assert functie == {
        "Drs. P.P.H. (Paul) Sterk": "Lid",
        "Carla Dieteren": "Lid",
        "Mart Jansen": "Lid",
        "Leon Jeurninck": "Ambtelijk opdrachtgever",
        "Anka Meeuws": "Ambtelijk opdrachtgever",
        "Frank van Beeck": "Ambtelijk opdrachtgever",
    }
    # The document's own words for each official.
    persoon = {lid.persoon.naam: lid.persoon.functie for lid in leden}
    assert persoon["Leon Jeurninck"] == "Afdelingshoofd Samenleving gemeente Leudal"
    assert persoon["Anka Meeuws"] == "Beleidsregisseur sociaal gemeente Nederweert"
    assert persoon["Frank van Beeck"].startswith("Teamleider Zorg & Participatie gemeente Weert")


def test_the_2013_structure_of_seed_002(demo):
    regiegroep = Gremium.objects.get(naam="Regiegroep sociale domein ML-West")
    assert regiegroep.get_soort_display() == "Bestuurlijke regiegroep"
    assert "coördinerende wethouders (3), gemeentesecretarissen (3) en 3D-coördinatoren (3)" in (
        regiegroep.doel
    )
    assert "19 augustus 2013" in regiegroep.doel
    oud = Gremium.objects.filter(samenwerkingsverband=mlw(), periode="2013")
    assert oud.count() == 7
    assert {g.opgeheven for g in oud} == {date(2015, 1, 1)}
    assert all(g.is_historisch and "1-1-2015" not in g.doel for g in oud)
    assert regiegroep.looptijd == "tot 1-1-2015"
    halter = {s.naam: s for s in Subregio.objects.filter(samenwerkingsverband=mlw())}
    assert halter["Midden-Limburg West"].inwoners == 102000
    assert halter["Midden-Limburg West"].gemeenten == "Nederweert, Leudal en Weert"
    assert halter["Midden-Limburg Oost"].inwoners == 133000
    assert halter["Midden-Limburg Oost"].gemeenten == (
        "Roermond, Roerdalen, Maasgouw en Echt-Susteren"
    )


def test_the_organogram_of_2013_shows_the_haltermodel_and_the_end_date(demo, stuur_client):
    url = reverse("governance:organogram", args=["MLW"])
    page = stuur_client.get(url, {"periode": "2013"}).content.decode()
    assert "Haltermodel Midden-Limburg (2013)" in page
    assert "Roermond, Roerdalen, Maasgouw en Echt-Susteren" in page
    assert '<td class="num">102.000</td>' in page and '<td class="num">133.000</td>' in page
    assert "Regiegroep sociale domein ML-West</a>: tot 1-1-2015" in page
    assert "College van B&amp;W" not in page


def test_the_decisions_the_documents_report(demo):
    besluiten = Besluit.objects.filter(gremium__samenwerkingsverband=mlw())
    colleges = besluiten.filter(gremium__soort="college", datum=date(2016, 8, 30))
    assert sorted(b.gremium.gemeente.naam for b in colleges) == ["Leudal", "Nederweert", "Weert"]
    weert = colleges.get(gremium__gemeente__naam="Weert")
    assert weert.tekst.startswith(
        "1. Besluiten tot het aangaan van het convenant samenwerking sociaal domein "
        "Midden-Limburg West 2016, inclusief de bijlage."
    )
    assert "volmacht te verlenen ex artikel 171Gw" in weert.tekst
    getekend = besluiten.filter(datum=date(2016, 8, 31))
    assert getekend.count() == 3
    assert any("R.A.M. Verheul" in b.tekst for b in getekend)
    stuurgroep = besluiten.filter(gremium__naam=STUURGROEP_2021)
    assert {b.datum_tekst for b in stuurgroep} == {"vóór 5-7-2021", "datum onbekend"}
    assert stuurgroep.filter(tekst__contains="'Doorkijk samenwerking sociaal domein MLW'").exists()
    assert stuurgroep.filter(tekst__contains="'Samenwerking inkoop sociaal domein MLW'").exists()
    plan = stuurgroep.get(datum__isnull=True)
    assert plan.get_uitkomst_display() == "Uitkomst niet bekend"
    assert "opdrachtenbundel" in plan.tekst and plan.route == "stukken"


def test_decisions_sort_by_date_with_the_unknown_last(demo, stuur_client):
    _, context = besluitenlijst_report(mlw())
    teksten = [b.datum_tekst for b in context["besluiten"]]
    assert teksten[:6] == ["30-8-2016"] * 3 + ["31-8-2016"] * 3
    assert teksten[-1] == "datum onbekend" and "vóór 5-7-2021" in teksten
    page = stuur_client.get(reverse("governance:besluit-list", args=["MLW"])).content.decode()
    assert page.index("vóór 5-7-2021") < page.index("31-8-2016") < page.index("datum onbekend")
    oplopend = stuur_client.get(
        reverse("governance:besluit-list", args=["MLW"]), {"sort": "datum"}
    ).content.decode()
    assert oplopend.index("30-8-2016") < oplopend.index("vóór 5-7-2021")
    assert oplopend.index("vóór 5-7-2021") < oplopend.index("datum onbekend")


def test_the_besluitenlijst_pdf_prints_a_date_as_far_as_it_is_known(demo, stuur_client):
    response = stuur_client.get(
        reverse("governance:besluit-list", args=["MLW"]), {"download": "pdf"}
    )
    text = " ".join(pdf_text(response.content).split())
    assert "vóór 5-7-2021" in text and "datum onbekend" in text
    assert "05-07-2021" not in text
    assert text.index("30-8-2016") < text.index("vóór 5-7-2021") < text.index("datum onbekend")
    assert "Volgens de stukken" in text


@pytest.mark.django_db
def test_a_decision_date_agrees_with_its_precision():
    gremium = GremiumFactory()
    besluit = Besluit(
        gremium=gremium,
        datum=None,
        datum_precisie="dag",
        tekst="x",
        uitkomst="aangenomen",
        route="schriftelijk",
    )
    with pytest.raises(ValidationError, match="kies 'datum onbekend'"):
        besluit.full_clean()
    besluit.datum_precisie = "onbekend"
    besluit.full_clean()
    besluit.route = "stukken"
    with pytest.raises(ValidationError, match="Noem het stuk"):
        besluit.full_clean()


@pytest.mark.django_db
def test_membership_and_gremium_dates_decide_who_is_current():
    gremium = GremiumFactory(ingesteld=date(2020, 1, 1), opgeheven=date(2030, 1, 1))
    a, b = PersoonFactory(naam="A"), PersoonFactory(naam="B")
    LidmaatschapFactory(persoon=a, gremium=gremium, tot=date(2024, 12, 31))
    LidmaatschapFactory(persoon=b, gremium=gremium, vanaf=date(2025, 1, 1), rol="voorzitter")
    assert namen(samenstelling(gremium, date(2024, 12, 31))) == ["A"]
    assert namen(samenstelling(gremium, date(2025, 1, 1))) == ["B"]
    assert samenstelling(gremium, date(2019, 12, 31)) == []
    assert samenstelling(gremium, date(2030, 1, 1)) == []  # the first day it no longer exists
    gremium.opgeheven, gremium.historisch = date(2020, 6, 1), False
    gremium.save()
    assert gremium.historisch  # follows from the date once it has passed
    gremium.opgeheven = date(2019, 1, 1)
    with pytest.raises(ValidationError, match="pas na het instellen opgeheven"):
        gremium.full_clean()


def test_the_gremia_list_filters_historisch_by_the_dates(demo, stuur_client):
    lijst = reverse("governance:gremium-list", args=["MLW"])
    oud = stuur_client.get(lijst, {"historisch": "true"}).content.decode()
    nu = stuur_client.get(lijst, {"historisch": "false"}).content.decode()
    assert "Stuurgroep Sociaal Domein Midden-Limburg West" in oud
    assert "Stuurgroep Sociaal Domein Midden-Limburg West" not in nu
    assert "Stuurgroep (programmaorganisatie 2021)" in nu
    assert "ingesteld per 1-9-2016, opgeheven vóór 5-7-2021" in oud


def test_a_former_gremium_speaks_of_its_members_in_the_past_and_quotes_seed_000(demo, stuur_client):
    # Review of issue 19: "zolang het gremium bestaat" on a gremium that no longer exists, and
    # Bijlage 1 §13's "die als bestuurlijk opdrachtgever zitting hebben in de bestuurlijke
    # stuurgroep" misquoted as "zitten als bestuurlijk opdrachtgever zitting in".
    gremium = stuurgroep_2016()
    page = stuur_client.get(
        reverse("governance:gremium-detail", args=["MLW", gremium.pk])
    ).content.decode()
    assert "zolang het gremium bestond" in page
    assert "zolang het gremium bestaat" not in page
    assert "De wethouders hebben als bestuurlijk opdrachtgever zitting in de bestuurlijke" in (page)


def test_a_gremiums_decision_button_fills_in_the_gremium_and_fits_its_time(demo, regie_client):
    nieuw = reverse("governance:besluit-create", args=["MLW"])
    for gremium, label, route in [
        (Gremium.objects.get(naam=STUURGROEP_2021), "Schriftelijk besluit", "schriftelijk"),
        (stuurgroep_2016(), "Besluit uit de stukken vastleggen", "stukken"),
    ]:
        page = regie_client.get(gremium.get_absolute_url()).content.decode()
        link = f"{nieuw}?gremium={gremium.pk}"
        assert f'href="{link}">{label}</a>' in page
        form = regie_client.get(link).context["form"]
        assert form.initial["gremium"] == gremium and form.initial["route"] == route
        # A former gremium decides nothing today: no date is proposed for it.
        assert ("datum" in form.initial) == (route == "schriftelijk")


@pytest.mark.django_db
def test_a_gremium_date_that_contradicts_its_precision_is_refused_not_rewritten():
    gremium = GremiumFactory.build(
        samenwerkingsverband=GremiumFactory().samenwerkingsverband,
        opgeheven=date(2015, 1, 1),
        opgeheven_precisie="onbekend",
    )
    with pytest.raises(ValidationError) as error:
        gremium.full_clean()
    assert "Bij 'datum onbekend' hoort geen datum" in str(error.value.message_dict["opgeheven"])
    gremium.opgeheven, gremium.opgeheven_precisie = None, "medio"
    with pytest.raises(ValidationError) as error:
        gremium.full_clean()
    assert "Vul een datum in" in str(error.value.message_dict["opgeheven"])
    gremium.opgeheven_precisie = "dag"  # the form's default without a date: not known
    gremium.full_clean()
    assert gremium.opgeheven_precisie == "onbekend"
