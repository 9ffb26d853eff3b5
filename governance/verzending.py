"""Sending the convocation through the outbox (``berichten``): the one place that calls it.

``uitnodiging.convocatie`` says what goes out (recipients, subject, text, PDF and ``.ics``);
this hands it to ``berichten.verzenden.verstuur``, which stores a message per recipient in the
view's transaction and sends after the commit. Who has no e-mail address is stored as such:
listed on the meeting's page, not sent.
"""

from .models import Vergadering
from .uitnodiging import Convocatie, convocatie


def verstuur_convocatie(vergadering: Vergadering, afzender, soort: str) -> Convocatie:
    """Compute the convocation of ``soort`` (``uitnodiging.Soort``) and send it."""
    bericht = convocatie(vergadering, afzender, soort)
    _verstuur(vergadering, bericht, afzender)
    return bericht


def _verstuur(vergadering: Vergadering, bericht: Convocatie, afzender) -> None:
    from berichten.verzenden import Bijlage, Ontvanger, verstuur

    verstuur(
        over=vergadering,
        samenwerkingsverband=vergadering.gremium.samenwerkingsverband,
        soort=f"vergadering-{bericht.soort}",
        ontvangers=[Ontvanger(g.naam, g.email, g.bron) for g in bericht.geadresseerden],
        onderwerp=bericht.onderwerp,
        tekst=bericht.tekst,
        afzender=afzender,
        bijlagen=[Bijlage(b.naam, b.inhoud, b.mimetype) for b in bericht.bijlagen],
    )
