"""``python manage.py begrotingskalender CODE --jaar Y [...] --format csv``: the six steps with
their latest dates (ISO) and status, from the stored cycle or from the options."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from partijen.constants import JuridischeVorm
from tests.begroting.factories import BegrotingscyclusFactory
from tests.partijen.factories import SamenwerkingsverbandFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def gr():
    return SamenwerkingsverbandFactory(
        afkorting="GRK", juridische_vorm=JuridischeVorm.BEDRIJFSVOERINGSORGANISATIE
    )


@pytest.fixture
def today(monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda: date(2026, 5, 4))


def run(*args) -> list[list[str]]:
    out = StringIO()
    call_command("begrotingskalender", *args, stdout=out)
    return [line.split(",") for line in out.getvalue().splitlines()]


def test_plan_without_a_stored_cycle(gr, today):
    rows = run("grk", "--jaar", "2027", "--vaststelling-begroting", "2-7-2026", "--format", "csv")
    assert rows == [
        ["stap", "uiterste_datum", "status"],
        ["kaders", "2026-04-30", "verlopen"],
        ["ontwerpbegroting", "2026-04-09", "verlopen"],
        ["zienswijzen", "2026-07-01", "open"],
        ["begroting_gs", "2026-07-16", "open"],
        ["voorlopige_jaarrekening", "2028-05-01", "open"],
        ["jaarrekening_gs", "2028-07-14", "open"],
    ]


def test_the_stored_cycle_and_an_option_overriding_its_date(gr, today):
    BegrotingscyclusFactory(
        samenwerkingsverband=gr,
        jaar=2027,
        vaststelling_begroting=date(2026, 7, 2),
        kaders_verzonden=date(2026, 5, 1),
        ontwerpbegroting_verzonden=date(2026, 4, 1),
    )
    rows = dict((r[0], r[1:]) for r in run("GRK", "--jaar", "2027"))
    assert rows["kaders"] == ["2026-04-30", "te_laat"]
    assert rows["ontwerpbegroting"] == ["2026-04-09", "op_tijd"]
    rows = dict(
        (r[0], r[1:])
        for r in run(
            "GRK",
            "--jaar",
            "2027",
            "--vaststelling-begroting",
            "2026-06-18",
            "--vaststelling-jaarrekening",
            "2028-06-29",
        )
    )
    assert rows["ontwerpbegroting"] == ["2026-03-26", "te_laat"]  # 84 days before 18-6
    assert rows["begroting_gs"] == ["2026-07-02", "open"]
    assert rows["jaarrekening_gs"] == ["2028-07-13", "open"]


@pytest.mark.parametrize(
    "args, message",
    [
        (["ONBEKEND", "--jaar", "2027"], "geen samenwerkingsverband"),
        (["GR\x00K", "--jaar", "2027"], "geen samenwerkingsverband"),
        (["GRK", "--jaar", "27"], "geen jaartal"),
        (["GRK", "--jaar", "2027", "--vaststelling-begroting", "31-02-2026"], "geen datum"),
        (["GRK", "--jaar", "2027", "--vaststelling-jaarrekening", "morgen"], "geen datum"),
        (["GRK", "--jaar", "2027", "--format", "xlsx"], "Onbekend formaat"),
    ],
)
def test_bad_input_is_refused_in_dutch(gr, args, message):
    with pytest.raises(CommandError, match=message):
        run(*args)


def test_no_cycle_for_a_regeling_zonder_meer_or_a_scenario(gr):
    SamenwerkingsverbandFactory(
        afkorting="RZM", juridische_vorm=JuridischeVorm.REGELING_ZONDER_MEER
    )
    with pytest.raises(CommandError, match="heeft geen eigen begroting"):
        run("RZM", "--jaar", "2027")
    SamenwerkingsverbandFactory(
        afkorting="GRKS", scenario_van=gr, juridische_vorm=JuridischeVorm.OPENBAAR_LICHAAM
    )
    with pytest.raises(CommandError, match="is een scenario van"):
        run("GRKS", "--jaar", "2027")
