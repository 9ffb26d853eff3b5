"""Issue 21 as an attacker sees it, the input side: the werkelijke kosten grid and import
(hostile files, forged posts with rollen and gemeenten of another samenwerkingsverband, the
stuurgroep and an official writing, a scenario), their admin, the zienswijzen page and the
uitvoeringsplan (forged pakket and gemeente ids, a basispakket, an absurd year)."""

import io
import re
import zipfile

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from begroting.models import Begrotingscyclus, Zienswijze
from formatie.deelname import zet_deelname
from formatie.models import Pakket, Pakketdeelname, Rol
from kosten.models import Realisatie, Voorschotregeling
from kosten.realisatie import RealisatieFout, lees_bestand, lees_en_importeer
from tests.regiekamer.test_aanvallen_20 import admin_data, client, text, wereld  # noqa: F401

pytestmark = pytest.mark.django_db

JAAR = 2017
REFUSED = "Selecteer een geldige keuze"  # the admin does not offer the row


@pytest.fixture
def w(wereld):  # noqa: F811
    """The issue 20 world, with a rol of the other samenwerkingsverband and MLW's cycle."""
    ander = wereld["ander"]
    wereld["vreemde rol"] = Rol.objects.create(
        samenwerkingsverband=ander, naam="Vreemde rol", kostensoort="vast"
    )
    mlw = wereld["mlw"]
    type(mlw).objects.filter(pk=mlw.pk).update(eigen_begroting=True)
    wereld["cyclus"] = Begrotingscyclus.objects.create(samenwerkingsverband=mlw, jaar=JAAR)
    wereld["scenario rol"] = Rol.objects.filter(samenwerkingsverband=wereld["scenario"]).first()
    return wereld


def xlsx(rows) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def rewritten(data: bytes, part: str, change) -> bytes:
    """The workbook with one part changed (``change``: bytes -> bytes)."""
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            target.writestr(info.filename, change(content) if info.filename == part else content)
    return out.getvalue()


# --- the import: hostile files ----------------------------------------------------------------


def test_a_workbook_without_any_worksheet_is_refused_in_dutch(w):
    """Only a chart sheet, or its sheets taken out of workbook.xml: no 500, a Dutch reason."""
    data = rewritten(
        xlsx([["jaar", "rol", "bedrag"]]),
        "xl/workbook.xml",
        lambda xml: re.sub(rb"<sheets>.*</sheets>", b"<sheets/>", xml),
    )
    with pytest.raises(RealisatieFout, match="geen werkblad"):
        lees_bestand(data, w["mlw"], "kosten.xlsx")
    response = client(w, "regiegroep").post(
        reverse("kosten:realisatie-import", args=["MLW"]),
        {"bestand": io.BytesIO(data)},
    )
    assert response.status_code == 200 and "geen werkblad" in text(response)


def test_another_verbands_rol_and_gemeente_and_the_scenarios_rol_are_refused(w):
    rows = [
        ["jaar", "rol", "bedrag", "gedragen_door"],
        [JAAR, w["rol"].naam, 10, "Roermond"],
        [JAAR, "Vreemde rol", 10, ""],
    ]
    with pytest.raises(RealisatieFout) as fout:
        lees_en_importeer(xlsx(rows), w["mlw"], "kosten.xlsx")
    problems = " ".join(fout.value.problems)
    assert '"Roermond" is geen gemeente van MLW' in problems
    assert '"Vreemde rol" is geen rol van MLW' in problems
    assert not Realisatie.objects.exists()
    with pytest.raises(RealisatieFout, match="Een scenario heeft geen werkelijke kosten"):
        lees_en_importeer(xlsx(rows[:2]), w["scenario"], "kosten.xlsx")


