"""Review of issue 20: an inwonertal reads the Dutch way (50.000) on the gemeenten list and on
the gemeente's page, as it does on the scenario's page and in the comparison."""

from datetime import date

import pytest
from django.urls import reverse

from partijen.models import Gemeente, Inwonertal

pytestmark = pytest.mark.django_db


def test_inwonertal_with_a_dot_per_thousand(demo, regie_client):
    weert = Gemeente.objects.get(naam="Weert")
    Inwonertal.objects.create(gemeente=weert, peildatum=date(2017, 1, 1), aantal=50000)
    for url in (
        reverse("gemeenten:gemeente-list"),
        reverse("gemeenten:gemeente-detail", args=[weert.pk]),
    ):
        page = regie_client.get(url).content.decode()
        assert "50.000" in page
        assert "50000" not in page
