"""The engine reproduces every figure of Bijlage 1 (seed 000, "Rollen m.i.v. 1-9-2016")."""

from datetime import date
from decimal import Decimal as D

import pytest

from kosten.verdeling import (
    FaseData,
    FormatieData,
    KostenFout,
    RolData,
    Sleutel,
    calculate_kostenverdeling,
    exact_role_year_cost,
    jaarkosten_per_fte,
)

from .mlw import mlw_formatie, mlw_kostenverdeling

JAREN = [2016, 2017, 2018]
GEMEENTEN = ["Leudal", "Nederweert", "Weert"]

# Copied from the table: rol -> (cost 2016, 2017, 2018), then per year the shares
# Leudal 36 %, N. Weert 16 %, Weert 48 %. "-" in the table is 0 here.
BIJLAGE_1 = {
    "contractmanagement": (
        (41550, 128113, 83100),
        ((14958, 6648, 19944), (46121, 20498, 61494), (29916, 13296, 39888)),
    ),
    "informatieanalyse": (
        (59280, 81510, 0),
        ((21341, 9485, 28454), (29344, 13042, 39125), (0, 0, 0)),
    ),
    "business control jeugd": (
        (13850, 58863, 41550),
        ((4986, 2216, 6648), (21191, 9418, 28254), (14958, 6648, 19944)),
    ),
    "beleid jeugd": (
        (31200, 93600, 93600),
        ((11232, 4992, 14976), (33696, 14976, 44928), (33696, 14976, 44928)),
    ),
    "beleid wmo": (
        (31200, 93600, 93600),
        ((11232, 4992, 14976), (33696, 14976, 44928), (33696, 14976, 44928)),
    ),
    "ondersteuning algemeen": (
        (11700, 35100, 35100),
        ((4212, 1872, 5616), (12636, 5616, 16848), (12636, 5616, 16848)),
    ),
    "ondersteuning inkoop 2017": (
        (25272, 18954, 0),
        ((9098, 4044, 12131), (6823, 3033, 9098), (0, 0, 0)),
    ),
    "inkoop 2018 projectbasis": (
        (11429, 88571, 0),
        ((4114, 1829, 5486), (31886, 14171, 42514), (0, 0, 0)),
    ),
}
# The "totaal" row: costs per year, then the shares per year (Leudal, N. Weert, Weert).
TOTAAL_KOSTEN = (225481, 598311, 346950)
TOTAAL_AANDELEN = ((81173, 36078, 108231), (215393, 95730, 287189), (124902, 55512, 166536))
# "Regionale kostenverdeling samenvatting".
SAMENVATTING = {
    "Leudal": (81173, 215393, 124902, 421468),
    "Nederweert": (36078, 95730, 55512, 187320),
    "Weert": (108231, 287189, 166536, 561956),
}
TOTAAL_INCL_AFRONDING = (225482, 598312, 346950, 1170744)


@pytest.fixture(scope="module")
def kv():
    return mlw_kostenverdeling()


def test_every_rol_is_in_the_table(kv):
    assert [r.naam for r in kv.rollen] == list(BIJLAGE_1)
    assert kv.jaren == JAREN
    assert kv.gemeenten == GEMEENTEN


@pytest.mark.parametrize("naam", list(BIJLAGE_1))
def test_rol_costs_and_shares(kv, naam):
    kosten, aandelen = BIJLAGE_1[naam]
    rol = next(r for r in kv.rollen if r.naam == naam)
    for i, jaar in enumerate(JAREN):
        regel = kv.regel(rol, jaar)
        assert regel.kosten == kosten[i], (naam, jaar)
        assert regel.aandelen == dict(zip(GEMEENTEN, map(D, aandelen[i]), strict=True)), (
            naam,
            jaar,
        )


def test_column_totals(kv):
    for i, jaar in enumerate(JAREN):
        assert kv.totaal_kosten(jaar) == TOTAAL_KOSTEN[i]
        for g, expected in zip(GEMEENTEN, TOTAAL_AANDELEN[i], strict=True):
            assert kv.aandeel(g, jaar) == expected
        assert kv.totaal_aandelen(jaar) == TOTAAL_INCL_AFRONDING[i]


