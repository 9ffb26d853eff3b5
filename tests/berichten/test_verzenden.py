"""The outbox against a real SMTP server (tests/smtp.py): what arrives, what is listed, what a
refused connection leaves, and how a retry delivers."""

from io import StringIO

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import transaction

from berichten.constants import Berichtsoort, Verzendstatus
from berichten.models import Bericht
from berichten.verzenden import Bijlage, Ontvanger, resend, summary, verstuur
from regiekamer.settings import email_settings
from tests.governance.factories import GremiumFactory, PersoonFactory
from tests.smtp import attachments, free_port, text_of, use_smtp

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n% een agenda\n"


@pytest.fixture
def gremium(db):
    return GremiumFactory(naam="Stuurgroep Sociaal Domein", soort="stuurgroep")


def send(gremium, ontvangers, afzender=None):
    return verstuur(
        over=gremium,
        samenwerkingsverband=gremium.samenwerkingsverband,
        soort=Berichtsoort.UITNODIGING,
        ontvangers=ontvangers,
        onderwerp="Uitnodiging stuurgroep 14 januari 2027",
        tekst="Beste leden,\n\nU bent van harte uitgenodigd voor de vergadering.",
        afzender=afzender,
        bijlagen=[Bijlage("uitnodiging.pdf", PDF, "application/pdf")],
    )


def statuses(berichten):
    return {b.ontvanger_naam: Bericht.objects.with_status().get(pk=b.pk).status for b in berichten}


def test_each_member_receives_the_message_with_the_pdf(
    smtp, gremium, regie_user, media, django_capture_on_commit_callbacks
):
    regie_user.first_name, regie_user.last_name = "Petra", "de Regisseur"
    regie_user.email = "petra@weert.example"
    regie_user.save()
    with django_capture_on_commit_callbacks(execute=True):
        berichten = send(
            gremium,
            [
                Ontvanger("Mart Jansen", "m.jansen@nederweert.example"),
                Ontvanger("Ilse Sterk", "i.sterk@weert.example"),
            ],
            afzender=regie_user,
        )
    assert len(smtp.inbox.messages) == 2
    (message,) = smtp.inbox.to("m.jansen@nederweert.example")
    assert message["To"] == "m.jansen@nederweert.example"  # each their own, no list of others
    assert message["Subject"] == "Uitnodiging stuurgroep 14 januari 2027"
    sv = gremium.samenwerkingsverband
    (sender,) = message["From"].addresses
    assert sender.display_name == f"Petra de Regisseur via Regiekamer {sv.afkorting}"
    assert message["Reply-To"] == "petra@weert.example"
    body = text_of(message)
    assert "U bent van harte uitgenodigd" in body
    assert "Petra de Regisseur" in body and sv.naam in body
    assert attachments(message) == {"uitnodiging.pdf": ("application/pdf", PDF)}
    assert set(statuses(berichten).values()) == {Verzendstatus.VERZONDEN}


def test_who_has_no_address_is_listed_and_gets_it_once_it_is_known(
    smtp, gremium, media, django_capture_on_commit_callbacks
):
    zonder = PersoonFactory(naam="Jos Dieteren", email="")
    with django_capture_on_commit_callbacks(execute=True):
        berichten = send(gremium, [Ontvanger("Jos Dieteren", "", zonder)])
    assert smtp.inbox.messages == []
    assert statuses(berichten) == {"Jos Dieteren": Verzendstatus.GEEN_ADRES}
    assert Bericht.objects.get().status_label == "niet verzonden: geen e-mailadres"

    zonder.email = "j.dieteren@leudal.example"
    zonder.save()
    with django_capture_on_commit_callbacks(execute=True):
        resend(Bericht.objects.with_status().get())
    (message,) = smtp.inbox.to("j.dieteren@leudal.example")
    assert attachments(message)["uitnodiging.pdf"][1] == PDF
    assert statuses(berichten) == {"Jos Dieteren": Verzendstatus.VERZONDEN}


