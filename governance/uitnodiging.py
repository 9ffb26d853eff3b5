"""The convocation of a meeting: who is invited, the calendar entry (iCalendar, RFC 5545) and
the e-mail that carries it with the uitnodiging PDF.

A calendar keeps one entry per ``UID``: the first invitation (``METHOD:REQUEST``) creates it, a
later one with the same UID and a higher ``SEQUENCE`` (``Vergadering.volgnummer``, raised by
``Vergadering.save``, see ``uitnodiging_gewijzigd``) replaces it, and ``METHOD:CANCEL`` with
``STATUS:CANCELLED`` removes it. Times are written in Europe/Amsterdam with its VTIMEZONE, so
that Outlook and phones show the meeting at the local time in winter and in summer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import formats, timezone

from berichten.constants import Berichtsoort
from berichten.verzenden import Bijlage, Ontvanger
from regiekamer.woorden import display_name

from .models import Vergadering
from .vergaderinfo import (
    agenda_regels,
    datum_tekst,
    eind,
    leden_op_vergaderdatum,
    plaats,
    tijd_tekst,
)

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
PRODID = "-//Regiekamer//Vergaderingen//NL"
ICS_MIMETYPE = {
    "REQUEST": "text/calendar; method=REQUEST; charset=UTF-8",
    "CANCEL": "text/calendar; method=CANCEL; charset=UTF-8",
}


def afzender_adres(user) -> str:
    return (getattr(user, "email", "") or settings.DEFAULT_FROM_EMAIL).strip()


def invitation_ics(vergadering: Vergadering, method: str = "REQUEST", afzender=None) -> bytes:
    """The calendar entry of the meeting as an iCalendar file: ``REQUEST`` invites (or updates,
    with a higher SEQUENCE), ``CANCEL`` cancels. ``afzender`` (a user) is the ORGANIZER."""
    from icalendar import Calendar, Event, vCalAddress, vText

    if method not in ICS_MIMETYPE:
        raise ValueError(f"Onbekende methode {method!r}: REQUEST of CANCEL.")
    gremium = vergadering.gremium
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("method", method)
    event = Event()
    event.add("uid", f"{vergadering.uid}@regiekamer")
    event.add("sequence", vergadering.volgnummer)
    event.add("dtstamp", timezone.now().astimezone(ZoneInfo("UTC")))
    event.add("dtstart", vergadering.begin.astimezone(AMSTERDAM))
    event.add("dtend", eind(vergadering).astimezone(AMSTERDAM))
    summary = f"Vergadering {gremium.naam}"
    event.add("summary", f"Vervallen: {summary}" if method == "CANCEL" else summary)
    if plaats(vergadering):
        event.add("location", plaats(vergadering))
    event.add("description", "Agenda:\n" + "\n".join(agenda_regels(vergadering) or ["—"]))
    organizer = vCalAddress(f"mailto:{afzender_adres(afzender)}")
    organizer.params["cn"] = vText(display_name(afzender) or gremium.samenwerkingsverband.naam)
    event.add("organizer", organizer)
    for lid in leden_op_vergaderdatum(vergadering):
        if not lid.persoon.email:
            continue
        attendee = vCalAddress(f"mailto:{lid.persoon.email}")
        attendee.params["cn"] = vText(lid.persoon.naam)
        attendee.params["role"] = vText("REQ-PARTICIPANT")
        attendee.params["partstat"] = vText("NEEDS-ACTION")
        attendee.params["rsvp"] = vText("TRUE")
        event.add("attendee", attendee, encode=0)
    event.add("status", "CANCELLED" if method == "CANCEL" else "CONFIRMED")
    cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()


# -- the e-mail ----------------------------------------------------------------------------


class Soort:
    """What the e-mail announces (the outbox's kinds of message)."""

    UITNODIGING = Berichtsoort.UITNODIGING
    WIJZIGING = Berichtsoort.WIJZIGING
    ANNULERING = Berichtsoort.AFZEGGING


@dataclass
class Convocatie:
    """The e-mail of a convocation; an ``Ontvanger`` with email "" is listed, not sent."""

    soort: str
    onderwerp: str
    tekst: str
    ontvangers: list[Ontvanger]
    bijlagen: list[Bijlage] = field(default_factory=list)

    @property
    def zonder_adres(self) -> list[Ontvanger]:
        return [o for o in self.ontvangers if not o.email]

    @property
    def met_adres(self) -> list[Ontvanger]:
        return [o for o in self.ontvangers if o.email]


def soort_van(vergadering: Vergadering) -> str:
    """Cancelled: the cancellation; sent before: the update; else the first invitation."""
    if vergadering.is_geannuleerd:
        return Soort.ANNULERING
    return Soort.WIJZIGING if vergadering.is_uitgenodigd else Soort.UITNODIGING


def convocatie(vergadering: Vergadering, afzender, soort: str | None = None, pdf=True):
    """The convocation e-mail of the meeting: who receives it (the members on the meeting's
    date, with or without an e-mail address), the subject, the Dutch text and the attachments
    (the uitnodiging PDF and ``uitnodiging.ics``). ``pdf=False`` leaves the PDF out (the
    confirmation page only lists who receives it). The outbox adds the sender's name and the
    samenwerkingsverband under the text (``berichten.verzenden.signature``)."""
    from .rapporten import uitnodiging_pdf

    soort = soort or soort_van(vergadering)
    gremium = vergadering.gremium
    sv = gremium.samenwerkingsverband
    dag = datum_tekst(vergadering)
    korte_dag = formats.date_format(timezone.localtime(vergadering.begin), "j F Y")
    onderwerp = f"Uitnodiging {gremium.naam} {korte_dag}"
    waar = plaats(vergadering) or "de locatie volgt nog"
    if soort == Soort.ANNULERING:
        onderwerp = f"Vervallen: {onderwerp}"
        kern = (
            f"Namens {sv.naam} laat ik u weten dat de vergadering van de {gremium.naam} op "
            f"{dag}, {tijd_tekst(vergadering)}, niet doorgaat. De bijlage uitnodiging.ics "
            "haalt de afspraak uit uw agenda."
        )
    elif soort == Soort.WIJZIGING:
        onderwerp = f"Gewijzigd: {onderwerp}"
        kern = (
            f"Namens {sv.naam} laat ik u weten dat de vergadering van de {gremium.naam} is "
            f"gewijzigd. Zij is nu op {dag}, {tijd_tekst(vergadering)}, {waar}. De bijlage "
            "uitnodiging.ics werkt de afspraak in uw agenda bij; de agenda en de stukken staan "
            "in de bijgevoegde uitnodiging."
        )
    else:
        kern = (
            f"Namens {sv.naam} nodig ik u uit voor de vergadering van de {gremium.naam} op "
            f"{dag}, {tijd_tekst(vergadering)}, {waar}. De agenda staat hieronder en in de "
            "bijgevoegde uitnodiging (PDF); met de bijlage uitnodiging.ics zet u de "
            "vergadering in uw agenda."
        )
    agenda = (
        ""
        if soort == Soort.ANNULERING
        else "\n\nAgenda:\n" + "\n".join(agenda_regels(vergadering) or ["(volgt nog)"])
    )
    tekst = f"Geachte leden van de {gremium.naam},\n\n{kern}{agenda}"
    ontvangers = [
        Ontvanger(lid.persoon.naam, lid.persoon.email, lid.persoon)
        for lid in leden_op_vergaderdatum(vergadering)
    ]
    method = "CANCEL" if soort == Soort.ANNULERING else "REQUEST"
    bijlagen = []
    if pdf and soort != Soort.ANNULERING:
        inhoud, naam = uitnodiging_pdf(vergadering)
        bijlagen.append(Bijlage(naam, inhoud, "application/pdf"))
    bijlagen.append(
        Bijlage(
            "uitnodiging.ics", invitation_ics(vergadering, method, afzender), ICS_MIMETYPE[method]
        )
    )
    return Convocatie(soort, onderwerp, tekst, ontvangers, bijlagen)
