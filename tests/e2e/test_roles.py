"""Each role logs in, sees itself in the header and finds the way in to its work."""

import pytest

pytestmark = pytest.mark.e2e

SV = "Sociaal Domein Midden-Limburg West"


def header(user) -> str:
    return user.page.locator(".site-header .user").inner_text()


def finish(user, name: str):
    user.screenshot(name)
    user.assert_clean()


def test_regiegroep_logs_in_and_opens_the_formatie_to_edit_it(browse):
    user = browse()
    user.log_in("regie")
    assert "Regiekamer" in user.page.title()
    assert "Regiegroep Demo (regiegroep)" in header(user)
    # The start page lists the samenwerkingsverbanden the user takes part in.
    user.follow(SV)
    assert "Midden-Limburg West" in user.text()
    user.follow("Formatie")
    assert "Bezettingsoverzicht " + SV in user.text()
    # The regiegroep edits the formation as one grid.
    assert user.page.get_by_role("button", name="Opslaan").is_visible()
    assert user.page.get_by_role("link", name="Rol toevoegen").is_visible()
    finish(user, "rol-regiegroep")


def test_stuurgroep_logs_in_and_opens_the_dashboard(browse):
    user = browse()
    user.log_in("stuur")
    assert "Stuurgroep Demo (stuurgroep)" in header(user)
    user.follow(SV)
    user.follow("Dashboard")
    assert "Dashboard " + SV in user.text()
    assert "Kostenverdeling →" in user.text()
    finish(user, "rol-stuurgroep")


def test_gemeente_official_logs_in_and_opens_the_own_gemeente(browse):
    user = browse()
    user.log_in("weert")
    assert "Ambtenaar Weert Demo (gemeente)" in header(user)
    user.follow("Gemeenten")
    user.follow("Weert")
    assert "Gemeente Weert" in user.page.get_by_role("heading", level=1).inner_text()
    # An official of Weert edits the data of Weert, and only of Weert.
    assert user.page.get_by_role("link", name="Bewerken").is_visible()
    user.follow("← Alle gemeenten")
    user.follow("Nederweert")
    assert "Gemeente Nederweert" in user.page.get_by_role("heading", level=1).inner_text()
    assert user.page.get_by_role("link", name="Bewerken").count() == 0
    finish(user, "rol-gemeente")


def test_beheerder_logs_in_and_opens_the_beheer(browse):
    user = browse()
    user.log_in("beheer")
    assert "Beheerder Demo (beheerder)" in header(user)
    user.follow("Beheer")
    assert user.page.get_by_role("heading", name="Beheer", level=1).is_visible()
    assert user.page.get_by_role("link", name="Gebruikers").first.is_visible()
    finish(user, "rol-beheerder")
