"""E-mail about actiepunten (berichten/): the owner hears when an action is assigned to them,
and once more when it becomes overdue (``manage.py herinner_acties``, daily)."""

from django.utils import timezone

from berichten.constants import Berichtsoort
from berichten.models import Bericht
from berichten.verzenden import Ontvanger, verstuur

from .models import Actiepunt, Gremium


def _details(actiepunt: Actiepunt) -> str:
    deadline = f"{actiepunt.deadline:%d-%m-%Y}" if actiepunt.deadline else "geen"
    bron = f"\nAfgesproken in: {actiepunt.vergadering}" if actiepunt.vergadering_id else ""
    return (
        f"Actie: {actiepunt.omschrijving}\n"
        f"Gremium: {actiepunt.gremium.naam}\n"
        f"Uiterste datum: {deadline}{bron}"
    )


def _mail_owner(actiepunt: Actiepunt, soort: str, onderwerp: str, kern: str, slot: str, user):
    """One message to the action's owner: ``kern`` and ``slot`` around the action's details."""
    eigenaar = actiepunt.eigenaar
    return verstuur(
        over=actiepunt,
        samenwerkingsverband=actiepunt.gremium.samenwerkingsverband,
        soort=soort,
        ontvangers=[Ontvanger(eigenaar.naam, eigenaar.email, eigenaar)],
        onderwerp=onderwerp,
        tekst=f"Beste {eigenaar.naam},\n\n{kern}\n\n{_details(actiepunt)}\n\n{slot}",
        afzender=user,
    )


def notify_owner(actiepunt: Actiepunt, user) -> list[Bericht]:
    """Tell the owner of a newly assigned action (nothing when it has no owner)."""
    if actiepunt.eigenaar_id is None:
        return []
    sv = actiepunt.gremium.samenwerkingsverband
    return _mail_owner(
        actiepunt,
        Berichtsoort.ACTIE,
        f"Actie voor u: {actiepunt.omschrijving[:80]}",
        f"In {sv.naam} staat een actie op uw naam.",
        "U vindt haar in Regiekamer onder Governance, Actie- en planningslijst.",
        user,
    )


def remind_overdue(op=None) -> tuple[list[Bericht], int]:
    """One reminder to the owner of every action that is overdue on ``op`` (today) and has not
    had one yet; the messages sent and the number of overdue actions without an owner. Not
    of a historical gremium: it no longer meets, and has no secretary to report to."""
    op = op or timezone.localdate()
    # Locked before asking which were reminded: a second run at the same moment (cron and a
    # hand) waits here, and then finds the first one's reminders.
    overdue = list(
        Actiepunt.objects.te_laat(op)
        .filter(gremium__in=Gremium.objects.huidig(op))
        .select_related("eigenaar", "gremium__samenwerkingsverband", "vergadering__gremium")
        .select_for_update(of=("self",))
        .order_by("deadline", "pk")
    )
    reminded = set(
        Bericht.objects.filter(soort=Berichtsoort.HERINNERING).values_list(
            "onderwerp_id", flat=True
        )
    )
    berichten, zonder_eigenaar = [], 0
    for actiepunt in overdue:
        if actiepunt.eigenaar_id is None:
            zonder_eigenaar += 1
            continue
        if actiepunt.pk in reminded:
            continue
        sv = actiepunt.gremium.samenwerkingsverband
        berichten += _mail_owner(
            actiepunt,
            Berichtsoort.HERINNERING,
            f"Herinnering: actie over de uiterste datum: {actiepunt.omschrijving[:60]}",
            f"De uiterste datum van deze actie in {sv.naam} is verstreken en zij staat nog open.",
            "Is zij gereed? Meld het in Regiekamer (Governance, Actie- en planningslijst, "
            "'Gereed') of bij de secretaris van het gremium.",
            None,
        )
    return berichten, zonder_eigenaar
