"""Decisions through every gemeente (issue 21): seed 001's process planning with its route
through the colleges and councils, and MLW's convenant 2016 through the three colleges."""

import html
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from governance.demo import load_route_record
from governance.models import Behandeling, Besluit, Procesplanning, Voorstel
from governance.route import gesorteerd, routeer, routestand, stap_stand
from partijen.models import Samenwerkingsverband
from regiekamer.demo import read_fixture
from regiekamer.vagedatum import Stand
from scenarios.demo import load_g12_record

pytestmark = pytest.mark.django_db

G12_GEMEENTEN = ["Lingewaard", "Renkum", "Wageningen"]


@pytest.fixture
def g12(demo):
    load_g12_record(read_fixture("g12.json"))
    load_route_record(read_fixture("g12_planning.json"))
    return Samenwerkingsverband.objects.get(afkorting="G12")


def planning_of(sv):
    return Procesplanning.objects.get(samenwerkingsverband=sv)


def text(response) -> str:
    return html.unescape(response.content.decode())


def test_seed_001_planning_kept_as_written_and_sorted_as_the_schema(g12):
    planning = planning_of(g12)
    stappen = gesorteerd(planning.stappen.all())
    assert [(s.fase, s.gepland, s.gepland_vanaf, s.gepland_uiterlijk) for s in stappen] == [
        ("Verkenning", "19 december", date(2014, 12, 19), date(2014, 12, 19)),
        ("Verkenning", "Januari 2015", date(2015, 1, 1), date(2015, 1, 31)),
        ("Verkenning", "22 januari 2015", date(2015, 1, 22), date(2015, 1, 22)),
        ("Uitwerking", "Uiterlijk 30 januari 2015", None, date(2015, 1, 30)),
        ("Uitwerking", "10 februari 2015", date(2015, 2, 10), date(2015, 2, 10)),
        ("Uitwerking", "Februari/uiterlijk 23 maart 2015", date(2015, 2, 1), date(2015, 3, 23)),
        ("Uitwerking", "Uiterlijk 24 maart 2015", None, date(2015, 3, 24)),
        ("Uitwerking", "27 maart 2015", date(2015, 3, 27), date(2015, 3, 27)),
        ("Uitwerking", "Uiterlijk 1 april 2015", None, date(2015, 4, 1)),
        ("Besluit", "7 of 14 april 2015", date(2015, 4, 7), date(2015, 4, 14)),
        ("Besluit", "April/mei 2015", date(2015, 4, 1), date(2015, 5, 31)),
    ]
    # Sorted on the middle of the planned days, the schema's own order: the colleges before
    # the councils (on the earliest day "April/mei" went before "7 of 14 april").
    assert [s.volgorde for s in stappen] == list(range(1, 12))
    assert [s.stap for s in planning.stappen.all()][-2:] == ["Collegebesluit", "Raadsbesluit"]


def test_seed_001_collegebesluit_goes_through_each_college(g12):
    stap = planning_of(g12).stappen.get(stap="Collegebesluit")
    voorstel = stap.voorstel
    rijen = voorstel.behandelingen.order_by("orgaan", "gemeente__naam")
    assert [(b.orgaan, b.gemeente.naam, b.gepland) for b in rijen] == [
        ("college", naam, "7 of 14 april 2015") for naam in G12_GEMEENTEN
    ] + [("raad", naam, "April/mei 2015") for naam in G12_GEMEENTEN]
    # Te laat only after the latest day (14 April), and only without a date.
    assert stap_stand(stap, date(2015, 4, 14)) == Stand.GEPLAND
    assert stap_stand(stap, date(2015, 4, 15)) == Stand.TE_LAAT
    colleges = list(rijen.filter(orgaan="college"))
    for b in colleges[:2]:
        b.datum, b.uitkomst = date(2015, 4, 7), "aangenomen"
        b.save()
    stand = routestand(voorstel, date(2015, 4, 15))
    assert [s.tekst for s in stand] == [
        "2 van 3 colleges besloten, 1 te laat",
        "0 van 3 raden besloten",
    ]
    assert stap_stand(stap, date(2015, 4, 15)) == Stand.TE_LAAT  # Wageningen has not decided
    colleges[2].datum, colleges[2].uitkomst = date(2015, 4, 14), "aangenomen"
    colleges[2].save()
    assert stap_stand(stap, date(2015, 6, 1)) == Stand.GEDAAN
    colleges[2].datum = date(2015, 4, 21)  # a week after the latest planned day
    colleges[2].save()
    assert stap_stand(stap, date(2015, 6, 1)) == Stand.LATER_GEDAAN
    # The Raadsbesluit (April/mei 2015) is late only after 31 May.
    raad = planning_of(g12).stappen.get(stap="Raadsbesluit")
    assert stap_stand(raad, date(2015, 5, 31)) == Stand.GEPLAND
    assert stap_stand(raad, date(2015, 6, 1)) == Stand.TE_LAAT