@pytest.mark.parametrize(
    "cell, reason",
    [
        (1e308, "onwaarschijnlijk hoog"),
        (-5, "negatief"),
        ("=1+1", "formule"),
        ("@SUM(A1)", "formule"),
        ("veel", "geen getal"),
        (True, "WAAR/ONWAAR"),
        ("1e308", "geen getal"),
    ],
)
def test_absurd_amounts_are_refused_and_nothing_is_saved(w, cell, reason):
    rows = [["jaar", "rol", "bedrag"], [JAAR, w["rol"].naam, 5], [JAAR + 1, w["rol"].naam, cell]]
    with pytest.raises(RealisatieFout) as fout:
        lees_en_importeer(xlsx(rows), w["mlw"], "kosten.xlsx")
    assert 'rij 3, kolom C "bedrag"' in fout.value.problems[0]
    assert reason in fout.value.problems[0]
    assert not Realisatie.objects.exists()


def test_a_nul_byte_in_a_csv_is_refused_whole(w):
    data = f"jaar;rol;bedrag;toelichting\n{JAAR};{w['rol'].naam};5;a\x00b\n".encode()
    with pytest.raises(RealisatieFout, match="NUL-tekens"):
        lees_en_importeer(data, w["mlw"], "kosten.csv")
    assert not Realisatie.objects.exists()


def test_a_pdf_renamed_xlsx_and_a_zip_bomb_are_refused(w):
    with pytest.raises(RealisatieFout, match="geen Excel-werkboek"):
        lees_bestand(b"%PDF-1.4 hallo", w["mlw"], "kosten.xlsx")
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b" " * (30 * 1024 * 1024))
    with pytest.raises(RealisatieFout):
        lees_bestand(bomb.getvalue(), w["mlw"], "kosten.xlsx")


# --- the grid: forged posts -------------------------------------------------------------------


def grid_data(c, sv="MLW") -> dict:
    body = c.get(reverse("kosten:realisatie", args=[sv]) + f"?jaar={JAAR}").content.decode()
    data = dict(re.findall(r'name="(rol\d+-geopend)" value="([^"]*)"', body))
    return data


def test_a_forged_gedragen_door_of_another_verband_saves_nothing(w):
    c, rol = client(w, "regiegroep"), w["rol"]
    data = grid_data(c) | {
        f"rol{rol.pk}-werkelijk": "1.000",
        f"rol{rol.pk}-gedragen_door": str(w["roermond"].pk),
    }
    response = c.post(reverse("kosten:realisatie", args=["MLW"]) + f"?jaar={JAAR}", data)
    assert "Niets opgeslagen" in text(response)
    assert not Realisatie.objects.exists()


def test_a_forged_row_for_another_verbands_rol_writes_nothing(w):
    c, vreemd = client(w, "regiegroep"), w["vreemde rol"]
    data = grid_data(c) | {f"rol{vreemd.pk}-werkelijk": "1.000", f"rol{vreemd.pk}-geopend": ""}
    c.post(reverse("kosten:realisatie", args=["MLW"]) + f"?jaar={JAAR}", data)
    assert not Realisatie.objects.filter(rol=vreemd).exists()


@pytest.mark.parametrize("who", ["stuurgroep", "ambtenaar Weert", "regiegroep ander"])
def test_who_may_not_edit_writes_no_actual_costs(w, who):
    rol = w["rol"]
    data = {f"rol{rol.pk}-werkelijk": "1.000", f"rol{rol.pk}-geopend": "||"}
    response = client(w, who).post(
        reverse("kosten:realisatie", args=["MLW"]) + f"?jaar={JAAR}", data
    )
    assert response.status_code in (403, 404)
    upload = client(w, who).post(
        reverse("kosten:realisatie-import", args=["MLW"]),
        {"bestand": io.BytesIO(xlsx([["jaar", "rol", "bedrag"], [JAAR, rol.naam, 5]]))},
    )
    assert upload.status_code in (403, 404)
    assert not Realisatie.objects.exists()


def test_the_scenario_gets_no_actual_costs_by_a_forged_post(w):
    rol = w["scenario rol"]
    c = client(w, "regiegroep")
    data = {f"rol{rol.pk}-werkelijk": "1.000", f"rol{rol.pk}-geopend": "||"}
    c.post(reverse("kosten:realisatie", args=["GHM"]) + f"?jaar={JAAR}", data)
    c.post(
        reverse("kosten:realisatie-import", args=["GHM"]),
        {"bestand": io.BytesIO(xlsx([["jaar", "rol", "bedrag"], [JAAR, rol.naam, 5]]))},
    )
    assert not Realisatie.objects.exists()


