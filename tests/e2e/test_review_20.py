"""Review of issue 20 as users meet it in the browser."""

import pytest

from partijen.models import Gemeente

pytestmark = pytest.mark.e2e

FITS = """() => [...document.querySelectorAll("table.rekening")].map((t) => {
  const region = t.parentElement;
  const bedrag = t.querySelector("tbody td.num").getBoundingClientRect();
  return {past: region.scrollWidth <= region.clientWidth, rechts: bedrag.right};
})"""


def test_weerts_official_reads_the_bill_on_a_phone(browse):
    """At 390 px every amount of the bill is in view: the heading 'Samenwerkingsverband' may
    break, so the table needs no sideways scrolling."""
    weert = Gemeente.objects.get(naam="Weert")
    user = browse()
    user.page.set_viewport_size({"width": 390, "height": 844})
    user.log_in("weert")
    user.open(f"/gemeenten/{weert.pk}/")
    tabellen = user.page.evaluate(FITS)
    assert tabellen, "no bill shown"
    for tabel in tabellen:
        assert tabel["past"] and tabel["rechts"] <= 390, tabellen
    user.screenshot("review-20-rekening-telefoon")
    user.assert_clean()


def test_a_scenarios_page_fits_a_phone(browse):
    """The scenario's gemeenten table scrolls in its own region: the page itself never scrolls
    sideways at 390 px."""
    user = browse()
    user.page.set_viewport_size({"width": 390, "height": 844})
    user.log_in("stuur")
    user.open("/samenwerkingsverbanden/ML7/scenario/")
    assert "Gemeenten in dit scenario" in user.text()
    breedte = user.page.evaluate("() => document.documentElement.scrollWidth")
    assert breedte <= 390
    user.screenshot("review-20-scenario-telefoon")
    user.assert_clean()
