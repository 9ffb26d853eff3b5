"""Issue 21 as an attacker sees it, part route: voorstellen, behandelingen and process plannings
reached with forged posts and ids (gemeenten, besluiten, gremia, voorstellen of another
samenwerkingsverband), by another samenwerkingsverband's regiegroep, the stuurgroep and a
gemeente official; the route post replayed; formset management forms tampered with; the admin's
inlines; and pathological planned dates for the kernel's ``vagedatum``."""

import re
import time
from datetime import date

import pytest
from django.urls import reverse

from governance.models import Behandeling, Besluit, Gremium, Procesplanning, Processtap, Voorstel
from partijen.models import Gemeente, Samenwerkingsverband
from regiekamer import vagedatum
from regiekamer.roles import BEHEERDER, GEMEENTE, REGIEGROEP, STUURGROEP
from scenarios.maak import maak_scenario
from tests.conftest import logged_in
from tests.fuzz import page_data, snapshot
from tests.partijen.factories import GebruikerFactory, ToegangFactory
from tests.regiekamer.test_access_matrix import PostedForm

pytestmark = pytest.mark.django_db


@pytest.fixture
def wereld(demo):
    """MLW with its convenant voorstel (three colleges) and a process planning; another
    samenwerkingsverband with its own gemeente, gremium, besluit, voorstel and planning; one
    user of every kind."""
    mlw = Samenwerkingsverband.objects.get(afkorting="MLW")
    weert = Gemeente.objects.get(naam="Weert")
    voorstel = Voorstel.objects.get(samenwerkingsverband=mlw)
    planning = Procesplanning.objects.create(samenwerkingsverband=mlw, naam="Plan", jaar=2015)
    stap = Processtap.objects.create(
        planning=planning, volgorde=1, fase="Besluit", stap="Collegebesluit", gepland="april"
    )
    ander = Samenwerkingsverband.objects.create(
        naam="Ander verband", afkorting="ANDR", juridische_vorm=mlw.juridische_vorm
    )
    roermond = Gemeente.objects.create(naam="Roermond")
    ander.gemeenten.add(roermond)
    gremium = Gremium.objects.create(samenwerkingsverband=ander, naam="Ander AB", soort="overig")
    besluit = Besluit.objects.create(
        gremium=gremium, datum=date(2016, 1, 5), tekst="Geheim besluit", uitkomst="aangenomen"
    )
    vreemd = Voorstel.objects.create(samenwerkingsverband=ander, titel="Vreemd voorstel")
    vreemde_behandeling = Behandeling.objects.create(
        voorstel=vreemd, gemeente=roermond, orgaan="college", gepland="april 2015"
    )
    vreemde_planning = Procesplanning.objects.create(
        samenwerkingsverband=ander, naam="Vreemde planning", jaar=2015
    )

    def user(username, group, svs=(), gemeente=None):
        account = GebruikerFactory(username=username, rollen=[group])
        ToegangFactory(gebruiker=account, samenwerkingsverbanden=list(svs), gemeente=gemeente)
        return account

    users = {
        "regiegroep": user("r-regie", REGIEGROEP, [mlw]),
        "stuurgroep": user("r-stuur", STUURGROEP, [mlw]),
        "ambtenaar Weert": user("r-weert", GEMEENTE, gemeente=weert),
        "regiegroep ander": user("r-regie-ander", REGIEGROEP, [ander]),
        "beheerder": user("r-beheer", BEHEERDER),
    }
    return {
        "mlw": mlw,
        "weert": weert,
        "voorstel": voorstel,
        "planning": planning,
        "stap": stap,
        "ander": ander,
        "roermond": roermond,
        "gremium": gremium,
        "besluit": besluit,
        "vreemd": vreemd,
        "vreemde_behandeling": vreemde_behandeling,
        "vreemde_planning": vreemde_planning,
        "users": users,
    }


def client(wereld, who):
    return logged_in(wereld["users"][who])


def text(response) -> str:
    body = re.sub(r"<[^>]+>", " ", response.content.decode())
    return " ".join(body.split())


def alles():
    return snapshot(
        Voorstel.objects.all(),
        Behandeling.objects.all(),
        Procesplanning.objects.all(),
        Processtap.objects.all(),
    )


def url(name, *args):
    return reverse(f"governance:{name}", args=args)


def admin_data(client, address) -> dict:
    """The admin's change form as the browser posts it back unchanged."""
    parser = PostedForm(address)
    parser.feed(client.get(address).content.decode())
    data = {k: v if len(v) > 1 else v[0] for k, v in parser.data.items()}
    data.pop("csrfmiddlewaretoken", None)
    return data