# --- the admin ------------------------------------------------------------------------------


def test_the_admin_puts_no_actual_costs_or_voorschotten_in_a_scenario(w):
    beheerder, scenario = client(w, "beheerder"), w["scenario"]
    url = reverse("admin:kosten_realisatie_add")
    data = admin_data(beheerder, url) | {
        "samenwerkingsverband": str(scenario.pk),
        "rol": str(w["scenario rol"].pk),
        "jaar": str(JAAR),
        "bedrag": "100",
    }
    assert REFUSED in text(beheerder.post(url, data))
    assert not Realisatie.objects.exists()
    rij = Realisatie(samenwerkingsverband=scenario, rol=w["scenario rol"], jaar=JAAR, bedrag=1)
    with pytest.raises(ValidationError, match="Een scenario heeft geen werkelijke kosten"):
        rij.full_clean()
    url = reverse("admin:kosten_voorschotregeling_add")
    data = admin_data(beheerder, url) | {
        "samenwerkingsverband": str(scenario.pk),
        "vanaf_jaar": str(JAAR),
    }
    assert REFUSED in text(beheerder.post(url, data))
    assert not Voorschotregeling.objects.exists()
    with pytest.raises(ValidationError, match="Een scenario heeft geen voorschotten"):
        Voorschotregeling(samenwerkingsverband=scenario, vanaf_jaar=JAAR).full_clean()


@pytest.mark.parametrize("jaar", ["0", "1899", "32000"])
def test_the_admin_refuses_an_absurd_year_of_actual_costs(w, jaar):
    beheerder = client(w, "beheerder")
    url = reverse("admin:kosten_realisatie_add")
    data = admin_data(beheerder, url) | {
        "samenwerkingsverband": str(w["mlw"].pk),
        "rol": str(w["rol"].pk),
        "jaar": jaar,
        "bedrag": "100",
    }
    response = beheerder.post(url, data)
    assert response.status_code == 200 and "geen jaar tussen 2000 en 2100" in text(response)
    assert not Realisatie.objects.exists()


def test_the_admin_refuses_another_verbands_rol_gemeente_and_pakket(w):
    beheerder, mlw = client(w, "beheerder"), w["mlw"]
    url = reverse("admin:kosten_realisatie_add")
    data = admin_data(beheerder, url) | {
        "samenwerkingsverband": str(mlw.pk),
        "rol": str(w["vreemde rol"].pk),
        "jaar": str(JAAR),
        "bedrag": "100",
    }
    assert "hoort niet bij dit samenwerkingsverband" in text(beheerder.post(url, data))
    data |= {"rol": str(w["rol"].pk), "gedragen_door": str(w["roermond"].pk)}
    assert "neemt niet deel" in text(beheerder.post(url, data))
    url = reverse("admin:kosten_voorschotregeling_add")
    data = admin_data(beheerder, url) | {
        "samenwerkingsverband": str(mlw.pk),
        "vanaf_jaar": str(JAAR),
        "pakket": str(w["vreemd"].pk),
    }
    assert "hoort niet bij dit samenwerkingsverband" in text(beheerder.post(url, data))
    assert not Realisatie.objects.exists() and not Voorschotregeling.objects.exists()


def test_the_admin_refuses_a_zienswijze_of_a_gemeente_outside_the_cycle(w):
    beheerder = client(w, "beheerder")
    url = reverse("admin:begroting_zienswijze_add")
    data = admin_data(beheerder, url) | {
        "cyclus": str(w["cyclus"].pk),
        "gemeente": str(w["roermond"].pk),
        "geen_zienswijze": "on",
    }
    response = beheerder.post(url, data)
    assert response.status_code == 200 and "neemt niet deel" in text(response)
    assert not Zienswijze.objects.exists()


