"""The cost table is built in Python (kosten.tabel.cost_table_html) for speed: it gives the
same HTML, byte for byte, as the template it replaced (kept here as kostentabel_referentie.html)
for the demo, with a pluspakket, with years without costs between and with nine gemeenten;
a name is escaped."""

from pathlib import Path

import pytest
from django.template import engines

from kosten.gegevens import load_kostenverdeling
from kosten.tabel import cost_table, cost_table_html
from partijen.models import Samenwerkingsverband

from .test_jaren import fase_2027  # noqa: F401 - a fixture
from .test_pakketten_kosten import met_wmo_module
from .test_rapport import nine_gemeenten_over_four_years

REFERENTIE = (Path(__file__).parent / "kostentabel_referentie.html").read_text()


def assert_same_html(sv):
    context = cost_table(load_kostenverdeling(sv))
    referentie = engines["django"].from_string(REFERENTIE).render(context)
    assert cost_table_html(context) == referentie


def test_the_demo(demo):
    assert_same_html(Samenwerkingsverband.objects.get(afkorting="MLW"))


def test_a_pluspakket(demo):
    met_wmo_module()
    assert_same_html(Samenwerkingsverband.objects.get(afkorting="MLW"))


def test_years_without_costs_between(fase_2027):  # noqa: F811
    assert_same_html(Samenwerkingsverband.objects.get(afkorting="MLW"))


@pytest.mark.django_db
def test_nine_gemeenten_and_a_name_to_escape():
    sv = nine_gemeenten_over_four_years()
    gemeente = sv.gemeenten.first()
    gemeente.naam = "Bergen <NH> & 's-Hertogenbosch"
    gemeente.save()
    assert_same_html(sv)
