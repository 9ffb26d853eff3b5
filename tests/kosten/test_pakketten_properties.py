"""Properties of the pakket engine and of a gemeente's bill, over random formations, pluspakketten
(random deelnemers per year, each verdeling) and keys.

The strategies of the formation and the keys are those of ``test_properties``; a pluspakket's
key is made by the code the database loader uses (``kosten.gegevens.pakket_sleutel``).
"""

from dataclasses import replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from formatie.constants import Pakketsoort, Pakketverdeling
from formatie.models import Pakket
from kosten.gegevens import load_kostenverdeling, pakket_sleutel
from kosten.rekening import Verband, bereken_rekening, load_rekening
from kosten.verdeling import (
    BASISPAKKET,
    FormatieData,
    KostenFout,
    PakketData,
    calculate_kostenverdeling,
    pakket_years,
)
from partijen.models import Gemeente, Samenwerkingsverband

from .test_properties import NAMEN, SCHALEN, cents, fasen, one_of, rollen, sleutels

# Fewer examples than ``test_properties.FAST``: each draws pakketten too, the bill up to three
# formations; together they stay under 20 s on a busy machine.
FAST = settings(max_examples=100, deadline=None)
BILL = settings(max_examples=50, deadline=None)
PEILDATUM = date(2015, 1, 1)
VERDELINGEN = [Pakketverdeling.INWONERS, Pakketverdeling.GELIJK, Pakketverdeling.EEN]


def half_up(value: Decimal) -> Decimal:
    """Rounding to whole euros, written out here, not taken from the engine."""
    return value.quantize(Decimal(1), rounding=ROUND_HALF_UP)


@st.composite
def deelnemers(draw, gemeenten, verdeling):
    """Who takes a pluspakket in a year: one gemeente for 'een', else any non-empty group."""
    if verdeling == Pakketverdeling.EEN:
        return [draw(one_of(*gemeenten))]
    return sorted(draw(st.sets(one_of(*gemeenten), min_size=1, max_size=len(gemeenten))))


@st.composite
def formaties_met_pakketten(draw, namen=tuple(NAMEN)):
    """(formatie, verdeelsleutels, pakketsleutels, pakketten, gemeenten, inwonertallen): 0-3
    pluspakketten with random deelnemers per year and a random verdeling; each rol in the
    basispakket or in one of them."""
    gemeenten = draw(st.lists(one_of(*namen), min_size=2, max_size=7, unique=True))
    fase_lijst = draw(fasen())
    rol_lijst = draw(rollen(tuple(f.id for f in fase_lijst), tuple(gemeenten)))
    first = fase_lijst[0].begin.year
    schalen = {(s, first): draw(cents(150000)) for s in SCHALEN}
    inwoners = {g: draw(st.integers(1, 250000)) for g in gemeenten}
    figures = [
        SimpleNamespace(gemeente=SimpleNamespace(naam=g), peildatum=PEILDATUM, aantal=n)
        for g, n in inwoners.items()
    ]
    pakketten = [
        PakketData(100 + i, f"Pluspakket {i + 1}", draw(one_of(*VERDELINGEN)))
        for i in range(draw(st.integers(0, 3)))
    ]
    ids = tuple(p.id for p in pakketten)
    rol_lijst = [replace(r, pakket=draw(one_of(None, *ids))) for r in rol_lijst]
    formatie = FormatieData(fase_lijst, rol_lijst, schalen)
    sleutel = sleutels(tuple(gemeenten))
    verdeelsleutels = {j: draw(sleutel) for j in formatie.jaren}
    pakketsleutels = {}
    for pakket_id, jaar in sorted(pakket_years(formatie)):
        pakket = next(p for p in pakketten if p.id == pakket_id)
        wie = draw(deelnemers(tuple(gemeenten), pakket.verdeling))
        stub = SimpleNamespace(naam=pakket.naam, verdeling=pakket.verdeling, peildatum=None)
        pakketsleutels[(pakket_id, jaar)] = pakket_sleutel(stub, jaar, wie, PEILDATUM, figures)
    return formatie, verdeelsleutels, pakketsleutels, pakketten, gemeenten, inwoners


def calculate(data):
    formatie, verdeelsleutels, pakketsleutels, pakketten, *_ = data
    return calculate_kostenverdeling(formatie, verdeelsleutels, pakketsleutels, pakketten)


@FAST
@given(formaties_met_pakketten())
def test_each_rol_year_is_split_over_its_pakkets_deelnemers_only(data):
    _, _, _, pakketten, gemeenten, inwoners = data
    kv = calculate(data)
    verdeling = {p.id: p.verdeling for p in pakketten}
    for regel in kv.regels.values():
        wie = kv.deelnemers(regel.rol.pakket, regel.jaar)
        if not regel.kosten:
            continue
        # Non-deelnemers pay 0.
        assert all(regel.aandelen.get(g, 0) == 0 for g in gemeenten if g not in wie)
        # The shares add up to the rounded cost within half a euro per deelnemer.
        assert abs(sum(regel.aandelen.values()) - regel.kosten) <= Decimal("0.5") * len(wie)
        # Each share is the half-up rounding of cost x the deelnemer's part of the key.
        soort = verdeling.get(regel.rol.pakket)
        for g in wie:
            if soort == Pakketverdeling.INWONERS:
                part = Decimal(inwoners[g]) / sum(Decimal(inwoners[d]) for d in wie)
            elif soort == Pakketverdeling.GELIJK:
                part = Decimal(1) / len(wie)
            elif soort == Pakketverdeling.EEN:
                part = Decimal(1)
            else:  # the basispakket: the year's verdeelsleutel
                teller, noemer = kv.sleutels[regel.jaar].aandelen[g]
                part = teller / noemer
            assert regel.aandelen[g] == half_up(regel.kosten * part), (g, soort)


