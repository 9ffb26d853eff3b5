"""Honest feedback on costs (issue 15): a missing amount is named with the form that fixes it,
no "saved and updated" while the table cannot be computed, and an amount of an earlier year
used for a later one says so."""

from datetime import date
from decimal import Decimal as D
from io import BytesIO

import openpyxl
import pytest
from django.urls import reverse

from formatie.models import Bezetting, Fase, Rol
from kosten.gegevens import load_kostenverdeling
from kosten.verdeling import KostenFout, calculate_kostenverdeling
from partijen.models import Samenwerkingsverband
from tests.formatie.grid import cell, grid_data
from tests.pdfs import pdf_text

from .mlw import mlw_formatie, mlw_sleutel

pytestmark = pytest.mark.django_db

MISSING = "Voor schaal 10 ontbreekt het bedrag voor 2016."
FIX_HREF = "/samenwerkingsverbanden/MLW/formatie/salarisschalen/?schaal=10&amp;jaar=2016"


def mlw():
    return Samenwerkingsverband.objects.get(afkorting="MLW")


def rol_schaal_10(fte=D("0.5")) -> Rol:
    rol = Rol.objects.create(
        samenwerkingsverband=mlw(), naam="Beleid inkoop", kostensoort="schaal", schaal=10
    )
    if fte is not None:
        Bezetting.objects.create(rol=rol, fase=Fase.objects.get(naam="Fase 1"), fte=fte)
    return rol


def url(name):
    return reverse(name, args=["MLW"])


def page(client, name) -> str:
    return client.get(url(name)).content.decode()


# --- the engine -------------------------------------------------------------------------------


def test_engine_names_every_missing_amount():
    formatie = mlw_formatie()
    formatie.schalen = {k: v for k, v in formatie.schalen.items() if k[0] != 11}
    with pytest.raises(KostenFout) as fout:
        calculate_kostenverdeling(formatie, {j: mlw_sleutel() for j in formatie.jaren})
    # Once, for the first year: an amount for 2016 holds for 2017 and 2018 too.
    assert [o.tekst for o in fout.value.ontbrekend] == [
        "Voor schaal 11 ontbreekt het bedrag voor 2016."
    ]
    assert str(fout.value).startswith("Voor schaal 11 ontbreekt het bedrag voor 2016.")


def test_engine_flags_an_amount_of_an_earlier_year():
    formatie = mlw_formatie()
    formatie.schalen |= {(s, j): v for (s, _), v in formatie.schalen.items() for j in (2017, 2018)}
    kv = calculate_kostenverdeling(formatie, {j: mlw_sleutel() for j in formatie.jaren})
    # Informatieanalyse and ondersteuning inkoop have one rate, not tied to a year: no flag.
    assert kv.eerdere_tarieven == []
    formatie.schalen = {k: v for k, v in formatie.schalen.items() if k[1] != 2018}
    kv = calculate_kostenverdeling(formatie, {j: mlw_sleutel() for j in formatie.jaren})
    assert [(r.rol.naam, r.eerder_tarief) for r in kv.eerdere_tarieven] == [
        ("contractmanagement", "tarief 2017 gebruikt voor 2018"),
        ("business control jeugd", "tarief 2017 gebruikt voor 2018"),
        ("beleid jeugd", "tarief 2017 gebruikt voor 2018"),
        ("beleid wmo", "tarief 2017 gebruikt voor 2018"),
        ("ondersteuning algemeen", "tarief 2017 gebruikt voor 2018"),
    ]
    assert kv.regel(kv.rollen[0], 2018).kosten == D(83100)  # the figure itself is unchanged


# --- the kostenverdeling page, its PDF, the dashboard and the verrekening ---------------------


def test_page_names_the_missing_amount_with_its_link_and_shows_what_it_can(demo, regie_client):
    rol_schaal_10()
    html = page(regie_client, "kosten:kostenverdeling")
    assert "De kostenverdeling kan niet worden berekend." in html
    assert MISSING in html
    assert f'href="{FIX_HREF}"' in html
    assert "Bedrag voor schaal 10 invullen" in html
    # Still shown: the key and the formation.
    assert "Leudal 36%, Nederweert 16%, Weert 48%" in html
    assert "Contractmanagement" in html and "Beleid inkoop" in html


def test_the_link_opens_the_salarisschalen_form_with_the_scale_and_year(demo, regie_client):
    response = regie_client.get(
        reverse("formatie:salarisschalen", args=["MLW"]), {"schaal": 10, "jaar": 2016}
    )
    html = response.content.decode()
    assert 'value="10"' in html and 'value="2016"' in html


def test_dashboard_and_verrekening_say_what_is_missing(demo, regie_client):
    rol_schaal_10()
    dashboard = regie_client.get(reverse("dashboard", args=["MLW"])).content.decode()
    assert MISSING in dashboard and f'href="{FIX_HREF}"' in dashboard
    verrekening = page(regie_client, "kosten:verrekening")
    assert "De verrekening kan niet worden berekend" in verrekening
    assert MISSING in verrekening and f'href="{FIX_HREF}"' in verrekening


