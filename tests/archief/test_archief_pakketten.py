"""The archive of a samenwerkingsverband carries its pakketten, their deelnames and each rol's
pakket, and its scenario's stay scenario's (with their own inwonertallen); a scenario is not
archived on its own, and an archive cannot slip in a scenario of another."""

import json

import pytest
from django.core.management import CommandError

from formatie.models import Pakket
from partijen.models import Gemeente, Inwonertal, Samenwerkingsverband
from scenarios.maak import maak_scenario
from tests.regiekamer.test_archive import (
    empty_installation,
    export,
    importeer,
    refused,
    row_counts,
)
from tests.werkboek.test_werkboek_pakketten import figures, pakket_dump, workbook
from werkboek.opslaan import import_workbook

pytestmark = pytest.mark.django_db

GEMEENTEN = [
    ["Leudal", 36000, None, None],
    ["Nederweert", 16000, None, None],
    ["Weert", 48000, None, None],
]


@pytest.fixture
def tst():
    """A samenwerkingsverband with pakketten (a pluspakket split by inwoners) and a scenario in
    which Weert counts otherwise."""
    sv = Samenwerkingsverband.objects.create(
        naam="Testverband", afkorting="TST", juridische_vorm="regeling_zonder_meer"
    )
    import_workbook(workbook([list(r) for r in GEMEENTEN]), sv)
    scenario = maak_scenario(sv, "TSC", "Testverband anders geteld")
    Inwonertal.alle.filter(scenario=scenario, gemeente__naam="Weert").update(aantal=96000)
    return sv, scenario


def state(sv, scenario) -> dict:
    return {
        "echt": (pakket_dump(sv), figures(sv)),
        "scenario": (pakket_dump(scenario), figures(scenario)),
        "inwonertallen": sorted(
            (naam, scenario or "", aantal)
            for naam, scenario, aantal in Inwonertal.alle.values_list(
                "gemeente__naam", "scenario__afkorting", "aantal"
            )
        ),
    }


def test_pakketten_deelnames_rol_pakket_and_scenarios_make_the_round_trip(tst, tmp_path):
    sv, scenario = tst
    before, counts = state(sv, scenario), row_counts()
    assert before["echt"][1] != before["scenario"][1]  # Weert's other inwonertal counts
    path = export(tmp_path, "TST")

    empty_installation()
    importeer(path)

    assert row_counts() == counts
    sv = Samenwerkingsverband.objects.get(afkorting="TST")
    scenario = Samenwerkingsverband.objects.get(afkorting="TSC")
    assert not sv.is_scenario and scenario.scenario_van == sv
    assert list(Samenwerkingsverband.objects.echt()) == [sv]
    assert state(sv, scenario) == before


def test_a_scenario_is_archived_with_its_samenwerkingsverband_only(tst, tmp_path):
    with pytest.raises(CommandError) as fout:
        export(tmp_path, "TSC")
    assert str(fout.value) == (
        "TSC is een scenario van TST; een scenario gaat mee in het archief van TST "
        "(exporteer_samenwerking TST)."
    )


def test_another_samenwerkingsverbands_scenario_figure_of_a_shared_gemeente_stays_out(
    tst, tmp_path
):
    sv, _ = tst
    weert = Gemeente.objects.get(naam="Weert")
    other = Samenwerkingsverband.objects.create(
        naam="Ander verband", afkorting="AND", juridische_vorm="regeling_zonder_meer"
    )
    other.gemeenten.add(weert)
    elders = maak_scenario(other, "ANS", "Ander scenario")
    Inwonertal.alle.create(gemeente=weert, scenario=elders, peildatum="2020-01-01", aantal=1)

    data = json.loads(export(tmp_path, "TST").read_text(encoding="utf-8"))

    afkortingen = [
        o["fields"]["afkorting"]
        for o in data["objecten"]
        if o["model"] == "partijen.samenwerkingsverband"
    ]
    assert sorted(afkortingen) == ["TSC", "TST"]
    scenarios = {
        o["fields"]["scenario"]
        for o in data["objecten"]
        if o["model"] in ("partijen.inwonertal", "partijen.historicalinwonertal")
    }
    assert scenarios == {None, Samenwerkingsverband.objects.get(afkorting="TSC").pk}


@pytest.fixture
def archief(tst, tmp_path):
    data = json.loads(export(tmp_path, "TST").read_text(encoding="utf-8"))
    empty_installation()
    return data


def rows(data, label):
    return [o for o in data["objecten"] if o["model"] == label]


def test_a_scenario_of_another_samenwerkingsverband_is_refused(archief, tmp_path):
    scenario = next(
        o for o in rows(archief, "partijen.samenwerkingsverband") if o["fields"]["scenario_van"]
    )
    scenario["fields"]["scenario_van"] = scenario["pk"]
    refused(tmp_path, archief, "dit scenario hoort niet bij TST")


def test_a_real_samenwerkingsverband_posing_as_scenario_figure_is_refused(archief, tmp_path):
    echt = next(
        o for o in rows(archief, "partijen.samenwerkingsverband") if not o["fields"]["scenario_van"]
    )
    rows(archief, "partijen.inwonertal")[0]["fields"]["scenario"] = echt["pk"]
    refused(tmp_path, archief, "een inwonertal van een scenario verwijst naar het echte")


def test_a_scenario_whose_afkorting_exists_is_refused(archief, tmp_path):
    Samenwerkingsverband.objects.create(pk=9999, naam="Al hier", afkorting="TSC")
    Samenwerkingsverband.history.all().delete()  # its history would take the archive's keys
    refused(tmp_path, archief, "Samenwerkingsverband TSC (een scenario in het archief) bestaat al")
    assert not Pakket.objects.exists()