@FAST
@given(formaties_met_pakketten())
def test_basispakket_and_every_pluspakket_add_up_to_the_gemeentes_share(data):
    kv = calculate(data)
    for jaar in kv.jaren:
        assert sum(kv.kosten_pakket(p, jaar) for p in [None, *(p.id for p in kv.pakketten)]) == (
            kv.totaal_kosten(jaar)
        )
        for g in kv.gemeenten:
            per_pakket = [kv.aandeel_pakket(g, jaar, p.id) for p in kv.pakketten]
            assert kv.aandeel_pakket(g, jaar, None) + sum(per_pakket) == kv.aandeel(g, jaar)


@FAST
@given(formaties_met_pakketten())
def test_only_a_basispakket_gives_exactly_todays_figures(data):
    formatie, verdeelsleutels, *_ = data
    zonder = FormatieData(
        formatie.fasen, [replace(r, pakket=None) for r in formatie.rollen], formatie.schalen
    )
    today = calculate_kostenverdeling(zonder, verdeelsleutels)
    # Pakketten that hold no rol change nothing, nor does a pluspakket whose key each year is
    # the year's verdeelsleutel over all gemeenten.
    pakketten = [PakketData(1, "Pluspakket")]
    leeg = calculate_kostenverdeling(zonder, verdeelsleutels, {}, pakketten)
    in_plus = FormatieData(
        formatie.fasen, [replace(r, pakket=1) for r in formatie.rollen], formatie.schalen
    )
    zelfde_sleutel = {(1, j): s for j, s in verdeelsleutels.items()}
    alles_plus = calculate_kostenverdeling(in_plus, verdeelsleutels, zelfde_sleutel, pakketten)
    for kv in (leeg, alles_plus):
        assert kv.jaren == today.jaren and kv.gemeenten == today.gemeenten
        for key, regel in today.regels.items():
            assert (kv.regels[key].kosten, kv.regels[key].aandelen) == (
                regel.kosten,
                regel.aandelen,
            )


@st.composite
def verbanden(draw):
    """1-3 samenwerkingsverbanden, each a cost table with pakketten or a KostenFout."""
    result = []
    for i in range(draw(st.integers(1, 3))):
        verband = Verband(f"Verband {i + 1}", f"V{i + 1}")
        if draw(st.integers(0, 4)) == 0:
            result.append((verband, KostenFout(f"Voor {2020 + i} ontbreekt een verdeelsleutel.")))
        else:
            result.append((verband, calculate(draw(formaties_met_pakketten()))))
    return result


@BILL
@given(verbanden(), st.data())
def test_a_gemeentes_bill_is_the_sum_of_its_columns_over_all_samenwerkingsverbanden(tables, more):
    gemeente = more.draw(one_of(*NAMEN))
    rekening = bereken_rekening(gemeente, tables)
    costed = [(v, kv) for v, kv in tables if not isinstance(kv, KostenFout)]
    jaren = sorted({j for _, kv in costed for j in kv.jaren})
    for jaar in jaren:
        expected = sum(kv.aandeel(gemeente, jaar) for _, kv in costed if jaar in kv.jaren)
        found = rekening.jaar(jaar)
        assert (found.totaal if found else 0) == expected
    for post in rekening.posten:
        assert post.bedrag > 0
        kv = next(kv for v, kv in costed if v == post.verband)
        pakket = next((p.id for p in kv.pakketten if p.naam == post.pakket), None)
        assert (pakket is None) == (post.pakket == BASISPAKKET)
        assert post.bedrag == kv.aandeel_pakket(gemeente, post.jaar, pakket)
    # A table that cannot be made is named with its reason, never counted.
    assert [(n.verband, n.reden) for n in rekening.niet_berekend] == [
        (v, str(kv)) for v, kv in tables if isinstance(kv, KostenFout)
    ]
    rows = rekening.csv_rows()
    assert rows[0] == ["jaar", "samenwerkingsverband", "pakket", "bedrag"]
    assert sum(row[3] for row in rows[1:]) == rekening.totaal


# -- in the database: basis-soort pakketten are the basispakket ---------------------------------


@pytest.mark.django_db
def test_rollen_in_basis_soort_pakketten_give_bijlage_1_and_the_same_bill(demo):
    """Seed 001's tasks a-e are parts of the basispakket: MLW's rollen spread over two
    pakketten of soort basis give exactly Bijlage 1, and Weert's bill stays one basispakket."""
    mlw = Samenwerkingsverband.objects.get(afkorting="MLW")
    weert = Gemeente.objects.get(naam="Weert")
    before, bill = load_kostenverdeling(mlw), load_rekening(weert)
    taken = [
        Pakket.objects.create(samenwerkingsverband=mlw, naam=naam, soort=Pakketsoort.BASIS)
        for naam in ("a. Inkoop", "b. Contractmanagement")
    ]
    for i, rol in enumerate(mlw.rollen.order_by("volgorde", "naam")):
        rol.pakket = taken[i % 2]
        rol.save()

    after = load_kostenverdeling(mlw)

    assert not after.heeft_pakketten
    assert after.jaren == before.jaren and after.gemeenten == before.gemeenten
    assert {k: (r.kosten, r.aandelen) for k, r in after.regels.items()} == {
        k: (r.kosten, r.aandelen) for k, r in before.regels.items()
    }
    assert load_rekening(weert) == bill
    assert {p.pakket for p in bill.posten} == {BASISPAKKET}
