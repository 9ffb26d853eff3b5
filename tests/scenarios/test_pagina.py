"""The scenario pages as users see them: a real samenwerkingsverband's list of scenario's with
"Scenario maken", a scenario's own page (toelichting, gemeenten, its own inwonertallen) and
deleting one. Forged posts never write a real figure; another samenwerkingsverband's user
gets 404; the stuurgroep reads.

Until the kernel lets a scenario inherit its real samenwerkingsverband's access (H5), the
suite's users reach a scenario through their own Toegang (``tests/conftest.py`` grants
regie-test and stuur-test every samenwerkingsverband made while they exist), so each test
makes its users before its scenario.
"""

import datetime
import html
import re

import pytest
from django.urls import reverse

from formatie.models import Fase, Rol
from partijen.models import Gemeente, Inwonertal, Samenwerkingsverband
from regiekamer.roles import REGIEGROEP
from scenarios.maak import maak_scenario
from tests.conftest import logged_in
from tests.fuzz import page_data
from tests.partijen.factories import (
    GebruikerFactory,
    GemeenteFactory,
    SamenwerkingsverbandFactory,
    ToegangFactory,
)
from tests.querycount import count_queries

from .helpers import figures, mlw, with_inwonertallen


def text(response) -> str:
    page = html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode()))
    return " ".join(page.split())


def lijst(afkorting="MLW"):
    return reverse("scenarios:scenario-list", args=[afkorting])


def pagina(afkorting="SCN"):
    return reverse("scenarios:scenario-detail", args=[afkorting])


def bewerken(afkorting="SCN"):
    return reverse("scenarios:scenario-update", args=[afkorting])


def real_rows():
    return sorted(
        Inwonertal.objects.values_list("pk", "gemeente_id", "peildatum", "aantal", "bron")
    )


@pytest.fixture
def scenario(demo, regie_user, stuur_user):
    with_inwonertallen(mlw())
    return maak_scenario(mlw(), "SCN", "Midden-Limburg (7 gemeenten)", regie_user, "De vraag.")


@pytest.fixture
def other_user(db):
    """A regiegroep member of another samenwerkingsverband only."""
    other = SamenwerkingsverbandFactory(gemeenten=[GemeenteFactory()])
    user = GebruikerFactory(rollen=[REGIEGROEP])
    ToegangFactory(gebruiker=user, samenwerkingsverbanden=[other])
    return user


def test_the_real_page_leads_to_its_scenarios_and_the_list_shows_them(scenario, regie_client):
    page = text(regie_client.get(mlw().get_absolute_url()))
    assert "Scenario's" in page
    response = regie_client.get(lijst())
    assert response.status_code == 200
    page = text(response)
    assert "Scenario's van" in page and "Midden-Limburg (7 gemeenten)" in page
    assert "Scenario maken" in page and "Verwijderen" in page
    assert pagina() in response.content.decode()


def test_the_stuurgroep_reads_but_makes_and_deletes_nothing(scenario, stuur_user):
    client = logged_in(stuur_user)
    page = text(client.get(lijst()))
    assert "Midden-Limburg (7 gemeenten)" in page and "Scenario maken" not in page
    assert "Verwijderen" not in page
    page = text(client.get(pagina()))
    assert "De vraag." in page and "Bewerken" not in page and "Toevoegen" not in page
    url = reverse("scenarios:scenario-create", args=["MLW"])
    assert client.get(url).status_code == 403
    data = {"naam": "Stiekem", "afkorting": "STK"}
    assert client.post(url, data).status_code == 403
    assert client.post(reverse("scenarios:scenario-delete", args=["SCN"])).status_code == 403
    assert client.post(bewerken(), {"naam": "x"}).status_code == 403
    toevoegen = reverse("scenarios:scenario-gemeente-toevoegen", args=["SCN"])
    assert client.post(toevoegen, {"naam": "Venlo"}).status_code == 403
    assert Samenwerkingsverband.objects.scenarios().count() == 1
    assert not Gemeente.objects.filter(naam="Venlo").exists()