def route_data(c, wereld) -> dict:
    return page_data(c.get(url("voorstel-update", "MLW", wereld["voorstel"].pk)))


# --- who may write ------------------------------------------------------------------------


def test_another_samenwerkingsverband_reaches_no_voorstel_nor_planning(wereld):
    """Its regiegroep gets 404 on every page and post, also with MLW's rows under its own
    afkorting; nothing changes."""
    ander, voor, plan = client(wereld, "regiegroep ander"), wereld["voorstel"], wereld["planning"]
    before = alles()
    for afk in ("MLW", "ANDR"):
        for name, pk in [
            ("voorstel-detail", voor.pk),
            ("voorstel-update", voor.pk),
            ("voorstel-delete", voor.pk),
            ("procesplanning-detail", plan.pk),
            ("procesplanning-update", plan.pk),
            ("procesplanning-delete", plan.pk),
        ]:
            assert ander.get(url(name, afk, pk)).status_code == 404, (name, afk)
        for name, pk in [
            ("voorstel-route", voor.pk),
            ("voorstel-update", voor.pk),
            ("voorstel-delete", voor.pk),
            ("procesplanning-update", plan.pk),
            ("procesplanning-delete", plan.pk),
        ]:
            response = ander.post(url(name, afk, pk), {"orgaan": "raad", "titel": "Gekaapt"})
            assert response.status_code == 404, (name, afk)
    assert ander.post(url("voorstel-create", "MLW"), {"titel": "X"}).status_code == 404
    assert "Uitvoeringsconvenant" not in text(ander.get(url("voorstel-list", "ANDR")))
    assert alles() == before


@pytest.mark.parametrize("who", ["stuurgroep", "ambtenaar Weert"])
def test_stuurgroep_and_official_read_but_do_not_write(wereld, who):
    c, voor, plan = client(wereld, who), wereld["voorstel"], wereld["planning"]
    before = alles()
    page = c.get(url("voorstel-detail", "MLW", voor.pk))
    assert page.status_code == 200 and "Uitvoeringsconvenant" in text(page)
    regie = client(wereld, "regiegroep")
    forms = {
        "voorstel-update": route_data(regie, wereld) | {"titel": "Gekaapt"},
        "procesplanning-update": page_data(regie.get(url("procesplanning-update", "MLW", plan.pk)))
        | {"naam": "Gekaapt"},
    }
    for name, pk, data in [
        ("voorstel-create", None, {"titel": "Nieuw", "route_raad": "on"}),
        ("voorstel-update", voor.pk, forms["voorstel-update"]),
        ("voorstel-route", voor.pk, {"orgaan": "raad", "gepland": "mei 2016"}),
        ("voorstel-delete", voor.pk, {}),
        ("procesplanning-create", None, {"naam": "Nieuw", "jaar": "2016"}),
        ("procesplanning-update", plan.pk, forms["procesplanning-update"]),
        ("procesplanning-delete", plan.pk, {}),
    ]:
        args = ("MLW",) if pk is None else ("MLW", pk)
        assert c.post(url(name, *args), data).status_code == 403, name
    assert alles() == before


# --- forged rows of another samenwerkingsverband ----------------------------------------------


def test_a_new_voorstel_takes_no_gremium_nor_besluit_of_another_samenwerkingsverband(wereld):
    regie = client(wereld, "regiegroep")
    before = alles()
    for veld, waarde in [("gremium", wereld["gremium"].pk), ("besluit", wereld["besluit"].pk)]:
        response = regie.post(url("voorstel-create", "MLW"), {"titel": "Nieuw", veld: waarde})
        assert response.status_code == 200, veld
        assert "Geheim besluit" not in response.content.decode()
    assert alles() == before


