"""Review of issue 20: a pakket that still holds rollen is not deleted, and the page says so in
a proper sentence: 'de rol X hoort erbij' or 'de rollen X en Y horen erbij'."""

import pytest
from django.urls import reverse

from formatie.models import Rol
from tests.kosten.test_pakketten_kosten import met_wmo_module

pytestmark = pytest.mark.django_db


def test_two_rollen_are_named_as_a_sentence(demo, regie_client):
    pakket = met_wmo_module()
    Rol.objects.filter(naam="Beleid Jeugd").update(pakket=pakket)
    url = reverse("formatie:pakket-delete", args=["MLW", pakket.pk])
    page = regie_client.get(url).content.decode()
    assert (
        "kan niet worden verwijderd: de rollen Beleid Jeugd en Beleid Wmo horen erbij. Zet die "
        "rollen eerst in een ander pakket"
    ) in page
    page = regie_client.post(url, follow=True).content.decode()
    assert (
        "Wmo-module is niet verwijderd: de rollen Beleid Jeugd en Beleid Wmo horen erbij." in page
    )
