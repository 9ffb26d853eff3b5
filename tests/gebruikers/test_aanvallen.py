"""Issue 18 as an attacker tries it: forged forms in gebruikersbeheer, one-time links used
where they do not belong, a half session (password without the second factor) reaching for
pages, ``next`` as an open redirect, the admin for other roles, single sign-on's matching."""

import re
from urllib.parse import quote, urlsplit

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.contrib.contenttypes.models import ContentType
from django.contrib.messages.storage.fallback import FallbackStorage
from django.test import Client, RequestFactory
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from gebruikers.oidc import GemeenteOIDCBackend
from gebruikers.uitnodiging import uitnodiging_token
from regiekamer.roles import BEHEERDER, REGIEGROEP, STUURGROEP
from tests.gebruikers.factories import (
    PASSWORD,
    client_for,
    gebruiker,
    text,
    wereld,  # noqa: F401 (the fixture "world")
)
from tests.gebruikers.test_tweestaps import app_code
from tests.gebruikers.test_uitnodiging import one_time_url
from tests.oidc import Idp, use_oidc

pytestmark = pytest.mark.django_db
User = get_user_model()
INVITE = "/gebruikers/uitnodigen/"
NEW_PASSWORD = "paarse olifant op de fiets"


def fresh(user):
    return User.objects.get(pk=user.pk)


def roles_of(user) -> set[str]:
    return set(fresh(user).groups.values_list("name", flat=True))


# --- gebruikersbeheer: forged forms -------------------------------------------------------


def eva(world, email) -> dict:
    """The invitation form for Eva, regiegroep of MLW, at ``email``."""
    return {"voornaam": "Eva", "achternaam": "Vals", "email": email, "rollen": REGIEGROEP} | {
        "samenwerkingsverbanden": world["mlw"].pk
    }


FORGED = {
    "is_staff": "on",
    "is_superuser": "on",
    "is_active": "on",
    "username": "beheer",
    "groups": "1",
    "password": "x",
    "gebruiker": "1",
    "toegang": "1",
}


def test_forged_fields_give_no_staff_superuser_or_other_name(world):
    client = client_for(world["regie"])
    target = world["stuur"]
    url = reverse("gebruikers:gebruiker-update", args=[target.pk])
    data = {"voornaam": "Stijn", "achternaam": "Stuur", "email": "stuur-mlw@example.nl"}
    data |= {"rollen": [REGIEGROEP, STUURGROEP], "samenwerkingsverbanden": world["mlw"].pk}
    response = client.post(url, data | FORGED)
    assert response.status_code == 302
    target = fresh(target)
    assert not target.is_staff and not target.is_superuser
    assert target.username == "stuur-mlw" and target.has_usable_password() is False
    assert roles_of(target) == {REGIEGROEP, STUURGROEP}

    assert client.post(INVITE, eva(world, "eva@weert.example") | FORGED).status_code == 302
    invited = User.objects.get(email="eva@weert.example")
    assert invited.username == "eva@weert.example"
    assert not invited.is_staff and not invited.is_superuser
    assert roles_of(invited) == {REGIEGROEP}


def test_a_regiegroep_gives_itself_no_more_than_it_has(world):
    regie = world["regie"]
    client = client_for(regie)
    url = reverse("gebruikers:gebruiker-update", args=[regie.pk])
    base = {"voornaam": "Rik", "achternaam": "Regie", "email": regie.email}
    for forged in (
        {"rollen": [REGIEGROEP, BEHEERDER], "samenwerkingsverbanden": world["mlw"].pk},
        {"rollen": REGIEGROEP, "samenwerkingsverbanden": [world["mlw"].pk, world["nml"].pk]},
        {
            "rollen": REGIEGROEP,
            "samenwerkingsverbanden": world["mlw"].pk,
            "stuurgroep_samenwerkingsverbanden": world["nml"].pk,
        },
        {"rollen": REGIEGROEP, "samenwerkingsverbanden": world["mlw"].pk, "gemeente": 1},
    ):
        client.post(url, base | forged)
        regie = fresh(regie)
        assert roles_of(regie) == {REGIEGROEP}, forged
        assert not regie.is_superuser
        assert set(regie.toegang.samenwerkingsverbanden.all()) == {world["mlw"]}
        assert not regie.toegang.stuurgroep_samenwerkingsverbanden.exists()
        assert regie.toegang.gemeente is None


