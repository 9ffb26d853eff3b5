"""Two-factor sign-in (gebruikers/tweestaps.py, the middleware and the pages).

Codes are computed as an authenticator app computes them: from the device's own secret with
django-otp's TOTP, at the present time. Nothing of the verification is replaced: a code an app
would not show is refused, a code used once is refused again (django-otp's ``last_t``), and
wrong codes make the device wait (django-otp's throttling). A second code in one test is the
one the app shows in the next 30 seconds (as a phone whose clock runs a little ahead): the
device accepts it, as it would accept it half a minute later.
"""

import html
import re
from datetime import timedelta
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from django.shortcuts import resolve_url
from django.test import Client, RequestFactory
from django.urls import reverse
from django_otp.middleware import OTPMiddleware
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from gebruikers import tweestaps
from partijen.models import Gemeente
from regiekamer.roles import BEHEERDER, GEMEENTE, REGIEGROEP, STUURGROEP
from tests.conftest import make_user
from tests.regiekamer.test_csp import InlineFinder

PASSWORD = "geheim-123!"
INSTELLEN = reverse("gebruikers:tweestaps-instellen")
CODE = reverse("gebruikers:tweestaps-code")
HERSTELCODES = reverse("gebruikers:tweestaps-herstelcodes")
ACCOUNT = reverse("gebruikers:tweestaps")
UITSCHAKELEN = reverse("gebruikers:tweestaps-uitschakelen")


@pytest.fixture
def required(settings):
    settings.TWO_FACTOR_REQUIRED = True
    return settings


def app_code(device: TOTPDevice) -> str:
    """The code the user's app shows now; once this step's code was used, the next one."""
    if device.pk:
        device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    if totp.t() <= device.last_t:
        totp.drift += device.last_t - totp.t() + 1
    return f"{totp.token():0{device.digits}d}"


