"""Query budgets of the programma pages: as many queries at 30 rows as at 10 (issue 8)."""

from datetime import date, timedelta
from decimal import Decimal
from functools import partial

import pytest
from simple_history.utils import bulk_create_with_history

from programma.models import (
    Budgetpost,
    Doel,
    Opdracht,
    Programmaplan,
    Resultaat,
    Startantwoord,
    Startvraag,
    Thema,
    Voortgangsrapportage,
    Voortgangsregel,
)
from tests.convenant.factories import SamenwerkingsverbandFactory
from tests.querycount import Page, assert_flat, changelist, fast_hasher, of, sv_page, total

from .factories import BudgetpostFactory, DoelFactory
from .opdrachten import STANDEN, add_opdrachten, programma_world, with_stappen

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    fast_hasher(settings)


@pytest.fixture
def world(regie_user):
    w = programma_world(SamenwerkingsverbandFactory(afkorting="Q"))
    w.basis = add_opdrachten(w, 2000, 2003)  # three opdrachten, one per thema
    w.opdracht = Opdracht.objects.create(thema=w.themas[0], nummer=99, titel="De opdracht")
    return w


# --- builders: add rows start..stop -------------------------------------------------------


def add_plan_rows(w, start, stop):
    """What a plan's page lists: opdrachten per thema (some with stappen, some flagged) and
    doelen, with history."""
    add_opdrachten(w, start, stop)
    bulk_create_with_history(
        [
            DoelFactory.build(plan=w.plan, nummer=i + 1, tekst=f"Doel {i:04d}")
            for i in range(start, stop)
        ],
        Doel,
    )


def add_plannen(w, start, stop):
    plannen = Programmaplan.objects.bulk_create(
        Programmaplan(
            samenwerkingsverband=w.sv,
            titel=f"Plan {i:04d}",
            jaar_van=2000 + i % 30,
            jaar_tot=2030,
            datum=date(2020, 1, 1) + timedelta(days=i),
        )
        for i in range(start, stop)
    )
    Thema.objects.bulk_create(
        Thema(plan=p, nummer=n, naam=f"Thema {n}") for p in plannen for n in (1, 2)
    )


def add_themas(w, start, stop):
    Thema.objects.bulk_create(
        Thema(plan=w.plan, nummer=10 + i, naam=f"Thema {i:04d}") for i in range(start, stop)
    )


def add_budgetposten(w, start, stop):
    """Budget lines with an amount or PM, each for one or two opdrachten, with history."""
    posten = bulk_create_with_history(
        [
            BudgetpostFactory.build(
                plan=w.plan,
                nummer=i + 1,
                omschrijving=f"Post {i:04d}",
                bedrag=None if i % 4 == 0 else Decimal(1000 + i),
                pm=i % 4 == 0,
                verplicht=Decimal(i % 50),
                besteed=Decimal(0),
            )
            for i in range(start, stop)
        ],
        Budgetpost,
    )
    posten = Budgetpost.objects.filter(plan=w.plan, nummer__gt=start)
    through = Budgetpost.opdrachten.through
    through.objects.bulk_create(
        through(budgetpost=p, opdracht=o)
        for i, p in enumerate(posten)
        for o in ([of(w.basis, i)] if i % 2 else w.basis[:2])
    )


def add_rapportages(w, start, stop):
    """Reports (sent, and concept) with rows of every colour."""
    rapportages = Voortgangsrapportage.objects.bulk_create(
        Voortgangsrapportage(
            plan=w.plan,
            peildatum=date(2000, 1, 1) + timedelta(days=i),
            periode=f"Periode {i:04d}",
            status="vastgesteld" if i % 2 else "concept",
        )
        for i in range(start, stop)
    )
    Voortgangsregel.objects.bulk_create(
        Voortgangsregel(
            rapportage=r,
            opdracht=o,
            uitvoering=of(STANDEN, i + j)[0],
            kleurstatus=of(STANDEN, i + j)[1],
        )
        for i, r in enumerate(rapportages)
        for j, o in enumerate(w.basis)
    )


