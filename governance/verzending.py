"""Sending the convocation through the outbox (``berichten``).

``uitnodiging.convocatie`` says what goes out (recipients, subject, text, PDF and ``.ics``);
``berichten.verzenden.verstuur`` stores a message per recipient in the view's transaction and
sends them after the commit. Who has no e-mail address is stored as such: listed on the
meeting's page, not sent.
"""

from berichten.verzenden import verstuur

from .models import Vergadering
from .uitnodiging import Soort, convocatie


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


def uitnodiging_bereik(berichten) -> tuple[int, int]:
    """Of the members invited (an invitation sent again counts once per member): how many have
    it by e-mail, and how many there are."""
    uitnodigingen = [b for b in berichten if b.soort == Soort.UITNODIGING]
    leden = {(b.bron_type_id, b.bron_id, b.ontvanger_naam) for b in uitnodigingen}
    gemaild = {
        (b.bron_type_id, b.bron_id, b.ontvanger_naam) for b in uitnodigingen if b.ontvanger_email
    }
    return len(gemaild), len(leden)
