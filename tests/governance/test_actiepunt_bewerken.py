"""An actiepunt after it was made: the regiegroep changes it (also back to open after an early
"Gereed"), deletes it after a confirmation, and cannot give it a deadline before the meeting
it comes from; the stuurgroep reads; another samenwerkingsverband does not reach it."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from governance.constants import Actiestatus
from governance.models import Actiepunt, Gremium, Persoon
from regiekamer.roles import REGIEGROEP
from tests.conftest import logged_in
from tests.governance.factories import VergaderingFactory
from tests.partijen.factories import GebruikerFactory, SamenwerkingsverbandFactory, ToegangFactory
from tests.programma.helpers import page_data

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"governance:{name}", args=["MLW", *args])


@pytest.fixture
def actiepunt(demo):
    gremium = Gremium.objects.get(naam="Stuurgroep (programmaorganisatie 2021)")
    vergadering = VergaderingFactory(
        gremium=gremium,
        begin=timezone.make_aware(datetime.datetime(2027, 1, 14, 10)),
        eind=timezone.make_aware(datetime.datetime(2027, 1, 14, 12)),
    )
    return Actiepunt.objects.create(
        gremium=gremium,
        vergadering=vergadering,
        omschrijving="Kaders inkoop Jeugd uitwerken",
        deadline=datetime.date(2027, 2, 1),
    )


def test_the_regiegroep_edits_an_actiepunt_from_the_list_and_reopens_it(actiepunt, regie_client):
    lijst = regie_client.get(url("actiepunt-list")).content.decode()
    edit = url("actiepunt-update", actiepunt.pk)
    assert f'href="{edit}?terug=' in lijst
    regie_client.post(url("actiepunt-done", actiepunt.pk))
    actiepunt.refresh_from_db()
    assert actiepunt.status == Actiestatus.GEREED

    response = regie_client.get(edit)
    eigenaar = Persoon.objects.filter(naam__contains="Sterk").first()
    data = page_data(response) | {
        "status": Actiestatus.OPEN,
        "deadline": "2027-03-01",
        "eigenaar": eigenaar.pk,
    }
    response = regie_client.post(edit, data, follow=True)
    assert "Opgeslagen." in response.content.decode()
    actiepunt.refresh_from_db()
    assert actiepunt.status == Actiestatus.OPEN and actiepunt.eigenaar == eigenaar
    assert actiepunt.deadline == datetime.date(2027, 3, 1)
    history = regie_client.get(edit).content.decode().split("<h2>Geschiedenis</h2>")[1]
    assert "Open &rarr; Gereed" in history and "Gereed &rarr; Open" in history
    assert "uiterste datum" in history


def test_deleting_an_actiepunt_asks_first(actiepunt, regie_client):
    edit = regie_client.get(url("actiepunt-update", actiepunt.pk)).content.decode()
    delete = url("actiepunt-delete", actiepunt.pk)
    assert f'href="{delete}">Actiepunt verwijderen</a>' in edit
    confirm = regie_client.get(delete).content.decode()
    assert "Ja, verwijderen" in confirm and Actiepunt.objects.filter(pk=actiepunt.pk).exists()
    response = regie_client.post(delete, follow=True)
    assert "Verwijderd: Kaders inkoop Jeugd uitwerken." in response.content.decode()
    assert not Actiepunt.objects.filter(pk=actiepunt.pk).exists()


def test_a_deadline_before_the_meeting_is_refused_and_nothing_saved(actiepunt, regie_client):
    edit = url("actiepunt-update", actiepunt.pk)
    data = page_data(regie_client.get(edit)) | {"deadline": "2026-11-15"}
    page = regie_client.post(edit, data).content.decode()
    assert (
        "De uiterste datum ligt vóór de vergadering waarin de actie is afgesproken (14-01-2027)."
        in page
    )
    actiepunt.refresh_from_db()
    assert actiepunt.deadline == datetime.date(2027, 2, 1)
    data = page_data(regie_client.get(url("actiepunt-create"))) | {
        "gremium": actiepunt.gremium_id,
        "vergadering": actiepunt.vergadering_id,
        "omschrijving": "Te vroeg",
        "deadline": "2027-01-13",
    }
    assert (
        "vóór de vergadering" in regie_client.post(url("actiepunt-create"), data).content.decode()
    )
    assert not Actiepunt.objects.filter(omschrijving="Te vroeg").exists()


def test_the_gereed_message_says_how_to_undo_it(actiepunt, regie_client):
    response = regie_client.post(url("actiepunt-done", actiepunt.pk), follow=True)
    assert "Bij Bewerken zet u de status terug op open." in response.content.decode()


def test_the_stuurgroep_reads_without_the_links_and_is_refused(actiepunt, stuur_client):
    lijst = stuur_client.get(url("actiepunt-list")).content.decode()
    assert "Kaders inkoop Jeugd uitwerken" in lijst
    assert url("actiepunt-update", actiepunt.pk) not in lijst
    for name in ("actiepunt-update", "actiepunt-delete"):
        assert stuur_client.get(url(name, actiepunt.pk)).status_code == 403
        assert stuur_client.post(url(name, actiepunt.pk), {}).status_code == 403
    assert Actiepunt.objects.filter(pk=actiepunt.pk).exists()


def test_another_samenwerkingsverbands_regiegroep_gets_404(actiepunt):
    ander = SamenwerkingsverbandFactory(afkorting="AND")
    user = GebruikerFactory(rollen=[REGIEGROEP])
    ToegangFactory(gebruiker=user, samenwerkingsverbanden=[ander])
    client = logged_in(user)
    for name in ("actiepunt-update", "actiepunt-delete"):
        for afkorting in ("MLW", "AND"):
            address = reverse(f"governance:{name}", args=[afkorting, actiepunt.pk])
            assert client.get(address).status_code == 404
            assert client.post(address, {"omschrijving": "x"}).status_code == 404
    actiepunt.refresh_from_db()
    assert actiepunt.omschrijving == "Kaders inkoop Jeugd uitwerken"
