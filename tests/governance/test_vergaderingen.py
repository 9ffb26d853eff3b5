"""Meetings that go out: the list across gremia, the new-meeting form (current gremia, members
as chair, agenda rows without limit), the uitnodiging and the besluitenlijst as PDF, sending
the convocation, a change and a cancellation, the besluit from an agendapunt, and a person's
e-mail address; as each role would."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from berichten.models import Bericht
from governance.models import Agendapunt, Gremium, Lidmaatschap, Persoon, Vergadering
from regiekamer import access
from regiekamer.roles import REGIEGROEP
from tests.conftest import logged_in
from tests.governance.factories import (
    AgendapuntFactory,
    BesluitFactory,
    LidmaatschapFactory,
    PersoonFactory,
    StukFactory,
    VergaderingFactory,
)
from tests.partijen.factories import SamenwerkingsverbandFactory
from tests.pdfs import pdf_info, pdf_text
from tests.smtp import attachments, text_of

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def url(name, *args, sv="MLW"):
    return reverse(f"governance:{name}", args=[sv, *args])


def stuurgroep():
    return Gremium.objects.get(naam="Stuurgroep (programmaorganisatie 2021)")


def historisch_gremium():
    return Gremium.objects.filter(samenwerkingsverband__afkorting="MLW", historisch=True).first()


def agenda(rows, total=None):
    data = {
        "agendapunten-TOTAL_FORMS": str(total or len(rows)),
        "agendapunten-INITIAL_FORMS": "0",
        "agendapunten-MIN_NUM_FORMS": "0",
        "agendapunten-MAX_NUM_FORMS": "1000",
    }
    for i, row in enumerate(rows):
        data |= {f"agendapunten-{i}-{k}": v for k, v in row.items()}
    return data


def meeting_data(gremium, voorzitter=None, begin="2027-01-12T10:00", rows=()):
    data = {"gremium": gremium.pk, "begin": begin, "eind": "", "status": "gepland"}
    data["voorzitter"] = voorzitter.pk if voorzitter else ""
    return data | agenda(list(rows))


@pytest.fixture
def outsider(db, django_user_model):
    """A regiegroep member of another samenwerkingsverband only."""
    user = django_user_model.objects.create_user("buiten", password="geheim-123!")
    user.groups.add(Group.objects.get(name=REGIEGROEP))
    access.grant(user, SamenwerkingsverbandFactory(afkorting="ANDER"))
    return logged_in(user)


class Outbox:
    """Requests whose messages go out (the outbox sends after the commit) to the tests' SMTP
    server; ``inbox``: what arrived there."""

    def __init__(self, smtp, capture):
        self.inbox, self.capture = smtp.inbox.messages, capture

    def post(self, client, address, data=None, **kwargs):
        with self.capture(execute=True):
            return client.post(address, data or {}, **kwargs)

    def subjects(self):
        return [m["Subject"] for m in self.inbox]


@pytest.fixture
def verstuurd(smtp, media, django_capture_on_commit_callbacks):
    return Outbox(smtp, django_capture_on_commit_callbacks)


def ics_of(message):
    [ics] = [p for p in message.iter_attachments() if p.get_filename() == "uitnodiging.ics"]
    return ics, Calendar.from_ical(ics.get_payload(decode=True))


@pytest.fixture
def vergadering(demo):
    """A meeting of the stuurgroep on a Tuesday in winter, with an agenda and stukken; two of
    its three members have an e-mail address."""
    gremium = stuurgroep()
    leden = {lid.persoon.naam: lid.persoon for lid in gremium.lidmaatschappen.all()}
    for naam, email in [
        ("Carla Dieteren", "c.dieteren@nederweert.example"),
        ("Mart Jansen", "m.jansen@leudal.example"),
    ]:
        leden[naam].email = email
        leden[naam].save()
    vergadering = VergaderingFactory(
        gremium=gremium,
        begin=datetime.datetime(2025, 1, 14, 10, tzinfo=AMSTERDAM),
        eind=datetime.datetime(2025, 1, 14, 12, tzinfo=AMSTERDAM),
        locatie="Stadhuis Weert",
        voorzitter=leden["Carla Dieteren"],
    )
    AgendapuntFactory(vergadering=vergadering, volgorde=1, titel="Opening", soort="informatie")
    AgendapuntFactory(
        vergadering=vergadering,
        volgorde=2,
        titel="Kaders inkoop Jeugd",
        soort="bespreking",
        toelichting="Eerste verkenning van de kaders.",
    )
    besluitpunt = AgendapuntFactory(
        vergadering=vergadering, volgorde=3, titel="Begroting 2026", soort="besluitvorming"
    )
    StukFactory(agendapunt=besluitpunt, titel="Conceptbegroting 2026")
    return vergadering


# -- the list ------------------------------------------------------------------------------


def test_the_list_shows_coming_meetings_first_and_filters(demo, regie_client, stuur_client):
    gremium = stuurgroep()
    now = timezone.now()
    geweest = VergaderingFactory(gremium=gremium, begin=now - datetime.timedelta(days=30))
    later = VergaderingFactory(gremium=gremium, begin=now + datetime.timedelta(days=60))
    eerst = VergaderingFactory(gremium=gremium, begin=now + datetime.timedelta(days=7))
    page = regie_client.get(url("vergadering-list")).content.decode()
    positions = [page.index(v.get_absolute_url() + '"') for v in (eerst, later, geweest)]
    assert positions == sorted(positions)
    assert "Nieuwe vergadering" in page and "3 resultaten" in page

    geweest.status = "gehouden"
    geweest.save()
    assert (
        "1 resultaat"
        in regie_client.get(url("vergadering-list"), {"status": "gehouden"}).content.decode()
    )
    komend = regie_client.get(url("vergadering-list"), {"wanneer": "komend"}).content.decode()
    assert "2 resultaten" in komend
    jaar = regie_client.get(url("vergadering-list"), {"jaar": str(later.begin.year)})
    assert later.get_absolute_url() in jaar.content.decode()
    other = regie_client.get(url("vergadering-list"), {"gremium": historisch_gremium().pk})
    assert "0 resultaten" in other.content.decode()

    # The stuurgroep reads the list, without the button.
    assert "Nieuwe vergadering" not in stuur_client.get(url("vergadering-list")).content.decode()
    # The governance pages link to it.
    assert url("vergadering-list") in regie_client.get(url("gremium-list")).content.decode()


def test_the_list_of_another_samenwerkingsverband_is_not_found(demo, outsider):
    assert outsider.get(url("vergadering-list")).status_code == 404


# -- the form ------------------------------------------------------------------------------


def test_the_form_offers_current_gremia_and_members_as_chair(demo, regie_client):
    gremium = stuurgroep()
    page = regie_client.get(url("vergadering-create"), {"gremium": gremium.pk})
    form = page.context["form"]
    assert page.context["title"] == "Nieuwe vergadering"
    assert not form.fields["gremium"].queryset.filter(historisch=True).exists()
    assert form.fields["gremium"].queryset.filter(pk=gremium.pk).exists()
    assert set(form.fields["voorzitter"].queryset.values_list("naam", flat=True)) == {
        "Anka Meeuws",
        "Carla Dieteren",
        "Drs. P.P.H. (Paul) Sterk",
        "Frank van Beeck",
        "Leon Jeurninck",
        "Mart Jansen",
    }
    html = page.content.decode()
    # The members per gremium, for the script that offers them when another gremium is chosen.
    assert "data-leden=" in html and "js/voorzitter.js" in html
    leden = form.leden_per_gremium()
    assert sorted(naam for _, naam in leden[gremium.pk]) == [
        "Anka Meeuws",
        "Carla Dieteren",
        "Drs. P.P.H. (Paul) Sterk",
        "Frank van Beeck",
        "Leon Jeurninck",
        "Mart Jansen",
    ]
    assert historisch_gremium().pk not in leden
    # The button that adds agenda rows, in a static script (no inline JS), and the empty row.
    assert "Agendapunt toevoegen" in html and "js/formset.js" in html
    assert 'id="agendapunten-leeg"' in html and "agendapunten-__prefix__-titel" in html


def test_a_forged_post_with_a_historical_gremium_or_a_stranger_as_chair_saves_nothing(
    demo, regie_client
):
    oud = historisch_gremium()
    assert "Vergadering plannen" not in regie_client.get(oud.get_absolute_url()).content.decode()
    oud.vergaderingen_per_jaar = 4
    oud.save()
    response = regie_client.post(url("gremium-series", oud.pk), {"jaar": "2027"}, follow=True)
    assert "is een historisch gremium en vergadert niet meer" in response.content.decode()
    response = regie_client.post(url("vergadering-create"), meeting_data(oud))
    assert "een historisch gremium" in response.content.decode()

    vreemde = Persoon.objects.get(naam="H. Jansen")  # RST, not in the stuurgroep
    response = regie_client.post(
        url("vergadering-create"), meeting_data(stuurgroep(), voorzitter=vreemde)
    )
    assert "Kies als voorzitter een lid van het gremium" in response.content.decode()
    assert not Vergadering.objects.exists()


def test_a_member_whose_seat_ended_does_not_chair(demo, regie_client):
    gremium = stuurgroep()
    oud_lid = PersoonFactory(naam="Oud Lid")
    LidmaatschapFactory(
        gremium=gremium,
        persoon=oud_lid,
        vanaf=datetime.date(2016, 1, 1),
        tot=datetime.date(2020, 1, 1),
    )
    response = regie_client.post(
        url("vergadering-create"), meeting_data(gremium, voorzitter=oud_lid)
    )
    assert "Kies als voorzitter een lid van het gremium" in response.content.decode()
    assert not Vergadering.objects.exists()


def test_more_agenda_rows_than_the_form_showed_are_saved(demo, regie_client):
    rows = [{"volgorde": str(i), "titel": f"Punt {i}", "soort": "bespreking"} for i in range(1, 7)]
    data = meeting_data(stuurgroep(), voorzitter=Persoon.objects.get(naam="Carla Dieteren"))
    response = regie_client.post(url("vergadering-create"), data | agenda(rows))
    assert response.status_code == 302
    assert Agendapunt.objects.count() == 6
    edit = regie_client.get(url("vergadering-update", Vergadering.objects.get().pk))
    assert edit.context["title"] == "Vergadering bewerken"


def test_a_date_without_its_time_is_asked_for_again_and_dutch_text_is_read(demo, regie_client):
    """The browser sends nothing for a date typed without its time: the form asks for both
    (not just "verplicht"); typed as text the Dutch way, it is read."""
    voorzitter = Persoon.objects.get(naam="Carla Dieteren")
    data = meeting_data(stuurgroep(), voorzitter=voorzitter, begin="")
    response = regie_client.post(url("vergadering-create"), data)
    assert "Vul de datum én de begintijd van de vergadering in." in response.content.decode()
    data = meeting_data(stuurgroep(), voorzitter=voorzitter, begin="14-01-2027 10:00")
    assert regie_client.post(url("vergadering-create"), data).status_code == 302
    begin = Vergadering.objects.get().begin.astimezone(AMSTERDAM)
    assert begin == datetime.datetime(2027, 1, 14, 10, tzinfo=AMSTERDAM)


def test_the_tab_of_a_meeting_names_the_meeting(vergadering, regie_client, verstuurd):
    """Once the invitation went out, the tab's name was followed by the outbox's HTML."""
    verstuurd.post(regie_client, url("uitnodiging-versturen", vergadering.pk))
    page = regie_client.get(vergadering.get_absolute_url()).content.decode()
    assert "Verzendlijst" in page
    title = page.split("<title>")[1].split("</title>")[0]
    assert title == f"{vergadering} · Regiekamer"


# -- the PDFs ------------------------------------------------------------------------------


def test_the_uitnodiging_pdf(vergadering, stuur_client):
    page = stuur_client.get(vergadering.get_absolute_url()).content.decode()
    assert url("uitnodiging-pdf", vergadering.pk) in page
    response = stuur_client.get(url("uitnodiging-pdf", vergadering.pk))
    assert response["Content-Type"] == "application/pdf"
    assert "uitnodiging-stuurgroep-programmaorganisatie-2021" in response["Content-Disposition"]
    assert pdf_info(response.content)["lang"] == "nl"
    assert pdf_info(response.content)["tagged"]
    text = pdf_text(response.content)
    for expected in [
        "Uitnodiging Stuurgroep (programmaorganisatie 2021)",
        "dinsdag 14 januari 2025",
        "10:00–12:00 uur",
        "Stadhuis Weert",
        "Carla Dieteren",
        "Ter informatie",
        "Ter bespreking",
        "Ter besluitvorming",
        "Eerste verkenning van de kaders.",
        "Conceptbegroting 2026",
    ]:
        assert expected in text, expected


def test_the_besluitenlijst_of_a_meeting(vergadering, stuur_client, outsider):
    punt = vergadering.agendapunten.get(volgorde=3)
    BesluitFactory(
        gremium=vergadering.gremium, agendapunt=punt, tekst="De begroting is vastgesteld."
    )
    BesluitFactory(gremium=vergadering.gremium, tekst="Een besluit van een andere vergadering.")
    page = stuur_client.get(vergadering.get_absolute_url()).content.decode()
    assert url("vergadering-besluitenlijst", vergadering.pk) in page
    text = pdf_text(stuur_client.get(url("vergadering-besluitenlijst", vergadering.pk)).content)
    assert "De begroting is vastgesteld." in text and "Aangenomen" in text
    assert "3. Begroting 2026" in text
    assert "vergadering van dinsdag 14 januari 2025" in text
    assert "andere vergadering" not in text
    assert outsider.get(url("vergadering-besluitenlijst", vergadering.pk)).status_code == 404
    pdf = url("uitnodiging-pdf", vergadering.pk, sv="ANDER")
    assert outsider.get(pdf).status_code == 404


# -- sending, changing, cancelling ---------------------------------------------------------


def test_an_invitation_that_reached_nobody_does_not_say_it_went_out(
    vergadering, regie_client, verstuurd
):
    Persoon.objects.filter(lidmaatschappen__gremium=vergadering.gremium).update(email="")
    response = verstuurd.post(
        regie_client, url("uitnodiging-versturen", vergadering.pk), follow=True
    )
    page = response.content.decode()
    vergadering.refresh_from_db()
    assert vergadering.status == "gepland"  # not "Agenda verzonden"
    assert "aan niemand gemaild: van geen lid was een e-mailadres bekend" in page
    assert '<li class="message warning">' in page and verstuurd.inbox == []
    # Filled in afterwards: "opnieuw versturen" delivers, and the page counts it.
    dieteren = Persoon.objects.get(naam="Carla Dieteren")
    dieteren.email = "c.dieteren@nederweert.example"
    dieteren.save()
    bericht = Bericht.objects.get(ontvanger_naam="Carla Dieteren")
    verstuurd.post(regie_client, reverse("berichten:bericht-resend", args=["MLW", bericht.pk]))
    page = regie_client.get(vergadering.get_absolute_url()).content.decode()
    assert "per e-mail aan 1 van de 6 leden" in page


def test_the_confirmation_lists_who_receives_it_and_who_has_no_address(
    vergadering, regie_client, stuur_client, outsider, verstuurd, regie_user
):
    regie_user.first_name, regie_user.last_name = "Sanne", "de Vries"
    regie_user.email = "s.devries@weert.example"
    regie_user.save()
    versturen = url("uitnodiging-versturen", vergadering.pk)
    page = regie_client.get(versturen).content.decode()
    assert "c.dieteren@nederweert.example" in page and "m.jansen@leudal.example" in page
    assert "Zonder e-mailadres, dus niet verstuurd" in page and "Drs. P.P.H. (Paul) Sterk" in page
    assert "e-mailadres invullen" in page

    assert stuur_client.get(versturen).status_code == 403
    assert verstuurd.post(stuur_client, versturen).status_code == 403
    assert verstuurd.post(outsider, versturen).status_code == 404
    assert verstuurd.inbox == [] and not Bericht.objects.exists()

    response = verstuurd.post(regie_client, versturen, follow=True)
    vergadering.refresh_from_db()
    assert vergadering.status == "agenda_verzonden" and vergadering.is_uitgenodigd
    assert vergadering.volgnummer == 0
    onderwerp = "Uitnodiging Stuurgroep (programmaorganisatie 2021) 14 januari 2025"
    assert verstuurd.subjects() == [onderwerp, onderwerp]
    [message] = [m for m in verstuurd.inbox if m["To"] == "c.dieteren@nederweert.example"]
    body = text_of(message)
    assert "dinsdag 14 januari 2025, 10:00–12:00 uur, Stadhuis Weert" in body
    assert "3. Begroting 2026 – ter besluitvorming" in body
    assert "Sanne de Vries" in body and "Midden-Limburg West" in body
    found = attachments(message)
    pdf_name = "uitnodiging-stuurgroep-programmaorganisatie-2021-2025-01-14.pdf"
    assert set(found) == {pdf_name, "uitnodiging.ics"}
    assert "dinsdag 14 januari 2025" in pdf_text(found[pdf_name][1])
    ics, cal = ics_of(message)
    assert ics.get_content_type() == "text/calendar"
    assert ics.get_param("method") == "REQUEST"
    [event] = cal.walk("VEVENT")
    assert str(cal["method"]) == "REQUEST" and event["sequence"] == 0
    assert event.decoded("dtstart") == datetime.datetime(2025, 1, 14, 10, tzinfo=AMSTERDAM)
    assert len(event["attendee"]) == 2
    assert str(event["organizer"]) == "mailto:s.devries@weert.example"

    text = response.content.decode()
    assert "De uitnodiging is verstuurd. Per e-mail naar 2 leden van de Stuurgroep" in text
    geen_adres = text.split("Geen e-mailadres bekend van: ")[1].split("<")[0]
    assert "Drs. P.P.H. (Paul) Sterk" in geen_adres and "Frank van Beeck" in geen_adres
    # The meeting's page lists per member what became of the message.
    assert "Verzendlijst" in text and "niet verzonden: geen e-mailadres" in text
    assert (
        Bericht.objects.filter(soort="uitnodiging").count() == 6
    )  # every member of the 2021 stuurgroep


def update_data(vergadering, **changes):
    local = timezone.localtime(vergadering.begin)
    data = {
        "gremium": vergadering.gremium_id,
        "begin": f"{local:%Y-%m-%dT%H:%M}",
        "eind": f"{timezone.localtime(vergadering.eind):%Y-%m-%dT%H:%M}",
        "locatie": vergadering.locatie,
        "locatie_gemeente": "",
        "voorzitter": vergadering.voorzitter_id,
        "status": vergadering.status,
        "versie": vergadering.versie,
        "agendapunten-TOTAL_FORMS": "0",
        "agendapunten-INITIAL_FORMS": "0",
        "agendapunten-MIN_NUM_FORMS": "0",
        "agendapunten-MAX_NUM_FORMS": "1000",
    }
    return data | changes


def test_a_change_of_time_after_sending_sends_the_update(vergadering, regie_client, verstuurd):
    bewerken = url("vergadering-update", vergadering.pk)
    # Before the invitation went out, a change sends nothing.
    verstuurd.post(regie_client, bewerken, update_data(vergadering, locatie="Stadhuis, zaal 2"))
    vergadering.refresh_from_db()
    assert verstuurd.inbox == [] and vergadering.volgnummer == 0

    verstuurd.post(regie_client, url("uitnodiging-versturen", vergadering.pk))
    vergadering.refresh_from_db()
    uid = str(ics_of(verstuurd.inbox[0])[1].walk("VEVENT")[0]["uid"])
    verstuurd.inbox.clear()
    later = update_data(vergadering, begin="2025-01-14T13:00", eind="2025-01-14T15:00")
    response = verstuurd.post(regie_client, bewerken, later, follow=True)
    vergadering.refresh_from_db()
    assert vergadering.volgnummer == 1
    assert len(verstuurd.inbox) == 2
    assert all(s.startswith("Gewijzigd: Uitnodiging") for s in verstuurd.subjects())
    assert "13:00–15:00 uur" in text_of(verstuurd.inbox[0])
    _, cal = ics_of(verstuurd.inbox[0])
    [event] = cal.walk("VEVENT")
    assert str(event["uid"]) == uid and event["sequence"] == 1
    assert event.decoded("dtstart") == datetime.datetime(2025, 1, 14, 13, tzinfo=AMSTERDAM)
    assert "De tijd of plaats is gewijzigd na het versturen van de uitnodiging" in (
        response.content.decode()
    )
    # A change of something else (the chair) is no news for the calendars.
    sterk = Persoon.objects.get(naam="Drs. P.P.H. (Paul) Sterk")
    verstuurd.post(regie_client, bewerken, update_data(vergadering, voorzitter=sterk.pk))
    vergadering.refresh_from_db()
    assert vergadering.voorzitter == sterk and vergadering.volgnummer == 1
    assert len(verstuurd.inbox) == 2


def test_cancelling_asks_first_and_tells_who_had_the_invitation(
    vergadering, regie_client, stuur_client, outsider, verstuurd
):
    annuleren = url("vergadering-annuleren", vergadering.pk)
    assert verstuurd.post(stuur_client, annuleren).status_code == 403
    assert verstuurd.post(outsider, annuleren).status_code == 404
    stuur_page = stuur_client.get(vergadering.get_absolute_url()).content.decode()
    assert "Vergadering annuleren" not in stuur_page and "Uitnodiging versturen" not in stuur_page
    detail = regie_client.get(vergadering.get_absolute_url()).content.decode()
    assert "Vergadering annuleren" in detail and "Uitnodiging versturen" in detail

    verstuurd.post(regie_client, url("uitnodiging-versturen", vergadering.pk))
    page = regie_client.get(annuleren).content.decode()
    assert "Ja, vergadering annuleren" in page and "c.dieteren@nederweert.example" in page
    vergadering.refresh_from_db()
    assert vergadering.status == "agenda_verzonden"  # the page only asks

    verstuurd.inbox.clear()
    response = verstuurd.post(regie_client, annuleren, follow=True)
    vergadering.refresh_from_db()
    assert vergadering.status == "geannuleerd" and vergadering.volgnummer == 1
    assert len(verstuurd.inbox) == 2
    assert all(s.startswith("Vervallen: Uitnodiging") for s in verstuurd.subjects())
    ics, cal = ics_of(verstuurd.inbox[0])
    assert ics.get_param("method") == "CANCEL"
    [event] = cal.walk("VEVENT")
    assert str(cal["method"]) == "CANCEL" and str(event["status"]) == "CANCELLED"
    assert event["sequence"] == 1
    assert "niet doorgaat" in text_of(verstuurd.inbox[0])
    assert set(attachments(verstuurd.inbox[0])) == {"uitnodiging.ics"}
    text = response.content.decode()
    assert "De vergadering is geannuleerd. De leden krijgen de afzegging." in text
    assert "Deze vergadering is geannuleerd." in text
    # Nothing more goes out for a cancelled meeting.
    verstuurd.inbox.clear()
    verstuurd.post(regie_client, url("uitnodiging-versturen", vergadering.pk))
    verstuurd.post(regie_client, annuleren)
    assert verstuurd.inbox == []


def test_cancelling_before_sending_sends_nothing(vergadering, regie_client, verstuurd):
    verstuurd.post(regie_client, url("vergadering-annuleren", vergadering.pk))
    vergadering.refresh_from_db()
    assert vergadering.status == "geannuleerd" and verstuurd.inbox == []
    assert not Bericht.objects.exists()


# -- the besluit from an agendapunt --------------------------------------------------------


def test_the_besluit_form_preselects_the_agendapunt_ter_besluitvorming(vergadering, regie_client):
    punt = vergadering.agendapunten.get(volgorde=3)
    page = regie_client.get(vergadering.get_absolute_url()).content.decode()
    assert f"?agendapunt={punt.pk}" in page
    form = regie_client.get(url("besluit-create"), {"agendapunt": punt.pk}).context["form"]
    assert form.initial["agendapunt"] == punt
    assert form.initial["gremium"] == vergadering.gremium
    assert form.initial["datum"] == datetime.date(2025, 1, 14)
    # From the meeting: its item ter besluitvorming, not its first item.
    form = regie_client.get(url("besluit-create"), {"vergadering": vergadering.pk}).context["form"]
    assert form.initial["agendapunt"] == punt

    elders = AgendapuntFactory(titel="Geheim punt elders")  # another samenwerkingsverband
    response = regie_client.get(url("besluit-create"), {"agendapunt": elders.pk})
    assert response.status_code == 200
    assert "agendapunt" not in response.context["form"].initial
    assert "Geheim punt elders" not in response.content.decode()


# -- a person's e-mail address -------------------------------------------------------------


def test_the_regiegroep_fills_in_an_e_mail_address(
    vergadering, regie_client, stuur_client, outsider
):
    sterk = Persoon.objects.get(naam="Drs. P.P.H. (Paul) Sterk")
    gremium_page = regie_client.get(vergadering.gremium.get_absolute_url()).content.decode()
    bewerken = url("persoon-update", sterk.pk)
    assert bewerken in gremium_page and "geen e-mailadres" in gremium_page
    assert bewerken not in stuur_client.get(vergadering.gremium.get_absolute_url()).content.decode()
    page = regie_client.get(bewerken)
    assert page.context["title"] == "Persoon bewerken"

    data = {
        "naam": sterk.naam,
        "functie": sterk.functie,
        "gemeente": sterk.gemeente_id or "",
        "organisatie": sterk.organisatie,
        "email": "p.sterk@weert.example",
        "versie": sterk.versie,
    }
    assert stuur_client.post(bewerken, data).status_code == 403
    assert outsider.post(url("persoon-update", sterk.pk, sv="ANDER"), data).status_code == 404
    sterk.refresh_from_db()
    assert sterk.email == ""

    response = regie_client.post(
        bewerken + f"?terug={vergadering.gremium.get_absolute_url()}", data
    )
    assert response.url == vergadering.gremium.get_absolute_url()
    sterk.refresh_from_db()
    assert sterk.email == "p.sterk@weert.example"
    response = regie_client.post(bewerken, data | {"email": "geen adres", "versie": sterk.versie})
    assert "Voer een geldig e-mailadres in." in response.content.decode()
    # A person of no gremium or gemeente of this samenwerkingsverband is not found here.
    vreemde = PersoonFactory()
    assert regie_client.get(url("persoon-update", vreemde.pk)).status_code == 404
    assert Lidmaatschap.objects.filter(persoon=sterk).exists()
