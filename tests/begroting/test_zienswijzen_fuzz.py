"""Bad input for the zienswijzen and the uitvoeringsplan: never a server error, a Dutch message,
nothing half saved."""

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from begroting.models import Begrotingscyclus, Zienswijze
from formatie.models import Pakketdeelname
from partijen.constants import JuridischeVorm
from tests.begroting.factories import BegrotingscyclusFactory
from tests.formatie.factories import PakketFactory
from tests.fuzz import FUZZ, check_post, mutate
from tests.partijen.factories import GemeenteFactory, SamenwerkingsverbandFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def gr():
    sv = SamenwerkingsverbandFactory(
        afkorting="GRF",
        juridische_vorm=JuridischeVorm.OPENBAAR_LICHAAM,
        gemeenten=[GemeenteFactory(naam=n) for n in ("Aadorp", "Beekdal")],
    )
    BegrotingscyclusFactory(samenwerkingsverband=sv, jaar=2027)
    return sv


@pytest.fixture
def zienswijzen(gr):
    a, b = gr.gemeenten.order_by("naam")
    return {
        f"g{a.pk}-ontvangen": "2-4-2027",
        f"g{a.pk}-tekst": "Te duur",
        f"g{a.pk}-reactie_verzonden": "20-4-2027",
        f"g{a.pk}-reactie": "Overgenomen",
        f"g{b.pk}-ontvangen": "3-4-2027",
        f"g{b.pk}-geen_zienswijze": "on",
    }


@FUZZ
@given(data=st.data())
def test_zienswijzen_met_onzin(gr, zienswijzen, regie_client, data):
    url = reverse("begroting:zienswijzen", args=["GRF", 2027])
    check_post(regie_client, url, data.draw(mutate(zienswijzen)), Zienswijze.objects.all())


@pytest.fixture
def plan(gr):
    pakket = PakketFactory(samenwerkingsverband=gr, naam="Module")
    a, b = gr.gemeenten.order_by("naam")
    Pakketdeelname.objects.create(pakket=pakket, gemeente=a)
    versie = Begrotingscyclus.objects.get().versie
    return {
        "deelname": f"{pakket.pk}-{b.pk}",
        "geopend": f"{pakket.pk}-{a.pk}",
        "versie": str(versie),
        "uitvoeringsplan": "Tekst",
    }


@FUZZ
@given(data=st.data())
def test_uitvoeringsplan_met_onzin(gr, plan, regie_client, data):
    url = reverse("begroting:uitvoeringsplan", args=["GRF", 2027])
    check_post(
        regie_client,
        url,
        data.draw(mutate(plan)),
        Begrotingscyclus.objects.all(),
        Pakketdeelname.objects.all(),
    )
