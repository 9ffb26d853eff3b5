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
    datum.fill("2025-04-14")  # the browser's date field; in nl-NL it shows 14-04-2025
    page.locator("select[name='behandelingen-2-uitkomst']").select_option(label="Aangenomen")
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