def test_pdf_download_without_a_table_says_why(demo, regie_client):
    rol_schaal_10()
    response = regie_client.get(url("kosten:kostenverdeling"), {"download": "pdf"})
    assert response["Content-Type"].startswith("text/html")
    assert MISSING in response.content.decode()


def add_fase_2027(fte=D(1)):
    fase = Fase.objects.create(
        samenwerkingsverband=mlw(),
        naam="Fase 2027",
        begin=date(2027, 1, 1),
        eind=date(2027, 12, 31),
    )
    Bezetting.objects.create(rol=Rol.objects.get(naam="Beleid Wmo"), fase=fase, fte=fte)
    sleutel = mlw().verdeelsleutels.get()
    sleutel.tot_en_met_jaar = None
    sleutel.save()


def test_a_2027_fase_says_which_earlier_rate_it_used(demo, regie_client):
    add_fase_2027()
    kv = load_kostenverdeling(mlw())
    assert [r.eerder_tarief for r in kv.eerdere_tarieven if r.jaar == 2027] == [
        "tarief 2018 gebruikt voor 2027"
    ]
    html = page(regie_client, "kosten:kostenverdeling")
    assert "Beleid Wmo: tarief 2018 gebruikt voor 2027" in html
    pdf = regie_client.get(url("kosten:kostenverdeling"), {"download": "pdf"}).content
    assert "Beleid Wmo: tarief 2018 gebruikt voor 2027" in pdf_text(pdf)
    xlsx = regie_client.get(url("kosten:kostenverdeling"), {"download": "xlsx"}).content
    sheet = openpyxl.load_workbook(BytesIO(xlsx))["Kostenverdeling"]
    notes = [row[0] for row in sheet.iter_rows(values_only=True)]
    assert "Beleid Wmo: tarief 2018 gebruikt voor 2027" in notes


def test_bijlage_1_itself_has_no_earlier_rates(demo):
    assert load_kostenverdeling(mlw()).eerdere_tarieven == []


# --- saving: the grid, the rol form, the admin ------------------------------------------------


def test_grid_save_does_not_claim_the_table_was_updated(demo, regie_client):
    rol_schaal_10(fte=None)
    opened = regie_client.get(url("formatie:bezetting"))
    data = grid_data(opened)
    data[cell(opened, "Beleid inkoop", "Fase 1")] = "0,5"
    response = regie_client.post(url("formatie:bezetting"), data, follow=True)
    html = response.content.decode()
    assert "De kostenverdeling is bijgewerkt" not in html
    assert "Bezetting opgeslagen. De kostenverdeling kan niet worden berekend." in html
    assert MISSING in html and f'href="{FIX_HREF}"' in html
    assert Bezetting.objects.get(rol__naam="Beleid inkoop").fte == D("0.5")
    assert 'class="message warning"' in html and "message success" not in html


def test_rol_with_a_scale_without_amount_is_saved_with_a_warning(demo, regie_client):
    data = {"naam": "Beleid inkoop", "volgorde": 9, "kostensoort": "schaal", "schaal": "10",
            "uren_per_fte_per_maand": "156", "structureel": "on"}  # fmt: skip
    response = regie_client.post(url("formatie:rol-create"), data, follow=True)
    html = response.content.decode()
    assert 'class="message warning"' in html
    assert (
        "Aangemaakt. Zonder dit bedrag kunnen de kosten van deze rol niet worden berekend." in html
    )
    assert MISSING in html and f'href="{FIX_HREF}"' in html
    rol = Rol.objects.get(naam="Beleid inkoop")
    # The formation page marks the rol, and its own form says it too.
    assert html.count(MISSING) >= 2  # the message and the rol's row
    form = regie_client.get(reverse("formatie:rol-update", args=["MLW", rol.pk])).content.decode()
    assert MISSING in form and f'href="{FIX_HREF}"' in form


def test_rol_with_known_amounts_just_says_created(demo, regie_client):
    data = {"naam": "Beleid inkoop", "volgorde": 9, "kostensoort": "schaal", "schaal": "11",
            "uren_per_fte_per_maand": "156", "structureel": "on"}  # fmt: skip
    response = regie_client.post(url("formatie:rol-create"), data, follow=True)
    html = response.content.decode()
    assert '<li class="message success">Aangemaakt.</li>' in html
    assert "ontbreekt" not in html


def test_admin_save_warns_too(demo, beheer_user):
    from tests.conftest import logged_in

    client = logged_in(beheer_user)
    data = {"samenwerkingsverband": mlw().pk, "naam": "Beleid inkoop", "volgorde": 9,
            "kostensoort": "schaal", "schaal": "10", "uren_per_fte_per_maand": "156",
            "bezettingen-TOTAL_FORMS": "0", "bezettingen-INITIAL_FORMS": "0",
            "uurtarieven-TOTAL_FORMS": "0", "uurtarieven-INITIAL_FORMS": "0"}  # fmt: skip
    response = client.post(reverse("admin:formatie_rol_add"), data, follow=True)
    html = response.content.decode()
    assert Rol.objects.filter(naam="Beleid inkoop").exists()
    assert MISSING in html and f'href="{FIX_HREF}"' in html
