"""The formation grid asks before the page is left with changes not saved (issue 15, Words)."""

from decimal import Decimal

import pytest

from regiekamer.opmaak import format_decimal

pytestmark = pytest.mark.e2e

SV = "Sociaal Domein Midden-Limburg West"
CELL = "Beleid Jeugd: Fase 3"


def test_the_grid_warns_before_leaving_with_unsaved_changes(browse):
    user = browse()
    user.page.set_default_timeout(30_000)  # a first page of a busy machine can take longer
    user.log_in("regie")
    user.follow(SV)
    user.follow("Formatie")
    dialogs = []

    def stay(dialog):
        dialogs.append(dialog.type)
        dialog.dismiss()  # "stay on this page"

    user.page.on("dialog", stay)
    grid = user.path

    # Leaving an untouched grid does not ask.
    user.follow("Kostenverdeling")
    assert dialogs == []
    user.page.go_back()
    user.page.wait_for_url(f"**{grid}")

    # A changed cell: leaving asks, and "stay" keeps the page and the typed value.
    cell = user.page.get_by_label(CELL, exact=True)
    old = Decimal(cell.input_value().replace(",", "."))
    typed = format_decimal(old + Decimal("0.5"))
    cell.click()
    cell.press("Control+A")
    user.page.keyboard.type(typed)
    user.page.get_by_role("link", name="Kostenverdeling", exact=True).first.click()
    user.page.wait_for_timeout(500)
    assert dialogs == ["beforeunload"]
    assert user.path == grid
    assert cell.input_value() == typed

    # Saving does not ask.
    user.submit("Opslaan")
    assert dialogs == ["beforeunload"]
    assert "Bezetting opgeslagen" in user.text()
    saved = user.page.get_by_label(CELL, exact=True).input_value()
    assert Decimal(saved.replace(",", ".")) == old + Decimal("0.5")
    user.follow("Kostenverdeling")
    assert dialogs == ["beforeunload"]

    user.screenshot("woorden-grid")
    user.assert_clean()  # no CSP violation, no script error
