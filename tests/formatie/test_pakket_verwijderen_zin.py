"""Review of issue 20: a pakket that still holds rollen is not deleted, and the page says so in
a proper sentence: 'de rol X hoort erbij' or 'de rollen X en Y horen erbij'."""

import pytest
from django.urls import reverse

from formatie.models import Rol
from tests.kosten.test_pakketten_kosten import met_wmo_module
from tests.programma.helpers import page_data

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


def test_saving_a_pakket_that_stops_the_kostenverdeling_warns_with_the_fix(demo, regie_client):
    pakket = met_wmo_module()
    url = reverse("formatie:pakket-update", args=["MLW", pakket.pk])
    data = page_data(regie_client.get(url))
    data |= {"deelnemers-0-vanaf_jaar": "2017", "deelnemers-1-vanaf_jaar": "2017"}
    page = regie_client.post(url, data, follow=True).content.decode()
    assert (
        "Opgeslagen. De kostenverdeling kan niet worden berekend. Pakket Wmo-module heeft "
        "kosten in 2016 maar geen deelnemers."
    ) in page
    assert f'<a href="{url}">Pakket bewerken</a>' in page
    data = page_data(regie_client.get(url))  # the pakket's new version
    data |= {"deelnemers-0-vanaf_jaar": "", "deelnemers-1-vanaf_jaar": ""}
    page = regie_client.post(url, data, follow=True).content.decode()
    assert "Opgeslagen." in page
    assert "De kostenverdeling kan niet worden berekend." not in page
