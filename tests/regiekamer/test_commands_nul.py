"""Every command that looks a samenwerkingsverband (or a name) up answers a code with a NUL byte
as unknown, in Dutch, instead of crashing: PostgreSQL refuses NUL in a query (the suite runs on
both databases, so on PostgreSQL a crash here would be a server error in the shell)."""

import pytest
from django.core.management import CommandError, call_command

from partijen.models import Samenwerkingsverband

pytestmark = pytest.mark.django_db

BAD = "ML\x00W"


@pytest.mark.parametrize(
    "args",
    [
        ["kostenverdeling", BAD],
        ["verrekening", BAD],
        ["verrekening", BAD, "--werkelijk"],
        ["begrotingskalender", BAD, "--jaar", "2027"],
        ["importeer_realisatie", "/dev/null", "--samenwerkingsverband", BAD],
        ["rapport", "kostenverdeling", BAD, "-o", "/dev/null"],
        ["maak_scenario", BAD, "--afkorting", "X1", "--naam", "X"],
        ["vergelijk_scenarios", BAD],
        ["exporteer_samenwerking", BAD],
        ["importeer_formatie", "/dev/null", "--samenwerkingsverband", BAD],
    ],
    ids=lambda args: args[0],
)
def test_a_code_with_nul_is_unknown(demo, args):
    with pytest.raises(CommandError) as raised:
        call_command(*args)
    assert "samenwerkingsverband" in str(raised.value).lower()
    assert Samenwerkingsverband.objects.filter(afkorting="X1").count() == 0


@pytest.mark.parametrize("option", ["--gemeente", "--gremium", "--periode"])
def test_a_name_with_nul_is_unknown_to_rapport(demo, option, tmp_path):
    with pytest.raises(CommandError, match="Onbekende"):
        call_command(
            "rapport", "raadsinformatiebrief", "MLW", option, "We\x00ert", "-o", tmp_path / "x.pdf"
        )


def test_met_afkorting_finds_in_any_case(demo):
    assert Samenwerkingsverband.objects.met_afkorting("mlw").afkorting == "MLW"
    assert Samenwerkingsverband.objects.met_afkorting(BAD) is None
