"""Sending from the pages, as the regiegroep does it, against the tests' SMTP server: the
voortgangsrapportage to the stuurgroep, the raadsinformatiebrief to the griffie, an action to
its owner and its reminder; the outbox on the page, "opnieuw versturen", and who may."""

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from berichten.models import Bericht
from brieven.opstellen import draft_letter
from governance.models import Actiepunt, Gremium, Persoon
from governance.query import stuurgroepleden
from partijen.models import Gemeente, Samenwerkingsverband
from programma.voortgang import draft_report
from tests.berichten.factories import BerichtFactory, actiepunt_post
from tests.brieven.factories import complete_letterhead
from tests.pdfs import pdf_text
from tests.programma.helpers import plan
from tests.querycount import LARGE
from tests.smtp import attachments, free_port, text_of, use_smtp

pytestmark = pytest.mark.django_db


def mlw():
    return Samenwerkingsverband.objects.get(afkorting="MLW")


def text(response) -> str:
    return response.content.decode()


def give_addresses(personen, skip=()):
    for persoon in personen:
        if persoon.naam not in skip:
            persoon.email = f"{persoon.pk}@gemeente.example"
            persoon.save()


def test_a_report_goes_to_every_member_of_the_stuurgroep_with_its_pdf(
    demo, regie_client, smtp, media, django_capture_on_commit_callbacks
):
    leden = stuurgroepleden(mlw())
    assert len(leden) >= 3
    zonder = leden[0].naam
    give_addresses(leden, skip={zonder})
    report = draft_report(plan(), date(2021, 10, 31), "september-oktober 2021")
    freeze = reverse("programma:rapportage-freeze", args=["MLW", report.pk])
    confirm = text(regie_client.get(freeze))
    assert f"{zonder}: <strong>geen e-mailadres</strong>" in confirm

    with django_capture_on_commit_callbacks(execute=True):
        regie_client.post(freeze)
    page = text(regie_client.get(report.get_absolute_url()))
    assert f"Per e-mail naar {len(leden) - 1} leden van de stuurgroep" in page
    assert f"Geen e-mailadres bekend van: {zonder}" in page
    assert len(smtp.inbox.messages) == len(leden) - 1
    message = smtp.inbox.messages[0]
    assert message["Subject"] == "Voortgangsrapportage september-oktober 2021 - " + mlw().naam
    assert "Beste leden van de stuurgroep" in text_of(message)
    ((naam, (soort, pdf)),) = attachments(message).items()
    assert naam == "voortgang-MLW.pdf" and soort == "application/pdf"
    assert "september-oktober 2021" in pdf_text(pdf)
    # The outbox on the report's page: each member, with the truth about each.
    assert page.count(">verzonden</span>") == len(leden) - 1
    assert ">niet verzonden: geen e-mailadres</span>" in page
    assert "Opnieuw versturen" in page


def test_a_report_is_not_sent_to_a_stuurgroep_without_members(demo, regie_client):
    Gremium.objects.filter(samenwerkingsverband=mlw(), soort="stuurgroep").update(historisch=True)
    report = draft_report(plan(), date(2021, 10, 31), "september-oktober 2021")
    response = regie_client.post(
        reverse("programma:rapportage-freeze", args=["MLW", report.pk]), follow=True
    )
    assert "De stuurgroep van dit samenwerkingsverband heeft geen leden" in text(response)
    report.refresh_from_db()
    assert not report.is_frozen and not Bericht.objects.exists()


def test_a_letter_goes_to_the_griffie_with_a_copy_to_the_sender(
    demo, regie_client, regie_user, smtp, media, django_capture_on_commit_callbacks
):
    regie_user.email = "regie@weert.example"
    regie_user.save()
    weert = Gemeente.objects.get(naam="Weert")
    weert.email_raadspost = "griffie@weert.example"
    weert.save()
    brief = draft_letter(mlw(), weert)
    brief.onderwerp = "Samenwerking sociaal domein"
    brief.besluitdatum = date(2026, 3, 3)  # the standard text names the college's decision
    brief.full_clean()
    brief.save()
    send = reverse("brieven:brief-send", args=["MLW", brief.pk])
    assert "griffie@weert.example" in text(regie_client.get(send))
    with django_capture_on_commit_callbacks(execute=True):
        regie_client.post(send)
    page = text(regie_client.get(brief.get_absolute_url()))
    assert ">verzonden</span>" in page
    assert (
        "Per e-mail naar 1 griffie" in page and "U krijgt een kopie op regie@weert.example." in page
    )
    (griffie,) = smtp.inbox.to("griffie@weert.example")
    assert griffie["Subject"] == "Raadsinformatiebrief: Samenwerking sociaal domein"
    assert "gemeenteraad van Weert" in text_of(griffie)
    ((_, (_, pdf)),) = attachments(griffie).items()
    assert "Samenwerking sociaal domein" in pdf_text(pdf)
    (kopie,) = smtp.inbox.to("regie@weert.example")
    assert kopie["Subject"] == "Kopie: Raadsinformatiebrief: Samenwerking sociaal domein"


