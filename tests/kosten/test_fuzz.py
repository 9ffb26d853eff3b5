"""Bad input for the verdeelsleutel form: never a server error, a Dutch message, nothing saved."""

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from kosten.models import Verdeelsleutel, Verdeelsleutelaandeel
from tests.fuzz import FUZZ, check_post, mutate, page_data

pytestmark = pytest.mark.django_db


def rows():
    return Verdeelsleutel.objects.all(), Verdeelsleutelaandeel.objects.all()


@pytest.fixture
def update(demo, regie_client):
    url = reverse("kosten:verdeelsleutel-update", args=["MLW", Verdeelsleutel.objects.get().pk])
    return url, page_data(regie_client.get(url))


@pytest.fixture
def create(demo, regie_client):
    url = reverse("kosten:verdeelsleutel-create", args=["MLW"])
    return url, page_data(regie_client.get(url))


@FUZZ
@given(data=st.data())
def test_changing_the_key_with_bad_input(update, regie_client, data):
    url, base = update
    check_post(regie_client, url, data.draw(mutate(base)), *rows())


@FUZZ
@given(data=st.data())
def test_a_new_key_with_bad_input(create, regie_client, data):
    url, base = create
    base |= {"vanaf_jaar": "2030", "methode": "vastgesteld"}
    check_post(regie_client, url, data.draw(mutate(base)), *rows())
