"""Pakketten in the browser (issue 20): the list with each pakket's deelnemers per year in
words, making and editing a pakket with its deelnemers, deleting one, the rol's pakket, and the
bezettingsoverzicht naming a rol's pakket. Who may do what: the regiegroep edits, the
stuurgroep reads, another samenwerkingsverband's user meets 404, a forged POST is refused."""

import html
import re

import pytest
from django.urls import reverse

from formatie.models import Pakket, Pakketdeelname, Rol
from formatie.tables import deelnemers_tekst
from partijen.models import Gemeente
from regiekamer.roles import REGIEGROEP
from tests.conftest import logged_in
from tests.partijen.factories import (
    GebruikerFactory,
    GemeenteFactory,
    SamenwerkingsverbandFactory,
    ToegangFactory,
)
from tests.pdfs import pdf_text, text_beyond_page
from tests.programma.helpers import page_data

from .factories import PakketdeelnameFactory, PakketFactory, RolFactory
from .rollen import formatie_world

pytestmark = pytest.mark.django_db


def url(name: str, *args) -> str:
    return reverse(f"formatie:{name}", args=["Q", *args])


def text(response) -> str:
    """The page as a user reads it: no tags, entities resolved, spaces collapsed."""
    body = re.sub(r"<[^>]+>", " ", response.content.decode())
    return " ".join(html.unescape(body).split())


@pytest.fixture
def world(regie_user, stuur_user):
    w = formatie_world()
    aalburg, bergen, cuijk = w.gemeenten
    w.taak = PakketFactory(samenwerkingsverband=w.sv, naam="Taak a: inkoop", basis=True)
    w.veilig = PakketFactory(samenwerkingsverband=w.sv, naam="Veilig Thuis")
    PakketdeelnameFactory(pakket=w.veilig, gemeente=aalburg, vanaf_jaar=2020, tot_en_met_jaar=2021)
    PakketdeelnameFactory(pakket=w.veilig, gemeente=bergen, vanaf_jaar=2021)
    w.wsp = PakketFactory(
        samenwerkingsverband=w.sv, naam="Werkgeversservicepunt", verdeling="inwoners"
    )
    w.rol = RolFactory(samenwerkingsverband=w.sv, naam="Coördinator Veilig Thuis", pakket=w.veilig)
    w.other = SamenwerkingsverbandFactory(afkorting="ANDR", naam="Ander verband")
    w.vreemd = GemeenteFactory(naam="Roermond")
    w.other.gemeenten.add(w.vreemd)
    w.other_pakket = PakketFactory(samenwerkingsverband=w.other, naam="Pakket van een ander")
    return w


def outsider():
    """The regiegroep of another samenwerkingsverband only."""
    user = GebruikerFactory(username="regie-ander", rollen=[REGIEGROEP])
    ToegangFactory(
        gebruiker=user,
        samenwerkingsverbanden=[SamenwerkingsverbandFactory(afkorting="ELDERS")],
    )
    return logged_in(user)


def new_pakket_data(client, **fields) -> dict:
    data = page_data(client.get(url("pakket-create")))
    data |= {"naam": "Beschermd wonen", "soort": "plus", "verdeling": "gelijk"}
    return data | fields


def deelnemer(data: dict, i: int, gemeente, vanaf="", tot="") -> dict:
    data[f"deelnemers-{i}-gemeente"] = str(gemeente.pk)
    data[f"deelnemers-{i}-vanaf_jaar"] = str(vanaf)
    data[f"deelnemers-{i}-tot_en_met_jaar"] = str(tot)
    data["deelnemers-TOTAL_FORMS"] = str(max(int(data["deelnemers-TOTAL_FORMS"]), i + 1))
    return data


# --- what a user sees -----------------------------------------------------------------------


