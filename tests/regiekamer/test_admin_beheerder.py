"""The admin is the beheerder's (issue 18): the other roles do their daily work in the browser
pages and get the Dutch 403 page for every admin address; signing in to the admin goes through
the app's own login page (with its lockout and two-factor step)."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from regiekamer import access
from regiekamer.roles import BEHEERDER, GEMEENTE, REGIEGROEP, STUURGROEP
from tests.partijen.factories import GebruikerFactory, SamenwerkingsverbandFactory

pytestmark = pytest.mark.django_db

ADDRESSES = [
    "/admin/",
    "/admin/partijen/gemeente/",
    "/admin/formatie/rol/",
    "/admin/governance/besluit/add/",
    "/admin/auth/user/",
    "/admin/password_change/",
]


def client_of(rol, sv) -> Client:
    user = GebruikerFactory(rollen=[rol], is_staff=rol == BEHEERDER)
    if rol == GEMEENTE:
        access.grant(user, sv)  # a place, so that only the role can refuse
    elif rol != BEHEERDER:
        access.grant(user, sv)
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("rol", [REGIEGROEP, STUURGROEP, GEMEENTE])
def test_the_other_roles_get_the_dutch_403_page_everywhere_in_the_admin(rol):
    client = client_of(rol, SamenwerkingsverbandFactory())
    for address in ADDRESSES:
        response = client.get(address)
        assert response.status_code == 403, address
        assert "alleen voor de beheerder" in response.content.decode(), address
    response = client.post("/admin/partijen/gemeente/add/", {"naam": "Inbraak"})
    assert response.status_code == 403


def test_even_staff_without_the_role_of_beheerder_stays_out():
    """is_staff alone (an old account) does not open the admin: the role decides."""
    user = GebruikerFactory(rollen=[REGIEGROEP], is_staff=True)
    client = Client()
    client.force_login(user)
    assert client.get("/admin/").status_code == 403


def test_the_beheerder_works_in_the_admin():
    client = client_of(BEHEERDER, SamenwerkingsverbandFactory())
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/partijen/gemeente/").status_code == 200


def test_the_admin_sends_a_visitor_to_the_apps_own_login_page():
    response = Client().get("/admin/partijen/gemeente/")
    assert response.status_code == 302
    assert response.url == reverse("login") + "?next=/admin/partijen/gemeente/"
    login = Client().get("/admin/login/?next=/admin/formatie/rol/")
    assert login.url == reverse("login") + "?next=/admin/formatie/rol/"


def test_the_admin_roles_are_named_in_settings(settings):
    user = GebruikerFactory(rollen=[REGIEGROEP])
    assert not access.may_use_admin(user)
    settings.ADMIN_ROLES = [BEHEERDER, REGIEGROEP]
    assert access.may_use_admin(user)
    user.is_active = False
    assert not access.may_use_admin(user)
    assert Group.objects.filter(name=BEHEERDER).exists()


def test_second_factors_are_not_in_the_admin():
    """Apps and recovery codes are reset in gebruikersbeheer, not edited in the admin."""
    client = client_of(BEHEERDER, SamenwerkingsverbandFactory())
    index = client.get("/admin/").content.decode()
    assert "otp_totp" not in index and "otp_static" not in index
    assert client.get("/admin/otp_totp/totpdevice/").status_code == 404
