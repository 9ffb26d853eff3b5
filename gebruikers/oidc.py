"""Single sign-on with the gemeente's identity provider over OpenID Connect.

mozilla-django-oidc does the protocol (the authorization code flow with state, nonce and PKCE;
the token request; the ID token's signature against the IdP's keys). This module decides who
may come in and tells the user why not:

- the IdP's e-mail address (userinfo claim ``email``; ``email_verified`` must not be false)
  is matched, whatever its case, to exactly one account's e-mail address (where its reset
  links go; not a user name, which may still hold an address the gemeente gave away); an
  account is never created for a stranger (``OIDC_CREATE_USER = False``) and a deactivated
  account is refused;
- every refusal and every sign-in is a line on ``regiekamer.security`` (e-mail address or user,
  the client's address, the reason; never a code or token), and the login page shows the user
  a Dutch message that says what happened and whom to ask;
- after a sign-in the session says whether the IdP counts as the second factor
  (``tweestaps_door_idp``, from ``OIDC_IDP_MFA``; gebruikers/tweestaps.py reads it).

Everything answers 404 while single sign-on is off (no ``OIDC_RP_CLIENT_ID``).
"""

from __future__ import annotations

import logging

import requests
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.signals import user_logged_in
from django.core.exceptions import SuspiciousOperation
from django.dispatch import receiver
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import resolve_url
from django.urls import reverse
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
)

from regiekamer.security import log_address

logger = logging.getLogger("regiekamer.security")

# Set after a sign-in through the IdP: True when the installation trusts the IdP's second factor.
SESSION_FLAG = "tweestaps_door_idp"
# Set on the request once the user has been told why the sign-in failed.
_TOLD = "_oidc_refusal_told"

OPNIEUW = "Probeer het opnieuw, of log in met uw gebruikersnaam en wachtwoord van Regiekamer."


def login_context(request) -> dict:
    """Context processor: whether the login page offers single sign-on, and its label."""
    return {"oidc_enabled": settings.OIDC_ENABLED, "oidc_login_label": settings.OIDC_LOGIN_LABEL}


def refuse(request, reason: str, message: str, email: str = "") -> None:
    """Log a refused sign-in and tell the user (once per request)."""
    logger.warning(
        "Single sign-on geweigerd: e-mail=%s adres=%s reden=%s",
        email or "(onbekend)",
        log_address(request),
        reason,
    )
    if not getattr(request, _TOLD, False):
        messages.error(request, message)
        setattr(request, _TOLD, True)


def axes_skips(request, credentials=None) -> bool:
    """``AXES_WHITELIST_CALLABLE``: django-axes leaves the callback alone.

    The password is checked (and guessing it stopped) at the IdP; here a refusal has no user
    name, so axes would count every refusal from one address (a gemeente's whole office behind
    one proxy) against one key and lock out all of them, and it would store the callback's
    query (the code) with each attempt. A refusal is logged on ``regiekamer.security`` instead.
    """
    return request is not None and request.path == reverse("gebruikers:oidc-callback")


@receiver(user_logged_in, dispatch_uid="gebruikers.oidc.forget_idp_flag")
def forget_idp_flag(sender, request, user, **kwargs):
    """A new sign-in starts without the IdP's second factor; the callback sets it after."""
    if request is not None and hasattr(request, "session"):
        request.session.pop(SESSION_FLAG, None)