def test_the_route_formset_takes_no_gemeente_besluit_or_row_of_another_one(wereld):
    regie, voor = client(wereld, "regiegroep"), wereld["voorstel"]
    data = route_data(regie, wereld)
    before = alles()
    forged = [
        {"behandelingen-0-gemeente": str(wereld["roermond"].pk)},
        {"behandelingen-0-besluit": str(wereld["besluit"].pk)},
        # Another voorstel's behandeling (of ANDR) named by its id in a row of this formset.
        {"behandelingen-0-id": str(wereld["vreemde_behandeling"].pk), "behandelingen-0-datum": ""},
        {"behandelingen-0-voorstel": str(wereld["vreemd"].pk)},
        {
            "behandelingen-0-id": str(wereld["vreemde_behandeling"].pk),
            "behandelingen-0-DELETE": "on",
        },
    ]
    for change in forged:
        response = regie.post(url("voorstel-update", "MLW", voor.pk), data | change)
        # A row of another voorstel is not this formset's: at most ignored, never touched.
        assert response.status_code in (200, 302, 403), change
        assert "Geheim besluit" not in response.content.decode()
        assert alles() == before, change
    # A new row in Roermond (TOTAL_FORMS one higher) is refused as well.
    n = int(data["behandelingen-TOTAL_FORMS"])
    extra = {
        "behandelingen-TOTAL_FORMS": str(n + 1),
        f"behandelingen-{n}-gemeente": str(wereld["roermond"].pk),
        f"behandelingen-{n}-orgaan": "raad",
        f"behandelingen-{n}-gepland": "mei 2016",
    }
    assert regie.post(url("voorstel-update", "MLW", voor.pk), data | extra).status_code == 200
    assert alles() == before


def test_a_process_step_takes_no_voorstel_of_another_samenwerkingsverband(wereld):
    regie, plan = client(wereld, "regiegroep"), wereld["planning"]
    data = page_data(regie.get(url("procesplanning-update", "MLW", plan.pk)))
    before = alles()
    forged = data | {"stappen-0-voorstel": str(wereld["vreemd"].pk), "stappen-0-orgaan": "raad"}
    response = regie.post(url("procesplanning-update", "MLW", plan.pk), forged)
    assert response.status_code == 200 and "Vreemd voorstel" not in response.content.decode()
    new = {
        "naam": "Nieuw",
        "jaar": "2016",
        "stappen-TOTAL_FORMS": "1",
        "stappen-INITIAL_FORMS": "0",
        "stappen-0-volgorde": "1",
        "stappen-0-fase": "Besluit",
        "stappen-0-stap": "Raadsbesluit",
        "stappen-0-gepland": "mei",
        "stappen-0-orgaan": "raad",
        "stappen-0-voorstel": str(wereld["vreemd"].pk),
    }
    assert regie.post(url("procesplanning-create", "MLW"), new).status_code == 200
    assert alles() == before


# --- the route post -----------------------------------------------------------------------


def test_the_route_post_replayed_adds_nothing_twice(wereld):
    regie, voor = client(wereld, "regiegroep"), wereld["voorstel"]
    post = {"orgaan": "raad", "gepland": "april/mei 2016"}
    regie.post(url("voorstel-route", "MLW", voor.pk), post)
    after_first = alles()
    assert voor.behandelingen.filter(orgaan="raad").count() == wereld["mlw"].gemeenten.count()
    response = regie.post(url("voorstel-route", "MLW", voor.pk), post, follow=True)
    assert "Niets toegevoegd" in text(response)
    assert alles() == after_first


@pytest.mark.parametrize(
    "post",
    [
        {"orgaan": "bestuur", "gepland": "mei 2016"},
        {"orgaan": "", "gepland": "mei 2016"},
        {"orgaan": "raad", "gepland": "31 februari 2016"},
        {"orgaan": "raad", "gepland": "mei 2016\x00"},
        {"orgaan": "raad", "gepland": "(" * 5000},
        {"orgaan": "raad", "gepland": "mei 2016 " + "x" * 1_000_000},
        {"orgaan": "raad", "gepland": "mei 99999"},
        {"orgaan": "raad", "gepland": "1 januari 0000"},
    ],
)
def test_a_bad_route_post_saves_nothing_and_says_so_in_dutch(wereld, post):
    regie, voor = client(wereld, "regiegroep"), wereld["voorstel"]
    before = alles()
    start = time.monotonic()
    response = regie.post(url("voorstel-route", "MLW", voor.pk), post, follow=True)
    assert time.monotonic() - start < 5
    assert response.status_code == 200
    assert "Niets opgeslagen" in text(response)
    assert alles() == before


def test_a_route_of_a_voorstel_of_another_samenwerkingsverband_is_404(wereld):
    regie = client(wereld, "regiegroep")
    before = alles()
    for afk in ("MLW", "ANDR"):
        response = regie.post(url("voorstel-route", afk, wereld["vreemd"].pk), {"orgaan": "raad"})
        assert response.status_code == 404
    assert alles() == before


# --- management form tampering ------------------------------------------------------------


