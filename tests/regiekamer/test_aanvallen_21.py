"""Issue 21 as an attacker sees it: forged posts and ids, other samenwerkingsverbanden's users,
the stuurgroep and officials, hostile text in the exports, absurd years and dates in the admin
and the commands, a scenario where a real samenwerkingsverband is expected."""

import re
from datetime import date
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse
from icalendar import Calendar

from begroting.models import Begrotingscyclus, Zienswijze
from formatie.models import Pakket, Rol
from kosten.models import Realisatie, Voorschotregeling
from partijen.models import Gemeente, Samenwerkingsverband
from regiekamer.dataversie import changed
from regiekamer.roles import BEHEERDER, GEMEENTE, REGIEGROEP, STUURGROEP
from scenarios.maak import maak_scenario
from tests.conftest import logged_in
from tests.fuzz import page_data
from tests.kosten.test_nacalculatie_command import realisatie_gelijk_aan_plan
from tests.partijen.factories import GebruikerFactory, ToegangFactory
from tests.regiekamer.test_aanvallen_20 import admin_data

pytestmark = pytest.mark.django_db

# --- kosten en begrotingscyclus ----------------------------------------------------------------
# The nacalculatie, voorschotten and jaarrekening (kosten) and the begrotingscyclus (begroting):
# pages, forms, admin, exports and commands.


@pytest.fixture
def w21(demo):
    """MLW with a begroting of its own, a cycle of 2027 and a voorschotregeling; its scenario;
    another samenwerkingsverband with its own gemeente, pakket and regeling; a user of each
    kind."""
    mlw = Samenwerkingsverband.objects.get(afkorting="MLW")
    Samenwerkingsverband.objects.filter(pk=mlw.pk).update(eigen_begroting=True)
    mlw.refresh_from_db()
    weert = Gemeente.objects.get(naam="Weert")
    cyclus = Begrotingscyclus.objects.create(samenwerkingsverband=mlw, jaar=2027)
    regeling = Voorschotregeling.objects.create(
        samenwerkingsverband=mlw, vanaf_jaar=2016, tot_en_met_jaar=2017
    )
    scenario = maak_scenario(mlw, "SCN21", "Scenario 21")
    ander = Samenwerkingsverband.objects.create(
        naam="Ander verband", afkorting="ANDR", juridische_vorm=mlw.juridische_vorm
    )
    roermond = Gemeente.objects.create(naam="Roermond")
    ander.gemeenten.add(roermond)
    vreemd = Pakket.objects.create(
        samenwerkingsverband=ander, naam="Vreemd pakket", soort="plus", verdeling="gelijk"
    )
    vreemde_regeling = Voorschotregeling.objects.create(samenwerkingsverband=ander, vanaf_jaar=2020)

    def user(username, group, svs=(), gemeente=None):
        account = GebruikerFactory(username=username, rollen=[group])
        ToegangFactory(gebruiker=account, samenwerkingsverbanden=list(svs), gemeente=gemeente)
        return account

    users = {
        "regiegroep": user("b-regie", REGIEGROEP, [mlw]),
        "stuurgroep": user("b-stuur", STUURGROEP, [mlw]),
        "ambtenaar Weert": user("b-weert", GEMEENTE, gemeente=weert),
        "regiegroep ander": user("b-regie-ander", REGIEGROEP, [ander]),
        "ambtenaar Roermond": user("b-roermond", GEMEENTE, gemeente=roermond),
        "beheerder": user("b-beheer", BEHEERDER),
    }
    return {
        "mlw": mlw,
        "weert": weert,
        "cyclus": cyclus,
        "regeling": regeling,
        "scenario": scenario,
        "ander": ander,
        "roermond": roermond,
        "vreemd": vreemd,
        "vreemde_regeling": vreemde_regeling,
        "users": users,
    }


def c21(w, who):
    return logged_in(w["users"][who])


