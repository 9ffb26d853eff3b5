"""The outbox attacked, as an attacker and as a careless user would: other samenwerkingsverbanden'
users, forged and repeated POSTs, header injection through user text, odd addresses, the admin,
the daily reminder. What held is kept here too, so that it keeps holding."""

import threading
from datetime import date, timedelta
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from post_office.models import STATUS, Email

from berichten.constants import Berichtsoort
from berichten.models import Bericht
from berichten.verzenden import Ontvanger, send_now, verstuur
from governance.meldingen import remind_overdue
from governance.models import Actiepunt, Gremium
from governance.query import stuurgroepleden
from partijen.models import Samenwerkingsverband, Toegang
from programma.models import Voortgangsrapportage
from programma.voortgang import draft_report
from regiekamer.roles import BEHEERDER, GEMEENTE, REGIEGROEP, STUURGROEP
from tests.berichten.factories import BerichtFactory, actiepunt_post
from tests.brieven.factories import complete_letterhead
from tests.governance.factories import GremiumFactory, PersoonFactory
from tests.programma.helpers import plan
from tests.smtp import free_port, use_smtp

pytestmark = pytest.mark.django_db


def mlw():
    return Samenwerkingsverband.objects.get(afkorting="MLW")


def text(response) -> str:
    return response.content.decode()


def posted(client, url, capture) -> str:
    """The page after a POST (what it says), with what it sends sent."""
    with capture(execute=True):
        return text(client.post(url, follow=True))


def client_of(django_user_model, username, *rollen, svs=(), stuurgroep=(), gemeente=None):
    user = django_user_model.objects.create_user(username=username, is_staff=True)
    user.groups.set(Group.objects.filter(name__in=rollen))
    toegang = Toegang.objects.create(gebruiker=user, gemeente=gemeente)
    toegang.samenwerkingsverbanden.set(svs)
    toegang.stuurgroep_samenwerkingsverbanden.set(stuurgroep)
    client = Client()
    client.force_login(user)
    return user, client


def send(gremium, ontvangers, afzender=None, onderwerp="Uitnodiging stuurgroep"):
    return verstuur(
        over=gremium,
        samenwerkingsverband=gremium.samenwerkingsverband,
        soort=Berichtsoort.UITNODIGING,
        ontvangers=ontvangers,
        onderwerp=onderwerp,
        tekst="Beste leden,",
        afzender=afzender,
    )


# --- Who may resend, and where it leads -------------------------------------------------------


def test_resend_answers_only_the_regiegroep_of_the_messages_own_samenwerkingsverband(
    demo, django_user_model
):
    """Another samenwerkingsverband's regiegroep, a stuurgroep member, an official of a gemeente
    in it, and a user with places in two samenwerkingsverbanden who puts afkorting A in the URL
    with a message of B: none of them resends (404 or 403), nothing is queued."""
    gremium = Gremium.objects.filter(samenwerkingsverband=mlw()).first()
    bericht = BerichtFactory(over=gremium, ontvanger_email="")
    other = BerichtFactory()  # in a samenwerkingsverband of its own
    ander = other.samenwerkingsverband
    weert = mlw().gemeenten.get(naam="Weert")
    _, regie_ander = client_of(django_user_model, "regie-ander", REGIEGROEP, svs=[ander])
    _, stuur = client_of(django_user_model, "stuur-mlw", STUURGROEP, svs=[mlw()])
    _, ambtenaar = client_of(django_user_model, "ambtenaar-weert", GEMEENTE, gemeente=weert)
    _, twee = client_of(
        django_user_model, "twee-plekken", REGIEGROEP, STUURGROEP, svs=[ander], stuurgroep=[mlw()]
    )

    def resend(client, afkorting, pk):
        return client.post(reverse("berichten:bericht-resend", args=[afkorting, pk])).status_code

    assert resend(regie_ander, "MLW", bericht.pk) == 404
    assert resend(stuur, "MLW", bericht.pk) == 403
    assert resend(ambtenaar, "MLW", bericht.pk) == 403
    assert resend(twee, "MLW", bericht.pk) == 403  # only a stuurgroep place in MLW
    assert resend(twee, ander.afkorting, bericht.pk) == 404  # A's address, B's message
    assert resend(regie_ander, ander.afkorting, bericht.pk) == 404
    # Nor the outbox of a samenwerkingsverband one takes no part in, nor its redirect.
    assert regie_ander.get(reverse("berichten:bericht-list", args=["MLW"])).status_code == 404
    onderwerp = reverse("berichten:bericht-onderwerp", args=[ander.afkorting, bericht.pk])
    assert regie_ander.get(onderwerp).status_code == 404
    bericht.email.refresh_from_db()
    assert bericht.email.status == STATUS.failed and bericht.email.logs.count() == 0


