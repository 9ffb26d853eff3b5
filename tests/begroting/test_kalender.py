"""The statute's latest dates of the begrotingscyclus (Wgr art. 34, 34b, 35 as amended 1 July
2022) with the Algemene termijnenwet: several years and adoption dates, weekends, feestdagen
(Koningsdag, Hemelvaart, 5 mei, tweede Pinksterdag), leap years, the 15 September cap against
two weeks after adoption, and the assumed adoption. Expected dates are worked out by hand from
the calendar, not from the code."""

from datetime import date

import pytest

from begroting.constants import Stap, Stapstatus
from begroting.kalender import (
    datumfouten,
    feestdagen,
    geen_werkdag,
    koningsdag,
    termijnen,
    verleng,
)


def dates(*args) -> dict:
    return {t.stap: t.uiterste_datum for t in termijnen(*args)}


def by_step(*args) -> dict:
    return {t.stap: t for t in termijnen(*args)}


def test_six_steps_in_order_with_their_articles():
    steps = termijnen(2027, date(2026, 7, 2), date(2028, 6, 29))
    assert [t.stap for t in steps] == [
        "kaders",
        "ontwerpbegroting",
        "zienswijzen",
        "begroting_gs",
        "voorlopige_jaarrekening",
        "jaarrekening_gs",
    ]
    assert [t.artikel for t in steps] == [
        "art. 34b Wgr",
        "art. 35 Wgr",
        "art. 35 Wgr",
        "art. 34 Wgr",
        "art. 34b Wgr",
        "art. 34 Wgr",
    ]


def test_a_plain_year_2027():
    # 30-4-2026 is a Thursday; 2-7-2026 a Thursday; 16-7-2026 a Thursday.
    d = dates(2027, date(2026, 7, 2), date(2028, 6, 29))
    assert d[Stap.KADERS] == date(2026, 4, 30)
    assert d[Stap.ONTWERPBEGROTING] == date(2026, 4, 9)  # 84 days before 2-7-2026
    assert d[Stap.ZIENSWIJZEN] == date(2026, 7, 1)
    assert d[Stap.BEGROTING_GS] == date(2026, 7, 16)
    # 30-4-2028 is a Sunday: Monday 1-5-2028.
    assert d[Stap.VOORLOPIGE_JAARREKENING] == date(2028, 5, 1)
    # 29-6-2028 + 2 weeks = Thursday 13-7-2028, before the cap 14-7-2028.
    assert d[Stap.JAARREKENING_GS] == date(2028, 7, 13)


def test_kaders_on_a_saturday_move_to_monday():
    # 30-4-2022 was a Saturday: Monday 2-5-2022.
    t = by_step(2023)[Stap.KADERS]
    assert t.uiterste_datum == date(2022, 5, 2)
    assert "valt op een zaterdag" in t.toelichting
    assert "maandag 02-05-2022" in t.toelichting


def test_leap_year_twelve_weeks_cross_29_february():
    # 20-5-2024 minus 84 days: 26-2-2024 (2024 has 29 February); in 2023 it is 25-2.
    assert dates(2025, date(2024, 5, 20))[Stap.ONTWERPBEGROTING] == date(2024, 2, 26)
    assert dates(2024, date(2023, 5, 20))[Stap.ONTWERPBEGROTING] == date(2023, 2, 25)
    # 12 weeks before 1-3-2024 (leap year): 8-12-2023.
    assert dates(2025, date(2024, 3, 1))[Stap.ONTWERPBEGROTING] == date(2023, 12, 8)


def test_the_backward_twelve_weeks_are_not_extended():
    # Adoption 5-7-2026 (a Sunday) - 84 days = Sunday 12-4-2026: it stands (art. 4).
    t = by_step(2027, date(2026, 7, 5))[Stap.ONTWERPBEGROTING]
    assert t.uiterste_datum == date(2026, 4, 12)
    assert "valt op een zondag" in t.toelichting
    assert "art. 4" in t.toelichting


