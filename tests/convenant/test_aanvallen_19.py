"""Issue 19's convenant record as an attacker sees it: forged posts on the signed 2016 text."""

import pytest
from django.urls import reverse

from convenant.models import Herijkingsmoment
from tests.fuzz import page_data

from .factories import ConvenantFactory
from .test_document import convenant, moment_data
from .test_history import management_data

pytestmark = pytest.mark.django_db


def signed_state(c):
    return (
        list(c.ondertekenaars.values_list("naam", flat=True).order_by("pk")),
        list(c.artikelen.values_list("nummer", "tekst").order_by("pk")),
        list(c.overwegingen.values_list("tekst", flat=True).order_by("pk")),
    )


def test_a_forged_signatory_or_article_on_the_signed_2016_convenant_is_refused(demo, regie_client):
    signed = convenant(2016)
    before = signed_state(signed)
    url = reverse("convenant:convenant-update", args=[signed.pk])
    data = page_data(regie_client.get(url))
    n = int(data["ondertekenaars-TOTAL_FORMS"]) - 1
    forged = data | {
        f"ondertekenaars-{n}-gemeente": str(signed.ondertekenaars.first().gemeente_id),
        f"ondertekenaars-{n}-naam": "X. Vervalst",
        f"ondertekenaars-{n}-functie": "wethouder",
    }
    assert "ondertekend" in regie_client.post(url, forged).content.decode()
    deleted = data | {"ondertekenaars-0-DELETE": "on", "overwegingen-0-DELETE": "on"}
    assert "ondertekend" in regie_client.post(url, deleted).content.decode()

    artikel = {"nummer": "99", "tekst": "Vervalst artikel.", "slottekst": ""}
    artikel |= management_data("onderdelen")
    regie_client.post(reverse("convenant:artikel-create", args=[signed.pk]), artikel)
    first = signed.artikelen.order_by("nummer").first()
    edit = reverse("convenant:artikel-update", args=[first.pk])
    changed = page_data(regie_client.get(edit)) | {"tekst": "Andere woorden."}
    regie_client.post(edit, changed)
    assert signed_state(signed) == before


@pytest.mark.parametrize(
    "row",
    [
        {"soort": "go-no-go", "datum": "2020-01-01", "datum_precisie": "dag"},
        {"soort": "evaluatie", "datum": "2020-01-01", "datum_precisie": "onbekend"},
        {"soort": "evaluatie", "datum": "2020-01-01", "datum_precisie": "ooit"},
        {"soort": "evaluatie", "datum": "", "datum_precisie": "dag"},
    ],
)
def test_a_forged_moment_soort_or_precision_is_refused(regie_client, row):
    concept = ConvenantFactory()
    url = reverse("convenant:convenant-update", args=[concept.pk])
    response = regie_client.post(url, moment_data(concept, [row | {"omschrijving": "X"}]))
    assert response.status_code == 200
    assert not Herijkingsmoment.objects.filter(convenant=concept).exists()
