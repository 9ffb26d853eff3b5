"""The printed cost table per year has fixed columns, sized in Python, so that WeasyPrint does
not measure every cell (kosten.tabel.figure_columns_mm); too wide, it keeps the automatic
layout."""

import pytest

from kosten.gegevens import load_kostenverdeling
from kosten.tabel import _breedte_mm, figure_columns_mm, share_tables

from .test_rapport import nine_gemeenten_over_four_years


def test_a_column_is_as_wide_as_its_widest_word_or_figure():
    kolommen = [("Kosten 2020", [1_525_015, 26_520]), ("Weert", [None, 416])]
    breedtes = figure_columns_mm(kolommen, ["Projectleider (schaal 11)"])
    assert breedtes[0] == pytest.approx(_breedte_mm("1.525.015") + 1.65, abs=0.1)
    assert breedtes[1] > _breedte_mm("Weert") + 1.65  # and the group rule


def test_too_many_columns_keep_the_automatic_layout():
    kolommen = [(f"Gemeente {i}", [12_345_678]) for i in range(20)]
    assert figure_columns_mm(kolommen, ["Projectleider"]) is None


def test_a_long_word_in_a_role_keeps_the_automatic_layout():
    kolommen = [(f"Testgemeente {i}", [1_000]) for i in range(10)]
    assert figure_columns_mm(kolommen, ["Informatiebeveiligingsfunctionaris"]) is None
    assert figure_columns_mm(kolommen, ["Informatieanalist"]) is not None


@pytest.mark.django_db
def test_the_tables_per_year_have_one_width_per_figure_column():
    kv = load_kostenverdeling(nine_gemeenten_over_four_years())
    for tabel in share_tables(kv):
        assert len(tabel["kolommen_mm"]) == 1 + len(kv.gemeenten)