def test_a_letter_to_a_gemeente_without_council_address_says_so(
    demo, regie_client, smtp, media, django_capture_on_commit_callbacks
):
    complete_letterhead(Gemeente.objects.get(naam="Leudal"))
    brief = draft_letter(mlw(), Gemeente.objects.get(naam="Leudal"))
    brief.besluitdatum = date(2026, 3, 3)  # the standard text names the college's decision
    brief.save()
    send = reverse("brieven:brief-send", args=["MLW", brief.pk])
    assert "geen e-mailadres voor raadspost bekend" in text(regie_client.get(send))
    with django_capture_on_commit_callbacks(execute=True):
        page = text(regie_client.post(send, follow=True))
    assert "Geen e-mailadres bekend van: Griffie Leudal" in page
    assert '<li class="message warning">De brief is vastgelegd' in page  # not a success
    assert smtp.inbox.messages == []
    # The verzendlijst says where the address is filled in.
    leudal = Gemeente.objects.get(naam="Leudal")
    edit = reverse("gemeenten:gemeente-update", args=[leudal.pk])
    assert f'<a href="{edit}?terug=' in page and ">e-mailadres invullen</a>" in page
    # The status says the text is fixed; the page and the list say the council has nothing yet.
    assert "<strong>Aan de griffie: niet verzonden: geen e-mailadres</strong>" in page
    lijst = text(regie_client.get(reverse("brieven:brief-list", args=["MLW"])))
    assert "Verzonden (aan de griffie niet verzonden: geen e-mailadres)" in lijst


def test_the_owner_hears_of_an_action_and_is_reminded_once_when_it_is_overdue(
    demo, regie_client, smtp, media, django_capture_on_commit_callbacks
):
    # A current gremium: the actions of one that no longer exists are not reminded of.
    gremium = Gremium.objects.huidig().filter(samenwerkingsverband=mlw(), soort="rst").first()
    eigenaar = Persoon.objects.filter(lidmaatschappen__gremium=gremium).first()
    eigenaar.email = "g.poell@weert.example"
    eigenaar.save()
    data = actiepunt_post(gremium, eigenaar, "Planning evaluatie uitwerken")
    with django_capture_on_commit_callbacks(execute=True):
        response = regie_client.post(reverse("governance:actiepunt-create", args=["MLW"]), data)
    assert response.status_code == 302, text(response)
    page = text(regie_client.get(response.url))
    assert "Per e-mail naar 1 eigenaar" in page
    (message,) = smtp.inbox.to("g.poell@weert.example")
    assert message["Subject"] == "Actie voor u: Planning evaluatie uitwerken"
    assert "Uiterste datum: " in text_of(message)

    actiepunt = Actiepunt.objects.get(omschrijving="Planning evaluatie uitwerken")
    Actiepunt.objects.filter(pk=actiepunt.pk).update(deadline=timezone.localdate() - timedelta(1))
    for _ in range(2):  # the daily command, twice: one reminder
        with django_capture_on_commit_callbacks(execute=True):
            call_command("herinner_acties", stdout=StringIO())
    reminders = [m for m in smtp.inbox.to("g.poell@weert.example") if "Herinnering" in m["Subject"]]
    assert len(reminders) == 1
    assert "De uiterste datum van deze actie" in text_of(reminders[0])


def test_opnieuw_versturen_is_for_the_regiegroep_of_that_samenwerkingsverband(
    demo, regie_client, stuur_client, smtp, settings, media, django_capture_on_commit_callbacks
):
    persoon = Persoon.objects.filter(lidmaatschappen__gremium__samenwerkingsverband=mlw()).first()
    persoon.email = "lid@leudal.example"
    persoon.save()
    gremium = Gremium.objects.filter(samenwerkingsverband=mlw()).first()
    use_smtp(settings, free_port())
    with django_capture_on_commit_callbacks(execute=True):
        bericht = BerichtFactory(over=gremium, ontvanger_email="", bron=persoon)
    assert bericht.status == "geen_adres"
    resend = reverse("berichten:bericht-resend", args=["MLW", bericht.pk])

    assert stuur_client.post(resend).status_code == 403
    other = BerichtFactory()  # another samenwerkingsverband's: not found for this address
    assert (
        regie_client.post(reverse("berichten:bericht-resend", args=["MLW", other.pk])).status_code
        == 404
    )
    assert regie_client.get(resend).status_code == 405

    use_smtp(settings, smtp.port)
    with django_capture_on_commit_callbacks(execute=True):
        response = regie_client.post(resend, {"terug": "https://elders.example/"})
    assert response.url == gremium.get_absolute_url()  # never back to another site
    assert len(smtp.inbox.to("lid@leudal.example")) == 1
    assert Bericht.objects.with_status().get(pk=bericht.pk).status == "verzonden"


def test_the_outbox_page_lists_and_filters_in_a_fixed_number_of_queries(
    demo, regie_client, django_assert_max_num_queries
):
    """The number of queries does not grow with the rows (a link per row goes through a
    redirect, not through each subject's own address)."""
    gremium = Gremium.objects.filter(samenwerkingsverband=mlw()).first()
    BerichtFactory(over=gremium, ontvanger_naam="Ilse Sterk")
    BerichtFactory(over=gremium, ontvanger_naam="Jos Dieteren", ontvanger_email="")
    lijst = reverse("berichten:bericht-list", args=["MLW"])
    with django_assert_max_num_queries(LARGE) as two_rows:
        page = text(regie_client.get(lijst))
    queries = len(two_rows)  # now: the next request empties the log it reads
    assert "Ilse Sterk" in page and "Jos Dieteren" in page
    assert "niet verzonden: geen e-mailadres" in page
    page = text(regie_client.get(lijst, {"status": "geen_adres"}))
    assert "Jos Dieteren" in page and "Ilse Sterk" not in page
    BerichtFactory.create_batch(5, over=gremium)
    with django_assert_max_num_queries(queries):
        page = text(regie_client.get(lijst))
    assert page.count("/onderwerp/") == 7
    link = reverse("berichten:bericht-onderwerp", args=["MLW", Bericht.objects.first().pk])
    assert regie_client.get(link).url == gremium.get_absolute_url()
