import pytest
from django.urls import reverse

from convenant.models import Convenant
from convenant.vergelijking import (
    GEWIJZIGD,
    ONGEWIJZIGD,
    TOEGEVOEGD,
    VERVALLEN,
    compare_convenanten,
)

from .test_history import management_data

pytestmark = pytest.mark.django_db


def convenant_2016():
    return Convenant.objects.get(titel__endswith="2016", versie=1)


def test_new_version_copies_the_text_and_keeps_the_signed_one(demo, regie_client):
    signed = convenant_2016()
    # GET asks for confirmation and changes nothing.
    page = regie_client.get(reverse("convenant:convenant-new-version", args=[signed.pk]))
    assert "Nieuwe versie aanmaken" in page.content.decode()
    assert Convenant.objects.count() == 3  # 2014, 2016 and the 2018 one known without text

    response = regie_client.post(reverse("convenant:convenant-new-version", args=[signed.pk]))
    nieuw = Convenant.objects.get(vorige_versie=signed)
    assert response.url == nieuw.get_absolute_url()
    assert nieuw.versie == 2 and nieuw.status == "concept"
    assert nieuw.artikelen.count() == 17 and nieuw.overwegingen.count() == 11
    assert nieuw.artikelen.get(nummer=1).onderdelen.count() == 5
    # The parties and who signs for them come along (the aanhef and the signature block);
    # the college's decision of the signed version does not.
    fields = ("gemeente__naam", "naam", "aanspreekvorm", "functie")
    assert list(nieuw.ondertekenaars.values_list(*fields)) == list(
        signed.ondertekenaars.values_list(*fields)
    )
    assert nieuw.ondertekenaars.count() == 3
    assert not nieuw.ondertekenaars.filter(datum_collegebesluit__isnull=False).exists()

    # A second new version of the same version is refused.
    regie_client.post(reverse("convenant:convenant-new-version", args=[signed.pk]))
    assert Convenant.objects.filter(vorige_versie=signed).count() == 1


def test_compare_shows_changes_article_by_article(demo, regie_client):
    signed = convenant_2016()
    nieuw = signed.create_new_version()
    art16 = nieuw.artikelen.get(nummer=16)
    data = {
        "nummer": "16",
        "tekst": art16.tekst.replace("per 1-1-2019", "per 1-1-2020"),
        "slottekst": "",
        "versie": art16.versie,
    } | management_data("onderdelen")
    response = regie_client.post(reverse("convenant:artikel-update", args=[art16.pk]), data)
    assert response.status_code == 302
    nieuw.artikelen.get(nummer=17).delete()
    nieuw.artikelen.create(nummer=18, tekst="Dit convenant heet het wijzigingsconvenant.")

    verschillen = compare_convenanten(signed, nieuw)
    status = {v.label: v.status for v in verschillen["artikelen"]}
    assert status["Artikel 16"] == GEWIJZIGD
    assert status["Artikel 1"] == ONGEWIJZIGD
    assert status["Artikel 17"] == VERVALLEN
    assert status["Artikel 18"] == TOEGEVOEGD
    assert all(v.status == ONGEWIJZIGD for v in verschillen["overwegingen"])

    page = regie_client.get(
        reverse("convenant:convenant-compare", args=[nieuw.pk])
    ).content.decode()
    assert "<del>1-1-2019.</del> <ins>1-1-2020.</ins>" in page
    assert "1 gewijzigd, 1 toegevoegd, 1 vervallen, 26 ongewijzigd." in page
    # The signed version is unchanged.
    assert "per 1-1-2019" in signed.artikelen.get(nummer=16).tekst


def test_compare_with_the_predecessor(demo, regie_client):
    signed = convenant_2016()
    page = regie_client.get(
        reverse("convenant:convenant-compare", args=[signed.pk])
    ).content.decode()
    assert "CONVENANT Samenwerking Sociaal Domein gemeenten ML-West" in page
    assert page.count("toegevoegd</td>") == 17 + 11
