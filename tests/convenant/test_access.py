"""Access by role: anonymous users log in first, the stuurgroep reads but never writes."""

import pytest
from django.urls import reverse

from convenant.models import Artikel, Convenant
from partijen.models import Gemeente

pytestmark = pytest.mark.django_db


def read_urls():
    convenant = Convenant.objects.get(titel__endswith="2016")
    return [
        reverse("convenant:samenwerkingsverband-list"),
        reverse("convenant:samenwerkingsverband-detail", args=["MLW"]),
        reverse("gemeenten:gemeente-list"),
        Gemeente.objects.get(naam="Weert").get_absolute_url(),
        reverse("convenant:convenant-list"),
        convenant.get_absolute_url(),
        reverse("convenant:convenant-compare", args=[convenant.pk]),
    ]


def edit_urls():
    convenant = Convenant.objects.get(titel__endswith="2016")
    artikel = convenant.artikelen.get(nummer=1)
    return [
        reverse("convenant:samenwerkingsverband-create"),
        reverse("convenant:samenwerkingsverband-update", args=["MLW"]),
        reverse("gemeenten:gemeente-create"),
        reverse("gemeenten:gemeente-update", args=[Gemeente.objects.get(naam="Weert").pk]),
        reverse("convenant:convenant-create"),
        reverse("convenant:convenant-update", args=[convenant.pk]),
        reverse("convenant:convenant-delete", args=[convenant.pk]),
        reverse("convenant:convenant-new-version", args=[convenant.pk]),
        reverse("convenant:artikel-create", args=[convenant.pk]),
        reverse("convenant:artikel-update", args=[artikel.pk]),
        reverse("convenant:artikel-delete", args=[artikel.pk]),
    ]


def admin_urls():
    convenant = Convenant.objects.get(titel__endswith="2016")
    return [
        reverse("admin:convenant_convenant_change", args=[convenant.pk]),
        reverse("admin:convenant_convenant_add"),
        reverse("admin:convenant_convenant_delete", args=[convenant.pk]),
        reverse("admin:partijen_gemeente_change", args=[Gemeente.objects.get(naam="Weert").pk]),
    ]


def test_anonymous_is_sent_to_login(demo, client):
    for url in read_urls() + edit_urls():
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("login")), url


def test_login_page_is_dutch_and_logs_in(demo, client, regie_user):
    page = client.get(reverse("login")).content.decode()
    assert "Inloggen" in page and "Wachtwoord" in page
    response = client.post(reverse("login"), {"username": "regie-test", "password": "fout"})
    assert "Gebruikersnaam of wachtwoord is onjuist" in response.content.decode()
    response = client.post(
        reverse("login"), {"username": "regie-test", "password": "geheim-123!"}, follow=True
    )
    assert "Samenwerkingsverbanden" in response.content.decode()
    assert "Sociaal Domein Midden-Limburg West" in response.content.decode()
    response = client.post(reverse("logout"))
    assert response.url == reverse("login")
    assert client.get(reverse("convenant:convenant-list")).status_code == 302


def test_stuurgroep_reads_every_page(demo, stuur_client):
    for url in read_urls():
        response = stuur_client.get(url)
        assert response.status_code == 200, url
        assert "Bewerken" not in response.content.decode(), url


def test_stuurgroep_gets_403_on_every_edit(demo, stuur_client):
    for url in edit_urls():
        assert stuur_client.get(url).status_code == 403, url
        assert stuur_client.post(url, {"titel": "gewijzigd"}).status_code == 403, url
    assert Convenant.objects.filter(titel__endswith="2016").count() == 1
    assert Artikel.objects.filter(nummer=1).exists()
    page = stuur_client.get(edit_urls()[0]).content.decode()
    assert "Geen toegang" in page


def test_stuurgroep_gets_403_on_admin_edits(admin_for_every_role, demo, stuur_client):
    convenant = Convenant.objects.get(titel__endswith="2016")
    # Reading in the admin is allowed ...
    assert stuur_client.get(reverse("admin:convenant_convenant_changelist")).status_code == 200
    # ... changing, adding and deleting are not.
    for url in admin_urls():
        assert stuur_client.post(url, {"titel": "gewijzigd"}).status_code == 403, url
    convenant.refresh_from_db()
    assert convenant.titel.endswith("2016")


def test_regiegroep_opens_every_edit_page(demo, regie_client):
    for url in edit_urls():
        assert regie_client.get(url).status_code == 200, url
