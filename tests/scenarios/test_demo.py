"""The demo's scenario's of MLW (seed 004) and the G12 in preparation (seed 001): loaded twice
changes nothing, MLW's real figures stay those of Bijlage 1 to the euro, and no inhabitant
figure without a named source."""

import io

import pytest
from django.core.management import call_command

from formatie.constants import Pakketsoort
from formatie.models import Bezetting, Fase, Pakket, Pakketdeelname, Rol, Salarisschaal
from kosten.gegevens import load_kostenverdeling
from kosten.models import Verdeelsleutel, Verdeelsleutelaandeel
from partijen.models import Gemeente, Inwonertal, Samenwerkingsverband
from tests.kosten.mlw import mlw_kostenverdeling

COUNTED = [
    Gemeente,
    Samenwerkingsverband,
    Inwonertal,
    Fase,
    Rol,
    Bezetting,
    Salarisschaal,
    Pakket,
    Pakketdeelname,
    Verdeelsleutel,
    Verdeelsleutelaandeel,
]

NOORD_LIMBURG = [
    "Beesel",
    "Bergen (L.)",
    "Gennep",
    "Horst aan de Maas",
    "Mook en Middelaar",
    "Peel en Maas",
    "Venlo",
    "Venray",
]
MIDDEN_LIMBURG = ["Echt-Susteren", "Leudal", "Maasgouw", "Nederweert", "Roerdalen", "Roermond"]


def sv(afkorting):
    return Samenwerkingsverband.objects.get(afkorting=afkorting)


def counts():
    return {
        m.__name__: (m._default_manager.model._base_manager.count(), m.history.count())
        for m in COUNTED
    }


def csv_of(code: str) -> str:
    out = io.StringIO()
    call_command("kostenverdeling", code, "--format", "csv", stdout=out)
    return out.getvalue()


def test_the_demo_loaded_twice_changes_nothing(scenario_demo):
    """``scenario_demo`` loaded it once; ``laad_demo`` twice more changes nothing."""
    before, mlw_csv = counts(), csv_of("MLW")
    call_command("laad_demo", zonder_gebruikers=True, verbosity=0)
    call_command("laad_demo", zonder_gebruikers=True, verbosity=0)
    assert counts() == before
    assert csv_of("MLW") == mlw_csv


def test_mlws_real_figures_are_unchanged_to_the_euro(demo):
    mlw_csv = csv_of("MLW")
    call_command("laad_demo", zonder_gebruikers=True, verbosity=0)  # with the scenario's
    assert csv_of("MLW") == mlw_csv
    mlw = sv("MLW")
    kv, expected = load_kostenverdeling(mlw), mlw_kostenverdeling()
    assert kv.gemeenten == ["Leudal", "Nederweert", "Weert"]
    for jaar in expected.jaren:
        for gemeente in expected.gemeenten:
            assert kv.aandeel(gemeente, jaar) == expected.aandeel(gemeente, jaar)
        assert kv.totaal_kosten(jaar) == expected.totaal_kosten(jaar)
    assert kv.totaal == 1170744  # Bijlage 1: totaal incl. afronding
    assert not Inwonertal.objects.exists()  # no real figure was added by the scenario's
    assert sorted(g.naam for g in mlw.gemeenten.all()) == ["Leudal", "Nederweert", "Weert"]