def test_the_admin_selects_show_no_other_verbands_rows(w, admin_for_every_role):
    c = client(w, "regiegroep")
    for name in ("kosten_realisatie", "kosten_voorschotregeling", "begroting_zienswijze"):
        page = text(c.get(reverse(f"admin:{name}_add")))
        assert "Roermond" not in page and "Vreemde rol" not in page and "Vreemd pakket" not in page
        assert "ANDR" not in page and "Ander verband" not in page


# --- the zienswijzen page -------------------------------------------------------------------


def zienswijzen_url():
    return reverse("begroting:zienswijzen", args=["MLW", JAAR])


@pytest.mark.parametrize("who", ["stuurgroep", "ambtenaar Weert", "regiegroep ander"])
def test_who_may_not_edit_writes_no_zienswijze(w, who):
    weert = w["weert"]
    data = {f"g{weert.pk}-geen_zienswijze": "on", f"g{weert.pk}-versie": "0"}
    response = client(w, who).post(zienswijzen_url(), data)
    assert response.status_code in (403, 404)
    assert not Zienswijze.objects.exists()


def test_a_forged_row_of_another_verbands_gemeente_writes_nothing(w):
    roermond = w["roermond"]
    data = {f"g{roermond.pk}-geen_zienswijze": "on", f"g{roermond.pk}-versie": "0"}
    client(w, "regiegroep").post(zienswijzen_url(), data)
    assert not Zienswijze.objects.filter(gemeente=roermond).exists()


def test_the_scenario_has_no_zienswijzen_page(w):
    Begrotingscyclus.objects.create(samenwerkingsverband=w["scenario"], jaar=JAAR)
    response = client(w, "regiegroep").post(
        reverse("begroting:zienswijzen", args=["GHM", JAAR]), {}, follow=True
    )
    assert not Zienswijze.objects.exists()
    assert response.status_code in (403, 404) or "scenario" in text(response)


# --- the uitvoeringsplan and zet_deelname ---------------------------------------------------


def plan_url():
    return reverse("begroting:uitvoeringsplan", args=["MLW", JAAR])


def test_forged_cells_of_another_verband_or_the_basispakket_change_nothing(w):
    c, weert = client(w, "regiegroep"), w["weert"]
    basis = Pakket.objects.filter(samenwerkingsverband=w["mlw"], soort="basis").first()
    before = list(Pakketdeelname.objects.values_list("pk", "vanaf_jaar", "tot_en_met_jaar"))
    forged = [
        f"{w['vreemd'].pk}-{weert.pk}",
        f"{w['module'].pk}-{w['roermond'].pk}",
        f"{w['module'].pk}-x",
        "1e9-1",
    ]
    if basis is not None:
        forged.append(f"{basis.pk}-{weert.pk}")
    for cell in forged:
        response = c.post(plan_url(), {"deelname": [cell], "geopend": [], "uitvoeringsplan": ""})
        assert "Niets opgeslagen" in text(response)
    assert list(Pakketdeelname.objects.values_list("pk", "vanaf_jaar", "tot_en_met_jaar")) == (
        before
    )


@pytest.mark.parametrize("who", ["stuurgroep", "ambtenaar Weert", "regiegroep ander"])
def test_who_may_not_edit_ticks_no_pakket(w, who):
    before = Pakketdeelname.objects.count()
    cell = f"{w['module'].pk}-{w['weert'].pk}"
    response = client(w, who).post(plan_url(), {"geopend": [cell], "uitvoeringsplan": ""})
    assert response.status_code in (403, 404)
    assert Pakketdeelname.objects.count() == before


def test_zet_deelname_refuses_another_verbands_gemeente_pakket_and_absurd_years(w):
    module, weert, roermond = w["module"], w["weert"], w["roermond"]
    with pytest.raises(ValidationError, match="neemt geen deel"):
        zet_deelname(module, roermond, JAAR, True)
    with pytest.raises(ValidationError, match="neemt geen deel"):
        zet_deelname(w["vreemd"], weert, JAAR, True)
    for jaar in (0, 1899, 32767, 40000):
        with pytest.raises(ValidationError, match="geen begrotingsjaar"):
            zet_deelname(module, weert, jaar, False)
    assert list(Pakketdeelname.objects.filter(pakket=module).values_list("vanaf_jaar")) == [(None,)]


