"""Issue 19's convenant record as an attacker sees it: forged posts on the signed 2016 text."""

import pytest
from django.urls import reverse

from convenant.models import Herijkingsmoment
from tests.conftest import logged_in
from tests.fuzz import page_data
from tests.regiekamer.test_versioning import admin_data

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


def test_the_admin_keeps_the_signed_2016_text_too(demo, beheer_user):
    """The admin is the beheerder's, not a way around the signed text (as a sent letter is
    read-only there): the document's words, articles and signatories stay."""
    signed = convenant(2016)
    before = signed_state(signed), signed.kop
    client = logged_in(beheer_user)
    url = reverse("admin:convenant_convenant_change", args=[signed.pk])
    opened = client.get(url)
    data = admin_data(opened) | {"kop": "VERVALST", "zonder_tekst": "on"}
    data["ondertekenaars-0-naam"] = "X. Vervalst"
    data["overwegingen-0-DELETE"] = "on"
    client.post(url, data)
    artikel = signed.artikelen.order_by("nummer").first()
    artikel_url = reverse("admin:convenant_artikel_change", args=[artikel.pk])
    opened = client.get(artikel_url)
    if opened.status_code == 200 and "adminform" in (opened.context or {}):
        client.post(artikel_url, admin_data(opened) | {"tekst": "Andere woorden."})
    add = reverse("admin:convenant_artikel_add")
    client.post(
        add,
        {"convenant": signed.pk, "nummer": "99", "tekst": "Nieuw."}
        | {f"onderdelen-{k}": v for k, v in management_data("x").items()},
    )
    signed.refresh_from_db()
    assert (signed_state(signed), signed.kop) == before
    assert not signed.zonder_tekst