def test_resend_needs_the_csrf_token(demo, regie_user):
    gremium = Gremium.objects.filter(samenwerkingsverband=mlw()).first()
    bericht = BerichtFactory(over=gremium, ontvanger_email="")
    client = Client(enforce_csrf_checks=True)
    client.force_login(regie_user)
    response = client.post(reverse("berichten:bericht-resend", args=["MLW", bericht.pk]))
    assert response.status_code == 403


@pytest.mark.parametrize(
    "terug",
    [
        "https://elders.example/",
        "//elders.example/",
        "/\\elders.example/",
        "\\\\elders.example",
        "javascript:alert(1)",
        "https:elders.example",
        " //elders.example",
        "http://testserver@elders.example/",
    ],
)
def test_resend_never_leads_to_another_site(demo, regie_client, terug):
    gremium = Gremium.objects.filter(samenwerkingsverband=mlw()).first()
    bericht = BerichtFactory(over=gremium)  # already sent: the page only says so
    response = regie_client.post(
        reverse("berichten:bericht-resend", args=["MLW", bericht.pk]), {"terug": terug}
    )
    assert response.url == gremium.get_absolute_url()


def test_a_message_that_went_out_is_not_sent_again_by_a_forged_resend(
    demo, regie_client, smtp, django_capture_on_commit_callbacks
):
    gremium = Gremium.objects.filter(samenwerkingsverband=mlw()).first()
    with django_capture_on_commit_callbacks(execute=True):
        (bericht,) = send(gremium, [Ontvanger("Ilse Sterk", "i.sterk@weert.example")])
    assert len(smtp.inbox.messages) == 1
    url = reverse("berichten:bericht-resend", args=["MLW", bericht.pk])
    page = posted(regie_client, url, django_capture_on_commit_callbacks)
    assert "Het bericht aan Ilse Sterk is al verzonden." in page
    assert len(smtp.inbox.messages) == 1


def test_a_queued_message_is_not_called_sent(
    demo, regie_client, settings, smtp, django_capture_on_commit_callbacks
):
    """With the worker (EMAIL_QUEUE) a message waits in the outbox; a second "opnieuw
    versturen" (a double click) neither queues it twice nor says it went out."""
    settings.EMAIL_QUEUE = True
    gremium = Gremium.objects.filter(samenwerkingsverband=mlw()).first()
    with django_capture_on_commit_callbacks(execute=True):
        (bericht,) = send(gremium, [Ontvanger("Ilse Sterk", "i.sterk@weert.example")])
    url = reverse("berichten:bericht-resend", args=["MLW", bericht.pk])
    page = posted(regie_client, url, django_capture_on_commit_callbacks)
    assert "al verzonden" not in page
    assert "Het bericht aan Ilse Sterk staat al in de wachtrij" in page
    assert smtp.inbox.messages == []


def test_sending_the_same_messages_twice_delivers_them_once(
    gremium_with_members, smtp, django_capture_on_commit_callbacks
):
    """Two requests that both hand the same stored messages to the mail server (a double click
    on "opnieuw versturen" that both saw "mislukt"): each message goes out once."""
    gremium = gremium_with_members
    with django_capture_on_commit_callbacks(execute=True):
        berichten = send(gremium, [Ontvanger("Ilse Sterk", "i.sterk@weert.example")])
    send_now([b.email_id for b in berichten])
    assert len(smtp.inbox.messages) == 1


@pytest.fixture
def gremium_with_members(db):
    return GremiumFactory(naam="Stuurgroep Sociaal Domein", soort="stuurgroep")


