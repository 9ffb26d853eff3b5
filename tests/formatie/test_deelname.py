"""zet_deelname: a gemeente takes a pluspakket in one begrotingsjaar, or not, and no other year
changes; the period rows are split, shortened, extended, merged or deleted, with history."""

import pytest
from django.core.exceptions import ValidationError
from django.db.models import F
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from formatie.constants import Pakketverdeling
from formatie.deelname import zet_deelname
from formatie.models import Pakketdeelname
from tests.formatie.factories import PakketFactory
from tests.partijen.factories import GemeenteFactory

pytestmark = pytest.mark.django_db

LAAG, HOOG = 2010, 2040  # the years a test looks at; None (open) reaches beyond them


@pytest.fixture
def pakket_gemeente():
    pakket = PakketFactory()
    gemeente = GemeenteFactory()
    pakket.samenwerkingsverband.gemeenten.add(gemeente)
    # Another deelnemer in another year: the pakket has deelnemers (without any, every gemeente
    # takes it; see the tests at the end).
    derde = GemeenteFactory()
    pakket.samenwerkingsverband.gemeenten.add(derde)
    Pakketdeelname.objects.create(
        pakket=pakket, gemeente=derde, vanaf_jaar=1990, tot_en_met_jaar=1990
    )
    return pakket, gemeente


def perioden(pakket, gemeente):
    return [
        (d.vanaf_jaar, d.tot_en_met_jaar)
        for d in Pakketdeelname.objects.filter(pakket=pakket, gemeente=gemeente).order_by(
            F("vanaf_jaar").asc(nulls_first=True)  # "from the start" first, on both databases
        )
    ]


def jaren(rows) -> set[int]:
    return {
        j
        for vanaf, tot in rows
        for j in range(LAAG - 5, HOOG + 6)
        if (vanaf is None or vanaf <= j) and (tot is None or j <= tot)
    }


def maak(pakket, gemeente, rows):
    for vanaf, tot in rows:
        Pakketdeelname.objects.create(
            pakket=pakket, gemeente=gemeente, vanaf_jaar=vanaf, tot_en_met_jaar=tot
        )


@pytest.mark.parametrize(
    ("voor", "jaar", "neemt", "na"),
    [
        ([], 2027, True, [(2027, 2027)]),
        ([(2020, 2030)], 2027, False, [(2020, 2026), (2028, 2030)]),
        ([(2020, None)], 2027, False, [(2020, 2026), (2028, None)]),
        ([(None, None)], 2027, False, [(None, 2026), (2028, None)]),
        ([(None, 2030)], 2030, False, [(None, 2029)]),
        ([(2027, None)], 2027, False, [(2028, None)]),
        ([(2027, 2027)], 2027, False, []),
        ([(2020, 2026)], 2027, True, [(2020, 2027)]),
        ([(2028, 2030)], 2027, True, [(2027, 2030)]),
        ([(2020, 2026), (2028, None)], 2027, True, [(2020, None)]),
        ([(None, 2026), (2028, 2029)], 2027, True, [(None, 2029)]),
        ([(2020, 2025)], 2027, True, [(2020, 2025), (2027, 2027)]),
    ],
)
def test_perioden(pakket_gemeente, voor, jaar, neemt, na):
    pakket, gemeente = pakket_gemeente
    maak(pakket, gemeente, voor)
    assert zet_deelname(pakket, gemeente, jaar, neemt) is True
    assert perioden(pakket, gemeente) == sorted(na, key=lambda p: (p[0] is not None, p[0] or 0))


def test_niets_te_doen(pakket_gemeente):
    pakket, gemeente = pakket_gemeente
    maak(pakket, gemeente, [(2020, 2030)])
    assert zet_deelname(pakket, gemeente, 2025, True) is False
    assert zet_deelname(pakket, gemeente, 2031, False) is False
    assert perioden(pakket, gemeente) == [(2020, 2030)]


def test_andere_gemeente_blijft(pakket_gemeente):
    pakket, gemeente = pakket_gemeente
    ander = GemeenteFactory()
    pakket.samenwerkingsverband.gemeenten.add(ander)
    maak(pakket, ander, [(2020, 2030)])
    maak(pakket, gemeente, [(2020, 2030)])
    zet_deelname(pakket, gemeente, 2025, False)
    assert perioden(pakket, ander) == [(2020, 2030)]


def test_geschiedenis_van_de_splitsing(pakket_gemeente):
    pakket, gemeente = pakket_gemeente
    maak(pakket, gemeente, [(2020, 2030)])
    zet_deelname(pakket, gemeente, 2025, False)
    history = Pakketdeelname.history.filter(pakket_id=pakket.pk, gemeente_id=gemeente.pk)
    # created, shortened; the second half created
    assert sorted(h.history_type for h in history) == ["+", "+", "~"]