def test_the_two_scenarios_of_seed_004(scenario_demo):
    ml7, mlnl = sv("ML7"), sv("MLNL")
    assert ml7.scenario_van == sv("MLW") and mlnl.scenario_van == sv("MLW")
    assert ml7.naam == "Midden-Limburg (7 gemeenten)"
    assert mlnl.naam == "Midden-Limburg en Noord-Limburg"
    assert sorted(g.naam for g in ml7.gemeenten.all()) == sorted(MIDDEN_LIMBURG + ["Weert"])
    assert sorted(g.naam for g in mlnl.gemeenten.all()) == sorted(
        MIDDEN_LIMBURG + ["Weert"] + NOORD_LIMBURG
    )
    # Built from the MLW formation: the same rollen and fasen.
    assert ml7.rollen.count() == mlnl.rollen.count() == sv("MLW").rollen.count()
    for scenario in (ml7, mlnl):
        [sleutel] = scenario.verdeelsleutels.all()
        assert sleutel.methode == "inwonertal" and str(sleutel.peildatum) == "2024-01-01"
        assert not sleutel.aandelen.exists()
        assert "CBS" in scenario.toelichting and "1 januari 2024" in scenario.toelichting
    assert "COROP-gebied Noord-Limburg" in mlnl.toelichting
    assert "102.000" in ml7.toelichting and "133.000" in ml7.toelichting


def test_every_inhabitant_figure_has_a_named_public_source(scenario_demo):
    figures = Inwonertal.alle.all()
    assert all(i.bron.startswith("CBS ") and i.peildatum for i in figures)
    # The 2013 totals of West and Oost are context only, never a gemeente's figure.
    assert not figures.filter(aantal__in=[102000, 133000]).exists()
    assert [(i.gemeente.naam, i.aantal, i.scenario.afkorting) for i in figures] == [
        ("Venlo", 103785, "MLNL")
    ]


def test_g12_is_in_preparation_with_its_pakketten(scenario_demo):
    g12 = sv("G12")
    assert not g12.is_scenario
    assert "in voorbereiding" in g12.toelichting.lower()
    assert sorted(g.naam for g in g12.gemeenten.all()) == ["Lingewaard", "Renkum", "Wageningen"]
    assert "negen" in g12.toelichting
    basis = g12.pakketten.filter(soort=Pakketsoort.BASIS).order_by("volgorde")
    assert [p.naam[:2] for p in basis] == ["a.", "b.", "c.", "d.", "e."]
    modules = {
        p.naam.split(":")[0]: sorted(d.gemeente.naam for d in p.deelnames.all())
        for p in g12.pakketten.filter(soort=Pakketsoort.PLUS)
    }
    assert modules == {"Participatiewet": ["Lingewaard"], "Centrumgemeente-taken": [
        "Lingewaard", "Renkum"]}  # fmt: skip
    assert not g12.rollen.exists() and not g12.verdeelsleutels.exists()


def test_scenarios_are_not_real_samenwerkingsverbanden(scenario_demo):
    echt = set(Samenwerkingsverband.objects.echt().values_list("afkorting", flat=True))
    assert {"MLW", "G12"} <= echt and not {"ML7", "MLNL"} & echt


@pytest.mark.django_db
def test_the_demo_users_of_the_whole_demo():
    """``laad_demo`` with issue 20's records: the demo users take part in MLW only; G12 is
    another samenwerkingsverband, which only the beheerder sees."""
    from django.contrib.auth import get_user_model

    from regiekamer import access

    call_command("laad_demo", verbosity=0)
    users = get_user_model().objects
    for username in ("regie", "stuur", "weert"):
        visible = access.visible_samenwerkingsverbanden(users.get(username=username))
        assert "MLW" in {s.afkorting for s in visible} and "G12" not in {
            s.afkorting for s in visible
        }
    beheer = access.visible_samenwerkingsverbanden(users.get(username="beheer"))
    assert {"MLW", "G12"} <= {s.afkorting for s in beheer}


@pytest.mark.parametrize(
    "name",
    [
        "convenant:samenwerkingsverband-detail",
        "formatie:bezetting",
        "kosten:kostenverdeling",
        "kosten:verrekening",
        "scenarios:vergelijking",
    ],
)
def test_g12_without_formation_or_costs_opens_its_pages(scenario_demo, beheer_user, name):
    from django.urls import reverse

    from tests.conftest import logged_in

    response = logged_in(beheer_user).get(reverse(name, args=["G12"]))
    assert response.status_code == 200
    assert "Regionale samenwerking Sociaal Domein G12" in response.content.decode()