@pytest.mark.parametrize("total", ["10000", "-1", "abc", "99999999999999999999"])
def test_a_tampered_management_form_is_refused_quickly(
    wereld, total, django_assert_max_num_queries
):
    regie, voor, plan = client(wereld, "regiegroep"), wereld["voorstel"], wereld["planning"]
    before = alles()
    for name, pk, prefix in [
        ("voorstel-update", voor.pk, "behandelingen"),
        ("procesplanning-update", plan.pk, "stappen"),
    ]:
        data = page_data(regie.get(url(name, "MLW", pk))) | {f"{prefix}-TOTAL_FORMS": total}
        start = time.monotonic()
        with django_assert_max_num_queries(60):
            response = regie.post(url(name, "MLW", pk), data)
        assert time.monotonic() - start < 10, name
        assert response.status_code in (200, 302, 400), name
    assert alles() == before


# --- the admin ----------------------------------------------------------------------------


def test_the_admin_adds_no_voorstel_routed_through_another_ones_gemeente(wereld):
    """A new voorstel of MLW with a behandeling in Roermond (ANDR's): refused, nothing saved."""
    beheerder = client(wereld, "beheerder")
    address = reverse("admin:governance_voorstel_add")
    data = admin_data(beheerder, address) | {
        "samenwerkingsverband": str(wereld["mlw"].pk),
        "titel": "Via Roermond",
        "behandelingen-TOTAL_FORMS": "1",
        "behandelingen-0-gemeente": str(wereld["roermond"].pk),
        "behandelingen-0-orgaan": "college",
        "behandelingen-0-gepland": "april 2016",
    }
    before = alles()
    response = beheerder.post(address, data)
    assert response.status_code == 200
    assert "neemt niet deel" in text(response)
    assert alles() == before
    data["behandelingen-0-gemeente"] = str(wereld["weert"].pk)
    data["behandelingen-0-besluit"] = str(wereld["besluit"].pk)
    response = beheerder.post(address, data)
    assert response.status_code == 200 and "Kies een besluit van dit" in text(response)
    assert alles() == before


def test_the_admin_adds_no_planning_with_a_step_of_another_ones_voorstel(wereld):
    beheerder = client(wereld, "beheerder")
    address = reverse("admin:governance_procesplanning_add")
    data = admin_data(beheerder, address) | {
        "samenwerkingsverband": str(wereld["mlw"].pk),
        "naam": "Met vreemde stap",
        "jaar": "2016",
        "stappen-TOTAL_FORMS": "1",
        "stappen-0-volgorde": "1",
        "stappen-0-fase": "Besluit",
        "stappen-0-stap": "Raadsbesluit",
        "stappen-0-gepland": "mei",
        "stappen-0-orgaan": "raad",
        "stappen-0-voorstel": str(wereld["vreemd"].pk),
    }
    before = alles()
    response = beheerder.post(address, data)
    assert response.status_code == 200
    assert "Kies een voorstel van dit samenwerkingsverband" in text(response)
    assert alles() == before


def test_the_admin_does_not_move_a_voorstel_away_from_the_steps_that_carry_it(wereld):
    """MLW's planning would show ANDR's voorstel and its route through Roermond."""
    beheerder, stap, voor = client(wereld, "beheerder"), wereld["stap"], wereld["voorstel"]
    stap.voorstel, stap.orgaan = voor, "college"
    stap.save()
    voor.behandelingen.all().delete()
    address = reverse("admin:governance_voorstel_change", args=[voor.pk])
    data = admin_data(beheerder, address) | {"samenwerkingsverband": str(wereld["ander"].pk)}
    before = alles()
    response = beheerder.post(address, data)
    assert response.status_code == 200
    assert "processtap" in text(response).lower()
    assert alles() == before


def test_a_step_of_year_five_is_refused_in_the_admin(wereld):
    """Processtap.jaar: 5 read "april" as April of the year 5."""
    beheerder, stap = client(wereld, "beheerder"), wereld["stap"]
    address = reverse("admin:governance_procesplanning_change", args=[wereld["planning"].pk])
    data = admin_data(beheerder, address)
    before = alles()
    for jaar in ("5", "0", "30000"):
        response = beheerder.post(address, data | {"stappen-0-jaar": jaar})
        assert response.status_code == 200, jaar
        assert "1900" in text(response), jaar
        assert alles() == before
    stap.refresh_from_db()
    assert stap.gepland_vanaf == date(2015, 4, 1)


# --- scenario -----------------------------------------------------------------------------


