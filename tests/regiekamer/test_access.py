"""The access rules as users meet them: the official of a gemeente, a new samenwerkingsverband,
the demo users. The full matrix of pages and roles is in test_access_matrix.py."""

from datetime import date

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from kosten.models import Budget
from partijen.models import Gemeente, Inwonertal, Samenwerkingsverband, Toegang
from regiekamer import access
from regiekamer.roles import GEMEENTE, REGIEGROEP


def official_of(django_user_model, gemeente, username="ambtenaar"):
    user = django_user_model.objects.create_user(username=username, is_staff=True)
    user.groups.add(Group.objects.get(name=GEMEENTE))
    Toegang.objects.create(gebruiker=user, gemeente=gemeente)
    client = Client()
    client.force_login(user)
    return user, client


def gemeente_post(gemeente, **changes):
    data = {
        "naam": gemeente.naam,
        "adres": gemeente.adres,
        "postcode": gemeente.postcode,
        "plaats": gemeente.plaats,
        "contactpersoon": "",
        "contact_email": "",
        "versie": getattr(gemeente, "versie", 1),
        "inwonertallen-TOTAL_FORMS": "0",
        "inwonertallen-INITIAL_FORMS": "0",
        "budgetten-TOTAL_FORMS": "0",
        "budgetten-INITIAL_FORMS": "0",
        "functionarissen-TOTAL_FORMS": "0",
        "functionarissen-INITIAL_FORMS": "0",
    }
    data.update(changes)
    return data


