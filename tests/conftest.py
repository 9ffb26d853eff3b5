import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client

from regiekamer.roles import BEHEERDER, REGIEGROEP, STUURGROEP


def make_user(django_user_model, username, group):
    user = django_user_model.objects.create_user(
        username=username, password="geheim-123!", is_staff=True
    )
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def regie_user(db, django_user_model):
    return make_user(django_user_model, "regie-test", REGIEGROEP)


@pytest.fixture
def stuur_user(db, django_user_model):
    return make_user(django_user_model, "stuur-test", STUURGROEP)


@pytest.fixture
def beheer_user(db, django_user_model):
    return make_user(django_user_model, "beheer-test", BEHEERDER)


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def regie_client(regie_user):
    return logged_in(regie_user)


@pytest.fixture
def stuur_client(stuur_user):
    return logged_in(stuur_user)


@pytest.fixture
def demo(db):
    """The real MLW record, loaded through the demo command as a newcomer would."""
    call_command("laad_demo", zonder_gebruikers=True, verbosity=0)
