"""Query budget of the dashboard: as many queries at 30 rows as at 10 (issue 8).

The other pages' budgets are in each app's ``test_query_budget.py``.
"""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from convenant.models import Herijkingsmoment
from governance.models import Actiepunt, Agendapunt, Gremium, Knelpunt, Persoon, Vergadering
from kosten.models import Budget
from programma.models import Voortgangsrapportage
from tests.convenant.factories import ConvenantFactory
from tests.formatie.rollen import add_rollen, formatie_world
from tests.programma.opdrachten import add_opdrachten, programma_world
from tests.querycount import Page, assert_flat, fast_hasher, of

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    fast_hasher(settings)


@pytest.fixture
def world(regie_user):
    w = formatie_world()
    w.__dict__.update(vars(programma_world(w.sv)))
    # The newest report is the one sent to the stuurgroep: its rows are compared with the
    # report before it (dates that slipped).
    Voortgangsrapportage.objects.filter(pk=w.rapportage.pk).update(status="vastgesteld")
    w.gremia = [
        Gremium.objects.create(samenwerkingsverband=w.sv, naam=naam, soort=soort)
        for naam, soort in [("Stuurgroep", "stuurgroep"), ("Regiegroep", "regiegroep")]
    ]
    w.personen = [Persoon.objects.create(naam=f"Eigenaar {i}") for i in range(3)]
    w.convenanten = [ConvenantFactory(samenwerkingsverband=w.sv) for _ in range(2)]
    Budget.objects.bulk_create(
        Budget(samenwerkingsverband=w.sv, gemeente=g, jaar=jaar, bedrag=Decimal(50000))
        for g in w.gemeenten
        for jaar in (2020, 2021)
    )
    return w


def add_dashboard_rows(w, start, stop):
    """Every block's rows: rollen, opdrachten with report rows of every colour, meetings with
    items awaiting a decision, overdue actions, open knelpunten and herijkingsmomenten."""
    add_rollen(w, start, stop)
    add_opdrachten(w, start, stop)
    now = timezone.now()
    vergaderingen = Vergadering.objects.bulk_create(
        Vergadering(
            gremium=of(w.gremia, i),
            begin=now + datetime.timedelta(days=1, hours=i),
            voorzitter=of(w.personen, i) if i % 2 else None,
        )
        for i in range(start, stop)
    )
    Agendapunt.objects.bulk_create(
        Agendapunt(vergadering=v, volgorde=1, titel=f"Voorstel {i:04d}", soort="besluitvorming")
        for i, v in enumerate(vergaderingen, start)
    )
    today = timezone.localdate()
    Actiepunt.objects.bulk_create(
        Actiepunt(
            gremium=of(w.gremia, i),
            vergadering=of(vergaderingen, i),
            omschrijving=f"Actie {i:04d}",
            eigenaar=of(w.personen, i) if i % 3 else None,
            deadline=today - datetime.timedelta(days=i + 1),
        )
        for i in range(start, stop)
    )
    Knelpunt.objects.bulk_create(
        Knelpunt(
            samenwerkingsverband=w.sv,
            omschrijving=f"Knelpunt {i:04d}",
            ingebracht_door="Bergen",
            datum=today - datetime.timedelta(days=i),
        )
        for i in range(start, stop)
    )
    Herijkingsmoment.objects.bulk_create(
        Herijkingsmoment(
            convenant=of(w.convenanten, i),
            datum=today + datetime.timedelta(days=i + 1),
            omschrijving=f"Herijking {i:04d}",
        )
        for i in range(start, stop)
    )


DASHBOARD = Page(
    "dashboard",
    lambda w: reverse("dashboard", args=[w.sv.afkorting]),
    add_dashboard_rows,
    lambda w, n: f"alle {n} acties die te laat zijn",
)


def test_dashboard_query_count_does_not_grow_with_rows(regie_client, world):
    assert_flat(regie_client, DASHBOARD, world)
