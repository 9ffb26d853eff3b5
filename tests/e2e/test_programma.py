"""The regiegroep drafts a voortgangsrapportage, gives running opdrachten their colour and
sends it to the stuurgroep: from then on it is frozen."""

import pytest
from django.utils import timezone

pytestmark = pytest.mark.e2e

SV = "Sociaal Domein Midden-Limburg West"
PLAN = "Programmaplan sociaal domein MLW 2021-2024 (Jeugd/Wmo)"
PERIODE = "september–oktober 2021"
TOELICHTING = "De werving van de kwartiermaker loopt vertraging op."


def row_of(user, code: str):
    """The report table's row of an opdracht, by its number."""
    return user.page.locator("table.voortgang tbody tr").filter(
        has=user.page.get_by_role("cell", name=code, exact=True)
    )


def test_regiegroep_drafts_colours_and_freezes_a_voortgangsrapportage(browse):
    user = browse()
    user.log_in("regie")
    user.follow(SV)
    user.follow("Programma")
    user.follow(PLAN)
    user.follow("Nieuwe voortgangsrapportage")
    user.page.get_by_label("Peildatum").fill(f"{timezone.localdate():%Y-%m-%d}")
    user.page.get_by_label("Periode").fill(PERIODE)
    user.submit("Opslaan")
    assert f"Voortgangsrapportage {PERIODE} opgesteld als concept." in user.text()
    assert "Concept" in user.text()

    user.follow("Bewerken")
    user.page.get_by_label("Uitvoering 1.1", exact=True).select_option(label="Loopt")
    user.page.get_by_label("Kleurstatus 1.1", exact=True).select_option(label="Risico")
    user.page.get_by_label("Toelichting 1.1", exact=True).fill(TOELICHTING)
    user.page.get_by_label("Uitvoering 1.2", exact=True).select_option(label="Loopt")
    user.page.get_by_label("Kleurstatus 1.2", exact=True).select_option(label="Goed")
    user.submit("Opslaan")
    assert "Opgeslagen." in user.text()
    assert "Risico" in row_of(user, "1.1").inner_text()
    assert "Goed" in row_of(user, "1.2").inner_text()
    assert TOELICHTING in user.text()

    user.follow("Versturen aan de stuurgroep")
    user.submit("Versturen en vastleggen")
    # The demo's stuurgroep members have no e-mail address: the page says so, truthfully.
    assert "De rapportage is vastgelegd; er is niets per e-mail verstuurd" in user.text()
    status = user.page.locator("dl.facts").inner_text()
    assert "Verzonden aan de stuurgroep" in status
    assert "verandert niet meer" in status
    # Frozen: nothing left to edit or send, the colours as they were sent.
    assert user.page.get_by_role("link", name="Bewerken").count() == 0
    assert user.page.get_by_role("link", name="Versturen aan de stuurgroep").count() == 0
    assert "Risico" in row_of(user, "1.1").inner_text()
    assert "Goed" in row_of(user, "1.2").inner_text()

    user.screenshot("programma")
    user.assert_clean()
