"""Issue 19's governance record as an attacker sees it: forged dates, precisions and routes."""

import pytest

from governance.models import Besluit, Gremium
from tests.fuzz import page_data

from .test_paginas import stuurgroep_2016, url

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "forged",
    [
        {"datum_precisie": "ooit"},
        {"datum_precisie": "onbekend"},  # with a date
        {"datum": "", "datum_precisie": "dag"},
        {"route": "stukken", "bron": "  "},
        {"route": "geruchten"},
        {"uitkomst": "vast conform voorstel"},
    ],
)
def test_a_forged_besluit_is_refused_and_nothing_is_saved(demo, regie_client, forged):
    data = {
        "gremium": stuurgroep_2016().pk,
        "agendapunt": "",
        "route": "stukken",
        "datum": "2016-08-31",
        "datum_precisie": "dag",
        "tekst": "Vervalst besluit.",
        "uitkomst": "aangenomen",
        "bron": "raadsinformatiebrief",
    } | forged
    response = regie_client.post(url("besluit-create"), data)
    assert response.status_code == 200
    assert not Besluit.objects.filter(tekst="Vervalst besluit.").exists()


@pytest.mark.parametrize(
    "forged",
    [
        {"ingesteld_precisie": "ooit"},
        {"ingesteld": "2017-01-01", "opgeheven": "2016-01-01"},
        {"lidmaatschappen-0-vanaf": "2019-01-01", "lidmaatschappen-0-tot": "2018-12-31"},
    ],
)
def test_forged_gremium_or_membership_dates_are_refused(demo, regie_client, forged):
    gremium = stuurgroep_2016()
    before = (gremium.ingesteld, gremium.opgeheven, gremium.versie)
    edit = url("gremium-update", gremium.pk)
    data = page_data(regie_client.get(edit)) | forged
    response = regie_client.post(edit, data)
    assert response.status_code == 200
    gremium = Gremium.objects.get(pk=gremium.pk)
    assert (gremium.ingesteld, gremium.opgeheven, gremium.versie) == before


def test_a_gremium_date_with_onbekend_never_stores_a_contradiction(demo, regie_client):
    """Gremium.clean reads a date with 'onbekend' as exact to the day (H4's choice)."""
    gremium = stuurgroep_2016()
    edit = url("gremium-update", gremium.pk)
    data = page_data(regie_client.get(edit))
    data |= {"ingesteld": "2016-01-01", "ingesteld_precisie": "onbekend"}
    regie_client.post(edit, data)
    gremium = Gremium.objects.get(pk=gremium.pk)
    assert (gremium.ingesteld is None) == (gremium.ingesteld_precisie == "onbekend")
