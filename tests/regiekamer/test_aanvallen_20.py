"""Issue 20 as an attacker sees it: pakketten, deelnames and scenario's reached with forged
posts and ids, by users of another samenwerkingsverband, the stuurgroep and an official; a
scenario leaking into the real world; hostile names in the exports; odd command input."""

import io
import re

import openpyxl
import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from brieven.models import Raadsinformatiebrief
from formatie.models import Pakket, Pakketdeelname, Rol
from kosten.gegevens import load_kostenverdeling
from kosten.rekening import load_rekening
from partijen.models import Gemeente, Inwonertal, Samenwerkingsverband
from regiekamer.roles import BEHEERDER, GEMEENTE, REGIEGROEP, STUURGROEP
from scenarios.maak import maak_scenario
from tests.conftest import logged_in
from tests.fuzz import page_data
from tests.partijen.factories import GebruikerFactory, ToegangFactory
from tests.pdfs import pdf_text
from tests.regiekamer.test_access_matrix import PostedForm
from tests.werkboek.test_werkboek_pakketten import workbook
from werkboek.cellen import WerkboekFout
from werkboek.opslaan import import_workbook
from werkboek.schrijven import export_workbook

pytestmark = pytest.mark.django_db

GEHEIM = "Geheimscenario"  # the scenario's name: never in the real world
SCN = "GHM"


@pytest.fixture
def wereld(demo):
    """MLW with a pluspakket (Weert, a rol in it), its scenario, another samenwerkingsverband
    with its own gemeente and pakket, and one user of every kind."""
    mlw = Samenwerkingsverband.objects.get(afkorting="MLW")
    weert = Gemeente.objects.get(naam="Weert")
    module = Pakket.objects.create(
        samenwerkingsverband=mlw, naam="Module", soort="plus", verdeling="gelijk"
    )
    Pakketdeelname.objects.create(pakket=module, gemeente=weert)
    rol = Rol.objects.filter(samenwerkingsverband=mlw).order_by("pk").first()
    rol.pakket = module
    rol.save()
    scenario = maak_scenario(mlw, SCN, GEHEIM)
    ander = Samenwerkingsverband.objects.create(
        naam="Ander verband", afkorting="ANDR", juridische_vorm=mlw.juridische_vorm
    )
    roermond = Gemeente.objects.create(naam="Roermond")
    ander.gemeenten.add(roermond)
    vreemd = Pakket.objects.create(
        samenwerkingsverband=ander, naam="Vreemd pakket", soort="plus", verdeling="gelijk"
    )

    def user(username, group, svs=(), gemeente=None):
        account = GebruikerFactory(username=username, rollen=[group])
        ToegangFactory(gebruiker=account, samenwerkingsverbanden=list(svs), gemeente=gemeente)
        return account

    users = {
        "regiegroep": user("a-regie", REGIEGROEP, [mlw]),
        "stuurgroep": user("a-stuur", STUURGROEP, [mlw]),
        "ambtenaar Weert": user("a-weert", GEMEENTE, gemeente=weert),
        "regiegroep ander": user("a-regie-ander", REGIEGROEP, [ander]),
        "ambtenaar Roermond": user("a-roermond", GEMEENTE, gemeente=roermond),
        "beheerder": user("a-beheer", BEHEERDER),
    }
    return {
        "mlw": mlw,
        "weert": weert,
        "module": module,
        "rol": rol,
        "scenario": scenario,
        "ander": ander,
        "roermond": roermond,
        "vreemd": vreemd,
        "users": users,
    }


def client(wereld, who):
    return logged_in(wereld["users"][who])


def text(response) -> str:
    body = re.sub(r"<[^>]+>", " ", response.content.decode())
    return " ".join(body.split())


def admin_data(client, url) -> dict:
    """The admin's change form as the browser posts it back unchanged."""
    parser = PostedForm(url)
    parser.feed(client.get(url).content.decode())
    data = {k: v if len(v) > 1 else v[0] for k, v in parser.data.items()}
    data.pop("csrfmiddlewaretoken", None)
    return data


