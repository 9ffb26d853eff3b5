"""Issue 19's budget claims as an attacker sees them: forged rows, odd amounts, formulas."""

import io

import pytest
from openpyxl import load_workbook

from kosten.models import Budget, Budgetclaim
from tests.kosten.test_budgetclaims import KOSTEN, claims_url, post_claims, weert_budget
from tests.programma.helpers import page_data

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("bedrag", ["=1+1", "-5", "-0,01", "1e9", "9999999999999", "NaN", "∞"])
def test_an_amount_that_is_no_plain_amount_is_refused_and_nothing_is_saved(
    demo, regie_client, bedrag
):
    budget = weert_budget()
    before = Budgetclaim.objects.count()
    response = post_claims(regie_client, budget, [("Vervalst", bedrag)])
    assert response.status_code == 200
    assert Budgetclaim.objects.count() == before


@pytest.mark.parametrize("row", ["existing", "extra"])
def test_a_forged_claim_id_of_another_budget_is_not_moved_nor_changed(demo, regie_client, row):
    weert = weert_budget()
    other = Budget.objects.exclude(pk=weert.pk)[0]
    theirs = Budgetclaim.objects.create(budget=other, omschrijving="Van een ander", bedrag=5)
    data = page_data(regie_client.get(claims_url(weert)))
    i = 0 if row == "existing" else int(data["claims-TOTAL_FORMS"]) - 1
    assert data["claims-INITIAL_FORMS"] != "0"
    data |= {
        f"claims-{i}-id": str(theirs.pk),
        f"claims-{i}-budget": str(weert.pk),
        f"claims-{i}-omschrijving": "Overgenomen",
        f"claims-{i}-bedrag": "1",
        f"claims-{i}-bron": "",
    }
    regie_client.post(claims_url(weert), data)
    theirs.refresh_from_db()
    assert (theirs.budget, theirs.omschrijving) == (other, "Van een ander")
    # the row is a new claim on the page's own budget (as typing it would be), never theirs
    assert set(
        Budgetclaim.objects.filter(omschrijving="Overgenomen").values_list("budget", flat=True)
    ) <= {weert.pk}


def test_a_claim_text_that_looks_like_a_formula_stays_text_in_the_workbook(demo, regie_client):
    texts = ['=HYPERLINK("http://x","klik")', "+1+1", "-2+3", "@SUM(A1:A2)"]
    response = post_claims(regie_client, weert_budget(), [(t, "1") for t in texts])
    assert response.status_code == 302
    ws = load_workbook(io.BytesIO(regie_client.get(KOSTEN, {"download": "xlsx"}).content))[
        "Budgetcontrole"
    ]
    cells = {c.value: c for row in ws.iter_rows() for c in row if c.value in texts}
    assert set(cells) == set(texts)
    assert all(c.data_type == "s" for c in cells.values())
