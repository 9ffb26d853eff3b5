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
    user.page.get_by_label("Naam").fill("Weert en Cranendonck")
    user.page.get_by_label("Afkorting").fill("wcr")
    user.page.get_by_label("Toelichting").fill("Wat als Cranendonck aansluit?")
    user.submit("Opslaan")
    text = user.text()
    assert "Scenario Weert en Cranendonck WCR" in text
    assert "geen echte cijfers, niet verrekend" in text
    assert "Wat als Cranendonck aansluit?" in text
    for naam in before[1]:
        assert naam in text

    user.page.get_by_label("Gemeente toevoegen").fill("Cranendonck")
    user.submit("Toevoegen")
    assert "Nieuwe gemeente Cranendonck doet mee in het scenario" in user.text()

    user.follow("Bewerken")
    cranendonck = Gemeente.objects.get(naam="Cranendonck")
    user.page.get_by_label("Gemeente, rij 1").select_option(str(cranendonck.pk))
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
    assert "Weert en Cranendonck" in text and "WCR" in text
    assert "Wat als Cranendonck aansluit?" in text
    user.screenshot("scenario-lijst")
    user.follow("Verwijderen")
    assert "Alles van het scenario gaat mee" in user.text()
    user.submit("Ja, scenario verwijderen")
    assert "Verwijderd: Scenario Weert en Cranendonck (WCR)." in user.text()
    assert not Samenwerkingsverband.objects.filter(afkorting="WCR").exists()
    assert not Inwonertal.alle.filter(gemeente=cranendonck).exists()
    assert real_record() == before
    user.assert_clean()
