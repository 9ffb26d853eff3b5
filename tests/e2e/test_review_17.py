"""Issue 17 as its users meet it, one journey: the regiegroep plans a stuurgroep meeting (typing
only a date first, as one does), sends the invitation to members without an address, fills one
in and sends again; sends a voortgangsrapportage; then a stuurgroep member reads on a phone.
Screenshots at phone size (390 x 844) and at desktop size."""

import pytest

from tests.smtp import attachments

pytestmark = pytest.mark.e2e

SV = "Sociaal Domein Midden-Limburg West"
GREMIUM = "Stuurgroep (programmaorganisatie 2021) (2021)"
PLAN = "Programmaplan sociaal domein MLW 2021-2024 (Jeugd/Wmo)"
PUNTEN = ["Opening en mededelingen", "Kaders inkoop Jeugd", "Rondvraag"]
SOORTEN = ["Ter informatie", "Ter besluitvorming", "Ter informatie"]
LID, ADRES = "Drs. P.P.H. (Paul) Sterk", "p.sterk@weert.example"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def shoot(user, name: str, desktop: bool = True):
    """Screenshots of the page as it is now: at phone size, and at desktop size."""
    user.page.set_viewport_size(PHONE)
    fits = user.page.evaluate("() => document.documentElement.scrollWidth <= innerWidth")
    assert fits, f"{user.path} scrolls sideways on a phone"
    user.screenshot(f"review-{name}-390")
    if desktop:
        user.page.set_viewport_size(DESKTOP)
        user.screenshot(f"review-{name}")


def test_regiegroep_announces_and_reports_stuurgroep_reads_on_a_phone(browse, smtp):
    user = browse()
    user.page.set_viewport_size(DESKTOP)
    user.log_in("regie")
    user.follow(SV)
    user.follow("Governance")
    user.follow("Vergaderingen")
    user.follow("Nieuwe vergadering")
    form = user.page
    form.get_by_label("Gremium").select_option(label=GREMIUM)
    # Only the date typed, no time: the browser sends nothing, the form says what is missing.
    form.get_by_label("Begin").focus()
    form.keyboard.type("14-01-2027")
    form.get_by_label("Locatie", exact=True).fill("Stadhuis Weert")
    form.get_by_label("Voorzitter").select_option(label="Carla Dieteren")
    add = form.get_by_role("button", name="Agendapunt toevoegen")
    add.click()
    assert form.locator("#agendapunten-rijen tr").count() == 4
    for rij, (titel, soort) in enumerate(zip(PUNTEN, SOORTEN, strict=True), start=1):
        form.get_by_label(f"Volgorde, rij {rij}").fill(str(rij))
        form.get_by_label(f"Titel, rij {rij}").fill(titel)
        form.get_by_label(f"Soort, rij {rij}").select_option(label=soort)
    shoot(user, "vergadering-nieuw")
    user.submit("Opslaan")
    assert "Vul de datum én de begintijd van de vergadering in." in user.text()
    form.get_by_label("Begin").fill("2027-01-14T10:00")
    form.get_by_label("Eind").fill("2027-01-14T12:00")
    user.submit("Opslaan")
    assert "Aangemaakt." in user.text()
    titel = user.page.title()  # the tab's name: the meeting, not the outbox's HTML
    assert titel == f"{GREMIUM.removesuffix(' (2021)')} 14-01-2027 10:00 · Regiekamer"

    user.follow("Uitnodiging versturen")
    user.submit("Uitnodiging versturen")
    assert "Er is niets per e-mail verstuurd" in user.text()
    shoot(user, "uitnodiging-niemand")

    # The address of one member, from the invitation page, then "Opnieuw versturen" to him.
    user.follow("Uitnodiging opnieuw versturen")
    user.page.get_by_role("listitem").filter(has_text=LID).get_by_role("link").click()
    user.page.wait_for_load_state("load")
    assert user.page.get_by_role("heading", level=1).inner_text() == "Persoon bewerken"
    user.page.get_by_label("E-mailadres").fill(ADRES)
    user.submit("Opslaan")
    assert f"{LID} <{ADRES}>" in user.text()
    user.follow("← Terug")
    row = user.page.get_by_role("row").filter(has_text=LID)
    with user.page.expect_navigation():
        row.get_by_role("button", name="Opnieuw versturen").click()
    row = user.page.get_by_role("row").filter(has_text=LID)
    assert "verzonden" in row.inner_text() and ADRES in row.inner_text()
    (message,) = smtp.inbox.to(ADRES)
    assert "uitnodiging.ics" in attachments(message)
    shoot(user, "uitnodiging-opnieuw")

    # The voortgangsrapportage to the stuurgroep.
    user.open("/samenwerkingsverbanden/MLW/programma/")
    user.follow(PLAN)
    user.follow("Nieuwe voortgangsrapportage")
    user.page.get_by_label("Peildatum").fill("2026-11-30")
    user.page.get_by_label("Periode").fill("september–november 2026")
    user.submit("Opslaan")
    user.follow("Versturen aan de stuurgroep")
    shoot(user, "rapportage-versturen")
    user.submit("Versturen en vastleggen")
    rapportage = user.path
    shoot(user, "rapportage-verzonden")
    user.assert_clean()

    # A member of the stuurgroep on his phone.
    stuur = browse()
    stuur.page.set_viewport_size(PHONE)
    stuur.log_in("stuur")
    menu = stuur.page.get_by_role("button", name="Menu")
    menu.click()
    assert stuur.page.get_by_role("navigation", name="Hoofdmenu").is_visible()
    stuur.screenshot("review-stuur-menu-390")
    stuur.open("/samenwerkingsverbanden/MLW/dashboard/")
    shoot(stuur, "stuur-dashboard", desktop=False)
    stuur.open(rapportage)
    shoot(stuur, "stuur-rapportage", desktop=False)
    stuur.open("/samenwerkingsverbanden/MLW/kosten/")
    shoot(stuur, "stuur-kostenverdeling", desktop=False)
    stuur.open("/samenwerkingsverbanden/MLW/programma/")
    stuur.follow(PLAN)
    stuur.follow("Planning")
    assert stuur.page.get_by_text("Schuif de tijdbalk opzij").is_visible()
    shoot(stuur, "stuur-planning", desktop=False)
    stuur.open("/samenwerkingsverbanden/MLW/governance/vergaderingen/")
    shoot(stuur, "stuur-vergaderingen", desktop=False)
    stuur.assert_clean()
