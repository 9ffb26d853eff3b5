"""Single sign-on with the gemeente's identity provider, through a real OpenID Connect provider
(tests/oidc.py starts django-oidc-provider in a process of its own) and the live app: the
authorization code flow as a browser goes through it (requests follows the redirects, fills in
the provider's login form), not a mock of the protocol."""

import logging
import re
import runpy
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit

import pytest
import requests
from axes.models import AccessAttempt, AccessFailureLog
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.sessions.backends.db import SessionStore
from django.core.exceptions import ImproperlyConfigured
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import reverse

from regiekamer.roles import REGIEGROEP
from tests.oidc import (
    ANNE,
    BACKEND,
    FORMER,
    OTHER_CLIENT_ID,
    OTHER_REDIRECT_URI,
    STRANGER,
    UNVERIFIED,
    Idp,
    use_oidc,
)

SETTINGS_FILE = Path(__file__).resolve().parents[2] / "regiekamer" / "settings.py"
LABEL = "Inloggen met uw gemeente-account"


@pytest.fixture
def app(oidc, live_server, settings, transactional_db):
    """The live app with single sign-on on; plain http, so its cookies are not Secure here."""
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = False
    return live_server.url


def account(email: str, first_name: str = "", last_name: str = "", **fields):
    """An invited account: username = the e-mail address in lower case."""
    user = get_user_model().objects.create_user(
        email.lower(),
        email=email.lower(),
        password="een-lang-wachtwoord-2026",
        first_name=first_name,
        last_name=last_name,
        **fields,
    )
    user.groups.add(Group.objects.get(name=REGIEGROEP))
    return user


def text(response) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.text)))


def form_field(html: str, name: str) -> str:
    match = re.search(rf'name="{name}" value="([^"]*)"', html)
    assert match, f"geen veld {name}"
    return unescape(match.group(1))


def log_in_at_idp(browser, page, user, follow: bool = True) -> requests.Response:
    """Fill in the provider's login page (``page``) and follow where it leads."""
    assert "Inlogdienst van de gemeente" in page.text, page.url
    return browser.post(
        page.url.split("?")[0],
        data={
            "csrfmiddlewaretoken": form_field(page.text, "csrfmiddlewaretoken"),
            "username": user.username,
            "password": user.password,
            "next": form_field(page.text, "next"),
        },
        allow_redirects=follow,
    )


def sign_in(app: str, user, start: str = "") -> tuple[requests.Session, requests.Response]:
    """A browser clicks the SSO link, signs in at the provider and comes back."""
    browser = requests.Session()
    login_page = browser.get(app + (start or reverse("gebruikers:oidc-start")))
    return browser, log_in_at_idp(browser, login_page, user)


def callback_of(response: requests.Response) -> requests.Response:
    """The answer of Regiekamer's callback among the redirects that led to ``response``."""
    path = reverse("gebruikers:oidc-callback")
    return next(r for r in response.history if urlsplit(r.url).path == path)


def security_lines(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "regiekamer.security"]


def test_an_invited_official_signs_in_through_the_idp_and_lands_in_the_app(app, settings, caplog):
    anne = account(ANNE.email, "Anne", "Jansen")
    caplog.set_level(logging.INFO, logger="regiekamer.security")
    browser, page = sign_in(app, ANNE)

    # Back in Regiekamer where every sign-in lands (LOGIN_REDIRECT_URL), signed in as Anne,
    # although the IdP spells her address in another case.
    callback = callback_of(page)
    assert callback.headers["Location"] == resolve_url(settings.LOGIN_REDIRECT_URL)
    assert page.status_code == 200 and page.url.startswith(app)
    assert "Anne Jansen" in text(page) and "Uitloggen" in text(page)
    session = SessionStore(session_key=browser.cookies["sessionid"])
    assert session["_auth_user_id"] == str(anne.pk)
    # The IdP's sign-in is no second factor unless the installation says so (OIDC_IDP_MFA).
    assert session["tweestaps_door_idp"] is False
    lines = security_lines(caplog)
    assert any(
        line.startswith(f"Ingelogd via single sign-on: gebruiker={anne.username} adres=127.0.0.1")
        for line in lines
    ), lines
    # Never the code (or a token) in the log.
    code = parse_qs(urlsplit(callback.url).query)["code"][0]
    assert not [line for line in lines if code in line]

    # A deactivated account's session ends with the next request.
    anne.is_active = False
    anne.save()
    again = browser.get(app + "/", allow_redirects=False)
    assert again.status_code == 302 and "/inloggen/" in again.headers["Location"]


