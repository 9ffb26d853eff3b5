"""A refusal names the user's real role and why (issue 15): one wording, ``access.refusal``,
for the 403 page and the refused saves."""

import pytest
from django.urls import reverse

from formatie.models import Rol
from partijen.models import Domein, Gemeente
from regiekamer import access
from tests.formatie.grid import grid_data

from .test_access import official_of

pytestmark = pytest.mark.django_db

STUURGROEP = "U bent lid van de stuurgroep: u leest mee, de regiegroep past aan."


def test_an_official_of_weert_is_told_leudal_is_not_theirs(demo, django_user_model):
    weert, leudal = Gemeente.objects.get(naam="Weert"), Gemeente.objects.get(naam="Leudal")
    _user, client = official_of(django_user_model, weert)
    response = client.get(reverse("gemeenten:gemeente-update", args=[leudal.pk]))
    assert response.status_code == 403
    assert "U bent medewerker van Weert; Leudal past u niet aan." in response.content.decode()


def test_an_official_is_told_what_they_may_change_on_a_formation_page(demo, django_user_model):
    _user, client = official_of(django_user_model, Gemeente.objects.get(naam="Weert"))
    response = client.get(reverse("formatie:rol-create", args=["MLW"]))
    assert response.status_code == 403
    assert (
        "U bent medewerker van Weert: u leest mee en past alleen de eigen gegevens van Weert aan"
        in response.content.decode()
    )


def test_the_stuurgroep_reads_along_the_regiegroep_edits(demo, stuur_client):
    rol = Rol.objects.first()
    for address in (
        reverse("formatie:rol-create", args=["MLW"]),
        reverse("formatie:rol-update", args=["MLW", rol.pk]),
        reverse("formatie:begrotingsjaar", args=["MLW"]),
    ):
        response = stuur_client.get(address)
        assert response.status_code == 403, address
        assert STUURGROEP in response.content.decode()


def test_a_refused_grid_save_names_the_stuurgroep(demo, stuur_client, regie_client):
    data = grid_data(regie_client.get(reverse("formatie:bezetting", args=["MLW"])))
    response = stuur_client.post(reverse("formatie:bezetting", args=["MLW"]), data)
    assert response.status_code == 403
    assert STUURGROEP in response.content.decode()


def test_a_regiegroep_member_is_told_a_shared_row_is_the_beheerders(demo, regie_user):
    assert access.refusal(regie_user, None, Domein) == (
        "U bent lid van de regiegroep; gedeelde gegevens die bij geen samenwerkingsverband "
        "horen, past alleen de beheerder aan."
    )
