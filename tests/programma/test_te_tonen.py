"""One 'report to show': the dashboard and the voortgang PDF pick the same rapportage."""

from datetime import date

import pytest

from dashboard.views import programma_block
from partijen.models import Samenwerkingsverband
from programma.models import Programmaplan, Voortgangsrapportage
from programma.rapporten import choose_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan():
    sv = Samenwerkingsverband.objects.create(
        naam="Testregio", afkorting="TST", juridische_vorm="regeling_zonder_meer"
    )
    return Programmaplan.objects.create(
        samenwerkingsverband=sv, titel="Programmaplan", jaar_van=2021, jaar_tot=2024
    )


def rapportage(plan, peildatum, status="concept"):
    return Voortgangsrapportage.objects.create(
        plan=plan, peildatum=peildatum, periode=f"{peildatum:%B %Y}", status=status
    )


def shown(plan):
    sv = plan.samenwerkingsverband
    reports = Voortgangsrapportage.objects.filter(plan__samenwerkingsverband=sv)
    blok = programma_block(sv)
    assert blok.rapportage == choose_report(sv) == reports.te_tonen()
    assert blok.nieuwer_concept == reports.nieuwer_concept(blok.rapportage)
    return blok.rapportage, blok.nieuwer_concept


def test_the_latest_sent_report_else_the_latest_concept(plan):
    assert shown(plan) == (None, None)
    eerste = rapportage(plan, date(2021, 8, 31))
    assert shown(plan) == (eerste, None)
    tweede = rapportage(plan, date(2021, 10, 31))
    assert shown(plan) == (tweede, None)
    verzonden = rapportage(plan, date(2021, 6, 30), status="vastgesteld")
    assert shown(plan) == (verzonden, tweede)  # sent beats newer, with the newest concept
    later = rapportage(plan, date(2021, 12, 31), status="vastgesteld")
    assert shown(plan) == (later, None)