def test_with_idp_mfa_the_sign_in_counts_as_the_second_factor_and_next_is_followed(app, settings):
    settings.OIDC_IDP_MFA = True
    account(ANNE.email, "Anne", "Jansen")
    target = reverse("gemeenten:gemeente-list")
    start = reverse("gebruikers:oidc-start") + "?" + urlencode({"next": target})
    browser, page = sign_in(app, ANNE, start)
    assert urlsplit(page.url).path == target and "Anne Jansen" in text(page)
    session = SessionStore(session_key=browser.cookies["sessionid"])
    assert session["tweestaps_door_idp"] is True
    # Uitloggen ends the Regiekamer session of a user who came through the IdP.
    token = form_field(page.text, "csrfmiddlewaretoken")
    browser.post(app + reverse("logout"), data={"csrfmiddlewaretoken": token})
    assert not SessionStore(session_key=session.session_key).exists(session.session_key)
    again = browser.get(app + target, allow_redirects=False)
    assert again.status_code == 302 and reverse("login") in again.headers["Location"]
    # Another site as next: ignored, the user lands in Regiekamer.
    start = reverse("gebruikers:oidc-start") + "?" + urlencode({"next": "https://kwaad.example/"})
    _, page = sign_in(app, ANNE, start)
    assert page.url.startswith(app) and "Anne Jansen" in text(page)


@pytest.mark.parametrize(
    ("idp_user", "message", "reason"),
    [
        (
            STRANGER,
            f"Er is geen account in Regiekamer voor {STRANGER.email}; vraag de beheerder om een "
            "uitnodiging.",
            "geen account",
        ),
        (
            FORMER,
            f"Het account in Regiekamer voor {FORMER.email} is gedeactiveerd; vraag de beheerder "
            "het weer te activeren.",
            "is gedeactiveerd",
        ),
        (
            UNVERIFIED,
            f"Uw gemeente heeft het e-mailadres {UNVERIFIED.email} niet als bevestigd doorgegeven",
            "e-mailadres niet bevestigd",
        ),
    ],
    ids=["stranger", "deactivated", "unverified"],
)
def test_a_sign_in_without_an_active_invited_account_is_refused_with_a_dutch_message(
    app, caplog, idp_user, message, reason
):
    account(FORMER.email, is_active=False)
    account(UNVERIFIED.email)
    users_before = get_user_model().objects.count()
    caplog.set_level(logging.INFO, logger="regiekamer.security")
    browser, page = sign_in(app, idp_user)

    assert urlsplit(page.url).path == reverse("login")
    assert message in text(page)
    assert "Uitloggen" not in text(page)
    assert "_auth_user_id" not in SessionStore(session_key=browser.cookies["sessionid"])
    assert get_user_model().objects.count() == users_before  # nobody was made an account
    # Not a failed password for django-axes (no lockout of the office's address, no code kept).
    assert not AccessAttempt.objects.exists() and not AccessFailureLog.objects.exists()
    assert any(
        line.startswith(f"Single sign-on geweigerd: e-mail={idp_user.email} adres=127.0.0.1")
        and reason in line
        for line in security_lines(caplog)
    ), security_lines(caplog)


def stop_before_callback(app: str, user) -> tuple[requests.Session, str]:
    """A sign-in that stops where the IdP sends the browser back: (browser, callback URL)."""
    browser = requests.Session()
    login_page = browser.get(app + reverse("gebruikers:oidc-start"))
    answer = log_in_at_idp(browser, login_page, user, follow=False)
    while not answer.headers["Location"].startswith(app):
        answer = browser.get(urljoin(answer.url, answer.headers["Location"]), allow_redirects=False)
    return browser, answer.headers["Location"]


def test_a_callback_of_another_sign_in_is_refused(app, caplog):
    """Login CSRF: the IdP's answer to someone else's sign-in (another browser's state) does
    not sign in this browser, however valid its code; and an answer is used once."""
    account(ANNE.email, "Anne", "Jansen")
    caplog.set_level(logging.INFO, logger="regiekamer.security")
    _, foreign_callback = stop_before_callback(app, ANNE)
    victim = requests.Session()
    victim.get(app + reverse("gebruikers:oidc-start"), allow_redirects=False)
    page = victim.get(foreign_callback)
    assert urlsplit(page.url).path == reverse("login")
    assert "het antwoord van de inlogdienst hoort niet bij deze inlogpoging" in text(page)
    assert "Anne Jansen" not in text(page)
    assert any("state not found" in line for line in security_lines(caplog))

    browser, callback = stop_before_callback(app, ANNE)
    assert "Anne Jansen" in text(browser.get(callback))
    replay = requests.Session()
    replay.get(app + reverse("gebruikers:oidc-start"), allow_redirects=False)
    assert "Anne Jansen" not in text(replay.get(callback))


