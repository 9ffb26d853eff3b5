"""``access.PlacePerms``: ``perms`` on a samenwerkingsverband's page answers for that place."""

import pytest

from partijen.models import Gemeente, Toegang
from regiekamer import access
from regiekamer.roles import REGIEGROEP
from tests.conftest import make_user
from tests.partijen.factories import SamenwerkingsverbandFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_places(demo, django_user_model):
    """Regiegroep in MLW, only stuurgroep in ZW."""
    from partijen.models import Samenwerkingsverband

    mlw = Samenwerkingsverband.objects.get(afkorting="MLW")
    zw = SamenwerkingsverbandFactory(afkorting="ZW", gemeenten=[Gemeente.objects.get(naam="Weert")])
    user = make_user(django_user_model, "twee-plekken", REGIEGROEP)
    access.grant(user, mlw)
    Toegang.objects.get(gebruiker=user).stuurgroep_samenwerkingsverbanden.add(zw)
    access.forget(user)
    return user, mlw, zw


def test_a_rows_permission_holds_only_where_the_user_edits(two_places):
    user, mlw, zw = two_places
    here, there = access.PlacePerms(user, mlw), access.PlacePerms(user, zw)

    assert user.has_perm("formatie.change_rol")  # the role's permission, in any place
    assert here["formatie"]["change_rol"] and here["kosten"]["add_verdeelsleutel"]
    assert not there["formatie"]["change_rol"]
    assert not there["kosten"]["add_verdeelsleutel"]
    assert "formatie.add_rol" in here and "formatie.add_rol" not in there
    assert there["formatie"]["view_rol"]  # reading is what the stuurgroep does


def test_what_belongs_to_no_samenwerkingsverband_keeps_djangos_answer(two_places):
    user, _, zw = two_places
    there = access.PlacePerms(user, zw)

    # A gemeente's own data is decided per row by its form; a permission of no model as well.
    assert there["partijen"]["change_gemeente"] == user.has_perm("partijen.change_gemeente")
    assert there["formatie"]["geen_echte_permissie"] is False
    assert bool(there["formatie"]) == user.has_module_perms("formatie")
    with pytest.raises(TypeError):
        iter(there)
