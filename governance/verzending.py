"""Sending the convocation through the outbox (``berichten``).

``uitnodiging.convocatie`` says what goes out (recipients, subject, text, PDF and ``.ics``);
``berichten.verzenden.verstuur`` stores a message per recipient in the view's transaction and
sends them after the commit. Who has no e-mail address is stored as such: listed on the
meeting's page, not sent.
"""

from berichten.verzenden import verstuur

from .models import Vergadering
from .uitnodiging import convocatie


def verstuur_convocatie(vergadering: Vergadering, afzender, soort: str) -> list:
    """Compute the convocation of ``soort`` (``uitnodiging.Soort``) and send it; the outbox
    rows, one per member."""
    bericht = convocatie(vergadering, afzender, soort)
    return verstuur(
        over=vergadering,
        samenwerkingsverband=vergadering.gremium.samenwerkingsverband,
        soort=bericht.soort,
        ontvangers=bericht.ontvangers,
        onderwerp=bericht.onderwerp,
        tekst=bericht.tekst,
        afzender=afzender,
        bijlagen=bericht.bijlagen,
    )
