"""The planned dates of seed 001's process planning, read as written (regiekamer/vagedatum.py)."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from regiekamer.vagedatum import MAANDNAMEN, Stand, VageDatumFout, is_te_laat, parse, stand

# Every planning text of seed 001's schema "Fasen / Stappen / Planning" (the remarks in
# brackets and "in colleges BenW" are the where, kept apart), with the days they allow.
SEED_001 = [
    ("Januari 2015", date(2015, 1, 1), date(2015, 1, 31)),
    ("22 januari 2015", date(2015, 1, 22), date(2015, 1, 22)),
    ("Uiterlijk 30 januari 2015", None, date(2015, 1, 30)),
    ("10 februari 2015", date(2015, 2, 10), date(2015, 2, 10)),
    ("Februari/uiterlijk 23 maart 2015", date(2015, 2, 1), date(2015, 3, 23)),
    ("Uiterlijk 24 maart 2015", None, date(2015, 3, 24)),
    ("27 maart 2015 (BReSDO)", date(2015, 3, 27), date(2015, 3, 27)),
    ("Uiterlijk 1 april 2015", None, date(2015, 4, 1)),
    ("7 of 14 april 2015", date(2015, 4, 7), date(2015, 4, 14)),
    ("April/mei 2015", date(2015, 4, 1), date(2015, 5, 31)),
]


@pytest.mark.parametrize(("tekst", "vanaf", "uiterlijk"), SEED_001)
def test_seed_001_planning_as_written(tekst, vanaf, uiterlijk):
    vaag = parse(tekst)
    assert (vaag.tekst, vaag.vanaf, vaag.uiterlijk) == (tekst, vanaf, uiterlijk)


def test_a_text_without_year_takes_the_given_year():
    # "het BReSDO van 19 december jl." in a notitie of January 2015.
    vaag = parse("19 december", jaar=2014)
    assert (vaag.vanaf, vaag.uiterlijk) == (date(2014, 12, 19), date(2014, 12, 19))
    # A year in the text wins over the given one.
    assert parse("10 februari 2015", jaar=2014).vanaf == date(2015, 2, 10)


@pytest.mark.parametrize(
    ("tekst", "vanaf", "uiterlijk"),
    [
        ("eind maart 2015", date(2015, 3, 21), date(2015, 3, 31)),
        ("begin april 2015", date(2015, 4, 1), date(2015, 4, 10)),
        ("medio mei 2015", date(2015, 5, 11), date(2015, 5, 20)),
        ("medio 2015", date(2015, 5, 1), date(2015, 8, 31)),
        ("eind 2015", date(2015, 9, 1), date(2015, 12, 31)),
        ("Q2 2015", date(2015, 4, 1), date(2015, 6, 30)),
        ("4e kwartaal 2015", date(2015, 10, 1), date(2015, 12, 31)),
        ("2e helft 2015", date(2015, 7, 1), date(2015, 12, 31)),
        ("2015", date(2015, 1, 1), date(2015, 12, 31)),
        ("7-4-2015", date(2015, 4, 7), date(2015, 4, 7)),
        ("7 t/m 14 april 2015", date(2015, 4, 7), date(2015, 4, 14)),
        ("april–juni 2015", date(2015, 4, 1), date(2015, 6, 30)),
        ("vóór 1 april 2015", None, date(2015, 3, 31)),
        ("eind februari 2016", date(2016, 2, 21), date(2016, 2, 29)),  # leap year
        ("december 2015/januari 2016", date(2015, 12, 1), date(2016, 1, 31)),
    ],
)
def test_other_ways_of_writing(tekst, vanaf, uiterlijk):
    vaag = parse(tekst)
    assert (vaag.vanaf, vaag.uiterlijk) == (vanaf, uiterlijk)


def test_sorting_on_the_middle_day_or_the_latest():
    teksten = ["April/mei 2015", "7 of 14 april 2015", "Uiterlijk 24 maart 2015", "Januari 2015"]
    volgorde = sorted(teksten, key=lambda t: parse(t).sorteerdatum)
    assert volgorde == [
        "Januari 2015",
        "Uiterlijk 24 maart 2015",  # no earliest day: by its latest
        "7 of 14 april 2015",  # the colleges (10-4) before the councils (1-5), as seed 001
        "April/mei 2015",
    ]


@pytest.mark.parametrize(
    ("tekst", "zegt"),
    [
        ("morgen", 'Niet begrepen: "morgen"'),
        ("april 2015 ongeveer", 'Wel begrepen: "april 2015"'),
        ("14 april", "noemt geen jaar"),
        ("31 februari 2015", "bestaat niet"),
        ("", "Vul een geplande datum in"),
        ("7 april\x002015", "onzichtbare tekens"),
        ("1 april 2015" * 30, "hooguit 200 tekens"),
        ("(BReSDO", "haakje"),
    ],
)
def test_unreadable_texts_are_refused_in_dutch(tekst, zegt):
    with pytest.raises(VageDatumFout) as fout:
        parse(tekst)
    assert zegt in str(fout.value)


def test_te_laat_only_after_the_latest_day_and_without_a_date():
    uiterlijk = parse("7 of 14 april 2015").uiterlijk
    assert not is_te_laat(uiterlijk, None, date(2015, 4, 14))
    assert is_te_laat(uiterlijk, None, date(2015, 4, 15))
    assert stand(uiterlijk, date(2015, 4, 14), date(2016, 1, 1)) == Stand.GEDAAN
    assert stand(uiterlijk, date(2015, 4, 21), date(2016, 1, 1)) == Stand.LATER_GEDAAN
    assert stand(None, None, date(2030, 1, 1)) == Stand.GEPLAND  # nothing to be late for


@given(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)),
    st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)),
)
def test_any_two_days_span_from_the_first_to_the_last(a, b):
    tekst = f"{a.day} {MAANDNAMEN[a.month]} {a.year} of {b.day} {MAANDNAMEN[b.month]} {b.year}"
    vaag = parse(tekst)
    assert (vaag.vanaf, vaag.uiterlijk) == (min(a, b), max(a, b))
    assert vaag.tekst == tekst


WOORDEN = [
    "7",
    "14",
    "31",
    "of",
    "/",
    "april",
    "mei",
    "februari",
    "uiterlijk",
    "vóór",
    "eind",
    "medio",
    "Q2",
    "2e",
    "kwartaal",
    "helft",
    "2015",
    "2016",
    "t/m",
    "-",
    "(BReSDO)",
    "x",
]


@given(st.lists(st.sampled_from(WOORDEN), min_size=1, max_size=7), st.none() | st.just(2015))
def test_any_text_is_read_or_refused_in_dutch_never_a_crash(woorden, jaar):
    tekst = " ".join(woorden)
    try:
        vaag = parse(tekst, jaar)
    except VageDatumFout as fout:
        assert str(fout).strip()
    else:
        assert vaag.uiterlijk is not None
        assert vaag.vanaf is None or vaag.vanaf <= vaag.uiterlijk
