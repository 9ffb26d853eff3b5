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
