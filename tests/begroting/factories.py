"""Factories of the begrotingscyclus: a year of a samenwerkingsverband with a begroting of its
own, and a council's zienswijze (its gemeente takes part)."""

import factory

from begroting.models import Begrotingscyclus, Zienswijze
from partijen.constants import JuridischeVorm
from tests.partijen.factories import GemeenteFactory, SamenwerkingsverbandFactory, takes_part


class BegrotingscyclusFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Begrotingscyclus

    samenwerkingsverband = factory.SubFactory(
        SamenwerkingsverbandFactory, juridische_vorm=JuridischeVorm.OPENBAAR_LICHAAM
    )
    jaar = 2027


class ZienswijzeFactory(factory.django.DjangoModelFactory):
    """A zienswijze not yet received; set ``ontvangen`` (and ``tekst``) for one that was."""

    class Meta:
        model = Zienswijze
        skip_postgeneration_save = True

    cyclus = factory.SubFactory(BegrotingscyclusFactory)
    gemeente = factory.SubFactory(GemeenteFactory)
    deelname = takes_part("cyclus.samenwerkingsverband")
