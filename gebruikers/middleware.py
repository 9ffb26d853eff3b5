"""Two-factor sign-in, enforced for every page (the rules: gebruikers/tweestaps.py).

A user who still has to give a second factor in this session (signed in with the password
only: a "half" session) reaches only the code page, the set-up pages, the login, the logout,
the static files and ``/ping/``. Everything else:

- a GET or HEAD (a page, a PDF, an export, an admin page) is sent to the code page, or to the
  set-up page when the user has no app yet, with ``?next=`` the address asked for: after the
  code the user arrives where they were going;
- any other method (a form sent, a script) gets the Dutch 403 page and writes nothing. A
  redirect would lose what was sent and answer a script with the code page as if it had
  succeeded; a 403 tells the truth ("voer eerst de code in; er is niets opgeslagen").

The decision is made once the URL is resolved (``process_view``) and costs at most one query
(does the user have an app?), none for a verified session (django-otp loads its device anyway).
"""

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from regiekamer.access import Refused

from . import tweestaps

# URL names a half session may open (besides the two-factor pages themselves), and the pages
# of single sign-on (gebruikers.oidc, mozilla-django-oidc: names starting with "oidc"), where
# the user signs in again another way.
OPEN_TO_HALF_SESSIONS = {"login", "logout", "ping"}
SIGN_ON_PREFIX = "oidc"
TWO_FACTOR_PAGES = {"gebruikers:tweestaps-code", "gebruikers:tweestaps-instellen"}
HALF_SESSION_WRITE = (
    "U bent nog niet helemaal ingelogd: voer eerst de code uit uw authenticator-app in "
    "(of stel tweestapsverificatie in). Er is niets opgeslagen."
)


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        name = match.view_name if match is not None else ""
        if (
            name in TWO_FACTOR_PAGES
            or name in OPEN_TO_HALF_SESSIONS
            or (match is not None and (match.url_name or "").startswith(SIGN_ON_PREFIX))
            or request.path.startswith(settings.STATIC_URL)
            or not tweestaps.needs_verification(request)
        ):
            return None
        if request.method not in ("GET", "HEAD"):
            raise Refused(HALF_SESSION_WRITE)
        page = "tweestaps-code" if tweestaps.has_device(request.user) else "tweestaps-instellen"
        query = urlencode({"next": request.get_full_path()})
        return redirect(f"{reverse(f'gebruikers:{page}')}?{query}")
