"""Query budgets of the kosten pages: as many queries at 30 rows as at 10 (issue 8)."""

from decimal import Decimal
from functools import partial

import pytest
from django.urls import reverse

from kosten.models import Budget, Budgetclaim, Verdeelsleutel, Verdeelsleutelaandeel
from tests.convenant.factories import GemeenteFactory
from tests.formatie.rollen import add_rollen, formatie_world
from tests.kosten.factories import BudgetFactory
from tests.programma.helpers import page_data
from tests.querycount import Page, assert_flat, changelist, fast_hasher, of, sv_page

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    fast_hasher(settings)


@pytest.fixture
def world(regie_user):
    return formatie_world()


def add_kosten_rows(w, start, stop):
    """What the kostenverdeling lists: rollen, and verdeelsleutels (of years before the
    formation, so the figures stay those of the 2020 key) with their aandelen."""
    add_rollen(w, start, stop)
    sleutels = Verdeelsleutel.objects.bulk_create(
        Verdeelsleutel(
            samenwerkingsverband=w.sv,
            vanaf_jaar=1000 + i,
            tot_en_met_jaar=1000 + i,
            methode="vastgesteld",
            bron=f"Besluit {i:04d}",
        )
        for i in range(start, stop)
    )
    Verdeelsleutelaandeel.objects.bulk_create(
        Verdeelsleutelaandeel(verdeelsleutel=s, gemeente=g, percentage=p)
        for s in sleutels
        for g, p in zip(w.gemeenten, (40, 40, 20), strict=True)
    )
    add_budgets_in_range(w)


def add_budgets_in_range(w):
    """A budget per gemeente and year of the formation (2020, 2021): the budget check."""
    Budget.objects.bulk_create(
        [
            Budget(samenwerkingsverband=w.sv, gemeente=g, jaar=jaar, bedrag=Decimal(900000))
            for g in w.gemeenten
            for jaar in (2020, 2021)
        ],
        ignore_conflicts=True,
    )


def add_budgetten(w, start, stop):
    Budget.objects.bulk_create(
        BudgetFactory.build(
            samenwerkingsverband=w.sv,
            gemeente=of(w.gemeenten, i),
            jaar=3000 + i,
            bedrag=Decimal(1000 + i),
            omschrijving=f"Budget {i:04d}",
        )
        for i in range(start, stop)
    )


def claims_budget(w) -> int:
    """The budget (first gemeente, 2020: a year of the formation) the claims are added to."""
    budget, _ = Budget.objects.get_or_create(
        samenwerkingsverband=w.sv, gemeente=w.gemeenten[0], jaar=2020, defaults={"bedrag": 900000}
    )
    return budget.pk


def add_claims(w, start, stop):
    Budgetclaim.objects.bulk_create(
        Budgetclaim(
            budget_id=claims_budget(w),
            omschrijving=f"Claim {i:04d}",
            bedrag=Decimal(i) if i % 2 else None,
        )
        for i in range(start, stop)
    )


def add_kosten_rows_and_claims(w, start, stop):
    add_kosten_rows(w, start, stop)
    add_claims(w, start, stop)


url = partial(sv_page, "kosten")


admin = partial(changelist, "kosten")


PAGES = [
    Page(
        "kostenverdeling", url("kostenverdeling"), add_kosten_rows, lambda w, n: f"Rol {n - 1:04d}"
    ),
    # Odd rollen have no leverende gemeente and no penvoerder is chosen: listed as not assigned.
    Page("verrekening", url("verrekening"), add_rollen, lambda w, n: f"Rol {n - 1:04d}"),
    Page(
        "kostenverdeling with claims",
        url("kostenverdeling"),
        add_kosten_rows_and_claims,
        lambda w, n: f"Claim {n - 1:04d}",
    ),
    Page(
        "budgetclaims",
        url("budgetclaims", claims_budget),
        add_claims,
        lambda w, n: f'value="Claim {n - 1:04d}"',
    ),
    Page(
        "budgetten",
        url("budgetten"),
        add_budgetten,
        lambda w, n: f'value="Budget {n - 1:04d}"',
    ),
    Page(
        "admin verdeelsleutel",
        admin("verdeelsleutel"),
        add_kosten_rows,
        lambda w, n: f"{n + 1} verdeelsleutels",
    ),
    Page("admin budget", admin("budget"), add_budgetten, lambda w, n: f"{n} budgetten"),
]


@pytest.mark.parametrize("page", PAGES, ids=str)
def test_query_count_does_not_grow_with_rows(admin_for_every_role, regie_client, world, page):
    assert_flat(regie_client, page, world)


def test_a_shared_select_still_offers_and_accepts_only_its_own_rows(regie_client, world):
    """The budget rows share one list of gemeenten: each row shows its own as chosen, and a
    gemeente outside the samenwerkingsverband is refused as before."""
    add_budgetten(world, 0, 3)
    url = reverse("kosten:budgetten", args=["Q"])
    response = regie_client.get(url)
    page = response.content.decode()
    for i, budget in enumerate(Budget.objects.filter(samenwerkingsverband=world.sv)):
        select = page.split(f'name="budgetten-{i}-gemeente"')[1].split("</select>")[0]
        assert f'<option value="{budget.gemeente_id}" selected>' in select
        assert select.count("<option") == 4  # the three gemeenten and "---------"

    elders = GemeenteFactory(naam="Elders")
    data = page_data(response)
    data["budgetten-0-gemeente"] = str(elders.pk)
    response = regie_client.post(url, data)
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert not Budget.objects.filter(gemeente=elders).exists()
