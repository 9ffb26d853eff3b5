"""Review of issue 21 on a phone: G12's planning and a voorstel's route show each step's state
("Te laat") on the screen, one card per row, without scrolling sideways."""

import pytest

pytestmark = pytest.mark.e2e

G12 = "/samenwerkingsverbanden/G12/governance"


def rechts_binnen_beeld(locator, breedte: int) -> bool:
    box = locator.bounding_box()
    return box is not None and box["x"] >= 0 and box["x"] + box["width"] <= breedte


def test_te_laat_in_view_on_a_phone(browse):
    user = browse()
    user.page.set_viewport_size({"width": 390, "height": 844})
    user.log_in("beheer")
    user.open(f"{G12}/procesplanningen/")
    user.follow("Processtappen toekomstige samenwerkingsstructuur Sociaal Domein G12")
    stand = user.page.locator("table.planning .stand-te-laat").first
    assert stand.inner_text() == "Te laat"
    assert rechts_binnen_beeld(stand, 390)
    planning = user.page.locator("table.planning td[data-label='Planning']", has_text="7 of 14")
    assert rechts_binnen_beeld(planning, 390)  # each value with its label (CSS ::before)
    user.screenshot("review-procesplanning-telefoon")

    user.open(f"{G12}/voorstellen/")
    user.follow("Regionaal collegevoorstel inzake regionale samenwerkingsstructuur")
    stand = user.page.locator("table.route .stand-te-laat").first
    assert rechts_binnen_beeld(stand, 390)
    assert rechts_binnen_beeld(user.page.locator("table.route td[data-label='Besluit']").first, 390)
    user.screenshot("review-voorstel-route-telefoon")
    user.assert_clean()