def shares(sv) -> dict:
    kv = load_kostenverdeling(sv)
    return {key: (regel.kosten, dict(regel.aandelen)) for key, regel in kv.regels.items()}


# --- pakketten and deelnames ----------------------------------------------------------------


def test_a_pakket_holding_real_rollen_is_not_moved_to_the_scenario_in_the_admin(wereld):
    """Moved, the scenario's pakket would split MLW's real rollen (and MLW's cost page broke:
    its rollen named a pakket it does not hold)."""
    beheerder, module = client(wereld, "beheerder"), wereld["module"]
    before = shares(wereld["mlw"])
    for target in (wereld["scenario"], wereld["ander"]):
        url = reverse("admin:formatie_pakket_change", args=[module.pk])
        data = admin_data(beheerder, url)
        data |= {"samenwerkingsverband": str(target.pk), "naam": "Verhuisd"}
        data.pop("deelnames-0-gemeente", None)
        data["deelnames-0-DELETE"] = "on"
        response = beheerder.post(url, data)
        assert response.status_code == 200
        assert "Dit pakket heeft rollen van een ander samenwerkingsverband" in text(response)
        module.refresh_from_db()
        assert module.samenwerkingsverband == wereld["mlw"] and module.naam == "Module"
    assert shares(wereld["mlw"]) == before
    assert (
        client(wereld, "regiegroep").get("/samenwerkingsverbanden/MLW/kosten/").status_code == 200
    )


def test_a_pakket_without_rollen_may_still_be_moved_by_the_beheerder(wereld):
    beheerder = client(wereld, "beheerder")
    leeg = Pakket.objects.create(
        samenwerkingsverband=wereld["mlw"], naam="Leeg", soort="plus", verdeling="gelijk"
    )
    url = reverse("admin:formatie_pakket_change", args=[leeg.pk])
    data = admin_data(beheerder, url) | {"samenwerkingsverband": str(wereld["ander"].pk)}
    assert beheerder.post(url, data).status_code == 302
    leeg.refresh_from_db()
    assert leeg.samenwerkingsverband == wereld["ander"]


# --- scenario's reached by forged posts and ids -----------------------------------------------


def scenario_url(name, afkorting=SCN, *args):
    return reverse(f"scenarios:{name}", args=[afkorting, *args])


def test_a_forged_delete_of_a_scenario_deletes_nothing(wereld):
    scenario = wereld["scenario"]
    for who, status in [
        ("stuurgroep", 403),
        ("ambtenaar Weert", 403),
        ("regiegroep ander", 404),
        ("ambtenaar Roermond", 404),
    ]:
        response = client(wereld, who).post(scenario_url("scenario-delete"))
        assert response.status_code == status, who
    assert Samenwerkingsverband.objects.filter(pk=scenario.pk).exists()
    # The scenario's delete address with the real afkorting deletes nothing real.
    client(wereld, "regiegroep").post(scenario_url("scenario-delete", "MLW"))
    assert Samenwerkingsverband.objects.filter(afkorting="MLW").exists()


def test_no_scenario_of_another_samenwerkingsverband_nor_of_a_scenario(wereld):
    regie = client(wereld, "regiegroep")
    before = Samenwerkingsverband.objects.count()
    data = {"naam": "Overname", "afkorting": "OVER", "toelichting": ""}
    assert regie.post(scenario_url("scenario-create", "ANDR"), data).status_code == 404
    regie.post(scenario_url("scenario-create", SCN), data)
    assert Samenwerkingsverband.objects.count() == before
    with pytest.raises(CommandError):
        call_command("maak_scenario", SCN, afkorting="OVER", naam="Scenario van een scenario")
    assert Samenwerkingsverband.objects.count() == before


def test_no_letter_for_a_scenario_by_a_forged_post(wereld):
    before = Raadsinformatiebrief.objects.count()
    url = reverse("brieven:brief-create", args=[SCN])
    client(wereld, "regiegroep").post(
        url, {"gemeente": wereld["weert"].pk, "onderwerp": "Kosten", "tekst": "Geachte raad,"}
    )
    assert Raadsinformatiebrief.objects.count() == before


