"""Review of issue 21's route pages as the officials use them: the day a college or council
decided is typed the Dutch way (30-8-2016), as on the begroting pages, not in a browser date
picker that shows mm/dd/yyyy in an English browser and garbles 30-8-2016."""

import html
from datetime import date

import pytest
from django.urls import reverse

from governance.forms_route import ProcesstapForm
from governance.models import Voorstel
from governance.route import routeer
from partijen.models import Samenwerkingsverband

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return html.unescape(response.content.decode())


def formset_data(page, voorstel):
    form = page.context["formsets"]["behandelingen"]
    data = {"titel": voorstel.titel, "omschrijving": voorstel.omschrijving, "bron": voorstel.bron}
    data["versie"] = page.context["form"]["versie"].value()
    data |= {f"behandelingen-{k}": v for k, v in form.management_form.initial.items()}
    rijen = {}
    for i, f in enumerate(form.forms):
        for name in f.fields:
            value = f[name].value()
            data[f"behandelingen-{i}-{name}"] = "" if value is None else value
        rijen[(f.instance.orgaan, f.instance.gemeente.naam)] = i
    return data, rijen


def test_the_day_of_a_behandeling_is_typed_and_shown_the_dutch_way(regie_client, demo):
    voorstel = Voorstel.objects.get(titel__startswith="Uitvoeringsconvenant")
    routeer(voorstel, ["raad"], {"raad": "Q4 2016"})
    url = reverse("governance:voorstel-update", args=["MLW", voorstel.pk])
    page = regie_client.get(url)
    body = text(page)
    # The colleges' day of 30-8-2016 in a text box as dd-mm-jjjj, not a date picker.
    assert 'value="30-08-2016"' in body
    assert 'type="date"' not in body
    assert 'placeholder="dd-mm-jjjj"' in body

    data, rijen = formset_data(page, voorstel)
    weert = rijen[("raad", "Weert")]
    data[f"behandelingen-{weert}-datum"] = "31-9-2016"  # no such day
    data[f"behandelingen-{weert}-uitkomst"] = "aangenomen"
    response = regie_client.post(url, data)
    assert "31-9-2016 bestaat niet: kijk de dag en de maand na." in text(response)
    assert not voorstel.behandelingen.filter(orgaan="raad", datum__isnull=False).exists()

    data[f"behandelingen-{weert}-datum"] = "1-9-2016"
    response = regie_client.post(url, data)
    assert response.status_code == 302
    assert voorstel.behandelingen.get(orgaan="raad", gemeente__naam="Weert").datum == date(
        2016, 9, 1
    )
    leudal = voorstel.behandelingen.get(orgaan="college", gemeente__naam="Leudal")
    assert leudal.datum == date(2016, 8, 30)  # the untouched rows keep their day


def test_the_day_a_step_was_done_is_typed_the_dutch_way(demo):
    mlw = Samenwerkingsverband.objects.get(afkorting="MLW")
    form = ProcesstapForm(
        data={"volgorde": "1", "fase": "Besluit", "stap": "Collegebesluit", "datum": "30-8-2016"},
        samenwerkingsverband=mlw,
    )
    assert 'type="date"' not in str(form["datum"])
    form.is_valid()
    assert form.cleaned_data["datum"] == date(2016, 8, 30)


def test_organogram_lists_algemeen_and_dagelijks_bestuur_first_as_it_draws_them(regie_client, demo):
    from governance.models import Gremium

    mlw = Samenwerkingsverband.objects.get(afkorting="MLW")
    for naam, soort in [("DB GR", "dagelijks_bestuur"), ("AB GR", "algemeen_bestuur")]:
        Gremium.objects.create(samenwerkingsverband=mlw, naam=naam, soort=soort, periode="2021")
    url = reverse("governance:organogram", args=["MLW"]) + "?periode=2021"
    lijst = text(regie_client.get(url)).split("Gremia en hun data")[1]
    assert lijst.index("AB GR") < lijst.index("DB GR") < lijst.index("Stuurgroep")


