import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.core.management import call_command
from django.db.models.signals import post_save
from django.test import Client, override_settings
from pytest_django.fixtures import validate_django_db

from partijen.models import Samenwerkingsverband
from regiekamer import access, dataversie
from regiekamer.roles import BEHEERDER, GEMEENTE, REGIEGROEP, STUURGROEP
from tests.shared_transaction import begin, roll_back

# The SMTP server the tests start (fixture ``smtp``), the OpenID Connect provider (``oidc``).
pytest_plugins = ["tests.smtp", "tests.oidc", "tests.redis_server"]

# The suite's regiegroep and stuurgroep users take part in every samenwerkingsverband the
# tests create; the access rules themselves are tested with users of their own
# (tests/regiekamer/test_access*.py).
MEMBERS_EVERYWHERE = ("regie-test", "stuur-test", "regie-twee")


def make_user(django_user_model, username, group):
    # Only the beheerder is staff, as in an installation (gebruikers/).
    user = django_user_model.objects.create_user(
        username=username, password="geheim-123!", is_staff=group == BEHEERDER
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


@pytest.fixture(autouse=True, scope="session")
def fast_password_hasher():
    """Every test user gets a password; the production hasher (PBKDF2) takes half a second per
    user. A test about the stored hash itself asks for the production hasher again."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(autouse=True)
def _empty_shared_cache():
    """A cache server (Redis, CACHE_URL in CI's PostgreSQL run) keeps what a test stored after
    its transaction was rolled back: each test starts with it empty, as the database cache
    (rolled back with the test) does."""
    backend = caches["default"]
    if not isinstance(backend, DatabaseCache):
        backend.clear()
    access.forget_all()  # the memo of users' access, as a new process starts
    dataversie.near.clear()  # and this process's copies of cached values


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


@pytest.fixture
def admin_for_every_role(settings):
    """The admin answers only the beheerder (settings.ADMIN_ROLES); its pages still check every
    row they show or write against ``access``, a second wall. Tests of that wall open the admin
    to every role, so that users who see only part of the rows can try to reach the rest."""
    settings.ADMIN_ROLES = [BEHEERDER, REGIEGROEP, STUURGROEP, GEMEENTE]


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


# -- the demo, loaded once per test process ------------------------------------------------------
# Loading the MLW record takes seconds; most test files ask for it. Each test process loads it
# once, in a transaction that stays open while the tests that ask for ``demo`` run, each in a
# savepoint that is rolled back after it (as every database test is). The other database tests
# need the database as ``migrate`` leaves it: before such a test the demo's transaction is rolled
# back. The tests that ask for the demo run last, so that each process loads it about once.


def database_use(item) -> str | None:
    """How ``item`` uses the database: "transactional", "demo", "db" or None."""
    names = item.fixturenames
    marker = item.get_closest_marker("django_db")
    if marker:
        transactional, reset_sequences, *_ = validate_django_db(marker)
        if transactional or reset_sequences:
            return "transactional"
    if {"transactional_db", "live_server", "django_db_reset_sequences"} & set(names):
        return "transactional"
    if "demo" in names:
        return "demo"
    if marker or "db" in names:
        return "db"
    return None


def run_order(item) -> int:
    """The demo's tests after the other tests, the browser tests last of all. On SQLite the live
    server's thread shares the test process's connection: a request of the browser still under
    way when the next test starts would commit and end whatever transaction is open then, the
    demo's too. No test with a transaction of its own comes after the browser tests."""
    if "live_server" in item.fixturenames:
        return 2
    return 1 if database_use(item) == "demo" else 0


def pytest_collection_modifyitems(items):
    items.sort(key=run_order)  # stable: within each group the tests keep their order
    for item in items:
        # Before pytest-django's own fixtures open the test's transaction.
        if "_demo_state" in item.fixturenames:
            item.fixturenames.remove("_demo_state")
        item.fixturenames.insert(0, "_demo_state")


class DemoTransaction:
    """The open transaction holding the demo, if any."""

    def __init__(self, blocker):
        self.blocker = blocker
        self.atomic = None

    def open(self):
        if self.atomic is None:
            with self.blocker.unblock():
                self.atomic = begin()
                call_command(
                    "laad_demo", zonder_gebruikers=True, zonder_scenarios=True, verbosity=0
                )

    def close(self):
        if self.atomic is not None:
            atomic, self.atomic = self.atomic, None
            with self.blocker.unblock():
                roll_back(atomic)


@pytest.fixture(scope="session")
def _demo_transaction(django_db_setup, django_db_blocker):
    state = DemoTransaction(django_db_blocker)
    yield state
    state.close()


@pytest.fixture(autouse=True)
def _demo_state(request):
    use = database_use(request.node)
    if use is None:
        return
    state = request.getfixturevalue("_demo_transaction")
    if use == "demo":
        state.open()
    else:
        state.close()


@pytest.fixture
def demo(request, db, _demo_state):
    """The real MLW record, loaded through the demo command as a newcomer would (once per test
    process, see above; a transactional test loads it itself and its flush removes it). Without
    issue 20's scenario's of MLW and G12: ``scenario_demo`` (tests/scenarios) adds them."""
    if database_use(request.node) == "transactional":
        call_command("laad_demo", zonder_gebruikers=True, zonder_scenarios=True, verbosity=0)
