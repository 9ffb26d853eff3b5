"""Review of issue 19: a stuurgroep member reads the real letter of Weert of 30 August 2016 on a
phone (390 px): the letter keeps a readable column and both signatories stand inside the sheet,
each name with its function beneath."""

import pytest
from django.urls import reverse

from brieven.models import Raadsinformatiebrief

pytestmark = pytest.mark.e2e

MEASURE = """() => {
  const sheet = document.querySelector("article.brief").getBoundingClientRect();
  const text = document.querySelector(".brieftekst").getBoundingClientRect();
  const signers = [...document.querySelectorAll(".ondertekenaar")].map((el) => {
    const box = el.getBoundingClientRect();
    const line = parseFloat(getComputedStyle(el).lineHeight);
    return {left: box.left, right: box.right, lines: el.innerText.split("\\n"),
            rows: Math.round(box.height / line)};
  });
  return {sheet: {left: sheet.left, right: sheet.right}, column: text.width, signers};
}"""


def test_stuurgroep_reads_the_2016_letter_on_a_phone(browse):
    letter = Raadsinformatiebrief.objects.get(gemeente__naam="Weert", datum="2016-08-30")
    user = browse()
    user.page.set_viewport_size({"width": 390, "height": 844})
    user.log_in("stuur")
    user.open(reverse("brieven:brief-detail", args=["MLW", letter.pk]))
    assert "Weert, 30 augustus 2016" in user.text()
    shown = user.page.evaluate(MEASURE)
    assert shown["column"] >= 300, shown  # of 390 px: not a third lost to the sheet's margins
    assert [s["lines"] for s in shown["signers"]] == [
        ["M.H.F. Knaapen", "gemeentesecretaris"],
        ["A.A.M.M. Heijmans", "burgemeester"],
    ]
    for signer in shown["signers"]:
        assert shown["sheet"]["left"] <= signer["left"] < signer["right"] <= shown["sheet"]["right"]
        assert signer["rows"] == 2, signer  # the name on one line, the function beneath
    user.screenshot("review-19-brief-telefoon")
    user.assert_clean()
