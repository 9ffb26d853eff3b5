"""The rol's own page: from its form the regiegroep reaches the confirmation to delete it, and
reads who changed what."""

import pytest
from django.urls import reverse

from formatie.models import Rol
from tests.programma.helpers import page_data

pytestmark = pytest.mark.django_db


def rol_without_actual_costs() -> Rol:
    return Rol.objects.filter(samenwerkingsverband__afkorting="MLW").order_by("pk").last()


def test_the_rol_form_links_to_deleting_it_and_the_link_asks_first(demo, regie_client):
    rol = rol_without_actual_costs()
    page = regie_client.get(reverse("formatie:rol-update", args=["MLW", rol.pk])).content.decode()
    delete = reverse("formatie:rol-delete", args=["MLW", rol.pk])
    assert f'href="{delete}">Rol verwijderen</a>' in page
    confirm = regie_client.get(delete).content.decode()
    assert "Ja, verwijderen" in confirm and Rol.objects.filter(pk=rol.pk).exists()
    response = regie_client.post(delete, follow=True)
    assert f"Verwijderd: {rol}." in response.content.decode()
    assert not Rol.objects.filter(pk=rol.pk).exists()


def test_the_rol_form_shows_its_history(demo, regie_client):
    rol = rol_without_actual_costs()
    url = reverse("formatie:rol-update", args=["MLW", rol.pk])
    response = regie_client.get(url)
    assert "<h2>Geschiedenis</h2>" in response.content.decode()
    data = page_data(response) | {"naam": f"{rol.naam} (nieuw)"}
    assert regie_client.post(url, data).status_code == 302
    assert Rol.objects.get(pk=rol.pk).naam == f"{rol.naam} (nieuw)"
    page = regie_client.get(url).content.decode()
    assert f"{rol.naam} (nieuw)" in page.split("<h2>Geschiedenis</h2>")[1]


def test_saving_the_form_unchanged_says_nothing_changed_and_writes_nothing(demo, regie_client):
    """Opslaan without a change: "Niets gewijzigd.", no "Opgeslagen.", no history line."""
    rol = rol_without_actual_costs()
    url = reverse("formatie:rol-update", args=["MLW", rol.pk])
    before = Rol.history.filter(id=rol.pk).count()
    response = regie_client.post(url, page_data(regie_client.get(url)), follow=True)
    page = response.content.decode()
    assert "Niets gewijzigd." in page and "Opgeslagen." not in page
    assert Rol.history.filter(id=rol.pk).count() == before
