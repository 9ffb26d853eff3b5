"""Bad input: a clear Dutch message, and nothing half-saved."""

import pytest
from django.urls import reverse

from convenant.models import Artikel, Convenant
from partijen.models import Samenwerkingsverband

from .factories import ArtikelFactory, ConvenantFactory
from .test_history import management_data

pytestmark = pytest.mark.django_db


def convenant_data(convenant, **changes):
    data = {
        "titel": convenant.titel,
        "samenwerkingsverband": convenant.samenwerkingsverband_id,
        "status": convenant.status,
        "dagtekening": "2020-01-15",
        "inwerkingtreding": "2020-02-01",
        "einddatum": "",
        "toelichting": "",
        "versie": convenant.revisie,
    }
    for prefix in ("overwegingen", "ondertekenaars", "herijkingsmomenten"):
        data |= management_data(prefix)
    return data | changes


def test_end_before_start_is_refused_with_nothing_saved(regie_client):
    convenant = ConvenantFactory()
    data = convenant_data(convenant, titel="Nieuwe titel", einddatum="2019-12-31")
    # A valid overweging in the same post must not be saved either.
    data |= management_data("overwegingen", total=1)
    data |= {"overwegingen-0-letter": "a", "overwegingen-0-tekst": "dat de gemeenten samenwerken;"}
    response = regie_client.post(reverse("convenant:convenant-update", args=[convenant.pk]), data)
    assert response.status_code == 200
    assert "De einddatum ligt vóór de inwerkingtreding." in response.content.decode()
    assert "Niet opgeslagen" in response.content.decode()
    convenant.refresh_from_db()
    assert convenant.titel != "Nieuwe titel" and convenant.einddatum is None
    assert not convenant.overwegingen.exists()


def test_duplicate_article_number_is_refused(regie_client):
    artikel = ArtikelFactory(nummer=3)
    data = {"nummer": "3", "tekst": "Dubbel.", "slottekst": ""} | management_data("onderdelen")
    url = reverse("convenant:artikel-create", args=[artikel.convenant_id])
    response = regie_client.post(url, data)
    assert "Dit convenant heeft al een artikel met dit nummer." in response.content.decode()
    assert Artikel.objects.count() == 1


def test_signed_text_cannot_change(demo, regie_client):
    signed = Convenant.objects.get(titel__endswith="2016")
    artikel = signed.artikelen.get(nummer=8)
    data = {"nummer": "8", "tekst": "Gewijzigd.", "slottekst": "", "versie": artikel.versie}
    data |= management_data("onderdelen")
    response = regie_client.post(reverse("convenant:artikel-update", args=[artikel.pk]), data)
    assert "Dit convenant is ondertekend" in response.content.decode()
    artikel.refresh_from_db()
    assert artikel.tekst.startswith("Iedere gemeente")

    # Setting it back to concept to edit it is refused too.
    data = convenant_data(signed, status="concept", dagtekening="2016-08-31")
    data["inwerkingtreding"] = "2016-09-01"
    response = regie_client.post(reverse("convenant:convenant-update", args=[signed.pk]), data)
    assert "Een ondertekend convenant blijft ondertekend" in response.content.decode()
    signed.refresh_from_db()
    assert signed.status == "ondertekend"


def test_delete_asks_confirmation_and_refuses_signed(demo, regie_client):
    concept = ConvenantFactory(samenwerkingsverband=Samenwerkingsverband.objects.get())
    url = reverse("convenant:convenant-delete", args=[concept.pk])
    assert "Weet u zeker" in regie_client.get(url).content.decode()
    assert Convenant.objects.filter(pk=concept.pk).exists()
    regie_client.post(url)
    assert not Convenant.objects.filter(pk=concept.pk).exists()

    signed = Convenant.objects.get(titel__endswith="2016")
    response = regie_client.post(
        reverse("convenant:convenant-delete", args=[signed.pk]), follow=True
    )
    assert "kan niet worden verwijderd" in response.content.decode()
    assert Convenant.objects.filter(pk=signed.pk).exists()


def test_afkorting_is_unique_whatever_the_case(demo, regie_client):
    data = {"naam": "Tweede", "afkorting": "mlw", "juridische_vorm": "centrumregeling"}
    response = regie_client.post(reverse("convenant:samenwerkingsverband-create"), data)
    assert "Deze afkorting is al in gebruik." in response.content.decode()
    assert Samenwerkingsverband.objects.count() == 1


def test_back_link_accepts_only_local_addresses(demo, regie_client):
    url = reverse("convenant:convenant-create")
    page = regie_client.get(url, {"terug": "javascript:alert(1)"}).content.decode()
    assert "javascript:alert" not in page
    page = regie_client.get(url, {"terug": "/convenanten/"}).content.decode()
    assert 'href="/convenanten/"' in page