def test_the_scenarios_rol_form_refuses_the_real_pakket_and_pages_refuse_the_wrong_sv(wereld):
    regie, scenario, module = client(wereld, "regiegroep"), wereld["scenario"], wereld["module"]
    rol = Rol.objects.get(samenwerkingsverband=scenario, naam=wereld["rol"].naam)
    url = reverse("formatie:rol-update", args=[SCN, rol.pk])
    data = page_data(regie.get(url)) | {"pakket": str(module.pk)}
    assert "Selecteer een geldige keuze" in text(regie.post(url, data))
    rol.refresh_from_db()
    assert rol.pakket.samenwerkingsverband == scenario
    eigen = Pakket.objects.get(samenwerkingsverband=scenario, naam="Module")
    for afkorting, pakket in [("MLW", eigen), (SCN, module), ("MLW", wereld["vreemd"])]:
        url = reverse("formatie:pakket-update", args=[afkorting, pakket.pk])
        assert regie.get(url).status_code == 404
        assert regie.post(url, {"naam": "Gekaapt"}).status_code == 404
    assert not Pakket.objects.filter(naam="Gekaapt").exists()


def test_a_gemeente_of_another_samenwerkingsverband_does_not_join_the_scenario(wereld):
    regie, scenario, roermond = client(wereld, "regiegroep"), wereld["scenario"], wereld["roermond"]
    url = reverse("convenant:samenwerkingsverband-update", args=[SCN])
    data = page_data(regie.get(url))
    data["gemeenten"] = [*data["gemeenten"], str(roermond.pk)]
    regie.post(url, data)
    regie.post(scenario_url("scenario-gemeente-toevoegen"), {"naam": "roermond"})
    assert not scenario.gemeenten.filter(pk=roermond.pk).exists()
    # so the scenario gives nobody of MLW a look at Roermond
    url = reverse("gemeenten:gemeente-detail", args=[roermond.pk])
    assert client(wereld, "regiegroep").get(url).status_code == 404


def test_forged_ids_of_inwonertallen_between_the_real_world_and_scenarios(wereld):
    weert, scenario = wereld["weert"], wereld["scenario"]
    echt = Inwonertal.objects.create(gemeente=weert, peildatum="2016-01-01", aantal=48_000)
    eigen = Inwonertal.alle.create(
        gemeente=weert, peildatum="2016-01-01", aantal=50_000, scenario=scenario
    )
    ander = maak_scenario(wereld["mlw"], "ANDER2", "Tweede")
    hun = Inwonertal.alle.get(scenario=ander, gemeente=weert)
    regie = client(wereld, "regiegroep")
    url = scenario_url("scenario-update")
    for forged in (echt, hun):
        data = page_data(regie.get(url))
        row = next(k[: -len("-id")] for k, v in data.items() if v == str(eigen.pk))
        data |= {f"{row}-id": str(forged.pk), f"{row}-aantal": "1"}
        regie.post(url, data)
    # The official of Weert edits Weert's real figures: a scenario's row id is not theirs.
    official = client(wereld, "ambtenaar Weert")
    url = reverse("gemeenten:gemeente-update", args=[weert.pk])
    data = page_data(official.get(url))
    row = next(k[: -len("-id")] for k, v in data.items() if v == str(echt.pk))
    data |= {f"{row}-id": str(eigen.pk), f"{row}-aantal": "2"}
    official.post(url, data)
    assert [Inwonertal.alle.get(pk=r.pk).aantal for r in (echt, eigen, hun)] == [
        48_000,
        50_000,
        48_000,
    ]


# --- a scenario never leaks into the real world -----------------------------------------------


def secret_pakket(wereld):
    """A pakket of the scenario alone, holding one of its rollen."""
    scenario = wereld["scenario"]
    pakket = Pakket.objects.create(
        samenwerkingsverband=scenario, naam="Geheime module", soort="plus", verdeling="een"
    )
    Pakketdeelname.objects.create(pakket=pakket, gemeente=wereld["weert"])
    rol = Rol.objects.filter(samenwerkingsverband=scenario, pakket__isnull=True).first()
    rol.pakket = pakket
    rol.save()
    return pakket


