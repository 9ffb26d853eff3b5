import pytest
from django.urls import reverse

from convenant.models import Convenant
from partijen.models import Gemeente

from .factories import (
    ArtikelFactory,
    ConvenantFactory,
    GemeenteFactory,
    SamenwerkingsverbandFactory,
)

pytestmark = pytest.mark.django_db


def test_mlw_home_shows_gemeenten_convenanten_and_herijking(demo, regie_client):
    response = regie_client.get(reverse("convenant:samenwerkingsverband-detail", args=["MLW"]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Sociaal Domein Midden-Limburg West" in page
    for naam in ["Leudal", "Nederweert", "Weert"]:
        assert naam in page
    assert "Uitvoeringsconvenant Samenwerking Sociaal Domein gemeenten ML-West 2016" in page
    assert "onbekend" in page  # no inwonertal in the documents, none invented
    # Both herijkingsmomenten lie in the past: the page names the last one.
    assert "1 januari 2019" in page


def test_convenant_page_reads_like_the_document(demo, regie_client):
    convenant = Convenant.objects.get(titel__endswith="2016")
    page = regie_client.get(convenant.get_absolute_url()).content.decode()
    assert page.count('id="artikel-') == 17
    assert '<span class="marker">17.</span> In alle gevallen' in page  # numbered as the document
    assert "Overwegende:" in page and "Komen overeen het volgende:" in page
    assert "Weert: contractmanager Jeugd en Wmo (1 fte);" in page
    assert "Dagtekening: 31 augustus 2016" in page
    assert "Namens de gemeente Nederweert" in page and "H.W.M. Geraats" in page
    assert "30 augustus 2016" in page
    assert "CONVENANT Samenwerking Sociaal Domein gemeenten ML-West" in page  # voorganger


def test_convenant_list_filters(demo, regie_client):
    url = reverse("convenant:convenant-list")
    page = regie_client.get(url, {"jaar": 2016}).content.decode()
    assert "ML-West 2016" in page
    assert "1 resultaat" in page
    page = regie_client.get(url, {"q": "contactpersoon"}).content.decode()
    assert "ML-West 2016" in page
    page = regie_client.get(url, {"status": "concept"}).content.decode()
    assert "0 resultaten" in page


def test_gemeente_page_shows_address(demo, regie_client):
    weert = Gemeente.objects.get(naam="Weert")
    page = regie_client.get(weert.get_absolute_url()).content.decode()
    assert "Wilhelminasingel 101" in page and "6001 GS WEERT" in page


def _fill(n):
    sv = SamenwerkingsverbandFactory()
    for _ in range(n):
        convenant = ConvenantFactory(samenwerkingsverband=sv)
        for _ in range(3):
            ArtikelFactory(convenant=convenant)
        sv.gemeenten.add(GemeenteFactory())
    return sv


@pytest.mark.parametrize(
    "url_name",
    [
        "convenant:convenant-list",
        "gemeenten:gemeente-list",
        "convenant:samenwerkingsverband-list",
    ],
)
def test_list_query_count_stays_flat(regie_client, django_assert_max_num_queries, url_name):
    _fill(2)
    # 17: the page's own, whether the user has an authenticator app (two-factor sign-in,
    # gebruikers.middleware: one query a request for a session without a second factor), and
    # the user's access read afresh (a new gemeente moves the access version: access.load).
    with django_assert_max_num_queries(17) as few:
        regie_client.get(reverse(url_name))
    _fill(20)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = regie_client.get(reverse(url_name))
    assert response.status_code == 200


def test_detail_query_counts_stay_flat(regie_client, django_assert_max_num_queries):
    sv = SamenwerkingsverbandFactory()
    convenant = ConvenantFactory(samenwerkingsverband=sv)
    ArtikelFactory(convenant=convenant)
    with django_assert_max_num_queries(30) as few_conv:
        regie_client.get(convenant.get_absolute_url())
    with django_assert_max_num_queries(30) as few_sv:
        regie_client.get(sv.get_absolute_url())
    for _ in range(25):
        ArtikelFactory(convenant=convenant)
        ConvenantFactory(samenwerkingsverband=sv)
        sv.gemeenten.add(GemeenteFactory())
    with django_assert_max_num_queries(len(few_conv.captured_queries)):
        assert regie_client.get(convenant.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(len(few_sv.captured_queries)):
        assert regie_client.get(sv.get_absolute_url()).status_code == 200
