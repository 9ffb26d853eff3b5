"""Security around the login and access: lockout per account, security log lines, 403 pages.

Every line goes to the logger ``regiekamer.security`` with the user name and the client's
address (the time comes from the formatter, see ``LOGGING`` in settings). A line never holds a
password, a session key or a CSRF token: only the values named here are written.

- login success, failure and lockout: Django's ``user_logged_in`` / ``user_login_failed`` and
  django-axes' ``user_locked_out`` signals (connected in ``RegiekamerConfig.ready``);
- denied access: the 403 handler (``handler403`` in ``urls.py``), the CSRF failure view, and
  :func:`log_denied` for a page that is hidden with 404.
"""

from __future__ import annotations

import logging

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_failure_limit
from axes.models import AccessFailureLog
from django.conf import settings
from django.http import HttpRequest, HttpResponseForbidden
from django.template import loader
from django.utils import timezone
from django.views.decorators.csrf import requires_csrf_token

logger = logging.getLogger("regiekamer.security")


def client_ip(request: HttpRequest) -> str:
    """The client's address: REMOTE_ADDR, or behind ``PROXY_COUNT`` proxies the address in
    X-Forwarded-For that the outermost trusted proxy saw (a client cannot forge it)."""
    proxies = getattr(settings, "PROXY_COUNT", 0)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        addresses = [part.strip() for part in forwarded.split(",") if part.strip()]
        if len(addresses) >= proxies:
            return addresses[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def _user_name(request: HttpRequest | None) -> str:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return user.get_username()
    return "(anoniem)"


def log_address(request: HttpRequest | None) -> str:
    """The client's address as a log line writes it: "(onbekend)" when there is none."""
    return (client_ip(request) if request is not None else "") or "(onbekend)"


def log_denied(request: HttpRequest, reason: str) -> None:
    """One WARNING line for a refused request: user, address, method, path and why.

    Called by the 403 handler and the CSRF failure view, and by the access rules when a page of
    a samenwerkingsverband the user takes no part in is hidden with 404.
    """
    logger.warning(
        "Toegang geweigerd: gebruiker=%s adres=%s methode=%s pad=%s reden=%s",
        _user_name(request),
        log_address(request),
        request.method,
        request.path,
        reason,
    )


def permission_denied(request: HttpRequest, exception=None):
    """``handler403``: the Dutch 403 page, with a log line."""
    from .access import Refused, refusal

    log_denied(request, "geen rechten")
    template = loader.get_template("403.html")
    # Who the user is and why (access.refusal); a bare 403 gets the reason of the role alone.
    reden = str(exception) if isinstance(exception, Refused) else refusal(request.user)
    context = {"exception": exception, "reden": reden}
    return HttpResponseForbidden(template.render(context, request))


@requires_csrf_token
def csrf_failure(request: HttpRequest, reason: str = ""):
    """``CSRF_FAILURE_VIEW``: the Dutch page for an expired or missing form token, logged.

    The reason names what was missing, never the token itself.
    """
    log_denied(request, f"CSRF: {reason}")
    template = loader.get_template("403_csrf.html")
    return HttpResponseForbidden(template.render({}, request))


# Signal receivers (connected in RegiekamerConfig.ready).


def on_login(sender, request, user, **kwargs):
    logger.info("Ingelogd: gebruiker=%s adres=%s", user.get_username(), log_address(request))
    if request is not None and hasattr(request, "session"):
        from .middleware import remember_login

        remember_login(request)


def on_login_failed(sender, credentials, request=None, **kwargs):
    # ``credentials`` holds the password (Django masks it, but we take only the user name).
    username = (credentials or {}).get("username", "")
    logger.warning("Inloggen mislukt: gebruiker=%s adres=%s", username, log_address(request))


def on_locked_out(sender, request, username, ip_address, **kwargs):
    logger.warning(
        "Geblokkeerd na te veel mislukte pogingen: gebruiker=%s adres=%s", username, ip_address
    )


class AccountLimitHandler(AxesDatabaseHandler):
    """django-axes' database handler plus a limit per account, whatever the address.

    Axes counts the failures of one username from one address (``AXES_FAILURE_LIMIT`` per
    ``AXES_COOLOFF_TIME``). This also counts the account's failures of the last
    ``AXES_ACCOUNT_FAILURE_WINDOW`` from every address (``AccessFailureLog``): once there are
    ``AXES_ACCOUNT_FAILURE_LIMIT`` of them, every login of that account is refused until the
    oldest leave the window. Other accounts are not touched.
    """

    def account_failures(self, username: str) -> int:
        since = timezone.now() - settings.AXES_ACCOUNT_FAILURE_WINDOW
        return AccessFailureLog.objects.filter(username=username, attempt_time__gte=since).count()

    def get_failures(self, request, credentials=None) -> int:
        failures = super().get_failures(request, credentials)
        username = get_client_username(request, credentials)
        if username and self.account_failures(username) >= settings.AXES_ACCOUNT_FAILURE_LIMIT:
            return max(failures, get_failure_limit(request, credentials))
        return failures
