"""Login lockout (django-axes), session limits, password change, cookies and security log lines."""

import io
import logging
import re
import time
from datetime import timedelta

import pytest
from axes.models import AccessFailureLog
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from regiekamer.middleware import LOGIN_TIME_KEY, SEEN_KEY
from regiekamer.roles import STUURGROEP

LOGIN = "/inloggen/"
PASSWORD = "Juist-Wachtwoord-4821"
WRONG = "Fout-Wachtwoord-Herkenbaar-7731"


@pytest.fixture(autouse=True)
def fast_hasher(settings):
    # Every failed login checks a password; the default hasher would make these tests slow.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def account(db, django_user_model):
    user = django_user_model.objects.create_user(
        username="ambtenaar", password=PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name=STUURGROEP))
    return user


@pytest.fixture
def other_account(db, django_user_model):
    return django_user_model.objects.create_user(username="collega", password=PASSWORD)


def post_login(client, username, password, address="10.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def is_logged_in(client) -> bool:
    response = client.get(reverse("convenant:samenwerkingsverband-list"))
    return response.status_code == 200


# Lockout


def test_ten_failures_from_one_address_lock_that_username_there(account, other_account):
    client = Client()
    for _ in range(9):
        response = post_login(client, "ambtenaar", WRONG)
        assert response.status_code == 200
        assert "Gebruikersnaam of wachtwoord is onjuist" in response.content.decode()

    response = post_login(client, "ambtenaar", WRONG)
    assert response.status_code == 429
    page = response.content.decode()
    assert "Te veel mislukte inlogpogingen" in page
    assert "Wacht een kwartier" in page
    assert 'class="site-header"' in page  # the app's layout

    # Even the right password is refused from that address now.
    response = post_login(Client(), "ambtenaar", PASSWORD)
    assert response.status_code == 429

    # Another user from the same address, and the same user from elsewhere, still log in.
    other = Client()
    assert post_login(other, "collega", PASSWORD).status_code == 302
    assert is_logged_in(other)
    elsewhere = Client()
    assert post_login(elsewhere, "ambtenaar", PASSWORD, address="10.0.0.2").status_code == 302
    assert is_logged_in(elsewhere)


def test_lockout_ends_after_fifteen_minutes(account):
    for _ in range(10):
        post_login(Client(), "ambtenaar", WRONG)
    assert post_login(Client(), "ambtenaar", PASSWORD).status_code == 429

    from axes.models import AccessAttempt

    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    AccessFailureLog.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert post_login(Client(), "ambtenaar", PASSWORD).status_code == 302


def add_failures(username, count, minutes_ago=0):
    AccessFailureLog.objects.bulk_create(
        AccessFailureLog(
            username=username,
            ip_address=f"192.0.2.{index % 250 + 1}",
            user_agent="test",
            http_accept="text/html",
            path_info=LOGIN,
        )
        for index in range(count)
    )
    if minutes_ago:
        AccessFailureLog.objects.filter(username=username).update(
            attempt_time=timezone.now() - timedelta(minutes=minutes_ago)
        )


def test_hundred_failures_an_hour_lock_the_account_from_every_address(account, other_account):
    add_failures("ambtenaar", 99)  # from many addresses, each under its own limit
    # The hundredth failure, from yet another address, is recorded normally.
    assert post_login(Client(), "ambtenaar", WRONG, address="10.9.9.9").status_code == 200
    assert AccessFailureLog.objects.filter(username="ambtenaar").count() == 100

    # From now on the account is refused, whatever the address, even with the right password.
    response = post_login(Client(), "ambtenaar", PASSWORD, address="10.7.7.7")
    assert response.status_code == 429
    assert "Te veel mislukte inlogpogingen" in response.content.decode()

    # Another account is not affected.
    assert post_login(Client(), "collega", PASSWORD, address="10.7.7.7").status_code == 302


def test_account_failures_older_than_an_hour_do_not_count(account):
    add_failures("ambtenaar", 150, minutes_ago=61)
    assert post_login(Client(), "ambtenaar", PASSWORD, address="10.7.7.7").status_code == 302


def test_ninety_nine_failures_an_hour_do_not_lock_the_account(account):
    add_failures("ambtenaar", 99)
    assert post_login(Client(), "ambtenaar", PASSWORD, address="10.7.7.7").status_code == 302


# Sessions


def test_session_ends_twelve_hours_after_login(account):
    client = Client()
    client.force_login(account)
    session = client.session
    session[LOGIN_TIME_KEY] = int(time.time()) - 11 * 3600
    session.save()
    assert is_logged_in(client)

    session = client.session
    session[LOGIN_TIME_KEY] = int(time.time()) - 12 * 3600 - 60
    session.save()
    response = client.get(reverse("convenant:samenwerkingsverband-list"))
    assert response.status_code == 302
    assert response.url.startswith(LOGIN)
    assert not is_logged_in(client)  # really logged out, not only redirected once


def test_login_through_the_form_stores_the_login_time(account):
    client = Client()
    before = int(time.time())
    assert post_login(client, "ambtenaar", PASSWORD).status_code == 302
    assert client.session[LOGIN_TIME_KEY] >= before


def test_idle_session_expires_after_thirty_minutes_renewed_at_most_once_a_minute(account):
    assert settings.SESSION_IDLE_SECONDS == 30 * 60
    assert settings.SESSION_COOKIE_AGE == 31 * 60  # the idle limit plus the renewal interval
    assert not settings.SESSION_SAVE_EVERY_REQUEST
    client = Client()
    client.force_login(account)  # the login saves the session: its first renewal
    expiry = client.session.get_expiry_date()
    assert timedelta(minutes=30) < expiry - timezone.now() <= timedelta(minutes=31)
    page = reverse("convenant:samenwerkingsverband-list")

    # Within the minute: the session is not written again and no cookie is sent.
    with CaptureQueriesContext(connection) as queries:
        response = client.get(page)
    assert response.status_code == 200
    assert settings.SESSION_COOKIE_NAME not in response.cookies
    assert not [q for q in queries if "django_session" in q["sql"] and "UPDATE" in q["sql"]]

    # A minute later a request renews it: another 31 minutes from now, and a new cookie.
    session = client.session
    session[SEEN_KEY] -= 61
    session.save()
    response = client.get(page)
    assert response.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == 31 * 60
    assert client.session[SEEN_KEY] >= int(time.time()) - 1
    expiry = client.session.get_expiry_date()
    assert timedelta(minutes=30) < expiry - timezone.now() <= timedelta(minutes=31)


def test_password_change_logs_out_other_sessions(account):
    here, there = Client(), Client()
    here.force_login(account)
    there.force_login(account)
    assert is_logged_in(there)

    page = here.get(reverse("convenant:samenwerkingsverband-list")).content.decode()
    assert 'href="/wachtwoord/"' in page  # the header link next to "Uitloggen"
    form = here.get("/wachtwoord/")
    assert form.status_code == 200
    assert "Wachtwoord wijzigen" in form.content.decode()
    assert "Huidig wachtwoord" in form.content.decode() or "Oud wachtwoord" in form.content.decode()

    new = "Nieuw-Sterk-Wachtwoord-5590"
    response = here.post(
        "/wachtwoord/",
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
        follow=True,
    )
    assert "Uw wachtwoord is gewijzigd" in response.content.decode()
    assert is_logged_in(here)
    assert not is_logged_in(there)
    account.refresh_from_db()
    assert account.check_password(new)


def test_password_change_with_wrong_old_password_is_refused_in_dutch(account):
    client = Client()
    client.force_login(account)
    response = client.post(
        "/wachtwoord/",
        {"old_password": WRONG, "new_password1": "Abc-12345-xyz", "new_password2": "Abc-12345-xyz"},
    )
    assert response.status_code == 200
    assert "oude wachtwoord is niet juist ingevoerd" in response.content.decode()
    account.refresh_from_db()
    assert account.check_password(PASSWORD)


# Cookies and headers


def test_cookies_are_secure_httponly_and_samesite(account):
    client = Client()
    client.get(LOGIN)
    response = post_login(client, "ambtenaar", PASSWORD)
    session = response.cookies[settings.SESSION_COOKIE_NAME]
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"
    csrf = client.get(LOGIN).cookies.get(settings.CSRF_COOKIE_NAME) or client.cookies.get(
        settings.CSRF_COOKIE_NAME
    )
    assert csrf["secure"] and csrf["httponly"] and csrf["samesite"] == "Lax"


def test_security_headers(account):
    response = Client().get(LOGIN, secure=True)
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "max-age=31536000" in response["Strict-Transport-Security"]
    assert "includeSubDomains" in response["Strict-Transport-Security"]


# Security log lines


def test_security_log_names_the_user_and_never_a_secret(admin_for_every_role, account, caplog):
    caplog.set_level(logging.DEBUG)

    # A successful login through the real form, with CSRF checks on.
    client = Client(enforce_csrf_checks=True)
    page = client.get(LOGIN).content.decode()
    form_token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    csrf_cookie = client.cookies[settings.CSRF_COOKIE_NAME].value
    response = client.post(
        LOGIN,
        {"username": "ambtenaar", "password": PASSWORD, "csrfmiddlewaretoken": form_token},
        REMOTE_ADDR="10.1.2.3",
    )
    assert response.status_code == 302
    session_key = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert session_key

    # A denied page (403) for the same logged-in stuurgroep member.
    assert client.get(reverse("admin:partijen_gemeente_add")).status_code == 403

    # A failed login with a recognisable password, then a lockout.
    intruder = Client()
    for _ in range(10):
        last = post_login(intruder, "ambtenaar", WRONG, address="10.6.6.6")
    assert last.status_code == 429

    security = [r for r in caplog.records if r.name == "regiekamer.security"]
    messages = [r.getMessage() for r in security]
    assert any(m.startswith("Ingelogd: gebruiker=ambtenaar adres=10.1.2.3") for m in messages)
    assert any("Toegang geweigerd: gebruiker=ambtenaar" in m and "/admin/" in m for m in messages)
    assert any(
        m.startswith("Inloggen mislukt: gebruiker=ambtenaar adres=10.6.6.6") for m in messages
    )
    assert any(m.startswith("Geblokkeerd") and "ambtenaar" in m for m in messages)
    assert all(r.levelno in (logging.INFO, logging.WARNING) for r in security)

    everything = caplog.text + "\n".join(r.getMessage() for r in caplog.records)
    for secret in (PASSWORD, WRONG, session_key, csrf_cookie, form_token):
        assert secret not in everything
    assert "ambtenaar" in everything


def test_security_log_format_has_the_time():
    fmt = settings.LOGGING["formatters"]["tijd"]["format"]
    record = logging.LogRecord("regiekamer.security", logging.INFO, "", 0, "x", None, None)
    line = logging.Formatter(fmt).format(record)
    assert str(timezone.now().year) in line
    assert settings.LOGGING["handlers"]["console"]["formatter"] == "tijd"


def test_log_denied_can_be_called_for_a_hidden_page(rf, account, caplog):
    from regiekamer.security import log_denied

    caplog.set_level(logging.INFO, logger="regiekamer.security")
    request = rf.get("/samenwerkingsverbanden/XYZ/", REMOTE_ADDR="10.4.4.4")
    request.user = account
    log_denied(request, "samenwerkingsverband niet zichtbaar")
    assert caplog.records[-1].getMessage() == (
        "Toegang geweigerd: gebruiker=ambtenaar adres=10.4.4.4 methode=GET "
        "pad=/samenwerkingsverbanden/XYZ/ reden=samenwerkingsverband niet zichtbaar"
    )


@pytest.mark.django_db
def test_a_line_break_typed_as_user_name_writes_no_forged_line_into_the_log():
    """``x\\nIngelogd: gebruiker=beheer`` as user name: the log shows it escaped on one line."""
    from regiekamer.logfilters import OneLine

    handler = next(
        h for h in logging.getLogger().handlers if any(isinstance(f, OneLine) for f in h.filters)
    )
    stream = io.StringIO()
    old = handler.setStream(stream)
    try:
        forged = "x\nIngelogd: gebruiker=beheer adres=10.0.0.1"
        Client().post("/inloggen/", {"username": forged, "password": "fout"})
        Client().get("/bestaat%0AIngelogd/")
    finally:
        handler.setStream(old)
    written = stream.getvalue()
    assert "Inloggen mislukt: gebruiker=x\\nIngelogd: gebruiker=beheer" in written
    assert not any(line.startswith("Ingelogd") for line in written.splitlines())
