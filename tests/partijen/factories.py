"""Factories of the parties everything points at: samenwerkingsverband, gemeente, inwonertal,
domein, and a user with his toegang (where he may act).

``SamenwerkingsverbandFactory(gemeenten=[...], domeinen=[...])`` adds the rows to the
many-to-many fields; ``GebruikerFactory(rollen=[REGIEGROEP])`` puts the user in those groups.
"""

import datetime
import operator

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group

from partijen.constants import JuridischeVorm
from partijen.models import (
    Domein,
    Functie,
    Functionaris,
    Gemeente,
    Inwonertal,
    Samenwerkingsverband,
    Toegang,
)

PLAATSEN = [
    "Roermond",
    "Echt-Susteren",
    "Maasgouw",
    "Roerdalen",
    "Venlo",
    "Venray",
    "Horst aan de Maas",
]
DOMEINEN = ["Wmo", "Jeugd", "Participatiewet", "Beschermd wonen", "Schuldhulpverlening"]


def add_many(field: str):
    """A post-generation hook that adds the rows passed as ``field=[...]`` to that m2m field."""

    def hook(obj, create, extracted, **kwargs):
        if create and extracted:
            getattr(obj, field).add(*extracted)

    return factory.PostGeneration(hook)


def takes_part(path: str = "samenwerkingsverband"):
    """A post-generation hook: the row's ``gemeente`` takes part in the samenwerkingsverband
    found at ``path`` (dotted), as a letter, a share of the key or a budget requires."""

    def hook(obj, create, extracted, **kwargs):
        if create:
            operator.attrgetter(path)(obj).gemeenten.add(obj.gemeente)

    return factory.PostGeneration(hook)


class DomeinFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Domein

    naam = factory.Sequence(lambda n: f"{DOMEINEN[n % len(DOMEINEN)]} {n}")


class GemeenteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gemeente

    naam = factory.Sequence(lambda n: f"{PLAATSEN[n % len(PLAATSEN)]} {n}")
    plaats = factory.LazyAttribute(lambda g: g.naam)


class InwonertalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Inwonertal

    gemeente = factory.SubFactory(GemeenteFactory)
    peildatum = datetime.date(2016, 1, 1)
    aantal = factory.Sequence(lambda n: 16_900 + 1_000 * (n % 90))
    bron = "CBS Statline"


class FunctionarisFactory(factory.django.DjangoModelFactory):
    """A burgemeester (or ``functie=...``) of a gemeente; period unknown unless given."""

    class Meta:
        model = Functionaris

    gemeente = factory.SubFactory(GemeenteFactory)
    functie = Functie.BURGEMEESTER
    naam = factory.Sequence(lambda n: f"J.P.M. van den Berg {n}")
    vanaf = None
    tot = None
    bron = "gemeentegids"


class SamenwerkingsverbandFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Samenwerkingsverband
        skip_postgeneration_save = True

    naam = factory.Sequence(lambda n: f"Sociaal Domein Testregio {n}")
    afkorting = factory.Sequence(lambda n: f"TR{n}")
    juridische_vorm = JuridischeVorm.CENTRUMREGELING
    gemeenten = add_many("gemeenten")
    domeinen = add_many("domeinen")


class GebruikerFactory(factory.django.DjangoModelFactory):
    """A user of the admin-backed app (``is_staff``), in the groups named by ``rollen``."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"ambtenaar-{n}")
    first_name = "Sanne"
    last_name = factory.Sequence(lambda n: f"de Vries {n}")
    is_staff = True
    # No password (logged in with force_login): hashing one costs a quarter of a second.
    password = factory.LazyFunction(lambda: make_password(None))

    @factory.post_generation
    def rollen(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.groups.set(Group.objects.filter(name__in=extracted))


class ToegangFactory(factory.django.DjangoModelFactory):
    """Where a user may act: ``samenwerkingsverbanden=[...]``, and ``gemeente`` for an official."""

    class Meta:
        model = Toegang
        skip_postgeneration_save = True

    gebruiker = factory.SubFactory(GebruikerFactory)
    gemeente = None
    samenwerkingsverbanden = add_many("samenwerkingsverbanden")
    stuurgroep_samenwerkingsverbanden = add_many("stuurgroep_samenwerkingsverbanden")