def test_two_weeks_after_adoption_on_koningsdag_and_hemelvaart():
    # 13-4-2026 + 14 = Monday 27-4-2026, Koningsdag: Tuesday 28-4-2026.
    t = by_step(2027, date(2026, 4, 13))[Stap.BEGROTING_GS]
    assert t.uiterste_datum == date(2026, 4, 28)
    assert "valt op Koningsdag" in t.toelichting
    # 30-4-2026 + 14 = Thursday 14-5-2026, Hemelvaartsdag: Friday 15-5-2026.
    assert dates(2027, date(2026, 4, 30))[Stap.BEGROTING_GS] == date(2026, 5, 15)
    # 5 mei 2026 is a Tuesday (a feestdag every year for the termijnenwet): adoption 21-4-2026.
    assert dates(2027, date(2026, 4, 21))[Stap.BEGROTING_GS] == date(2026, 5, 6)


def test_tweede_pinksterdag_and_a_long_weekend():
    # Pinksteren 2026: 24 May; tweede Pinksterdag Monday 25-5-2026. Adoption Saturday 9-5-2026
    # + 14 = Saturday 23-5 -> Sunday -> Monday (Pinksteren) -> Tuesday 26-5-2026.
    assert dates(2027, date(2026, 5, 9))[Stap.BEGROTING_GS] == date(2026, 5, 26)


def test_the_15_september_cap_against_two_weeks():
    # Adoption 10-9-2026: two weeks = 24-9, after the cap: Monday 14-9-2026 (before 15-9).
    t = by_step(2027, date(2026, 9, 10))[Stap.BEGROTING_GS]
    assert t.uiterste_datum == date(2026, 9, 14)
    # Adoption 20-8-2026: two weeks = Thursday 3-9-2026, before the cap.
    assert dates(2027, date(2026, 8, 20))[Stap.BEGROTING_GS] == date(2026, 9, 3)
    # Adopted after the cap: the cap stands, and the note says it cannot be met.
    late = by_step(2027, date(2026, 9, 20))[Stap.BEGROTING_GS]
    assert late.uiterste_datum == date(2026, 9, 14)
    assert "na de uiterste datum" in late.toelichting
    # 14-9-2025 is a Sunday: the cap moves to Monday 15-9-2025.
    assert dates(2026, date(2025, 9, 10))[Stap.BEGROTING_GS] == date(2025, 9, 15)


def test_the_15_july_cap_of_the_jaarrekening():
    # 14-7-2029 is a Saturday: Monday 16-7-2029; adoption 10-7-2029 + 14 = 24-7, so the cap.
    assert dates(2028, None, date(2029, 7, 10))[Stap.JAARREKENING_GS] == date(2029, 7, 16)
    assert dates(2028)[Stap.JAARREKENING_GS] == date(2029, 7, 16)
    assert dates(2026)[Stap.JAARREKENING_GS] == date(2027, 7, 14)  # a Wednesday


def test_without_adoption_date_the_latest_legal_is_assumed_and_said():
    steps = by_step(2027)
    # 14-9-2026 is a Monday: the assumed adoption; 84 days before: Monday 22-6-2026.
    assert steps[Stap.BEGROTING_GS].uiterste_datum == date(2026, 9, 14)
    assert steps[Stap.ONTWERPBEGROTING].uiterste_datum == date(2026, 6, 22)
    assert steps[Stap.ZIENSWIJZEN].uiterste_datum == date(2026, 9, 13)
    assert "Zonder datum van vaststelling" in steps[Stap.ONTWERPBEGROTING].toelichting
    assert "14-09-2026" in steps[Stap.ZIENSWIJZEN].toelichting
    assert "Zonder datum" not in by_step(2027, date(2026, 7, 2))[Stap.ONTWERPBEGROTING].toelichting


