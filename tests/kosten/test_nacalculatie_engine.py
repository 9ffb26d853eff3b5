"""The nacalculatie engine (convenant art. 5 on actual costs) on plain data."""

from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kosten.gegevens import RealisatieData
from kosten.nacalculatie import calculate_nacalculatie, plan_als_realisatie
from kosten.verdeling import KostenFout, Sleutel
from kosten.verrekening import calculate_verrekening

from .mlw import mlw_kostenverdeling, mlw_sleutel

GEMEENTEN = ["Leudal", "Nederweert", "Weert"]


@pytest.fixture
def plan():
    return mlw_kostenverdeling()


@pytest.mark.parametrize("penvoerder", [None, "Weert", "Leudal"])
def test_actual_costs_equal_to_the_plan_give_the_plans_verrekening(plan, penvoerder):
    nacalculatie = calculate_nacalculatie(plan, plan_als_realisatie(plan))
    assert nacalculatie.volledige_jaren == [2016, 2017, 2018]
    assert nacalculatie.verrekening(penvoerder) == calculate_verrekening(plan, penvoerder)
    for jaar in plan.jaren:
        assert all(v.verschil == 0 for v in nacalculatie.rijen(jaar))
        assert all(g.verschil == 0 for g in nacalculatie.per_gemeente(jaar))


def test_cents_are_rounded_half_up_per_rol_year(plan):
    realisatie = plan_als_realisatie(plan)
    rol = plan.rollen[0]
    realisatie[(rol.id, 2016)] = RealisatieData(D("41550.50"))
    nacalculatie = calculate_nacalculatie(plan, realisatie)
    rij = nacalculatie.vergelijkingen[(rol.id, 2016)]
    assert (rij.begroot, rij.werkelijk, rij.verschil) == (D(41550), D(41551), D(1))
    assert nacalculatie.werkelijk_totaal(2016) == plan.totaal_kosten(2016) + 1


def test_a_missing_figure_makes_the_year_incomplete_and_is_named(plan):
    realisatie = plan_als_realisatie(plan)
    informatie = plan.rollen[1]
    del realisatie[(informatie.id, 2017)]
    nacalculatie = calculate_nacalculatie(plan, realisatie)
    assert nacalculatie.volledige_jaren == [2016, 2018]
    assert nacalculatie.ontbrekend_per_jaar == {2017: ["informatieanalyse"]}
    assert nacalculatie.werkelijk_totaal(2017) is None
    assert nacalculatie.aandeel_werkelijk("Weert", 2017) is None
    assert [j.jaar for j in nacalculatie.verrekening("Weert")] == [2016, 2018]


def test_without_any_realisatie_no_year_is_complete(plan):
    nacalculatie = calculate_nacalculatie(plan, {})
    assert nacalculatie.volledige_jaren == []
    assert len(nacalculatie.ontbrekend(2016)) == 8


def test_a_rol_without_plan_costs_but_with_realisatie_counts(plan):
    realisatie = plan_als_realisatie(plan)
    inkoop_2017 = plan.rollen[6]  # ondersteuning inkoop 2017: fase 1 only, nothing in 2018
    assert plan.regels[(inkoop_2017.id, 2018)].kosten == 0
    realisatie[(inkoop_2017.id, 2018)] = RealisatieData(D("1000"))
    nacalculatie = calculate_nacalculatie(plan, realisatie)
    assert nacalculatie.werkelijk_totaal(2018) == plan.totaal_kosten(2018) + 1000
    assert nacalculatie.aandeel_werkelijk("Weert", 2018) == plan.aandeel("Weert", 2018) + 480


def test_gedragen_door_overrides_the_plans_rule(plan):
    realisatie = plan_als_realisatie(plan)
    contract = plan.rollen[0]  # delivered by Weert
    realisatie[(contract.id, 2016)] = RealisatieData(D("41550"), gedragen_door="Leudal")
    jaar = calculate_nacalculatie(plan, realisatie).verrekening("Weert")[0]
    plan_jaar = calculate_verrekening(plan, "Weert")[0]
    assert jaar.gedragen["Leudal"] == plan_jaar.gedragen["Leudal"] + 41550
    assert jaar.gedragen["Weert"] == plan_jaar.gedragen["Weert"] - 41550