# --- the year's CSV, downloaded and read back -------------------------------------------------


def test_the_years_csv_reads_back_unchanged_with_text_that_looks_like_a_formula(w):
    """The download quotes text a spreadsheet would run ('-10%, '+ extra); reading the same
    file back must not store the quote, nor refuse the cell, nor count it as a change."""
    from kosten.realisatie import jaar_csv

    mlw, rol = w["mlw"], w["rol"]
    Realisatie.objects.create(
        samenwerkingsverband=mlw,
        rol=rol,
        jaar=JAAR,
        bedrag=100,
        toelichting="-10% minder uren",
        bron="+ grootboek 4711",
    )
    tweede = Rol.objects.filter(samenwerkingsverband=mlw).exclude(pk=rol.pk).first()
    Realisatie.objects.create(
        samenwerkingsverband=mlw, rol=tweede, jaar=JAAR, bedrag=5, toelichting="=geen formule"
    )
    csv = jaar_csv(mlw, JAAR)
    assert "'-10% minder uren" in csv and "'=geen formule" in csv  # formula-safe out
    resultaat = lees_en_importeer(csv.encode(), mlw, "werkelijke-kosten.csv")
    assert (resultaat.nieuw, resultaat.gewijzigd) == (0, 0)
    assert resultaat.ongewijzigd == 2
    rij = Realisatie.objects.get(rol=rol)
    assert (rij.toelichting, rij.bron) == ("-10% minder uren", "+ grootboek 4711")
    assert Realisatie.objects.get(rol=tweede).toelichting == "=geen formule"


def test_a_rol_named_like_a_formula_is_found_in_the_years_csv(w):
    from kosten.realisatie import jaar_csv

    mlw, rol = w["mlw"], w["rol"]
    Rol.objects.filter(pk=rol.pk).update(naam="-Reserve")
    csv = jaar_csv(mlw, JAAR).replace(f"{JAAR},'-Reserve,,", f'{JAAR},\'-Reserve,"1.000",')
    assert "'-Reserve" in csv
    lees_en_importeer(csv.encode(), mlw, "werkelijke-kosten.csv")
    assert Realisatie.objects.get(rol=rol).bedrag == 1000


def test_zet_deelname_for_a_gemeente_outside_writes_nothing_out(w):
    """Leaving a pakket of another samenwerkingsverband: refused before its 'every gemeente'
    is written out into rows for that samenwerkingsverband's gemeenten."""
    for neemt in (False, True):
        with pytest.raises(ValidationError, match="neemt geen deel"):
            zet_deelname(w["vreemd"], w["weert"], JAAR, neemt)
    assert not Pakketdeelname.objects.filter(pakket=w["vreemd"]).exists()


def test_another_verbands_rows_stay_out_of_the_admins_lists_sidebars_and_pages(
    w, admin_for_every_role
):
    ander, roermond = w["ander"], w["roermond"]
    type(ander).objects.filter(pk=ander.pk).update(eigen_begroting=True)
    vreemd = Realisatie.objects.create(
        samenwerkingsverband=ander, rol=w["vreemde rol"], jaar=JAAR, bedrag=1, toelichting="Xq"
    )
    regeling = Voorschotregeling.objects.create(
        samenwerkingsverband=ander, vanaf_jaar=JAAR, toelichting="Xq"
    )
    cyclus = Begrotingscyclus.objects.create(samenwerkingsverband=ander, jaar=JAAR)
    zienswijze = Zienswijze.objects.create(cyclus=cyclus, gemeente=roermond, tekst="Xq")
    for who in ("regiegroep", "stuurgroep", "ambtenaar Weert"):
        c = client(w, who)
        for name, row in (
            ("kosten_realisatie", vreemd),
            ("kosten_voorschotregeling", regeling),
            ("begroting_zienswijze", zienswijze),
        ):
            page = text(c.get(reverse(f"admin:{name}_changelist")))
            assert "Roermond" not in page and "ANDR" not in page and "Vreemde rol" not in page
            assert "Ander verband" not in page
            found = text(c.get(reverse(f"admin:{name}_changelist") + "?q=Xq"))
            assert "Roermond" not in found and "ANDR" not in found
            change = c.get(reverse(f"admin:{name}_change", args=[row.pk]))
            assert change.status_code in (302, 403, 404)
            history = c.get(reverse(f"admin:{name}_history", args=[row.pk]))
            assert history.status_code in (302, 403, 404)


