"""Query budgets of the formatie pages: as many queries at 30 rows as at 10 (issue 8)."""

from datetime import date
from decimal import Decimal
from functools import partial

import pytest

from formatie.models import Fase, Salarisschaal, Werkgroep
from tests.convenant.factories import ConvenantFactory
from tests.querycount import Page, assert_flat, changelist, fast_hasher, of, sv_page

from .factories import WerkgroepFactory
from .rollen import add_rollen, formatie_world

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    fast_hasher(settings)


@pytest.fixture
def world(regie_user):
    w = formatie_world()
    w.convenanten = [ConvenantFactory(samenwerkingsverband=w.sv) for _ in range(2)]
    return w


def add_fasen(w, start, stop):
    """One month each, from 2030 on, some tied to a convenant."""
    Fase.objects.bulk_create(
        Fase(
            samenwerkingsverband=w.sv,
            naam=f"Fase {i:04d}",
            begin=date(2030 + i // 12, i % 12 + 1, 1),
            eind=date(2030 + i // 12, i % 12 + 1, 28),
            convenant=of(w.convenanten, i) if i % 3 else None,
        )
        for i in range(start, stop)
    )


def add_salarisschalen(w, start, stop):
    Salarisschaal.objects.bulk_create(
        Salarisschaal(
            samenwerkingsverband=w.sv,
            schaal=i % 18 + 1,
            jaar=3000 + i,
            jaarkosten_per_fte=50000 + i,
        )
        for i in range(start, stop)
    )


def add_werkgroepen(w, start, stop):
    Werkgroep.objects.bulk_create(
        WerkgroepFactory.build(
            samenwerkingsverband=w.sv,
            naam=f"Werkgroep {i:04d}",
            soort="structureel" if i % 2 else "thematisch",
            uren_per_week_per_gemeente=Decimal(i % 8),
        )
        for i in range(start, stop)
    )


url = partial(sv_page, "formatie")


admin = partial(changelist, "formatie")


PAGES = [
    # The regiegroep sees the bezettingsoverzicht as a grid of forms, one per rol.
    Page("bezetting", url("bezetting"), add_rollen, lambda w, n: f"Rol {n - 1:04d}"),
    Page("fasen", url("fasen"), add_fasen, lambda w, n: f'value="Fase {n - 1:04d}"'),
    Page(
        "salarisschalen",
        url("salarisschalen"),
        add_salarisschalen,
        lambda w, n: f'value="{3000 + n - 1}"',
    ),
    Page(
        "werkgroepen",
        url("werkgroepen"),
        add_werkgroepen,
        lambda w, n: f'value="Werkgroep {n - 1:04d}"',
    ),
    Page("admin fase", admin("fase"), add_fasen, lambda w, n: f"{n + 3} fasen"),
    Page("admin rol", admin("rol"), add_rollen, lambda w, n: f"{n} rollen"),
    Page(
        "admin salarisschaal",
        admin("salarisschaal"),
        add_salarisschalen,
        lambda w, n: f"{n + 3} salarisschalen",
    ),
    Page("admin werkgroep", admin("werkgroep"), add_werkgroepen, lambda w, n: f"{n} werkgroepen"),
]


@pytest.mark.parametrize("page", PAGES, ids=str)
def test_query_count_does_not_grow_with_rows(admin_for_every_role, regie_client, world, page):
    assert_flat(regie_client, page, world)
