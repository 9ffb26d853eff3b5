"""Factories of the convenant and what it holds.

The parties (samenwerkingsverband, gemeente, ...) have their factories in
``tests/partijen/factories.py``; ``GemeenteFactory`` and ``SamenwerkingsverbandFactory`` are
importable from here too, as before.
"""

import datetime

import factory

from convenant.constants import ConvenantStatus
from convenant.models import (
    Artikel,
    Artikelonderdeel,
    Convenant,
    Herijkingsmoment,
    Ondertekenaar,
    Overweging,
)
from tests.partijen.factories import GemeenteFactory, SamenwerkingsverbandFactory, takes_part

__all__ = [
    "ArtikelFactory",
    "ArtikelonderdeelFactory",
    "ConvenantFactory",
    "GemeenteFactory",
    "HerijkingsmomentFactory",
    "OndertekenaarFactory",
    "OverwegingFactory",
    "SamenwerkingsverbandFactory",
]


def letters(n: int) -> str:
    """a, b, ..., z, aa, ab, ..., zzz, then again: the letter (at most 3) of the n-th overweging
    or onderdeel; the counter runs over the whole test session."""
    n = n % (26 + 26**2 + 26**3) + 1
    letter = ""
    while n:
        n, rest = divmod(n - 1, 26)
        letter = "abcdefghijklmnopqrstuvwxyz"[rest] + letter
    return letter


class ConvenantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Convenant

    titel = factory.Sequence(lambda n: f"Convenant samenwerking testregio {n}")
    samenwerkingsverband = factory.SubFactory(SamenwerkingsverbandFactory)
    status = ConvenantStatus.CONCEPT
    dagtekening = datetime.date(2020, 1, 15)
    inwerkingtreding = datetime.date(2020, 2, 1)


class ArtikelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Artikel

    convenant = factory.SubFactory(ConvenantFactory)
    nummer = factory.Sequence(lambda n: n + 1)
    tekst = factory.Sequence(lambda n: f"De gemeenten spreken onderdeel {n} af.")


class ArtikelonderdeelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Artikelonderdeel

    artikel = factory.SubFactory(ArtikelFactory)
    letter = factory.Sequence(letters)
    tekst = "de regiegroep bereidt de besluiten van de stuurgroep voor;"


class OverwegingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Overweging

    convenant = factory.SubFactory(ConvenantFactory)
    letter = factory.Sequence(letters)
    tekst = "dat de gemeenten willen samenwerken;"


class OndertekenaarFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ondertekenaar
        skip_postgeneration_save = True

    convenant = factory.SubFactory(ConvenantFactory)
    gemeente = factory.SubFactory(GemeenteFactory)
    naam = factory.Sequence(lambda n: f"J. Jansen {n}")
    functie = "burgemeester"
    datum_collegebesluit = datetime.date(2019, 12, 10)
    deelname = takes_part("convenant.samenwerkingsverband")


class HerijkingsmomentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Herijkingsmoment

    convenant = factory.SubFactory(ConvenantFactory)
    datum = factory.Sequence(lambda n: datetime.date(2022 + n % 10, 1, 1))
    omschrijving = "Evaluatie van de samenwerking"