def xlsx_text(content: bytes) -> str:
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    return " ".join(
        str(cell.value) for ws in workbook for row in ws.iter_rows() for cell in row if cell.value
    )


def command(*args, **kwargs) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO(), **kwargs)
    return out.getvalue()


def test_the_scenario_and_its_own_pakket_appear_in_no_real_output(wereld):
    secret_pakket(wereld)
    weert, regie = wereld["weert"], client(wereld, "regiegroep")
    gemeente = reverse("gemeenten:gemeente-detail", args=[weert.pk])
    kosten = reverse("kosten:kostenverdeling", args=["MLW"])
    outputs = {
        "rekening (pagina)": text(regie.get(gemeente)),
        "rekening (csv)": regie.get(gemeente, {"download": "csv"}).content.decode(),
        "rekening (pdf)": pdf_text(regie.get(gemeente, {"download": "pdf"}).content),
        "rekening (opdracht)": command("rekening", "Weert"),
        "kostenverdeling (pagina)": text(regie.get(kosten)),
        "kostenverdeling (xlsx)": xlsx_text(regie.get(kosten, {"download": "xlsx"}).content),
        "kostenverdeling (opdracht)": command("kostenverdeling", "MLW", format="csv"),
        "verrekening": text(regie.get(reverse("kosten:verrekening", args=["MLW"]))),
        "werkboek": xlsx_text(export_workbook(wereld["mlw"])),
        "gemeenten": text(regie.get(reverse("gemeenten:gemeente-list"))),
        "dashboard": text(regie.get(reverse("dashboard", args=["MLW"]))),
    }
    assert "Module" in outputs["rekening (csv)"]  # the real pluspakket is billed
    for name, output in outputs.items():
        for secret in (GEHEIM, SCN, "Geheime module"):
            assert secret not in output, f"{secret} in {name}"
    assert load_rekening(weert).niet_berekend == []


# --- hostile names in the exports ---------------------------------------------------------------

FORMULE = "=cmd|' /C calc'!A0"


def test_a_formula_as_gemeente_or_pakket_name_comes_out_as_text_in_every_csv(wereld):
    Gemeente.objects.filter(pk=wereld["weert"].pk).update(naam=FORMULE)
    Pakket.objects.filter(pk=wereld["module"].pk).update(naam="@SUM(1+1)*cmd|' /C calc'!A0")
    Samenwerkingsverband.objects.filter(pk=wereld["mlw"].pk).update(naam="+31 Midden")
    outputs = [
        command("rekening", FORMULE),
        command("vergelijk_scenarios", "mlw"),
        command("kostenverdeling", "MLW", format="csv"),
        client(wereld, "stuurgroep")
        .get(reverse("scenarios:vergelijking", args=["MLW"]), {"download": "csv"})
        .content.decode(),
    ]
    for output in outputs:
        cells = [cell for line in output.splitlines() for cell in line.split(",")]
        assert not [c for c in cells if c.lstrip('"').startswith(("=", "@", "+", "-"))], output
    assert "'@SUM(1+1)" in outputs[0] and "'+31 Midden" in outputs[0]  # pakket, verband
    for output in outputs[1:]:  # a column or cell per gemeente
        assert "'" + FORMULE in output


def test_a_formula_as_pakket_name_stays_text_in_the_workbooks(wereld):
    naam = '=HYPERLINK("http://evil.example/","klik")'
    Pakket.objects.filter(pk=wereld["module"].pk).update(naam=naam)
    regie = client(wereld, "regiegroep")
    kosten = reverse("kosten:kostenverdeling", args=["MLW"])
    for content in (
        export_workbook(wereld["mlw"]),
        regie.get(kosten, {"download": "xlsx"}).content,
    ):
        workbook = openpyxl.load_workbook(io.BytesIO(content))
        cells = [c for ws in workbook for row in ws.iter_rows() for c in row if c.value == naam]
        assert cells and all(c.data_type == "s" for c in cells)
        assert not [
            c for ws in workbook for row in ws.iter_rows() for c in row if c.data_type == "f"
        ]


