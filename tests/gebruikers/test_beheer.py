"""Gebruikersbeheer as the beheerder and a regiegroep see it: the list, a user's page, changes,
deactivating, lifting a lockout, resetting two-factor, where one lands after signing in; and
what a regiegroep of another samenwerkingsverband, the stuurgroep and an official cannot."""

import logging

import pytest
from axes.models import AccessAttempt
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from regiekamer.roles import BEHEERDER, GEMEENTE, REGIEGROEP, STUURGROEP
from tests.gebruikers.factories import (
    PASSWORD,
    client_for,
    gebruiker,
    text,
    wereld,  # noqa: F401 (the fixture "world")
)
from tests.querycount import difference, measure

pytestmark = pytest.mark.django_db
User = get_user_model()
LIST = "/gebruikers/"


def test_the_beheerder_lists_everyone_with_role_places_and_status(world):
    TOTPDevice.objects.create(user=world["regie"], name="telefoon", confirmed=True)
    world["regie"].last_login = timezone.make_aware(timezone.datetime(2026, 11, 3, 9, 15))
    world["regie"].save()
    response = client_for(world["beheer"]).get(LIST)
    page = text(response)
    assert response.status_code == 200
    for username in ("regie-mlw", "stuur-mlw", "regie-nml", "ambtenaar-weert", "beheer"):
        assert f"/gebruikers/{User.objects.get(username=username).pk}/" in page
    assert "Rik Regie" in page and "03-11-2026 09:15" in page
    assert "Regiegroep" in page and "Ambtenaar van een gemeente" in page
    assert "MLW" in page and "NML (stuurgroep)" in page and "Weert" in page
    assert "ingesteld" in page and "niet ingesteld" in page
    assert "uitgenodigd" in page  # never logged in, no password: the factory's users
    assert "Collega uitnodigen" in page


def test_the_list_costs_as_many_queries_for_many_users(world, django_assert_max_num_queries):
    client = client_for(world["beheer"])
    client.get(LIST)
    few = measure(client, LIST + "?per_page=50")
    for n in range(20):
        gebruiker(f"extra-{n}", [REGIEGROEP], [world["mlw"]], stuur=[world["nml"]])
    # 17: the page's own, whether the reader has an authenticator app (TwoFactorMiddleware),
    # and the reader's access read afresh (a new user moves the access version: access.load).
    with django_assert_max_num_queries(17):
        response = client.get(LIST + "?per_page=50")
    assert text(response).count("extra-") >= 20
    many = measure(client, LIST + "?per_page=50")
    assert many.count == few.count, difference(few, many)


def test_a_regiegroep_sees_only_the_users_of_its_own_samenwerkingsverband(world):
    page = text(client_for(world["regie"]).get(LIST))
    pks = {
        username: f"/gebruikers/{User.objects.get(username=username).pk}/"
        for username in (
            "stuur-mlw",
            "regie-mlw",
            "regie-nml",
            "regie-beide",
            "wethouder",
            "beheer",
            "ambtenaar-weert",
        )
    }
    assert pks["stuur-mlw"] in page and pks["regie-mlw"] in page
    for other in ("regie-nml", "regie-beide", "wethouder", "beheer", "ambtenaar-weert"):
        assert pks[other] not in page, other


@pytest.mark.parametrize("who", ["stuur", "ambtenaar"])
def test_stuurgroep_and_officials_get_403_on_every_page(world, who):
    client = client_for(world[who])
    target = world["regie"].pk
    for url in (
        LIST,
        reverse("gebruikers:uitnodigen"),
        reverse("gebruikers:gebruiker-detail", args=[target]),
        reverse("gebruikers:gebruiker-update", args=[target]),
        reverse("gebruikers:gebruiker-deactiveren", args=[target]),
    ):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "Gebruikers beheren de beheerder en de regiegroep" in text(response)
    assert (
        client.post(reverse("gebruikers:gebruiker-deactiveren", args=[target])).status_code == 403
    )
    assert User.objects.get(pk=target).is_active
    page = text(client.get(reverse("convenant:samenwerkingsverband-list")))
    assert ">Gebruikers<" not in page and ">Beheer<" not in page


def test_the_menu_shows_gebruikers_to_managers_and_beheer_only_to_the_beheerder(world):
    world["stuur"].is_staff = True  # staff from before issue 18: still no "Beheer"
    world["stuur"].save()
    home = reverse("convenant:samenwerkingsverband-list")
    beheer = text(client_for(world["beheer"]).get(home))
    assert ">Gebruikers<" in beheer and ">Beheer<" in beheer
    regie = text(client_for(world["regie"]).get(home))
    assert ">Gebruikers<" in regie and ">Beheer<" not in regie
    assert ">Beheer<" not in text(client_for(world["stuur"]).get(home))


