"""``verrekening CODE --format csv --werkelijk`` on the MLW demo."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from kosten.gegevens import load_kostenverdeling
from kosten.models import Realisatie
from partijen.models import Gemeente, Samenwerkingsverband

pytestmark = pytest.mark.django_db


def realisatie_gelijk_aan_plan(sv, zonder=()):
    """Realisatie rows equal to the plan's rounded rol-year costs (except ``zonder``:
    (rol naam, jaar) pairs left out)."""
    plan = load_kostenverdeling(sv)
    Realisatie.objects.bulk_create(
        Realisatie(
            samenwerkingsverband=sv,
            rol_id=rol.id,
            jaar=jaar,
            bedrag=plan.regels[(rol.id, jaar)].kosten,
            bron="Financiële administratie",
        )
        for rol in plan.rollen
        for jaar in plan.jaren
        if plan.regels[(rol.id, jaar)].kosten and (rol.naam, jaar) not in zonder
    )
    return plan


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("verrekening", "MLW", "--format", "csv", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.parametrize("penvoerder", [None, "Weert"])
def test_werkelijk_equal_to_the_plan_prints_todays_verrekening(demo, penvoerder):
    sv = Samenwerkingsverband.objects.get(afkorting="MLW")
    sv.penvoerder = Gemeente.objects.get(naam=penvoerder) if penvoerder else None
    sv.save()
    realisatie_gelijk_aan_plan(sv)
    vandaag, _ = run()
    werkelijk, err = run("--werkelijk")
    assert werkelijk == vandaag
    assert "2016,Leudal,25550,81173,-55623" in werkelijk.splitlines()
    assert err == ""


def test_werkelijk_leaves_out_an_incomplete_year_and_says_so(demo):
    sv = Samenwerkingsverband.objects.get(afkorting="MLW")
    realisatie_gelijk_aan_plan(sv, zonder={("Informatie analyse", 2017)})
    Realisatie.objects.filter(jaar=2016, rol__naam="Beleid Jeugd").update(
        bedrag=Decimal("31700.49")
    )
    out, err = run("--werkelijk")
    lines = out.splitlines()
    assert [line.split(",")[0] for line in lines[1:]] == ["2016"] * 3 + ["2018"] * 3
    assert "2017 is weggelaten: de werkelijke kosten ontbreken van Informatie analyse." in err
    # Beleid jeugd (Weert) 31.200 planned, 31.700 actual: Weert bore 500 more, its share is
    # 48% of 500 = 240 more: saldo 260 higher than the plan's.
    plan_lines = run()[0].splitlines()
    weert_plan = next(x for x in plan_lines if x.startswith("2016,Weert"))
    weert = next(x for x in lines if x.startswith("2016,Weert"))
    assert int(weert.split(",")[4]) == int(weert_plan.split(",")[4]) + 260


def test_werkelijk_without_a_complete_year_is_refused(demo):
    with pytest.raises(CommandError, match="nog geen jaar met alle werkelijke kosten bekend"):
        run("--werkelijk")