def test_basispakket_en_buitenstaander_geweigerd(pakket_gemeente):
    pakket, gemeente = pakket_gemeente
    basis = PakketFactory(basis=True, samenwerkingsverband=pakket.samenwerkingsverband)
    with pytest.raises(ValidationError, match="basispakket"):
        zet_deelname(basis, gemeente, 2027, True)
    with pytest.raises(ValidationError, match="neemt geen deel aan dit samenwerkingsverband"):
        zet_deelname(pakket, GemeenteFactory(), 2027, True)
    assert not Pakketdeelname.objects.filter(gemeente=gemeente).exists()


def test_geheel_voor_een_gemeente(pakket_gemeente):
    pakket, gemeente = pakket_gemeente
    pakket.verdeling = Pakketverdeling.EEN
    pakket.save()
    ander = GemeenteFactory(naam="Roerdalen")
    pakket.samenwerkingsverband.gemeenten.add(ander)
    maak(pakket, ander, [(2026, 2027)])
    with pytest.raises(ValidationError, match="in 2027 neemt Roerdalen het al af"):
        zet_deelname(pakket, gemeente, 2027, True)
    assert zet_deelname(pakket, gemeente, 2028, True) is True


JAAR = st.one_of(st.none(), st.integers(LAAG, HOOG))


@st.composite
def losse_perioden(draw):
    """Non-overlapping periods (open ends allowed), as the pakket's form allows them."""
    grenzen = sorted(draw(st.sets(st.integers(LAAG, HOOG), max_size=8)))
    rows = []
    for i in range(0, len(grenzen) - 1, 2):
        rows.append((grenzen[i], grenzen[i + 1]))
    if len(grenzen) % 2 == 1:
        rows.append((grenzen[-1], grenzen[-1]))
    if rows and draw(st.booleans()) and rows[0][0] > LAAG:
        rows[0] = (None, rows[0][1])
    if rows and draw(st.booleans()):
        rows[-1] = (rows[-1][0], None)
    return rows


@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(rows=losse_perioden(), jaar=st.integers(LAAG, HOOG), neemt=st.booleans())
def test_alleen_dat_jaar_verandert(pakket_gemeente, rows, jaar, neemt):
    pakket, gemeente = pakket_gemeente
    Pakketdeelname.objects.filter(pakket=pakket, gemeente=gemeente).delete()
    maak(pakket, gemeente, rows)
    voor = jaren(rows)
    changed = zet_deelname(pakket, gemeente, jaar, neemt)
    na_rows = perioden(pakket, gemeente)
    na = jaren(na_rows)
    assert na == (voor | {jaar} if neemt else voor - {jaar})
    assert changed == (na != voor)
    # still no overlap, every row a valid period, and no two rows that could be one
    bounded = sorted(na_rows, key=lambda p: (p[0] is not None, p[0] or 0))
    for (_a0, a1), (b0, _b1) in zip(bounded, bounded[1:], strict=False):
        assert a1 is not None and b0 is not None and a1 < b0
    for vanaf, tot in na_rows:
        assert vanaf is None or tot is None or vanaf <= tot
    # taking part never adds more than one row; leaving at most one (a split)
    assert len(na_rows) <= len(rows) + 1


def test_pakket_zonder_deelnemers_wordt_eerst_uitgeschreven(pakket_gemeente):
    pakket, gemeente = pakket_gemeente
    Pakketdeelname.objects.filter(pakket=pakket).delete()
    ander = GemeenteFactory()
    pakket.samenwerkingsverband.gemeenten.add(ander)
    # no deelnames: every gemeente takes it in every year; leaving one year changes only that
    assert zet_deelname(pakket, gemeente, 2027, False) is True
    assert perioden(pakket, ander) == [(None, None)]
    assert perioden(pakket, gemeente) == [(None, 2026), (2028, None)]


def test_laatste_deelnemer_blijft(pakket_gemeente):
    pakket, gemeente = pakket_gemeente
    Pakketdeelname.objects.filter(pakket=pakket).delete()
    maak(pakket, gemeente, [(2027, 2027)])
    with pytest.raises(ValidationError, match="laatste deelnemer"):
        zet_deelname(pakket, gemeente, 2027, False)
    assert perioden(pakket, gemeente) == [(2027, 2027)]


def test_een_jaar_zonder_deelnemer_van_een_pakket_met_rollen_geweigerd(pakket_gemeente):
    from formatie.deelname import check_deelnemers
    from tests.formatie.factories import RolFactory

    pakket, gemeente = pakket_gemeente
    maak(pakket, gemeente, [(2027, 2027)])
    zet_deelname(pakket, gemeente, 2027, False)
    check_deelnemers(pakket, 2027)  # without rollen the year costs nothing
    RolFactory(samenwerkingsverband=pakket.samenwerkingsverband, pakket=pakket)
    with pytest.raises(ValidationError, match="in 2027 zou niemand"):
        check_deelnemers(pakket, 2027)
    zet_deelname(pakket, gemeente, 2027, True)
    check_deelnemers(pakket, 2027)
