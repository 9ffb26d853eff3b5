"""A civil servant of the regiegroep routes a voorstel through the college and council of every
gemeente, with the planned dates as the documents write them, records one college's decision,
and sees what is late in words and colour; then reads MLW's convenant 2016 route."""

import re

import pytest

pytestmark = pytest.mark.e2e

GOV = "/samenwerkingsverbanden/MLW/governance"


def test_regiegroep_routes_a_voorstel_through_every_gemeente(browse):
    user = browse()
    user.log_in("regie")
    user.open(f"{GOV}/")
    user.follow("Voorstellen langs de gemeenten")
    text = user.text()
    assert "Uitvoeringsconvenant samenwerking sociaal domein Midden-Limburg West 2016" in text
    assert "3 van 3 colleges besloten" in text
    user.screenshot("voorstellen")

    user.follow("Nieuw voorstel")
    page = user.page
    page.get_by_label("Titel").fill("Verlenging convenant 2025")
    page.get_by_label("Langs het college van elke gemeente").check()
    page.get_by_label("Gepland in de colleges").fill("7 of 14 april")
    page.get_by_label("Langs de raad van elke gemeente").check()
    page.get_by_label("Gepland in de raden").fill("April/mei 2025")
    user.submit("Opslaan")
    assert '"7 of 14 april" noemt geen jaar' in user.text()  # nothing saved, said in Dutch
    page.get_by_label("Gepland in de colleges").fill("7 of 14 april 2025")
    user.submit("Opslaan")
    text = user.text()
    assert "Voorstel aangemaakt, met 6 behandelingen in de gemeenten." in text
    assert "0 van 3 colleges besloten, 3 te laat" in text
    weert = page.get_by_role("row", name=re.compile(r"^Weert College"))
    assert "7 of 14 april 2025" in weert.inner_text() and "14-4-2025" in weert.inner_text()
    assert weert.locator(".stand-te-laat").inner_text() == "Te laat"
    user.screenshot("voorstel-route")

    user.follow("Route en voorstel bewerken")
    datum = page.locator(
        "input[name='behandelingen-2-datum']"
    )  # college Weert (Leudal, Nederweert)
    assert datum.get_attribute("type") == "text"  # no date picker: mm/dd/yyyy in English
    datum.press_sequentially("14-4-2025")  # typed as a Dutch official does
    page.locator("select[name='behandelingen-2-uitkomst']").select_option(label="Aangenomen")
    user.screenshot("voorstel-route-bewerken")
    user.submit("Opslaan")
    text = user.text()
    assert "Opgeslagen." in text
    assert "1 van 3 colleges besloten, 2 te laat" in text
    weert = page.get_by_role("row", name=re.compile(r"^Weert College"))
    assert "14-4-2025" in weert.inner_text() and "Aangenomen" in weert.inner_text()
    assert weert.locator(".stand-gedaan").inner_text() == "Gedaan"
    assert "Geschiedenis" in text
    user.screenshot("voorstel-route-weert-besloten")

    page.set_viewport_size({"width": 390, "height": 844})
    user.screenshot("voorstel-route-telefoon")
    user.assert_clean()


def test_g12_process_planning_of_seed_001(browse):
    """The planning of seed 001 as the notitie writes it, in the order of its schema; the
    regiegroep adds a step typed as a document would ("eind mei")."""
    user = browse()
    user.log_in("beheer")
    user.open("/samenwerkingsverbanden/G12/governance/procesplanningen/")
    user.follow("Processtappen toekomstige samenwerkingsstructuur Sociaal Domein G12")
    text = user.text()
    assert text.index("19 december") < text.index("Februari/uiterlijk 23 maart 2015")
    assert text.index("Februari/uiterlijk 23 maart 2015") < text.index("7 of 14 april 2015")
    row = user.page.get_by_role("row", name=re.compile(r"^Besluit Collegebesluit"))
    assert "7-4-2015" in row.inner_text() and "14-4-2015" in row.inner_text()
    assert "0 van 3 colleges besloten, 3 te laat" in row.inner_text()
    assert row.locator(".stand-te-laat").inner_text() == "Te laat"
    user.screenshot("procesplanning-g12")
    user.page.set_viewport_size({"width": 390, "height": 844})
    user.screenshot("procesplanning-g12-telefoon")
    user.page.set_viewport_size({"width": 1280, "height": 900})

    user.follow("Planning en stappen bewerken")
    page = user.page
    page.locator("input[name='stappen-11-fase']").fill("Besluit")
    page.locator("textarea[name='stappen-11-stap']").fill("Implementatie")
    page.locator("input[name='stappen-11-gepland']").fill("eind mei")
    user.screenshot("procesplanning-g12-bewerken")
    user.submit("Opslaan")
    assert "Opgeslagen." in user.text()
    row = page.get_by_role("row", name=re.compile(r"^Besluit Implementatie"))
    assert "eind mei" in row.inner_text() and "21-5-2015" in row.inner_text()
    assert "31-5-2015" in row.inner_text()
    user.screenshot("procesplanning-g12-stap-erbij")
    user.assert_clean()
