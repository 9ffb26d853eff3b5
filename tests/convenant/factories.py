import datetime

import factory

from convenant.constants import ConvenantStatus
from convenant.models import Artikel, Convenant, Overweging
from partijen.constants import JuridischeVorm
from partijen.models import Gemeente, Samenwerkingsverband

PLAATSEN = [
    "Roermond",
    "Echt-Susteren",
    "Maasgouw",
    "Roerdalen",
    "Venlo",
    "Venray",
    "Horst aan de Maas",
]


class GemeenteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gemeente

    naam = factory.Sequence(lambda n: f"{PLAATSEN[n % len(PLAATSEN)]} {n}")
    plaats = factory.LazyAttribute(lambda g: g.naam)


class SamenwerkingsverbandFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Samenwerkingsverband

    naam = factory.Sequence(lambda n: f"Sociaal Domein Testregio {n}")
    afkorting = factory.Sequence(lambda n: f"TR{n}")
    juridische_vorm = JuridischeVorm.CENTRUMREGELING


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


class OverwegingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Overweging

    convenant = factory.SubFactory(ConvenantFactory)
    letter = factory.Sequence(lambda n: "abcdefghijklmnopqrstuvwxyz"[n % 26] * (1 + n // 26))
    tekst = "dat de gemeenten willen samenwerken;"