def test_the_list_says_who_takes_each_pakket_year_by_year(world, stuur_client):
    page = text(stuur_client.get(url("pakket-list")))
    assert "Pakketten" in page and "3 resultaten" in page
    assert "Taak a: inkoop Basispakket De verdeelsleutel Alle gemeenten, volgens de" in page
    assert (
        "Veilig Thuis Pluspakket In gelijke delen "
        "2020: Aalburg; 2021: Aalburg en Bergen; vanaf 2022: Bergen 1"
    ) in page
    assert (
        "Werkgeversservicepunt Pluspakket Naar inwonertal van de deelnemers Alle gemeenten 0"
        in (page)
    )
    assert "Pakket van een ander" not in page
    # The stuurgroep reads: no button to make one, no links to edit.
    body = stuur_client.get(url("pakket-list")).content.decode()
    assert "Nieuw pakket" not in body
    assert url("pakket-update", world.veilig.pk) not in body


def test_the_regiegroep_finds_the_pakketten_from_the_formatie_page(world, regie_client):
    body = regie_client.get(url("bezetting")).content.decode()
    assert f'href="{url("pakket-list")}">Pakketten</a>' in body
    body = regie_client.get(url("pakket-list")).content.decode()
    assert f'class="button" href="{url("pakket-create")}">Nieuw pakket</a>' in body
    assert f'<a href="{url("pakket-update", world.veilig.pk)}">Veilig Thuis</a>' in body


def test_the_regiegroep_makes_a_pluspakket_with_its_deelnemers(world, regie_client):
    aalburg, bergen, cuijk = world.gemeenten
    data = new_pakket_data(regie_client, peildatum="2020-01-01", verdeling="inwoners")
    deelnemer(data, 0, aalburg, 2020)
    deelnemer(data, 1, cuijk, 2020, 2022)
    response = regie_client.post(url("pakket-create"), data, follow=True)
    assert "Aangemaakt." in text(response)
    assert (
        "Beschermd wonen Pluspakket Naar inwonertal van de deelnemers (peildatum 01-01-2020)"
        in (text(response))
    )
    assert "2020–2022: Aalburg en Cuijk; vanaf 2023: Aalburg" in text(response)
    pakket = Pakket.objects.get(naam="Beschermd wonen")
    assert pakket.samenwerkingsverband == world.sv
    assert sorted(d.gemeente.naam for d in pakket.deelnames.all()) == ["Aalburg", "Cuijk"]
    history = Pakketdeelname.history.filter(pakket_id=pakket.pk)
    assert {h.history_user.username for h in history} == {"regie-test"}

    # Editing: Cuijk leaves after 2021; the page keeps the history.
    edit = regie_client.get(url("pakket-update", pakket.pk))
    assert "Nieuw pakket" not in text(edit) and "Pakket bewerken" in text(edit)
    data = page_data(edit)
    row = next(k for k, v in data.items() if k.endswith("-gemeente") and v == str(cuijk.pk))
    data[row.replace("-gemeente", "-tot_en_met_jaar")] = "2021"
    response = regie_client.post(url("pakket-update", pakket.pk), data, follow=True)
    assert "2020–2021: Aalburg en Cuijk; vanaf 2022: Aalburg" in text(response)
    assert "Geschiedenis" in text(regie_client.get(url("pakket-update", pakket.pk)))


@pytest.mark.parametrize(
    "fields, rows, message",
    [
        (
            {},
            [(0, 2020, 2022), (0, 2022, "")],
            "Aalburg staat twee keer in dezelfde jaren (2020–2022 en vanaf 2022): de perioden "
            "overlappen.",
        ),
        ({}, [(0, 2023, 2021)], "Het eindjaar ligt vóór het beginjaar."),
        (
            {"soort": "basis", "verdeling": ""},
            [(0, "", "")],
            "Een basispakket neemt iedere gemeente af, volgens de verdeelsleutel: laat de "
            "deelnemers leeg, of kies soort pluspakket.",
        ),
        (
            {"verdeling": "een"},
            [(0, 2020, ""), (1, 2021, 2021)],
            "Bij 'geheel voor één gemeente' neemt per jaar één gemeente deel; Aalburg (vanaf "
            "2020) en Bergen (2021) vallen samen.",
        ),
        (
            {"verdeling": "een"},
            [],
            "Bij 'geheel voor één gemeente' noemt u die gemeente als deelnemer.",
        ),
        ({"verdeling": ""}, [], "Kies hoe de kosten worden verdeeld."),
        ({"naam": "veilig thuis"}, [], "Er is al een pakket met deze naam."),
        (
            {"soort": "basis", "verdeling": "gelijk"},
            [],
            "Het basispakket volgt de verdeelsleutel: laat dit leeg.",
        ),
    ],
)
def test_what_cannot_be_a_pakket_is_refused_in_dutch(world, regie_client, fields, rows, message):
    data = new_pakket_data(regie_client, **fields)
    for i, (gemeente, vanaf, tot) in enumerate(rows):
        deelnemer(data, i, world.gemeenten[gemeente], vanaf, tot)
    response = regie_client.post(url("pakket-create"), data)
    assert response.status_code == 200
    page = text(response)
    assert "Niet opgeslagen: verbeter de gemarkeerde velden." in page
    assert message in page
    assert not Pakket.objects.filter(naam="Beschermd wonen").exists()