def wrong_code(device: TOTPDevice) -> str:
    """Six digits that are none of the codes the device would accept now."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    accepted = set()
    for offset in range(-device.tolerance, device.tolerance + 2):
        totp.drift = device.drift + offset
        accepted.add(totp.token())
    return next(f"{n:06d}" for n in range(1, 10**6) if n not in accepted)


def wait_out_throttle(device):
    """As if the user waited until the device checks codes again (after a wrong one)."""
    device.refresh_from_db()
    if device.throttling_failure_timestamp:
        delay = timedelta(seconds=2**device.throttling_failure_count)
        device.throttling_failure_timestamp -= delay
        device.save(update_fields=["throttling_failure_timestamp"])


def log_in(user, client=None) -> Client:
    """Log in with the password, as on the login page; the response follows no redirect."""
    client = client or Client()
    response = client.post(
        reverse("login"), {"username": user.username, "password": PASSWORD}, REMOTE_ADDR="10.1.2.3"
    )
    assert response.status_code == 302, response.content.decode()[:500]
    return client


def enrol(client, user) -> list[str]:
    """Set up the app on the set-up page: the recovery codes the page shows."""
    assert client.get(INSTELLEN).status_code == 200
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post(INSTELLEN, {"code": app_code(device)})
    assert response.status_code == 302, page_text(response)
    return recovery_codes(client.get(HERSTELCODES))


def recovery_codes(response) -> list[str]:
    return re.findall(r"<code>([a-z2-7]{4}-[a-z2-7]{4})</code>", response.content.decode())


def page_text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def redirected_to(response, page: str) -> bool:
    return response.status_code == 302 and response["Location"].startswith(page)


# --- who must ---------------------------------------------------------------------------------


def test_the_roles_of_the_setting_are_the_roles_of_regiekamer(settings):
    assert settings.TWO_FACTOR_ROLES == [BEHEERDER, REGIEGROEP]
    assert settings.OTP_TOTP_ISSUER == "Regiekamer"


@pytest.mark.django_db
def test_required_for_beheerder_regiegroep_and_superuser_when_the_setting_is_on(
    settings, django_user_model
):
    users = {
        role: make_user(django_user_model, f"{role}-x", role)
        for role in (BEHEERDER, REGIEGROEP, STUURGROEP, GEMEENTE)
    }
    superuser = django_user_model.objects.create_superuser("super-x", "s@example.nl", PASSWORD)
    settings.TWO_FACTOR_REQUIRED = True
    assert {role for role, user in users.items() if tweestaps.required_for(user)} == {
        BEHEERDER,
        REGIEGROEP,
    }
    assert tweestaps.required_for(superuser)
    settings.TWO_FACTOR_REQUIRED = False
    assert not any(tweestaps.required_for(user) for user in [*users.values(), superuser])


# --- required: nothing before the set-up ----------------------------------------------------


@pytest.mark.django_db
def test_regiegroep_is_sent_to_set_up_and_reaches_nothing_else_until_then(
    demo, required, regie_user
):
    weert = Gemeente.objects.get(naam="Weert")
    dashboard = reverse("dashboard", kwargs={"afkorting": "MLW"})
    pdf = reverse("kosten:kostenverdeling", kwargs={"afkorting": "MLW"}) + "?download=pdf"
    export = reverse("werkboek:export", kwargs={"afkorting": "MLW"})
    edit = reverse("gemeenten:gemeente-update", kwargs={"pk": weert.pk})

    client = Client()
    response = client.post(reverse("login"), {"username": "regie-test", "password": PASSWORD})
    # The login leads to the start page, which sends the user to the set-up, keeping the way.
    start = response["Location"]
    response = client.get(start)
    assert redirected_to(response, INSTELLEN)
    for page in [dashboard, pdf, export, reverse("admin:index"), ACCOUNT, CODE, HERSTELCODES]:
        response = client.get(page)
        assert redirected_to(response, INSTELLEN), page
        if page != CODE:
            assert next_of(response) == page, response["Location"]
    # A form sent in this half session: refused, nothing saved.
    response = client.post(edit, {"naam": "Weert (gekaapt)"})
    assert response.status_code == 403
    assert "voer eerst de code uit uw authenticator-app in" in page_text(response)
    assert "Er is niets opgeslagen" in page_text(response)
    weert.refresh_from_db()
    assert weert.naam == "Weert"
    response = client.post(HERSTELCODES)
    assert response.status_code == 403
    assert not StaticToken.objects.filter(device__user=regie_user).exists()
    # The way out and the health check stay open.
    assert client.get(reverse("ping")).status_code == 200

    # The set-up page: the QR code and the secret, within the Content-Security-Policy.
    response = client.get(f"{INSTELLEN}?next={quoted(dashboard)}")
    assert response.status_code == 200
    device = TOTPDevice.objects.get(user=regie_user, confirmed=False)
    text = page_text(response)
    assert "Voor uw rol is tweestapsverificatie verplicht" in text
    assert tweestaps.secret(device) in text
    # On the phone itself: a link that opens the app with the same key.
    assert f'href="{html.escape(device.config_url)}"' in response.content.decode()
    assert device.config_url.startswith("otpauth://totp/")
    assert len(tweestaps.secret(device).split()) == 8  # 32 characters in groups of four
    assert '<svg class="qr"' in response.content.decode()
    finder = InlineFinder()
    finder.feed(response.content.decode())
    assert not finder.problems
    assert "style-src 'self'" in response["Content-Security-Policy"]

    # A wrong code: refused, nothing set up.
    response = client.post(INSTELLEN, {"code": wrong_code(device), "next": dashboard})
    assert response.status_code == 200
    assert "Deze code klopt niet" in page_text(response)
    device.refresh_from_db()
    assert not device.confirmed
    assert redirected_to(client.get(dashboard), INSTELLEN)
    # Not a code at all.
    response = client.post(INSTELLEN, {"code": "12345"})
    assert "Vul de zes cijfers in die de app toont" in page_text(response)

    # The right code, typed as the app shows it ("123 456"): set up, and the session verified.
    wait_out_throttle(device)
    code = app_code(device)
    response = client.post(INSTELLEN, {"code": f"{code[:3]} {code[3:]}", "next": dashboard})
    assert redirected_to(response, HERSTELCODES)
    device.refresh_from_db()
    assert device.confirmed
    response = client.get(response["Location"])
    codes = recovery_codes(response)
    assert len(set(codes)) == 10
    assert "Deze codes ziet u maar één keer" in page_text(response)
    assert f'href="{dashboard}"' in response.content.decode()  # "doorgaan" to where it was going
    # Shown once.
    again = client.get(HERSTELCODES)
    assert recovery_codes(again) == []
    assert "U heeft er nog 10 ongebruikt" in page_text(again)
    # Everything open now.
    assert client.get(dashboard).status_code == 200
    assert client.get(export).status_code == 200


def quoted(path: str) -> str:
    return quote(path, safe="")


def next_of(response) -> str:
    return parse_qs(urlsplit(response["Location"]).query)["next"][0]


@pytest.mark.django_db
def test_a_half_session_with_an_app_is_asked_the_code_and_then_goes_where_it_was_going(
    demo, required, regie_user
):
    enrol(log_in(regie_user), regie_user)
    dashboard = reverse("dashboard", kwargs={"afkorting": "MLW"})
    client = log_in(regie_user)
    response = client.get(dashboard)
    assert redirected_to(response, CODE)
    # With an app, the set-up page sends to the code (no second app behind the first's back).
    assert redirected_to(client.get(INSTELLEN), CODE)
    assert redirected_to(client.get(reverse("admin:index")), CODE)
    assert client.post(HERSTELCODES).status_code == 403
    assert client.post(UITSCHAKELEN).status_code == 403

    page = client.get(response["Location"])
    assert "Code invoeren" in page_text(page)
    assert "Uitloggen" in page_text(page)
    device = TOTPDevice.objects.get(user=regie_user)
    response = client.post(CODE, {"code": app_code(device), "next": dashboard})
    assert redirected_to(response, dashboard)
    assert client.get(dashboard).status_code == 200


@pytest.mark.django_db
def test_next_leads_only_within_the_site(required, regie_user, settings):
    enrol(log_in(regie_user), regie_user)
    client = log_in(regie_user)
    device = TOTPDevice.objects.get(user=regie_user)
    response = client.post(CODE, {"code": app_code(device), "next": "https://evil.example/"})
    assert response.status_code == 302
    assert "evil" not in response["Location"]
    # Verified: the code page sends on to next, if it is a path of this site.
    home = resolve_url(settings.LOGIN_REDIRECT_URL)
    for elsewhere in ["//evil.example/", "/\\evil.example", "abc", "javascript:alert(1)"]:
        assert client.get(CODE, {"next": elsewhere})["Location"] == home, elsewhere
    assert client.get(CODE, {"next": "/gemeenten/?q=1"})["Location"] == "/gemeenten/?q=1"


# --- the code after the password ------------------------------------------------------------


@pytest.mark.django_db
def test_a_recovery_code_works_once(required, regie_user, caplog):
    codes = enrol(log_in(regie_user), regie_user)
    client = log_in(regie_user)
    response = client.post(CODE, {"code": codes[0].upper().replace("-", " ")}, follow=True)
    assert "U heeft een herstelcode gebruikt; die werkt nu niet meer. U heeft er nog 9." in (
        page_text(response)
    )
    assert client.get(ACCOUNT).status_code == 200
    assert "9 van de 10 ongebruikt" in page_text(client.get(ACCOUNT))

    other = log_in(regie_user)
    response = other.post(CODE, {"code": codes[0]})
    assert response.status_code == 200
    assert "Deze code klopt niet" in page_text(response)
    assert "Een herstelcode werkt maar één keer" in page_text(response)
    assert redirected_to(other.get(ACCOUNT), CODE)
    assert "middel=herstelcode" in caplog.text
    assert "Tweestapscode onjuist: gebruiker=regie-test" in caplog.text


@pytest.mark.django_db
def test_a_code_from_the_app_is_accepted_once(required, regie_user):
    """A code seen over a shoulder or caught on the way is worth nothing once used: the device
    remembers the time step of the last accepted code (django-otp's last_t)."""
    enrol(log_in(regie_user), regie_user)
    device = TOTPDevice.objects.get(user=regie_user)
    code = app_code(device)
    first = log_in(regie_user)
    assert first.post(CODE, {"code": code}).status_code == 302
    attacker = log_in(regie_user)
    response = attacker.post(CODE, {"code": code})
    assert response.status_code == 200
    assert "Deze code klopt niet" in page_text(response)
    assert redirected_to(attacker.get(ACCOUNT), CODE)
    # The app's next code does work (the user is not locked out by it).
    wait_out_throttle(device)
    assert attacker.post(CODE, {"code": app_code(device)}).status_code == 302


@pytest.mark.django_db
def test_the_code_of_the_set_up_is_not_accepted_again_after_the_login(required, regie_user):
    client = log_in(regie_user)
    client.get(INSTELLEN)
    device = TOTPDevice.objects.get(user=regie_user)
    code = app_code(device)
    assert client.post(INSTELLEN, {"code": code}).status_code == 302
    response = log_in(regie_user).post(CODE, {"code": code})
    assert "Deze code klopt niet" in page_text(response)


@pytest.mark.django_db
def test_too_many_wrong_codes_make_the_user_wait_with_a_clear_message(required, regie_user, caplog):
    enrol(log_in(regie_user), regie_user)
    device = TOTPDevice.objects.get(user=regie_user)
    client = log_in(regie_user)
    for _ in range(3):
        wait_out_throttle(device)
        response = client.post(CODE, {"code": wrong_code(device)})
        assert "Deze code klopt niet" in page_text(response)
    # Right away the next code, even the right one, is not checked: the device waits 4 s.
    response = client.post(CODE, {"code": app_code(device)})
    text = page_text(response)
    assert "U heeft 3 keer achter elkaar een onjuiste code ingevoerd." in text
    assert re.search(r"Wacht [1-4] seconden? en probeer het dan opnieuw", text), text
    assert redirected_to(client.get(ACCOUNT), CODE)
    assert "Tweestapscode geweigerd, te veel onjuiste codes: gebruiker=regie-test" in caplog.text
    assert "adres=10.1.2.3" in caplog.text
    assert "pogingen=3" in caplog.text
    # After the wait the right code works.
    wait_out_throttle(device)
    assert client.post(CODE, {"code": app_code(device)}).status_code == 302


# --- voluntary, off, reset ------------------------------------------------------------------


@pytest.mark.django_db
def test_stuurgroep_is_not_forced_but_may_set_it_up_and_is_then_asked_the_code(
    demo, required, stuur_user
):
    dashboard = reverse("dashboard", kwargs={"afkorting": "MLW"})
    client = log_in(stuur_user)
    assert client.get(dashboard).status_code == 200
    account = client.get(ACCOUNT)
    assert "Status Uit" in page_text(account)
    assert "verplicht" not in page_text(account)
    enrol(client, stuur_user)
    assert "Status Aan, met een authenticator-app" in page_text(client.get(ACCOUNT))

    again = log_in(stuur_user)
    assert redirected_to(again.get(dashboard), CODE)
    device = TOTPDevice.objects.get(user=stuur_user)
    again.post(CODE, {"code": app_code(device)})
    assert again.get(dashboard).status_code == 200

    # Not required for the stuurgroep: it may switch it off again (after a confirmation).
    assert "Ja, uitschakelen" in page_text(again.get(UITSCHAKELEN))
    response = again.post(UITSCHAKELEN, follow=True)
    assert "Tweestapsverificatie is uitgeschakeld" in page_text(response)
    assert not TOTPDevice.objects.filter(user=stuur_user).exists()
    assert not StaticDevice.objects.filter(user=stuur_user).exists()
    assert "Tweestapsverificatie staat uit" in page_text(again.get(UITSCHAKELEN))
    assert log_in(stuur_user).get(dashboard).status_code == 200


@pytest.mark.django_db
def test_a_regiegroep_user_cannot_switch_it_off_when_it_is_required(required, regie_user):
    client = log_in(regie_user)
    enrol(client, regie_user)
    page = page_text(client.get(UITSCHAKELEN))
    assert "Voor uw rol is tweestapsverificatie verplicht: u kunt het niet uitschakelen" in page
    assert "Ja, uitschakelen" not in page
    assert "Tweestapsverificatie uitschakelen" not in page_text(client.get(ACCOUNT))
    assert client.post(UITSCHAKELEN).status_code == 403
    assert TOTPDevice.objects.filter(user=regie_user, confirmed=True).exists()


@pytest.mark.django_db
def test_with_the_setting_off_nobody_is_forced_but_a_set_up_app_is_asked(
    demo, settings, regie_user, django_user_model
):
    settings.TWO_FACTOR_REQUIRED = False
    dashboard = reverse("dashboard", kwargs={"afkorting": "MLW"})
    beheerder = make_user(django_user_model, "beheer-x", BEHEERDER)
    assert log_in(beheerder).get(reverse("convenant:samenwerkingsverband-list")).status_code == 200
    client = log_in(regie_user)
    assert client.get(dashboard).status_code == 200
    enrol(client, regie_user)
    assert redirected_to(log_in(regie_user).get(dashboard), CODE)


@pytest.mark.django_db
def test_reset_removes_the_app_and_the_next_login_asks_to_set_it_up_again(
    demo, required, regie_user, django_user_model, caplog
):
    beheerder = make_user(django_user_model, "beheer-x", BEHEERDER)
    dashboard = reverse("dashboard", kwargs={"afkorting": "MLW"})
    session = log_in(regie_user)
    enrol(session, regie_user)
    assert session.get(dashboard).status_code == 200

    request = RequestFactory().post("/", REMOTE_ADDR="10.9.9.9")
    request.user = beheerder
    assert tweestaps.reset(regie_user, request) == 2  # the app and the recovery codes
    assert not TOTPDevice.objects.filter(user=regie_user).exists()
    assert not StaticToken.objects.filter(device__user=regie_user).exists()
    assert (
        "Tweestapsverificatie hersteld (reset): gebruiker=regie-test door=beheer-x adres=10.9.9.9"
        in caplog.text
    )
    # The open session lost its second factor; the next login asks to set it up again.
    assert redirected_to(session.get(dashboard), INSTELLEN)
    assert redirected_to(log_in(regie_user).get(dashboard), INSTELLEN)


@pytest.mark.django_db
def test_a_new_phone_replaces_the_old_app_and_its_recovery_codes(required, regie_user):
    client = log_in(regie_user)
    old_codes = enrol(client, regie_user)
    old = TOTPDevice.objects.get(user=regie_user, confirmed=True)
    assert "Nieuwe telefoon instellen" in page_text(client.get(ACCOUNT))
    assert "U stelt een nieuwe app in" in page_text(client.get(INSTELLEN))
    new = TOTPDevice.objects.get(user=regie_user, confirmed=False)
    assert new.key != old.key
    assert client.post(INSTELLEN, {"code": app_code(new)}).status_code == 302
    assert list(TOTPDevice.objects.filter(user=regie_user).values_list("pk", flat=True)) == [new.pk]
    new_codes = recovery_codes(client.get(HERSTELCODES))
    assert len(new_codes) == 10 and not set(new_codes) & set(old_codes)
    response = log_in(regie_user).post(CODE, {"code": old_codes[0]})
    assert "Deze code klopt niet" in page_text(response)


@pytest.mark.django_db
def test_new_recovery_codes_replace_the_old_ones(required, regie_user, caplog):
    client = log_in(regie_user)
    old_codes = enrol(client, regie_user)
    response = client.post(HERSTELCODES, follow=True)
    assert "Er zijn tien nieuwe herstelcodes gemaakt; de oude werken niet meer." in (
        page_text(response)
    )
    new_codes = recovery_codes(response)
    assert len(new_codes) == 10 and not set(new_codes) & set(old_codes)
    assert "Nieuwe herstelcodes gemaakt: gebruiker=regie-test" in caplog.text
    other = log_in(regie_user)
    assert "Deze code klopt niet" in page_text(other.post(CODE, {"code": old_codes[1]}))
    wait_out_throttle(StaticDevice.objects.get(user=regie_user))
    assert other.post(CODE, {"code": new_codes[1]}).status_code == 302


# --- attacks --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_nobody_confirms_an_app_for_another_user(required, regie_user, stuur_user):
    """The set-up page works on the app of the signed-in user only: a code of someone else's
    app (or a device named in the form) sets up nothing."""
    victim = log_in(regie_user)
    victim.get(INSTELLEN)
    victims_device = TOTPDevice.objects.get(user=regie_user)

    attacker = log_in(stuur_user)
    attacker.get(INSTELLEN)
    data = {"code": app_code(victims_device), "device": victims_device.pk, "user": regie_user.pk}
    response = attacker.post(INSTELLEN, data)
    assert "Deze code klopt niet" in page_text(response)
    victims_device.refresh_from_db()
    assert not victims_device.confirmed
    assert not TOTPDevice.objects.filter(confirmed=True).exists()
    # The code page of the attacker knows no devices but the attacker's.
    response = attacker.post(CODE, {"code": app_code(victims_device)})
    assert not TOTPDevice.objects.filter(confirmed=True).exists()
    # The victim's own set-up still works with the same code.
    assert victim.post(INSTELLEN, {"code": app_code(victims_device)}).status_code == 302


@pytest.mark.django_db
def test_a_secret_seen_with_the_password_alone_is_worth_nothing(required, regie_user):
    """Whoever knows the password and opens the set-up page before the user does gets a secret
    of that session only: the app the user then sets up has another, and the first one's codes
    open nothing."""
    attacker = log_in(regie_user)
    seen = page_text(attacker.get(INSTELLEN))
    attackers_secret = TOTPDevice.objects.get(user=regie_user).key
    assert tweestaps.secret(TOTPDevice.objects.get(user=regie_user)) in seen

    user = log_in(regie_user)
    user.get(INSTELLEN)
    device = TOTPDevice.objects.get(user=regie_user)
    assert device.key != attackers_secret
    # Opened again in the same session: the same secret (an app that scanned it still fits).
    user.get(INSTELLEN)
    assert TOTPDevice.objects.get(user=regie_user).pk == device.pk
    assert user.post(INSTELLEN, {"code": app_code(device)}).status_code == 302

    stolen = TOTPDevice(user=regie_user, key=attackers_secret)
    response = log_in(regie_user).post(CODE, {"code": app_code(stolen)})
    assert "Deze code klopt niet" in page_text(response)


@pytest.mark.django_db
def test_signing_in_through_a_trusted_identity_provider_counts_as_two_factor(
    required, regie_user, settings
):
    client = log_in(regie_user)
    session = client.session
    session[tweestaps.IDP_SESSION_KEY] = True
    session.save()
    settings.OIDC_IDP_MFA = False
    assert redirected_to(client.get(ACCOUNT), INSTELLEN)  # the flag alone is not enough
    settings.OIDC_IDP_MFA = True
    assert client.get(ACCOUNT).status_code == 200


# --- the beheer list and the cost ----------------------------------------------------------


@pytest.mark.django_db
def test_which_users_have_an_app_in_one_query(
    required, regie_user, stuur_user, django_user_model, django_assert_num_queries
):
    enrol(log_in(regie_user), regie_user)
    # An app being set up (not confirmed) does not count.
    log_in(stuur_user).get(INSTELLEN)
    assert tweestaps.has_device(regie_user)
    assert not tweestaps.has_device(stuur_user)
    with django_assert_num_queries(1):
        rows = dict(
            tweestaps.with_device(django_user_model.objects.all()).values_list(
                "username", "heeft_tweestaps"
            )
        )
    assert rows == {"regie-test": True, "stuur-test": False}


@pytest.mark.django_db
def test_the_check_costs_at_most_one_query(required, stuur_user, django_assert_num_queries):
    """A stuurgroep user without an app: one query (has the user an app?) beyond the roles the
    page reads anyway for its header."""
    from regiekamer import access

    client = log_in(stuur_user)
    request = RequestFactory().get("/")
    request.session = client.session
    request.user = stuur_user
    request = OTPMiddleware(lambda request: request)(request)  # user.is_verified(), lazily
    access.groups(request.user)
    with django_assert_num_queries(1):
        assert not tweestaps.needs_verification(request)
        assert not tweestaps.needs_verification(request)
