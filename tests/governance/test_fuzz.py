"""Bad input for the meeting form with its agenda: never a server error, a Dutch message,
nothing half-saved."""

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from governance.models import Agendapunt, Gremium, Vergadering
from tests.fuzz import FUZZ, check_post, mutate, page_data

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"governance:{name}", args=["MLW", *args])


def rows():
    return Vergadering.objects.all(), Agendapunt.objects.all()


@pytest.fixture
def meeting(demo):
    gremium = Gremium.objects.get(naam="Stuurgroep (programmaorganisatie 2021)")
    data = {
        "gremium": str(gremium.pk),
        "begin": "2026-12-08T10:00",
        "eind": "2026-12-08T12:00",
        "status": "gepland",
        "agendapunten-TOTAL_FORMS": "2",
        "agendapunten-INITIAL_FORMS": "0",
        "agendapunten-MIN_NUM_FORMS": "0",
        "agendapunten-MAX_NUM_FORMS": "1000",
    }
    for i, (titel, soort) in enumerate(
        [("Communicatie", "bespreking"), ("Evaluatie", "besluitvorming")]
    ):
        data |= {
            f"agendapunten-{i}-volgorde": str(i + 1),
            f"agendapunten-{i}-titel": titel,
            f"agendapunten-{i}-soort": soort,
        }
    return data


@FUZZ
@given(data=st.data())
def test_a_new_meeting_with_bad_input(meeting, regie_client, data):
    check_post(regie_client, url("vergadering-create"), data.draw(mutate(meeting)), *rows())


@pytest.fixture
def saved_meeting(meeting, regie_client):
    assert regie_client.post(url("vergadering-create"), meeting).status_code == 302
    edit = url("vergadering-update", Vergadering.objects.get().pk)
    return edit, page_data(regie_client.get(edit))


@FUZZ
@given(data=st.data())
def test_changing_a_meeting_with_bad_input(saved_meeting, regie_client, data):
    edit, base = saved_meeting
    check_post(regie_client, edit, data.draw(mutate(base)), *rows())


@pytest.mark.parametrize("gremium", ["abc", "-0,5", "9" * 40, "٣", "99999"])
def test_a_bad_gremium_in_the_link_opens_an_empty_form(demo, regie_client, gremium):
    response = regie_client.get(url("vergadering-create"), {"gremium": gremium})
    assert response.status_code == 200
    assert response.context["form"].initial.get("gremium") is None