def test_making_a_scenario_in_the_browser(demo, regie_client, regie_user):
    with_inwonertallen(mlw())
    url = reverse("scenarios:scenario-create", args=["MLW"])
    page = text(regie_client.get(url))
    assert "Scenario maken" in page and "verandert niets aan" in page
    response = regie_client.post(
        url, {"naam": "Met Noord-Limburg", "afkorting": "mlnl", "toelichting": "Bron: CBS."}
    )
    assert response.status_code == 302 and response.url == pagina("MLNL")
    made = Samenwerkingsverband.objects.get(afkorting="MLNL")
    assert made.scenario_van == mlw() and made.toelichting == "Bron: CBS."
    assert made.history.filter(history_type="+").get().history_user == regie_user
    page = text(regie_client.get(response.url))
    assert "Scenario Met Noord-Limburg" in page and "Bron: CBS." in page
    assert "geen echte cijfers, niet verrekend" in page
    for gemeente in mlw().gemeenten.all():
        assert gemeente.naam in page
    assert "30.000" in page  # the copied figure, the Dutch way
    assert figures(made) == figures(mlw())


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"naam": "Kopie", "afkorting": "mlw"}, "De afkorting MLW is al in gebruik."),
        ({"naam": "Kopie", "afkorting": "ML 7"}, "alleen uit letters, cijfers"),
        ({"naam": "", "afkorting": "ML7"}, "Geef het scenario een naam."),
        ({"naam": "Kopie", "afkorting": ""}, "Geef het scenario een afkorting."),
    ],
)
def test_a_wrong_scenario_is_refused_in_dutch(demo, regie_client, data, message):
    response = regie_client.post(reverse("scenarios:scenario-create", args=["MLW"]), data)
    assert response.status_code == 200
    page = text(response)
    assert message in page and "Niet gemaakt" in page
    assert not Samenwerkingsverband.objects.scenarios().exists()


def test_a_scenario_has_no_scenarios_and_a_real_one_no_scenario_page(scenario, regie_client):
    # A scenario's scenario's: its own page (nothing is made).
    assert regie_client.get(lijst("SCN")).url == pagina()
    url = reverse("scenarios:scenario-create", args=["SCN"])
    response = regie_client.post(url, {"naam": "x", "afkorting": "X2"}, follow=True)
    assert "heeft zelf geen scenario's" in text(response)
    assert Samenwerkingsverband.objects.scenarios().count() == 1
    # A scenario page's address with the real afkorting leads to the real one's scenario's.
    for url in (pagina("MLW"), bewerken("MLW")):
        response = regie_client.get(url)
        assert response.status_code == 302 and response.url == lijst(), url
    delete = reverse("scenarios:scenario-delete", args=["MLW"])
    response = regie_client.post(delete, follow=True)
    assert "Sociaal Domein Midden-Limburg West is geen scenario" in text(response)
    assert Samenwerkingsverband.objects.filter(afkorting="MLW").exists()
    gemeenten = mlw().gemeenten.count()
    toevoegen = reverse("scenarios:scenario-gemeente-toevoegen", args=["MLW"])
    assert regie_client.post(toevoegen, {"naam": "Venlo"}).status_code == 302
    assert mlw().gemeenten.count() == gemeenten and not Gemeente.objects.filter(naam="Venlo")


def test_another_samenwerkingsverbands_user_finds_nothing(scenario, other_user):
    client = logged_in(other_user)
    urls = [
        lijst(),
        pagina(),
        reverse("scenarios:scenario-create", args=["MLW"]),
        bewerken(),
        reverse("scenarios:scenario-delete", args=["SCN"]),
    ]
    for url in urls:
        assert client.get(url).status_code == 404, url
    for url in urls[2:]:
        assert client.post(url, {"naam": "x", "afkorting": "X3"}).status_code == 404, url
    gemeente = scenario.gemeenten.first()
    for url in [
        reverse("scenarios:scenario-gemeente-toevoegen", args=["SCN"]),
        reverse("scenarios:scenario-gemeente-verwijderen", args=["SCN", gemeente.pk]),
    ]:
        assert client.post(url, {"naam": "Venlo"}).status_code == 404, url
    assert Samenwerkingsverband.objects.filter(pk=scenario.pk).exists()
    assert scenario.gemeenten.count() == mlw().gemeenten.count()


