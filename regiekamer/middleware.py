"""Small middleware of Regiekamer: the session's maximum age, Dutch error pages, and the refusal
of addresses with a NUL byte."""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseBadRequest
from django.template import loader

LOGIN_TIME_KEY = "ingelogd_om"
SEEN_KEY = "gezien_om"  # the session's last renewal (SessionLimitMiddleware)


def remember_login(request) -> None:
    """Store the moment of the login in the session (called on ``user_logged_in``); the login
    saves the session, so it counts as its first renewal too."""
    now = int(time.time())
    request.session[LOGIN_TIME_KEY] = now
    request.session[SEEN_KEY] = now


class SessionLimitMiddleware:
    """Ends a session ``SESSION_MAX_AGE`` seconds after its login, however active it was, and
    keeps an active one alive.

    The idle limit is Django's own ``SESSION_COOKIE_AGE``: a saved session lives that long. A
    request saves the session (and renews its cookie) at most once every
    ``SESSION_RENEW_SECONDS``, not on every request (a write to the sessions table per page
    view); ``SESSION_COOKIE_AGE`` is the idle limit plus that interval, so a session still
    ends no sooner than ``SESSION_IDLE_SECONDS`` after the last request.
    A session from before this rule (no login time) starts counting now.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            logged_in_at = request.session.get(LOGIN_TIME_KEY)
            if logged_in_at is None:
                remember_login(request)
            elif time.time() - logged_in_at > settings.SESSION_MAX_AGE:
                logout(request)
                messages.info(request, "U bent automatisch uitgelogd: log opnieuw in.")
                return redirect_to_login(request.get_full_path())
            now = int(time.time())
            if now - request.session.get(SEEN_KEY, 0) >= settings.SESSION_RENEW_SECONDS:
                request.session[SEEN_KEY] = now  # modified: saved, its cookie renewed
        return self.get_response(request)


class ErrorPageMiddleware:
    """Gives an empty error response a Dutch page in the app's layout.

    Django answers a request with a method the view does not allow (405) with an empty body;
    this renders ``405.html`` instead and keeps the ``Allow`` header.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 405 and not response.streaming and not response.content:
            template = loader.get_template("405.html")
            response.content = template.render({}, request)
            response["Content-Type"] = "text/html; charset=utf-8"
        return response


NUL = "\x00"


class NulByteMiddleware:
    """Answers an address with a NUL byte (``%00``) in its path or query with the Dutch 400 page.

    No page has any use for the character, and PostgreSQL refuses it in every text value
    ("A string literal cannot contain NUL"): a NUL byte reaching a query would be a server error.
    Form fields refuse it themselves (Django's ``ProhibitNullCharactersValidator``).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = request.GET
        values = [request.path, *query, *(v for k in query for v in query.getlist(k))]
        if any(NUL in value for value in values):
            reason = "Het adres bevat een ongeldig teken (NUL)."
            page = loader.render_to_string("400.html", {"reden": reason}, request)
            return HttpResponseBadRequest(page)
        return self.get_response(request)