@pytest.mark.parametrize("who", ["ambtenaar Roermond", "regiegroep ander"])
def test_an_outsider_reads_none_of_the_pages(w, who):
    Zienswijze.objects.create(cyclus=w["cyclus"], gemeente=w["weert"], tekst="Geheime zienswijze")
    Realisatie.objects.create(
        samenwerkingsverband=w["mlw"], rol=w["rol"], jaar=JAAR, bedrag=1, toelichting="Geheim"
    )
    c = client(w, who)
    for url in (
        zienswijzen_url(),
        plan_url(),
        w["cyclus"].get_absolute_url(),
        reverse("kosten:realisatie", args=["MLW"]) + f"?jaar={JAAR}",
        reverse("kosten:realisatie", args=["MLW"]) + f"?jaar={JAAR}&download=csv",
        reverse("kosten:realisatie-import", args=["MLW"]),
    ):
        response = c.get(url)
        assert response.status_code in (403, 404), url
        assert "Geheim" not in response.content.decode()


# --- the command ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "bestand, afkorting, reason",
    [
        ("kosten\x00.csv", "MLW", "bestaat niet"),
        ("/nergens/kosten.csv", "MLW", "bestaat niet"),
        ("/tmp", "MLW", "bestaat niet"),
        ("GOED", "ML\x00W", "Onbekend samenwerkingsverband"),
        ("GOED", "GHM", "Een scenario heeft geen werkelijke kosten"),
        ("GOED", "", "Onbekend samenwerkingsverband"),
    ],
)
def test_the_command_refuses_odd_input_in_dutch(w, tmp_path, bestand, afkorting, reason):
    from django.core.management import CommandError, call_command

    if bestand == "GOED":
        goed = tmp_path / "kosten.csv"
        goed.write_text(f"jaar;rol;bedrag\n{JAAR};{w['rol'].naam};5\n", encoding="utf-8")
        bestand = str(goed)
    with pytest.raises(CommandError, match=reason):
        call_command("importeer_realisatie", bestand, samenwerkingsverband=afkorting)
    assert not Realisatie.objects.exists()


def test_the_admin_puts_no_zienswijze_in_a_scenarios_cycle(w):
    """A cycle of the scenario (made however) takes no zienswijze through the admin."""
    scenario_cyclus = Begrotingscyclus.objects.create(samenwerkingsverband=w["scenario"], jaar=JAAR)
    beheerder = client(w, "beheerder")
    url = reverse("admin:begroting_zienswijze_add")
    data = admin_data(beheerder, url) | {
        "cyclus": str(scenario_cyclus.pk),
        "gemeente": str(w["weert"].pk),
        "geen_zienswijze": "on",
    }
    assert REFUSED in text(beheerder.post(url, data))
    assert not Zienswijze.objects.exists()
    zienswijze = Zienswijze(cyclus=scenario_cyclus, gemeente=w["weert"], geen_zienswijze=True)
    with pytest.raises(ValidationError, match="Een scenario heeft geen begroting"):
        zienswijze.full_clean()


