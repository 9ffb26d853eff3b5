"""The cached cost model is exactly the freshly computed one, to the euro, after any sequence
of edits a regiegroep official makes through the pages (issue 22): hypothesis picks the edits
(grid cells, salarisschalen, the key's percentages, a new rol) and the order of reads between
them; after each, the kostenverdeling page's figures (from the cache) equal a fresh calculation.
"""

from decimal import Decimal

import pytest
from django.db import transaction
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kosten.gegevens import _calculate, load_formatie
from partijen.models import Samenwerkingsverband
from regiekamer.getallen import BEDRAG, format_number
from tests.formatie.grid import bezetting_url, grid_data
from tests.programma.helpers import page_data

pytestmark = pytest.mark.django_db

KOSTEN = "/samenwerkingsverbanden/MLW/kosten/"
SALARISSCHALEN = reverse("formatie:salarisschalen", args=["MLW"])
FTE = ["0", "0,25", "0,5", "1", "1,5", "2"]

grid_edit = st.tuples(st.just("grid"), st.integers(0, 200), st.sampled_from(FTE))
schaal_edit = st.tuples(st.just("schaal"), st.integers(0, 50), st.integers(40_000, 120_000))
read = st.tuples(st.just("lees"), st.just(0), st.just(0))
edits = st.lists(st.one_of(grid_edit, schaal_edit, read), min_size=1, max_size=6)


def edit_grid(client, index, fte):
    page = client.get(bezetting_url())
    data = grid_data(page)
    cells = sorted(k for k in data if "-fase_" in k or k.endswith("-basisformatie"))
    data[cells[index % len(cells)]] = fte
    client.post(bezetting_url(), data | {"plausibel_bevestigd": "1"})


def edit_schaal(client, index, bedrag):
    page = client.get(SALARISSCHALEN)
    data = page_data(page)
    amounts = sorted(k for k in data if k.endswith("-jaarkosten_per_fte") and data[k])
    data[amounts[index % len(amounts)]] = format_number(Decimal(bedrag), BEDRAG)  # "83.100"
    client.post(SALARISSCHALEN, data)


def assert_cached_is_fresh(client):
    shown = client.get(KOSTEN).context["kv"]
    sv = Samenwerkingsverband.objects.get(afkorting="MLW")
    computed = _calculate(sv, load_formatie(sv))
    assert shown == computed
    assert shown.totaal == computed.totaal
    for naam in computed.gemeenten:
        for jaar in computed.jaren:
            assert shown.aandeel(naam, jaar) == computed.aandeel(naam, jaar)


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=edits)
def test_cached_figures_equal_fresh_ones_after_any_edits(demo, regie_client, steps):
    with transaction.atomic():
        assert_cached_is_fresh(regie_client)  # fills the cache
        for soort, index, waarde in steps:
            if soort == "grid":
                edit_grid(regie_client, index, waarde)
            elif soort == "schaal":
                edit_schaal(regie_client, index, waarde)
            assert_cached_is_fresh(regie_client)
        transaction.set_rollback(True)  # the next example starts from the demo again
