"""Factories of the cost key, the budgets and the claims on them. The gemeente of a share or a
budget takes part in the samenwerkingsverband."""

from decimal import Decimal

import factory

from kosten.constants import Verdeelmethode
from kosten.models import (
    Budget,
    Budgetclaim,
    Realisatie,
    Verdeelsleutel,
    Verdeelsleutelaandeel,
    Voorschotregeling,
)
from tests.formatie.factories import RolFactory
from tests.partijen.factories import GemeenteFactory, SamenwerkingsverbandFactory, takes_part


class VerdeelsleutelFactory(factory.django.DjangoModelFactory):
    """A key with fixed percentages from 2020 on; add its shares with
    :class:`VerdeelsleutelaandeelFactory` (together 100%)."""

    class Meta:
        model = Verdeelsleutel

    samenwerkingsverband = factory.SubFactory(SamenwerkingsverbandFactory)
    vanaf_jaar = 2020
    methode = Verdeelmethode.VASTGESTELD
    bron = "Convenant"


class VerdeelsleutelaandeelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Verdeelsleutelaandeel
        skip_postgeneration_save = True

    verdeelsleutel = factory.SubFactory(VerdeelsleutelFactory)
    gemeente = factory.SubFactory(GemeenteFactory)
    percentage = Decimal("100.00")
    deelname = takes_part("verdeelsleutel.samenwerkingsverband")


class BudgetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Budget
        skip_postgeneration_save = True

    samenwerkingsverband = factory.SubFactory(SamenwerkingsverbandFactory)
    gemeente = factory.SubFactory(GemeenteFactory)
    jaar = 2024
    bedrag = Decimal("900000.00")
    omschrijving = "Begroting sociaal domein"
    deelname = takes_part()


class BudgetclaimFactory(factory.django.DjangoModelFactory):
    """A claim with a known amount on a budget; ``bedrag=None``: its amount is not known."""

    class Meta:
        model = Budgetclaim

    budget = factory.SubFactory(BudgetFactory)
    omschrijving = factory.Sequence(lambda n: f"Claim {n}")
    bedrag = Decimal("100000.00")


class RealisatieFactory(factory.django.DjangoModelFactory):
    """A rol's actual cost in 2024, borne by the plan's rule (no ``gedragen_door``)."""

    class Meta:
        model = Realisatie

    rol = factory.SubFactory(RolFactory)
    samenwerkingsverband = factory.SelfAttribute("rol.samenwerkingsverband")
    jaar = 2024
    bedrag = Decimal("73000.00")
    bron = "Financiële administratie"


class VoorschotregelingFactory(factory.django.DjangoModelFactory):
    """Voorschotten on all costs from 2024 on, to the samenwerkingsverband itself."""

    class Meta:
        model = Voorschotregeling

    samenwerkingsverband = factory.SubFactory(SamenwerkingsverbandFactory)
    vanaf_jaar = 2024