def test_planning_page_shows_the_steps_as_written_with_te_laat_in_words_and_colour(
    admin_client, g12
):
    planning = planning_of(g12)
    page = text(admin_client.get(planning.get_absolute_url()))
    # Sorted by the earliest day: 19 december (2014) first, the Collegebesluit last.
    assert page.index("19 december") < page.index("22 januari 2015") < page.index("7 of 14 april")
    assert "Februari/uiterlijk 23 maart 2015" in page and "1-2-2015" in page and "23-3-2015" in page
    assert "0 van 3 colleges besloten, 3 te laat" in page
    assert '<span class="stand stand-te-laat">Te laat</span>' in page
    assert "11 van 11 stappen te laat" in page  # the document's dates have all passed
    assert "Verkenning, Uitwerking, Besluit" in page


def test_mlw_convenant_2016_through_the_three_colleges(client, regie_client, demo):
    voorstel = Voorstel.objects.get(titel__startswith="Uitvoeringsconvenant")
    rijen = voorstel.behandelingen.select_related("gemeente", "besluit__gremium")
    assert sorted((b.gemeente.naam, b.datum, b.uitkomst) for b in rijen) == [
        (naam, date(2016, 8, 30), "aangenomen") for naam in ("Leudal", "Nederweert", "Weert")
    ]
    for b in rijen:  # linked to the college's own decision of the documents
        assert b.besluit.gremium.naam == f"College van B&W {b.gemeente.naam}"
        assert b.besluit.datum == date(2016, 8, 30)
    page = text(regie_client.get(voorstel.get_absolute_url()))
    assert "3 van 3 colleges besloten" in page
    assert page.count("30-8-2016") >= 6  # behandeld op and the linked besluit, per gemeente
    assert page.count('<span class="stand stand-gedaan">Gedaan</span>') == 3
    lijst = text(regie_client.get(reverse("governance:voorstel-list", args=["MLW"])))
    assert "3 van 3 colleges besloten" in lijst and "Besloten" in lijst


def test_route_through_every_gemeente_once(demo):
    mlw = Samenwerkingsverband.objects.get(afkorting="MLW")
    voorstel = Voorstel.objects.create(samenwerkingsverband=mlw, titel="Convenant 2027")
    nieuw = routeer(voorstel, ["college", "raad"], {"college": "7 of 14 april 2027"})
    assert len(nieuw) == 2 * mlw.gemeenten.count() == 6
    college = voorstel.behandelingen.filter(orgaan="college").first()
    assert (college.gepland_vanaf, college.gepland_uiterlijk) == (
        date(2027, 4, 7),
        date(2027, 4, 14),
    )
    assert routeer(voorstel, ["college", "raad"]) == []  # a second click adds nothing
    with pytest.raises(ValidationError):
        routeer(
            Voorstel.objects.create(samenwerkingsverband=mlw, titel="X"), ["raad"], {"raad": "ooit"}
        )
    assert not Behandeling.objects.filter(voorstel__titel="X").exists()  # nothing half saved


def test_behandeling_rules(demo):
    voorstel = Voorstel.objects.get(titel__startswith="Uitvoeringsconvenant")
    b = voorstel.behandelingen.first()
    b.uitkomst = ""
    with pytest.raises(ValidationError, match="uitkomst"):
        b.full_clean()
    b.uitkomst, b.datum = "aangenomen", timezone.localdate() + timedelta(days=1)
    with pytest.raises(ValidationError, match="toekomst"):
        b.full_clean()
    b.datum = date(2016, 8, 30)
    b.besluit = Besluit.objects.get(gremium__naam="College van B&W Weert", datum=b.datum)
    if b.gemeente.naam != "Weert":
        with pytest.raises(ValidationError, match="andere gemeente"):
            b.full_clean()
    b.gepland = "april 2016 misschien"
    with pytest.raises(ValidationError, match='Niet begrepen: "misschien"'):
        b.full_clean()


def test_new_voorstel_with_its_route_in_one_go(regie_client, demo):
    url = reverse("governance:voorstel-create", args=["MLW"])
    data = {"titel": "Verlenging 2027", "route_college": "on", "gepland_college": "7 of 14 mei"}
    response = regie_client.post(url, data)
    assert "noemt geen jaar" in text(response)  # nothing saved, the field says why
    assert not Voorstel.objects.filter(titel="Verlenging 2027").exists()
    data |= {"gepland_college": "7 of 14 mei 2027", "route_raad": "on", "gepland_raad": "juni 2027"}
    response = regie_client.post(url, data, follow=True)
    voorstel = Voorstel.objects.get(titel="Verlenging 2027")
    assert "met 6 behandelingen in de gemeenten" in text(response)
    assert (
        voorstel.behandelingen.filter(orgaan="raad", gepland_uiterlijk=date(2027, 6, 30)).count()
        == 3
    )


