"""Shared gemeenten (issue 14, points 2 and 9) in the browser and the admin.

Weert takes part in MLW and in NML. The regiegroep of MLW may not change Weert's own data
(naam, address, contact, inwonertallen) nor bring a gemeente of NML into a samenwerkingsverband:
that would change what belongs to NML. The beheerder and Weert's official may; the official
not Weert's name. A gemeente only in MLW, and a new one, the regiegroep still edits.
The workbook import is in tests/werkboek/test_werkboek_gedeeld.py.
"""

from datetime import date

import pytest
from django.urls import reverse

from partijen.models import Gemeente, Inwonertal, Samenwerkingsverband
from regiekamer.roles import GEMEENTE, REGIEGROEP
from tests.conftest import logged_in
from tests.programma.helpers import page_data
from tests.regiekamer.test_versioning import admin_data
from tests.world import mlw_with_nml, user_with_place

pytestmark = pytest.mark.django_db

NOT_YOURS = "neemt deel aan een samenwerkingsverband waarvan u geen lid bent"


@pytest.fixture
def world(django_user_model):
    return mlw_with_nml(django_user_model)


def inwonertal(gemeente) -> int:
    return Inwonertal.objects.get(gemeente=gemeente, peildatum=date(2016, 1, 1)).aantal


def gemeente_url(gemeente) -> str:
    return reverse("gemeenten:gemeente-update", args=[gemeente.pk])


def admin_url(model, action, *args) -> str:
    meta = model._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_{action}", args=args)


# --- a gemeente's own data --------------------------------------------------------------------


def test_the_regiegroep_does_not_change_a_gemeente_another_samenwerkingsverband_shares(world):
    weert, nederweert = world["weert"], world["nederweert"]
    regie = logged_in(world["regie"])
    url = gemeente_url(weert)
    as_shown = page_data(logged_in(world["beheer"]).get(url))
    changed = as_shown | {
        "naam": "Weert-Oost",
        "adres": "Markt 1",
        "inwonertallen-0-aantal": "50.250",
    }

    assert "Bewerken" not in regie.get(weert.get_absolute_url()).content.decode()
    assert regie.get(url).status_code == 403
    assert regie.post(url, changed).status_code == 403
    weert.refresh_from_db()
    assert (weert.naam, weert.adres, inwonertal(weert)) == ("Weert", "", 49_100)

    # A gemeente only in MLW it edits, name included.
    url = gemeente_url(nederweert)
    data = page_data(regie.get(url)) | {
        "naam": "Nederweert-Eind",
        "inwonertallen-0-aantal": "17.250",
    }
    assert regie.post(url, data).status_code == 302
    nederweert.refresh_from_db()
    assert (nederweert.naam, inwonertal(nederweert)) == ("Nederweert-Eind", 17_250)

    # The beheerder changes Weert, name included.
    assert logged_in(world["beheer"]).post(gemeente_url(weert), changed).status_code == 302
    weert.refresh_from_db()
    assert (weert.naam, weert.adres, inwonertal(weert)) == ("Weert-Oost", "Markt 1", 50_250)


def test_a_new_gemeente_is_edited_by_whoever_created_it(world, django_user_model):
    regie = logged_in(world["regie"])
    data = {"naam": "Roermond", "plaats": "Roermond", "inwonertallen-TOTAL_FORMS": "1"}
    data |= {"inwonertallen-INITIAL_FORMS": "0", "inwonertallen-0-peildatum": "2016-01-01"}
    response = regie.post(
        reverse("gemeenten:gemeente-create"), data | {"inwonertallen-0-aantal": "58000"}
    )
    assert response.status_code == 302
    roermond = Gemeente.objects.get(naam="Roermond")
    assert inwonertal(roermond) == 58_000
    url = gemeente_url(roermond)
    assert regie.post(url, page_data(regie.get(url)) | {"adres": "Markt 1"}).status_code == 302
    # In no samenwerkingsverband yet, it is not another regiegroep's to change.
    other = user_with_place(django_user_model, "regie-nml", [REGIEGROEP], [world["nml"]])
    assert logged_in(other).get(url).status_code == 403


def test_an_official_edits_their_gemeente_but_not_its_name(world):
    weert = world["weert"]
    official = logged_in(world["ambtenaar"])
    url = gemeente_url(weert)
    page = official.get(url)
    assert page.status_code == 200
    assert page.context["form"].fields["naam"].disabled
    data = page_data(page) | {"naam": "Weert-Oost", "contactpersoon": "J. Jansen"}
    response = official.post(url, data | {"inwonertallen-0-aantal": "50000"})
    assert response.status_code == 302
    weert.refresh_from_db()
    assert (weert.naam, weert.contactpersoon, inwonertal(weert)) == ("Weert", "J. Jansen", 50_000)