def test_a_regiegroep_of_another_samenwerkingsverband_cannot_touch_mlw_users(world):
    client = client_for(world["regie_nml"])
    target = world["stuur"]
    for name in ("gebruiker-detail", "gebruiker-update", "gebruiker-deactiveren"):
        assert client.get(reverse(f"gebruikers:{name}", args=[target.pk])).status_code == 404
    for name in (
        "gebruiker-update",
        "gebruiker-deactiveren",
        "gebruiker-activeren",
        "gebruiker-blokkade-opheffen",
        "gebruiker-tweestaps-resetten",
        "gebruiker-uitnodiging-opnieuw",
    ):
        forged = {"voornaam": "X", "achternaam": "Y", "email": "x@example.nl"}
        forged |= {"rollen": REGIEGROEP, "samenwerkingsverbanden": world["nml"].pk}
        response = client.post(reverse(f"gebruikers:{name}", args=[target.pk]), forged)
        assert response.status_code == 404, name
    target.refresh_from_db()
    assert target.is_active and target.first_name == "Stijn"
    assert set(target.toegang.samenwerkingsverbanden.all()) == {world["mlw"]}


def test_a_regiegroep_cannot_touch_a_beheerder_nor_give_rights_outside_its_places(world):
    client = client_for(world["regie"])
    beheer = world["beheer"]
    assert client.get(reverse("gebruikers:gebruiker-detail", args=[beheer.pk])).status_code == 404
    url = reverse("gebruikers:gebruiker-update", args=[world["stuur"].pk])
    page = text(client.get(url))
    assert "Noord- en Midden-Limburg" not in page and "Beheerder" not in page
    base = {"voornaam": "Stijn", "achternaam": "Stuur", "email": "stuur-mlw@example.nl"}
    for forged in (
        {"rollen": BEHEERDER, "samenwerkingsverbanden": world["mlw"].pk},
        {"rollen": REGIEGROEP, "samenwerkingsverbanden": [world["mlw"].pk, world["nml"].pk]},
        {"rollen": GEMEENTE, "gemeente": world["weert"].pk},
    ):
        response = client.post(url, base | forged)
        assert response.status_code == 200
        assert "Selecteer een geldige keuze" in text(response)
    stuur = User.objects.get(pk=world["stuur"].pk)
    assert [g.name for g in stuur.groups.all()] == [STUURGROEP]
    assert not stuur.is_staff


def test_the_beheerder_changes_role_and_places_and_staff_follows_the_role(world):
    client = client_for(world["beheer"])
    target = world["stuur"]
    url = reverse("gebruikers:gebruiker-update", args=[target.pk])
    assert "Stijn" in text(client.get(url))
    data = {"voornaam": "Stijn", "achternaam": "Stevens", "email": "Stijn@Example.nl"}
    data |= {"rollen": [BEHEERDER]}
    response = client.post(url, data, follow=True)
    assert "Opgeslagen." in text(response)
    target.refresh_from_db()
    assert target.is_staff and target.last_name == "Stevens" and target.email == "stijn@example.nl"
    assert [g.name for g in target.groups.all()] == [BEHEERDER]
    # Kept: who changed what (names, staff), not the password.
    rows = target.history.order_by("history_id")
    assert rows.last().last_name == "Stevens" and rows.last().history_user == world["beheer"]
    assert not hasattr(rows.last(), "password")
    data |= {"rollen": [STUURGROEP], "samenwerkingsverbanden": [world["nml"].pk]}
    client.post(url, data)
    target.refresh_from_db()
    assert not target.is_staff
    assert set(target.toegang.samenwerkingsverbanden.all()) == {world["nml"]}


def test_deactivating_asks_first_ends_the_session_and_deletes_nothing(world):
    target = gebruiker("weg", [REGIEGROEP], [world["mlw"]], password=PASSWORD)
    theirs = Client()
    assert theirs.post("/inloggen/", {"username": "weg", "password": PASSWORD}).status_code == 302
    client = client_for(world["regie"])
    url = reverse("gebruikers:gebruiker-deactiveren", args=[target.pk])
    assert "Ja, deactiveren" in text(client.get(url))
    response = client.post(url, follow=True)
    assert "is gedeactiveerd" in text(response)
    assert "gedeactiveerd" in text(client.get(LIST))
    assert User.objects.filter(pk=target.pk, is_active=False).exists()
    assert theirs.get(LIST).status_code == 302  # signed out: to the login page
    assert theirs.post("/inloggen/", {"username": "weg", "password": PASSWORD}).status_code == 200

    response = client.post(reverse("gebruikers:gebruiker-activeren", args=[target.pk]), follow=True)
    assert "is weer actief" in text(response)
    assert theirs.post("/inloggen/", {"username": "weg", "password": PASSWORD}).status_code == 302


def test_nobody_deactivates_themselves(world):
    client = client_for(world["beheer"])
    url = reverse("gebruikers:gebruiker-deactiveren", args=[world["beheer"].pk])
    response = client.get(url)
    assert response.status_code == 403
    assert "U kunt uzelf niet deactiveren; vraag een andere beheerder." in text(response)
    assert client.post(url).status_code == 403
    assert User.objects.get(pk=world["beheer"].pk).is_active
    page = text(client.get(reverse("gebruikers:gebruiker-detail", args=[world["beheer"].pk])))
    assert "Deactiveren" not in page


