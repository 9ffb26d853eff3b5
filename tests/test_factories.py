"""Every factory builds a valid row: saved, and then accepted by ``full_clean()`` (the field
validators, the model's ``clean`` and its constraints), as a form or the admin would check it.
Every model of Regiekamer's apps has a factory."""

import importlib
import inspect

import pytest
from django.apps import apps
from django.conf import settings
from factory.django import DjangoModelFactory

# The apps, bottom to top, whose models the tests build with factories (tests/<app>/factories.py).
FACTORY_MODULES = [
    "tests.partijen.factories",
    "tests.convenant.factories",
    "tests.formatie.factories",
    "tests.kosten.factories",
    "tests.begroting.factories",
    "tests.governance.factories",
    "tests.programma.factories",
    "tests.brieven.factories",
    "tests.berichten.factories",
]


def all_factories() -> list[type[DjangoModelFactory]]:
    found = {}
    for name in FACTORY_MODULES:
        module = importlib.import_module(name)
        for value in vars(module).values():
            if (
                inspect.isclass(value)
                and issubclass(value, DjangoModelFactory)
                and value.__module__ == name
                and not value._meta.abstract
            ):
                found[value.__name__] = value
    return sorted(found.values(), key=lambda f: f.__name__)


def project_models():
    """The models of Regiekamer's own apps (not Django's, not their history)."""
    for name in settings.REGIEKAMER_APPS:
        for model in apps.get_app_config(name.rpartition(".")[2]).get_models():
            if not model.__name__.startswith("Historical"):
                yield model


@pytest.mark.parametrize("factory", all_factories(), ids=lambda f: f.__name__)
def test_the_factory_builds_a_valid_row(db, factory):
    row = factory()
    assert row.pk is not None
    row.full_clean()
    # A second one next to it: the sequences keep unique fields apart.
    factory().full_clean()


def test_every_model_of_the_apps_has_a_factory():
    built = {f._meta.model for f in all_factories()}
    # The kernel's version table is written by regiekamer.dataversie alone, never by a user.
    internal = {"regiekamer.Dataversie"}
    missing = [
        m._meta.label for m in project_models() if m not in built and m._meta.label not in internal
    ]
    assert not missing, f"geen factory voor: {', '.join(missing)}"


def test_what_hangs_together_belongs_to_one_samenwerkingsverband(db):
    from tests.brieven.factories import RaadsinformatiebriefFactory
    from tests.convenant.factories import OndertekenaarFactory
    from tests.formatie.factories import BezettingFactory
    from tests.governance.factories import BesluitFactory, GremiumRelatieFactory
    from tests.kosten.factories import BudgetFactory, VerdeelsleutelaandeelFactory
    from tests.programma.factories import StartantwoordFactory, VoortgangsregelFactory

    bezetting = BezettingFactory()
    assert bezetting.fase.samenwerkingsverband == bezetting.rol.samenwerkingsverband
    besluit = BesluitFactory()
    assert besluit.agendapunt.vergadering.gremium == besluit.gremium
    relatie = GremiumRelatieFactory()
    assert relatie.van.samenwerkingsverband == relatie.naar.samenwerkingsverband
    regel = VoortgangsregelFactory()
    assert regel.opdracht.thema.plan == regel.rapportage.plan
    antwoord = StartantwoordFactory()
    assert antwoord.vraag.plan == antwoord.opdracht.thema.plan
    for row, sv in [
        (OndertekenaarFactory(), lambda o: o.convenant.samenwerkingsverband),
        (RaadsinformatiebriefFactory(), lambda b: b.samenwerkingsverband),
        (VerdeelsleutelaandeelFactory(), lambda a: a.verdeelsleutel.samenwerkingsverband),
        (BudgetFactory(), lambda b: b.samenwerkingsverband),
    ]:
        assert row.gemeente in sv(row).gemeenten.all(), row