def test_a_gemeente_that_left_keeps_the_costs_it_bore_when_the_grid_is_saved(w):
    """Weert bore a rol's costs in 2017 and left MLW since. Saving another row of the year
    (the form posted as the browser does) must not move Weert's costs to 'volgens de
    begroting' in silence, nor fail."""
    mlw, rol, weert = w["mlw"], w["rol"], w["weert"]
    Realisatie.objects.create(
        samenwerkingsverband=mlw, rol=rol, jaar=JAAR, bedrag=100, gedragen_door=weert
    )
    mlw.gemeenten.remove(weert)
    c = client(w, "regiegroep")
    url = reverse("kosten:realisatie", args=["MLW"]) + f"?jaar={JAAR}"
    page = c.get(url)
    assert "Weert" in text(page)  # who bore it is still shown
    data = admin_data(c, url)
    tweede = Rol.objects.filter(samenwerkingsverband=mlw).exclude(pk=rol.pk).first()
    data[f"rol{tweede.pk}-werkelijk"] = "5"
    response = c.post(url, data, follow=True)
    assert "Opgeslagen" in text(response) and "1 nieuw" in text(response)
    assert Realisatie.objects.get(rol=rol).gedragen_door == weert
    # Its amount corrected, the row keeps Weert; another row cannot be given to Weert.
    data = admin_data(c, url) | {f"rol{rol.pk}-werkelijk": "150"}
    data[f"rol{tweede.pk}-gedragen_door"] = str(weert.pk)
    assert "Niets opgeslagen" in text(c.post(url, data))
    data[f"rol{tweede.pk}-gedragen_door"] = ""
    assert "1 gewijzigd" in text(c.post(url, data, follow=True))
    rij = Realisatie.objects.get(rol=rol)
    assert (rij.bedrag, rij.gedragen_door) == (150, weert)
    assert Realisatie.objects.get(rol=tweede).gedragen_door is None


def test_the_years_csv_with_a_gemeente_that_left_reads_back(w):
    """The download names Weert, which bore the costs and left since: read back unchanged it
    is no error; Weert for a row it did not bear is still refused."""
    from kosten.realisatie import jaar_csv

    mlw, rol, weert = w["mlw"], w["rol"], w["weert"]
    Realisatie.objects.create(
        samenwerkingsverband=mlw, rol=rol, jaar=JAAR, bedrag=100, gedragen_door=weert
    )
    mlw.gemeenten.remove(weert)
    csv = jaar_csv(mlw, JAAR)
    assert f"{JAAR},{rol.naam},100,Weert" in csv
    resultaat = lees_en_importeer(csv.encode(), mlw, "kosten.csv")
    assert resultaat.ongewijzigd == 1
    csv = csv.replace(f"{JAAR},{rol.naam},100,Weert", f"{JAAR},{rol.naam},120,Weert")
    assert lees_en_importeer(csv.encode(), mlw, "kosten.csv").gewijzigd == 1
    assert Realisatie.objects.get(rol=rol).gedragen_door == weert
    tweede = Rol.objects.filter(samenwerkingsverband=mlw).exclude(pk=rol.pk).first()
    with pytest.raises(RealisatieFout, match='"Weert" is geen gemeente van MLW'):
        lees_en_importeer(
            f"jaar,rol,bedrag,gedragen_door\n{JAAR},{tweede.naam},5,Weert\n".encode(), mlw
        )
    with pytest.raises(RealisatieFout, match='"Weert" is geen gemeente van MLW'):
        lees_en_importeer(
            f"jaar,rol,bedrag,gedragen_door\n{JAAR + 1},{rol.naam},5,Weert\n".encode(), mlw
        )


def test_a_regiegroep_member_elsewhere_who_is_weerts_official_edits_no_zienswijze_of_mlw(
    w, admin_for_every_role
):
    """Regiegroep of ANDR and official of Weert: the union of the two is ANDR's data and
    Weert's own data (address, budget, ...), not MLW's zienswijzen, Weert's included."""
    from regiekamer.roles import GEMEENTE, REGIEGROEP
    from tests.partijen.factories import GebruikerFactory, ToegangFactory

    weert = w["weert"]
    user = GebruikerFactory(username="a-dubbel", rollen=[REGIEGROEP, GEMEENTE])
    ToegangFactory(gebruiker=user, samenwerkingsverbanden=[w["ander"]], gemeente=weert)
    zienswijze = Zienswijze.objects.create(cyclus=w["cyclus"], gemeente=weert)
    from tests.conftest import logged_in

    c = logged_in(user)
    url = reverse("admin:begroting_zienswijze_change", args=[zienswijze.pk])
    c.post(url, admin_data(c, url) | {"geen_zienswijze": "on"})
    add = reverse("admin:begroting_zienswijze_add")
    leudal = w["mlw"].gemeenten.exclude(pk=weert.pk).first()
    c.post(add, admin_data(c, add) | {"cyclus": str(w["cyclus"].pk), "gemeente": str(weert.pk)})
    page = c.post(zienswijzen_url(), {f"g{weert.pk}-geen_zienswijze": "on"})
    assert page.status_code in (403, 404)
    zienswijze.refresh_from_db()
    assert not zienswijze.geen_zienswijze
    assert Zienswijze.objects.count() == 1 and leudal is not None


