"""The begrotingscyclus as a calendar (iCalendar, RFC 5545): every open step's latest date of
every begrotingsjaar as an all-day event. The UID is the samenwerkingsverband's number, the year
and the step, so a calendar that subscribes again updates the same entries (a changed adoption
date moves them) instead of adding new ones."""

from datetime import timedelta

from django.utils import timezone

from .kalender import DAGEN, cyclus_termijnen

PRODID = "-//Regiekamer//Begrotingscyclus//NL"


def regel(text: str) -> str:
    """Text typed by a user on one line: a name with a line break (or a bare CR) would break
    the calendar's content line (icalendar refuses it: a server error)."""
    return " ".join(str(text).split())


def uid(sv, jaar: int, stap: str) -> str:
    return f"begroting-{sv.pk}-{jaar}-{stap}@regiekamer"


def cycli_ics(sv, cycli, gemeenten, site: str) -> bytes:
    """The calendar of ``cycli`` (``site``: the address of the site, for the link back)."""
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"Begrotingscyclus {regel(sv.naam)}")
    nu = timezone.now()
    for cyclus in cycli:
        adres = site.rstrip("/") + cyclus.get_absolute_url()
        for termijn in cyclus_termijnen(cyclus, gemeenten):
            if termijn.gedaan is not None:
                continue
            dag = termijn.uiterste_datum
            event = Event()
            event.add("uid", uid(sv, cyclus.jaar, termijn.stap))
            event.add("dtstamp", nu)
            event.add("dtstart", dag)
            event.add("dtend", dag + timedelta(days=1))
            event.add(
                "summary", f"Uiterste datum {regel(sv.afkorting)} {cyclus.jaar}: {termijn.naam}"
            )
            beschrijving = (
                f"Begrotingsjaar {cyclus.jaar}. Uiterste datum: {DAGEN[dag.weekday()]} "
                f"{dag:%d-%m-%Y}. Regel: {termijn.regel}."
            )
            if termijn.toelichting:
                beschrijving += f"\n{termijn.toelichting}"
            event.add("description", f"{beschrijving}\n{adres}")
            event.add("url", adres)
            event.add("transp", "TRANSPARENT")
            cal.add_component(event)
    return cal.to_ical()
