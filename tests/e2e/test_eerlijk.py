"""Honest feedback (issue 15), in the real browser: a rol whose schaal has no amount is saved
with a warning and its fix link, the grid does not claim the cost table was updated, the
kostenverdeling names what is missing; a 2027 fase first says which earlier rate it uses,
then, indexed on "Nieuw begrotingsjaar", uses the indexed rate."""

from datetime import date
from pathlib import Path

import pytest

from formatie.models import Bezetting, Fase, Rol
from partijen.models import Samenwerkingsverband

pytestmark = pytest.mark.e2e

SV = "Sociaal Domein Midden-Limburg West"
MISSING = "Voor schaal 10 ontbreekt het bedrag voor 2016."
FIX = "Bedrag voor schaal 10 invullen"
SHOTS = Path("/tmp/eerlijk")


def shoot(user, name):
    user.screenshot(name, SHOTS)


def test_missing_amount_is_named_with_its_fix_link_and_no_success_message(browse):
    user = browse()
    user.log_in("regie")
    user.open("/samenwerkingsverbanden/MLW/formatie/rollen/nieuw/")
    user.page.get_by_label("Naam").fill("Beleid inkoop")
    user.page.get_by_label("Kostensoort").select_option("schaal")
    user.page.get_by_label("Salarisschaal").fill("10")
    user.submit("Opslaan")
    warning = user.page.locator(".message.warning").first
    assert MISSING in warning.inner_text()
    assert warning.get_by_role("link", name=FIX).count() == 1

    user.page.get_by_label("Beleid inkoop: Fase 1", exact=True).fill("0,5")
    user.submit("Opslaan")
    text = user.text()
    assert "Bezetting opgeslagen. De kostenverdeling kan niet worden berekend." in text
    assert "De kostenverdeling is bijgewerkt" not in text
    assert user.page.locator(".message.success").count() == 0

    user.follow("Kostenverdeling")
    assert user.page.locator(".message.success").count() == 0
    alert = user.page.get_by_role("alert")
    assert MISSING in alert.inner_text()
    href = alert.get_by_role("link", name=FIX).get_attribute("href")
    assert href == "/samenwerkingsverbanden/MLW/formatie/salarisschalen/?schaal=10&jaar=2016"
    assert "Leudal 36%, Nederweert 16%, Weert 48%" in user.text()  # the key is still shown
    shoot(user, "kostenverdeling-ontbreekt")
    user.page.set_viewport_size({"width": 390, "height": 844})
    shoot(user, "kostenverdeling-ontbreekt-390")
    user.page.set_viewport_size({"width": 1280, "height": 900})

    user.follow(FIX)
    assert "Salarisschalen" in user.text()
    user.assert_clean()


def test_a_2027_fase_is_flagged_then_indexed(browse):
    sv = Samenwerkingsverband.objects.get(afkorting="MLW")
    fase = Fase.objects.create(
        samenwerkingsverband=sv, naam="Fase 2027", begin=date(2027, 1, 1), eind=date(2027, 12, 31)
    )
    Bezetting.objects.create(
        rol=Rol.objects.get(samenwerkingsverband__afkorting="MLW", naam="Beleid Wmo"),
        fase=fase,
        fte=1,
    )
    sv.verdeelsleutels.update(tot_en_met_jaar=None)

    user = browse()
    user.log_in("regie")
    user.open("/samenwerkingsverbanden/MLW/kosten/")
    assert "Beleid Wmo: tarief 2018 gebruikt voor 2027" in user.text()
    shoot(user, "kostenverdeling-2027-eerder-tarief")

    user.follow("Nieuw begrotingsjaar")
    user.open("/samenwerkingsverbanden/MLW/formatie/begrotingsjaar/?jaar=2027")
    assert "ontbreekt: de kosten gebruiken het tarief 2018" in user.text()
    user.page.get_by_label("Indexatie (%)").fill("3")
    user.page.get_by_label("Bron van de indexatie").fill("CAO Gemeenten 2027")
    user.submit("Opslaan")
    assert "geïndexeerd met 3% (CAO Gemeenten 2027)" in user.text()
    shoot(user, "begrotingsjaar")
    user.page.set_viewport_size({"width": 390, "height": 844})
    shoot(user, "begrotingsjaar-390")

    user.open("/samenwerkingsverbanden/MLW/kosten/")
    assert "tarief 2018 gebruikt voor 2027" not in user.text()
    row = user.page.locator("table.cost-table tbody tr").filter(
        has=user.page.get_by_role("rowheader", name="beleid wmo (schaal 12)", exact=True)
    )
    assert "96.408" in row.inner_text()  # 93.600 x 1,03 for the twelve months of 2027
    user.assert_clean()
