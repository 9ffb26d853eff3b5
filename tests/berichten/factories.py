"""Factories of the outbox: one message to one recipient, about a row (a gremium)."""

from datetime import timedelta

import factory
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from post_office.models import STATUS, Email

from berichten.constants import Berichtsoort
from berichten.models import Bericht
from partijen.models import Samenwerkingsverband
from regiekamer import access
from tests.governance.factories import GremiumFactory


class BerichtFactory(factory.django.DjangoModelFactory):
    """A message about a gremium that went out."""

    class Meta:
        model = Bericht
        exclude = ["over"]

    over = factory.SubFactory(GremiumFactory)
    samenwerkingsverband = factory.LazyAttribute(
        lambda b: Samenwerkingsverband.objects.get(pk=min(access.sv_ids_of(b.over)))
    )
    onderwerp_type = factory.LazyAttribute(lambda b: ContentType.objects.get_for_model(b.over))
    onderwerp_id = factory.SelfAttribute("over.pk")
    soort = Berichtsoort.UITNODIGING
    onderwerpregel = "Uitnodiging stuurgroep"
    ontvanger_naam = factory.Sequence(lambda n: f"Anouk Janssen {n}")
    ontvanger_email = factory.Sequence(lambda n: f"lid{n}@gemeente.example")
    email = factory.LazyAttribute(
        lambda b: Email.objects.create(
            from_email="regiekamer@localhost",
            to=[b.ontvanger_email] if b.ontvanger_email else [],
            subject=b.onderwerpregel,
            message="Beste leden,",
            status=STATUS.sent if b.ontvanger_email else STATUS.failed,
        )
    )


def actiepunt_post(gremium, eigenaar, omschrijving: str, over_dagen: int = 3) -> dict:
    """The form "Nieuw actiepunt" as the regiegroep fills it in: an action for ``eigenaar``."""
    return {
        "gremium": gremium.pk,
        "omschrijving": omschrijving,
        "eigenaar": eigenaar.pk,
        "deadline": (timezone.localdate() + timedelta(days=over_dagen)).strftime("%d-%m-%Y"),
        "status": "open",
    }
