"""A meeting as its invitation describes it: who is invited on its date, where, when, and the
agenda as lines of text (the uitnodiging PDF, the e-mail, the calendar entry and the list)."""

from datetime import timedelta

from django.utils import formats, timezone

from .models import Lidmaatschap, Vergadering
from .query import lidmaatschappen_op

# A meeting without an end time is entered in the calendar for two hours.
STANDAARD_DUUR = timedelta(hours=2)


def leden_op_vergaderdatum(vergadering: Vergadering) -> list[Lidmaatschap]:
    """The gremium's members on the day of the meeting (one line per person)."""
    return lidmaatschappen_op([vergadering.gremium_id], timezone.localdate(vergadering.begin))


def plaats(vergadering: Vergadering) -> str:
    """Where the meeting is: its locatie, and the host gemeente when the locatie does not name
    it ("Stadhuis Weert"; "Raadszaal, gemeente Leudal"; "gemeente Leudal")."""
    gastgemeente = vergadering.locatie_gemeente.naam if vergadering.locatie_gemeente else ""
    if vergadering.locatie and gastgemeente and gastgemeente not in vergadering.locatie:
        return f"{vergadering.locatie}, gemeente {gastgemeente}"
    return vergadering.locatie or (f"gemeente {gastgemeente}" if gastgemeente else "")


def eind(vergadering: Vergadering):
    return vergadering.eind or vergadering.begin + STANDAARD_DUUR


def datum_tekst(vergadering: Vergadering) -> str:
    """'dinsdag 14 januari 2025'."""
    return formats.date_format(timezone.localtime(vergadering.begin), "l j F Y")


def tijd_tekst(vergadering: Vergadering) -> str:
    """'10:00–12:00 uur' (or '10:00 uur' without an end)."""
    begin = timezone.localtime(vergadering.begin)
    if vergadering.eind:
        return f"{begin:%H:%M}–{timezone.localtime(vergadering.eind):%H:%M} uur"
    return f"{begin:%H:%M} uur"


def agenda_regels(vergadering: Vergadering) -> list[str]:
    """'1. Begroting 2027 – ter besluitvorming': the agenda as lines of text."""
    return [
        f"{punt.volgorde}. {punt.titel} – {punt.get_soort_display().lower()}"
        for punt in vergadering.agendapunten.order_by("volgorde")
    ]
