"""Factories of the raadsinformatiebrief (a concept letter)."""

import factory

from brieven.models import Raadsinformatiebrief
from tests.partijen.factories import GemeenteFactory, SamenwerkingsverbandFactory, takes_part


class RaadsinformatiebriefFactory(factory.django.DjangoModelFactory):
    """A concept letter to the council of a gemeente that takes part."""

    class Meta:
        model = Raadsinformatiebrief
        skip_postgeneration_save = True

    samenwerkingsverband = factory.SubFactory(SamenwerkingsverbandFactory)
    gemeente = factory.SubFactory(GemeenteFactory)
    onderwerp = "Kosten van de regionale samenwerking"
    tekst = "Geachte raad,\n\nHierbij informeren wij u over de samenwerking."
    deelname = takes_part()
