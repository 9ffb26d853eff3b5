"""Properties of the cost engine and the verrekening over random formations and keys."""

import calendar
from datetime import date
from decimal import Decimal
from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st

from kosten.verdeling import (
    FaseData,
    FormatieData,
    RolData,
    Sleutel,
    calculate_kostenverdeling,
)
from kosten.verrekening import calculate_verrekening, settle

from .test_verrekening import apply

NAMEN = ["Leudal", "Nederweert", "Weert", "Roermond", "Echt-Susteren", "Maasgouw", "Venlo"]
SCHALEN = [8, 11, 12]
FAST = settings(max_examples=150, deadline=None)

# The strategies are made once per set of arguments (``cache``), not at every draw: a new
# strategy is validated at its first draw, which cost more than the example itself.


@cache
def cents(maximum: int):
    """Decimals 0.00 .. maximum in steps of 0.01."""
    return st.integers(0, maximum * 100).map(lambda c: Decimal(c) / 100)


@cache
def one_of(*values):
    return st.sampled_from(values)


@cache
def bezettingen(fase_ids: tuple, soort: str):
    return st.dictionaries(one_of(*fase_ids), cents(200000) if soort == "vast" else cents(5))


def add_months(first: date, months: int) -> date:
    """The last day of the month ``months - 1`` after ``first``."""
    index = first.year * 12 + first.month - 1 + months - 1
    year, month = divmod(index, 12)
    return date(year, month + 1, calendar.monthrange(year, month + 1)[1])


@st.composite
def fasen(draw):
    """1-4 consecutive fasen of whole months, within 1-3 calendar years."""
    year = draw(st.integers(2015, 2030))
    start = date(year, draw(st.integers(1, 12)), 1)
    room = 12 * draw(st.integers(1, 3)) - start.month + 1
    count = draw(st.integers(1, min(4, room)))
    total = draw(st.integers(count, room))
    cuts = []
    if count > 1:
        inner = st.sets(st.integers(1, total - 1), min_size=count - 1, max_size=count - 1)
        cuts = sorted(draw(inner))
    result = []
    for i, (a, b) in enumerate(zip([0, *cuts], [*cuts, total], strict=True)):
        begin = add_months(start, a + 1).replace(day=1)
        result.append(FaseData(i + 1, f"Fase {i + 1}", begin, add_months(start, b)))
    return result


@st.composite
def rollen(draw, fase_ids, gemeenten):
    """1-6 rollen of each kostensoort, some with a leverende gemeente."""
    result = []
    for i in range(draw(st.integers(1, 6))):
        soort = draw(one_of("schaal", "uur", "vast"))
        bezetting = draw(bezettingen(fase_ids, soort))
        result.append(
            RolData(
                id=i + 1,
                naam=f"rol {i + 1}",
                kostensoort=soort,
                leverende_gemeente=draw(one_of(None, *gemeenten)),
                schaal=draw(one_of(*SCHALEN)) if soort == "schaal" else None,
                uurtarief=draw(cents(200)) if soort == "uur" else None,
                bezetting=bezetting,
            )
        )
    return result


@st.composite
def percentage_sleutel(draw, gemeenten):
    """Percentages with two decimals that add up to exactly 100."""
    cuts = sorted(draw(st.lists(st.integers(0, 10000), min_size=len(gemeenten) - 1,
                                max_size=len(gemeenten) - 1)))  # fmt: skip
    parts = [b - a for a, b in zip([0, *cuts], [*cuts, 10000], strict=True)]
    return Sleutel.from_percentages(
        {g: Decimal(p) / 100 for g, p in zip(gemeenten, parts, strict=True)}
    )


@st.composite
def inwoner_sleutel(draw, gemeenten):
    return Sleutel.from_inwonertallen({g: draw(st.integers(1, 250000)) for g in gemeenten})


@cache
def sleutels(gemeenten: tuple):
    return st.one_of(percentage_sleutel(gemeenten), inwoner_sleutel(gemeenten))