def test_resend_goes_to_the_address_the_person_has_today_and_says_which(
    demo, regie_client, smtp, django_capture_on_commit_callbacks
):
    """The address of the person was changed since (to someone else's): the resend goes to the
    address the row gives today, and the page names that address, so nobody is misled."""
    gremium = Gremium.objects.filter(samenwerkingsverband=mlw()).first()
    persoon = PersoonFactory(naam="Ilse Sterk", email="")
    bericht = BerichtFactory(over=gremium, ontvanger_naam="Ilse Sterk", ontvanger_email="")
    bericht.bron = persoon
    bericht.save()
    persoon.email = "secretariaat@weert.example"
    persoon.save()
    url = reverse("berichten:bericht-resend", args=["MLW", bericht.pk])
    page = posted(regie_client, url, django_capture_on_commit_callbacks)
    assert "Ilse Sterk (secretariaat@weert.example)" in page
    assert [m.envelope_to for m in smtp.inbox.messages] == [["secretariaat@weert.example"]]


# --- Header injection -------------------------------------------------------------------------


def test_a_line_break_in_the_senders_name_does_not_break_or_add_headers(
    gremium_with_members, regie_user, smtp, django_capture_on_commit_callbacks
):
    regie_user.first_name = "Petra\r\nBcc: spion@elders.example"
    regie_user.last_name = "de\nRegisseur"
    regie_user.email = "petra@weert.example"
    regie_user.save()
    with django_capture_on_commit_callbacks(execute=True):
        (bericht,) = send(
            gremium_with_members,
            [Ontvanger("Ilse Sterk", "i.sterk@weert.example")],
            afzender=regie_user,
            onderwerp="Periode\r\nBcc: spion@elders.example",
        )
    assert Bericht.objects.with_status().get(pk=bericht.pk).status == "verzonden"
    (message,) = smtp.inbox.messages
    assert message.envelope_to == ["i.sterk@weert.example"]
    assert message["Bcc"] is None
    assert message["Subject"] == "Periode Bcc: spion@elders.example"
    assert "\n" not in message["From"] and "Petra Bcc:" in message["From"]
    assert message["Reply-To"] == "petra@weert.example"


def test_an_actions_omschrijving_reaches_the_subject_on_one_line(
    demo, regie_client, smtp, media, django_capture_on_commit_callbacks
):
    gremium = Gremium.objects.filter(samenwerkingsverband=mlw()).first()
    eigenaar = PersoonFactory(naam="Gerard\nPoell", email="g.poell@weert.example")
    data = actiepunt_post(gremium, eigenaar, "Planning\r\nBcc: spion@elders.example\r\n\r\nnep")
    # The owner must be someone the form offers: a member of a gremium of MLW.
    eigenaar.lidmaatschappen.create(gremium=gremium, rol="lid", vanaf=date(2020, 1, 1))
    with django_capture_on_commit_callbacks(execute=True):
        response = regie_client.post(reverse("governance:actiepunt-create", args=["MLW"]), data)
    assert response.status_code == 302, text(response)
    (message,) = smtp.inbox.messages
    assert message["Bcc"] is None and message.envelope_to == ["g.poell@weert.example"]
    assert message["Subject"] == "Actie voor u: Planning Bcc: spion@elders.example nep"


# --- Odd addresses ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "adres",
    [
        "a@b.c, x@y.z",
        "a@b.example\nBcc: x@y.example",
        "a@b.example\r\n",
        "Jan <jan@b.example>",
        "a@b.example;x@y.example",
        "jöran@b.example",
    ],
)
def test_an_address_field_takes_one_plain_address(db, adres):
    persoon = PersoonFactory(email="")
    persoon.email = adres
    with pytest.raises(ValidationError):
        persoon.full_clean()


def test_an_international_domain_name_is_delivered(
    gremium_with_members, smtp, django_capture_on_commit_callbacks
):
    persoon = PersoonFactory(email="jan@bücher.example")
    persoon.full_clean()
    with django_capture_on_commit_callbacks(execute=True):
        send(gremium_with_members, [Ontvanger("Jan", persoon.email, persoon)])
    (message,) = smtp.inbox.messages
    assert message.envelope_to == ["jan@xn--bcher-kva.example"]


