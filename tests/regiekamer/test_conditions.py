"""regiekamer.conditions.matches: a rule's lookups asked of one object, as the database would."""

from datetime import date
from types import SimpleNamespace

import pytest

from regiekamer.conditions import matches

DAG = date(2026, 6, 1)


def test_comparisons_and_equality():
    row = SimpleNamespace(status="open", deadline=date(2026, 5, 31), aantal=3)
    assert matches(row, {"status": "open", "deadline__lt": DAG})
    assert not matches(row, {"status": "gereed", "deadline__lt": DAG})
    assert not matches(row, {"status": "open", "deadline__gt": DAG})
    assert matches(row, {"aantal__gte": 3, "aantal__lte": 3, "aantal__in": [1, 3]})
    assert matches(row, {})


def test_an_empty_value_meets_no_comparison_as_null_in_sql():
    row = SimpleNamespace(status="open", deadline=None)
    assert not matches(row, {"deadline__lt": DAG})
    assert not matches(row, {"deadline__gte": DAG})
    assert not matches(row, {"deadline__in": [DAG]})
    assert matches(row, {"deadline": None}) and matches(row, {"deadline__isnull": True})
    assert not matches(SimpleNamespace(deadline=DAG), {"deadline__isnull": True})


@pytest.mark.parametrize("lookup", ["omschrijving__icontains", "gremium__naam"])
def test_a_lookup_it_does_not_know_is_refused(lookup):
    row = SimpleNamespace(omschrijving="Notitie", gremium=SimpleNamespace(naam="Stuurgroep"))
    with pytest.raises(ValueError, match="kent de lookup"):
        matches(row, {lookup: "x"})
