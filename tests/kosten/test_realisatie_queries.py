"""Query budgets of the werkelijke-kosten pages: as many queries at 30 rollen as at 10."""

from decimal import Decimal
from functools import partial

import pytest
from simple_history.utils import bulk_create_with_history

from formatie.models import Rol
from kosten.models import Realisatie, Voorschotregeling
from tests.formatie.rollen import add_rollen, formatie_world
from tests.querycount import Page, assert_flat, changelist, fast_hasher, of

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    fast_hasher(settings)


@pytest.fixture
def world(regie_user):
    return formatie_world()


def add_rollen_met_realisatie(w, start, stop):
    """Rollen (every kostensoort, delivered or not) with werkelijke kosten in 2020, every
    other one borne by another gemeente than the plan says."""
    add_rollen(w, start, stop)
    rollen = Rol.objects.filter(
        samenwerkingsverband=w.sv, naam__in=[f"Rol {i:04d}" for i in range(start, stop)]
    )
    bulk_create_with_history(
        [
            Realisatie(
                samenwerkingsverband=w.sv,
                rol=rol,
                jaar=2020,
                bedrag=Decimal("1000.50") + rol.volgorde,
                gedragen_door=of(w.gemeenten, rol.volgorde) if rol.volgorde % 2 else None,
                toelichting=f"Toelichting {rol.volgorde:04d}",
            )
            for rol in rollen
        ],
        Realisatie,
    )


def add_voorschotregelingen(w, start, stop):
    Voorschotregeling.objects.bulk_create(
        Voorschotregeling(samenwerkingsverband=w.sv, vanaf_jaar=2000 + i, toelichting=f"R {i}")
        for i in range(start, stop)
    )


def grid(world):
    from django.urls import reverse

    return reverse("kosten:realisatie", args=["Q"]) + "?jaar=2020"


admin = partial(changelist, "kosten")

PAGES = [
    Page("realisatie", grid, add_rollen_met_realisatie, lambda w, n: f"Toelichting {n - 1:04d}"),
    Page(
        "admin realisatie",
        admin("realisatie"),
        add_rollen_met_realisatie,
        lambda w, n: f"{n} werkelijke kosten",
    ),
    Page(
        "admin voorschotregeling",
        admin("voorschotregeling"),
        add_voorschotregelingen,
        lambda w, n: f"{n} voorschotregelingen",
    ),
]


@pytest.mark.parametrize("page", PAGES, ids=str)
def test_query_count_does_not_grow_with_rows(admin_for_every_role, regie_client, world, page):
    assert_flat(regie_client, page, world)


def test_reading_the_grid_is_flat_too(admin_for_every_role, stuur_client, world):
    assert_flat(stuur_client, PAGES[0], world)
