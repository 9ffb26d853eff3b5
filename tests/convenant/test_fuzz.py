"""Bad input for the raadsinformatiebrief form: never a server error, a Dutch message, nothing
saved."""

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from brieven.models import Raadsinformatiebrief
from brieven.opstellen import draft_letter
from partijen.models import Gemeente, Samenwerkingsverband
from tests.fuzz import FUZZ, check_post, mutate, page_data

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"brieven:{name}", args=["MLW", *args])


@pytest.fixture
def new_letter(demo, regie_client):
    gemeente = Gemeente.objects.get(naam="Nederweert")
    return page_data(regie_client.get(url("brief-create"), {"gemeente": gemeente.pk}))


@FUZZ
@given(data=st.data())
def test_a_new_letter_with_bad_input(new_letter, regie_client, data):
    posted = data.draw(mutate(new_letter))
    check_post(regie_client, url("brief-create"), posted, Raadsinformatiebrief.objects.all())


@pytest.fixture
def saved_letter(demo, regie_client):
    """The edit page of a saved letter, and its form as the page renders it (read once: every
    post is rolled back, so the page stays the same)."""
    brief = draft_letter(
        Samenwerkingsverband.objects.get(afkorting="MLW"), Gemeente.objects.get(naam="Weert")
    )
    brief.save()
    edit = url("brief-update", brief.pk)
    return edit, page_data(regie_client.get(edit))


@FUZZ
@given(data=st.data())
def test_editing_a_letter_with_bad_input(saved_letter, regie_client, data):
    edit, base = saved_letter
    check_post(regie_client, edit, data.draw(mutate(base)), Raadsinformatiebrief.objects.all())
