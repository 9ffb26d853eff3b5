"""The invitation of a meeting as a calendar entry (iCalendar, RFC 5545), read back with
``icalendar`` as a calendar program reads it; and the rule of its SEQUENCE (volgnummer)."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from icalendar import Calendar

from governance.constants import Agendapuntsoort, Vergaderstatus
from governance.uitnodiging import Soort, convocatie, invitation_ics
from tests.governance.factories import (
    AgendapuntFactory,
    LidmaatschapFactory,
    PersoonFactory,
    VergaderingFactory,
)
from tests.partijen.factories import GemeenteFactory

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def local(*args):
    return datetime.datetime(*args, tzinfo=AMSTERDAM)


def event_of(ics: bytes):
    cal = Calendar.from_ical(ics)
    events = list(cal.walk("VEVENT"))
    assert len(events) == 1
    return cal, events[0]


@pytest.fixture
def secretaris():
    return get_user_model().objects.create_user(
        "secretaris", email="secretaris@mlw.example", first_name="Sanne", last_name="de Vries"
    )


@pytest.fixture
def vergadering():
    vergadering = VergaderingFactory(
        begin=local(2025, 1, 14, 10, 0),
        eind=local(2025, 1, 14, 12, 0),
        locatie="Stadhuis Weert",
        gremium__naam="Stuurgroep Sociaal Domein",
    )
    for naam, email in [("A. Bakker", "a.bakker@weert.example"), ("B. Claessen", "")]:
        LidmaatschapFactory(
            gremium=vergadering.gremium, persoon=PersoonFactory(naam=naam, email=email)
        )
    # A member whose seat ended before the meeting is not invited.
    LidmaatschapFactory(
        gremium=vergadering.gremium,
        persoon=PersoonFactory(naam="C. Oud", email="c.oud@weert.example"),
        tot=datetime.date(2024, 12, 31),
    )
    AgendapuntFactory(vergadering=vergadering, volgorde=1, titel="Opening", soort="informatie")
    AgendapuntFactory(
        vergadering=vergadering,
        volgorde=2,
        titel="Begroting 2026",
        soort=Agendapuntsoort.BESLUITVORMING,
    )
    return vergadering


def test_the_invitation_reads_back_in_local_time_with_its_members(vergadering, secretaris):
    cal, event = event_of(invitation_ics(vergadering, afzender=secretaris))
    assert str(cal["method"]) == "REQUEST"
    assert str(cal["version"]) == "2.0" and "Regiekamer" in str(cal["prodid"])
    # Winter: 10:00 in Amsterdam is 09:00 UTC; the entry says 10:00 with its TZID.
    start = event.decoded("dtstart")
    assert start == local(2025, 1, 14, 10, 0)
    assert (start.hour, str(start.tzinfo)) == (10, "Europe/Amsterdam")
    assert event["dtstart"].params["TZID"] == "Europe/Amsterdam"
    assert event.decoded("dtend") == local(2025, 1, 14, 12, 0)
    assert [tz["tzid"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    assert event.decoded("dtstamp").utcoffset() == datetime.timedelta(0)
    assert str(event["uid"]) == f"{vergadering.uid}@regiekamer"
    assert event["sequence"] == 0
    assert str(event["status"]) == "CONFIRMED"
    assert str(event["summary"]) == "Vergadering Stuurgroep Sociaal Domein"
    assert str(event["location"]) == "Stadhuis Weert"
    assert "2. Begroting 2026 – ter besluitvorming" in str(event["description"])
    assert str(event["organizer"]) == "mailto:secretaris@mlw.example"
    assert event["organizer"].params["CN"] == "Sanne de Vries"
    attendees = event["attendee"]
    attendees = attendees if isinstance(attendees, list) else [attendees]
    # Only the member with an address on the day; no one without, no former member.
    assert [str(a) for a in attendees] == ["mailto:a.bakker@weert.example"]
    params = attendees[0].params
    assert params["CN"] == "A. Bakker" and params["ROLE"] == "REQ-PARTICIPANT"
    assert params["PARTSTAT"] == "NEEDS-ACTION" and params["RSVP"] == "TRUE"


def test_a_summer_meeting_is_at_its_local_time(vergadering):
    vergadering.begin = local(2025, 7, 8, 19, 30)
    vergadering.eind = local(2025, 7, 8, 21, 0)
    vergadering.save()
    _, event = event_of(invitation_ics(vergadering))
    assert event.decoded("dtstart") == local(2025, 7, 8, 19, 30)
    assert event.decoded("dtstart").utcoffset() == datetime.timedelta(hours=2)
    assert event.decoded("dtstart").hour == 19


def test_a_change_after_sending_keeps_the_uid_and_raises_the_sequence(vergadering):
    uid = str(event_of(invitation_ics(vergadering))[1]["uid"])
    # Before the invitation went out a change is no news: the sequence stays.
    vergadering.locatie = "Gemeentehuis Leudal"
    vergadering.save()
    assert vergadering.volgnummer == 0

    vergadering.uitnodiging_verzonden_op = timezone.now()
    vergadering.status = Vergaderstatus.AGENDA_VERZONDEN
    vergadering.save()
    assert vergadering.volgnummer == 0  # sending itself changes no time or place
    vergadering.begin += datetime.timedelta(hours=1)
    vergadering.eind += datetime.timedelta(hours=1)
    vergadering.save()
    vergadering.refresh_from_db()
    assert vergadering.volgnummer == 1
    _, event = event_of(invitation_ics(vergadering))
    assert str(event["uid"]) == uid
    assert event["sequence"] == 1
    assert event.decoded("dtstart") == local(2025, 1, 14, 11, 0)

    vergadering.locatie_gemeente = GemeenteFactory(naam="Leudal")
    vergadering.save()
    assert vergadering.volgnummer == 2
    vergadering.status = Vergaderstatus.GEHOUDEN  # not news for a calendar
    vergadering.save()
    assert vergadering.volgnummer == 2


def test_a_cancellation_cancels_the_same_entry(vergadering):
    vergadering.uitnodiging_verzonden_op = timezone.now()
    vergadering.save()
    vergadering.status = Vergaderstatus.GEANNULEERD
    vergadering.save()
    assert vergadering.volgnummer == 1
    cal, event = event_of(invitation_ics(vergadering, method="CANCEL"))
    assert str(cal["method"]) == "CANCEL"
    assert str(event["status"]) == "CANCELLED"
    assert event["sequence"] == 1
    assert str(event["uid"]) == f"{vergadering.uid}@regiekamer"
    assert str(event["summary"]).startswith("Vervallen: ")


def test_the_convocation_mail_names_sender_members_and_attachments(vergadering, secretaris):
    bericht = convocatie(vergadering, secretaris, pdf=False)
    assert bericht.onderwerp == "Uitnodiging Stuurgroep Sociaal Domein 14 januari 2025"
    assert "dinsdag 14 januari 2025, 10:00–12:00 uur, Stadhuis Weert" in bericht.tekst
    # The outbox signs it with the sender's name (berichten.verzenden.signature).
    assert vergadering.gremium.samenwerkingsverband.naam in bericht.tekst
    assert "2. Begroting 2026 – ter besluitvorming" in bericht.tekst
    assert [(o.naam, o.email) for o in bericht.ontvangers] == [
        ("A. Bakker", "a.bakker@weert.example"),
        ("B. Claessen", ""),
    ]
    assert [g.naam for g in bericht.zonder_adres] == ["B. Claessen"]
    assert [(b.naam, b.mimetype) for b in bericht.bijlagen] == [
        ("uitnodiging.ics", "text/calendar; method=REQUEST; charset=UTF-8")
    ]
    gewijzigd = convocatie(vergadering, secretaris, Soort.WIJZIGING, pdf=False)
    assert gewijzigd.onderwerp.startswith("Gewijzigd: Uitnodiging")
    vervallen = convocatie(vergadering, secretaris, Soort.ANNULERING)
    assert vervallen.onderwerp.startswith("Vervallen: Uitnodiging")
    assert "niet doorgaat" in vervallen.tekst
    assert [b.mimetype for b in vervallen.bijlagen] == [
        "text/calendar; method=CANCEL; charset=UTF-8"
    ]
