"""Any file given to the realisatie import: a Dutch refusal (RealisatieFout) or correct rows,
never another error, and nothing saved by a refused file."""

import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kosten.models import Realisatie
from kosten.realisatie import RealisatieFout, lees_en_importeer
from partijen.models import Samenwerkingsverband
from tests.fuzz import FUZZ

pytestmark = pytest.mark.django_db

NAMES = ["Contractmanagement", "informatieanalyse", "Beleid Wmo", "Onbekend", ""]
CELLS = st.one_of(
    st.sampled_from(["2017", "2016", "73.000,50", "0,5", "1.5", "-1", "1e400", "=1+1", "Weert"]),
    st.sampled_from(NAMES),
    st.text(max_size=30),
)


@pytest.fixture
def mlw(demo):
    return Samenwerkingsverband.objects.get(afkorting="MLW")


def attempt(mlw, data: bytes, naam: str) -> None:
    before = list(Realisatie.objects.values_list("pk", "bedrag", "versie"))
    try:
        result = lees_en_importeer(data, mlw, naam)
    except RealisatieFout as fout:
        assert fout.problems and all(isinstance(p, str) and p for p in fout.problems)
        assert list(Realisatie.objects.values_list("pk", "bedrag", "versie")) == before
    else:
        assert result.nieuw + result.gewijzigd + result.ongewijzigd >= 1


@FUZZ
@given(data=st.binary(max_size=400), naam=st.sampled_from(["a.csv", "a.xlsx", "a.txt", ""]))
def test_any_bytes(mlw, data, naam):
    attempt(mlw, data, naam)


@FUZZ
@given(
    rows=st.lists(st.lists(CELLS, min_size=0, max_size=7), max_size=6),
    delimiter=st.sampled_from([";", ",", "\t"]),
)
def test_any_csv_under_the_right_header(mlw, rows, delimiter):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(["jaar", "rol", "bedrag", "gedragen_door", "toelichting", "bron"])
    writer.writerows(rows)
    attempt(mlw, out.getvalue().encode("utf-8", "surrogatepass"), "kosten.csv")
