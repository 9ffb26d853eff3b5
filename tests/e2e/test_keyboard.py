"""Keyboard only: no mouse from the first key to the last (WCAG 2.1.1, 2.4.1, 2.4.3, 2.4.7).

The skip link comes first and moves focus to the content; Tab walks the main menu in order with
a visible focus; Enter opens a page. In the formation grid Tab walks the FTE cells row by row,
a value is typed and the grid saved with Enter on the save button.
"""

import re
from decimal import Decimal

import pytest

from formatie.models import Bezetting

pytestmark = pytest.mark.e2e

# What has focus: its tag, id, name, text (or label) and whether a focus style shows.
FOCUSED = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const ring = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0)
    || style.boxShadow !== "none";
  const box = el.getBoundingClientRect();
  return {
    tag: el.tagName.toLowerCase(), id: el.id, name: el.getAttribute("name") || "",
    text: (el.innerText || el.getAttribute("aria-label") || el.value || "").trim(),
    href: el.getAttribute("href") || "", ring: ring,
    visible: box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0
      && box.left < innerWidth && box.top < innerHeight,
    inMain: !!el.closest("main"), inGrid: !!el.closest("table.grid"),
    column: el.closest("td") ? el.closest("td").cellIndex : -1,
  };
}"""


def tab(user, key="Tab") -> dict:
    user.page.keyboard.press(key)
    return user.page.evaluate(FOCUSED)


def log_in_with_the_keyboard(user, username: str):
    """The login form, typed: the username field has the focus, Tab, the password, Enter."""
    user.visit("/inloggen/")
    assert user.page.evaluate(FOCUSED)["name"] == "username"
    user.page.keyboard.type(username)
    assert tab(user)["name"] == "password"
    user.page.keyboard.type("regiekamer-demo")
    with user.page.expect_navigation():
        user.page.keyboard.press("Enter")
    # The demo users of one samenwerkingsverband land on its dashboard (gebruikers:start).
    assert user.path == "/samenwerkingsverbanden/MLW/dashboard/"
    user.username = username


def test_skip_link_then_the_main_menu_in_order_with_a_visible_focus(browse):
    user = browse()
    log_in_with_the_keyboard(user, "regie")

    # From the top of a page the skip link comes first, shows itself and jumps to the content.
    user.visit("/samenwerkingsverbanden/")
    skip = tab(user)
    assert (skip["text"], skip["href"]) == ("Naar de inhoud", "#inhoud")
    assert skip["visible"] and skip["ring"], skip
    focused = tab(user, "Enter")
    assert focused["id"] == "inhoud", "de skiplink zet de focus niet op de inhoud"
    focused = tab(user)
    assert focused["inMain"] and focused["ring"], focused

    # Again from the top: Tab walks the header in order, each item with a visible focus.
    user.visit("/samenwerkingsverbanden/")
    walked = []
    for _ in range(9):
        focused = tab(user)
        assert focused["ring"] and focused["visible"], f"geen zichtbare focus op {focused}"
        walked.append(focused["text"])
    assert walked == [
        "Naar de inhoud",
        "Regiekamer",
        "Samenwerkingsverbanden",
        "Gemeenten",
        "Convenanten",
        "Gebruikers",  # the regiegroep manages its colleagues; "Beheer" is the beheerder's
        "Wachtwoord wijzigen",
        "Tweestapsverificatie",
        "Uitloggen",
    ]
    # Shift+Tab walks back; Enter on a menu item opens its page.
    for expected in ["Tweestapsverificatie", "Wachtwoord wijzigen", "Gebruikers", "Convenanten"]:
        assert tab(user, "Shift+Tab")["text"] == expected
    with user.page.expect_navigation():
        user.page.keyboard.press("Enter")
    assert user.path == "/convenanten/"
    user.check()
    assert user.page.get_by_role("heading", level=1).inner_text() == "Convenanten"
    current = user.page.locator('.menu a[aria-current="page"]')
    assert current.inner_text() == "Convenanten"
    user.assert_clean()


def test_formation_grid_row_by_row_typed_and_saved_with_the_keyboard(browse):
    user = browse()
    log_in_with_the_keyboard(user, "regie")
    user.open("/samenwerkingsverbanden/MLW/formatie/")
    cells = user.page.locator("table.grid input[type=text]")
    total = cells.count()
    assert total > 20

    # Tab from the top of the page until the first cell of the grid.
    focused = tab(user)
    for _ in range(60):
        if focused["inGrid"] and focused["tag"] == "input":
            break
        focused = tab(user)
    assert focused["name"] == "grid-0-basisformatie", focused

    # Through the whole grid: every cell once, row by row, left to right within a row.
    visited = []
    while focused["inGrid"]:
        assert focused["ring"], f"geen zichtbare focus op {focused}"
        if focused["tag"] == "input":
            row = int(re.match(r"grid-(\d+)-", focused["name"]).group(1))
            visited.append((row, focused["column"], focused["name"], focused["text"]))
        focused = tab(user)
    assert len(visited) == total
    assert len({name for _, _, name, _ in visited}) == total
    assert [(row, column) for row, column, _, _ in visited] == sorted(
        (row, column) for row, column, _, _ in visited
    ), "de tabvolgorde gaat niet rij voor rij"
    # After the grid, the save button (no other stops in between).
    assert (focused["tag"], focused["text"]) == ("button", "Opslaan"), focused

    # Back to the second cell of the first row (its first fase), type a value, save with Enter.
    _, _, name, label = visited[1]
    for _ in range(3 * total):
        focused = tab(user, "Shift+Tab")
        if focused["name"] == name:
            break
    assert focused["name"] == name, focused
    user.page.keyboard.press("Control+A")  # Tab selects the value already; to be sure
    user.page.keyboard.type("2,75")
    while not (focused["tag"] == "button" and focused["text"] == "Opslaan"):
        focused = tab(user)
    with user.page.expect_navigation():
        user.page.keyboard.press("Enter")
    user.check()
    assert "Bezetting opgeslagen" in user.text()
    assert user.page.get_by_label(label, exact=True).input_value() == "2,75"
    rol_naam, fase_naam = label.split(": ")
    saved = Bezetting.objects.get(
        rol__naam=rol_naam, fase__naam=fase_naam, rol__samenwerkingsverband__afkorting="MLW"
    )
    assert saved.fte == Decimal("2.75")
    user.assert_clean()
