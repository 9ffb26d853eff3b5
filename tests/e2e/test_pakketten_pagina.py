"""The regiegroep makes a pluspakket in the browser (Chromium, nl-NL), typing as an official
does: the naam, the deelnemers' years, a second row with "Deelnemer toevoegen". The list then
says who takes part year by year, the peildatum day first; a rol is put in the pakket and the
bezettingsoverzicht names it there.

The peildatum is set with the date picker's value, as tests/e2e/test_getallen.py does: the
headless Chromium here draws a date field in its own locale (mm/dd/yyyy, also with
``--lang=nl-NL``), so typing 31-12-2015 into it as a Dutch official would gives 22015-03-11."""

from datetime import date

import pytest

from formatie.models import Pakket, Rol

pytestmark = pytest.mark.e2e

SV = "Sociaal Domein Midden-Limburg West"
PAKKET = "Jeugdhulp regionaal (module)"
ROL = "Beleid Jeugd"


def type_into(user, label: str, typed: str, **kwargs):
    field = user.page.get_by_label(label, **kwargs)
    field.focus()
    user.page.keyboard.type(typed)


def test_regiegroep_makes_a_pluspakket_and_puts_a_rol_in_it(browse):
    user = browse()
    user.log_in("regie")
    user.follow(SV)
    user.follow("Formatie")
    user.follow("Pakketten")
    assert "0 resultaten" in user.text()
    user.follow("Nieuw pakket")
    assert user.page.get_by_role("heading", level=1).inner_text() == "Nieuw pakket"

    type_into(user, "Naam", PAKKET)
    user.page.get_by_label("Soort").select_option("plus")
    user.page.get_by_label("Verdeling van de kosten").select_option("inwoners")
    user.page.get_by_label("Peildatum inwonertallen").fill("2015-12-31")
    user.page.get_by_label("Gemeente, rij 1").select_option(label="Leudal")
    type_into(user, "Vanaf jaar, rij 1", "2016")
    type_into(user, "Tot en met jaar, rij 1", "2017")
    user.page.get_by_role("button", name="Deelnemer toevoegen").click()
    user.page.get_by_label("Gemeente, rij 2").select_option(label="Weert")
    type_into(user, "Vanaf jaar, rij 2", "2017")
    user.screenshot("pakket-nieuw")
    user.submit("Opslaan")

    assert "Aangemaakt." in user.text()
    pakket = Pakket.objects.get(naam=PAKKET)
    assert pakket.peildatum == date(2015, 12, 31)
    row = user.page.locator("table tbody tr").filter(has_text=PAKKET)
    cells = [c.strip() for c in row.locator("td").all_inner_texts()]
    assert cells == [
        PAKKET,
        "Pluspakket",
        "Naar inwonertal van de deelnemers (peildatum 31-12-2015)",
        "2016: Leudal; 2017: Leudal en Weert; vanaf 2018: Weert",
        "0",
    ]
    user.screenshot("pakketten")

    # The edit page gives the date back to the browser's date field.
    user.follow(PAKKET)
    assert user.page.get_by_label("Peildatum inwonertallen").input_value() == "2015-12-31"

    user.follow("Annuleren")
    user.follow("Bezettingsoverzicht")
    user.follow(ROL)
    user.page.get_by_label("Pakket", exact=True).select_option(label=PAKKET)
    user.submit("Opslaan")
    assert Rol.objects.get(naam=ROL, samenwerkingsverband__afkorting="MLW").pakket == pakket
    row = user.page.locator("table.grid tbody tr").filter(
        has=user.page.get_by_role("rowheader", name=ROL)
    )
    assert PAKKET in row.inner_text()
    other = user.page.locator("table.grid tbody tr").filter(
        has=user.page.get_by_role("rowheader", name="Contractmanagement")
    )
    assert "Basispakket" in other.inner_text()
    user.screenshot("pakket-bezetting")
    user.assert_clean()
