"""Bad input for the opdracht form (with its resultaten): never a server error, a Dutch
message, nothing half-saved."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from programma.models import Opdracht, Resultaat
from tests.fuzz import FUZZ, check_post, mutate, page_data

from .helpers import opdracht

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["1.3", "2.1 stap 1"])
def edit(request, demo, regie_client):
    url = opdracht(request.param).get_absolute_url().rstrip("/") + "/bewerken/"
    return url, page_data(regie_client.get(url))


@FUZZ
@given(data=st.data())
def test_editing_an_opdracht_with_bad_input(edit, regie_client, data):
    url, base = edit
    check_post(
        regie_client, url, data.draw(mutate(base)), Opdracht.objects.all(), Resultaat.objects.all()
    )
