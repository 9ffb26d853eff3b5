"""The councils' zienswijzen as the cycle's page shows them (templates/begroting/_zienswijzen.html):
who has not answered, who has not been answered, one line per gemeente."""

from django import template

from regiekamer import access

from ..models import Zienswijze
from ..zienswijzen import regels, zonder_antwoord, zonder_reactie

register = template.Library()


@register.simple_tag(takes_context=True)
def zienswijzen_stand(context, cyclus, gemeenten) -> dict:
    """``gemeenten``: the samenwerkingsverband's, in order; reads the cycle's prefetched
    zienswijzen."""
    gemeenten = list(gemeenten)
    request = context.get("request")
    user = getattr(request, "user", None)
    return {
        "regels": regels(cyclus, gemeenten),
        "zonder_antwoord": [g.naam for g in zonder_antwoord(cyclus, gemeenten)],
        "zonder_reactie": [g.naam for g in zonder_reactie(cyclus, gemeenten)],
        "can_change": user is not None and access.can(user, "change", cyclus, Zienswijze),
    }
