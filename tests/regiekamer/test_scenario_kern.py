"""A scenario is seen and edited by exactly who sees and edits its real samenwerkingsverband,
appears in no real list, and every page and PDF of it says "Scenario" (regiekamer.scenario)."""

from datetime import date

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from brieven.models import Raadsinformatiebrief
from formatie.models import Rol
from partijen.models import Gemeente, Inwonertal, Samenwerkingsverband, Toegang
from rapporten.register import make_report
from regiekamer import access
from regiekamer.roles import BEHEERDER, GEMEENTE, REGIEGROEP, STUURGROEP
from scenarios.maak import maak_scenario
from tests.conftest import logged_in
from tests.pdfs import assert_tagged_pdf_ua, layouts, pdf_info, pdf_text, text_overlaps

pytestmark = pytest.mark.django_db

NAAM = "Zeven gemeenten"
BANNER = "Scenario Zeven gemeenten (SCN) van Sociaal Domein Midden-Limburg West"


@pytest.fixture
def wereld(demo, django_user_model):
    mlw = Samenwerkingsverband.objects.get(afkorting="MLW")
    scenario = maak_scenario(mlw, "SCN", NAAM)
    weert = Gemeente.objects.get(naam="Weert")
    roermond = Gemeente.objects.create(naam="Roermond")
    scenario.gemeenten.add(roermond)  # in the scenario only: a what-if
    ander = Samenwerkingsverband.objects.create(
        naam="Ander verband", afkorting="ANDR", juridische_vorm=mlw.juridische_vorm
    )

    def user(username, group, svs=(), gemeente=None, stuurgroep=()):
        account = django_user_model.objects.create_user(username=username)
        account.groups.add(Group.objects.get(name=group))
        toegang = Toegang.objects.create(gebruiker=account, gemeente=gemeente)
        toegang.samenwerkingsverbanden.set(svs)
        toegang.stuurgroep_samenwerkingsverbanden.set(stuurgroep)
        return account

    return {
        "mlw": mlw,
        "scenario": scenario,
        "ander": ander,
        "regiegroep": user("s-regie", REGIEGROEP, [mlw]),
        "stuurgroep": user("s-stuur", STUURGROEP, [mlw]),
        "alleen stuurgroep": user("s-wethouder", REGIEGROEP, [ander], stuurgroep=[mlw]),
        "ambtenaar Weert": user("s-weert", GEMEENTE, gemeente=weert),
        "ambtenaar Roermond": user("s-roermond", GEMEENTE, gemeente=roermond),
        "ander verband": user("s-ander", REGIEGROEP, [ander]),
        "beheerder": user("s-beheer", BEHEERDER),
    }


def test_who_sees_a_scenario_is_who_sees_its_real_samenwerkingsverband(wereld):
    scenario = wereld["scenario"]
    for rol in ("regiegroep", "stuurgroep", "alleen stuurgroep", "ambtenaar Weert", "beheerder"):
        user = wereld[rol]
        assert access.can(user, "view", scenario), rol
        assert scenario not in access.visible_samenwerkingsverbanden(user), rol
        assert scenario in access.visible_samenwerkingsverbanden(user, scenarios=True), rol
        page = logged_in(user).get(scenario.get_absolute_url())
        assert page.status_code == 200, rol
    # A gemeente taken into the scenario only does not make its official a reader, and another
    # samenwerkingsverband's regiegroep never sees it.
    for rol in ("ambtenaar Roermond", "ander verband"):
        assert not access.can(wereld[rol], "view", scenario), rol
        assert logged_in(wereld[rol]).get(scenario.get_absolute_url()).status_code == 404, rol