def test_the_admin_keeps_a_shared_gemeente_from_the_regiegroep_and_its_name_from_the_official(
    admin_for_every_role, world
):
    weert = world["weert"]
    url = admin_url(Gemeente, "change", weert.pk)
    as_shown = admin_data(logged_in(world["beheer"]).get(url))

    regie = logged_in(world["regie"])
    page = regie.get(url)
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    changed = as_shown | {"naam": "Weert-Oost", "inwonertallen-0-aantal": "1"}
    assert regie.post(url, changed).status_code == 403
    weert.refresh_from_db()
    assert (weert.naam, inwonertal(weert)) == ("Weert", 49_100)

    official = logged_in(world["ambtenaar"])
    page = official.get(url)
    assert 'name="_save"' in page.content.decode() and 'name="naam"' not in page.content.decode()
    data = admin_data(page) | {"naam": "Weert-Oost", "contactpersoon": "J. Jansen"}
    assert official.post(url, data | {"inwonertallen-0-aantal": "50000"}).status_code == 302
    weert.refresh_from_db()
    assert (weert.naam, weert.contactpersoon, inwonertal(weert)) == ("Weert", "J. Jansen", 50_000)

    # The beheerder renames it.
    beheer = logged_in(world["beheer"])
    data = admin_data(beheer.get(url)) | {"naam": "Weert-Oost"}
    assert beheer.post(url, data).status_code == 302
    weert.refresh_from_db()
    assert weert.naam == "Weert-Oost"


# --- bringing a gemeente into a samenwerkingsverband ----------------------------------------


def test_the_regiegroep_brings_no_gemeente_of_another_samenwerkingsverband_into_its_own(world):
    weert, venlo, nederweert = world["weert"], world["venlo"], world["nederweert"]
    regie = logged_in(world["regie"])
    create = reverse("convenant:samenwerkingsverband-create")
    data = {"naam": "Nieuw verband", "afkorting": "NV", "juridische_vorm": "centrumregeling"}

    # Weert is also NML's: refused, with the reason.
    page = regie.post(create, data | {"gemeenten": [weert.pk]})
    assert page.status_code == 200
    assert f"Weert {NOT_YOURS}" in page.content.decode()
    assert not Samenwerkingsverband.objects.filter(afkorting="NV").exists()
    # Venlo, only NML's, is not even offered.
    assert "Venlo" not in regie.get(create).content.decode()
    assert regie.post(create, data | {"gemeenten": [venlo.pk]}).status_code == 200
    assert not Samenwerkingsverband.objects.filter(afkorting="NV").exists()
    # A gemeente only in MLW comes along.
    assert regie.post(create, data | {"gemeenten": [nederweert.pk]}).status_code == 302
    assert list(Samenwerkingsverband.objects.get(afkorting="NV").gemeenten.all()) == [nederweert]

    # Leaving is allowed: MLW lets Weert go, NML keeps it.
    url = reverse("convenant:samenwerkingsverband-update", args=["MLW"])
    keep = [world["leudal"].pk, nederweert.pk]
    assert regie.post(url, page_data(regie.get(url)) | {"gemeenten": keep}).status_code == 302
    assert sorted(world["mlw"].gemeenten.values_list("pk", flat=True)) == sorted(keep)
    assert world["nml"].gemeenten.filter(pk=weert.pk).exists()


def test_who_may_edit_a_gemeente_brings_it_in(world, django_user_model):
    """The beheerder, and a regiegroep member who is also Venlo's official."""
    venlo, mlw = world["venlo"], world["mlw"]
    url = reverse("convenant:samenwerkingsverband-update", args=["MLW"])
    both = user_with_place(
        django_user_model, "regie-en-venlo", [REGIEGROEP, GEMEENTE], [mlw], gemeente=venlo
    )
    for user in (both, world["beheer"]):
        client = logged_in(user)
        mlw.gemeenten.remove(venlo)
        data = page_data(client.get(url))
        response = client.post(url, data | {"gemeenten": [*data["gemeenten"], str(venlo.pk)]})
        assert response.status_code == 302, user
        assert mlw.gemeenten.filter(pk=venlo.pk).exists()
    # Two places add up to no more: Weert, shared with NML, is not theirs to change.
    assert logged_in(both).get(gemeente_url(world["weert"])).status_code == 403


def test_the_admin_brings_no_gemeente_of_another_samenwerkingsverband_in(
    admin_for_every_role, world
):
    weert, venlo, nederweert = world["weert"], world["venlo"], world["nederweert"]
    ander = Samenwerkingsverband.objects.create(
        naam="Ander verband", afkorting="ANDR", juridische_vorm="centrumregeling"
    )
    world["regie"].toegang.samenwerkingsverbanden.add(ander)
    regie = logged_in(world["regie"])
    url = admin_url(Samenwerkingsverband, "change", ander.pk)
    as_shown = admin_data(regie.get(url))

    page = regie.post(url, as_shown | {"gemeenten": [weert.pk]})
    assert page.status_code == 200
    assert f"Weert {NOT_YOURS}" in page.content.decode()
    assert not ander.gemeenten.exists()
    assert regie.post(url, as_shown | {"gemeenten": [venlo.pk]}).status_code == 200
    assert not ander.gemeenten.exists()
    assert regie.post(url, as_shown | {"gemeenten": [nederweert.pk]}).status_code == 302
    assert list(ander.gemeenten.all()) == [nederweert]

    beheer = logged_in(world["beheer"])
    data = admin_data(beheer.get(url))
    assert beheer.post(url, data | {"gemeenten": [nederweert.pk, venlo.pk]}).status_code == 302
    assert ander.gemeenten.filter(pk=venlo.pk).exists()
