"""Users of gebruikersbeheer: with a role, places and an e-mail address (the partijen factories
build the rows)."""

import pytest
from django.contrib.auth.hashers import make_password
from django.test import Client

from regiekamer.roles import REGIEGROEP, STUURGROEP
from tests.partijen.factories import GebruikerFactory, ToegangFactory
from tests.world import mlw_with_nml

PASSWORD = "Een-lang-wachtwoord-2027"


def gebruiker(username, rollen=(), svs=(), stuur=(), gemeente=None, password=None, **fields):
    """A user named ``username`` with e-mail ``<username>@example.nl`` (unless given), these
    roles (group names) and places; a password when given (else none: force_login)."""
    fields.setdefault("email", username if "@" in username else f"{username}@example.nl")
    fields.setdefault("is_staff", False)
    if password is not None:
        fields["password"] = make_password(password)
    user = GebruikerFactory(username=username, rollen=list(rollen), **fields)
    ToegangFactory(
        gebruiker=user,
        gemeente=gemeente,
        samenwerkingsverbanden=list(svs),
        stuurgroep_samenwerkingsverbanden=list(stuur),
    )
    return user


@pytest.fixture(name="world")
def wereld(django_user_model):
    """MLW and NML (tests.world.mlw_with_nml) with a beheerder, a regiegroep and a stuurgroep
    of MLW, a regiegroep of NML, one of both, and one in MLW's regiegroep and NML's stuurgroep."""
    rows = mlw_with_nml(django_user_model)
    mlw, nml = rows["mlw"], rows["nml"]
    rows["beheer"].first_name, rows["beheer"].last_name = "Bea", "Beheer"
    rows["beheer"].email = "bea@regiekamer.example"
    rows["beheer"].save()
    rows["regie"].first_name, rows["regie"].last_name = "Rik", "Regie"
    rows["regie"].save()
    rows["stuur"] = gebruiker("stuur-mlw", [STUURGROEP], [mlw], first_name="Stijn")
    rows["regie_nml"] = gebruiker("regie-nml", [REGIEGROEP], [nml], first_name="Noor")
    rows["beide"] = gebruiker("regie-beide", [REGIEGROEP], [mlw, nml], first_name="Bram")
    rows["wethouder"] = gebruiker("wethouder", [REGIEGROEP], [mlw], stuur=[nml], first_name="Wim")
    return rows


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def text(response) -> str:
    return response.content.decode()
