"""The regiegroep plans a meeting, records a decision and an action on it, and finds both in
the besluitenlijst and the actielijst."""

from datetime import timedelta

import pytest
from django.utils import timezone

pytestmark = pytest.mark.e2e

SV = "Sociaal Domein Midden-Limburg West"
GREMIUM = "Regioteam"
AGENDAPUNT = "Inkoopplan Jeugd"
BESLUIT = "Het regioteam stemt in met het inkoopplan Jeugd."
ACTIE = "Inkoopplan Jeugd aanbieden aan de colleges."


def test_regiegroep_records_a_decision_and_an_action_of_a_meeting(browse):
    # A meeting held two days ago, recorded afterwards: a decision is recorded once it is taken.
    dag = timezone.localdate() - timedelta(days=2)
    deadline = dag + timedelta(days=14)

    user = browse()
    user.log_in("regie")
    user.follow(SV)
    user.follow("Governance")
    user.follow(GREMIUM)
    user.follow("Vergadering plannen")
    form = user.page
    # Planned from the gremium's page: the gremium is chosen already.
    chosen = form.get_by_label("Gremium").locator("option:checked")
    assert chosen.inner_text() == f"{GREMIUM} (2021)"
    form.get_by_label("Begin").fill(f"{dag:%Y-%m-%d}T14:00")
    form.get_by_label("Eind").fill(f"{dag:%Y-%m-%d}T16:00")
    form.get_by_label("Locatie", exact=True).fill("Stadhuis Weert")
    # The agenda: rows of a table below the meeting's fields.
    form.get_by_label("Volgorde, rij 1").fill("1")
    form.get_by_label("Titel, rij 1").fill(AGENDAPUNT)
    form.get_by_label("Soort, rij 1").select_option(label="Ter besluitvorming")
    user.submit("Opslaan")
    assert "Aangemaakt." in user.text()
    heading = user.page.get_by_role("heading", level=1).inner_text()
    assert heading.startswith(f"{GREMIUM}: ")
    assert AGENDAPUNT in user.text()

    user.follow("Besluit vastleggen")
    user.page.get_by_label("Agendapunt").select_option(label=f"1. {AGENDAPUNT}")
    user.page.get_by_role("textbox", name="Besluit", exact=True).fill(BESLUIT)
    user.page.get_by_label("Uitkomst").select_option(label="Aangenomen")
    user.submit("Opslaan")
    assert "Aangemaakt." in user.text()
    # Back on the meeting, the decision under its agenda item.
    assert f"Besluit: {BESLUIT} (aangenomen)" in user.text()

    user.follow("Actiepunt")
    user.page.get_by_label("Omschrijving").fill(ACTIE)
    user.page.get_by_label("Uiterste datum").fill(f"{deadline:%Y-%m-%d}")
    user.submit("Opslaan")
    assert "Aangemaakt." in user.text()
    acties = user.page.locator("section").filter(
        has=user.page.get_by_role("heading", name="Actiepunten uit deze vergadering")
    )
    assert ACTIE in acties.inner_text()

    user.follow(f"← {GREMIUM}")
    user.follow("Alle besluiten van dit gremium")
    assert user.page.get_by_role("row").filter(has_text=BESLUIT).count() == 1

    user.follow(f"← {SV}")
    user.follow("Governance")
    user.follow("Actielijst")
    row = user.page.get_by_role("row").filter(has_text=ACTIE)
    assert f"{deadline:%d-%m-%Y}" in row.inner_text()
    assert GREMIUM in row.inner_text()

    user.screenshot("governance")
    user.assert_clean()
