"""Inviting a colleague: the one-time link to choose a password, and the account mails.

An invitation is Django's password-reset token with a salt of its own: an invitation link is
no reset link and a reset link no invitation. The token holds the password hash and the last
login, so it works once (the password it sets changes both) and expires after
``PASSWORD_RESET_TIMEOUT`` (3 days; the mail says until when).

Account mails (invitation, password reset) are no ``berichten.Bericht`` (those belong to a
samenwerkingsverband): they go through the outbox (django-post-office) directly, after the
commit (``berichten.verzenden.send_after_commit``), so the tests' SMTP server and the queue
(``EMAIL_QUEUE``) see them as every other message.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from post_office.models import PRIORITY, STATUS, Email

from berichten.models import POST_OFFICE_STATUS
from berichten.redenen import last_failure
from berichten.verzenden import one_line, send_after_commit
from regiekamer.woorden import display_name

UITNODIGING_ONDERWERP = "Uitnodiging voor Regiekamer"


class UitnodigingTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "gebruikers.uitnodiging.UitnodigingTokenGenerator"


uitnodiging_token = UitnodigingTokenGenerator()


def link_expires() -> datetime:
    """Until when a link made now works (local time)."""
    return timezone.localtime() + timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT)


def one_time_link(request, url_name: str, user, token_generator) -> str:
    """The absolute link with the user's id and a fresh token."""
    path = reverse(
        url_name,
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": token_generator.make_token(user),
        },
    )
    return request.build_absolute_uri(path)


def verstuur_accountmail(adres: str, onderwerp: str, tekst: str) -> Email:
    """Store one account mail in the outbox; it is sent once the request has committed."""
    email = Email.objects.create(
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[adres],
        subject=one_line(onderwerp),
        message=tekst,
        status=STATUS.queued,
        priority=PRIORITY.medium,
    )
    send_after_commit([email.pk])
    return email


def places_text(user) -> str:
    """The user's samenwerkingsverbanden (and gemeente), as the invitation names them."""
    toegang = getattr(user, "toegang", None)
    if toegang is None:
        return ""
    names = [sv.naam for sv in toegang.samenwerkingsverbanden.order_by("naam")]
    names += [
        f"{sv.naam} (stuurgroep)"
        for sv in toegang.stuurgroep_samenwerkingsverbanden.order_by("naam")
    ]
    if toegang.gemeente_id:
        names.append(f"gemeente {toegang.gemeente.naam}")
    return ", ".join(names)


def send_invitation(request, user, inviter) -> Email:
    """Mail ``user`` the invitation with a one-time link to choose a password."""
    context = {
        "gebruiker": user,
        "naam": display_name(user),
        "uitnodiger": display_name(inviter),
        "uitnodiger_email": inviter.email,
        "plaatsen": places_text(user),
        "link": one_time_link(request, "gebruikers:uitnodiging", user, uitnodiging_token),
        "geldig_tot": link_expires(),
    }
    tekst = render_to_string("gebruikers/mail/uitnodiging.txt", context)
    return verstuur_accountmail(user.email, UITNODIGING_ONDERWERP, tekst)


@dataclass(frozen=True)
class Verzending:
    """What became of the last invitation: when, its status and (failed) why."""

    wanneer: datetime
    status: str
    reden: str


def last_invitation(user) -> Verzending | None:
    """The last invitation mailed to ``user``'s address, as the outbox knows it."""
    if not user.email:
        return None
    email = (
        Email.objects.filter(to=user.email, subject=UITNODIGING_ONDERWERP)
        .order_by("-pk")
        .prefetch_related("logs")
        .first()
    )
    if email is None:
        return None
    status = POST_OFFICE_STATUS.get(email.status, POST_OFFICE_STATUS[None])
    why = last_failure(email) if email.status == STATUS.failed else ""
    return Verzending(email.created, status.label, why)
