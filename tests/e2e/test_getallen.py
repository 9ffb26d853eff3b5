"""Numbers typed the Dutch way into the real forms (Chromium, nl-NL): 0,5 / 73.000 / 50.250
are stored as 0,5 / 73000 / 50250 and shown back as 0,50 / 73.000 / 50.250; a tenfold change
in the grid is shown back for confirmation before it is saved."""

from decimal import Decimal

import pytest
from django.urls import reverse

from formatie.models import Bezetting, Rol, Salarisschaal
from partijen.models import Gemeente

pytestmark = pytest.mark.e2e


def test_dutch_numbers_in_the_real_forms(browse):
    user = browse()
    user.log_in("regie")

    user.visit(reverse("formatie:rol-create", args=["MLW"]))
    user.page.get_by_label("Naam").fill("Kwartiermaker")
    user.page.get_by_label("Kostensoort").select_option("schaal")
    user.page.get_by_label("Salarisschaal").fill("11")
    user.page.get_by_label("Basisformatie (fte)").fill("0,5")
    user.submit("Opslaan")
    rol = Rol.objects.get(samenwerkingsverband__afkorting="MLW", naam="Kwartiermaker")
    assert rol.basisformatie == Decimal("0.5")
    user.visit(reverse("formatie:rol-update", args=["MLW", rol.pk]))
    assert user.page.get_by_label("Basisformatie (fte)").input_value() == "0,50"

    user.visit(reverse("formatie:salarisschalen", args=["MLW"]))
    row = user.page.locator("table.formset-table tbody tr").last
    row.locator("input[name$='-schaal']").fill("12")
    row.locator("input[name$='-jaar']").fill("2031")
    row.locator("input[name$='-jaarkosten_per_fte']").fill("73.000")
    user.submit("Opslaan")
    assert Salarisschaal.objects.get(schaal=12, jaar=2031).jaarkosten_per_fte == 73000
    user.visit(reverse("formatie:salarisschalen", args=["MLW"]))
    values = user.page.locator("input[name$='-jaarkosten_per_fte']").evaluate_all(
        "inputs => inputs.map(i => i.value)"
    )
    assert "73.000" in values

    weert = Gemeente.objects.get(naam="Weert")
    user.visit(reverse("gemeenten:gemeente-update", args=[weert.pk]))
    row = user.page.locator("input[name^='inwonertallen-'][name$='-aantal']").last
    row.fill("50.250")
    user.page.locator("input[name^='inwonertallen-'][name$='-peildatum']").last.fill("2030-01-01")
    user.submit("Opslaan")
    assert weert.inwonertallen.get(peildatum="2030-01-01").aantal == 50250
    user.visit(reverse("gemeenten:gemeente-update", args=[weert.pk]))
    aantallen = user.page.locator("input[name$='-aantal']").evaluate_all(
        "inputs => inputs.map(i => i.value)"
    )
    assert "50.250" in aantallen
    user.screenshot("getallen-gemeente")


def test_the_grid_asks_before_a_tenfold_change(browse):
    user = browse()
    user.log_in("regie")
    user.visit(reverse("formatie:bezetting", args=["MLW"]))
    label = "Contractmanagement: Fase 3"
    user.page.get_by_label(label, exact=True).fill("0,1")
    user.submit("Opslaan")
    assert "1,00 → 0,10 fte, tien keer zo weinig. Klopt dit?" in user.text()
    assert user.page.get_by_label(label, exact=True).input_value() == "0,1"
    cel = Bezetting.objects.get(
        rol__samenwerkingsverband__afkorting="MLW",
        rol__naam="Contractmanagement",
        fase__naam="Fase 3",
    )
    assert cel.fte == 1

    user.page.get_by_label("Ja, opslaan").check()
    user.submit("Opslaan")
    cel.refresh_from_db()
    assert cel.fte == Decimal("0.1")
    assert user.page.get_by_label(label, exact=True).input_value() == "0,10"
    user.screenshot("getallen-grid")