def test_a_pakket_with_rollen_is_not_deleted_and_says_why(world, regie_client):
    page = text(regie_client.get(url("pakket-delete", world.veilig.pk)))
    zin = "Veilig Thuis kan niet worden verwijderd: de rol Coördinator Veilig Thuis hoort erbij"
    assert zin in page
    assert "Ja, verwijderen" not in page
    response = regie_client.post(url("pakket-delete", world.veilig.pk), follow=True)
    assert "Veilig Thuis is niet verwijderd: de rol Coördinator Veilig Thuis hoort erbij." in (
        text(response)
    )
    assert Pakket.objects.filter(pk=world.veilig.pk).exists()

    world.rol.pakket = None
    world.rol.save()
    assert "Ja, verwijderen" in text(regie_client.get(url("pakket-delete", world.veilig.pk)))
    response = regie_client.post(url("pakket-delete", world.veilig.pk), follow=True)
    assert "Verwijderd: Veilig Thuis." in text(response)
    assert not Pakketdeelname.objects.filter(pakket_id=world.veilig.pk).exists()
    assert Pakket.history.filter(id=world.veilig.pk, history_type="-").exists()


# --- who may -----------------------------------------------------------------------------------


def test_the_stuurgroep_reads_and_may_not_write(world, stuur_client, regie_client):
    data = new_pakket_data(regie_client)
    assert stuur_client.get(url("pakket-create")).status_code == 403
    assert stuur_client.get(url("pakket-update", world.veilig.pk)).status_code == 403
    assert stuur_client.post(url("pakket-create"), data).status_code == 403
    assert stuur_client.post(url("pakket-delete", world.wsp.pk)).status_code == 403
    assert Pakket.objects.filter(samenwerkingsverband=world.sv).count() == 3


def test_another_samenwerkingsverbands_user_meets_404(world, regie_client):
    data = new_pakket_data(regie_client)
    client = outsider()
    for name, args in [
        ("pakket-list", []),
        ("pakket-create", []),
        ("pakket-update", [world.veilig.pk]),
        ("pakket-delete", [world.wsp.pk]),
    ]:
        assert client.get(url(name, *args)).status_code == 404
        if name != "pakket-list":
            assert client.post(url(name, *args), data).status_code == 404
    # A pakket of Q behind the address of another samenwerkingsverband: not found.
    other = reverse("formatie:pakket-update", args=["ANDR", world.veilig.pk])
    assert regie_client.get(other).status_code == 404
    assert Pakket.objects.filter(samenwerkingsverband=world.sv).count() == 3


def test_a_forged_gemeente_of_another_samenwerkingsverband_is_refused(world, regie_client):
    data = deelnemer(new_pakket_data(regie_client), 0, world.vreemd, 2020)
    response = regie_client.post(url("pakket-create"), data)
    assert "Selecteer een geldige keuze" in text(response)
    assert not Pakket.objects.filter(naam="Beschermd wonen").exists()
    # Nor on an existing pakket.
    data = page_data(regie_client.get(url("pakket-update", world.veilig.pk)))
    data["deelnemers-0-gemeente"] = str(world.vreemd.pk)
    response = regie_client.post(url("pakket-update", world.veilig.pk), data)
    assert "Selecteer een geldige keuze" in text(response)
    assert not Pakketdeelname.objects.filter(gemeente=world.vreemd).exists()