# --- The admin --------------------------------------------------------------------------------


@pytest.mark.parametrize("rol", [BEHEERDER, REGIEGROEP, STUURGROEP, GEMEENTE])
def test_post_office_has_no_admin_pages_for_anyone(
    admin_for_every_role, db, django_user_model, rol
):
    """The outbox is read per samenwerkingsverband on its own page; post-office's pages (the
    e-mails, their attachments and the log of attempts, with addresses and server answers of
    every samenwerkingsverband) are not in the admin, not even for the beheerder: the
    beheerder reads each samenwerkingsverband's outbox like the others."""
    user = django_user_model.objects.create_user(username=f"admin-{rol}", is_staff=True)
    user.groups.set(Group.objects.filter(name=rol))
    client = Client()
    client.force_login(user)
    index = text(client.get("/admin/"))
    assert "post_office" not in index
    for model in ("email", "log", "attachment", "emailtemplate"):
        assert client.get(f"/admin/post_office/{model}/").status_code == 404, model


# --- Sending a report: double click, refusal --------------------------------------------------


def test_a_double_click_on_versturen_freezes_and_sends_once(
    demo, regie_client, smtp, media, django_capture_on_commit_callbacks
):
    leden = stuurgroepleden(mlw())
    for persoon in leden:
        persoon.email = f"{persoon.pk}@gemeente.example"
        persoon.save()
    report = draft_report(plan(), date(2021, 10, 31), "september-oktober 2021")
    freeze = reverse("programma:rapportage-freeze", args=["MLW", report.pk])
    with django_capture_on_commit_callbacks(execute=True):
        regie_client.post(freeze)
    page = posted(regie_client, freeze, django_capture_on_commit_callbacks)
    assert "Deze rapportage is verzonden aan de stuurgroep en verandert niet meer." in page
    assert len(smtp.inbox.messages) == len(leden)
    assert Bericht.objects.over(report).count() == len(leden)
    assert Voortgangsrapportage.history.filter(id=report.pk, status="vastgesteld").count() == 1


def test_a_refused_report_leaves_nothing_half_saved(demo, regie_client):
    Gremium.objects.filter(samenwerkingsverband=mlw(), soort="stuurgroep").update(historisch=True)
    report = draft_report(plan(), date(2021, 10, 31), "september-oktober 2021")
    page = text(
        regie_client.post(
            reverse("programma:rapportage-freeze", args=["MLW", report.pk]), follow=True
        )
    )
    assert (
        "heeft geen leden" in page and "verzonden" not in page.split("heeft geen leden")[0][-200:]
    )
    report.refresh_from_db()
    assert not report.is_frozen
    assert not Bericht.objects.exists() and not Email.objects.exists()


# --- The daily reminder -----------------------------------------------------------------------


def overdue_action(gremium, eigenaar):
    return Actiepunt.objects.create(
        gremium=gremium,
        omschrijving="Evaluatie uitwerken",
        eigenaar=eigenaar,
        deadline=timezone.localdate() - timedelta(days=2),
        status="open",
    )


def remind(django_capture_on_commit_callbacks) -> str:
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("herinner_acties", stdout=out)
    return out.getvalue()


def test_the_reminder_is_sent_once_also_when_the_first_one_failed(
    gremium_with_members, smtp, settings, django_capture_on_commit_callbacks
):
    eigenaar = PersoonFactory(email="g.poell@weert.example")
    overdue_action(gremium_with_members, eigenaar)
    use_smtp(settings, free_port())  # the mail server is down today
    remind(django_capture_on_commit_callbacks)
    use_smtp(settings, smtp.port)
    out = remind(django_capture_on_commit_callbacks)
    assert "0 herinnering(en) aangemaakt." in out
    assert smtp.inbox.messages == []  # the failed one waits for "opnieuw versturen"
    assert Bericht.objects.filter(soort=Berichtsoort.HERINNERING).count() == 1


