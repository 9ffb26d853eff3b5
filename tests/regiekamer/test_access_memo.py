"""A user's access read once and kept by the process under the access version
(``regiekamer.access.load``): a page costs one query for it, and every change of who may what
(a Toegang, a role, a role's permissions, a samenwerkingsverband's gemeenten) is seen by the
very next request, as it would be on another app server; a change rolled back is never seen."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from partijen.models import Gemeente, Samenwerkingsverband, Toegang
from regiekamer import access
from regiekamer.roles import GEMEENTE, REGIEGROEP
from tests.conftest import logged_in, make_user

pytestmark = pytest.mark.django_db

DASHBOARD = "/samenwerkingsverbanden/MLW/dashboard/"


def mlw():
    return Samenwerkingsverband.objects.get(afkorting="MLW")


def access_queries(client, url) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code in (200, 404)
    return [
        q["sql"]
        for q in queries.captured_queries
        if any(t in q["sql"] for t in ("auth_group", "partijen_toegang", "auth_permission"))
    ]


@pytest.fixture
def official(demo, django_user_model):
    user = make_user(django_user_model, "memo-regie", REGIEGROEP)
    access.grant(user, mlw())
    return user


def test_a_page_reads_the_users_access_from_the_memo(official):
    client = logged_in(official)
    assert access_queries(client, DASHBOARD)  # the first page reads roles, Toegang, rights
    assert access_queries(client, DASHBOARD) == []  # the next only the access version


def test_a_toegang_taken_away_is_seen_by_the_next_request(official):
    client = logged_in(official)
    assert client.get(DASHBOARD).status_code == 200
    Toegang.objects.get(gebruiker=official).samenwerkingsverbanden.remove(mlw())
    assert client.get(DASHBOARD).status_code == 404


def test_a_role_taken_away_or_a_right_of_the_role_is_seen_at_once(official):
    client = logged_in(official)
    bezetting = reverse("formatie:bezetting", args=["MLW"])
    assert "TOTAL_FORMS" in client.get(bezetting).content.decode()  # the grid is a form
    regiegroep = Group.objects.get(name=REGIEGROEP)
    change = Permission.objects.get(codename="change_bezetting")
    regiegroep.permissions.remove(change)
    assert "TOTAL_FORMS" not in client.get(bezetting).content.decode()
    regiegroep.permissions.add(change)
    assert "TOTAL_FORMS" in client.get(bezetting).content.decode()
    official.groups.remove(regiegroep)
    assert "TOTAL_FORMS" not in client.get(bezetting).content.decode()


def test_a_gemeente_leaving_takes_its_officials_view_with_it(demo, django_user_model):
    weert = Gemeente.objects.get(naam="Weert")
    user = make_user(django_user_model, "memo-weert", GEMEENTE)
    Toegang.objects.create(gebruiker=user, gemeente=weert)
    client = logged_in(user)
    assert client.get(DASHBOARD).status_code == 200
    mlw().gemeenten.remove(weert)
    assert client.get(DASHBOARD).status_code == 404


def test_a_change_rolled_back_is_never_seen(official):
    client = logged_in(official)
    assert client.get(DASHBOARD).status_code == 200
    before = access.access_version()
    with pytest.raises(RuntimeError), transaction.atomic():
        Toegang.objects.get(gebruiker=official).samenwerkingsverbanden.remove(mlw())
        assert client.get(DASHBOARD).status_code == 404  # inside: the change is seen
        raise RuntimeError
    assert access.access_version() == before
    assert client.get(DASHBOARD).status_code == 200


def test_a_login_moves_nothing(official):
    before = access.access_version()
    logged_in(official).get(DASHBOARD)
    official.save(update_fields=["last_login"])
    assert access.access_version() == before
