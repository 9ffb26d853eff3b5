"""Accounts in daily hands (issue 18, tried as a beheerder and a colleague would): the edit form
opens filled in, an e-mail address signs in however it is typed, an invitee whose link expired
asks "wachtwoord vergeten", a resent invitation ends the old link, and a predictable password is
refused."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from gebruikers.uitnodiging import uitnodiging_token
from regiekamer.roles import REGIEGROEP
from tests.gebruikers.factories import (
    PASSWORD,
    client_for,
    gebruiker,
    text,
    wereld,  # noqa: F401 (the fixture "world")
)
from tests.gebruikers.test_uitnodiging import link_in, one_time_url
from tests.smtp import text_of

pytestmark = pytest.mark.django_db
User = get_user_model()


def test_the_edit_form_opens_with_the_users_own_values(world):
    target = world["stuur"]
    page = client_for(world["beheer"]).get(reverse("gebruikers:gebruiker-update", args=[target.pk]))
    form = page.context["form"]
    assert form["voornaam"].value() == "Stijn"
    assert form["email"].value() == "stuur-mlw@example.nl"
    assert form["rollen"].value() == ["stuurgroep"]
    assert [int(pk) for pk in form["samenwerkingsverbanden"].value()] == [world["mlw"].pk]
    assert 'value="Stijn"' in text(page)


def test_an_email_address_signs_in_however_it_is_typed(world):
    gebruiker("j.devries@weert.nl", [REGIEGROEP], [world["mlw"]], password=PASSWORD)
    response = Client().post(
        "/inloggen/", {"username": " J.deVries@Weert.NL", "password": PASSWORD}
    )
    assert response.status_code == 302, text(response)
    wrong = Client().post("/inloggen/", {"username": "J.DEVRIES@weert.nl", "password": "fout"})
    assert "Gebruikersnaam of wachtwoord is onjuist" in text(wrong)
    # django-axes counted the attempt under the account's own name, whatever the case.
    from axes.models import AccessAttempt

    assert AccessAttempt.objects.filter(username="j.devries@weert.nl").exists()


def test_an_invitee_whose_link_expired_asks_for_a_new_one(
    world, smtp, django_capture_on_commit_callbacks
):
    invited = gebruiker("nieuw@example.nl", [REGIEGROEP], [world["mlw"]])
    assert not invited.has_usable_password()
    with django_capture_on_commit_callbacks(execute=True):
        Client().post(reverse("gebruikers:wachtwoord-vergeten"), {"email": "Nieuw@Example.nl"})
    (message,) = smtp.inbox.to("nieuw@example.nl")
    client = Client()
    page = client.get(link_in(message), follow=True)
    assert page.status_code == 200
    response = client.post(
        page.redirect_chain[-1][0] if page.redirect_chain else link_in(message),
        {
            "new_password1": "paarse olifant op de fiets",
            "new_password2": "paarse olifant op de fiets",
        },
    )
    assert response.status_code == 302
    invited.refresh_from_db()
    assert invited.check_password("paarse olifant op de fiets")
    assert "wachtwoord" in text_of(message).lower()


def test_a_resent_invitation_ends_the_old_link(world, smtp, django_capture_on_commit_callbacks):
    invited = gebruiker("open@example.nl", [REGIEGROEP], [world["mlw"]])
    old = one_time_url("uitnodiging", invited, uitnodiging_token.make_token(invited))
    url = reverse("gebruikers:gebruiker-uitnodiging-opnieuw", args=[invited.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client_for(world["beheer"]).post(url)
    assert "Deze link werkt niet (meer)" in text(Client().get(old, follow=True))
    (message,) = smtp.inbox.to("open@example.nl")
    assert "Kies een wachtwoord" in text(Client().get(link_in(message), follow=True))


@pytest.mark.parametrize(
    "password",
    [
        "welkom123456",
        "Regiekamer2026!",
        "123456789012",
        "210987654321",
        "abcabcabcabc",
        "wachtwoord-wachtwoord",
        "Zomer2027!!!!",
    ],
)
def test_a_predictable_password_is_refused(password):
    with pytest.raises(ValidationError) as refused:
        validate_password(password)
    assert "te voorspelbaar" in " ".join(refused.value.messages)


def test_a_sentence_or_a_long_random_number_is_a_good_password():
    validate_password("paarse olifant op de fiets")
    validate_password("739281046573951")  # no composition rules (NIST 800-63B)
    validate_password("Welkom in het regiekamer-overleg van maandag")


def test_an_old_account_without_an_address_is_edited_without_one(world):
    old = gebruiker("stuur-oud", ["stuurgroep"], [world["mlw"]], email="")
    url = reverse("gebruikers:gebruiker-update", args=[old.pk])
    client = client_for(world["beheer"])
    form = client.get(url).context["form"]
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data |= {"voornaam": "Sanne"}
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    old.refresh_from_db()
    assert (old.first_name, old.email, old.username) == ("Sanne", "", "stuur-oud")