def test_no_reminder_for_an_action_of_a_historical_gremium(
    db, smtp, django_capture_on_commit_callbacks
):
    """A gremium that no longer exists has no secretary to report to and no list the action
    is on: its open actions are not reminded of every morning."""
    gremium = GremiumFactory(historisch=True)
    overdue_action(gremium, PersoonFactory(email="g.poell@weert.example"))
    out = remind(django_capture_on_commit_callbacks)
    assert smtp.inbox.messages == []
    assert "0 herinnering(en) aangemaakt." in out


# --- What the page says -----------------------------------------------------------------------


def test_a_report_that_reached_nobody_by_mail_is_not_called_sent(
    demo, regie_client, smtp, media, django_capture_on_commit_callbacks
):
    for persoon in stuurgroepleden(mlw()):
        persoon.email = ""
        persoon.save()
    report = draft_report(plan(), date(2021, 10, 31), "september-oktober 2021")
    freeze = reverse("programma:rapportage-freeze", args=["MLW", report.pk])
    page = posted(regie_client, freeze, django_capture_on_commit_callbacks)
    assert smtp.inbox.messages == []
    assert "De rapportage is vastgelegd; er is niets per e-mail verstuurd" in page
    assert "verstuurd aan de stuurgroep" not in page


def test_a_letter_that_reached_no_griffie_is_not_called_sent_to_the_council(
    demo, regie_client, regie_user, smtp, media, django_capture_on_commit_callbacks
):
    from brieven.opstellen import draft_letter
    from partijen.models import Gemeente

    regie_user.email = "regie@weert.example"  # the copy goes out, the letter does not
    regie_user.save()
    complete_letterhead(Gemeente.objects.get(naam="Leudal"))
    brief = draft_letter(mlw(), Gemeente.objects.get(naam="Leudal"))
    brief.besluitdatum = date(2026, 3, 3)  # the standard text names the college's decision
    brief.save()
    send = reverse("brieven:brief-send", args=["MLW", brief.pk])
    page = posted(regie_client, send, django_capture_on_commit_callbacks)
    assert "Verzonden aan de gemeenteraad" not in page
    assert (
        "De brief is vastgelegd (tekst en bedragen veranderen niet meer); er is niets per e-mail"
        in page
    )
    assert "U krijgt een kopie op regie@weert.example." in page


def test_resend_about_something_deleted_since_returns_to_the_outbox(demo, regie_client):
    gremium = GremiumFactory(samenwerkingsverband=mlw())
    bericht = BerichtFactory(over=gremium, ontvanger_email="")
    gremium.delete()
    response = regie_client.post(reverse("berichten:bericht-resend", args=["MLW", bericht.pk]))
    assert response.status_code == 302
    assert response.url == reverse("berichten:bericht-list", args=["MLW"])


def test_a_message_cleaned_up_by_post_office_is_not_called_without_address(
    demo, regie_client, django_capture_on_commit_callbacks
):
    """``manage.py cleanup_mail`` (post-office's, for old mail) deletes the stored e-mail: the
    outbox row stays, and must not claim there was no address nor offer a resend that breaks."""
    gremium = Gremium.objects.filter(samenwerkingsverband=mlw()).first()
    bericht = BerichtFactory(over=gremium, ontvanger_naam="Ilse Sterk")
    call_command("cleanup_mail", days=0, stdout=StringIO())
    bericht = Bericht.objects.with_status().get(pk=bericht.pk)
    assert bericht.email_id is None
    assert bericht.status == "opgeruimd" and not bericht.may_resend
    lijst = reverse("berichten:bericht-list", args=["MLW"])
    page = text(regie_client.get(lijst, {"status": "opgeruimd"}))
    assert "Ilse Sterk" in page and ">niet meer bewaard<" in page.replace("</td>", "<")
    assert "Ilse Sterk" not in text(regie_client.get(lijst, {"status": "geen_adres"}))
    resend = reverse("berichten:bericht-resend", args=["MLW", bericht.pk])
    page = posted(regie_client, resend, django_capture_on_commit_callbacks)
    assert "Het bericht aan Ilse Sterk is niet meer bewaard" in page