def test_a_refused_connection_leaves_it_failed_and_a_retry_delivers(
    smtp, settings, gremium, media, django_capture_on_commit_callbacks
):
    use_smtp(settings, free_port())  # nothing listens there
    ontvangers = [
        Ontvanger("Mart Jansen", "m.jansen@nederweert.example"),
        Ontvanger("Ilse Sterk", "i.sterk@weert.example"),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        berichten = send(gremium, ontvangers)
    failed = list(Bericht.objects.with_status())
    assert {b.status for b in failed} == {Verzendstatus.MISLUKT}
    for bericht in failed:  # the second was not tried against the same closed door
        assert bericht.reden.startswith("de mailserver weigert de verbinding (")
    assert smtp.inbox.messages == []

    use_smtp(settings, smtp.port)
    with django_capture_on_commit_callbacks(execute=True):
        resend(failed[0])
    assert len(smtp.inbox.to(failed[0].ontvanger_email)) == 1
    assert statuses(berichten)[failed[0].ontvanger_naam] == Verzendstatus.VERZONDEN


def test_with_a_queue_the_worker_sends_and_retries(
    smtp, settings, gremium, media, django_capture_on_commit_callbacks
):
    settings.EMAIL_QUEUE = True
    use_smtp(settings, free_port())
    with django_capture_on_commit_callbacks(execute=True):
        berichten = send(gremium, [Ontvanger("Ilse Sterk", "i.sterk@weert.example")])
    assert statuses(berichten) == {"Ilse Sterk": Verzendstatus.WACHTRIJ}

    call_command("verstuur_berichten", stdout=StringIO())  # refused: tried again later
    email = Bericht.objects.get().email
    email.refresh_from_db()
    assert statuses(berichten) == {"Ilse Sterk": Verzendstatus.WACHTRIJ}
    assert email.number_of_retries == 1

    use_smtp(settings, smtp.port)
    email.scheduled_time = None
    email.save()
    call_command("verstuur_berichten", stdout=StringIO())
    assert len(smtp.inbox.to("i.sterk@weert.example")) == 1
    assert statuses(berichten) == {"Ilse Sterk": Verzendstatus.VERZONDEN}


def test_nothing_is_stored_or_sent_for_a_change_that_is_rolled_back(
    smtp, gremium, media, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        send(gremium, [Ontvanger("Mart Jansen", "m.jansen@nederweert.example")])
        raise RuntimeError("de wijziging mislukt")
    assert not Bericht.objects.exists()
    assert smtp.inbox.messages == []


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "smtp+tls://regie%40weert.nl:geheim@smtp.weert.nl:587",
            {"EMAIL_HOST": "smtp.weert.nl", "EMAIL_PORT": 587, "EMAIL_USE_TLS": True},
        ),
        ("smtp+ssl://smtp.weert.nl:465", {"EMAIL_USE_SSL": True, "EMAIL_USE_TLS": False}),
        ("smtp://localhost:25", {"EMAIL_USE_TLS": False, "EMAIL_PORT": 25}),
        (
            "console://",
            {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"},
        ),
    ],
)
def test_email_url(url, expected):
    parsed = email_settings(url)
    assert {key: parsed[key] for key in expected} == expected
    if "regie%40" in url:
        assert parsed["EMAIL_HOST_USER"] == "regie@weert.nl"
        assert parsed["EMAIL_HOST_PASSWORD"] == "geheim"


def test_an_unknown_email_url_scheme_is_refused():
    with pytest.raises(ImproperlyConfigured, match="onbekend schema 'smtpx'"):
        email_settings("smtpx://host")


def test_a_subject_of_several_lines_goes_out_as_one(
    smtp, gremium, media, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        verstuur(
            over=gremium,
            samenwerkingsverband=gremium.samenwerkingsverband,
            soort=Berichtsoort.ACTIE,
            ontvangers=[Ontvanger("Mart Jansen", "m.jansen@nederweert.example")],
            onderwerp="Actie voor u: planning\nBcc: iedereen@elders.example",
            tekst="Beste Mart,",
        )
    (message,) = smtp.inbox.messages
    assert message["Subject"] == "Actie voor u: planning Bcc: iedereen@elders.example"
    assert message["Bcc"] is None and message.envelope_to == ["m.jansen@nederweert.example"]


def test_the_summary_counts_one_member_as_one_lid():
    """'Per e-mail naar 1 lid van de stuurgroep', not '1 leden'; several stay 'leden'."""
    met, zonder = Bericht(ontvanger_email="a@weert.example"), Bericht(ontvanger_naam="B. Lid")
    assert summary([met, zonder], "leden van de stuurgroep").startswith(
        "Per e-mail naar 1 lid van de stuurgroep;"
    )
    assert summary([met, met], "leden van de stuurgroep").startswith(
        "Per e-mail naar 2 leden van de stuurgroep;"
    )


def test_nothing_sent_to_one_says_so_in_the_singular_to_several_in_the_plural():
    """'van de eigenaar is geen adres bekend', not 'van geen van de eigenaar'."""
    zonder = Bericht(ontvanger_naam="B. Eigenaar")
    assert summary([zonder], "eigenaren").startswith(
        "Er is niets per e-mail verstuurd: van de eigenaar is geen adres bekend."
    )
    assert summary([zonder, zonder], "griffies").startswith(
        "Er is niets per e-mail verstuurd: van geen van de griffies is een adres bekend."
    )
    met = Bericht(ontvanger_email="griffie@weert.example")
    assert summary([met, zonder], "griffies").startswith("Per e-mail naar 1 griffie;")
    assert summary([met, met], "griffies").startswith("Per e-mail naar 2 griffies;")