def test_a_user_with_a_place_elsewhere_is_out_of_reach(world):
    """Wim sits in MLW's regiegroep and NML's stuurgroep: MLW's regiegroep cannot touch him."""
    client = client_for(world["regie"])
    wim = world["wethouder"]
    data = {"voornaam": "Wim", "achternaam": "W", "email": "wim@weert.example"}
    data |= {"rollen": STUURGROEP, "samenwerkingsverbanden": world["mlw"].pk}
    for name in (
        "gebruiker-detail",
        "gebruiker-update",
        "gebruiker-deactiveren",
        "gebruiker-activeren",
        "gebruiker-blokkade-opheffen",
        "gebruiker-uitnodiging-opnieuw",
        "gebruiker-tweestaps-resetten",
    ):
        url = reverse(f"gebruikers:{name}", args=[wim.pk])
        assert client.get(url).status_code in (404, 405), name
        assert client.post(url, data).status_code in (404, 405), name
    wim = fresh(wim)
    assert wim.is_active and wim.email == "wethouder@example.nl"
    assert set(wim.toegang.stuurgroep_samenwerkingsverbanden.all()) == {world["nml"]}


def test_an_address_that_is_someones_user_name_in_another_case_is_refused(world):
    gebruiker("Piet@Venlo.example", [REGIEGROEP], [world["nml"]], email="piet.oud@venlo.example")
    client = client_for(world["regie"])
    data = {"voornaam": "Piet", "achternaam": "Twee", "email": "PIET@venlo.example"}
    data |= {"rollen": REGIEGROEP, "samenwerkingsverbanden": world["mlw"].pk}
    response = client.post(INVITE, data)
    assert response.status_code == 200
    assert "Er is al een gebruiker met dit e-mailadres" in text(response)
    assert User.objects.filter(username__iexact="piet@venlo.example").count() == 1


@pytest.mark.parametrize(
    "email",
    [
        "eva@weert.example\nBcc: spion@elders.example",
        "eva@weert.example\r\nSubject: x",
        "eva@weert.example, spion@elders.example",
        "Eva <eva@weert.example>",
    ],
)
def test_an_address_with_a_header_or_a_second_address_is_refused(world, email):
    response = client_for(world["beheer"]).post(INVITE, eva(world, email))
    assert response.status_code == 200
    assert "Voer een geldig e-mailadres in" in text(response)
    assert not User.objects.filter(first_name="Eva").exists()


def test_an_address_too_long_for_a_user_name_is_refused_in_dutch(world):
    """The address becomes the user name, which holds 150 characters: a longer (valid)
    address would make an account nobody can sign in to (the login takes 150), or a server
    error on PostgreSQL."""
    email = "a" * 60 + "@" + ".".join(["b" * 60, "c" * 60, "example"])
    assert 150 < len(email) <= 254
    response = client_for(world["beheer"]).post(INVITE, eva(world, email))
    assert response.status_code == 200
    assert "niet meer dan 150 tekens" in text(response)
    assert not User.objects.filter(first_name="Eva").exists()


# --- one-time links --------------------------------------------------------------------------


def choose_password(client, url, password=NEW_PASSWORD):
    form = client.get(url, follow=True)
    if "new_password1" not in text(form):
        return form
    return client.post(
        form.redirect_chain[-1][0], {"new_password1": password, "new_password2": password}
    )


def test_an_invitation_link_is_no_reset_link_and_a_reset_link_no_invitation(world):
    user = gebruiker("ilse@weert.example", [REGIEGROEP], [world["mlw"]], password=PASSWORD)
    invitation = uitnodiging_token.make_token(user)
    reset = default_token_generator.make_token(user)
    for url in (
        one_time_url("wachtwoord-herstellen", user, invitation),
        one_time_url("uitnodiging", user, reset),
    ):
        assert "Deze link werkt niet (meer)" in text(choose_password(Client(), url))
    assert fresh(user).check_password(PASSWORD)