def test_a_scenario_routes_no_voorstel_through_real_colleges(wereld):
    """A scenario decides nothing: no voorstel, route or planning is made in it."""
    regie = client(wereld, "regiegroep")
    scenario = maak_scenario(wereld["mlw"], "SCNR", "Verkenning")
    before = alles()
    response = regie.post(
        url("voorstel-create", "SCNR"), {"titel": "Wat als", "route_college": "on"}, follow=True
    )
    assert "scenario" in text(response).lower()
    response = regie.post(
        url("procesplanning-create", "SCNR"), {"naam": "Wat als", "jaar": "2016"}, follow=True
    )
    assert "scenario" in text(response).lower()
    assert alles() == before
    assert not Voorstel.objects.filter(samenwerkingsverband=scenario).exists()


# --- pathological planned dates -----------------------------------------------------------


@pytest.mark.parametrize(
    "tekst",
    [
        "31 februari 2015",
        "29 februari 2015",
        "april 0",
        "mei 99999",
        "7-4-0000",
        "7 april 2015\x00",
        "(" * 199,
        "(" * 100 + ")" * 99,
        "7 of " * 100 + "7 april 2015",
        "x" * 10_000_000,
        "\u200b",
        "Q0 2015",
        "4e helft 2015",
        "00-04-2015",
    ],
)
def test_a_pathological_planned_date_is_refused_quickly_in_dutch(tekst):
    start = time.monotonic()
    with pytest.raises(vagedatum.VageDatumFout) as fout:
        vagedatum.parse(tekst)
    assert time.monotonic() - start < 1
    assert "None" not in str(fout.value)


@pytest.mark.parametrize("jaar", [0, -1, 5, 1899, 2201, 99999, 10**30])
def test_the_year_of_a_text_without_one_is_a_sensible_year(jaar):
    """The year given for "april" (a planning's jaar) is checked as a typed year would be; a
    huge one raised OverflowError (a server error), 5 read "april" as April of the year 5, and
    the message named "None" for the missing day."""
    with pytest.raises(vagedatum.VageDatumFout) as fout:
        vagedatum.parse("april", jaar)
    assert "None" not in str(fout.value) and "1900" in str(fout.value)


def test_digits_of_other_scripts_are_not_read_as_a_date():
    """ "١٥ april ٢٠١٥" would be stored as 15 April 2015 while the page shows other digits."""
    for tekst in ["\u0661\u0665 april 2015", "15 april \u0662\u0660\u0661\u0665"]:
        with pytest.raises(vagedatum.VageDatumFout):
            vagedatum.parse(tekst)


# --- truthful messages --------------------------------------------------------------------


def test_a_voorstel_of_an_existing_title_is_refused_with_that_reason(wereld):
    """Not "saved meanwhile by someone else" (the constraint names a field the form lacks)."""
    regie = client(wereld, "regiegroep")
    before = alles()
    response = regie.post(url("voorstel-create", "MLW"), {"titel": wereld["voorstel"].titel})
    assert response.status_code == 200
    assert "Er is al een voorstel met deze titel" in text(response)
    plan = {"naam": "Plan", "jaar": "2016", "stappen-TOTAL_FORMS": "0"}
    plan["stappen-INITIAL_FORMS"] = "0"
    response = regie.post(url("procesplanning-create", "MLW"), plan)
    assert response.status_code == 200
    assert "Er is al een procesplanning met deze naam" in text(response)
    assert alles() == before


def test_a_route_clicked_twice_at_once_is_no_server_error(wereld, monkeypatch):
    """The other click's rows appear between this one's check and its insert: the database
    refuses the insert (a server error before); nothing of this click is saved."""
    from django.db import IntegrityError

    regie, voor = client(wereld, "regiegroep"), wereld["voorstel"]
    before = alles()

    def tegelijk(voorstel, organen, gepland=None):
        raise IntegrityError("UNIQUE constraint failed: governance_behandeling")

    monkeypatch.setattr("governance.views_route.routeer", tegelijk)
    response = regie.post(url("voorstel-route", "MLW", voor.pk), {"orgaan": "raad"}, follow=True)
    assert response.status_code == 200
    assert "Niets opgeslagen: intussen is de route al aangemaakt" in text(response)
    assert alles() == before


@pytest.mark.parametrize("datum", ["31-02-2016", "1-1-0000", "1-1-99999", "0-1-2016", "1-1-0001"])
def test_an_impossible_decision_date_is_refused_in_dutch(wereld, datum):
    regie, voor = client(wereld, "regiegroep"), wereld["voorstel"]
    data = route_data(regie, wereld) | {"behandelingen-0-datum": datum}
    before = alles()
    response = regie.post(url("voorstel-update", "MLW", voor.pk), data)
    assert response.status_code == 200
    assert "Niet opgeslagen" in text(response)
    assert alles() == before


