"""Who sits where on a day: the one place that decides the current members of a gremium (and so
who a report, an invitation or a letter goes to). A member is current on a day when the
membership runs then (vanaf/tot) and its gremium exists then (ingesteld/opgeheven): the
stuurgroep of 2016 and that of 2021 are never both current."""

from django.utils import timezone

from .constants import Gremiumsoort, Lidrol
from .models import Gremium, Lidmaatschap


def contactpersonen(gemeente, op=None) -> list[Lidmaatschap]:
    """The gemeente's contactpersoon sociaal domein (convenant art. 8): its current member(s)
    of a current ambtelijke regiegroep."""
    op = op or timezone.localdate()
    regiegroepen = Gremium.objects.huidig(op).filter(soort=Gremiumsoort.REGIEGROEP)
    leden = Lidmaatschap.objects.filter(
        persoon__gemeente=gemeente, gremium__in=regiegroepen
    ).select_related("persoon", "gremium__samenwerkingsverband")
    return [lid for lid in leden if lid.is_actief(op)]


def lidmaatschappen_op(gremia, op=None) -> list[Lidmaatschap]:
    """The memberships of any of ``gremia`` active on ``op`` (today), one per person, by the
    person's name: who a message to those gremia goes to."""
    op = op or timezone.localdate()
    lidmaatschappen = (
        Lidmaatschap.objects.filter(gremium__in=gremia)
        .filter(gremium__in=Gremium.objects.huidig(op))
        .select_related("persoon__gemeente")
        .order_by("persoon__naam", "pk")
    )
    per_persoon = {}
    for lid in lidmaatschappen:
        if lid.is_actief(op):
            per_persoon.setdefault(lid.persoon_id, lid)
    return list(per_persoon.values())


# The order of the functions in a list of members: who chairs first, who is on call last.
ROLVOLGORDE = [
    Lidrol.VOORZITTER,
    Lidrol.LID,
    Lidrol.AMBTELIJK_OPDRACHTGEVER,
    Lidrol.ADVISEUR,
    Lidrol.SECRETARIS,
    Lidrol.OP_AFROEP,
]


def op_functie(lidmaatschappen) -> list[Lidmaatschap]:
    """Memberships by function (ROLVOLGORDE), then by the person's name."""
    rang = {rol: i for i, rol in enumerate(ROLVOLGORDE)}
    return sorted(
        lidmaatschappen, key=lambda lid: (rang.get(lid.rol, len(rang)), lid.persoon.naam, lid.pk)
    )


def samenstelling(gremium, op=None) -> list[Lidmaatschap]:
    """The gremium's members on ``op`` (today) with their function in it (the gremium's page):
    none when the gremium does not exist on that day."""
    op = op or timezone.localdate()
    if not gremium.bestaat_op(op):
        return []
    leden = Lidmaatschap.objects.filter(gremium=gremium).select_related("persoon__gemeente")
    return op_functie(lid for lid in leden if lid.is_actief(op))


def leden(gremia, op=None) -> list:
    """The persons who are members of any of ``gremia`` on ``op`` (today), each once."""
    return [lid.persoon for lid in lidmaatschappen_op(gremia, op)]


def stuurgroepleden(samenwerkingsverband, op=None) -> list:
    """The members of the samenwerkingsverband's stuurgroep on ``op`` (today)."""
    gremia = samenwerkingsverband.gremia.filter(soort=Gremiumsoort.STUURGROEP)
    return leden(gremia, op)