def test_a_valid_session_token_of_one_kind_opens_no_form_of_the_other(world):
    """Django keeps the checked token in the session and redirects to .../set-password/: the
    invitation's token kept there opens no reset form, and the other way round."""
    user = gebruiker("ilse@weert.example", [REGIEGROEP], [world["mlw"]])
    client = Client()
    url = one_time_url("uitnodiging", user, uitnodiging_token.make_token(user))
    assert "new_password1" in text(client.get(url, follow=True))
    other = one_time_url("wachtwoord-herstellen", user, "set-password")
    response = client.post(other, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert "new_password1" not in text(response)
    assert not fresh(user).has_usable_password()


def test_a_link_works_once_for_its_own_user_and_not_after_deactivation(world):
    ilse = gebruiker("ilse@weert.example", [REGIEGROEP], [world["mlw"]])
    jan = gebruiker("jan@weert.example", [REGIEGROEP], [world["mlw"]])
    token = uitnodiging_token.make_token(ilse)
    # Ilse's token with Jan's id sets nothing.
    response = choose_password(Client(), one_time_url("uitnodiging", jan, token))
    assert "Deze link werkt niet (meer)" in text(response)
    assert not fresh(jan).has_usable_password()
    url = one_time_url("uitnodiging", ilse, token)
    assert choose_password(Client(), url).status_code == 302
    assert fresh(ilse).check_password(NEW_PASSWORD)
    again = choose_password(Client(), url, "een ander lang wachtwoord")
    assert "Deze link werkt niet (meer)" in text(again)
    assert fresh(ilse).check_password(NEW_PASSWORD)

    reset = default_token_generator.make_token(fresh(ilse))
    User.objects.filter(pk=ilse.pk).update(is_active=False)
    url = one_time_url("wachtwoord-herstellen", ilse, reset)
    assert "Deze link werkt niet (meer)" in text(choose_password(Client(), url, "nog een ander"))
    assert fresh(ilse).check_password(NEW_PASSWORD)


def test_a_reset_link_of_a_user_with_an_app_still_asks_the_code(world, settings):
    settings.TWO_FACTOR_REQUIRED = True
    user = gebruiker("ilse@weert.example", [REGIEGROEP], [world["mlw"]], password=PASSWORD)
    TOTPDevice.objects.create(user=user, name="telefoon", confirmed=True)
    client = Client()
    url = one_time_url("wachtwoord-herstellen", user, default_token_generator.make_token(user))
    assert choose_password(client, url).status_code == 302
    response = client.get(reverse("gebruikers:start"), follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("gebruikers:tweestaps-code"))
    dashboard = client.get("/samenwerkingsverbanden/MLW/dashboard/")
    assert dashboard["Location"].startswith(reverse("gebruikers:tweestaps-code"))


FORGOT = "/wachtwoord-vergeten/"


def ask(client, email, **extra):
    return client.post(FORGOT, {"email": email}, REMOTE_ADDR="10.9.9.9", **extra)


def test_the_reset_form_tells_nothing_of_accounts(world, django_capture_on_commit_callbacks):
    gebruiker("actief@weert.example", [REGIEGROEP], [world["mlw"]], password=PASSWORD)
    gebruiker("uit@weert.example", [REGIEGROEP], [world["mlw"]], password=PASSWORD)
    User.objects.filter(username="uit@weert.example").update(is_active=False)
    gebruiker("genodigd@weert.example", [REGIEGROEP], [world["mlw"]])
    answers = set()
    for email in ("actief@weert.example", "uit@weert.example", "genodigd@weert.example"):
        with django_capture_on_commit_callbacks(execute=False):
            response = ask(Client(), email)
        answers.add((response.status_code, response["Location"]))
    with django_capture_on_commit_callbacks(execute=False):
        unknown = ask(Client(), "niemand@weert.example")
    assert answers == {(unknown.status_code, unknown["Location"])}


@pytest.mark.parametrize(
    "variant",
    [
        lambda n: "Petra@Weert.example" if n % 2 else "PETRA@WEERT.EXAMPLE",
        lambda n: f"  petra@weert.example{' ' * n}",
    ],
)
def test_variants_of_an_address_share_one_lockout(world, variant):
    for n in range(settings.AXES_FAILURE_LIMIT):
        ask(Client(), variant(n))
    assert ask(Client(), "petra@weert.example").status_code == 429


def test_a_forged_forwarded_for_does_not_escape_the_lockout(world):
    assert settings.PROXY_COUNT == 0
    for n in range(settings.AXES_FAILURE_LIMIT):
        ask(Client(), "petra@weert.example", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
    response = ask(Client(), "petra@weert.example", HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert response.status_code == 429
    login = {"username": "beheer", "password": "fout"}
    for n in range(settings.AXES_FAILURE_LIMIT):
        forwarded = f"1.2.3.{n}"
        Client().post("/inloggen/", login, REMOTE_ADDR="10.9.9.8", HTTP_X_FORWARDED_FOR=forwarded)
    response = Client().post(
        "/inloggen/", login, REMOTE_ADDR="10.9.9.8", HTTP_X_FORWARDED_FOR="9.9.9.9"
    )
    assert response.status_code == 429


# --- a half session: the password without the second factor ---------------------------------


def half_session(user) -> Client:
    """Signed in with the password of ``user``, who has an app: the code is still to come."""
    TOTPDevice.objects.get_or_create(user=user, name="telefoon", confirmed=True)
    client = Client()
    response = client.post("/inloggen/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    return client


def test_a_half_session_changes_no_password_no_user_and_no_two_factor(world, settings):
    settings.TWO_FACTOR_REQUIRED = True
    beheer = gebruiker("bea2", [BEHEERDER], password=PASSWORD)
    client = half_session(beheer)
    code = reverse("gebruikers:tweestaps-code")
    target = world["stuur"]
    for url in (
        reverse("password_change"),
        "/gebruikers/",
        INVITE,
        reverse("gebruikers:gebruiker-update", args=[target.pk]),
        reverse("gebruikers:tweestaps"),
        reverse("gebruikers:tweestaps-uitschakelen"),
        reverse("gebruikers:tweestaps-instellen"),
        "/admin/auth/user/",
        f"/admin/auth/user/{target.pk}/change/",
        "/admin/jsi18n/",
        "/admin/login/",
    ):
        assert client.get(url)["Location"].startswith(code), url
    change = {"old_password": PASSWORD, "new_password1": NEW_PASSWORD}
    writes = [
        (reverse("password_change"), change | {"new_password2": NEW_PASSWORD}),
        (INVITE, eva(world, "eva@weert.example")),
        (reverse("gebruikers:gebruiker-deactiveren", args=[target.pk]), {}),
        (reverse("gebruikers:gebruiker-tweestaps-resetten", args=[world["regie"].pk]), {}),
        (reverse("gebruikers:tweestaps-uitschakelen"), {}),
        (reverse("gebruikers:tweestaps-herstelcodes"), {}),
        ("/admin/auth/user/add/", {"username": "inbreker", "password1": NEW_PASSWORD}),
        ("/admin/logout/", {}),
    ]
    TOTPDevice.objects.create(user=world["regie"], name="telefoon", confirmed=True)
    for url, data in writes:
        assert client.post(url, data).status_code == 403, url
    # The set-up page sends a half session with an app to its code, even with a code sent.
    response = client.post(reverse("gebruikers:tweestaps-instellen"), {"code": "123456"})
    assert response["Location"].startswith(code)
    assert fresh(beheer).check_password(PASSWORD)
    assert fresh(target).is_active and TOTPDevice.objects.filter(user=world["regie"]).exists()
    assert TOTPDevice.objects.filter(user=beheer, confirmed=True).count() == 1
    assert not User.objects.filter(username__in=["inbreker", "eva@weert.example"]).exists()


def test_the_login_page_again_gives_no_second_factor(world, settings):
    settings.TWO_FACTOR_REQUIRED = True
    regie = gebruiker("rita", [REGIEGROEP], [world["mlw"]], password=PASSWORD)
    client = half_session(regie)
    client.post("/inloggen/", {"username": "rita", "password": PASSWORD})
    dashboard = "/samenwerkingsverbanden/MLW/dashboard/"
    assert client.get(dashboard)["Location"].startswith(reverse("gebruikers:tweestaps-code"))


# --- next: only a path of this site ---------------------------------------------------------

ELSEWHERE = [
    "//evil.example/",
    "/\\evil.example",
    "\\\\evil.example",
    "https://evil.example/",
    "http:evil.example",
    "javascript:alert(1)",
    " //evil.example",
]


@pytest.mark.parametrize("elsewhere", ELSEWHERE)
def test_next_never_leads_off_the_site(world, elsewhere):
    client = client_for(world["regie"])
    for page in ("gebruikers:start", "gebruikers:tweestaps-code"):
        response = client.get(reverse(page), {"next": elsewhere})
        assert response.status_code == 302
        location = response["Location"]
        assert location.startswith("/") and not location.startswith(("//", "/\\")), page
        assert not urlsplit(location).netloc, page
    # The set-up page keeps next only as a path of this site.
    page = text(client.get(reverse("gebruikers:tweestaps-instellen"), {"next": elsewhere}))
    assert "evil.example" not in page
    login = Client().post("/inloggen/?next=" + quote(elsewhere), {"username": "x", "password": "y"})
    assert "evil.example" not in login.get("Location", "")


def test_next_with_a_line_break_is_no_header_and_no_server_error(world):
    client = client_for(world["regie"])
    for page in ("gebruikers:start", "gebruikers:tweestaps-code"):
        response = client.get(reverse(page), {"next": "/gemeenten/\r\nSet-Cookie: x=1"})
        assert response.status_code == 302
        assert "\n" not in response["Location"] and "x=1" not in response.cookies


# --- the admin: the beheerder's only ----------------------------------------------------------


@pytest.mark.parametrize("who", ["regie", "stuur", "ambtenaar"])
def test_no_admin_address_answers_another_role_with_data(world, who):
    client = client_for(world[who])
    weert = world["weert"]
    gemeente = ContentType.objects.get_for_model(type(weert)).pk
    for url in (
        f"/admin/r/{gemeente}/{weert.pk}/",
        "/admin/autocomplete/?app_label=partijen&model_name=toegang&field_name=gemeente&term=W",
        "/admin/jsi18n/",
        "/admin/logout/",
        "/admin/login/",
        "/admin/niets/",
        "/admin/partijen",
        f"/admin/auth/user/{world['beheer'].pk}/password/",
        f"/admin/auth/user/{world['beheer'].pk}/history/",
        "/admin/axes/accessattempt/",
        "/admin/otp_totp/totpdevice/",
    ):
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code == 403, (url, method)
            assert "Weert" not in text(response), url


# --- single sign-on: which account an address signs in to -----------------------------------


def sign_on(settings, monkeypatch, claims):
    """The account the backend picks for the IdP's ``claims`` (the protocol before it is
    tested in test_oidc.py against a real provider)."""
    use_oidc(settings, Idp(9))
    backend = GemeenteOIDCBackend()
    backend.request = RequestFactory().get("/inloggen/sso/terug/")
    backend.request.session = {}
    backend.request._messages = FallbackStorage(backend.request)
    monkeypatch.setattr(backend, "get_userinfo", lambda *args: claims)
    return backend.get_or_create_user("token", "id-token", {})


def test_an_address_that_is_one_users_name_and_anothers_address_signs_in_its_owner(
    world, settings, monkeypatch
):
    gebruiker("jan@venlo.example", [REGIEGROEP], [world["nml"]], email="jan.oud@venlo.example")
    gebruiker("jan-twee", [BEHEERDER], email="JAN@venlo.example")
    claims = {"email": "Jan@Venlo.example", "email_verified": True}
    assert sign_on(settings, monkeypatch, claims).username == "jan-twee"
    assert sign_on(settings, monkeypatch, claims | {"email_verified": "false"}) is None
    gebruiker("jan-drie", [STUURGROEP], [world["nml"]], email="jan@venlo.example")
    assert sign_on(settings, monkeypatch, claims) is None  # two accounts: neither


@pytest.mark.parametrize("elsewhere", ELSEWHERE)
def test_the_start_of_single_sign_on_keeps_no_next_off_the_site(db, settings, elsewhere):
    use_oidc(settings, Idp(9))
    client = Client()
    response = client.get(reverse("gebruikers:oidc-start"), {"next": elsewhere})
    assert response.status_code == 302 and response["Location"].startswith("http://127.0.0.1:9/")
    assert "evil.example" not in str(dict(client.session))


@pytest.mark.parametrize("field", ["voornaam", "achternaam"])
def test_a_name_with_a_line_break_writes_no_lines_of_its_own_into_the_invitation(world, field):
    """The names stand in the invitation mail ("Beste ..."): a name with a line break would
    put a paragraph (a link elsewhere) of the inviter's choosing in a mail from Regiekamer."""
    forged = "Eva\n\nKlik eerst hier: https://evil.example/inloggen"
    response = client_for(world["regie"]).post(
        INVITE, eva(world, "eva@weert.example") | {field: forged}
    )
    assert response.status_code == 200
    assert "Een naam past op één regel" in text(response)
    assert not User.objects.filter(email="eva@weert.example").exists()


def test_a_beheerder_does_not_take_the_role_from_themselves(world):
    """As nobody deactivates themselves: the last beheerder would leave nobody to manage."""
    beheer = world["beheer"]
    client = client_for(beheer)
    url = reverse("gebruikers:gebruiker-update", args=[beheer.pk])
    data = {"voornaam": "Bea", "achternaam": "Beheer", "email": beheer.email}
    response = client.post(
        url, data | {"rollen": STUURGROEP, "samenwerkingsverbanden": world["mlw"].pk}
    )
    assert response.status_code == 200
    assert "U kunt uzelf de rol beheerder niet afnemen" in text(response)
    assert roles_of(beheer) == {BEHEERDER} and fresh(beheer).is_staff
    response = client.post(url, data | {"rollen": [BEHEERDER], "achternaam": "Baas"})
    assert fresh(beheer).last_name == "Baas"


def test_single_sign_on_matches_the_address_not_an_old_address_kept_as_user_name(
    world, settings, monkeypatch
):
    """Jan's address changed in the admin; his user name kept the old one, which the gemeente
    has since given to a new colleague. Her sign-in is no sign-in to Jan's account: single
    sign-on matches the account's address, where its reset links go too."""
    gebruiker("jan@venlo.example", [REGIEGROEP], [world["nml"]], email="jan.jansen@venlo.example")
    assert sign_on(settings, monkeypatch, {"email": "jan@venlo.example"}) is None
    assert sign_on(settings, monkeypatch, {"email": "Jan.Jansen@venlo.example"}).username == (
        "jan@venlo.example"
    )


@pytest.mark.parametrize("name", ["uitnodiging", "wachtwoord-herstellen"])
def test_a_made_up_link_tells_a_stranger_nothing_of_the_beheerders(world, name):
    """Anyone may open a link's address: a made-up one must not list the beheerders' names
    and addresses (an invited beheerder's address is their user name, the first half of the
    way into the account with every right)."""
    gebruiker("baas@regiekamer.example", [BEHEERDER], first_name="Bas", last_name="Baas")
    url = reverse(f"gebruikers:{name}", kwargs={"uidb64": "MQ", "token": "verzonnen-link"})
    page = text(Client().get(url, follow=True))
    assert "Deze link werkt niet (meer)" in page
    assert "beheerder" in page  # whom to ask, in words
    for secret in ("Bea", "bea@regiekamer.example", "Bas Baas", "baas@regiekamer.example"):
        assert secret not in page, secret


def test_a_forged_host_puts_no_link_elsewhere_in_a_mail(
    world, smtp, django_capture_on_commit_callbacks
):
    """The links in the mails are built from the request: a forged Host or X-Forwarded-Host
    would send the token to another site (password reset poisoning)."""
    gebruiker("petra@weert.example", [REGIEGROEP], [world["mlw"]], password=PASSWORD)
    with django_capture_on_commit_callbacks(execute=True):
        forged = ask(Client(), "petra@weert.example", HTTP_HOST="evil.example")
        ask(Client(), "petra@weert.example", HTTP_X_FORWARDED_HOST="evil.example")
        client_for(world["beheer"]).post(
            INVITE, eva(world, "eva@weert.example"), HTTP_X_FORWARDED_HOST="evil.example"
        )
    assert forged.status_code == 400
    assert len(smtp.inbox.messages) == 2
    for message in smtp.inbox.messages:
        assert "evil.example" not in message.as_string()


def test_the_secret_and_the_recovery_codes_stay_out_of_the_browsers_cache(world):
    """The set-up page shows the app's secret key, the recovery codes page ten codes, once: a
    browser must not keep them (a shared computer, the back button after logging out)."""
    client = client_for(world["stuur"])
    instellen = reverse("gebruikers:tweestaps-instellen")
    response = client.get(instellen)
    assert "no-store" in response["Cache-Control"]
    device = TOTPDevice.objects.get(user=world["stuur"], confirmed=False)
    client.post(instellen, {"code": app_code(device)})
    response = client.get(reverse("gebruikers:tweestaps-herstelcodes"))
    assert re.search(r"<code>[a-z2-7]{4}-[a-z2-7]{4}</code>", text(response))
    assert "no-store" in response["Cache-Control"]


def test_a_regiegroep_cannot_take_a_colleagues_account_by_changing_its_address(
    world, django_capture_on_commit_callbacks, smtp
):
    """The address is where a new password goes and what single sign-on matches: a regiegroep
    member who could change a signed-in colleague's address would get a reset link for that
    account (and with single sign-on, past its second factor). Only the beheerder changes it;
    a regiegroep corrects it while the invitation is open, and their own address."""
    collega = gebruiker("carla@weert.example", [REGIEGROEP], [world["mlw"]], password=PASSWORD)
    client = client_for(world["regie"])
    url = reverse("gebruikers:gebruiker-update", args=[collega.pk])
    assert "disabled" in text(client.get(url))
    data = {"voornaam": "Carla", "achternaam": "C", "email": "spion@elders.example"}
    data |= {"rollen": REGIEGROEP, "samenwerkingsverbanden": world["mlw"].pk}
    client.post(url, data)
    assert fresh(collega).email == "carla@weert.example"
    assert fresh(collega).username == "carla@weert.example"
    with django_capture_on_commit_callbacks(execute=True):
        ask(Client(), "spion@elders.example")
    assert not smtp.inbox.to("spion@elders.example")

    genodigd = gebruiker("gijs@weert.example", [REGIEGROEP], [world["mlw"]])
    url = reverse("gebruikers:gebruiker-update", args=[genodigd.pk])
    client.post(url, data | {"email": "gijs.goed@weert.example"})
    assert fresh(genodigd).username == "gijs.goed@weert.example"
    own = reverse("gebruikers:gebruiker-update", args=[world["regie"].pk])
    client.post(own, data | {"voornaam": "Rik", "email": "rik@weert.example"})
    assert fresh(world["regie"]).email == "rik@weert.example"
    url = reverse("gebruikers:gebruiker-update", args=[collega.pk])
    client_for(world["beheer"]).post(url, data | {"email": "carla.nieuw@weert.example"})
    assert fresh(collega).username == "carla.nieuw@weert.example"
    # An old account without an address: its names can still be changed, not its address.
    oud = gebruiker("oud", [STUURGROEP], [world["mlw"]], email="", password=PASSWORD)
    url = reverse("gebruikers:gebruiker-update", args=[oud.pk])
    client.post(url, data | {"achternaam": "Ouder", "email": "spion@elders.example"})
    assert fresh(oud).last_name == "Ouder" and fresh(oud).email == ""