def add_opdracht_rows(w, start, stop):
    """What an opdracht's page lists: stappen, resultaten, relaties, startvragen with answers,
    budgetposten, its rows in reports, and its history (also of resultaten and answers)."""
    o = w.opdracht
    Opdracht.objects.bulk_create(
        Opdracht(thema=o.thema, nummer=o.nummer, hoofdopdracht=o, stap=i + 1, titel=f"Stap {i:04d}")
        for i in range(start, stop)
    )
    bulk_create_with_history(
        [
            Resultaat(opdracht=o, volgorde=i, tekst=f"Resultaat {i:04d}", geleverd=i % 2 == 1)
            for i in range(start, stop)
        ],
        Resultaat,
    )
    anderen = Opdracht.objects.bulk_create(
        Opdracht(thema=of(w.themas, i), nummer=5000 + i, titel=f"Relatie {i:04d}")
        for i in range(start, stop)
    )
    through = Opdracht.relaties.through
    through.objects.bulk_create(
        [through(from_opdracht=o, to_opdracht=a) for a in anderen]
        + [through(from_opdracht=a, to_opdracht=o) for a in anderen]
    )
    Startvraag.objects.bulk_create(
        Startvraag(plan=w.plan, nummer=10 + i, tekst=f"Startvraag {i:04d}")
        for i in range(start, stop)
    )
    vragen = Startvraag.objects.filter(plan=w.plan, nummer__gte=10 + start)
    bulk_create_with_history(
        [Startantwoord(opdracht=o, vraag=v, antwoord=f"Antwoord {v.nummer}") for v in vragen],
        Startantwoord,
    )
    add_budgetposten(w, start, stop)
    through = Budgetpost.opdrachten.through
    through.objects.bulk_create(
        through(budgetpost=p, opdracht=o) for p in Budgetpost.objects.filter(nummer__gt=start)
    )
    rapportages = Voortgangsrapportage.objects.bulk_create(
        Voortgangsrapportage(
            plan=w.plan, peildatum=date(2030, 1, 1) + timedelta(days=i), periode=f"P{i}"
        )
        for i in range(start, stop)
    )
    Voortgangsregel.objects.bulk_create(
        Voortgangsregel(
            rapportage=r, opdracht=o, uitvoering="lopend", kleurstatus=of(STANDEN, i)[1] or "goed"
        )
        for i, r in enumerate(rapportages)
    )
    Opdracht.history.bulk_history_create([o] * (stop - start), update=True)


url = partial(sv_page, "programma")


def plan(w):
    return w.plan.pk


admin = partial(changelist, "programma")


PAGES = [
    Page("plan-list", url("plan-list"), add_plannen, lambda w, n: total(n + 1)),
    Page(
        "plan-detail", url("plan-detail", plan), add_plan_rows, lambda w, n: f"Opdracht {n - 1:04d}"
    ),
    Page("planning", url("planning", plan), add_opdrachten, lambda w, n: f"Opdracht {n - 1:04d}"),
    Page("trend", url("trend", plan), add_opdrachten, lambda w, n: f"Opdracht {n - 1:04d}"),
    Page("budget", url("budget", plan), add_budgetposten, lambda w, n: f"Post {n - 1:04d}"),
    Page(
        "opdracht-list",
        url("opdracht-list"),
        add_opdrachten,
        lambda w, n: total(with_stappen(n) + 4),
    ),
    Page(
        "opdracht-detail",
        url("opdracht-detail", lambda w: w.opdracht.pk),
        add_opdracht_rows,
        lambda w, n: f"Stap {n - 1:04d}",
    ),
    Page("rapportage-list", url("rapportage-list"), add_rapportages, lambda w, n: total(n + 2)),
    Page(
        "rapportage-detail",
        url("rapportage-detail", lambda w: w.rapportage.pk),
        partial(add_opdrachten, history=True),
        lambda w, n: f"Opdracht {n - 1:04d}",
    ),
    Page(
        "admin programmaplan",
        admin("programmaplan"),
        add_plannen,
        lambda w, n: f"{n + 1} programmaplannen",
    ),
    Page("admin thema", admin("thema"), add_themas, lambda w, n: f"{n + 3} thema&#x27;s"),
    Page(
        "admin opdracht",
        admin("opdracht"),
        add_opdrachten,
        lambda w, n: f"{with_stappen(n) + 4} opdrachten",
    ),
    Page(
        "admin budgetpost", admin("budgetpost"), add_budgetposten, lambda w, n: f"{n} budgetposten"
    ),
    Page(
        "admin voortgangsrapportage",
        admin("voortgangsrapportage"),
        add_rapportages,
        lambda w, n: f"{n + 2} voortgangsrapportages",
    ),
]


@pytest.mark.parametrize("page", PAGES, ids=str)
def test_query_count_does_not_grow_with_rows(admin_for_every_role, regie_client, world, page):
    assert_flat(regie_client, page, world)