@pytest.mark.parametrize(
    "jaar, kaders",
    [
        (2024, date(2023, 5, 1)),  # 30-4-2023 Sunday -> Monday 1-5-2023
        (2025, date(2024, 4, 30)),  # Tuesday
        (2026, date(2025, 4, 30)),  # Wednesday
        (2029, date(2028, 5, 1)),  # 30-4-2028 Sunday
        (2034, date(2033, 5, 2)),  # 30-4-2033 Saturday -> Monday 2-5-2033
    ],
)
def test_kaders_over_the_years(jaar, kaders):
    assert dates(jaar)[Stap.KADERS] == kaders


def test_koningsdag_and_the_feestdagen():
    assert koningsdag(2025) == date(2025, 4, 26)  # 27-4-2025 is a Sunday
    assert koningsdag(2026) == date(2026, 4, 27)
    assert koningsdag(2013) == date(2013, 4, 30)
    assert koningsdag(2006) == date(2006, 4, 29)  # 30-4-2006 was a Sunday
    f = feestdagen(2026)
    assert f[date(2026, 4, 6)] == "tweede Paasdag"
    assert f[date(2026, 5, 14)] == "Hemelvaartsdag"
    assert f[date(2026, 5, 25)] == "tweede Pinksterdag"
    assert date(2026, 4, 3) not in f  # Goede Vrijdag is no algemeen erkende feestdag
    assert geen_werkdag(date(2026, 5, 5)) == "5 mei"
    assert geen_werkdag(date(2026, 12, 26)) == "zaterdag"
    assert verleng(date(2026, 12, 25)) == date(2026, 12, 28)  # Fri Kerst, Sat 2e Kerst, Sun
    assert verleng(date(2027, 1, 1)) == date(2027, 1, 4)  # Friday Nieuwjaar, weekend


def test_notes_on_adoption_outside_its_year_and_before_the_amendment():
    late = by_step(2027, date(2027, 1, 15), date(2028, 3, 1))
    assert "jaar vóór het begrotingsjaar (2026" in late[Stap.BEGROTING_GS].toelichting
    assert late[Stap.JAARREKENING_GS].toelichting == ""
    old = by_step(2022)
    assert "Vóór 1 juli 2022" in old[Stap.KADERS].toelichting
    assert "Vóór 1 juli 2022" not in old[Stap.VOORLOPIGE_JAARREKENING].toelichting


def test_status_of_a_step():
    t = by_step(2027, date(2026, 7, 2))[Stap.KADERS]  # 30-4-2026
    assert t.status(date(2026, 4, 30)) == Stapstatus.OPEN
    assert t.status(date(2026, 5, 1)) == Stapstatus.VERLOPEN
    from dataclasses import replace

    assert replace(t, gedaan=date(2026, 4, 30)).status(date(2027, 1, 1)) == Stapstatus.OP_TIJD
    assert replace(t, gedaan=date(2026, 5, 1)).status(date(2026, 5, 1)) == Stapstatus.TE_LAAT


def test_datumfouten():
    assert datumfouten(2027, {"vaststelling_begroting": date(2026, 7, 2)}) == {}
    fouten = datumfouten(
        2027,
        {
            "vaststelling_begroting": date(2026, 7, 2),
            "ontwerpbegroting_verzonden": date(2026, 7, 2),
            "begroting_naar_gs": date(2026, 7, 1),
            "vaststelling_jaarrekening": date(2027, 6, 1),
            "voorlopige_jaarrekening_verzonden": date(2027, 12, 1),
            "kaders_verzonden": date(2020, 4, 1),
        },
    )
    assert set(fouten) == {
        "ontwerpbegroting_verzonden",
        "begroting_naar_gs",
        "vaststelling_jaarrekening",
        "voorlopige_jaarrekening_verzonden",
        "kaders_verzonden",
    }
    assert "pas na de vaststelling" in fouten["begroting_naar_gs"]
