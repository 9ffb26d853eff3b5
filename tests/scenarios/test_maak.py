"""maak_scenario: a complete copy of the real samenwerkingsverband, whose cost table equals the
real one's; history names the user; atomic; a taken or malformed afkorting is refused."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from formatie.models import Bezetting, Fase, Pakket, Pakketdeelname, Rol, Salarisschaal, Uurtarief
from kosten.models import Verdeelsleutel, Verdeelsleutelaandeel
from partijen.models import Inwonertal, Samenwerkingsverband
from scenarios import maak
from scenarios.maak import maak_scenario

from .helpers import figures, mlw, with_inwonertallen, with_pluspakket

COPIED = {
    Fase: "samenwerkingsverband",
    Salarisschaal: "samenwerkingsverband",
    Pakket: "samenwerkingsverband",
    Pakketdeelname: "pakket__samenwerkingsverband",
    Rol: "samenwerkingsverband",
    Bezetting: "rol__samenwerkingsverband",
    Uurtarief: "rol__samenwerkingsverband",
    Verdeelsleutel: "samenwerkingsverband",
    Verdeelsleutelaandeel: "verdeelsleutel__samenwerkingsverband",
}


def counts(sv) -> dict:
    found = {
        model.__name__: model.objects.filter(**{lookup: sv}).count()
        for model, lookup in COPIED.items()
    }
    found["gemeenten"] = sv.gemeenten.count()
    return found


def real_state(sv) -> tuple:
    return (
        counts(sv),
        sorted(Inwonertal.objects.values_list("pk", "gemeente_id", "peildatum", "aantal")),
        figures(sv),
    )


def test_the_copy_is_complete_and_the_real_one_untouched(demo, regie_user):
    real = mlw()
    with_pluspakket(real)
    before = real_state(real)
    scenario = maak_scenario(real, "ml7", "Midden-Limburg (7 gemeenten)", regie_user, "Vraag.")
    assert scenario.afkorting == "ML7" and scenario.scenario_van == real
    assert str(scenario).startswith("Scenario ")
    assert scenario.toelichting == "Vraag."
    assert counts(scenario) == counts(real)
    assert all(value > 0 for value in counts(scenario).values())
    assert set(scenario.gemeenten.all()) == set(real.gemeenten.all())
    assert scenario.penvoerder == real.penvoerder
    assert scenario.juridische_vorm == real.juridische_vorm
    assert set(scenario.domeinen.all()) == set(real.domeinen.all())
    # The figures of the real gemeenten, as the scenario's own rows (none is real).
    own = Inwonertal.van(scenario)
    assert own.count() == real.gemeenten.count()
    real_rows = Inwonertal.objects.filter(gemeente__in=real.gemeenten.all())
    assert sorted(own.values_list("gemeente_id", "peildatum", "aantal", "bron")) == sorted(
        real_rows.values_list("gemeente_id", "peildatum", "aantal", "bron")
    )
    assert not own.filter(scenario__isnull=True).exists()
    # A convenant stays with the real one; a rol's pakket is the scenario's own pakket.
    assert not Fase.objects.filter(samenwerkingsverband=scenario, convenant__isnull=False)
    copied_rol = Rol.objects.get(samenwerkingsverband=scenario, pakket__isnull=False)
    assert copied_rol.pakket.samenwerkingsverband == scenario
    assert not Bezetting.objects.filter(rol__samenwerkingsverband=scenario).exclude(
        fase__samenwerkingsverband=scenario
    )
    assert real_state(real) == before


def test_the_scenarios_cost_table_equals_the_real_ones(demo, regie_user):
    real = mlw()
    with_pluspakket(real)
    scenario = maak_scenario(real, "SCN", "Kopie", regie_user)
    expected = figures(real)
    assert expected and figures(scenario) == expected


def test_a_change_in_the_scenario_leaves_the_real_cost_table_as_it_is(demo, regie_user):
    real = mlw()
    with_pluspakket(real)
    before = figures(real)
    scenario = maak_scenario(real, "SCN", "Kopie", regie_user)
    for row in Inwonertal.van(scenario):
        row.aantal = row.aantal * 2 + 1
        row.save()
    Rol.objects.filter(samenwerkingsverband=scenario).delete()
    assert figures(real) == before


def test_history_names_the_user(demo, regie_user):
    with_inwonertallen(mlw())
    scenario = maak_scenario(mlw(), "SCN", "Kopie", regie_user)
    assert set(scenario.history.values_list("history_user", flat=True)) == {regie_user.pk}
    for model in (Rol, Fase, Verdeelsleutel):
        rows = model.history.filter(samenwerkingsverband_id=scenario.pk)
        assert rows.exists() and set(rows.values_list("history_user", flat=True)) == {regie_user.pk}
    rows = Inwonertal.history.filter(scenario_id=scenario.pk)
    assert rows.count() == Inwonertal.van(scenario).count() > 0
    assert set(rows.values_list("history_user", flat=True)) == {regie_user.pk}


def test_a_failure_halfway_leaves_nothing(demo, regie_user, monkeypatch):
    real = mlw()
    before = real_state(real)
    copy = maak._copy

    def fail_on_keys(obj, **changes):
        if isinstance(obj, Verdeelsleutelaandeel):
            raise RuntimeError("storing")
        return copy(obj, **changes)

    monkeypatch.setattr(maak, "_copy", fail_on_keys)
    with pytest.raises(RuntimeError):
        maak_scenario(real, "SCN", "Kopie", regie_user)
    assert not Samenwerkingsverband.objects.filter(afkorting="SCN").exists()
    assert not Samenwerkingsverband.objects.scenarios().exists()
    assert not Inwonertal.alle.filter(scenario__isnull=False).exists()
    assert real_state(real) == before


@pytest.mark.parametrize(
    ("afkorting", "message"),
    [
        ("mlw", "De afkorting MLW is al in gebruik."),
        ("", "Geef het scenario een afkorting."),
        ("ML 7", "Een afkorting bestaat alleen uit letters, cijfers"),
        ("ML/7", "Een afkorting bestaat alleen uit letters, cijfers"),
        ("X" * 21, "ten hoogste 20 tekens"),
    ],
)
def test_a_taken_or_malformed_afkorting_is_refused(demo, afkorting, message):
    with pytest.raises(ValidationError) as raised:
        maak_scenario(mlw(), afkorting, "Kopie")
    assert message in " ".join(raised.value.messages)
    assert not Samenwerkingsverband.objects.scenarios().exists()


def test_a_scenario_needs_a_name_and_a_real_samenwerkingsverband(demo):
    with pytest.raises(ValidationError, match="Geef het scenario een naam"):
        maak_scenario(mlw(), "SCN", "  ")
    scenario = maak_scenario(mlw(), "SCN", "Kopie")
    with pytest.raises(ValidationError, match="van het echte samenwerkingsverband"):
        maak_scenario(scenario, "SCN2", "Kopie van kopie")


def test_the_command_makes_a_scenario(demo, capsys):
    call_command("maak_scenario", "mlw", "--afkorting", "ml7", "--naam", "Midden-Limburg (7)")
    scenario = Samenwerkingsverband.objects.get(afkorting="ML7")
    assert scenario.scenario_van == mlw()
    assert "Scenario ML7 (Midden-Limburg (7)) gemaakt van MLW." in capsys.readouterr().out
    assert figures(scenario) == figures(mlw())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["XYZ", "--afkorting", "SCN", "--naam", "Kopie"], "Onbekend samenwerkingsverband: XYZ."),
        (["MLW", "--afkorting", "MLW", "--naam", "Kopie"], "De afkorting MLW is al in gebruik."),
        (["MLW", "--afkorting", "A B", "--naam", "Kopie"], "alleen uit letters, cijfers"),
    ],
)
def test_the_command_refuses_in_dutch(demo, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("maak_scenario", *args)
    assert not Samenwerkingsverband.objects.scenarios().exists()
