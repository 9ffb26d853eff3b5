from django.utils import timezone

from .constants import Gremiumsoort
from .models import Lidmaatschap


def contactpersonen(gemeente, op=None) -> list[Lidmaatschap]:
    """The gemeente's contactpersoon sociaal domein (convenant art. 8): its current member(s)
    of a current ambtelijke regiegroep."""
    op = op or timezone.localdate()
    leden = Lidmaatschap.objects.filter(
        persoon__gemeente=gemeente,
        gremium__soort=Gremiumsoort.REGIEGROEP,
        gremium__historisch=False,
    ).select_related("persoon", "gremium__samenwerkingsverband")
    return [lid for lid in leden if lid.is_actief(op)]


def lidmaatschappen_op(gremia, op=None) -> list[Lidmaatschap]:
    """The memberships of any of ``gremia`` active on ``op`` (today), one per person, by the
    person's name: who a message to those gremia goes to."""
    op = op or timezone.localdate()
    lidmaatschappen = (
        Lidmaatschap.objects.filter(gremium__in=gremia)
        .select_related("persoon__gemeente")
        .order_by("persoon__naam", "pk")
    )
    per_persoon = {}
    for lid in lidmaatschappen:
        if lid.is_actief(op):
            per_persoon.setdefault(lid.persoon_id, lid)
    return list(per_persoon.values())


def leden(gremia, op=None) -> list:
    """The persons who are members of any of ``gremia`` on ``op`` (today), each once."""
    return [lid.persoon for lid in lidmaatschappen_op(gremia, op)]


def stuurgroepleden(samenwerkingsverband, op=None) -> list:
    """The members of the samenwerkingsverband's current stuurgroep on ``op`` (today)."""
    gremia = samenwerkingsverband.gremia.filter(soort=Gremiumsoort.STUURGROEP, historisch=False)
    return leden(gremia, op)