def tekst(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


REGELING = {"pakket": "", "ontvanger": "", "vanaf_jaar": "2030", "tot_en_met_jaar": ""}


def test_voorschotregeling_writes_by_the_wrong_people_change_nothing(w21):
    regeling = w21["regeling"]
    create = reverse("kosten:voorschotregeling-create", args=["MLW"])
    update = reverse("kosten:voorschotregeling-update", args=["MLW", regeling.pk])
    delete = reverse("kosten:voorschotregeling-delete", args=["MLW", regeling.pk])
    for who, status in [
        ("stuurgroep", 403),
        ("ambtenaar Weert", 403),
        ("regiegroep ander", 404),
        ("ambtenaar Roermond", 404),
    ]:
        client = c21(w21, who)
        assert client.post(create, REGELING).status_code == status, who
        assert client.post(update, REGELING).status_code == status, who
        assert client.post(delete).status_code == status, who
    regeling.refresh_from_db()
    assert (regeling.vanaf_jaar, Voorschotregeling.objects.count()) == (2016, 2)


def test_another_samenwerkingsverbands_regeling_pakket_or_gemeente_is_not_reached(w21):
    regie, vreemd = c21(w21, "regiegroep"), w21["vreemde_regeling"]
    for name in ("voorschotregeling-update", "voorschotregeling-delete"):
        url = reverse(f"kosten:{name}", args=["MLW", vreemd.pk])
        assert regie.get(url).status_code == 404
        assert regie.post(url, REGELING).status_code == 404
    vreemd.refresh_from_db()
    assert vreemd.vanaf_jaar == 2020
    create = reverse("kosten:voorschotregeling-create", args=["MLW"])
    for veld, waarde in [("pakket", w21["vreemd"].pk), ("ontvanger", w21["roermond"].pk)]:
        response = regie.post(create, REGELING | {veld: str(waarde)})
        assert "Selecteer een geldige keuze" in tekst(response), veld
    assert Voorschotregeling.objects.filter(samenwerkingsverband=w21["mlw"]).count() == 1


def test_a_scenario_has_no_voorschotregeling_to_write(w21):
    regie = c21(w21, "regiegroep")
    response = regie.post(reverse("kosten:voorschotregeling-create", args=["SCN21"]), REGELING)
    assert response.status_code == 302
    assert not Voorschotregeling.objects.filter(samenwerkingsverband=w21["scenario"]).exists()


def test_no_actual_costs_nor_voorschotten_for_a_scenario_by_any_path(w21):
    """The pages refused a scenario; the model (the admin, the archive) did not."""
    scenario = w21["scenario"]
    rol = Rol.objects.filter(samenwerkingsverband=scenario).first()
    for row, reden in (
        (Voorschotregeling(samenwerkingsverband=scenario, vanaf_jaar=2016), "geen voorschotten"),
        (
            Realisatie(samenwerkingsverband=scenario, rol=rol, jaar=2016, bedrag=1),
            "geen werkelijke kosten",
        ),
    ):
        with pytest.raises(ValidationError, match=f"Een scenario heeft {reden}"):
            row.full_clean()


def test_an_overlapping_voorschotregeling_is_refused_by_the_model_too(w21):
    """The page's form refused an overlap, the admin did not: a gemeente asked twice for the
    same voorschot. The rule lives on the model now, so every path asks it."""
    dubbel = Voorschotregeling(samenwerkingsverband=w21["mlw"], vanaf_jaar=2017)
    with pytest.raises(ValidationError, match="overlapt met de voorschotregeling 2016–2017"):
        dubbel.full_clean()
    Voorschotregeling(samenwerkingsverband=w21["mlw"], vanaf_jaar=2018).full_clean()
    # The page still says it in its own words, once.
    response = c21(w21, "regiegroep").post(
        reverse("kosten:voorschotregeling-create", args=["MLW"]), REGELING | {"vanaf_jaar": "2017"}
    )
    assert tekst(response).count("overlapt met de voorschotregeling 2016–2017") == 1
    # Editing a regeling does not clash with itself.
    w21["regeling"].full_clean()


def test_nacalculatie_and_jaarrekening_pages_refuse_other_worlds_and_odd_years(w21):
    regie = c21(w21, "regiegroep")
    realisatie_gelijk_aan_plan(w21["mlw"])
    for jaar in (0, 1, 2015, 99999999999999999999):
        url = reverse("kosten:jaarrekening", args=["MLW", jaar])
        assert regie.get(url).status_code == 404, jaar
        assert regie.get(url + "?download=pdf").status_code == 404, jaar
    for who in ("regiegroep ander", "ambtenaar Roermond"):
        for url in (
            reverse("kosten:nacalculatie", args=["MLW"]) + "?download=csv",
            reverse("kosten:jaarrekening", args=["MLW", 2016]),
            reverse("kosten:voorschotten", args=["MLW"]),
        ):
            assert c21(w21, who).get(url).status_code == 404, (who, url)
    scenario = reverse("kosten:nacalculatie", args=["SCN21"])
    assert regie.get(scenario + "?download=csv").status_code == 200
    assert "Een scenario heeft geen werkelijke kosten" in tekst(regie.get(scenario))


def test_the_nacalculatie_csv_carries_no_formula_nor_a_broken_row(w21):
    mlw = w21["mlw"]
    realisatie_gelijk_aan_plan(mlw)
    rol = Rol.objects.filter(samenwerkingsverband=mlw).order_by("pk").first()
    Rol.objects.filter(pk=rol.pk).update(naam='=HYPERLINK("http://x")')
    Realisatie.objects.filter(rol=rol).update(toelichting="@SUM(A1)\nEen tweede regel")
    weert = w21["weert"]
    Gemeente.objects.filter(pk=weert.pk).update(naam="+Weert")
    changed(None)  # rows changed by update(), which sends no signal (regiekamer.dataversie)
    regie = c21(w21, "regiegroep")
    url = reverse("kosten:nacalculatie", args=["MLW"])
    rollen = regie.get(url + "?download=csv-rollen").content.decode()
    assert "'=HYPERLINK" in rollen and '"\'@SUM(A1)\nEen tweede regel"' in rollen
    assert not re.search(r"(^|,)[=+@]", rollen, re.M)
    gemeenten = regie.get(url + "?download=csv").content.decode()
    assert "'+Weert" in gemeenten and not re.search(r"(^|,)[=+@]", gemeenten, re.M)
    out = StringIO()
    call_command("verrekening", "mlw", werkelijk=True, stdout=out, stderr=StringIO())
    assert "'+Weert" in out.getvalue()


def test_rapport_jaarrekening_and_nacalculatie_with_odd_input(w21, tmp_path):
    """A samenwerkingsverband without costs was told it had none "in None"."""
    pdf = str(tmp_path / "r.pdf")
    for args, melding in [
        (["jaarrekening", "ANDR"], "Ander verband heeft nog geen begrote of werkelijke kosten."),
        (["jaarrekening", "MLW", "--jaar", "99999999999999999999"], "in 99999999999999999999"),
        (["jaarrekening", "SCN21"], "Een scenario heeft geen werkelijke kosten"),
        (["nacalculatie", "SCN21"], "Een scenario heeft geen werkelijke kosten"),
        (["nacalculatie", "MLW\x00"], "Geen samenwerkingsverband"),
    ]:
        with pytest.raises(CommandError) as fout:
            call_command("rapport", *args, output=pdf, stdout=StringIO())
        assert melding in str(fout.value), args
        assert "None" not in str(fout.value)


def test_verrekening_werkelijk_with_odd_codes(w21):
    for code in ("MLW\x00", "ONBEKEND", "", "SCN21"):
        with pytest.raises(CommandError):
            call_command("verrekening", code, werkelijk=True, stdout=StringIO())


# The begrotingscyclus.


def cyclus_url(name, *args, afkorting="MLW"):
    return reverse(f"begroting:{name}", args=[afkorting, *args])


def test_cycle_writes_by_the_wrong_people_change_nothing(w21):
    cyclus = w21["cyclus"]
    data = {"jaar": "2028", "toelichting": "overgenomen"}
    for who, status in [
        ("stuurgroep", 403),
        ("ambtenaar Weert", 403),
        ("regiegroep ander", 404),
        ("ambtenaar Roermond", 404),
    ]:
        client = c21(w21, who)
        assert client.post(cyclus_url("cyclus-create"), data).status_code == status, who
        assert client.post(cyclus_url("cyclus-bewerken", 2027), data).status_code == status
        assert client.post(cyclus_url("cyclus-verwijderen", 2027)).status_code == status
    # The regiegroep of ANDR reaches MLW's cycle neither through its own address.
    andr = c21(w21, "regiegroep ander")
    assert andr.post(cyclus_url("cyclus-bewerken", 2027, afkorting="ANDR"), data).status_code in (
        403,
        404,
    )
    cyclus.refresh_from_db()
    assert (cyclus.jaar, cyclus.toelichting) == (2027, "")
    assert Begrotingscyclus.objects.count() == 1


@pytest.mark.parametrize(
    "veld, waarde",
    [
        ("ontwerpbegroting_verzonden", "01-01-0001"),
        ("begroting_naar_gs", "31-12-9999"),
        ("jaarrekening_naar_gs", "1-1-1900"),
        ("voorlopige_jaarrekening_verzonden", "31-12-9999"),
    ],
)
def test_a_step_done_centuries_away_is_refused(w21, veld, waarde):
    """01-01-0001 as the day the ontwerpbegroting went out showed the step "op tijd"."""
    regie, url = c21(w21, "regiegroep"), cyclus_url("cyclus-bewerken", 2027)
    response = regie.post(url, page_data(regie.get(url)) | {veld: waarde})
    assert response.status_code == 200
    assert "te ver van begrotingsjaar 2027" in tekst(response)
    assert getattr(Begrotingscyclus.objects.get(pk=w21["cyclus"].pk), veld) is None
    # The same form with a date in reach saves: the refusal was the date's.
    assert regie.post(url, page_data(regie.get(url)) | {veld: "2-5-2027"}).status_code in (
        200,
        302,
    )


def admin_add(client, model: str, data: dict):
    url = reverse(f"admin:begroting_{model}_add")
    return client.post(url, admin_data(client, url) | data)


@pytest.mark.parametrize(
    "data",
    [
        {"jaar": "0"},
        {"jaar": "32767"},
        {"jaar": "2030", "vaststelling_begroting": "01-01-0001"},
        {"jaar": "2030", "vaststelling_jaarrekening": "31-12-9999"},
        {"jaar": "2030", "vaststelling_begroting": "01-07-2020"},
    ],
)
def test_the_admin_refuses_a_cycle_the_calendar_cannot_compute(w21, data):
    """A year 0 or 32767, or an adoption in year 1 or 9999, saved in the admin, made the
    overview, the cycle page, the dashboard and the calendar a server error."""
    beheerder = c21(w21, "beheerder")
    data = {"samenwerkingsverband": str(w21["mlw"].pk)} | data
    response = admin_add(beheerder, "begrotingscyclus", data)
    assert response.status_code == 200, response.status_code
    assert re.search(
        r"Kies een begrotingsjaar|te ver van begrotingsjaar|wordt vastgesteld", tekst(response)
    )
    assert Begrotingscyclus.objects.count() == 1
    assert c21(w21, "regiegroep").get(cyclus_url("overzicht")).status_code == 200
    assert c21(w21, "regiegroep").get(cyclus_url("ics")).status_code == 200


def test_the_admin_gives_no_cycle_to_a_scenario_nor_to_a_regeling_zonder_meer(w21):
    beheerder = c21(w21, "beheerder")
    for sv in (w21["scenario"], w21["ander"]):
        response = admin_add(
            beheerder, "begrotingscyclus", {"samenwerkingsverband": str(sv.pk), "jaar": "2027"}
        )
        assert response.status_code == 200
        assert re.search(r"scenario|geen eigen begroting", tekst(response))
    assert list(Begrotingscyclus.objects.values_list("samenwerkingsverband", flat=True)) == [
        w21["mlw"].pk
    ]


def test_a_zienswijze_of_a_council_outside_the_samenwerkingsverband_is_refused(w21):
    """Roermond takes no part in MLW: its 'zienswijze' on MLW's begroting cannot exist (and its
    official would read it in MLW's cycle)."""
    beheerder = c21(w21, "beheerder")
    response = admin_add(
        beheerder,
        "zienswijze",
        {"cyclus": str(w21["cyclus"].pk), "gemeente": str(w21["roermond"].pk)},
    )
    assert response.status_code == 200
    assert "neemt niet deel" in tekst(response)
    assert not Zienswijze.objects.exists()
    Zienswijze(cyclus=w21["cyclus"], gemeente=w21["weert"]).full_clean()


@pytest.mark.parametrize(
    "args",
    [
        ["--jaar", "0001"],
        ["--jaar", "0000"],
        ["--jaar", "9999"],
        ["--jaar", "2027", "--vaststelling-begroting", "01-01-0001"],
        ["--jaar", "2027", "--vaststelling-begroting", "31-12-9999"],
        ["--jaar", "2027", "--vaststelling-jaarrekening", "9999-12-31"],
        ["--jaar", "2027", "--vaststelling-jaarrekening", "0001-01-01"],
        ["--jaar", "2027", "--vaststelling-begroting", "29-02-2026"],
        ["--jaar", "２０２７"],
    ],
)
def test_begrotingskalender_refuses_years_and_dates_out_of_range_in_dutch(w21, args):
    """Year 1 or 9999 or an adoption on 1-1-0001 was a ValueError/OverflowError traceback."""
    with pytest.raises(CommandError) as fout:
        call_command("begrotingskalender", "MLW", *args, stdout=StringIO())
    assert re.search(r"jaar|datum|vastgesteld|vaststelling", str(fout.value))


def test_begrotingskalender_for_a_stored_cycle_and_a_leap_day(w21):
    out = StringIO()
    call_command(
        "begrotingskalender", "mlw", "--jaar", "2025", "--vaststelling-begroting", "29-02-2024",
        stdout=out,
    )  # fmt: skip
    assert "ontwerpbegroting,2023-12-07," in out.getvalue()


def test_the_calendar_carries_no_injected_event(w21):
    mlw = w21["mlw"]
    Samenwerkingsverband.objects.filter(pk=mlw.pk).update(
        naam="MLW\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:nep"
    )
    Begrotingscyclus.objects.filter(pk=w21["cyclus"].pk).update(
        toelichting="x\nBEGIN:VEVENT", vaststelling_begroting=date(2026, 7, 2)
    )
    response = c21(w21, "stuurgroep").get(cyclus_url("ics"))
    assert response.status_code == 200
    cal = Calendar.from_ical(response.content)
    events = cal.walk("VEVENT")
    assert len(events) == 6  # the six open steps of 2027, nothing more
    assert all(not str(e["summary"]).startswith("nep") for e in events)
    for who in ("regiegroep ander", "ambtenaar Roermond"):
        assert c21(w21, who).get(cyclus_url("ics")).status_code == 404
    assert c21(w21, "regiegroep").get(cyclus_url("ics", afkorting="SCN21")).status_code == 302


def test_cycle_addresses_with_absurd_years_answer_404(w21):
    regie = c21(w21, "regiegroep")
    for jaar in (0, 2026, 32768, 99999999999999999999):
        for name in ("cyclus", "cyclus-bewerken", "cyclus-verwijderen"):
            assert regie.get(cyclus_url(name, jaar)).status_code == 404, (name, jaar)
        assert regie.post(cyclus_url("cyclus-verwijderen", jaar)).status_code == 404
    assert Begrotingscyclus.objects.filter(pk=w21["cyclus"].pk).exists()


def test_a_form_without_the_faulty_field_says_the_fault_instead_of_a_server_error(w21):
    """The uitvoeringsplan's form has only its text: the cycle's own fault (an old row with a
    date years away) is said above the form, not a ValueError of Django."""
    from django.forms import modelform_factory

    Begrotingscyclus.objects.filter(pk=w21["cyclus"].pk).update(
        ontwerpbegroting_verzonden=date(1, 1, 1)
    )
    cyclus = Begrotingscyclus.objects.get(pk=w21["cyclus"].pk)
    form = modelform_factory(Begrotingscyclus, fields=["uitvoeringsplan"])(
        {"uitvoeringsplan": "Plan"}, instance=cyclus
    )
    assert not form.is_valid()
    assert "te ver van begrotingsjaar 2027" in str(form.non_field_errors())
    zienswijze = Zienswijze(cyclus=cyclus, gemeente=w21["roermond"])
    form = modelform_factory(Zienswijze, fields=["tekst"])(
        {"tekst": "Zienswijze"}, instance=zienswijze
    )
    assert not form.is_valid() and "neemt niet deel" in str(form.non_field_errors())
