"""Factories of the formation: fasen, rollen with their bezetting, salary scales, hourly rates
and werkgroepen. A bezetting's fase belongs to its rol's samenwerkingsverband.

``RolFactory()`` is paid on a salary scale; ``RolFactory(uur=True)`` is hired at an hourly rate
and ``RolFactory(vast=True)`` costs a fixed amount per fase (its bezetting holds a bedrag).
"""

import datetime
from decimal import Decimal

import factory

from formatie.constants import Kostensoort, Pakketsoort, Pakketverdeling, Werkgroepsoort
from formatie.models import (
    Bezetting,
    Fase,
    Pakket,
    Pakketdeelname,
    Rol,
    Salarisschaal,
    Uurtarief,
    Werkgroep,
)
from tests.partijen.factories import GemeenteFactory, SamenwerkingsverbandFactory

ROLNAMEN = [
    "Contractmanager",
    "Informatieanalist",
    "Business controller jeugd",
    "Beleidsadviseur Wmo",
    "Inkoopadviseur",
    "Programmamanager",
]


class FaseFactory(factory.django.DjangoModelFactory):
    """A calendar year from 2020 on: a fase runs whole months."""

    class Meta:
        model = Fase

    samenwerkingsverband = factory.SubFactory(SamenwerkingsverbandFactory)
    naam = factory.Sequence(lambda n: f"Fase {n + 1}")
    begin = factory.Sequence(lambda n: datetime.date(2020 + n % 30, 1, 1))
    eind = factory.LazyAttribute(lambda f: datetime.date(f.begin.year, 12, 31))


class PakketFactory(factory.django.DjangoModelFactory):
    """A pluspakket split in equal parts; ``PakketFactory(basis=True)`` is part of the
    basispakket (the verdeelsleutel, no verdeling)."""

    class Meta:
        model = Pakket

    class Params:
        basis = factory.Trait(soort=Pakketsoort.BASIS, verdeling="")

    samenwerkingsverband = factory.SubFactory(SamenwerkingsverbandFactory)
    naam = factory.Sequence(lambda n: f"Module {n + 1}")
    soort = Pakketsoort.PLUS
    verdeling = Pakketverdeling.GELIJK


class PakketdeelnameFactory(factory.django.DjangoModelFactory):
    """A gemeente of the pakket's samenwerkingsverband takes part from 2020 on."""

    class Meta:
        model = Pakketdeelname
        skip_postgeneration_save = True

    pakket = factory.SubFactory(PakketFactory)
    gemeente = factory.SubFactory(GemeenteFactory)
    vanaf_jaar = 2020

    @factory.post_generation
    def in_het_verband(self, create, extracted, **kwargs):
        if create:
            self.pakket.samenwerkingsverband.gemeenten.add(self.gemeente)


class RolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Rol

    class Params:
        uur = factory.Trait(kostensoort=Kostensoort.UUR, schaal=None, uurtarief=Decimal("95.00"))
        vast = factory.Trait(kostensoort=Kostensoort.VAST, schaal=None, basisformatie=None)

    samenwerkingsverband = factory.SubFactory(SamenwerkingsverbandFactory)
    naam = factory.Sequence(lambda n: f"{ROLNAMEN[n % len(ROLNAMEN)]} {n}")
    volgorde = factory.Sequence(lambda n: n % 1000)
    kostensoort = Kostensoort.SCHAAL
    schaal = 11
    basisformatie = Decimal("1.00")


class BezettingFactory(factory.django.DjangoModelFactory):
    """The rol's fte in a fase of the same samenwerkingsverband; a vast rol's bedrag instead."""

    class Meta:
        model = Bezetting

    rol = factory.SubFactory(RolFactory)
    fase = factory.SubFactory(
        FaseFactory, samenwerkingsverband=factory.SelfAttribute("..rol.samenwerkingsverband")
    )
    fte = factory.LazyAttribute(lambda b: None if b.rol.kostensoort == "vast" else Decimal("0.50"))
    bedrag = factory.LazyAttribute(
        lambda b: Decimal("20000.00") if b.rol.kostensoort == "vast" else None
    )


class SalarisschaalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Salarisschaal

    samenwerkingsverband = factory.SubFactory(SamenwerkingsverbandFactory)
    schaal = 11
    jaar = 2020
    jaarkosten_per_fte = Decimal("83100.00")


class UurtariefFactory(factory.django.DjangoModelFactory):
    """The hourly rate of a hired rol from a later year on, indexed by 3%."""

    class Meta:
        model = Uurtarief

    rol = factory.SubFactory(RolFactory, uur=True)
    jaar = 2021
    uurtarief = factory.LazyAttribute(
        lambda u: (u.rol.uurtarief * Decimal("1.03")).quantize(Decimal("0.01"))
    )
    indexatie = Decimal("3.000")
    bron = "CAO Gemeenten 2021"


class WerkgroepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Werkgroep

    samenwerkingsverband = factory.SubFactory(SamenwerkingsverbandFactory)
    naam = factory.Sequence(lambda n: f"Werkgroep inkoop {n}")
    soort = Werkgroepsoort.STRUCTUREEL
    uren_per_week_per_gemeente = Decimal("4.0")