def test_who_edits_a_scenario_is_who_edits_its_real_samenwerkingsverband(wereld):
    rol = Rol.objects.filter(samenwerkingsverband=wereld["scenario"]).order_by("pk").first()
    url = reverse("formatie:rol-update", args=["SCN", rol.pk])
    assert access.can(wereld["regiegroep"], "change", rol)
    assert logged_in(wereld["regiegroep"]).get(url).status_code == 200
    for naam in ("stuurgroep", "alleen stuurgroep", "ambtenaar Weert"):
        assert not access.can(wereld[naam], "change", rol), naam
        assert logged_in(wereld[naam]).get(url).status_code == 403, naam
    for naam in ("ambtenaar Roermond", "ander verband"):
        response = logged_in(wereld[naam]).post(url, {"naam": "Gekaapt"})
        assert response.status_code == 404, naam
    rol.refresh_from_db()
    assert rol.naam != "Gekaapt"


def test_every_page_of_a_scenario_says_so_also_a_row_found_by_its_number(wereld):
    client = logged_in(wereld["regiegroep"])
    rol = Rol.objects.filter(samenwerkingsverband=wereld["scenario"]).order_by("pk").first()
    scenario_pages = [
        reverse("convenant:samenwerkingsverband-detail", args=["SCN"]),
        reverse("convenant:samenwerkingsverband-update", args=["SCN"]),
        reverse("formatie:bezetting", args=["SCN"]),
        reverse("formatie:rol-update", args=["SCN", rol.pk]),
        reverse("kosten:kostenverdeling", args=["SCN"]),
    ]
    for url in scenario_pages:
        body = client.get(url).content.decode()
        assert BANNER in body, url
        assert "geen echte cijfers" in body, url
    real_pages = [
        reverse("convenant:samenwerkingsverband-detail", args=["MLW"]),
        reverse("formatie:bezetting", args=["MLW"]),
        reverse("kosten:kostenverdeling", args=["MLW"]),
    ]
    for url in real_pages:
        body = client.get(url).content.decode()
        assert "scenario-banner" not in body and NAAM not in body, url


def test_every_page_of_a_scenarios_pdf_says_so_in_its_header(wereld):
    client = logged_in(wereld["regiegroep"])
    response = client.get(reverse("formatie:bezetting", args=["SCN"]), {"download": "pdf"})
    assert response.status_code == 200
    pdf = response.content
    pages = pdf_info(pdf)["pages"]
    assert pdf_text(pdf).count("Scenario Zeven gemeenten (SCN)") >= pages
    real = client.get(reverse("formatie:bezetting", args=["MLW"]), {"download": "pdf"})
    assert "Scenario" not in pdf_text(real.content)


@pytest.mark.parametrize("soort", ["bezetting", "kostenverdeling"])
def test_a_scenarios_report_header_overlaps_nothing(wereld, soort):
    """The header of a scenario's report is longer than a name: it still overlaps nothing, on
    a portrait and a landscape report, and the document stays tagged PDF/UA."""
    scenario = wereld["scenario"]
    scenario.gemeenten.remove(Gemeente.objects.get(naam="Roermond"))  # the key has no share
    with layouts() as documents:
        pdf, filename = make_report(soort, scenario)
    [document] = documents
    assert filename == f"{soort}-SCN.pdf"
    assert_tagged_pdf_ua(pdf)
    assert text_overlaps(document) == []
    assert BANNER in pdf_text(pdf)


def test_no_real_list_offers_a_scenario(wereld):
    client = logged_in(wereld["beheerder"])
    for url in (
        reverse("convenant:samenwerkingsverband-list"),
        reverse("convenant:convenant-list"),
        reverse("gemeenten:gemeente-list"),
        reverse("gebruikers:gebruiker-list"),
        reverse("gebruikers:uitnodigen"),
    ):
        body = client.get(url).content.decode()
        assert NAAM not in body and "SCN" not in body, url
    found = client.get(reverse("convenant:samenwerkingsverband-list"), {"q": "SCN"})
    assert "/samenwerkingsverbanden/SCN/" not in found.content.decode()
    # The member of MLW only (and its scenarios) lands on MLW's dashboard, as before.
    start = logged_in(wereld["stuurgroep"]).get(reverse("gebruikers:start"))
    assert start["Location"] == reverse("dashboard", args=["MLW"])


