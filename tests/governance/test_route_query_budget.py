"""Query budgets of the voorstellen and procesplanning pages (issue 21): as many queries at 30
rows as at 10."""

import pytest

from governance.models import Behandeling, Procesplanning, Processtap, Voorstel
from governance.route import routeer
from tests.governance import test_query_budget as base
from tests.querycount import Page, assert_flat, changelist, of, sv_page, total

pytestmark = pytest.mark.django_db
world = base.world  # the governance budgets' samenwerkingsverband "Q" with gremia and gemeenten
fast_passwords = base.fast_passwords
PLANNINGEN = ["7 of 14 april 2015", "April/mei 2015", "Februari/uiterlijk 23 maart 2015"]


def add_voorstellen(w, start, stop):
    for i in range(start, stop):
        voorstel = Voorstel.objects.create(
            samenwerkingsverband=w.sv, titel=f"Voorstel {i:04d}", gremium=of(w.gremia, i)
        )
        routeer(voorstel, ["college", "raad"], {"college": of(PLANNINGEN, i)})


def voorstel(w):
    if not hasattr(w, "voorstel"):
        w.voorstel = Voorstel.objects.create(samenwerkingsverband=w.sv, titel="Het voorstel")
    return w.voorstel


def add_gemeenten(w, start, stop):
    """More participating gemeenten: more rows in the voorstel's route."""
    from tests.convenant.factories import GemeenteFactory

    gemeenten = [GemeenteFactory(naam=f"Gemeente {i:04d}") for i in range(start, stop)]
    w.sv.gemeenten.add(*gemeenten)
    routeer(voorstel(w), ["college", "raad"], {"raad": "april/mei 2015"})


def planning(w):
    if not hasattr(w, "planning"):
        w.planning = Procesplanning.objects.create(samenwerkingsverband=w.sv, naam="P", jaar=2015)
    return w.planning


def add_stappen(w, start, stop):
    for i in range(start, stop):
        gerouteerd = i % 2 == 0
        v = None
        if gerouteerd:
            v = Voorstel.objects.create(samenwerkingsverband=w.sv, titel=f"Route {i:04d}")
            routeer(v, ["college"], {"college": "7 of 14 april 2015"})
        Processtap.objects.create(
            planning=planning(w),
            volgorde=i,
            fase="Besluit",
            stap=f"Stap {i:04d}",
            gepland=of(PLANNINGEN, i),
            orgaan="college" if gerouteerd else "",
            voorstel=v,
        )


def add_planningen(w, start, stop):
    for i in range(start, stop):
        p = Procesplanning.objects.create(
            samenwerkingsverband=w.sv, naam=f"Plan {i:04d}", jaar=2015
        )
        Processtap.objects.create(planning=p, fase="Verkenning", stap="S", gepland="Januari 2015")


PAGES = [
    Page(
        "voorstel-list",
        sv_page("governance", "voorstel-list"),
        add_voorstellen,
        lambda w, n: total(n),
    ),
    Page(
        "voorstel-detail",
        lambda w: voorstel(w).get_absolute_url(),
        add_gemeenten,
        lambda w, n: f"Gemeente {n - 1:04d}",
    ),
    Page(
        "voorstel-update",
        sv_page("governance", "voorstel-update", lambda w: voorstel(w).pk),
        add_gemeenten,
        lambda w, n: f"Gemeente {n - 1:04d}",
    ),
    Page(
        "procesplanning-detail",
        lambda w: planning(w).get_absolute_url(),
        add_stappen,
        lambda w, n: f"Stap {n - 1:04d}",
    ),
    Page(
        "procesplanning-list",
        sv_page("governance", "procesplanning-list"),
        add_planningen,
        lambda w, n: total(n),
    ),
    Page(
        "admin voorstel",
        changelist("governance", "voorstel"),
        add_voorstellen,
        lambda w, n: f"{n} voorstellen",
    ),
    Page(
        "admin procesplanning",
        changelist("governance", "procesplanning"),
        add_planningen,
        lambda w, n: f"{n} procesplanningen",
    ),
]


@pytest.mark.parametrize("page", PAGES, ids=str)
def test_query_count_does_not_grow_with_rows(admin_for_every_role, regie_client, world, page):
    assert_flat(regie_client, page, world)


def test_behandeling_rows_exist_for_each_gemeente(world):
    add_voorstellen(world, 0, 1)
    assert Behandeling.objects.count() == 2 * world.sv.gemeenten.count()
