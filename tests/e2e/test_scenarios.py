"""A scenario in the browser: made from the real samenwerkingsverband's page, given a gemeente
and a figure that holds only in the scenario, and deleted; the real record stays as it was.

The beheerder walks it: until the kernel lets a scenario inherit its real samenwerkingsverband's
access (issue 20, H5), the demo's regiegroep user has no Toegang to a scenario made here.
"""

import pytest

from partijen.models import Gemeente, Inwonertal, Samenwerkingsverband

pytestmark = pytest.mark.e2e

SV = "Sociaal Domein Midden-Limburg West"


def real_record():
    mlw = Samenwerkingsverband.objects.get(afkorting="MLW")
    return (
        sorted(Inwonertal.objects.values_list("pk", "gemeente_id", "peildatum", "aantal")),
        sorted(mlw.gemeenten.values_list("naam", flat=True)),
    )


def test_a_scenario_is_made_edited_and_deleted_in_the_browser(browse):
    before = real_record()
    user = browse()
    user.log_in("beheer")
    user.open("/samenwerkingsverbanden/MLW/")
    user.follow("Scenario's")
    assert "Scenario's van Sociaal Domein Midden-Limburg West" in user.text()
    user.follow("Scenario maken")
    user.page.get_by_label("Naam").fill("Midden-Limburg en Noord-Limburg, variant")
    user.page.get_by_label("Afkorting").fill("mlnl2")
    user.page.get_by_label("Toelichting").fill("Seed 004: de keuze van schaal.")
    user.submit("Opslaan")
    text = user.text()
    assert "Scenario Midden-Limburg en Noord-Limburg, variant MLNL2" in text
    assert "geen echte cijfers, niet verrekend" in text
    assert "Seed 004: de keuze van schaal." in text
    for naam in before[1]:
        assert naam in text

    user.page.get_by_label("Gemeente toevoegen").fill("Testgemeente Noord")
    user.submit("Toevoegen")
    assert "Nieuwe gemeente Testgemeente Noord doet mee in het scenario" in user.text()

    user.follow("Bewerken")
    venlo = Gemeente.objects.get(naam="Testgemeente Noord")
    user.page.get_by_label("Gemeente, rij 1").select_option(str(venlo.pk))
    user.page.get_by_label("Peildatum, rij 1").fill("2024-01-01")
    user.page.get_by_label("Aantal inwoners, rij 1").fill("101.234")
    user.page.get_by_label("Bron, rij 1").fill("CBS, Bevolking op 1 januari 2024")
    user.submit("Opslaan")
    text = user.text()
    assert "Opgeslagen." in text
    assert "101.234" in text and "01-01-2024" in text and "CBS, Bevolking op 1 januari 2024" in text
    user.screenshot("scenario")
    assert real_record() == before

    user.follow("← Scenario's van Sociaal Domein Midden-Limburg West")
    text = user.text()
    assert "Midden-Limburg en Noord-Limburg, variant" in text and "MLNL2" in text
    assert "Seed 004: de keuze van schaal." in text
    user.screenshot("scenario-lijst")
    rij = user.page.get_by_role("row").filter(has_text="MLNL2")  # the demo has ML7 and MLNL too
    with user.page.expect_navigation():
        rij.get_by_role("link", name="Verwijderen").click()
    assert "Alles van het scenario gaat mee" in user.text()
    user.submit("Ja, scenario verwijderen")
    assert "Verwijderd: Scenario Midden-Limburg en Noord-Limburg, variant (MLNL2)." in user.text()
    assert not Samenwerkingsverband.objects.filter(afkorting="MLNL2").exists()
    assert not Inwonertal.alle.filter(gemeente=venlo).exists()
    assert real_record() == before
    user.assert_clean()