def test_a_scenario_has_no_dashboard_and_no_letters(wereld, django_user_model):
    client = logged_in(wereld["regiegroep"])
    page = client.get(reverse("convenant:samenwerkingsverband-detail", args=["SCN"]))
    body = page.content.decode()
    assert reverse("dashboard", args=["SCN"]) not in body
    assert reverse("brieven:brief-list", args=["SCN"]) not in body
    assert "Een verkenning van" in body
    response = client.get(reverse("dashboard", args=["SCN"]), follow=True)
    assert "Een scenario heeft geen dashboard" in response.content.decode()
    response = client.get(reverse("brieven:brief-list", args=["SCN"]), follow=True)
    assert "Een scenario krijgt geen raadsinformatiebrieven" in response.content.decode()
    weert = Gemeente.objects.get(naam="Weert")
    create = reverse("brieven:brief-create", args=["SCN"])
    response = client.post(create, {"gemeente": weert.pk, "onderwerp": "Kosten", "tekst": "x"})
    assert response.status_code == 302
    assert not Raadsinformatiebrief.objects.filter(samenwerkingsverband=wereld["scenario"]).exists()


def test_the_admin_marks_scenarios(wereld):
    client = logged_in(wereld["beheerder"])
    url = reverse("admin:partijen_samenwerkingsverband_changelist")
    body = client.get(url).content.decode()
    assert "Scenario van" in body
    assert f"Scenario {NAAM}" in body
    only = client.get(url, {"scenario": "ja"}).content.decode()
    assert f"Scenario {NAAM}" in only and "Ander verband" not in only
    real = client.get(url, {"scenario": "nee"}).content.decode()
    assert NAAM not in real and "Ander verband" in real


def test_a_scenario_gives_no_say_over_a_gemeentes_own_data(wereld):
    """Taking a gemeente into a scenario is a what-if: it makes the regiegroep no owner of the
    gemeente's name, address or real inwonertallen; a gemeente of MLW stays theirs."""
    regiegroep = wereld["regiegroep"]
    roermond = Gemeente.objects.get(naam="Roermond")
    assert access.can_view(regiegroep, roermond)
    assert not access.may_rename_gemeente(regiegroep, roermond)
    assert not access.may_edit_gemeente(regiegroep, roermond)
    weert = Gemeente.objects.get(naam="Weert")
    assert access.may_edit_gemeente(regiegroep, weert)
    assert access.may_attach_gemeente(regiegroep, roermond)


def test_a_scenarios_page_shows_its_own_inwonertallen(wereld):
    scenario = wereld["scenario"]
    weert = Gemeente.objects.get(naam="Weert")
    Inwonertal.alle.create(
        gemeente=weert, peildatum=date(2030, 1, 1), aantal=123_457, scenario=scenario, bron="test"
    )
    page = logged_in(wereld["regiegroep"]).get(scenario.get_absolute_url()).content.decode()
    assert "Inwonertal (in dit scenario)" in page and ">123.457<" in page
    real = logged_in(wereld["regiegroep"]).get(wereld["mlw"].get_absolute_url()).content.decode()
    assert "123.457" not in real and "123457" not in real


def test_the_admin_never_turns_a_real_one_into_a_scenario(wereld):
    client = logged_in(wereld["beheerder"])
    url = reverse("admin:partijen_samenwerkingsverband_change", args=[wereld["ander"].pk])
    page = client.get(url).content.decode()
    assert 'name="scenario_van"' not in page


def test_the_admins_user_page_gives_places_in_real_ones_only(wereld):
    client = logged_in(wereld["beheerder"])
    url = reverse("admin:auth_user_change", args=[wereld["stuurgroep"].pk])
    page = client.get(url).content.decode()
    assert "Ander verband" in page and NAAM not in page
