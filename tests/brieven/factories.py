"""Factories of the raadsinformatiebrief (a concept letter)."""

import factory
from django.utils import timezone

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


def complete_letterhead(gemeente) -> None:
    """Give a demo gemeente whose letterhead the documents leave empty (Leudal, Nederweert) what
    sending a letter asks: an address for council mail and a burgemeester and secretaris."""
    from partijen.models import Functie
    from tests.partijen.factories import FunctionarisFactory

    if not (gemeente.adres and gemeente.postcode and gemeente.plaats):
        gemeente.adres, gemeente.postcode = "Raadhuisplein 1", "1234 AB"
        gemeente.plaats = gemeente.plaats or gemeente.naam
        gemeente.save()
    bekend = gemeente.ondertekenaars_op(timezone.localdate())
    for functie in (Functie.BURGEMEESTER, Functie.GEMEENTESECRETARIS):
        if functie not in bekend:
            FunctionarisFactory(gemeente=gemeente, functie=functie)
