"""A member of the stuurgroep reads everything but finds nothing to edit; an edit page, opened
by its address, answers with the Dutch 403 page."""

import pytest
from django.urls import reverse

from formatie.models import Rol

pytestmark = pytest.mark.e2e

SV = "Sociaal Domein Midden-Limburg West"
ROL = "Beleid Jeugd"


def test_stuurgroep_finds_no_edit_controls_and_an_edit_address_is_refused(browse):
    rol = Rol.objects.get(samenwerkingsverband__afkorting="MLW", naam=ROL)

    user = browse()
    user.log_in("stuur")
    user.follow(SV)
    main = user.page.locator("main")
    assert main.get_by_role("link", name="Bewerken").count() == 0

    user.follow("Formatie")
    assert f"Bezettingsoverzicht {SV}" in user.text()
    # The grid is read-only: figures, no fields, no save button, no way to a rol's edit page.
    assert ROL in user.text()
    assert main.get_by_role("textbox").count() == 0
    assert main.get_by_role("button", name="Opslaan").count() == 0
    for name in (
        "Rol toevoegen",
        "Fasen",
        "Werkboek inlezen",
        "Salarisschalen",
        "Nieuw begrotingsjaar",
        ROL,
    ):
        assert main.get_by_role("link", name=name, exact=True).count() == 0, name

    user.follow("Kostenverdeling")
    assert main.get_by_role("link", name="Nieuwe verdeelsleutel").count() == 0
    assert main.get_by_role("link", name="bewerken").count() == 0
    assert main.get_by_role("link", name="Budgetten").count() == 0

    # The address of the rol's edit page, as the regiegroep has it.
    user.open(reverse("formatie:rol-update", args=["MLW", rol.pk]), status=403)
    assert user.page.get_by_role("heading", level=1).inner_text() == "Geen toegang"
    assert "U bent lid van de stuurgroep: u leest mee, de regiegroep past aan." in user.text()
    assert user.page.title() == "Geen toegang · Regiekamer"

    user.screenshot("alleen-lezen")
    user.assert_clean()
