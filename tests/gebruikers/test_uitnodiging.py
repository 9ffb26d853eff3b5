"""Inviting a colleague: the form, the mail as the tests' SMTP server receives it, the one-time
link, and what a regiegroep inviter may not (forged choices), nor a link made for another."""

import re
from datetime import datetime, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from gebruikers.uitnodiging import uitnodiging_token
from regiekamer.roles import GEMEENTE, REGIEGROEP, STUURGROEP
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
INVITE = "/gebruikers/uitnodigen/"
NEW_PASSWORD = "paarse olifant op de fiets"


def invite(client, capture, **data):
    form = {"voornaam": "Ilse", "achternaam": "Sterk", "email": "I.Sterk@Weert.example"}
    form |= {"rollen": REGIEGROEP}
    form |= data
    with capture(execute=True):
        response = client.post(INVITE, form)
    # The mail went out once the request committed; then the browser follows the redirect.
    return client.get(response["Location"]) if response.status_code == 302 else response


def one_time_url(name: str, user, token: str) -> str:
    uidb64 = urlsafe_base64_encode(force_bytes(user.pk))
    return reverse(f"gebruikers:{name}", kwargs={"uidb64": uidb64, "token": token})


def link_in(message) -> str:
    return re.search(r"https?://\S+", text_of(message)).group(0)