def test_the_scenarios_own_figures_are_edited_and_no_real_one(scenario, regie_client):
    before = real_rows()
    response = regie_client.get(bewerken())
    page = text(response)
    assert (
        "Scenario bewerken" in page and "de echte cijfers van de gemeenten veranderen niet" in page
    )
    data = page_data(response)
    data["toelichting"] = "Nieuwe vraag."
    data["inwonertallen-0-aantal"] = "45.678"
    new = data["inwonertallen-TOTAL_FORMS"]
    gemeente = scenario.gemeenten.order_by("naam").last()
    data |= {
        f"inwonertallen-{new}-gemeente": str(gemeente.pk),
        f"inwonertallen-{new}-peildatum": "2024-01-01",
        f"inwonertallen-{new}-aantal": "51.234",
        f"inwonertallen-{new}-bron": "CBS, Bevolking op 1 januari 2024",
    }
    data["inwonertallen-TOTAL_FORMS"] = str(int(new) + 1)
    response = regie_client.post(bewerken(), data)
    assert response.status_code == 302, text(response)
    assert real_rows() == before
    own = Inwonertal.van(scenario)
    assert own.filter(aantal=45_678).exists()
    added = own.get(aantal=51_234)
    assert added.gemeente == gemeente and added.peildatum == datetime.date(2024, 1, 1)
    assert added.history.get().history_user.username == "regie-test"
    page = text(regie_client.get(pagina()))
    assert (
        "Nieuwe vraag." in page and "51.234" in page and "CBS, Bevolking op 1 januari 2024" in page
    )


def test_a_forged_id_of_a_real_figure_is_refused(scenario, regie_client):
    before = real_rows()
    response = regie_client.get(bewerken())
    data = page_data(response)
    real = Inwonertal.objects.first()
    data["inwonertallen-0-id"] = str(real.pk)
    data["inwonertallen-0-aantal"] = "1"
    response = regie_client.post(bewerken(), data)
    assert response.status_code == 200
    assert "Niet opgeslagen" in text(response)
    assert real_rows() == before
    # Deleting it by its id deletes nothing: the id is not one of the scenario's rows.
    data["inwonertallen-0-aantal"] = str(real.aantal)
    data["inwonertallen-0-DELETE"] = "on"
    assert regie_client.post(bewerken(), data).status_code in (200, 302)
    assert real_rows() == before and Inwonertal.objects.filter(pk=real.pk).exists()


def test_a_forged_gemeente_outside_the_scenario_is_refused(scenario, regie_client):
    outside = GemeenteFactory()
    response = regie_client.get(bewerken())
    data = page_data(response)
    data["inwonertallen-0-gemeente"] = str(outside.pk)
    response = regie_client.post(bewerken(), data)
    assert response.status_code == 200 and "Niet opgeslagen" in text(response)
    assert not Inwonertal.alle.filter(gemeente=outside).exists()


def test_two_figures_of_one_gemeente_on_one_date_are_refused(scenario, regie_client):
    response = regie_client.get(bewerken())
    data = page_data(response)
    new = data["inwonertallen-TOTAL_FORMS"]
    data |= {
        f"inwonertallen-{new}-gemeente": data["inwonertallen-0-gemeente"],
        f"inwonertallen-{new}-peildatum": data["inwonertallen-0-peildatum"],
        f"inwonertallen-{new}-aantal": "12.000",
    }
    data["inwonertallen-TOTAL_FORMS"] = str(int(new) + 1)
    response = regie_client.post(bewerken(), data)
    assert response.status_code == 200
    assert "heeft in dit scenario al een inwonertal op 01-01-2016" in text(response)
    assert not Inwonertal.van(scenario).filter(aantal=12_000).exists()


def test_adding_and_removing_gemeenten(scenario, regie_client):
    before = real_rows()
    real_gemeenten = set(mlw().gemeenten.all())
    url = reverse("scenarios:scenario-gemeente-toevoegen", args=["SCN"])
    response = regie_client.post(url, {"naam": "  Venlo "}, follow=True)
    assert "Nieuwe gemeente Venlo doet mee in het scenario" in text(response)
    venlo = Gemeente.objects.get(naam="Venlo")
    assert venlo in scenario.gemeenten.all() and set(mlw().gemeenten.all()) == real_gemeenten
    assert "Venlo" in text(regie_client.get(pagina()))
    response = regie_client.post(url, {"naam": "venlo"}, follow=True)
    assert "Venlo hoort al bij dit scenario." in text(response)
    assert Gemeente.objects.filter(naam__iexact="venlo").count() == 1
    response = regie_client.post(url, {"naam": ""}, follow=True)
    assert "Geef de naam van de gemeente." in text(response)
    # A figure that holds only in the scenario goes with the gemeente; the gemeente stays.
    Inwonertal.alle.create(
        gemeente=venlo, scenario=scenario, peildatum=datetime.date(2024, 1, 1), aantal=101_000
    )
    remove = reverse("scenarios:scenario-gemeente-verwijderen", args=["SCN", venlo.pk])
    page = text(regie_client.get(remove))
    assert "Venlo uit het scenario halen" in page and "1 inwonertal" in page
    response = regie_client.post(remove, follow=True)
    assert "Venlo doet niet meer mee in het scenario." in text(response)
    assert venlo not in scenario.gemeenten.all() and Gemeente.objects.filter(pk=venlo.pk).exists()
    assert not Inwonertal.alle.filter(gemeente=venlo).exists()
    assert real_rows() == before and set(mlw().gemeenten.all()) == real_gemeenten