# --- the rol's pakket and the bezettingsoverzicht ----------------------------------------------


def test_the_rol_form_offers_only_this_samenwerkingsverbands_pakketten(world, regie_client):
    body = regie_client.get(url("rol-create")).content.decode()
    assert "Basispakket (verdeelsleutel, alle gemeenten)" in body
    assert "Veilig Thuis" in body and "Pakket van een ander" not in body
    data = page_data(regie_client.get(url("rol-update", world.rol.pk)))
    data["pakket"] = str(world.other_pakket.pk)
    response = regie_client.post(url("rol-update", world.rol.pk), data)
    assert "Selecteer een geldige keuze" in text(response)
    data["pakket"] = str(world.wsp.pk)
    regie_client.post(url("rol-update", world.rol.pk), data)
    assert Rol.objects.get(pk=world.rol.pk).pakket == world.wsp
    data = page_data(regie_client.get(url("rol-update", world.rol.pk)))
    data["pakket"] = ""
    regie_client.post(url("rol-update", world.rol.pk), data)
    assert Rol.objects.get(pk=world.rol.pk).pakket is None


def test_without_pakketten_the_rol_form_and_the_overview_stay_as_they_were(regie_client):
    w = formatie_world()
    RolFactory(samenwerkingsverband=w.sv, naam="Contractmanager")
    assert 'name="pakket"' not in regie_client.get(url("rol-create")).content.decode()
    assert "Nog geen pakketten: iedere rol hoort bij het basispakket" in text(
        regie_client.get(url("pakket-list"))
    )
    page = text(regie_client.get(url("bezetting")))
    assert "Contractmanager" in page and "Pakket" not in page.replace("Pakketten", "")


def test_the_overview_names_each_rols_pakket(world, regie_client):
    RolFactory(samenwerkingsverband=world.sv, naam="Contractmanager")
    body = regie_client.get(url("bezetting")).content.decode()
    assert '<th scope="col">Pakket</th>' in body
    page = text(regie_client.get(url("bezetting")))
    assert re.search(r"Coördinator Veilig Thuis .*? — Veilig Thuis", page)
    assert re.search(r"Contractmanager .*? — Basispakket", page)


def test_the_overviews_pdf_names_each_rols_pakket(world, stuur_client):
    RolFactory(samenwerkingsverband=world.sv, naam="Contractmanager")
    response = stuur_client.get(url("bezetting") + "?download=pdf")
    assert response["Content-Type"] == "application/pdf"
    printed = " ".join(pdf_text(response.content).split())
    assert "Pakket" in printed and "Coördinator Veilig Thuis" in printed
    assert "Veilig Thuis" in printed.replace("Coördinator Veilig Thuis", "")
    assert "Basispakket" in printed
    assert text_beyond_page(response.content) == []


@pytest.mark.parametrize(
    "rows, words",
    [
        ([], "Alle gemeenten"),
        ([("Weert", None, None), ("Leudal", None, None)], "Leudal en Weert"),
        ([("Leudal", 2017, 2018), ("Leudal", 2019, None)], "vanaf 2017: Leudal"),
        (
            [("Weert", None, 2017), ("Leudal", 2019, None)],
            "tot en met 2017: Weert; 2018: geen deelnemers; vanaf 2019: Leudal",
        ),
        (
            [("Weert", 2016, 2016), ("Leudal", 2016, 2018), ("Nederweert", 2018, 2018)],
            "2016: Leudal en Weert; 2017: Leudal; 2018: Leudal en Nederweert; "
            "vanaf 2019: geen deelnemers",
        ),
    ],
)
def test_deelnemers_in_words(rows, words):
    pakket = Pakket(naam="Module", soort="plus", verdeling="gelijk")
    deelnames = [
        Pakketdeelname(pakket=pakket, gemeente=Gemeente(naam=naam), vanaf_jaar=v, tot_en_met_jaar=t)
        for naam, v, t in rows
    ]
    assert deelnemers_tekst(pakket, deelnames) == words
    assert deelnemers_tekst(Pakket(naam="Taak a", soort="basis"), []) == (
        "Alle gemeenten, volgens de verdeelsleutel"
    )