def test_the_beheerder_invites_a_colleague_who_sets_a_password_once(
    world, smtp, django_capture_on_commit_callbacks
):
    client = client_for(world["beheer"])
    form = text(client.get(INVITE))
    assert "Collega uitnodigen" in form and "Ambtenaar van een gemeente" in form
    response = invite(
        client, django_capture_on_commit_callbacks, samenwerkingsverbanden=world["mlw"].pk
    )
    page = text(response)
    assert "De uitnodiging aan Ilse Sterk (i.sterk@weert.example) is aan de mailserver" in page
    assert "uitgenodigd" in page and "verzonden" in page  # the outbox's word, on her page

    user = User.objects.get(username="i.sterk@weert.example")
    assert user.email == "i.sterk@weert.example" and not user.has_usable_password()
    assert not user.is_staff and [g.name for g in user.groups.all()] == [REGIEGROEP]
    assert list(user.toegang.samenwerkingsverbanden.all()) == [world["mlw"]]
    assert user.history.filter(history_type="+", history_user=world["beheer"]).exists()

    (message,) = smtp.inbox.to("i.sterk@weert.example")
    assert message["Subject"] == "Uitnodiging voor Regiekamer"
    body = text_of(message)
    assert "Bea Beheer (bea@regiekamer.example) nodigt u uit" in body
    assert "Sociaal Domein Midden-Limburg West" in body
    assert "Uw gebruikersnaam is: i.sterk@weert.example" in body
    assert "geldig tot" in body
    link = link_in(message)
    assert link.startswith("http://testserver/uitnodiging/")

    colleague = Client()
    form = colleague.get(link, follow=True)
    assert "Kies een wachtwoord voor uw gebruikersnaam" in text(form)
    set_password = form.redirect_chain[-1][0]
    short = colleague.post(set_password, {"new_password1": "kort", "new_password2": "kort"})
    assert "Dit wachtwoord is te kort: gebruik minstens 12 tekens." in text(short)
    done = colleague.post(
        set_password, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert done["Location"] == reverse("gebruikers:start")
    landed = colleague.get(done["Location"])
    assert landed["Location"] == reverse("dashboard", kwargs={"afkorting": "MLW"})

    again = Client().get(link, follow=True)
    assert "Deze link werkt niet (meer)" in text(again)
    # Whom to ask, in words: the mail names the inviter; the page names nobody to a stranger.
    assert "Vraag degene die u uitnodigde om een nieuwe uitnodiging" in text(again)
    assert "Bea Beheer" not in text(again)
    login = {"username": "i.sterk@weert.example", "password": NEW_PASSWORD}
    assert Client().post("/inloggen/", login).status_code == 302


def test_the_form_says_what_is_wrong_in_dutch(world, smtp, django_capture_on_commit_callbacks):
    client = client_for(world["beheer"])
    gebruiker("bestaand", [REGIEGROEP], [world["mlw"]], email="bestaand@example.nl")
    page = text(invite(client, django_capture_on_commit_callbacks, email="BESTAAND@example.nl"))
    assert "Er is al een gebruiker met dit e-mailadres" in page
    page = text(invite(client, django_capture_on_commit_callbacks, rollen=GEMEENTE))
    assert "Kies de gemeente van deze ambtenaar." in page
    page = text(invite(client, django_capture_on_commit_callbacks))
    assert "Kies minstens één samenwerkingsverband of een gemeente" in page
    assert not User.objects.filter(email__iexact="i.sterk@weert.example").exists()
    assert not smtp.inbox.messages


def test_an_official_is_invited_with_a_gemeente(world, smtp, django_capture_on_commit_callbacks):
    client = client_for(world["beheer"])
    invite(client, django_capture_on_commit_callbacks, rollen=GEMEENTE, gemeente=world["weert"].pk)
    user = User.objects.get(username="i.sterk@weert.example")
    assert user.toegang.gemeente == world["weert"]
    assert "gemeente Weert" in text_of(smtp.inbox.to("i.sterk@weert.example")[0])


def test_the_invitation_is_all_or_nothing(world, monkeypatch):
    from partijen.models import Toegang

    def broken(*args, **kwargs):
        raise RuntimeError("de database viel om")

    monkeypatch.setattr(Toegang.objects, "get_or_create", broken)
    client = client_for(world["beheer"])
    form = {"voornaam": "Ilse", "achternaam": "Sterk", "email": "ilse@weert.example"}
    form |= {"rollen": REGIEGROEP, "samenwerkingsverbanden": world["mlw"].pk}
    with pytest.raises(RuntimeError):
        client.post(INVITE, form)
    assert not User.objects.filter(email="ilse@weert.example").exists()


def test_a_regiegroep_invites_only_into_its_own_samenwerkingsverband(
    world, smtp, django_capture_on_commit_callbacks
):
    client = client_for(world["regie"])
    form = text(client.get(INVITE))
    assert "Sociaal Domein Midden-Limburg West" in form
    assert "Noord- en Midden-Limburg" not in form
    assert "Beheerder" not in form and "Ambtenaar van een gemeente" not in form
    assert 'name="gemeente"' not in form
    for forged in (
        {"samenwerkingsverbanden": world["nml"].pk},
        {
            "samenwerkingsverbanden": world["mlw"].pk,
            "stuurgroep_samenwerkingsverbanden": world["nml"].pk,
        },
        {"samenwerkingsverbanden": world["mlw"].pk, "rollen": "beheerder"},
        {"samenwerkingsverbanden": world["mlw"].pk, "rollen": GEMEENTE},
    ):
        page = text(invite(client, django_capture_on_commit_callbacks, **forged))
        assert "Selecteer een geldige keuze" in page, forged
    assert not User.objects.filter(email="i.sterk@weert.example").exists()
    assert not smtp.inbox.messages

    response = invite(
        client,
        django_capture_on_commit_callbacks,
        rollen=STUURGROEP,
        samenwerkingsverbanden=world["mlw"].pk,
    )
    assert "De uitnodiging aan Ilse Sterk" in text(response)
    (message,) = smtp.inbox.to("i.sterk@weert.example")
    assert "Rik Regie nodigt u uit" in text_of(message)


def test_a_link_for_one_user_does_not_set_anothers_password(world, smtp):
    x = gebruiker("x@example.nl", [REGIEGROEP], [world["mlw"]])
    y = gebruiker("y@example.nl", [REGIEGROEP], [world["mlw"]], password=PASSWORD)
    token = uitnodiging_token.make_token(x)
    forged = one_time_url("uitnodiging", y, token)
    page = text(Client().get(forged, follow=True))
    assert "Deze link werkt niet (meer)" in page and "new_password1" not in page
    # An invitation is no password-reset link either.
    reset = one_time_url("wachtwoord-herstellen", x, token)
    assert "Deze link werkt niet (meer)" in text(Client().get(reset, follow=True))
    y.refresh_from_db()
    assert y.check_password(PASSWORD)


def test_an_expired_link_says_so(world, monkeypatch):
    x = gebruiker("laat@example.nl", [REGIEGROEP], [world["mlw"]])
    monkeypatch.setattr(uitnodiging_token, "_now", lambda: datetime.now() - timedelta(days=4))
    token = uitnodiging_token.make_token(x)
    monkeypatch.undo()
    url = one_time_url("uitnodiging", x, token)
    assert "is verlopen (een link is drie dagen geldig)" in text(Client().get(url, follow=True))


def test_the_invitation_is_sent_again_only_while_it_is_open(
    world, smtp, django_capture_on_commit_callbacks
):
    client = client_for(world["beheer"])
    invited = gebruiker("open@example.nl", [REGIEGROEP], [world["mlw"]])
    detail = reverse("gebruikers:gebruiker-detail", args=[invited.pk])
    assert "Uitnodiging opnieuw versturen" in text(client.get(detail))
    url = reverse("gebruikers:gebruiker-uitnodiging-opnieuw", args=[invited.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
    assert "De uitnodiging aan" in text(client.get(detail))
    assert len(smtp.inbox.to("open@example.nl")) == 1

    active = gebruiker("actief@example.nl", [REGIEGROEP], [world["mlw"]], password=PASSWORD)
    url = reverse("gebruikers:gebruiker-uitnodiging-opnieuw", args=[active.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, follow=True)
    assert "geen openstaande uitnodiging meer" in text(response)
    assert not smtp.inbox.to("actief@example.nl")


def test_a_deactivated_invitee_cannot_use_the_link(world):
    x = gebruiker("weg@example.nl", [REGIEGROEP], [world["mlw"]], is_active=False)
    url = one_time_url("uitnodiging", x, uitnodiging_token.make_token(x))
    assert "Deze link werkt niet (meer)" in text(Client().get(url, follow=True))