def test_a_name_with_quotes_commas_and_accents_stays_a_name_in_from(
    gremium_with_members, regie_user, smtp, django_capture_on_commit_callbacks
):
    regie_user.first_name = 'Zoë "de baas", <baas@elders.example>'
    regie_user.last_name = "Ñúñez"
    regie_user.save()
    with django_capture_on_commit_callbacks(execute=True):
        send(gremium_with_members, [Ontvanger("Ilse", "i.sterk@weert.example")], regie_user)
    (message,) = smtp.inbox.messages
    (afzender,) = message["From"].addresses
    assert afzender.addr_spec == "regiekamer@localhost"
    assert afzender.display_name.startswith('Zoë "de baas", <baas@elders.example> Ñúñez via')


def test_user_text_in_the_outbox_is_shown_as_text(demo, regie_client):
    gremium = Gremium.objects.filter(samenwerkingsverband=mlw()).first()
    BerichtFactory(
        over=gremium, ontvanger_naam="<script>alert(1)</script>", onderwerpregel="<b>x</b>"
    )
    page = text(regie_client.get(reverse("berichten:bericht-list", args=["MLW"])))
    assert "<script>alert(1)" not in page and "<b>x</b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_opnieuw_versturen_is_offered_only_to_who_may_do_it_there(demo, django_user_model):
    """A regiegroep member elsewhere who sits in MLW's stuurgroep reads MLW's report: the
    button would answer 403, so it is not there; MLW's regiegroep sees it."""
    report = draft_report(plan(), date(2021, 10, 31), "september-oktober 2021")
    BerichtFactory(over=report, ontvanger_email="")
    ander = BerichtFactory().samenwerkingsverband
    _, twee = client_of(
        django_user_model, "twee-plekken", REGIEGROEP, STUURGROEP, svs=[ander], stuurgroep=[mlw()]
    )
    _, regie = client_of(django_user_model, "regie-mlw", REGIEGROEP, svs=[mlw()])
    assert "Opnieuw versturen" not in text(twee.get(report.get_absolute_url()))
    assert "Opnieuw versturen" in text(regie.get(report.get_absolute_url()))


# --- PostgreSQL: two at the same moment -------------------------------------------------------

ACTIES = 40
ROUNDS = 20


def twice_at_once(work) -> None:
    """``work(barrier)`` in two threads at once (two requests, two runs of a command); each
    waits at the barrier where the two should meet."""
    barrier = threading.Barrier(2)

    def run() -> None:
        try:
            work(barrier)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


@pytest.mark.django_db(transaction=True)
def test_two_reminder_runs_at_the_same_moment_remind_once():
    """The daily command started twice at once (cron and a hand): one reminder per action."""
    if connection.vendor != "postgresql":
        pytest.skip("draait in CI op PostgreSQL (threads en rijvergrendeling)")
    gremium = GremiumFactory()
    eigenaar = PersoonFactory(email="g.poell@weert.example")
    for _ in range(ACTIES):
        overdue_action(gremium, eigenaar)

    def run(barrier) -> None:
        barrier.wait()
        with transaction.atomic():
            remind_overdue()

    twice_at_once(run)
    assert Bericht.objects.filter(soort=Berichtsoort.HERINNERING).count() == ACTIES


@pytest.mark.django_db(transaction=True)
def test_two_clicks_at_the_same_moment_on_opnieuw_versturen_send_once(regie_user, mailoutbox):
    """Two clicks on "opnieuw versturen" of a failed message, at once: it goes out once."""
    if connection.vendor != "postgresql":
        pytest.skip("draait in CI op PostgreSQL (threads en rijvergrendeling)")
    gremium = GremiumFactory()
    berichten = [BerichtFactory(over=gremium) for _ in range(ROUNDS)]
    Email.objects.filter(bericht__in=berichten).update(status=STATUS.failed)
    afkorting = gremium.samenwerkingsverband.afkorting

    def click(barrier) -> None:
        client = Client()
        client.force_login(regie_user)
        for bericht in berichten:
            url = reverse("berichten:bericht-resend", args=[afkorting, bericht.pk])
            barrier.wait()
            assert client.post(url).status_code == 302

    twice_at_once(click)
    assert len(mailoutbox) == ROUNDS