def test_a_realisatie_in_a_year_without_key_is_refused_in_dutch(plan):
    realisatie = plan_als_realisatie(plan)
    realisatie[(plan.rollen[0].id, 2019)] = RealisatieData(D("100"))
    with pytest.raises(KostenFout, match="Voor 2019 zijn er werkelijke kosten"):
        calculate_nacalculatie(plan, realisatie)


def test_a_year_after_the_plan_with_its_key(plan):
    realisatie = plan_als_realisatie(plan)
    realisatie[(plan.rollen[0].id, 2019)] = RealisatieData(D("1000"))
    nacalculatie = calculate_nacalculatie(plan, realisatie, sleutels={2019: mlw_sleutel()})
    assert nacalculatie.volledige_jaren == [2016, 2017, 2018, 2019]
    assert nacalculatie.begroot_totaal(2019) == 0
    per = {g.gemeente: g for g in nacalculatie.per_gemeente(2019)}
    assert (per["Weert"].begroot, per["Weert"].werkelijk) == (0, 480)


bedragen = st.integers(0, 30_000_000).map(lambda c: D(c) / 100)


@settings(max_examples=120, deadline=None)
@given(
    bedragen=st.lists(bedragen, min_size=24, max_size=24),
    percentages=st.tuples(st.integers(1, 98), st.integers(1, 98)).filter(lambda p: sum(p) < 100),
    dragers=st.lists(st.sampled_from([None, *GEMEENTEN]), min_size=24, max_size=24),
    penvoerder=st.sampled_from(GEMEENTEN),
)
def test_saldi_of_actual_costs_sum_to_minus_the_rounding_difference(
    bedragen, percentages, dragers, penvoerder
):
    plan = mlw_kostenverdeling()
    a, b = percentages
    sleutel = Sleutel.from_percentages(
        {"Leudal": D(a), "Nederweert": D(b), "Weert": D(100 - a - b)}
    )
    keys = [(r.id, j) for r in plan.rollen for j in plan.jaren]
    realisatie = {
        k: RealisatieData(bedrag, drager)
        for k, bedrag, drager in zip(keys, bedragen, dragers, strict=True)
    }
    nacalculatie = calculate_nacalculatie(
        plan.__class__(
            plan.jaren,
            plan.gemeenten,
            plan.rollen,
            dict.fromkeys(plan.jaren, sleutel),
            plan.regels,
        ),
        realisatie,
    )
    for jv in nacalculatie.verrekening(penvoerder):
        werkelijk = nacalculatie.werkelijk
        assert sum(jv.saldo.values()) == -werkelijk.afrondingsverschil(jv.jaar)
        assert sum(jv.te_verrekenen.values()) == 0
        assert sum(jv.gedragen.values()) == werkelijk.totaal_kosten(jv.jaar)
        paid = {g: D(0) for g in jv.te_verrekenen}
        for betaling in jv.betalingen:
            paid[betaling.van] += betaling.bedrag
            paid[betaling.aan] -= betaling.bedrag
        assert all(paid[g] + jv.te_verrekenen[g] == 0 for g in paid)


def test_a_pluspakket_is_split_over_its_deelnemers_and_needs_them():
    from .test_verrekening_pakketten import module_zonder_leverancier

    plan = module_zonder_leverancier()
    realisatie = plan_als_realisatie(plan)
    realisatie[(5, 2016)] = RealisatieData(D("32201"))
    n = calculate_nacalculatie(plan, realisatie)
    assert n.werkelijk.regels[(5, 2016)].aandelen == {"Leudal": D(16101), "Nederweert": D(16101)}
    assert n.aandeel_werkelijk("Weert", 2016, 10) == 0
    jaar = n.verrekening("Weert")[0]
    assert sum(jaar.saldo.values()) == -n.werkelijk.afrondingsverschil(2016)
    assert n.werkelijk.afrondingsverschil(2016) == plan.afrondingsverschil(2016) + 1
    # A year after the plan: the module has no deelnemers known, so it cannot be split.
    realisatie[(5, 2019)] = RealisatieData(D("100"))
    with pytest.raises(KostenFout, match="in pakket Wmo-module, maar het pakket heeft in 2019"):
        calculate_nacalculatie(plan, realisatie, sleutels={2019: mlw_sleutel()})
