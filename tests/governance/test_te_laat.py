"""'Te laat' is one rule: the actions list's filter, the dashboard and a row's mark agree."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from governance.models import Actiepunt, Gremium
from partijen.models import Samenwerkingsverband

VANDAAG = timezone.localdate()
ACTIES = {  # omschrijving: (deadline in days from today, status)
    "Actie gisteren": (-1, "open"),
    "Actie vorige maand": (-30, "open"),
    "Actie vandaag": (0, "open"),
    "Actie volgende week": (7, "open"),
    "Actie zonder datum": (None, "open"),
    "Actie al klaar": (-9, "gereed"),
}


@pytest.fixture
def acties(db):
    sv = Samenwerkingsverband.objects.create(
        naam="Testregio", afkorting="TST", juridische_vorm="regeling_zonder_meer"
    )
    gremium = Gremium.objects.create(samenwerkingsverband=sv, naam="Stuurgroep", soort="stuurgroep")
    for omschrijving, (dagen, status) in ACTIES.items():
        deadline = None if dagen is None else VANDAAG + timedelta(days=dagen)
        Actiepunt.objects.create(
            gremium=gremium, omschrijving=omschrijving, deadline=deadline, status=status
        )
    return sv


@pytest.mark.parametrize(
    ("op", "te_laat"),
    [
        (VANDAAG + timedelta(days=1), {"Actie gisteren", "Actie vorige maand", "Actie vandaag"}),
        (
            VANDAAG + timedelta(days=30),
            {"Actie gisteren", "Actie vorige maand", "Actie vandaag", "Actie volgende week"},
        ),
    ],
)
def test_on_another_day_the_query_and_the_row_agree(acties, op, te_laat):
    queried = set(Actiepunt.objects.te_laat(op).values_list("omschrijving", flat=True))
    marked = {a.omschrijving for a in Actiepunt.objects.all() if a.is_overdue(op)}
    assert queried == marked == te_laat


def test_the_query_the_rows_and_the_list_filter_agree(acties, regie_client):
    te_laat = {"Actie gisteren", "Actie vorige maand"}
    queried = set(Actiepunt.objects.te_laat().values_list("omschrijving", flat=True))
    marked = {a.omschrijving for a in Actiepunt.objects.all() if a.is_overdue()}
    assert queried == marked == te_laat
    url = reverse("governance:actiepunt-list", args=["TST"])
    page = regie_client.get(url, {"te_laat": "true"}).content.decode()
    assert {omschrijving for omschrijving in ACTIES if omschrijving in page} == te_laat
    assert page.count("(te laat)") == 2
