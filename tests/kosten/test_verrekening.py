"""The onderlinge verrekening of MLW (convenant art. 5) and the settling of saldi."""

from decimal import Decimal as D

import pytest

from kosten.verdeling import KostenFout
from kosten.verrekening import (
    Betaling,
    calculate_verrekening,
    describe_afronding,
    settle,
)

from .mlw import mlw_kostenverdeling


@pytest.fixture(scope="module")
def kv():
    return mlw_kostenverdeling()


def by_year(kv, penvoerder):
    return {v.jaar: v for v in calculate_verrekening(kv, penvoerder)}


def apply(saldi, betalingen):
    """The balances after the betalingen: a payer's saldo rises, a receiver's falls."""
    result = dict(saldi)
    for b in betalingen:
        assert b.bedrag > 0 and b.van != b.aan
        result[b.van] += b.bedrag
        result[b.aan] -= b.bedrag
    return result


def test_without_penvoerder_hired_and_project_costs_are_not_assigned(kv):
    jaren = by_year(kv, None)
    assert jaren[2016].niet_toegewezen == [
        ("informatieanalyse", D(59280)),
        ("ondersteuning inkoop 2017", D(25272)),
        ("inkoop 2018 projectbasis", D(11429)),
    ]
    assert jaren[2017].niet_toegewezen == [
        ("informatieanalyse", D(81510)),
        ("ondersteuning inkoop 2017", D(18954)),
        ("inkoop 2018 projectbasis", D(88571)),
    ]
    for jaar in (2016, 2017):
        assert not jaren[jaar].volledig_toegewezen
        assert jaren[jaar].betalingen == []
    # Only the assigned costs are borne: Weert 41.550 + 31.200 + 31.200, Leudal 13.850 + 11.700.
    assert jaren[2016].gedragen == {"Leudal": 25550, "Nederweert": 0, "Weert": 103950}
    assert jaren[2016].aandeel == {"Leudal": 81173, "Nederweert": 36078, "Weert": 108231}
    assert jaren[2016].saldo == {"Leudal": -55623, "Nederweert": -36078, "Weert": -4281}
    # Without a penvoerder the euro goes to the largest aandeel.
    assert jaren[2016].afronding_gemeente == "Weert"


def test_without_penvoerder_a_fully_assigned_year_is_settled(kv):
    # 2018 has no hired or project costs. Weert bears 83.100 + 93.600 + 93.600 = 270.300,
    # Leudal 41.550 + 35.100 = 76.650; shares 124.902 / 55.512 / 166.536, no rounding difference.
    v = by_year(kv, None)[2018]
    assert v.niet_toegewezen == []
    assert v.saldo == {"Leudal": -48252, "Nederweert": -55512, "Weert": 103764}
    assert v.afrondingsverschil == 0 and v.afronding_gemeente is None
    assert v.afronding_toelichting == "In 2018 is er geen afrondingsverschil."
    assert v.betalingen == [
        Betaling("Leudal", "Weert", D(48252)),
        Betaling("Nederweert", "Weert", D(55512)),
    ]


def test_penvoerder_weert_2016(kv):
    # Weert bears its own rollen 41.550 + 31.200 + 31.200 = 103.950 plus, as penvoerder,
    # informatieanalyse 59.280 + ondersteuning inkoop 25.272 + inkoop 2018 11.429 = 199.931.
    # Leudal bears 13.850 + 11.700 = 25.550; Nederweert nothing.
    # Saldo = gedragen - aandeel: Weert 199.931 - 108.231 = 91.700,
    # Leudal 25.550 - 81.173 = -55.623, Nederweert 0 - 36.078 = -36.078; sum -1.
    # The shares are 225.482 against 225.481 costs (+1): the euro goes to Weert (91.701),
    # so Leudal pays Weert 55.623 and Nederweert pays Weert 36.078.
    v = by_year(kv, "Weert")[2016]
    assert v.niet_toegewezen == []
    assert v.gedragen == {"Leudal": 25550, "Nederweert": 0, "Weert": 199931}
    assert v.saldo == {"Leudal": -55623, "Nederweert": -36078, "Weert": 91700}
    assert sum(v.saldo.values()) == -v.afrondingsverschil == -1
    assert v.afronding_gemeente == "Weert"
    assert v.te_verrekenen == {"Leudal": -55623, "Nederweert": -36078, "Weert": 91701}
    assert v.betalingen == [
        Betaling("Leudal", "Weert", D(55623)),
        Betaling("Nederweert", "Weert", D(36078)),
    ]
    assert v.afronding_toelichting == (
        "Het afrondingsverschil van € 1 in 2016 komt ten goede aan Weert: de aandelen zijn samen "
        "€ 1 hoger dan de kosten, dus Weert betaalt € 1 minder dan het eigen aandeel."
    )


