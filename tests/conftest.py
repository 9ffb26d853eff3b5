import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db.models.signals import post_save
from django.test import Client

from partijen.models import Samenwerkingsverband
from regiekamer import access
from regiekamer.roles import BEHEERDER, REGIEGROEP, STUURGROEP

# The suite's regiegroep and stuurgroep users take part in every samenwerkingsverband the
# tests create; the access rules themselves are tested with users of their own
# (tests/regiekamer/test_access*.py).
MEMBERS_EVERYWHERE = ("regie-test", "stuur-test", "regie-twee")


def make_user(django_user_model, username, group):
    user = django_user_model.objects.create_user(
        username=username, password="geheim-123!", is_staff=True
    )
    user.groups.add(Group.objects.get(name=group))
    if username in MEMBERS_EVERYWHERE:
        for sv in Samenwerkingsverband.objects.all():
            access.grant(user, sv)
    return user


def _grant_members_everywhere(sender, instance, created, **kwargs):
    if created:
        for user in get_user_model().objects.filter(username__in=MEMBERS_EVERYWHERE):
            access.grant(user, instance)


@pytest.fixture(autouse=True)
def members_everywhere():
    post_save.connect(
        _grant_members_everywhere, sender=Samenwerkingsverband, dispatch_uid="members_everywhere"
    )
    yield
    post_save.disconnect(sender=Samenwerkingsverband, dispatch_uid="members_everywhere")


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
def media(settings, tmp_path):
    """Uploaded files go to a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def demo(db):
    """The real MLW record, loaded through the demo command as a newcomer would."""
    call_command("laad_demo", zonder_gebruikers=True, verbosity=0)