def test_route_button_and_who_may_press_it(regie_client, stuur_client, demo):
    voorstel = Voorstel.objects.get(titel__startswith="Uitvoeringsconvenant")
    url = reverse("governance:voorstel-route", args=["MLW", voorstel.pk])
    assert stuur_client.post(url, {"orgaan": "raad"}).status_code == 403
    response = regie_client.post(url, {"orgaan": "raad", "gepland": "morgen"}, follow=True)
    assert "Niets opgeslagen" in text(response)
    assert not voorstel.behandelingen.filter(orgaan="raad").exists()
    response = regie_client.post(url, {"orgaan": "raad", "gepland": "Q4 2016"}, follow=True)
    assert "bij de raad van 3 gemeenten (Leudal, Nederweert, Weert)" in text(response)
    response = regie_client.post(url, {"orgaan": "raad"}, follow=True)
    assert "Niets toegevoegd" in text(response)


def test_behandelingen_edited_as_a_formset(regie_client, demo):
    voorstel = Voorstel.objects.get(titel__startswith="Uitvoeringsconvenant")
    routeer(voorstel, ["raad"], {"raad": "Q4 2016"})
    url = reverse("governance:voorstel-update", args=["MLW", voorstel.pk])
    page = regie_client.get(url)
    form = page.context["formsets"]["behandelingen"]
    data = {"titel": voorstel.titel, "omschrijving": voorstel.omschrijving, "bron": voorstel.bron}
    data["versie"] = page.context["form"]["versie"].value()
    data |= {f"behandelingen-{k}": v for k, v in form.management_form.initial.items()}
    rows = list(form.forms)
    for i, f in enumerate(rows):
        for name in f.fields:
            value = f[name].value()
            data[f"behandelingen-{i}-{name}"] = "" if value is None else value
        if f.instance.orgaan == "raad" and f.instance.gemeente.naam == "Weert":
            data[f"behandelingen-{i}-datum"] = "2016-09-01"  # without an outcome: refused
            weert = i
    response = regie_client.post(url, data)
    assert "Vul de uitkomst in" in text(response)
    assert not voorstel.behandelingen.filter(orgaan="raad", datum__isnull=False).exists()
    data[f"behandelingen-{weert}-uitkomst"] = "aangenomen"
    response = regie_client.post(url, data)
    assert response.status_code == 302
    assert voorstel.behandelingen.get(orgaan="raad", gemeente__naam="Weert").datum == date(
        2016, 9, 1
    )
    assert Behandeling.history.filter(voorstel_id=voorstel.pk, history_type="~").exists()


def test_algemeen_and_dagelijks_bestuur_are_kinds_of_gremium(regie_client, demo):
    from governance.models import Gremium
    from governance.organogram import _layout

    mlw = Samenwerkingsverband.objects.get(afkorting="MLW")
    ab = Gremium.objects.create(samenwerkingsverband=mlw, naam="AB GR", soort="algemeen_bestuur")
    db = Gremium.objects.create(samenwerkingsverband=mlw, naam="DB GR", soort="dagelijks_bestuur")
    stuurgroep = Gremium(samenwerkingsverband=mlw, naam="S", soort="stuurgroep", pk=-1)
    pos, _w, _h = _layout([stuurgroep, db, ab])
    assert pos[ab.pk][1] < pos[db.pk][1] < pos[stuurgroep.pk][1]  # AB above DB above the rest
    page = text(regie_client.get(reverse("governance:gremium-list", args=["MLW"])))
    assert "Algemeen bestuur" in page and "Dagelijks bestuur" in page  # the filter and the rows
    url = reverse("governance:gremium-list", args=["MLW"]) + "?soort=dagelijks_bestuur"
    assert "1 resultaat" in text(regie_client.get(url))


def test_the_route_travels_in_the_archive(demo):
    from archief.samenwerking import export_samenwerkingsverband

    archief = export_samenwerkingsverband("MLW")
    modellen = [o["model"] for o in archief["objecten"]]
    assert modellen.count("governance.voorstel") == 1
    assert modellen.count("governance.behandeling") == 3


def test_a_new_planning_gives_its_year_to_a_step_that_names_none(regie_client, demo):
    url = reverse("governance:procesplanning-create", args=["MLW"])
    data = {
        "naam": "Besluitvorming convenant 2028",
        "jaar": "2027",
        "stappen-TOTAL_FORMS": "1",
        "stappen-INITIAL_FORMS": "0",
        "stappen-MIN_NUM_FORMS": "0",
        "stappen-MAX_NUM_FORMS": "1000",
        "stappen-0-volgorde": "1",
        "stappen-0-fase": "Besluit",
        "stappen-0-stap": "Collegebesluit",
        "stappen-0-gepland": "7 of 14 mei",
    }
    response = regie_client.post(url, data | {"stappen-0-gepland": "ergens in mei"})
    assert 'Niet begrepen: "ergens"' in text(response)
    assert not Procesplanning.objects.filter(naam__startswith="Besluitvorming").exists()
    response = regie_client.post(url, data)
    assert response.status_code == 302
    stap = Procesplanning.objects.get(naam__startswith="Besluitvorming").stappen.get()
    assert (stap.gepland, stap.gepland_vanaf, stap.gepland_uiterlijk) == (
        "7 of 14 mei",
        date(2027, 5, 7),
        date(2027, 5, 14),
    )
