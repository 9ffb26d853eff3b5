"""The regiegroep plans a meeting from the Vergaderingen list, adds agenda rows with the button
(no page reload), sends the invitation and finds who has no e-mail address; the meeting's page
offers the uitnodiging and its besluitenlijst as PDF."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.pdfs import pdf_text

pytestmark = pytest.mark.e2e

SV = "Sociaal Domein Midden-Limburg West"
GREMIUM = "Stuurgroep (programmaorganisatie 2021) (2021)"
PUNTEN = ["Opening en mededelingen", "Kaders inkoop Jeugd", "Begroting 2028"]
LEDEN = [
    "Anka Meeuws",
    "Carla Dieteren",
    "Drs. P.P.H. (Paul) Sterk",
    "Frank van Beeck",
    "Leon Jeurninck",
    "Mart Jansen",
]
SOORTEN = ["Ter informatie", "Ter bespreking (opiniërend)", "Ter besluitvorming"]


def test_regiegroep_plans_a_meeting_with_agenda_rows_added_by_the_button(browse):
    dag = timezone.localdate() + timedelta(days=28)

    user = browse()
    user.log_in("regie")
    user.follow(SV)
    user.follow("Governance")
    user.follow("Vergaderingen")
    assert user.page.get_by_role("heading", level=1).inner_text() == "Vergaderingen"
    user.follow("Nieuwe vergadering")
    form = user.page
    assert form.get_by_role("heading", level=1).inner_text() == "Nieuwe vergadering"
    # Only current gremia are offered.
    gremia = form.get_by_label("Gremium").locator("option").all_inner_texts()
    assert GREMIUM in gremia and not any("2013" in g for g in gremia)
    # The stuurgroep of 2016 was succeeded by that of 2021 (programmaplan of 5-7-2021).
    assert "Stuurgroep Sociaal Domein Midden-Limburg West (2016)" not in gremia
    form.get_by_label("Gremium").select_option(label=GREMIUM)
    # The chair: the members of the gremium chosen, offered without a reload.
    voorzitters = form.get_by_label("Voorzitter").locator("option").all_inner_texts()
    assert sorted(voorzitters[1:]) == sorted(LEDEN)
    form.get_by_label("Begin").fill(f"{dag:%Y-%m-%d}T10:00")
    form.get_by_label("Eind").fill(f"{dag:%Y-%m-%d}T12:00")
    form.get_by_label("Locatie", exact=True).fill("Stadhuis Weert")
    form.get_by_label("Voorzitter").select_option(label="Carla Dieteren")

    # The form shows three empty rows; the button adds more, here three, without a reload.
    rows = form.locator("#agendapunten-rijen tr")
    assert rows.count() == 3
    add = form.get_by_role("button", name="Agendapunt toevoegen")
    for _ in range(3):
        add.click()
    assert rows.count() == 6
    assert form.locator("#id_agendapunten-TOTAL_FORMS").input_value() == "6"
    for rij, (titel, soort) in enumerate(zip(PUNTEN, SOORTEN, strict=True), start=4):
        form.get_by_label(f"Volgorde, rij {rij}").fill(str(rij - 3))
        form.get_by_label(f"Titel, rij {rij}").fill(titel)
        form.get_by_label(f"Soort, rij {rij}").select_option(label=soort)
    user.check("drie agendapunten toegevoegd")
    user.screenshot("vergadering-nieuw")
    user.submit("Opslaan")
    assert "Aangemaakt." in user.text()
    agenda = user.page.locator("ol.agenda > li").all_inner_texts()
    assert [a.split("\n")[0].split(" – ")[0] for a in agenda] == PUNTEN
    # A decision is taken in the meeting: four weeks ahead, nothing to record yet.
    assert "Besluit vastleggen" not in user.text()

    uitnodiging = pdf_text(user.download("Uitnodiging (PDF)"))
    assert "Ter besluitvorming" in uitnodiging and "Begroting 2028" in uitnodiging

    user.follow("Uitnodiging versturen")
    assert "Zonder e-mailadres, dus niet verstuurd" in user.text()
    user.screenshot("uitnodiging-versturen")
    user.submit("Uitnodiging versturen")
    text = user.text()
    assert "Er is niets per e-mail verstuurd" in text  # nobody in the demo has an address
    assert "Geen e-mailadres bekend van: " in text and "Carla Dieteren" in text
    # Nobody has it: the meeting does not claim its agenda went out.
    assert "aan niemand gemaild: van geen lid was een e-mailadres bekend" in text
    assert "Agenda verzonden" not in text
    user.screenshot("vergadering")

    # The list: the meeting, with its agenda's size and status.
    user.open("/samenwerkingsverbanden/MLW/governance/vergaderingen/")
    row = user.page.get_by_role("row").filter(has_text="Stadhuis Weert")
    assert "Carla Dieteren" in row.inner_text() and "Gepland" in row.inner_text()
    user.screenshot("vergaderingen")
    user.assert_clean()
