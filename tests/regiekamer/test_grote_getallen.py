"""A checkbox list (several rows to choose) answers a sent number beyond what a database holds
with a form error, not a 500: Django's own check asked SQLite, which raised OverflowError
(an attack review: the invitation, a user's places, a knelpunt's gremia)."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from governance.models import Knelpunt
from tests.conftest import logged_in
from tests.programma.helpers import plan

pytestmark = pytest.mark.django_db

HUGE = ["99999999999999999999", "9223372036854775808", "-1", "1e3"]


def pages():
    """(address, user, field, other POST data) of every form with a checkbox list of rows."""
    regie = get_user_model().objects.get(username="regie-test")
    return [
        (reverse("gebruikers:uitnodigen"), "beheer", "samenwerkingsverbanden", {}),
        (
            reverse("gebruikers:gebruiker-update", args=[regie.pk]),
            "beheer",
            "stuurgroep_samenwerkingsverbanden",
            {},
        ),
        (
            reverse("governance:knelpunt-create", args=["MLW"]),
            "regie",
            "doorlopen_gremia",
            {"omschrijving": "x", "ingebracht_door": "y", "datum": "2026-10-01"},
        ),
        (
            reverse("programma:budgetpost-create", args=["MLW", plan().pk]),
            "regie",
            "opdrachten",
            {},
        ),
        (
            reverse("convenant:samenwerkingsverband-update", args=["MLW"]),
            "beheer",
            "gemeenten",
            {},
        ),
    ]


@pytest.mark.parametrize("value", HUGE)
def test_a_huge_row_number_in_a_checkbox_list_is_a_form_error(
    demo, regie_client, beheer_user, value
):
    clients = {"regie": regie_client, "beheer": logged_in(beheer_user)}
    for address, user, field, data in pages():
        response = clients[user].post(address, data | {field: [value]})
        assert response.status_code == 200, (address, response.status_code)
        assert "is geen geldige waarde" in response.content.decode(), address
    assert not Knelpunt.objects.exists()
