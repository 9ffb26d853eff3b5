"""Planned dates as officials type them (review of issue 21): week numbers, a dash between a
quarter or month and its year, dates in figures, weekdays, and typos named with the word meant."""

from datetime import date

import pytest

from regiekamer.vagedatum import VageDatumFout, parse


@pytest.mark.parametrize(
    ("tekst", "jaar", "vanaf", "uiterlijk"),
    [
        # ISO weeks, Monday to Sunday; a week without year takes the planning's.
        ("week 12", 2026, date(2026, 3, 16), date(2026, 3, 22)),
        ("Week 12 2015", None, date(2015, 3, 16), date(2015, 3, 22)),
        ("wk. 12", 2026, date(2026, 3, 16), date(2026, 3, 22)),
        ("week 12 of 13 2026", None, date(2026, 3, 16), date(2026, 3, 29)),
        ("week 53 2026", None, date(2026, 12, 28), date(2027, 1, 3)),
        ("week 1 2026", None, date(2025, 12, 29), date(2026, 1, 4)),
        # A dash or slash before the year is no range: not the whole year.
        ("Q3-2026", None, date(2026, 7, 1), date(2026, 9, 30)),
        ("Q3 - 2026", None, date(2026, 7, 1), date(2026, 9, 30)),
        ("maart-2015", None, date(2015, 3, 1), date(2015, 3, 31)),
        ("april/2015", None, date(2015, 4, 1), date(2015, 4, 30)),
        ("week 12-2026", None, date(2026, 3, 16), date(2026, 3, 22)),
        # Dates in figures, also as a spreadsheet writes them; alternatives of them.
        ("2015-04-07", None, date(2015, 4, 7), date(2015, 4, 7)),
        ("7/4/2015", None, date(2015, 4, 7), date(2015, 4, 7)),
        ("7.4.2015", None, date(2015, 4, 7), date(2015, 4, 7)),
        ("7-4-15", None, date(2015, 4, 7), date(2015, 4, 7)),
        ("1-4-2015/1-5-2015", None, date(2015, 4, 1), date(2015, 5, 1)),
        ("7-4-2015 - 14-4-2015", None, date(2015, 4, 7), date(2015, 4, 14)),
        # Weekdays and "tussen" change nothing.
        ("dinsdag 7 april 2015", None, date(2015, 4, 7), date(2015, 4, 7)),
        ("tussen 7 en 14 april 2015", None, date(2015, 4, 7), date(2015, 4, 14)),
        # The brief's own examples keep their meaning.
        ("eind maart", 2015, date(2015, 3, 21), date(2015, 3, 31)),
        ("Q3 2026", None, date(2026, 7, 1), date(2026, 9, 30)),
        ("maart-april 2015", None, date(2015, 3, 1), date(2015, 4, 30)),
    ],
)
def test_planned_dates_as_typed(tekst, jaar, vanaf, uiterlijk):
    vaag = parse(tekst, jaar)
    assert (vaag.tekst, vaag.vanaf, vaag.uiterlijk) == (tekst, vanaf, uiterlijk)


@pytest.mark.parametrize(
    ("tekst", "zegt"),
    [
        ("7 of 14 apirl 2015", 'Niet begrepen: "apirl" in "7 of 14 apirl 2015". Bedoelt u "april"'),
        ("febuari 2015", 'Bedoelt u "februari"?'),
        ("uiterljik 1 april 2015", 'Bedoelt u "uiterlijk"?'),
        ("7-13-2015", '"7-13-2015" is geen datum: er is geen maand 13.'),
        ("2015-13-01", "er is geen maand 13"),
        ("week 53 2025", "week 53 van 2025 bestaat niet"),
        ("week 12", "noemt geen jaar"),
    ],
)
def test_typos_are_refused_naming_the_word_meant(tekst, zegt):
    with pytest.raises(VageDatumFout) as fout:
        parse(tekst)
    assert zegt in str(fout.value)
    assert "2015-04-07" not in str(fout.value)


def test_an_iso_date_is_not_said_to_name_no_year():
    # It used to say '"2015-04-07" noemt geen jaar'.
    assert parse("2015-04-07").uiterlijk == date(2015, 4, 7)
