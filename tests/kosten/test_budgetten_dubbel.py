"""Two budgets of one gemeente for one year: the page says which rows clash, in plain Dutch,
and saves nothing (a user review found Django's "Corrigeer de dubbele gegevens ...")."""

import pytest
from django.urls import reverse

from kosten.models import Budget
from partijen.models import Gemeente
from tests.programma.helpers import page_data

pytestmark = pytest.mark.django_db

BUDGETTEN = reverse("kosten:budgetten", args=["MLW"])


def test_a_second_budget_for_the_same_gemeente_and_year_is_named_and_nothing_saved(
    demo, regie_client
):
    leudal = Gemeente.objects.get(naam="Leudal")
    data = page_data(regie_client.get(BUDGETTEN))
    start = int(data["budgetten-TOTAL_FORMS"]) - 1  # the empty row the page offers
    rows = [("1.250.000", "Budget regionale samenwerking"), ("5.000", "Nogmaals")]
    for i, (bedrag, omschrijving) in enumerate(rows, start=start):
        data |= {
            f"budgetten-{i}-gemeente": leudal.pk,
            f"budgetten-{i}-jaar": "2018",
            f"budgetten-{i}-bedrag": bedrag,
            f"budgetten-{i}-omschrijving": omschrijving,
            f"budgetten-{i}-id": "",
        }
    data["budgetten-TOTAL_FORMS"] = str(start + len(rows))
    before = Budget.objects.count()
    page = regie_client.post(BUDGETTEN, data).content.decode()
    assert (
        "Twee rijen hebben dezelfde gemeente en jaar; die combinatie mag maar één keer "
        "voorkomen. Pas de gemarkeerde rij aan of verwijder hem. Er is niets opgeslagen."
    ) in page
    assert "Deze rij heeft dezelfde waarden als een rij erboven." in page
    assert "Corrigeer de dubbele" not in page
    assert Budget.objects.count() == before