class GemeenteOIDCBackend(OIDCAuthenticationBackend):
    """The IdP's verified e-mail address signs in exactly one active, invited account."""

    def authenticate(self, request, **kwargs):
        # Only the callback (which passes the nonce) signs in through the IdP: a code and state
        # in the query of a password login are not this backend's business.
        if request is None or "nonce" not in kwargs:
            return None
        return super().authenticate(request, **kwargs)

    def verify_token(self, token, **kwargs):
        payload = super().verify_token(token, **kwargs)
        audience = payload.get("aud")
        audiences = [audience] if isinstance(audience, str) else list(audience or [])
        if self.OIDC_RP_CLIENT_ID not in audiences:
            raise SuspiciousOperation("ID-token is voor een andere client (aud)")
        return payload

    def get_or_create_user(self, access_token, id_token, payload):
        claims = self.get_userinfo(access_token, id_token, payload)
        email = str(claims.get("email") or "").strip()
        request = self.request
        if not email:
            refuse(
                request,
                "geen e-mailadres van de IdP",
                "De inlogdienst van uw gemeente gaf geen e-mailadres door, en daaraan herkent "
                "Regiekamer uw account. " + OPNIEUW,
            )
            return None
        if claims.get("email_verified") in (False, "false", "False"):
            refuse(
                request,
                "e-mailadres niet bevestigd door de IdP",
                f"Uw gemeente heeft het e-mailadres {email} niet als bevestigd doorgegeven; "
                "daarmee kunt u niet inloggen in Regiekamer. Vraag de servicedesk van uw "
                "gemeente het te bevestigen, of log in met uw gebruikersnaam en wachtwoord.",
                email,
            )
            return None
        users = list(get_user_model().objects.filter(email__iexact=email).order_by("pk")[:2])
        if not users:
            refuse(
                request,
                "geen account",
                f"Er is geen account in Regiekamer voor {email}; vraag de beheerder om een "
                "uitnodiging.",
                email,
            )
            return None
        if len(users) > 1:
            refuse(
                request,
                "meer dan één account",
                f"Er zijn meerdere accounts in Regiekamer voor {email}; vraag de beheerder er "
                "één van te maken.",
                email,
            )
            return None
        user = users[0]
        if not self.user_can_authenticate(user):
            refuse(
                request,
                f"account {user.get_username()} is gedeactiveerd",
                f"Het account in Regiekamer voor {email} is gedeactiveerd; vraag de beheerder "
                "het weer te activeren.",
                email,
            )
            return None
        return user

    def user_can_authenticate(self, user) -> bool:
        return ModelBackend.user_can_authenticate(self, user)

    def get_user(self, user_id):
        # As ModelBackend: a deactivated user's session ends (mozilla's own ignores is_active).
        return ModelBackend.get_user(self, user_id)


class SsoStart(OIDCAuthenticationRequestView):
    """``inloggen/sso/``: off to the IdP, with a new state, nonce and PKCE challenge."""

    def dispatch(self, request, *args, **kwargs):
        if not settings.OIDC_ENABLED:
            raise Http404("Single sign-on staat uit.")
        return super().dispatch(request, *args, **kwargs)


class SsoCallback(OIDCAuthenticationCallbackView):
    """``inloggen/sso/terug/``: the IdP sends the user back here with a code (or an error)."""

    def dispatch(self, request, *args, **kwargs):
        if not settings.OIDC_ENABLED:
            raise Http404("Single sign-on staat uit.")
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        try:
            return super().get(request)
        except SuspiciousOperation as error:
            # A state that is not this session's, a nonce or signature that does not match.
            refuse(
                request,
                str(error),
                "Het inloggen via uw gemeente is niet gelukt: het antwoord van de inlogdienst "
                "hoort niet bij deze inlogpoging. " + OPNIEUW,
            )
        except requests.HTTPError as error:
            # The IdP refused the code (another client's, used before, expired) or the token.
            status = getattr(error.response, "status_code", "?")
            refuse(
                request,
                f"de IdP weigerde de code of het token (HTTP {status})",
                "Het inloggen via uw gemeente is niet gelukt: de inlogdienst weigerde de "
                "aanmelding. " + OPNIEUW,
            )
        except requests.RequestException as error:
            refuse(
                request,
                f"IdP niet bereikbaar ({type(error).__name__})",
                "De inlogdienst van uw gemeente is nu niet bereikbaar. " + OPNIEUW,
            )
        return self.failure_redirect()

    @property
    def failure_url(self):
        return resolve_url(settings.LOGIN_REDIRECT_URL_FAILURE)

    def failure_redirect(self):
        return HttpResponseRedirect(self.failure_url)

    def login_failure(self):
        request = self.request
        error = request.GET.get("error", "")
        if getattr(request, _TOLD, False):
            pass  # the backend has said why (no account, deactivated, ...)
        elif error:
            refuse(
                request,
                f"de IdP meldt {error[:40]!r}",
                "De inlogdienst van uw gemeente heeft het inloggen niet voltooid. " + OPNIEUW,
            )
        elif "code" not in request.GET or "state" not in request.GET:
            refuse(
                request,
                "terugkeer zonder code of state",
                "Het inloggen via uw gemeente is niet gelukt: het antwoord van de inlogdienst "
                "was onvolledig. " + OPNIEUW,
            )
        else:
            refuse(
                request,
                "inloggen niet gelukt",
                "Het inloggen via uw gemeente is niet gelukt: deze inlogpoging is verlopen of "
                "al gebruikt. " + OPNIEUW,
            )
        return self.failure_redirect()

    def login_success(self):
        response = super().login_success()
        self.request.session[SESSION_FLAG] = bool(settings.OIDC_IDP_MFA)
        logger.info(
            "Ingelogd via single sign-on: gebruiker=%s adres=%s tweede factor door IdP=%s",
            self.user.get_username(),
            log_address(self.request),
            "ja" if settings.OIDC_IDP_MFA else "nee",
        )
        return response
