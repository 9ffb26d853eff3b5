"""Sending: the one way an app of Regiekamer sends e-mail.

``verstuur`` stores one message per recipient in the outbox (django-post-office's ``Email``,
with our ``Bericht`` saying what it is about) inside the caller's transaction, and sends them
once that transaction has committed: nothing goes out for a change that was rolled back, and
nothing is sent that was not stored first. In the embedded default they are sent at once,
in the request; with ``EMAIL_QUEUE`` set (production, several app servers) the worker
``manage.py verstuur_berichten`` sends them and retries a failure (``POST_OFFICE`` settings).

A recipient without an address is stored too ("niet verzonden: geen e-mailadres"), so that the
page lists them; nobody is skipped silently.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from email.utils import formataddr

from django.conf import settings
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Model
from post_office.connections import connections
from post_office.models import PRIORITY, STATUS, Email
from post_office.utils import create_attachments

from regiekamer import access, dataversie
from regiekamer.woorden import display_name

from .models import Bericht
from .redenen import SERVER_UNREACHABLE


@dataclass(frozen=True)
class Ontvanger:
    naam: str
    email: str
    # The row the address was read from (a Persoon, a Gemeente, a User), read again on
    # "opnieuw versturen".
    bron: Model | None = None


@dataclass(frozen=True)
class Bijlage:
    naam: str
    inhoud: bytes
    mimetype: str


def address_of(bron: Model | None) -> str:
    """The e-mail address a row gives today (``bericht_adres()`` where the model names its
    own, else its ``email``)."""
    if bron is None:
        return ""
    own = getattr(bron, "bericht_adres", None)
    return (own() if callable(own) else getattr(bron, "email", "")) or ""


def one_line(value: str) -> str:
    """User text for a mail header (a subject, a name): a subject made of user text (an
    action's omschrijving) may hold line breaks, which a mail header may not (and which could
    add headers of their own)."""
    return " ".join(value.split())


def sender_header(afzender, samenwerkingsverband) -> str:
    """``"Naam via Regiekamer MLW" <regiekamer@...>``: who sent it and for which
    samenwerkingsverband; the address is the installation's own (DEFAULT_FROM_EMAIL), so that
    the mail server may send it."""
    # One line, as the subject: a line break in a user's name would make every message they
    # send fail (a header may not hold one).
    naam = one_line(display_name(afzender))
    label = f"Regiekamer {one_line(samenwerkingsverband.afkorting)}"
    return formataddr((f"{naam} via {label}" if naam else label, settings.DEFAULT_FROM_EMAIL))


def signature(afzender, samenwerkingsverband) -> str:
    naam = display_name(afzender) or "Regiekamer"
    return (
        f"\n\nMet vriendelijke groet,\n{naam}\n{samenwerkingsverband.naam}\n\n"
        "Dit bericht is verstuurd vanuit Regiekamer."
    )


def verstuur(
    *,
    over: Model,
    samenwerkingsverband,
    soort: str,
    ontvangers: Iterable[Ontvanger],
    onderwerp: str,
    tekst: str,
    afzender=None,
    bijlagen: Sequence[Bijlage] = (),
) -> list[Bericht]:
    """Store one message per recipient about ``over`` and send them after the commit."""
    ontvangers = list(ontvangers)
    onderwerp = one_line(onderwerp)
    from_email = sender_header(afzender, samenwerkingsverband)
    headers = {"Reply-To": afzender.email} if afzender and afzender.email else None
    body = tekst + signature(afzender, samenwerkingsverband)
    stored_attachments = (
        create_attachments(
            {b.naam: {"file": ContentFile(b.inhoud), "mimetype": b.mimetype} for b in bijlagen}
        )
        if bijlagen
        else []
    )
    over_type = ContentType.objects.get_for_model(over)
    berichten = []
    for ontvanger in ontvangers:
        # A recipient without an address gets the message too, held back: "opnieuw versturen"
        # sends it once the address is known.
        email = Email.objects.create(
            from_email=from_email,
            to=[ontvanger.email] if ontvanger.email else [],
            subject=onderwerp,
            message=body,
            headers=headers,
            status=STATUS.queued if ontvanger.email else STATUS.failed,
            priority=PRIORITY.medium,
        )
        email.attachments.add(*stored_attachments)
        berichten.append(
            Bericht(
                samenwerkingsverband=samenwerkingsverband,
                onderwerp_type=over_type,
                onderwerp_id=over.pk,
                soort=soort,
                onderwerpregel=onderwerp[:300],
                ontvanger_naam=ontvanger.naam[:200],
                ontvanger_email=ontvanger.email,
                bron_type=(
                    ContentType.objects.get_for_model(ontvanger.bron) if ontvanger.bron else None
                ),
                bron_id=ontvanger.bron.pk if ontvanger.bron else None,
                afzender=afzender,
                email=email,
            )
        )
    Bericht.objects.bulk_create(berichten)
    # A bulk insert sends no signal: the samenwerkingsverbanden the messages are about.
    dataversie.changed({b.samenwerkingsverband_id for b in berichten if b.samenwerkingsverband_id})
    send_after_commit([b.email_id for b in berichten if b.ontvanger_email])
    return berichten


WAITING = (STATUS.queued, STATUS.requeued)


def send_after_commit(email_ids: list[int]) -> None:
    if email_ids and not settings.EMAIL_QUEUE:
        transaction.on_commit(lambda: send_now(email_ids))


def send_now(email_ids: Iterable[int]) -> None:
    """Send these stored messages now, over one connection; each records its own result (a
    failure is "mislukt" with its reason, and does not stop the others). When the mail server
    cannot be reached at all, the rest are not tried one by one (each would wait for the same
    time-out): they fail with the same reason, for "opnieuw versturen" or the worker. A message
    that no longer waits (sent meanwhile) is left alone."""
    unreachable = None
    # Only what still waits: a message another request (a double click) has sent meanwhile
    # is not sent again.
    waiting = Email.objects.filter(pk__in=list(email_ids), status__in=WAITING)
    try:
        for email in waiting.order_by("pk"):
            if unreachable is not None:
                email.status = STATUS.failed
                email.save(update_fields=["status", "last_updated"])
                email.logs.create(
                    status=STATUS.failed,
                    exception_type=unreachable.exception_type,
                    message=unreachable.message,
                )
                continue
            if email.dispatch(disconnect_after_delivery=False) == STATUS.failed:
                last = email.logs.order_by("-pk").first()
                if last is not None and last.exception_type in SERVER_UNREACHABLE:
                    unreachable = last
    finally:
        connections.close()


def resend(bericht: Bericht) -> Bericht:
    """Send ``bericht`` again, to the address its source gives today (an address filled in or
    corrected since is used); with no address it stays "geen e-mailadres"."""
    adres = address_of(bericht.bron) or bericht.ontvanger_email
    if not adres:
        return bericht
    email = bericht.email
    email.to = [adres]
    email.status = STATUS.queued
    email.save(update_fields=["to", "status", "last_updated"])
    bericht.ontvanger_email = adres
    bericht.save(update_fields=["ontvanger_email"])
    send_after_commit([email.pk])
    return bericht


def berichten_over(obj):
    """The outbox rows about ``obj``, for its page."""
    return Bericht.objects.over(obj).with_status().prefetch_related("bron").order_by("pk")


def verzendlijst(obj, user, samenwerkingsverband) -> dict:
    """The context of ``berichten/_verzendlijst.html`` on the page of ``obj``: its messages,
    and whether ``user`` may send them again here (the regiegroep of this samenwerkingsverband;
    not a regiegroep member elsewhere who reads along here)."""
    return {
        "berichten": berichten_over(obj),
        "kan_opnieuw": access.may_save(
            user, "change", Bericht(samenwerkingsverband=samenwerkingsverband)
        ),
    }


# The singular of the plural nouns the pages pass as ``wie`` ("leden van ..." by rule).
SINGULAR = {"eigenaren": "eigenaar", "griffies": "griffie"}


def singular(wie: str) -> str:
    """'lid van de stuurgroep' for 'leden van de stuurgroep', 'griffie' for 'griffies'."""
    if wie.startswith("leden "):
        return "lid " + wie.removeprefix("leden ")
    return SINGULAR.get(wie, wie)


def summary(berichten: list[Bericht], wie: str, niets: str = "Er") -> str:
    """What the page says after sending: how many go out by e-mail, and who has no address
    (never skipped silently). Whether each arrived at the mail server shows in the outbox.
    ``wie``: the recipients, plural ("leden van de stuurgroep", "griffies"), said in the
    singular of one. ``niets``: how the sentence that nothing went out begins ("Er is
    niets ...")."""
    zonder = [b.ontvanger_naam for b in berichten if not b.ontvanger_email]
    met = len(berichten) - len(zonder)
    parts = []
    if met:
        parts.append(
            f"Per e-mail naar {met} {singular(wie) if met == 1 else wie}; of elk bericht bij de "
            "mailserver is aangekomen, staat in de verzendlijst."
        )
    elif len(berichten) == 1:
        parts.append(
            f"{niets} is niets per e-mail verstuurd: van de {singular(wie)} is geen adres bekend."
        )
    else:
        parts.append(
            f"{niets} is niets per e-mail verstuurd: van geen van de {wie} is een adres bekend."
        )
    if zonder:
        parts.append(
            "Geen e-mailadres bekend van: " + ", ".join(zonder) + " (niet verzonden; vul het "
            "adres in en kies daarna 'Opnieuw versturen')."
        )
    return " ".join(parts)


def announce(request, berichten: list[Bericht], wie: str, verzonden: str, niets: str = "Er"):
    """The page's message after sending, telling the truth: ``verzonden`` and the
    :func:`summary` as a success when something went out by e-mail; when nothing did, a
    warning whose sentence begins with ``niets`` ("De rapportage is vastgelegd; er")."""
    if any(b.ontvanger_email for b in berichten):
        messages.success(request, f"{verzonden} {summary(berichten, wie)}".strip())
    else:
        messages.warning(request, summary(berichten, wie, niets))
