"""The stuurgroep reads MLW's kostenverdeling with a pluspakket: per gemeente and year
Basispakket + Wmo-module = Totaal on the page, in the PDF and in the workbook; a scenario's
verrekening says it is not verrekend."""

import io

import pytest
from openpyxl import load_workbook

from partijen.models import Samenwerkingsverband, Toegang
from scenarios.maak import maak_scenario
from tests.kosten.test_pakketten_kosten import TOELICHTING, VERWACHT, euro, met_wmo_module
from tests.pdfs import page_images, pdf_text

from .browser import SCREENSHOTS

pytestmark = pytest.mark.e2e

SV = "Sociaal Domein Midden-Limburg West"


def test_kostenverdeling_per_pakket_and_a_scenario_not_verrekend(browse):
    met_wmo_module()
    scenario = maak_scenario(
        Samenwerkingsverband.objects.get(afkorting="MLW"), "MLWP", "Proef met module"
    )
    # Who sees MLW sees its scenario's (the kernel's access, H5); granted here explicitly so
    # this test does not depend on it.
    Toegang.objects.get(gebruiker__username="stuur").samenwerkingsverbanden.add(scenario)
    user = browse()
    user.page.set_default_timeout(30_000)  # a PDF of four pages on a busy machine
    user.log_in("stuur")
    user.follow(SV)
    user.follow("Formatie")
    user.follow("Kostenverdeling")
    tabel = user.page.locator(".pakketten").filter(has_text="2016").first
    headers = [h.strip() for h in tabel.locator("thead th").all_inner_texts()]
    assert headers == ["Gemeente", "Basispakket", "Wmo-module", "Totaal"]
    for gemeente, (basis, plus, totaal) in VERWACHT[2016].items():
        naam = user.page.get_by_role("rowheader", name=gemeente, exact=True)
        row = tabel.locator("tbody tr").filter(has=naam)
        cells = [c.strip() for c in row.locator("td").all_inner_texts()]
        assert cells == [euro(basis), euro(plus) if plus else "—", euro(totaal)]
    assert f"Wmo-module: {TOELICHTING}." in tabel.inner_text()
    user.page.locator("#per-pakket").scroll_into_view_if_needed()
    user.screenshot("kosten-per-pakket")

    text = pdf_text(pdf := user.download("PDF"))
    leudal = VERWACHT[2016]["Leudal"]
    assert f"Leudal {euro(leudal[0])} {euro(leudal[1])} {euro(leudal[2])}" in text
    for number, image in enumerate(page_images(pdf, dpi=60), start=1):
        image.save(SCREENSHOTS / f"kosten-per-pakket-pdf-{number}.png")

    ws = load_workbook(io.BytesIO(user.download("Excel")))["Per pakket"]
    rows = [tuple(c.value for c in row) for row in ws.iter_rows()]
    assert ("2016", "Nederweert", *VERWACHT[2016]["Nederweert"]) in rows

    user.open("/samenwerkingsverbanden/MLWP/kosten/verrekening/")
    assert "Een scenario wordt niet verrekend" in user.text()
    user.screenshot("verrekening-scenario")
    user.follow(f"Verrekening van {SV}")
    assert "Penvoerder" in user.text()
    user.assert_clean()