def test_a_code_issued_to_another_client_is_refused(app, oidc, caplog):
    account(ANNE.email, "Anne", "Jansen")
    caplog.set_level(logging.INFO, logger="regiekamer.security")
    browser, _ = stop_before_callback(app, ANNE)  # signed in at the IdP, not in Regiekamer
    # The IdP gives the browser a code for another system.
    answer = browser.get(
        oidc.endpoint("authorize")
        + "?"
        + urlencode(
            {
                "client_id": OTHER_CLIENT_ID,
                "redirect_uri": OTHER_REDIRECT_URI,
                "response_type": "code",
                "scope": "openid email",
                "state": "ander",
            }
        ),
        allow_redirects=False,
    )
    other_code = parse_qs(urlsplit(answer.headers["Location"]).query)["code"][0]
    # ... and it is brought to Regiekamer's callback with this browser's own state.
    start = browser.get(app + reverse("gebruikers:oidc-start"), allow_redirects=False)
    state = parse_qs(urlsplit(start.headers["Location"]).query)["state"][0]
    callback = app + reverse("gebruikers:oidc-callback")
    page = browser.get(callback + "?" + urlencode({"code": other_code, "state": state}))
    assert urlsplit(page.url).path == reverse("login")
    assert "de inlogdienst weigerde de aanmelding" in text(page)
    assert "Anne Jansen" not in text(page)
    assert any(
        "de IdP weigerde de code of het token (HTTP 400)" in line for line in security_lines(caplog)
    )
    assert not [line for line in security_lines(caplog) if other_code in line]


def test_an_answer_without_a_sign_in_or_with_an_idp_error_is_refused(app):
    browser = requests.Session()
    callback = app + reverse("gebruikers:oidc-callback")
    page = browser.get(callback + "?code=abc&state=def")
    assert "deze inlogpoging is verlopen of al gebruikt" in text(page)
    browser.get(app + reverse("gebruikers:oidc-start"), allow_redirects=False)
    page = browser.get(callback + "?error=access_denied&state=x")
    assert "De inlogdienst van uw gemeente heeft het inloggen niet voltooid." in text(page)
    assert urlsplit(page.url).path == reverse("login")


@pytest.mark.django_db
def test_password_login_still_works_and_the_login_page_offers_the_idp(settings, django_user_model):
    use_oidc(settings, Idp(9))
    account("jan@gemeente-weert.nl")
    client = Client()
    page = client.get(reverse("login") + "?next=/gemeenten/")
    html = page.content.decode()
    assert LABEL in html
    assert f'href="{reverse("gebruikers:oidc-start")}?next=/gemeenten/"' in html
    answer = client.post(
        reverse("login"),
        {"username": "jan@gemeente-weert.nl", "password": "een-lang-wachtwoord-2026"},
    )
    assert answer.status_code == 302
    assert answer["Location"] == resolve_url(settings.LOGIN_REDIRECT_URL)
    assert client.session["_auth_user_backend"] == "django.contrib.auth.backends.ModelBackend"


@pytest.mark.django_db
def test_with_sso_off_its_addresses_answer_404_and_the_login_page_shows_no_link(settings):
    assert settings.OIDC_ENABLED is False  # the tests' environment sets no OIDC_RP_CLIENT_ID
    client = Client()
    assert client.get(reverse("gebruikers:oidc-start")).status_code == 404
    assert client.get(reverse("gebruikers:oidc-callback") + "?code=a&state=b").status_code == 404
    html = client.get(reverse("login")).content.decode()
    assert LABEL not in html and reverse("gebruikers:oidc-start") not in html


ENDPOINTS = {
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "https://idp.example.nl/authorize",
    "OIDC_OP_TOKEN_ENDPOINT": "https://idp.example.nl/token",
    "OIDC_OP_USER_ENDPOINT": "https://idp.example.nl/userinfo",
    "OIDC_OP_JWKS_ENDPOINT": "https://idp.example.nl/jwks",
}


def test_settings_switch_sso_on_only_when_complete(monkeypatch):
    for name in ["OIDC_RP_CLIENT_ID", "OIDC_RP_CLIENT_SECRET", "OIDC_IDP_MFA", *ENDPOINTS]:
        monkeypatch.delenv(name, raising=False)
    off = runpy.run_path(str(SETTINGS_FILE))
    assert off["OIDC_ENABLED"] is False
    assert BACKEND not in off["AUTHENTICATION_BACKENDS"]

    monkeypatch.setenv("OIDC_RP_CLIENT_ID", "regiekamer")
    with pytest.raises(ImproperlyConfigured, match="half ingesteld: zet ook OIDC_RP_CLIENT_SECRET"):
        runpy.run_path(str(SETTINGS_FILE))

    monkeypatch.setenv("OIDC_RP_CLIENT_SECRET", "geheim")
    for name, value in ENDPOINTS.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("OIDC_IDP_MFA", "1")
    on = runpy.run_path(str(SETTINGS_FILE))
    assert on["OIDC_ENABLED"] is True and on["OIDC_IDP_MFA"] is True
    assert on["OIDC_CREATE_USER"] is False and on["OIDC_RP_SIGN_ALGO"] == "RS256"
    # The password login keeps django-axes' lockout in front of it.
    assert on["AUTHENTICATION_BACKENDS"] == [
        "axes.backends.AxesStandaloneBackend",
        "regiekamer.access.AccessBackend",
        "django.contrib.auth.backends.ModelBackend",
        BACKEND,
    ]