@pytest.mark.parametrize("veld", ["vanaf_jaar", "tot_en_met_jaar"])
def test_the_admin_refuses_an_absurd_year_of_a_voorschotregeling(w, veld):
    beheerder = client(w, "beheerder")
    url = reverse("admin:kosten_voorschotregeling_add")
    data = admin_data(beheerder, url) | {
        "samenwerkingsverband": str(w["mlw"].pk),
        "vanaf_jaar": str(JAAR),
        veld: "30000",
    }
    response = beheerder.post(url, data)
    assert response.status_code == 200 and "geen jaar tussen 2000 en 2100" in text(response)
    assert not Voorschotregeling.objects.exists()


def test_a_hundred_thousand_rows_are_refused_quickly_and_whole(w):
    import time

    naam = w["rol"].naam
    regels = "".join(f"{2000 + i % 100};{naam};{i % 1000}\n" for i in range(100_000))
    data = ("jaar;rol;bedrag\n" + regels).encode()
    begin = time.monotonic()
    response = client(w, "regiegroep").post(
        reverse("kosten:realisatie-import", args=["MLW"]),
        {"bestand": io.BytesIO(data)},
    )
    assert time.monotonic() - begin < 10
    page = text(response)
    assert "meer dan 5.000 rijen" in page or "te groot" in page
    assert not Realisatie.objects.exists()


def test_the_admins_forms_offer_no_scenario(w, admin_for_every_role):
    """A scenario has no actual costs, voorschotten or zienswijzen: its rows are not offered."""
    Begrotingscyclus.objects.create(samenwerkingsverband=w["scenario"], jaar=JAAR + 1)
    for who in ("regiegroep", "beheerder"):
        c = client(w, who)
        for name in ("kosten_realisatie", "kosten_voorschotregeling", "begroting_zienswijze"):
            body = c.get(reverse(f"admin:{name}_add")).content.decode()
            form = body[body.index("<form") :]
            assert "GHM" not in form and "Geheimscenario" not in form, (who, name)


# --- the dashboard block --------------------------------------------------------------------


def test_the_dashboard_names_only_this_verbands_councils_and_no_scenarios(w):
    from datetime import date

    cyclus, weert = w["cyclus"], w["weert"]
    Begrotingscyclus.objects.filter(pk=cyclus.pk).update(
        ontwerpbegroting_verzonden=date(JAAR - 1, 4, 1)
    )
    Zienswijze.objects.create(cyclus=cyclus, gemeente=weert, geen_zienswijze=True)
    ander = w["ander"]
    type(ander).objects.filter(pk=ander.pk).update(eigen_begroting=True)
    Begrotingscyclus.objects.create(
        samenwerkingsverband=ander, jaar=JAAR, ontwerpbegroting_verzonden=date(JAAR - 1, 4, 1)
    )
    page = text(client(w, "stuurgroep").get(reverse("dashboard", args=["MLW"])))
    blok = page[page.index("Zienswijzen op de ontwerpbegroting") :]
    blok = blok[: blok.index(".")]
    assert "Leudal" in blok and "Weert" not in blok and "Roermond" not in blok
    scenario = client(w, "regiegroep").get(reverse("dashboard", args=["GHM"]), follow=True)
    assert "Een scenario heeft geen dashboard" in text(scenario)