def test_a_gemeente_the_scenario_still_uses_stays(scenario, regie_client):
    rol = Rol.objects.filter(samenwerkingsverband=scenario, leverende_gemeente__isnull=False)
    gemeente = rol.first().leverende_gemeente
    remove = reverse("scenarios:scenario-gemeente-verwijderen", args=["SCN", gemeente.pk])
    page = text(regie_client.get(remove))
    assert "kan nog niet uit het scenario" in page and "(leverende gemeente)" in page
    response = regie_client.post(remove, follow=True)
    assert "blijft in het scenario" in text(response)
    assert gemeente in scenario.gemeenten.all()
    outside = GemeenteFactory()
    url = reverse("scenarios:scenario-gemeente-verwijderen", args=["SCN", outside.pk])
    assert regie_client.post(url).status_code == 404


def test_an_existing_gemeente_of_another_samenwerkingsverband_is_not_pulled_in(
    scenario, regie_user
):
    """A regiegroep member of MLW (and its scenario) only may not bring in a gemeente of a
    samenwerkingsverband it takes no part in."""
    own = GebruikerFactory(rollen=[REGIEGROEP])
    ToegangFactory(gebruiker=own, samenwerkingsverbanden=[mlw(), scenario])
    elders = GemeenteFactory(naam="Venray")
    SamenwerkingsverbandFactory(gemeenten=[elders])
    client = logged_in(own)
    url = reverse("scenarios:scenario-gemeente-toevoegen", args=["SCN"])
    response = client.post(url, {"naam": "Venray"}, follow=True)
    assert "Venray neemt deel aan een samenwerkingsverband waarvan u geen lid bent" in text(
        response
    )
    assert elders not in scenario.gemeenten.all()


def test_deleting_a_scenario_takes_everything_of_it_and_nothing_else(scenario, regie_client):
    before = (real_rows(), figures(mlw()), Rol.objects.filter(samenwerkingsverband=mlw()).count())
    url = reverse("scenarios:scenario-delete", args=["SCN"])
    page = text(regie_client.get(url))
    assert "Scenario verwijderen bevestigen" in page and "Alles van het scenario gaat mee" in page
    response = regie_client.post(url, follow=True)
    assert "Verwijderd: Scenario Midden-Limburg (7 gemeenten) (SCN)." in text(response)
    assert response.redirect_chain[-1][0] == lijst()
    assert not Samenwerkingsverband.objects.filter(pk=scenario.pk).exists()
    assert not Inwonertal.alle.filter(scenario_id=scenario.pk).exists()
    assert not Rol.objects.filter(samenwerkingsverband_id=scenario.pk).exists()
    assert not Fase.objects.filter(samenwerkingsverband_id=scenario.pk).exists()
    after = (real_rows(), figures(mlw()), Rol.objects.filter(samenwerkingsverband=mlw()).count())
    assert after == before


def test_the_pages_cost_as_many_queries_with_more_gemeenten_and_scenarios(scenario, regie_client):
    small = [count_queries(regie_client, url) for url in (pagina(), lijst(), bewerken())]
    for index in range(10):
        gemeente = GemeenteFactory()
        scenario.gemeenten.add(gemeente)
        Inwonertal.alle.create(
            gemeente=gemeente, scenario=scenario, peildatum=datetime.date(2024, 1, 1), aantal=9_000
        )
        maak_scenario(mlw(), f"EXTRA{index}", f"Extra {index}")
    large = [count_queries(regie_client, url) for url in (pagina(), lijst(), bewerken())]
    assert large == small
    page = text(regie_client.get(pagina()))
    assert "9.000" in page and "Extra 9" in text(regie_client.get(lijst()))