def test_g12_planning_holds_each_step_and_date_as_seed_001_writes_them():
    """Every step, planning and where of fixtures/g12_planning.json stands in seed 001's schema
    word for word (whitespace aside), so the demo quotes the notitie and invents nothing."""
    from pathlib import Path

    from regiekamer.demo import read_fixture

    seeds = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
    notitie = next(seeds.glob("001_*.txt")).read_text(encoding="utf-8")
    schema = " ".join(
        notitie[notitie.index("Fasen\tStappen") : notitie.index("2. Het WAAROM")].split()
    )
    stappen = read_fixture("g12_planning.json")["planningen"][0]["stappen"]
    assert len(stappen) == 11
    for s in stappen:
        for veld in ("fase", "stap", "gepland", "waar"):
            assert " ".join(s[veld].split()) in schema, (veld, s[veld])


def test_a_new_year_of_the_planning_moves_the_steps_that_name_none(regie_client, demo):
    from governance.models import Procesplanning

    url = reverse("governance:procesplanning-create", args=["MLW"])
    data = {
        "naam": "Besluitvorming convenant 2028",
        "jaar": "2027",
        "stappen-TOTAL_FORMS": "2",
        "stappen-INITIAL_FORMS": "0",
        "stappen-MIN_NUM_FORMS": "0",
        "stappen-MAX_NUM_FORMS": "1000",
        "stappen-0-volgorde": "1",
        "stappen-0-fase": "Besluit",
        "stappen-0-stap": "Collegebesluit",
        "stappen-0-gepland": "eind mei",
        "stappen-1-volgorde": "2",
        "stappen-1-fase": "Besluit",
        "stappen-1-stap": "Raadsbesluit",
        "stappen-1-gepland": "juni 2027",
    }
    assert regie_client.post(url, data).status_code == 302
    planning = Procesplanning.objects.get(naam="Besluitvorming convenant 2028")
    edit = reverse("governance:procesplanning-update", args=["MLW", planning.pk])
    page = regie_client.get(edit)
    form = page.context["formsets"]["stappen"]
    data = {"naam": planning.naam, "jaar": "2028", "versie": page.context["form"]["versie"].value()}
    data |= {f"stappen-{k}": v for k, v in form.management_form.initial.items()}
    for i, f in enumerate(form.forms):
        for name in f.fields:
            value = f[name].value()
            data[f"stappen-{i}-{name}"] = "" if value is None else value
    assert regie_client.post(edit, data).status_code == 302
    stappen = {s.stap: s for s in planning.stappen.all()}
    # Only the year changed, the rows were left as they were: "eind mei" is now May 2028.
    eind_mei = stappen["Collegebesluit"]
    assert (eind_mei.gepland_vanaf, eind_mei.gepland_uiterlijk) == (
        date(2028, 5, 21),
        date(2028, 5, 31),
    )
    assert stappen["Raadsbesluit"].gepland_uiterlijk == date(2027, 6, 30)  # names its year


def test_deleting_a_voorstel_says_what_goes_with_it(g12_client):
    client, g12 = g12_client
    voorstel = Voorstel.objects.get(samenwerkingsverband=g12, titel__startswith="Regionaal")
    page = text(client.get(reverse("governance:voorstel-delete", args=["G12", voorstel.pk])))
    assert (
        "Met het voorstel verdwijnen ook 6 behandelingen in de gemeenten (3 colleges, 3 raden)."
        in page
    )
    assert (
        "2 stappen van de procesplanning 'Processtappen toekomstige samenwerkingsstructuur "
        "Sociaal Domein G12' blijven staan, maar volgen dan geen route langs de gemeenten meer."
    ) in page
    planning = g12.procesplanningen.get()
    page = text(client.get(reverse("governance:procesplanning-delete", args=["G12", planning.pk])))
    assert "Met de planning verdwijnen ook haar 11 stappen" in page


@pytest.fixture
def g12_client(admin_client, demo):
    from governance.demo import load_route_record
    from regiekamer.demo import read_fixture
    from scenarios.demo import load_g12_record

    load_g12_record(read_fixture("g12.json"))
    load_route_record(read_fixture("g12_planning.json"))
    return admin_client, Samenwerkingsverband.objects.get(afkorting="G12")


def test_the_planning_form_tells_how_to_write_a_step_of_another_year(regie_client, demo):
    # The step's own year is no field of the form: the text must say to write it in.
    page = text(regie_client.get(reverse("governance:procesplanning-create", args=["MLW"])))
    assert "schrijf het jaar erbij ('19 december 2014')" in page
    assert "(of van de stap)" not in page