@st.composite
def kostenverdelingen(draw):
    gemeenten = draw(st.lists(one_of(*NAMEN), min_size=2, max_size=7, unique=True))
    fase_lijst = draw(fasen())
    rol_lijst = draw(rollen(tuple(f.id for f in fase_lijst), tuple(gemeenten)))
    first = fase_lijst[0].begin.year
    schalen = {(s, first): draw(cents(150000)) for s in SCHALEN}
    if draw(st.booleans()):  # a scale indexed in a later year
        schalen[(draw(one_of(*SCHALEN)), first + 1)] = draw(cents(150000))
    formatie = FormatieData(fase_lijst, rol_lijst, schalen)
    sleutel = sleutels(tuple(gemeenten))
    kv = calculate_kostenverdeling(formatie, {j: draw(sleutel) for j in formatie.jaren})
    return kv, gemeenten


@FAST
@given(kostenverdelingen())
def test_shares_add_up_to_the_cost_within_half_a_euro_per_gemeente(data):
    kv, gemeenten = data
    for regel in kv.regels.values():
        assert regel.kosten >= 0
        assert regel.kosten == regel.kosten.to_integral_value()
        assert all(a >= 0 for a in regel.aandelen.values())
        verschil = abs(sum(regel.aandelen.values()) - regel.kosten)
        assert verschil <= Decimal("0.5") * len(gemeenten)


@FAST
@given(kostenverdelingen())
def test_year_rounding_difference_is_the_sum_of_the_rol_differences(data):
    kv, _ = data
    for jaar in kv.jaren:
        regels = [kv.regel(r, jaar) for r in kv.rollen]
        per_rol = sum((sum(r.aandelen.values()) - r.kosten for r in regels), Decimal(0))
        assert kv.afrondingsverschil(jaar) == per_rol


@FAST
@given(kostenverdelingen(), st.data())
def test_with_everything_assigned_the_payments_settle_every_saldo(data, more):
    kv, gemeenten = data
    penvoerder = more.draw(one_of(*gemeenten))
    for v in calculate_verrekening(kv, penvoerder):
        assert v.niet_toegewezen == []
        assert sum(v.saldo.values()) == -v.afrondingsverschil
        assert sum(v.gedragen.values()) == kv.totaal_kosten(v.jaar)
        assert set(apply(v.te_verrekenen, v.betalingen).values()) <= {0}
        assert len(v.betalingen) <= max(len(v.saldo) - 1, 0)
        assert all(b.bedrag == b.bedrag.to_integral_value() for b in v.betalingen)
        if v.afrondingsverschil:
            assert v.afronding_gemeente == penvoerder


@FAST
@given(kostenverdelingen())
def test_without_penvoerder_unassigned_years_get_no_payments(data):
    kv, _ = data
    for v in calculate_verrekening(kv, None):
        hired = [(r.naam, kv.regel(r, v.jaar).kosten) for r in kv.rollen
                 if r.leverende_gemeente is None and kv.regel(r, v.jaar).kosten]  # fmt: skip
        assert v.niet_toegewezen == hired
        assert sum(v.saldo.values()) == -v.afrondingsverschil - sum(k for _, k in hired)
        if hired:
            assert v.betalingen == []
        else:
            assert set(apply(v.te_verrekenen, v.betalingen).values()) <= {0}
        if v.afrondingsverschil:
            top = max(v.aandeel.values())
            assert v.afronding_gemeente == min(g for g, a in v.aandeel.items() if a == top)


@FAST
@given(st.dictionaries(st.sampled_from(NAMEN), st.integers(-(10**6), 10**6), min_size=1))
def test_settle_random_saldi(raw):
    namen = sorted(raw)
    saldi = {g: Decimal(raw[g]) for g in namen[:-1]}
    saldi[namen[-1]] = -sum(saldi.values(), Decimal(0))
    betalingen = settle(saldi)
    assert set(apply(saldi, betalingen).values()) <= {0}
    assert len(betalingen) <= max(sum(1 for s in saldi.values() if s) - 1, 0)
    assert len({(b.van, b.aan) for b in betalingen}) == len(betalingen)
