"""The beheerder invites a colleague, who follows the e-mailed link (caught by the tests' SMTP
server), chooses a password, sets up two-factor sign-in and lands on the dashboard of their
samenwerkingsverband; a forgotten password is reset the same way. Two-factor sign-in is
required here, as in production. Screenshots at phone width: the list, the form, the link's
page."""

import re

import pytest

from tests.e2e.test_tweestaps import app_code
from tests.smtp import text_of

pytestmark = pytest.mark.e2e

SV = "Sociaal Domein Midden-Limburg West"
EMAIL = "ilse.sterk@weert.example"
PHONE = {"width": 390, "height": 844}


def link_in(smtp, number: int) -> str:
    """The link of the ``number``-th mail to the colleague."""
    messages = smtp.inbox.to(EMAIL)
    assert len(messages) >= number, [m["Subject"] for m in messages]
    return re.search(r"https?://\S+", text_of(messages[number - 1])).group(0)


def choose_password(user, password: str, button: str):
    user.page.get_by_label("Nieuw wachtwoord", exact=True).fill(password)
    user.page.get_by_label("Nieuw wachtwoord bevestigen").fill(password)
    user.submit(button)


def set_up_the_app(user) -> str:
    """The set-up page after the password: type the first code, keep the recovery codes, go on.
    Returns the secret (the test is the authenticator app)."""
    assert user.page.get_by_role("heading", level=1).inner_text() == (
        "Tweestapsverificatie instellen"
    )
    secret = user.page.locator("#geheim").inner_text()
    user.page.get_by_label("Code uit de app", exact=True).fill(app_code(secret))
    user.submit("Bevestigen")
    assert user.page.locator("ol.herstelcodes code").count() == 10
    user.follow("Ik heb de codes bewaard, doorgaan")
    return secret


def test_beheerder_invites_a_colleague_who_sets_a_password_and_resets_it(browse, smtp, settings):
    settings.TWO_FACTOR_REQUIRED = True
    beheer = browse()
    beheer.page.set_viewport_size(PHONE)
    beheer.log_in("beheer")
    set_up_the_app(beheer)
    beheer.page.get_by_role("button", name="Menu").click()
    beheer.follow("Gebruikers")
    assert "Regiegroep Demo" in beheer.text() and "Stuurgroep Demo" in beheer.text()
    beheer.screenshot("gebruikers-lijst-telefoon")

    beheer.follow("Collega uitnodigen")
    beheer.page.get_by_label("Voornaam").fill("Ilse")
    beheer.page.get_by_label("Achternaam").fill("Sterk")
    beheer.page.get_by_label("E-mailadres").fill(EMAIL)
    beheer.page.get_by_role("group", name="Rol").get_by_label("Regiegroep").check()
    beheer.page.get_by_role("group", name="Samenwerkingsverbanden").get_by_label(SV).check()
    beheer.screenshot("gebruikers-uitnodigen-telefoon")
    beheer.submit("Uitnodiging versturen")
    assert f"De uitnodiging aan Ilse Sterk ({EMAIL}) is aan de mailserver aangeboden" in (
        beheer.text()
    )
    assert "uitgenodigd" in beheer.text() and ": verzonden" in beheer.text()

    (message,) = smtp.inbox.to(EMAIL)
    assert f"Uw gebruikersnaam is: {EMAIL}" in text_of(message)
    colleague = browse()
    colleague.page.set_viewport_size(PHONE)
    colleague.page.goto(link_in(smtp, 1))
    colleague.check()
    assert f"Kies een wachtwoord voor uw gebruikersnaam {EMAIL}" in colleague.text()
    colleague.screenshot("gebruikers-uitnodiging-telefoon")
    choose_password(colleague, "kort", "Wachtwoord instellen")
    assert "Dit wachtwoord is te kort: gebruik minstens 12 tekens." in colleague.text()
    choose_password(colleague, "twaalf lange tekens of meer", "Wachtwoord instellen")
    # The regiegroep signs in with a second factor: first the app, then the dashboard.
    secret = set_up_the_app(colleague)
    assert colleague.path == "/samenwerkingsverbanden/MLW/dashboard/"
    assert f"Dashboard {SV}" in colleague.text()
    colleague.assert_clean()

    # Forgotten: the same way, from the login page.
    again = browse()
    again.open("/inloggen/")
    again.follow("Wachtwoord vergeten?")
    again.page.get_by_label("E-mailadres").fill(EMAIL.upper())
    again.submit("Link versturen")
    assert "Hoort er een account bij het e-mailadres" in again.text()
    again.page.goto(link_in(smtp, 2))
    again.check()
    choose_password(again, "een nieuw en lang wachtwoord", "Wachtwoord opslaan")
    # A new password is not a second factor: the code from the app the colleague set up.
    assert again.page.get_by_role("heading", level=1).inner_text() == "Code invoeren"
    again.page.get_by_label("Code uit de app of herstelcode").fill(app_code(secret, 1))
    again.submit("Bevestigen")
    assert again.path == "/samenwerkingsverbanden/MLW/dashboard/"
    again.page.goto(link_in(smtp, 2))
    assert "Deze link werkt niet (meer)" in again.text()

    beheer.visit("/gebruikers/")
    assert "Ilse Sterk" in beheer.text() and "actief" in beheer.text()
    for user in (beheer, again):
        user.assert_clean()