def test_the_admin_is_the_beheerders_only(wereld):
    """Its selects and sidebars list every samenwerkingsverband's rows: no one else enters."""
    for who in ("regiegroep", "stuurgroep", "ambtenaar Weert", "regiegroep ander"):
        c = client(wereld, who)
        for name in ("governance_voorstel", "governance_procesplanning"):
            response = c.get(reverse(f"admin:{name}_changelist"))
            assert response.status_code in (302, 403), (who, name)
        auto = c.get(
            reverse("admin:autocomplete"),
            {"app_label": "governance", "model_name": "voorstel", "field_name": "besluit"},
        )
        assert "Geheim besluit" not in auto.content.decode()


def test_a_gemeente_that_left_keeps_its_past_decision_and_the_voorstel_stays_editable(wereld):
    """Weert decided in 2016 as a member; after it left, the voorstel's title can still be
    changed, while a new row in Weert is refused."""
    regie, voor, mlw = client(wereld, "regiegroep"), wereld["voorstel"], wereld["mlw"]
    data = route_data(regie, wereld)
    mlw.gemeenten.remove(wereld["weert"])
    response = regie.post(url("voorstel-update", "MLW", voor.pk), data | {"titel": "Nieuwe titel"})
    assert response.status_code == 302, text(response)[-600:]
    voor.refresh_from_db()
    assert voor.titel == "Nieuwe titel"
    assert voor.behandelingen.filter(gemeente=wereld["weert"]).exists()
    before = alles()
    data = route_data(regie, wereld)
    n = int(data["behandelingen-TOTAL_FORMS"])
    extra = {
        "behandelingen-TOTAL_FORMS": str(n + 1),
        f"behandelingen-{n}-gemeente": str(wereld["weert"].pk),
        f"behandelingen-{n}-orgaan": "raad",
    }
    assert regie.post(url("voorstel-update", "MLW", voor.pk), data | extra).status_code == 200
    assert alles() == before


def test_odd_addresses_answer_without_a_server_error(wereld):
    regie = client(wereld, "regiegroep")
    huge = 99999999999999999999
    for address in [
        url("voorstel-list", "MLW") + "?te_laat=misschien&orgaan=bestuur&sort=-geheim&page=-1",
        url("voorstel-list", "MLW") + f"?page={huge}&q=%00",
        url("procesplanning-list", "MLW") + f"?page={huge}&q=%00&sort=laatste",
        url("voorstel-detail", "MLW", huge),
        url("procesplanning-detail", "MLW", huge),
    ]:
        # A NUL in the address is refused by the kernel (400), never a server error.
        assert regie.get(address).status_code in (200, 400, 404), address
    assert regie.post(url("voorstel-route", "MLW", huge), {"orgaan": "raad"}).status_code == 404


@pytest.mark.parametrize("jaar", ["0", "-1", "99999", "1e3", "2015\x00", ""])
def test_a_planning_of_an_impossible_year_saves_nothing(wereld, jaar):
    regie = client(wereld, "regiegroep")
    before = alles()
    data = {
        "naam": "Nieuw plan",
        "jaar": jaar,
        "stappen-TOTAL_FORMS": "1",
        "stappen-INITIAL_FORMS": "0",
        "stappen-0-volgorde": "1",
        "stappen-0-fase": "Verkenning",
        "stappen-0-stap": "Start",
        "stappen-0-gepland": "27 maart",
    }
    response = regie.post(url("procesplanning-create", "MLW"), data)
    assert response.status_code == 200
    assert "Niet opgeslagen" in text(response)
    assert alles() == before


def test_the_admin_does_not_move_a_planning_with_steps_of_its_voorstellen(wereld):
    beheerder, stap, plan = client(wereld, "beheerder"), wereld["stap"], wereld["planning"]
    stap.voorstel, stap.orgaan = wereld["voorstel"], "college"
    stap.save()
    address = reverse("admin:governance_procesplanning_change", args=[plan.pk])
    data = admin_data(beheerder, address) | {"samenwerkingsverband": str(wereld["ander"].pk)}
    before = alles()
    response = beheerder.post(address, data)
    assert response.status_code == 200
    assert "Kies een voorstel van dit samenwerkingsverband" in text(response)
    assert alles() == before