def test_penvoerder_leudal_2016(kv):
    # Leudal bears 13.850 + 11.700 and, as penvoerder, 59.280 + 25.272 + 11.429 = 121.531;
    # Weert 41.550 + 31.200 + 31.200 = 103.950. Saldo: Leudal 121.531 - 81.173 = 40.358,
    # Nederweert -36.078, Weert 103.950 - 108.231 = -4.281; sum -1. The euro goes to Leudal
    # (40.359): Nederweert pays Leudal 36.078 and Weert pays Leudal 4.281.
    v = by_year(kv, "Leudal")[2016]
    assert v.gedragen == {"Leudal": 121531, "Nederweert": 0, "Weert": 103950}
    assert v.saldo == {"Leudal": 40358, "Nederweert": -36078, "Weert": -4281}
    assert v.afronding_gemeente == "Leudal"
    assert v.te_verrekenen["Leudal"] == 40359
    assert v.betalingen == [
        Betaling("Nederweert", "Leudal", D(36078)),
        Betaling("Weert", "Leudal", D(4281)),
    ]
    assert "komt ten goede aan Leudal" in v.afronding_toelichting


@pytest.mark.parametrize("penvoerder", ["Leudal", "Nederweert", "Weert"])
def test_every_year_settles_with_a_penvoerder(kv, penvoerder):
    for v in calculate_verrekening(kv, penvoerder):
        assert v.niet_toegewezen == []
        assert sum(v.gedragen.values()) == kv.totaal_kosten(v.jaar)
        assert sum(v.aandeel.values()) == kv.totaal_aandelen(v.jaar)
        assert sum(v.saldo.values()) == -kv.afrondingsverschil(v.jaar)
        assert sum(v.te_verrekenen.values()) == 0
        assert set(apply(v.te_verrekenen, v.betalingen).values()) == {0}
        assert len(v.betalingen) <= len(v.saldo) - 1


def test_rounding_sentence_for_a_negative_difference():
    assert describe_afronding(D(-2), 2019, "Leudal") == (
        "Het afrondingsverschil van € 2 in 2019 komt voor rekening van Leudal: de aandelen zijn "
        "samen € 2 lager dan de kosten, dus Leudal betaalt € 2 meer dan het eigen aandeel."
    )


def test_settle_an_exact_pair():
    assert settle({"A": D(-5), "B": D(5), "C": D(0)}) == [Betaling("A", "B", D(5))]


def test_settle_three_parties():
    # A owes 30: the largest creditor C gets 20 first, then B 10.
    assert settle({"A": D(-30), "B": D(10), "C": D(20)}) == [
        Betaling("A", "B", D(10)),
        Betaling("A", "C", D(20)),
    ]


def test_settle_pairs_exact_amounts_before_greedy():
    # Greedy alone: A->D 6, A->C 4, B->E 4, B->C 1 (four). Pairing B with C first needs three.
    assert settle({"A": D(-10), "B": D(-5), "C": D(5), "D": D(6), "E": D(4)}) == [
        Betaling("A", "D", D(6)),
        Betaling("A", "E", D(4)),
        Betaling("B", "C", D(5)),
    ]


def test_settle_nothing_to_do():
    assert settle({}) == []
    assert settle({"A": D(0), "B": D(0)}) == []


def test_settle_refuses_saldi_that_do_not_add_up():
    with pytest.raises(KostenFout, match="nul"):
        settle({"A": D(-5), "B": D(4)})
