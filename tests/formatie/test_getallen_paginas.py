"""Numbers as Dutch officials type them, in the real pages: Rol toevoegen, salarisschalen,
the gemeente page (inwonertal, budget), the admin and the grid, with the plausibility check."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from formatie.models import Bezetting, Rol, Salarisschaal
from kosten.models import Budget
from partijen.models import Gemeente, Samenwerkingsverband
from tests.conftest import logged_in
from tests.programma.helpers import form_data, page_data

from .grid import bezetting_url, cell, grid_data

pytestmark = pytest.mark.django_db


def input_type(page: str, name: str) -> str:
    """The type of the rendered input named ``name``."""
    return re.search(rf'<input type="(\w+)" name="{name}"', page).group(1)


ROL_CREATE = reverse("formatie:rol-create", args=["MLW"])
SALARISSCHALEN = reverse("formatie:salarisschalen", args=["MLW"])


def _rol_data(**changes) -> dict:
    return {
        "naam": "Kwartiermaker",
        "volgorde": "20",
        "kostensoort": "schaal",
        "schaal": "11",
        "uurtarief": "",
        "uren_per_fte_per_maand": "156",
        "leverende_gemeente": "",
        "structureel": "on",
        "basisformatie": "0,5",
        "opmerking": "",
        "omschrijving": "",
    } | changes


def test_rol_toevoegen_reads_0_5_as_half_an_fte_and_shows_0_50(demo, regie_client):
    page = regie_client.get(ROL_CREATE).content.decode()
    for name in ("basisformatie", "uurtarief", "uren_per_fte_per_maand"):
        assert input_type(page, name) == "text"
    assert 'name="basisformatie"' in page and 'inputmode="decimal"' in page

    regie_client.post(ROL_CREATE, _rol_data(), follow=True)

    rol = Rol.objects.get(naam="Kwartiermaker")
    assert rol.basisformatie == Decimal("0.5")
    edit = regie_client.get(reverse("formatie:rol-update", args=["MLW", rol.pk])).content.decode()
    assert 'value="0,50"' in edit
    assert 'value="156"' in edit  # uren per fte per maand, not 156.00


def test_an_english_number_is_refused_with_how_to_write_it(demo, regie_client):
    response = regie_client.post(ROL_CREATE, _rol_data(basisformatie="0.5"))
    page = response.content.decode()
    assert "Schrijf 0,5 (komma voor decimalen) of 1.500 (punt voor duizendtallen)." in page
    assert 'value="0.5"' in page  # what the user typed stays
    assert not Rol.objects.filter(naam="Kwartiermaker").exists()


def test_salarisschaal_reads_73_000_and_shows_it_with_a_thousands_dot(demo, regie_client):
    response = regie_client.get(SALARISSCHALEN)
    assert input_type(response.content.decode(), "salarisschalen-0-jaarkosten_per_fte") == "text"
    data = page_data(response)
    extra = response.context["formsets"]["salarisschalen"].total_form_count() - 1
    data |= {
        f"salarisschalen-{extra}-schaal": "12",
        f"salarisschalen-{extra}-jaar": "2031",
        f"salarisschalen-{extra}-jaarkosten_per_fte": "73.000",
    }
    regie_client.post(SALARISSCHALEN, data, follow=True)

    assert Salarisschaal.objects.get(schaal=12, jaar=2031).jaarkosten_per_fte == 73000
    assert 'value="73.000"' in regie_client.get(SALARISSCHALEN).content.decode()


def test_a_deleted_salarisschaal_is_named_in_the_message(demo, regie_client):
    """Ticking Verwijderen and saving says what went (not only "Opgeslagen.")."""
    Salarisschaal.objects.create(
        samenwerkingsverband=Samenwerkingsverband.objects.get(afkorting="MLW"),
        schaal=12,
        jaar=2031,
        jaarkosten_per_fte=73000,
    )
    response = regie_client.get(SALARISSCHALEN)
    data = page_data(response)
    forms = response.context["formsets"]["salarisschalen"].forms
    i = next(n for n, f in enumerate(forms) if f.instance.jaar == 2031)
    data[f"salarisschalen-{i}-DELETE"] = "on"
    page = regie_client.post(SALARISSCHALEN, data, follow=True).content.decode()
    assert "Opgeslagen. Verwijderd: schaal 12 vanaf 2031: € 73.000." in page
    assert not Salarisschaal.objects.filter(jaar=2031).exists()


def test_a_plausibility_warning_begins_with_a_capital(demo, regie_client):
    response = regie_client.get(SALARISSCHALEN)
    data = page_data(response)
    forms = response.context["formsets"]["salarisschalen"].forms
    i, schaal = next((n, f.instance) for n, f in enumerate(forms) if f.instance.pk)
    data[f"salarisschalen-{i}-jaarkosten_per_fte"] = str(int(schaal.jaarkosten_per_fte) // 10)
    page = regie_client.post(SALARISSCHALEN, data).content.decode()
    assert f"Schaal {schaal.schaal} vanaf {schaal.jaar}: € " in page


def test_gemeente_page_reads_50_250_inwoners_and_a_budget_of_950_000(demo, regie_client):
    weert = Gemeente.objects.get(naam="Weert")
    url = reverse("gemeenten:gemeente-update", args=[weert.pk])
    response = regie_client.get(url)
    data = page_data(response)
    inwoners = response.context["formsets"]["inwonertallen"].total_form_count() - 1
    budgets = response.context["formsets"]["budgetten"].total_form_count() - 1
    sv = response.context["formsets"]["budgetten"].forms[budgets].fields["samenwerkingsverband"]
    data |= {
        f"inwonertallen-{inwoners}-peildatum": "2030-01-01",
        f"inwonertallen-{inwoners}-aantal": "50.250",
        f"budgetten-{budgets}-samenwerkingsverband": str(sv.queryset.first().pk),
        f"budgetten-{budgets}-jaar": "2030",
        f"budgetten-{budgets}-bedrag": "€ 950.000",
    }
    regie_client.post(url, data, follow=True)

    assert weert.inwonertallen.get(peildatum="2030-01-01").aantal == 50250
    assert Budget.objects.get(gemeente=weert, jaar=2030).bedrag == 950000
    page = regie_client.get(url).content.decode()
    assert 'value="50.250"' in page and 'value="950.000"' in page
    assert input_type(page, "inwonertallen-0-aantal") == "text"
    assert input_type(page, "budgetten-0-bedrag") == "text"
    assert not re.search(r'name="budgetten-\d+-bedrag" value="\d+\.\d\d"', page)


def test_admin_change_form_reads_0_5(demo, django_user_model):
    from tests.conftest import make_user

    client = logged_in(make_user(django_user_model, "beheer-getallen", "beheerder"))
    rol = Rol.objects.get(naam="Contractmanagement")
    url = reverse("admin:formatie_rol_change", args=[rol.pk])
    response = client.get(url)
    assert input_type(response.content.decode(), "basisformatie") == "text"
    data = form_data(response.context["adminform"].form) | {"basisformatie": "0,5"}
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        data |= {bf.html_name: str(bf.value()) for bf in formset.management_form}
        for form in formset.forms:
            data |= form_data(form)
    data["plausibel_bevestigd"] = ""
    client.post(url, data)

    rol.refresh_from_db()
    assert rol.basisformatie == Decimal("0.5")


def test_an_implausible_basisformatie_is_shown_back_first_and_saved_when_confirmed(
    demo, regie_client
):
    rol = Rol.objects.get(naam="Contractmanagement")  # basisformatie 1
    url = reverse("formatie:rol-update", args=["MLW", rol.pk])
    data = page_data(regie_client.get(url)) | {"basisformatie": "10"}

    first = regie_client.post(url, data).content.decode()
    assert "1,00 → 10,00 fte" in first and "Klopt dit?" in first
    assert "Ja, opslaan" in first and 'value="10"' in first
    rol.refresh_from_db()
    assert rol.basisformatie == 1

    regie_client.post(url, data | {"plausibel_bevestigd": "on"})
    rol.refresh_from_db()
    assert rol.basisformatie == 10


def test_grid_asks_before_saving_a_tenfold_change(demo, regie_client):
    response = regie_client.get(bezetting_url())
    data = grid_data(response)
    key = cell(response, "Contractmanagement", "Fase 3")  # 1 fte
    data[key] = "0,1"

    first = regie_client.post(bezetting_url(), data).content.decode()
    assert "Contractmanagement, Fase 3: 1,00 → 0,10 fte, tien keer zo weinig. Klopt dit?" in first
    assert "Ja, opslaan" in first and "Bezetting opgeslagen" not in first
    stored = Bezetting.objects.get(rol__naam="Contractmanagement", fase__naam="Fase 3")
    assert stored.fte == 1

    regie_client.post(bezetting_url(), data | {"plausibel_bevestigd": "1"})
    stored.refresh_from_db()
    assert stored.fte == Decimal("0.1")


def test_grid_asks_before_saving_more_than_5_fte_in_one_cell(demo, regie_client):
    response = regie_client.get(bezetting_url())
    data = grid_data(response)
    data[cell(response, "Contractmanagement", "Fase 3")] = "6"
    first = regie_client.post(bezetting_url(), data).content.decode()
    assert "Contractmanagement, Fase 3: 1,00 → 6,00 fte, meer dan 5 fte in één cel." in first
    stored = Bezetting.objects.get(rol__naam="Contractmanagement", fase__naam="Fase 3")
    assert stored.fte == 1


def test_grid_without_changes_says_so(demo, regie_client):
    response = regie_client.get(bezetting_url())
    page = regie_client.post(bezetting_url(), grid_data(response), follow=True).content.decode()
    assert "Geen wijzigingen." in page and "Bezetting opgeslagen" not in page


def test_grid_shows_amounts_with_thousands_dots(demo, regie_client):
    page = regie_client.get(bezetting_url()).content.decode()
    assert "20000,00" not in page
    assert 'value="20.000"' in page
