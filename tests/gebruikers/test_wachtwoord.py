"""Wachtwoord vergeten: the link by e-mail (the tests' SMTP server), the same answer for every
address, nothing for an inactive account, the login's lockout and the security log; and the
password rules (NIST 800-63B)."""

import logging
import re

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from regiekamer.roles import REGIEGROEP
from tests.gebruikers.factories import (
    PASSWORD,
    client_for,
    gebruiker,
    text,
    wereld,  # noqa: F401 (the fixture "world")
)
from tests.smtp import text_of

pytestmark = pytest.mark.django_db
User = get_user_model()
FORGOT = "/wachtwoord-vergeten/"
NEW_PASSWORD = "zeven blauwe kaarsen branden"


@pytest.fixture
def petra(world):
    return gebruiker(
        "petra@weert.example", [REGIEGROEP], [world["mlw"]], password=PASSWORD, first_name="Petra"
    )


def ask(capture, email, address="10.0.0.1", client=None):
    client = client or Client()
    with capture(execute=True):
        return client.post(FORGOT, {"email": email}, REMOTE_ADDR=address)


def test_the_login_page_offers_wachtwoord_vergeten(db):
    page = text(Client().get("/inloggen/"))
    assert f'href="{FORGOT}"' in page and "Wachtwoord vergeten?" in page


def test_a_forgotten_password_is_reset_by_mail_once(
    petra, smtp, django_capture_on_commit_callbacks, caplog
):
    with caplog.at_level(logging.INFO, logger="regiekamer.security"):
        response = ask(django_capture_on_commit_callbacks, "Petra@Weert.example")
    assert response["Location"] == reverse("gebruikers:wachtwoord-vergeten-verstuurd")
    assert "Hoort er een account bij het e-mailadres" in text(Client().get(response["Location"]))
    assert "Wachtwoord vergeten aangevraagd: e-mail=petra@weert.example adres=10.0.0.1" in (
        caplog.text
    )

    (message,) = smtp.inbox.to("petra@weert.example")
    assert message["Subject"] == "Nieuw wachtwoord voor Regiekamer"
    body = text_of(message)
    assert "Uw gebruikersnaam is: petra@weert.example" in body and "geldig tot" in body
    link = re.search(r"https?://\S+", body).group(0)
    assert "/wachtwoord-herstellen/" in link

    client = Client()
    form = client.get(link, follow=True)
    assert "Kies een nieuw wachtwoord" in text(form)
    url = form.redirect_chain[-1][0]
    common = client.post(url, {"new_password1": "password1234", "new_password2": "password1234"})
    assert "Dit wachtwoord is te algemeen." in text(common)
    similar = {"new_password1": "petra@weert.example", "new_password2": "petra@weert.example"}
    assert "lijkt te veel op" in text(client.post(url, similar))
    # Only digits is fine: no composition rules, only length (NIST 800-63B).
    digits = "739281046573951"
    done = client.post(url, {"new_password1": digits, "new_password2": digits})
    assert done["Location"] == reverse("gebruikers:start")
    assert client.get(done["Location"])["Location"] == "/samenwerkingsverbanden/MLW/dashboard/"

    assert "Deze link werkt niet (meer)" in text(Client().get(link, follow=True))
    old = {"username": "petra@weert.example", "password": PASSWORD}
    assert Client().post("/inloggen/", old).status_code == 200
    new = {"username": "petra@weert.example", "password": digits}
    assert Client().post("/inloggen/", new).status_code == 302


def test_the_answer_is_the_same_for_an_unknown_or_inactive_address(
    petra, smtp, django_capture_on_commit_callbacks, caplog
):
    known = ask(django_capture_on_commit_callbacks, "petra@weert.example")
    with caplog.at_level(logging.INFO, logger="regiekamer.security"):
        unknown = ask(django_capture_on_commit_callbacks, "niemand@weert.example")
    assert unknown.status_code == known.status_code == 302
    assert unknown["Location"] == known["Location"]
    assert "e-mail=niemand@weert.example" in caplog.text
    assert "bestaat" not in caplog.text and "onbekend account" not in caplog.text
    petra.is_active = False
    petra.save()
    assert ask(django_capture_on_commit_callbacks, "petra@weert.example").status_code == 302
    assert len(smtp.inbox.messages) == 1  # only the first, for the active account


def test_too_many_requests_get_the_lockout_page_and_no_mail(
    petra, world, smtp, django_capture_on_commit_callbacks
):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert ask(django_capture_on_commit_callbacks, "petra@weert.example").status_code == 302
    sent = len(smtp.inbox.messages)
    response = ask(django_capture_on_commit_callbacks, "petra@weert.example")
    assert response.status_code == 429
    assert "nieuw wachtwoord aangevraagd" in text(response)
    assert ask(django_capture_on_commit_callbacks, "PETRA@weert.example").status_code == 429
    assert len(smtp.inbox.messages) == sent
    # Another address of the client, and the same address from elsewhere, go on.
    assert ask(django_capture_on_commit_callbacks, "ander@weert.example").status_code == 302
    assert (
        ask(django_capture_on_commit_callbacks, "petra@weert.example", "10.0.0.2").status_code
        == 302
    )

    beheer = client_for(world["beheer"])
    detail = reverse("gebruikers:gebruiker-detail", args=[petra.pk])
    assert "geblokkeerd" in text(beheer.get(detail))
    beheer.post(reverse("gebruikers:gebruiker-blokkade-opheffen", args=[petra.pk]))
    assert ask(django_capture_on_commit_callbacks, "petra@weert.example").status_code == 302
