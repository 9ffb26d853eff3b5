"""The stuurgroep compares MLW with its scenario's of seed 004 in the browser and prints it.

The stuurgroep's demo user has Toegang to MLW (the real one, whose page this is); the
scenario's are shown on it as every user who may read MLW will see them (design, H5)."""

import pytest
from django.urls import reverse

from tests.pdfs import page_images, pdf_text

from .browser import SCREENSHOTS

pytestmark = pytest.mark.e2e


def test_stuurgroep_compares_the_scales_and_prints_them(browse):
    user = browse()
    user.log_in("stuur")
    user.open(reverse("scenarios:vergelijking", args=["MLW"]))
    shown = " ".join(user.text().split())
    assert "Vergelijking scenario's Sociaal Domein Midden-Limburg West" in shown
    assert "Scenario Midden-Limburg (7 gemeenten) (ML7)" in shown
    assert "Scenario Midden-Limburg en Noord-Limburg (MLNL)" in shown
    # MLW's real shares of Bijlage 1 (2017), and what is missing, by name.
    assert "215.393" in shown and "95.730" in shown and "287.189" in shown
    assert "Ontbreekt: geen inwonertal voor Leudal, Nederweert, Weert." in shown
    assert "De kosten van dit scenario kunnen niet over de gemeenten worden verdeeld." in shown
    assert "Venlo 103.785 op 1-1-2024" in shown
    user.screenshot("scenariovergelijking")

    user.page.set_default_timeout(30_000)  # three variants over three years: a longer PDF
    pdf = user.download("PDF")
    printed = pdf_text(pdf)
    assert "Scenario Midden-Limburg en Noord-Limburg (MLNL)" in printed
    assert "geen inwonertal voor Leudal, Nederweert, Weert" in printed
    for number, image in enumerate(page_images(pdf, dpi=60), start=1):
        image.save(SCREENSHOTS / f"scenariovergelijking-pdf-{number}.png")

    csv = user.download("CSV").decode()
    assert csv.splitlines()[0] == "scenario,jaar,gemeente,kosten,inwonertal,per_1000_inwoners"
    assert "MLW,2017,Weert,287189,," in csv
    user.assert_clean()
