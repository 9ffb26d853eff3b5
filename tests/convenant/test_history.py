import pytest
from django.urls import reverse

from convenant.models import Convenant
from partijen.models import Gemeente
from tests.programma.helpers import page_data

pytestmark = pytest.mark.django_db


def management_data(prefix, total=0, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def test_gemeente_edit_leaves_history_with_user(demo, regie_client, regie_user):
    leudal = Gemeente.objects.get(naam="Leudal")
    data = {"naam": "Leudal", "adres": "Markt 1", "postcode": "6093 AA", "plaats": "Heythuysen"}
    data["versie"] = leudal.versie
    data |= management_data("inwonertallen", total=1) | management_data("budgetten", total=0)
    data |= management_data("functionarissen", total=0)
    data |= {
        "inwonertallen-0-peildatum": "2016-01-01",
        "inwonertallen-0-aantal": "36000",
        "inwonertallen-0-bron": "Testbron",
    }
    response = regie_client.post(reverse("gemeenten:gemeente-update", args=[leudal.pk]), data)
    assert response.status_code == 302

    latest = leudal.history.first()
    assert latest.history_user == regie_user
    assert latest.history_type == "~"
    inwonertal = leudal.inwonertallen.get()
    assert inwonertal.history.first().history_user == regie_user

    page = regie_client.get(leudal.get_absolute_url()).content.decode()
    assert "Geschiedenis" in page
    assert "regie-test" in page
    assert "Markt 1" in page and "adres (straat en huisnummer)" in page


def test_convenant_edit_history_shows_what_changed(demo, regie_client, regie_user):
    convenant = Convenant.objects.get(titel__endswith="2016").voorganger
    url = reverse("convenant:convenant-update", args=[convenant.pk])
    # The form as the page shows it, with the einddatum and the toelichting changed.
    data = page_data(regie_client.get(url)) | {
        "einddatum": "2015-12-31",
        "toelichting": "Nieuwe toelichting van de regiegroep.",
    }
    response = regie_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert convenant.history.first().history_user == regie_user
    page = regie_client.get(convenant.get_absolute_url()).content.decode()
    assert "toelichting" in page and "Nieuwe toelichting van de regiegroep." in page
    assert "regie-test" in page
