"""Factories of the governance: gremia and the lines between them, people and their seats,
meetings with agenda items, stukken, decisions, actions and knelpunten. Everything below a
gremium belongs to that gremium's samenwerkingsverband."""

import datetime

import factory
from django.utils import timezone

from governance.constants import (
    Actiestatus,
    Agendapuntsoort,
    Besluituitkomst,
    Gremiumsoort,
    Lidrol,
    Orgaan,
    Relatiesoort,
)
from governance.models import (
    Actiepunt,
    Agendapunt,
    Behandeling,
    Besluit,
    Gremium,
    GremiumRelatie,
    Knelpunt,
    Lidmaatschap,
    Persoon,
    Procesplanning,
    Processtap,
    Stuk,
    Subregio,
    Vergadering,
    Voorstel,
)
from tests.partijen.factories import GemeenteFactory, SamenwerkingsverbandFactory, takes_part


class GremiumFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gremium

    samenwerkingsverband = factory.SubFactory(SamenwerkingsverbandFactory)
    naam = factory.Sequence(lambda n: f"Regiegroep {n}")
    soort = Gremiumsoort.REGIEGROEP
    cadans = "zeswekelijks"
    vergaderingen_per_jaar = 8


class GremiumRelatieFactory(factory.django.DjangoModelFactory):
    """The first gremium is opdrachtgever of a second of the same samenwerkingsverband."""

    class Meta:
        model = GremiumRelatie

    van = factory.SubFactory(GremiumFactory, naam=factory.Sequence(lambda n: f"Stuurgroep {n}"))
    naar = factory.SubFactory(
        GremiumFactory, samenwerkingsverband=factory.SelfAttribute("..van.samenwerkingsverband")
    )
    soort = Relatiesoort.OPDRACHTGEVER_VAN


class SubregioFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subregio

    samenwerkingsverband = factory.SubFactory(SamenwerkingsverbandFactory)
    periode = "2013"
    model = "haltermodel"
    naam = factory.Sequence(lambda n: f"Subregio {n}")
    gemeenten = "Weert, Nederweert en Leudal"
    inwoners = 102000


class PersoonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Persoon

    naam = factory.Sequence(lambda n: f"Anouk Janssen {n}")
    functie = "beleidsadviseur"


class LidmaatschapFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Lidmaatschap

    persoon = factory.SubFactory(PersoonFactory)
    gremium = factory.SubFactory(GremiumFactory)
    rol = Lidrol.LID
    vanaf = datetime.date(2021, 1, 1)


class VergaderingFactory(factory.django.DjangoModelFactory):
    """A two-hour meeting at ten, on consecutive days from 1 December 2026."""

    class Meta:
        model = Vergadering

    gremium = factory.SubFactory(GremiumFactory)
    begin = factory.Sequence(
        lambda n: timezone.make_aware(
            datetime.datetime(2026, 12, 1, 10) + datetime.timedelta(days=n)
        )
    )
    eind = factory.LazyAttribute(lambda v: v.begin + datetime.timedelta(hours=2))
    locatie = "Stadhuis Weert"


class AgendapuntFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agendapunt

    vergadering = factory.SubFactory(VergaderingFactory)
    volgorde = factory.Sequence(lambda n: n % 100 + 1)
    titel = factory.Sequence(lambda n: f"Begroting {2027 + n % 10}")
    soort = Agendapuntsoort.BESLUITVORMING


class StukFactory(factory.django.DjangoModelFactory):
    """A stuk that refers to a page of Regiekamer (a file needs a media folder: pass
    ``bestand=SimpleUploadedFile(...)`` and ``verwijzing=""``)."""

    class Meta:
        model = Stuk

    agendapunt = factory.SubFactory(AgendapuntFactory)
    titel = factory.Sequence(lambda n: f"Notitie {n}")
    verwijzing = factory.LazyAttribute(
        lambda s: (
            f"/samenwerkingsverbanden/"
            f"{s.agendapunt.vergadering.gremium.samenwerkingsverband.afkorting}/kosten/"
        )
    )


class BesluitFactory(factory.django.DjangoModelFactory):
    """A decision taken in a meeting of its gremium, on one of the meeting's agenda items."""

    class Meta:
        model = Besluit

    gremium = factory.SubFactory(GremiumFactory)
    agendapunt = factory.SubFactory(
        AgendapuntFactory, vergadering__gremium=factory.SelfAttribute("...gremium")
    )
    datum = factory.LazyAttribute(lambda b: timezone.localdate(b.agendapunt.vergadering.begin))
    tekst = "De begroting wordt vastgesteld."
    uitkomst = Besluituitkomst.AANGENOMEN


class ActiepuntFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Actiepunt

    gremium = factory.SubFactory(GremiumFactory)
    omschrijving = factory.Sequence(lambda n: f"Begroting rondsturen aan de colleges ({n})")
    deadline = datetime.date(2026, 12, 15)
    status = Actiestatus.OPEN


class KnelpuntFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Knelpunt

    samenwerkingsverband = factory.SubFactory(SamenwerkingsverbandFactory)
    omschrijving = "Te weinig capaciteit voor de inkoop jeugd"
    ingebracht_door = "Weert"
    datum = datetime.date(2026, 11, 1)


class VoorstelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Voorstel

    samenwerkingsverband = factory.SubFactory(SamenwerkingsverbandFactory)
    titel = factory.Sequence(lambda n: f"Voorstel regionale samenwerking {n}")


class BehandelingFactory(factory.django.DjangoModelFactory):
    """The voorstel in a college, planned as the documents write it and not yet decided."""

    class Meta:
        model = Behandeling
        skip_postgeneration_save = True

    voorstel = factory.SubFactory(VoorstelFactory)
    gemeente = factory.SubFactory(GemeenteFactory)
    orgaan = Orgaan.COLLEGE
    gepland = "7 of 14 april 2015"
    deelname = takes_part("voorstel.samenwerkingsverband")


class ProcesplanningFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Procesplanning

    samenwerkingsverband = factory.SubFactory(SamenwerkingsverbandFactory)
    naam = factory.Sequence(lambda n: f"Procesplanning {n}")
    jaar = 2015


class ProcesstapFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Processtap

    planning = factory.SubFactory(ProcesplanningFactory)
    fase = "Besluit"
    stap = "Collegebesluit"
    gepland = "April/mei 2015"
