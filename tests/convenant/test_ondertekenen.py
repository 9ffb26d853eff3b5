"""Signing a convenant locks its text for good, so the form asks for it explicitly: the status
Ondertekend needs a dagtekening (or 'datum onbekend') and a ticked "Ja, ondertekenen"; without
them nothing is saved and the concept stays a concept (a user review signed a new version by
accident, undated, with no way back)."""

import pytest
from django.urls import reverse

from convenant.constants import ConvenantStatus
from convenant.models import Convenant
from tests.programma.helpers import page_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def concept(demo):
    signed = Convenant.objects.get(zonder_tekst=False, status=ConvenantStatus.ONDERTEKEND)
    return signed.create_new_version()


def post(client, convenant, **changes):
    url = reverse("convenant:convenant-update", args=[convenant.pk])
    data = page_data(client.get(url)) | changes
    return client.post(url, data)


def test_signing_without_a_date_or_a_confirmation_is_refused_and_nothing_saved(
    concept, regie_client
):
    page = post(regie_client, concept, status="ondertekend", dagtekening="").content.decode()
    assert "Een ondertekend convenant heeft een dagtekening" in page
    assert "Bevestig de ondertekening: daarna ligt de tekst vast" in page
    page = post(
        regie_client, concept, status="ondertekend", dagtekening="2027-03-01"
    ).content.decode()
    assert "Bevestig de ondertekening" in page
    concept.refresh_from_db()
    assert concept.status == ConvenantStatus.CONCEPT and concept.dagtekening is None


def test_signing_with_date_and_confirmation_locks_the_text(concept, regie_client):
    response = post(
        regie_client,
        concept,
        status="ondertekend",
        dagtekening="2027-03-01",
        ondertekening_bevestigd="on",
    )
    assert response.status_code == 302
    concept.refresh_from_db()
    assert concept.status == ConvenantStatus.ONDERTEKEND and concept.is_text_locked()


def test_a_signed_convenant_is_edited_without_confirming_again(concept, regie_client):
    post(
        regie_client,
        concept,
        status="ondertekend",
        dagtekening="2027-03-01",
        ondertekening_bevestigd="on",
    )
    concept.refresh_from_db()
    response = post(regie_client, concept, toelichting="Getekend in het gemeentehuis van Weert.")
    assert response.status_code == 302
    concept.refresh_from_db()
    assert concept.toelichting == "Getekend in het gemeentehuis van Weert."
