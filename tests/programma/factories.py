"""Factories of the programme: a plan with its goals, start questions, thema's, opdrachten
(with results and start answers), budget lines and progress reports with their rows. What
hangs under an opdracht or a report stays within one plan."""

import datetime
from decimal import Decimal

import factory
from django.utils.formats import date_format

from programma.constants import Uitvoering
from programma.models import (
    Budgetpost,
    Doel,
    Opdracht,
    Programmaplan,
    Resultaat,
    Startantwoord,
    Startvraag,
    Thema,
    Voortgangsrapportage,
    Voortgangsregel,
)
from tests.partijen.factories import SamenwerkingsverbandFactory


class ProgrammaplanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programmaplan

    samenwerkingsverband = factory.SubFactory(SamenwerkingsverbandFactory)
    titel = factory.Sequence(lambda n: f"Programmaplan sociaal domein {n}")
    jaar_van = 2024
    jaar_tot = 2026
    programmamanager = "M. Peters"


class InPlanFactory(factory.django.DjangoModelFactory):
    """A numbered part of a plan: a doel, a startvraag, a thema, a budgetpost."""

    class Meta:
        abstract = True

    plan = factory.SubFactory(ProgrammaplanFactory)
    nummer = factory.Sequence(lambda n: n + 1)


class DoelFactory(InPlanFactory):
    class Meta:
        model = Doel

    tekst = "Inwoners krijgen dichtbij de ondersteuning die zij nodig hebben."


class StartvraagFactory(InPlanFactory):
    class Meta:
        model = Startvraag

    tekst = factory.Sequence(lambda n: f"Wie zijn de betrokken partijen? ({n})")


class ThemaFactory(InPlanFactory):
    class Meta:
        model = Thema

    naam = factory.Sequence(lambda n: f"Inkoop en contractering {n}")


class OpdrachtFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Opdracht

    thema = factory.SubFactory(ThemaFactory)
    nummer = factory.Sequence(lambda n: n % 1000 + 1)
    titel = factory.Sequence(lambda n: f"Inkoopstrategie jeugd opstellen {n}")
    verantwoordelijk_uitvoerder = "Regioteam"
    start = datetime.date(2024, 1, 1)
    eind = datetime.date(2024, 12, 31)
    bedrag = Decimal("25000.00")


class ResultaatFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Resultaat

    opdracht = factory.SubFactory(OpdrachtFactory)
    tekst = "Een vastgestelde inkoopstrategie"


class StartantwoordFactory(factory.django.DjangoModelFactory):
    """An answer to a start question of the opdracht's own plan."""

    class Meta:
        model = Startantwoord

    opdracht = factory.SubFactory(OpdrachtFactory)
    vraag = factory.SubFactory(
        StartvraagFactory, plan=factory.SelfAttribute("..opdracht.thema.plan")
    )
    antwoord = "De vier gemeenten en de zorgaanbieders."


class BudgetpostFactory(InPlanFactory):
    class Meta:
        model = Budgetpost

    omschrijving = "Externe inhuur"
    bedrag = Decimal("50000.00")
    verplicht = Decimal("10000.00")
    besteed = Decimal("12500.00")


class VoortgangsrapportageFactory(factory.django.DjangoModelFactory):
    """A concept report, on the last day of consecutive months from January 2025."""

    class Meta:
        model = Voortgangsrapportage

    plan = factory.SubFactory(ProgrammaplanFactory)
    peildatum = factory.Sequence(
        lambda n: datetime.date(2025 + (n + 1) // 12, (n + 1) % 12 + 1, 1) - datetime.timedelta(1)
    )
    periode = factory.LazyAttribute(lambda r: date_format(r.peildatum, "F Y"))  # januari 2025


class VoortgangsregelFactory(factory.django.DjangoModelFactory):
    """A row of a report for an opdracht of the report's plan, not yet started."""

    class Meta:
        model = Voortgangsregel

    rapportage = factory.SubFactory(VoortgangsrapportageFactory)
    opdracht = factory.SubFactory(
        OpdrachtFactory, thema__plan=factory.SelfAttribute("...rapportage.plan")
    )
    uitvoering = Uitvoering.NIET_GESTART
    startdatum = factory.SelfAttribute("opdracht.start")
    realisatiedatum = factory.SelfAttribute("opdracht.eind")