@pytest.mark.django_db
def test_an_official_edits_their_own_gemeente_and_not_another(demo, django_user_model):
    weert = Gemeente.objects.get(naam="Weert")
    nederweert = Gemeente.objects.get(naam="Nederweert")
    mlw = Samenwerkingsverband.objects.get(afkorting="MLW")
    _, client = official_of(django_user_model, weert)

    page = client.get(reverse("gemeenten:gemeente-update", args=[weert.pk]))
    assert page.status_code == 200
    choices = page.context["formsets"]["budgetten"].empty_form.fields["samenwerkingsverband"]
    assert list(choices.queryset) == [mlw]

    response = client.post(
        reverse("gemeenten:gemeente-update", args=[weert.pk]),
        gemeente_post(
            weert,
            contactpersoon="J. Jansen",
            contact_email="j.jansen@weert.nl",
            **{
                "inwonertallen-TOTAL_FORMS": "1",
                "inwonertallen-0-peildatum": "2026-01-01",
                "inwonertallen-0-aantal": "50500",
                "budgetten-TOTAL_FORMS": "1",
                "budgetten-0-samenwerkingsverband": str(mlw.pk),
                "budgetten-0-jaar": "2031",
                "budgetten-0-bedrag": "910000",
            },
        ),
    )
    assert response.status_code == 302
    weert.refresh_from_db()
    assert weert.contactpersoon == "J. Jansen"
    assert Inwonertal.objects.get(gemeente=weert, peildatum=date(2026, 1, 1)).aantal == 50500
    assert Budget.objects.get(gemeente=weert, jaar=2031).bedrag == 910000

    # Nederweert is a partner in the same samenwerkingsverband: readable, not editable, and
    # its page offers no edit button (Weert's does).
    assert "Bewerken" in client.get(weert.get_absolute_url()).content.decode()
    page = client.get(nederweert.get_absolute_url())
    assert page.status_code == 200
    assert "Bewerken" not in page.content.decode()
    url = reverse("gemeenten:gemeente-update", args=[nederweert.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, gemeente_post(nederweert, contactpersoon="X")).status_code == 403
    nederweert.refresh_from_db()
    assert nederweert.contactpersoon == ""
    # And nothing else of the samenwerkingsverband.
    assert client.get(reverse("formatie:fasen", args=["MLW"])).status_code == 403


@pytest.mark.django_db
def test_only_who_may_edit_every_budget_finds_the_budgetten_button(
    demo, django_user_model, regie_client
):
    kosten = reverse("kosten:kostenverdeling", args=["MLW"])
    budgetten = reverse("kosten:budgetten", args=["MLW"])
    assert budgetten in regie_client.get(kosten).content.decode()
    # An official of Weert edits only Weert's budgets, on the page of Weert.
    _, client = official_of(django_user_model, Gemeente.objects.get(naam="Weert"))
    page = client.get(kosten)
    assert page.status_code == 200
    assert budgetten not in page.content.decode()
    assert client.get(budgetten).status_code == 403


@pytest.mark.django_db
def test_an_official_of_a_gemeente_outside_sees_nothing_of_it(demo, django_user_model):
    elders = Gemeente.objects.create(naam="Elders")
    _, client = official_of(django_user_model, elders)
    assert client.get(reverse("dashboard", args=["MLW"])).status_code == 404
    listing = client.get(reverse("convenant:samenwerkingsverband-list")).content.decode()
    assert "Midden-Limburg West" not in listing
    weert = Gemeente.objects.get(naam="Weert")
    assert client.get(weert.get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_whoever_creates_a_samenwerkingsverband_takes_part_in_it(django_user_model):
    user = django_user_model.objects.create_user(username="nieuw", is_staff=True)
    user.groups.add(Group.objects.get(name=REGIEGROEP))
    client = Client()
    client.force_login(user)
    response = client.post(
        reverse("convenant:samenwerkingsverband-create"),
        {"naam": "Nieuw verband", "afkorting": "nv", "juridische_vorm": "regeling_zonder_meer"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert (
        client.get(reverse("convenant:samenwerkingsverband-detail", args=["NV"])).status_code == 200
    )
    other = django_user_model.objects.create_user(username="ander", is_staff=True)
    other.groups.add(Group.objects.get(name=REGIEGROEP))
    client.force_login(other)
    assert (
        client.get(reverse("convenant:samenwerkingsverband-detail", args=["NV"])).status_code == 404
    )


@pytest.mark.django_db
def test_demo_users_take_part_in_the_demo():
    # The MLW record; G12 and MLW's scenario's (issue 20): tests/scenarios/test_demo.py.
    call_command("laad_demo", zonder_scenarios=True, verbosity=0)
    from django.contrib.auth import get_user_model

    users = get_user_model().objects
    mlw = Samenwerkingsverband.objects.get(afkorting="MLW")
    for username in ("regie", "stuur", "weert", "beheer"):
        assert list(access.visible_samenwerkingsverbanden(users.get(username=username))) == [mlw]
    weert = users.get(username="weert")
    assert access.can(weert, "change", Gemeente.objects.get(naam="Weert"))
    assert not access.can(weert, "change", Gemeente.objects.get(naam="Nederweert"))


def test_a_formset_offers_only_people_of_the_own_samenwerkingsverband(demo, django_user_model):
    """The gremium's member rows list personen of MLW, not those of another collaboration."""
    from governance.models import Gremium, Persoon

    mlw = Samenwerkingsverband.objects.get(afkorting="MLW")
    other = Samenwerkingsverband.objects.create(naam="Ander verband", afkorting="AV")
    roermond = Gemeente.objects.create(naam="Roermond")
    other.gemeenten.add(roermond)
    outsider = Persoon.objects.create(naam="Iemand van Elders", gemeente=roermond)
    insider = Persoon.objects.create(
        naam="Iemand uit Weert", gemeente=Gemeente.objects.get(naam="Weert")
    )
    user = django_user_model.objects.create_user("regie-mlw", password="geheim-123!")
    user.groups.add(Group.objects.get(name=REGIEGROEP))
    access.grant(user, mlw)
    client = Client()
    client.force_login(user)
    gremium = Gremium.objects.filter(samenwerkingsverband=mlw).order_by("pk").first()

    page = client.get(reverse("governance:gremium-update", args=["MLW", gremium.pk]))

    assert page.status_code == 200
    content = page.content.decode()
    assert insider.naam in content
    assert outsider.naam not in content