def test_summary(kv):
    for g, (*per_jaar, totaal) in SAMENVATTING.items():
        assert [kv.aandeel(g, j) for j in JAREN] == per_jaar
        assert kv.totaal_gemeente(g) == totaal
    assert kv.totaal == TOTAAL_INCL_AFRONDING[3]
    assert kv.totaal_zonder_afronding == sum(TOTAAL_KOSTEN)


def test_rounding_difference_per_year(kv):
    assert [kv.afrondingsverschil(j) for j in JAREN] == [1, 1, 0]


def test_exact_cost_is_rounded_half_up():
    # contractmanagement 2017 = 83.100 x (1,5x3 + 2x5 + 1x4)/12 = 128.112,50 -> 128.113
    formatie = mlw_formatie()
    assert exact_role_year_cost(formatie.rollen[0], formatie, 2017) == D("128112.50")


def test_percentages_not_adding_to_100_are_refused():
    with pytest.raises(KostenFout, match="100"):
        Sleutel.from_percentages({"Leudal": D(36), "Nederweert": D(16), "Weert": D(47)})


def test_missing_scale_amount_is_refused():
    formatie = mlw_formatie()
    del formatie.schalen[(8, 2016)]
    sleutel = Sleutel.from_percentages({"Leudal": D(100)})
    with pytest.raises(KostenFout, match="schaal 8"):
        calculate_kostenverdeling(formatie, {j: sleutel for j in formatie.jaren})


def test_missing_key_for_a_year_is_refused():
    formatie = mlw_formatie()
    sleutel = Sleutel.from_percentages({"Leudal": D(100)})
    with pytest.raises(KostenFout, match="2018"):
        calculate_kostenverdeling(formatie, {2016: sleutel, 2017: sleutel})


def one_rol_formatie(bedrag=D(300000)):
    """One fixed-amount rol in 2020."""
    fase = FaseData(1, "Fase 1", date(2020, 1, 1), date(2020, 12, 31))
    rol = RolData(1, "rol", "vast", bezetting={1: bedrag})
    return FormatieData([fase], [rol])


def test_inwonertallen_key_rounds_once():
    # 300.000 x 1/3 = 100.000 exactly; via a rounded percentage (33,33 %) it would be 99.990.
    sleutel = Sleutel.from_inwonertallen({"A": 10000, "B": 20000})
    kv = calculate_kostenverdeling(one_rol_formatie(), {2020: sleutel})
    assert kv.regels[(1, 2020)].aandelen == {"A": D(100000), "B": D(200000)}
    # 100 x 1/3 = 33,33 -> 33 and 100 x 2/3 = 66,67 -> 67, each rounded once.
    kv = calculate_kostenverdeling(one_rol_formatie(bedrag=D(100)), {2020: sleutel})
    assert kv.regels[(1, 2020)].aandelen == {"A": D(33), "B": D(67)}
    # Half a euro rounds up in every cell: 1 x 1/2 = 0,50 -> 1 each, a difference of +1.
    sleutel = Sleutel.from_inwonertallen({"A": 5, "B": 5})
    kv = calculate_kostenverdeling(one_rol_formatie(bedrag=D(1)), {2020: sleutel})
    assert kv.regels[(1, 2020)].aandelen == {"A": D(1), "B": D(1)}
    assert kv.afrondingsverschil(2020) == 1


def test_inwonertallen_need_inhabitants():
    with pytest.raises(KostenFout):
        Sleutel.from_inwonertallen({"A": 0})


def test_scale_indexed_in_a_later_year_is_used_from_that_year_on():
    fase = FaseData(1, "Fase 1", date(2016, 9, 1), date(2018, 12, 31))
    rol = RolData(1, "contractmanagement", "schaal", schaal=11, bezetting={1: D(1)})
    schalen = {(11, 2016): D(83100), (11, 2018): D(90000)}
    formatie = FormatieData([fase], [rol], schalen)
    assert jaarkosten_per_fte(schalen, 11, 2017) == D(83100)
    assert jaarkosten_per_fte(schalen, 11, 2018) == D(90000)
    sleutel = Sleutel.from_percentages({"Weert": D(100)})
    kv = calculate_kostenverdeling(formatie, {j: sleutel for j in formatie.jaren})
    assert [kv.regels[(1, j)].kosten for j in kv.jaren] == [27700, 83100, 90000]