def test_lifting_a_lockout_lets_the_user_sign_in_again(world, caplog):
    target = gebruiker("vergeetachtig", [REGIEGROEP], [world["mlw"]], password=PASSWORD)
    theirs = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        theirs.post("/inloggen/", {"username": "vergeetachtig", "password": "fout"})
    assert AccessAttempt.objects.filter(username="vergeetachtig").exists()
    login = {"username": "vergeetachtig", "password": PASSWORD}
    assert theirs.post("/inloggen/", login).status_code == 429

    client = client_for(world["beheer"])
    detail = reverse("gebruikers:gebruiker-detail", args=[target.pk])
    assert "geblokkeerd" in text(client.get(detail))
    with caplog.at_level(logging.WARNING, logger="regiekamer.security"):
        url = reverse("gebruikers:gebruiker-blokkade-opheffen", args=[target.pk])
        response = client.post(url, follow=True)
    assert "De blokkade van" in text(response) and "is opgeheven" in text(response)
    assert "Blokkade opgeheven: gebruiker=vergeetachtig door=beheer" in caplog.text
    assert "Blokkade opheffen" not in text(client.get(detail))
    assert theirs.post("/inloggen/", login).status_code == 302


def test_resetting_two_factor_deletes_the_devices(world):
    target = world["stuur"]
    TOTPDevice.objects.create(user=target, name="telefoon", confirmed=True)
    StaticDevice.objects.create(user=target, name="herstelcodes")
    detail = reverse("gebruikers:gebruiker-detail", args=[target.pk])
    url = reverse("gebruikers:gebruiker-tweestaps-resetten", args=[target.pk])
    # The regiegroep manages the stuurgroep member, but only the beheerder resets the second
    # factor: a forged POST changes nothing.
    regie = client_for(world["regie"])
    assert "Tweestapsverificatie resetten" not in text(regie.get(detail))
    refused = regie.post(url)
    assert refused.status_code == 403
    assert "Alleen de beheerder" in text(refused)
    assert TOTPDevice.objects.filter(user=target).exists()

    assert regie.get(url).status_code == 403

    client = client_for(world["beheer"])
    assert "Tweestapsverificatie resetten" in text(client.get(detail))
    asked = text(client.get(url))  # first: are you sure?
    assert "Ja, resetten" in asked and "bel terug" in asked
    assert TOTPDevice.objects.filter(user=target).exists()
    response = client.post(url, follow=True)
    assert "is gereset" in text(response)
    assert not TOTPDevice.objects.filter(user=target).exists()
    assert not StaticDevice.objects.filter(user=target).exists()
    assert "niet ingesteld" in text(response)


# --- where one lands after signing in --------------------------------------------------------


def landing(user, query="") -> str:
    return client_for(user).get(reverse("gebruikers:start") + query)["Location"]


def test_after_signing_in_each_lands_at_their_place(world):
    assert landing(world["beheer"]) == reverse("home")
    assert landing(world["regie"]) == reverse("dashboard", kwargs={"afkorting": "MLW"})
    assert landing(world["beide"]) == reverse("convenant:samenwerkingsverband-list")
    # The official of Weert: Weert takes part in MLW and NML.
    assert landing(world["ambtenaar"]) == reverse("convenant:samenwerkingsverband-list")
    assert landing(world["regie"], "?next=/gemeenten/") == "/gemeenten/"
    assert landing(world["regie"], "?next=https://evil.example/") == reverse(
        "dashboard", kwargs={"afkorting": "MLW"}
    )


def test_a_user_without_a_place_is_told_so_and_whom_to_ask(world):
    nowhere = gebruiker("nergens", [REGIEGROEP])
    client = client_for(nowhere)
    response = client.get(reverse("gebruikers:start"), follow=True)
    page = text(response)
    assert "hoort nog bij geen samenwerkingsverband en geen gemeente" in page
    assert "Bea Beheer" in page and "bea@regiekamer.example" in page
    # Every other page says so too, instead of an empty list that looks like a fault.
    listing = text(client.get(reverse("convenant:samenwerkingsverband-list")))
    assert "Uw account hoort nog bij geen samenwerkingsverband en geen gemeente" in listing
    assert "Wie u toegang geeft" in listing
    placed = text(client_for(world["regie"]).get(reverse("convenant:samenwerkingsverband-list")))
    assert "hoort nog bij geen samenwerkingsverband" not in placed


def test_the_login_leads_through_start(world):
    gebruiker("inlogger", [REGIEGROEP], [world["mlw"]], password=PASSWORD)
    response = Client().post("/inloggen/", {"username": "inlogger", "password": PASSWORD})
    assert response["Location"] == reverse("gebruikers:start")


def test_only_the_beheerder_is_staff_after_the_migration(world):
    module = __import__(
        "gebruikers.migrations.0002_alleen_beheerder_is_staf", fromlist=["only_beheerder_is_staff"]
    )
    User.objects.update(is_staff=True)
    module.only_beheerder_is_staff(apps, None)
    assert set(User.objects.filter(is_staff=True).values_list("username", flat=True)) == {"beheer"}
