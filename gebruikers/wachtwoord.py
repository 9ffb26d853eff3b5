"""Wachtwoord vergeten: a link by e-mail to choose a new password (Django's password reset),
with the login's lockout and logging.

- The answer is the same whether or not the address belongs to an account; an inactive
  account (and one without a password, invited but not yet in) gets nothing.
- Every request counts with django-axes as a failed login of the typed address (lowercased,
  as an invited user's name is), from this client's address: after ``AXES_FAILURE_LIMIT`` within
  ``AXES_COOLOFF_TIME`` the Dutch 429 page answers and nothing is sent. The beheerder's
  "Blokkade opheffen" lifts it (``views.BlokkadeOpheffenView``).
- Every request is logged on ``regiekamer.security``: the typed address and the client's,
  never whether an account exists, never the token.
- The mail goes through the outbox (``uitnodiging.verstuur_accountmail``).
"""

import logging
import re

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm, SetPasswordForm
from django.contrib.auth.password_validation import MinimumLengthValidator
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse_lazy

from regiekamer.roles import BEHEERDER
from regiekamer.security import log_address

from .uitnodiging import link_expires, verstuur_accountmail

logger = logging.getLogger("regiekamer.security")
# The backend that logs a user in after choosing a password (axes' backend needs credentials).
LOGIN_BACKEND = "django.contrib.auth.backends.ModelBackend"


class MinimaleLengte(MinimumLengthValidator):
    """Django's length rule, in Dutch (its Dutch translation lacks this message)."""

    def get_error_message(self):
        return f"Dit wachtwoord is te kort: gebruik minstens {self.min_length} tekens."

    def get_help_text(self):
        return f"Uw wachtwoord heeft minstens {self.min_length} tekens."


# Words an attacker tries first here (NIST 800-63B: context-specific words): the service, the
# word for password, a greeting, the seasons; alone or repeated, with any digits or signs.
PREDICTABLE_WORDS = (
    "regiekamer",
    "wachtwoord",
    "password",
    "welkom",
    "welcome",
    "geheim",
    "gemeente",
    "beheer",
    "qwerty",
    "azerty",
    "zomer",
    "winter",
    "lente",
    "herfst",
)
_PREDICTABLE = re.compile("(?:" + "|".join(PREDICTABLE_WORDS) + ")*")


def _sequence_or_repetition(text: str) -> bool:
    """``123456789012``, ``987654321098``, ``aaaaaaaaaaaa``, ``abcabcabcabc``: one step all
    along (digits wrap 9 to 0), or one block repeated."""
    steps = {
        (ord(b) - ord(a)) % 10 if a.isdigit() and b.isdigit() else ord(b) - ord(a)
        for a, b in zip(text, text[1:], strict=False)
    }
    if len(steps) == 1 and steps <= {0, 1, -1, 9}:
        return True
    return any(
        len(text) % size == 0 and text == text[:size] * (len(text) // size)
        for size in range(1, len(text) // 2 + 1)
    )


class Voorspelbaar:
    """NIST 800-63B's other checks besides common passwords: a word of this context with only
    digits or signs around it (``welkom123456``, ``Regiekamer2026!``), and a sequence or
    repetition (``123456789012``, ``abcabcabcabc``). No composition rules: a long random number
    is fine."""

    def validate(self, password, user=None):
        letters = re.sub(r"[^a-z]", "", password.lower())
        if (letters and _PREDICTABLE.fullmatch(letters)) or _sequence_or_repetition(
            password.lower()
        ):
            raise ValidationError(
                "Dit wachtwoord is te voorspelbaar: een reeks of herhaling, of een woord als "
                "'welkom', 'wachtwoord' of 'Regiekamer' met cijfers. Kies een zin van een paar "
                "woorden.",
                code="password_too_predictable",
            )

    def get_help_text(self):
        return (
            "Geen reeks als 123456789012, en geen woord als 'welkom' of 'Regiekamer' met cijfers."
        )


class WachtwoordVergetenForm(PasswordResetForm):
    def get_users(self, email):
        """Django's (active users with a password), and an invited user who has not chosen one
        yet: a colleague whose invitation expired asks here for a new link."""
        yield from super().get_users(email)
        invited = get_user_model()._default_manager.filter(
            email__iexact=email, is_active=True, last_login__isnull=True
        )
        yield from (user for user in invited if not user.has_usable_password())

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        context = {**context, "geldig_tot": link_expires()}
        subject = render_to_string(subject_template_name, context)
        body = render_to_string(email_template_name, context)
        verstuur_accountmail(to_email, subject, body)


class NieuwWachtwoordForm(SetPasswordForm):
    """Django's form for a new password; its validators are NIST's (settings)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].help_text = (
            "Minstens 12 tekens. Geen veelgebruikt wachtwoord en niet lijkend op uw naam of "
            "e-mailadres. Een zin van een paar woorden werkt goed."
        )


def reset_credentials(email: str) -> dict:
    """What django-axes counts a reset request as: a failed login of this name."""
    return {"username": email.strip().lower()}


class WachtwoordVergetenView(auth_views.PasswordResetView):
    form_class = WachtwoordVergetenForm
    template_name = "registration/password_reset_form.html"
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"
    success_url = reverse_lazy("gebruikers:wachtwoord-vergeten-verstuurd")
    title = "Wachtwoord vergeten"

    def form_valid(self, form):
        request = self.request
        credentials = reset_credentials(form.cleaned_data["email"])
        allowed = AxesProxyHandler.is_allowed(request, credentials)
        logger.warning(
            "Wachtwoord vergeten aangevraagd: e-mail=%s adres=%s%s",
            credentials["username"],
            log_address(request),
            "" if allowed else " (geblokkeerd)",
        )
        if allowed:
            AxesProxyHandler.user_login_failed(
                sender=type(self), credentials=credentials, request=request
            )
        if not allowed or getattr(request, "axes_locked_out", False):
            request.axes_locked_out = True
            return get_lockout_response(request, None, credentials)
        return super().form_valid(form)


class WachtwoordVerstuurdView(auth_views.PasswordResetDoneView):
    template_name = "registration/password_reset_done.html"
    title = "Kijk in uw e-mail"


class EenmaligeLinkView(auth_views.PasswordResetConfirmView):
    """A one-time link's page: choose a password, then logged in and on to one's place. A link
    that was used, has expired or was never made says so (``validlink`` false) and whom to
    ask, in words: anyone can open a made-up link, so it names no beheerder (their address is
    their user name)."""

    form_class = NieuwWachtwoordForm
    post_reset_login = True
    post_reset_login_backend = LOGIN_BACKEND
    success_url = reverse_lazy("gebruikers:start")
    log_line = "Wachtwoord opnieuw ingesteld"

    def get_user(self, uidb64):
        user = super().get_user(uidb64)
        return user if user is not None and user.is_active else None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not context.get("validlink"):
            context["title"] = "Deze link werkt niet (meer)"  # not Django's "…mislukt"
        return context

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, "Uw wachtwoord is opgeslagen; u bent ingelogd.")
        logger.info(
            "%s: gebruiker=%s adres=%s",
            self.log_line,
            self.user.get_username(),
            log_address(self.request),
        )
        return response


class WachtwoordHerstellenView(EenmaligeLinkView):
    template_name = "registration/password_reset_confirm.html"
    title = "Nieuw wachtwoord kiezen"


def active_beheerders():
    """Whom to ask for access: the active beheerders, by name."""
    return (
        get_user_model()
        .objects.filter(Q(groups__name=BEHEERDER) | Q(is_superuser=True), is_active=True)
        .distinct()
        .order_by("last_name", "first_name", "username")
    )