# --- the commands with odd input --------------------------------------------------------------

ODD = [
    "",
    "   ",
    "x" * 5000,
    "MLW'; DROP TABLE partijen_samenwerkingsverband; --",
    "МLW",  # a Cyrillic М
    "Wеert",  # a Cyrillic е
    "MLW\x00",
    "%",
    "_",
]


@pytest.mark.parametrize("odd", ODD)
def test_the_commands_refuse_odd_input_in_dutch_and_change_nothing(wereld, odd):
    before = Samenwerkingsverband.objects.count(), Inwonertal.alle.count()
    with pytest.raises(CommandError):
        call_command("rekening", odd, stdout=io.StringIO())
    with pytest.raises(CommandError):
        call_command("vergelijk_scenarios", odd, stdout=io.StringIO())
    if odd != "_":  # "_" is a slug like any other
        with pytest.raises(CommandError):
            call_command("maak_scenario", "MLW", afkorting=odd, naam="Vreemd")
    if odd.strip() and "\x00" not in odd:  # SQLite's LIKE stops at NUL: "MLW" typed
        with pytest.raises(CommandError):
            call_command("maak_scenario", odd, afkorting="NIEUW", naam="Vreemd")
    assert (Samenwerkingsverband.objects.count(), Inwonertal.alle.count()) == before


def test_a_scenario_name_beyond_its_field_is_refused_in_dutch(wereld):
    with pytest.raises(CommandError, match="200"):
        call_command("maak_scenario", "MLW", afkorting="LANG", naam="x" * 5000)
    assert not Samenwerkingsverband.objects.filter(afkorting="LANG").exists()


def test_the_scenario_is_not_settled_by_the_command(wereld):
    with pytest.raises(CommandError, match="scenario"):
        call_command("verrekening", SCN, stdout=io.StringIO())
    assert "Geheime" not in command("kostenverdeling", SCN, format="csv")


def test_a_gemeente_that_left_is_not_charged_by_a_pluspakket_in_silence(wereld):
    """Weert leaves MLW (the samenwerkingsverband's page lets a gemeente leave) while it is
    the deelnemer of MLW's pluspakket: its bill no longer lists MLW, so MLW's cost table may
    not go on charging Weert; it names the pakket and the gemeente instead."""
    mlw, weert, regie = wereld["mlw"], wereld["weert"], client(wereld, "regiegroep")
    url = reverse("convenant:samenwerkingsverband-update", args=["MLW"])
    data = page_data(regie.get(url))
    data["gemeenten"] = [str(g.pk) for g in mlw.gemeenten.exclude(pk=weert.pk)]
    assert regie.post(url, data).status_code == 302
    assert not mlw.gemeenten.filter(pk=weert.pk).exists()
    page = text(regie.get(reverse("kosten:kostenverdeling", args=["MLW"])))
    assert "Pakket Module rekent in 2016 op Weert, maar die gemeente neemt niet (meer) deel" in page
    assert "Midden-Limburg West" not in load_rekening(weert).csv()


REFUSALS = (
    "Selecteer een geldige keuze",
    "neemt geen deel aan dit samenwerkingsverband",
    "Dit pakket hoort bij een ander samenwerkingsverband",
)


def refused(response) -> bool:
    return response.status_code == 200 and any(r in text(response) for r in REFUSALS)


