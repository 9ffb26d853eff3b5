"""The regiegroep reads the cost table labelled as Bijlage 1, and records a claim on Weert's
budget: the ruimte on the page, the PDF and the workbook follow (budget − claims − aandeel)."""

import io

import pytest
from openpyxl import load_workbook

from tests.kosten.test_kostenverdeling import LABELS
from tests.pdfs import page_images, pdf_text

from .browser import SCREENSHOTS

pytestmark = pytest.mark.e2e

SV = "Sociaal Domein Midden-Limburg West"


def budget_row(user, jaar: str) -> list[str]:
    row = user.page.locator("table.budget-table tbody tr").filter(has_text=jaar).first
    return [c.strip() for c in row.locator("td").all_inner_texts()]


def test_labels_of_bijlage_1_and_a_claim_on_weerts_budget(browse):
    user = browse()
    user.log_in("regie")
    user.follow(SV)
    user.follow("Formatie")
    user.follow("Kostenverdeling")
    headers = user.page.locator("table.cost-table tbody th[scope=row]").all_inner_texts()
    assert [h.strip() for h in headers] == list(LABELS.values())
    # The document's claims have no amount: the ruimte is at most the budget less the share.
    assert budget_row(user, "2016")[:6] == [
        "2016", "€ 900.000", "bedrag onbekend", "€ 108.231", "12%", "ten hoogste € 791.769"
    ]  # fmt: skip
    user.screenshot("kosten-voor-claim")

    user.page.get_by_role("link", name="claims Weert 2016 bewerken").click()
    user.page.wait_for_load_state()
    assert user.page.get_by_role("heading", level=1).inner_text() == (
        "Claims op het budget van Weert 2016"
    )
    user.page.get_by_label("Omschrijving, rij 2").fill("Hulp bij het huishouden")
    user.page.get_by_label("Bedrag, rij 2").fill("€ 150.000")
    user.screenshot("kosten-claim-formulier")
    user.submit("Opslaan")
    assert "Opgeslagen." in user.text()
    assert user.path.endswith("/kosten/#budgetcontrole")
    row = budget_row(user, "2016")
    assert row[2].split("\n")[0] == "€ 150.000" and "+ 1 zonder bedrag" in row[2]
    assert row[5] == "ten hoogste € 641.769"  # 900.000 − 150.000 − 108.231
    assert "Weert 2016: Hulp bij het huishouden — € 150.000" in user.text()
    user.page.locator("#budgetcontrole").scroll_into_view_if_needed()
    user.screenshot("kosten-na-claim")

    pdf = user.download("PDF")
    text = pdf_text(pdf)
    assert "Weert 2016 € 900.000 € 150.000 + 1 zonder bedrag € 108.231 12%" in text
    assert "ten hoogste € 641.769" in text
    for label in LABELS.values():
        assert label in text
    for number, image in enumerate(page_images(pdf, dpi=60), start=1):
        image.save(SCREENSHOTS / f"kosten-pdf-{number}.png")

    ws = load_workbook(io.BytesIO(user.download("Excel")))["Budgetcontrole"]
    values = [[c.value for c in row] for row in ws.iter_rows()]
    assert ["Weert", "2016", 900000, 150000, 108231, 641769] in [v[:6] for v in values]
    user.assert_clean()
