"""A fase of 2027 added through the browser: the cost table shows 2027 after 2018, no zero
columns for 2019–2026, says so, and the dashboard's chart labels stay readable on a phone (11 px
as drawn)."""

import re
from pathlib import Path

import pytest

from regiekamer.svg import READABLE

pytestmark = pytest.mark.e2e

SV = "Sociaal Domein Midden-Limburg West"
SHOTS = Path("/tmp/jaren")
SMALLEST_CHART_TEXT = """() => Math.min(
  ...[...document.querySelectorAll("svg.chart")].flatMap(svg => {
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  return [...svg.querySelectorAll("text")].map(t => t.getAttribute("font-size") * scale);
}))"""


def add_fase_2027(user):
    user.follow(SV)
    user.follow("Formatie")
    user.follow("Fasen")
    user.page.locator('input[name$="-naam"]').last.fill("Fase 4")
    user.page.locator('input[name$="-begin"]').last.fill("2027-01-01")
    user.page.locator('input[name$="-eind"]').last.fill("2027-12-31")
    user.submit("Opslaan")
    user.page.get_by_label("Contractmanagement: Fase 4", exact=True).fill("1")
    user.submit("Opslaan")


def test_a_2027_fase_adds_one_year_and_no_zero_columns(browse):
    user = browse()
    user.page.context.set_default_timeout(30_000)  # a PDF-free walk, but many pages
    user.log_in("regie")
    add_fase_2027(user)
    user.follow("Kostenverdeling")

    headers = user.page.locator("table.cost-table thead tr").nth(1).locator("th")
    years = [t for t in headers.all_inner_texts() if re.fullmatch(r"\d{4}", t.strip())]
    assert years == ["2016", "2017", "2018", "2027"]
    assert "Geen kosten in 2019–2026" in user.text()
    assert "Aandeel 2019" not in user.text()

    for width in (1280, 390):
        user.page.set_viewport_size({"width": width, "height": 900})
        user.screenshot(f"kostenverdeling-{width}", SHOTS)
        user.visit("/samenwerkingsverbanden/MLW/dashboard/")
        user.screenshot(f"dashboard-{width}", SHOTS)
        # The smallest chart text as drawn on the screen (its font size in CSS pixels).
        smallest = user.page.evaluate(SMALLEST_CHART_TEXT)
        assert smallest >= READABLE, (width, smallest)
        user.page.go_back()
    user.assert_clean()