def test_the_admin_refuses_another_verbands_gemeente_as_deelnemer_and_pakket_for_a_rol(wereld):
    beheerder, mlw, roermond = client(wereld, "beheerder"), wereld["mlw"], wereld["roermond"]
    url = reverse("admin:formatie_pakket_add")
    data = admin_data(beheerder, url) | {
        "samenwerkingsverband": str(mlw.pk),
        "naam": "Met een vreemde",
        "soort": "plus",
        "verdeling": "gelijk",
        "deelnames-TOTAL_FORMS": "1",
        "deelnames-0-gemeente": str(roermond.pk),
    }
    assert refused(beheerder.post(url, data))
    url = reverse("admin:formatie_pakket_change", args=[wereld["module"].pk])
    data = admin_data(beheerder, url) | {"deelnames-0-gemeente": str(roermond.pk)}
    assert refused(beheerder.post(url, data))
    assert not Pakketdeelname.objects.filter(gemeente=roermond).exists()
    rol = wereld["rol"]
    url = reverse("admin:formatie_rol_change", args=[rol.pk])
    data = admin_data(beheerder, url) | {"pakket": str(wereld["vreemd"].pk)}
    assert refused(beheerder.post(url, data))
    url = reverse("admin:formatie_rol_add")
    data = admin_data(beheerder, url) | {
        "samenwerkingsverband": str(mlw.pk),
        "naam": "Vreemde rol",
        "kostensoort": "vast",
        "pakket": str(wereld["vreemd"].pk),
    }
    assert refused(beheerder.post(url, data))
    rol.refresh_from_db()
    assert rol.pakket == wereld["module"]
    assert not Rol.objects.filter(naam="Vreemde rol").exists()


@pytest.mark.parametrize("naam", ["Basispakket", "  TOTAAL ", "basis pakket"])
def test_a_pluspakket_is_not_named_as_the_basispakket_or_the_total(wereld, naam):
    """On a gemeente's bill and in the cost table a pluspakket named "Basispakket" reads as
    the basispakket (two lines "Basispakket", one paid by Weert alone)."""
    regie = client(wereld, "regiegroep")
    url = reverse("formatie:pakket-update", args=["MLW", wereld["module"].pk])
    data = page_data(regie.get(url)) | {"naam": naam}
    response = regie.post(url, data)
    wereld["module"].refresh_from_db()
    if naam == "basis pakket":  # another name: allowed
        assert wereld["module"].naam == naam
        return
    assert "Een pluspakket heet niet Basispakket of Totaal" in text(response)
    assert wereld["module"].naam == "Module"

    rows = [[naam, "plus", "gelijk", "Weert", None, None]]
    with pytest.raises(WerkboekFout) as caught:
        import_workbook(workbook(pakket_rows=rows, rol_pakketten={}), wereld["ander"])
    assert caught.value.problems == [
        'Pakketten, rij 2, kolom "pakket": Een pluspakket heet niet Basispakket of Totaal: zo '
        "heten de kolommen van de kostenverdeling en de rekening. Kies een andere naam."
    ]


def test_every_sheet_of_a_scenarios_cost_workbook_says_scenario(wereld):
    """A workbook is forwarded without the page around it: the scenario's must say so (the
    formatie workbook already did), the real one must not."""
    regie = client(wereld, "regiegroep")
    for afkorting, expected in [(SCN, True), ("MLW", False)]:
        url = reverse("kosten:kostenverdeling", args=[afkorting])
        workbook = openpyxl.load_workbook(io.BytesIO(regie.get(url, {"download": "xlsx"}).content))
        assert len(workbook.worksheets) >= 2
        for ws in workbook:  # its title: the first row, or above every printed page
            title = ws.oddHeader.center.text or ws["A1"].value
            assert ("Scenario" in title) is expected, (afkorting, ws.title, title)


def test_no_scenario_of_another_verband_through_the_admin(admin_for_every_role, wereld):
    """With the admin opened to every role: another verband's regiegroep makes no scenario of
    MLW (which would give it MLW's figures to copy) and cannot hang its own under MLW."""
    ander = client(wereld, "regiegroep ander")
    url = reverse("admin:partijen_samenwerkingsverband_add")
    data = admin_data(ander, url) | {
        "naam": "Overname",
        "afkorting": "OVNM",
        "juridische_vorm": wereld["mlw"].juridische_vorm,
        "scenario_van": str(wereld["mlw"].pk),
    }
    response = ander.post(url, data)
    assert response.status_code in (200, 403)
    assert not Samenwerkingsverband.objects.filter(afkorting="OVNM").exists()
    url = reverse("admin:partijen_samenwerkingsverband_change", args=[wereld["ander"].pk])
    data = admin_data(ander, url) | {"scenario_van": str(wereld["mlw"].pk)}
    ander.post(url, data)
    wereld["ander"].refresh_from_db()
    assert wereld["ander"].scenario_van is None
