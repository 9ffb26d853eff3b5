"""Review of issue 20: two scenario's of one samenwerkingsverband under the same name cannot be
told apart in the comparison; making a second one by that name is refused in Dutch."""

import pytest
from django.urls import reverse

from partijen.models import Samenwerkingsverband

pytestmark = pytest.mark.django_db


def test_a_scenario_name_already_taken_is_refused(scenario_demo, regie_client):
    url = reverse("scenarios:scenario-create", args=["MLW"])
    data = {"naam": "midden-limburg (7 gemeenten)", "afkorting": "NEW", "toelichting": ""}
    page = regie_client.post(url, data).content.decode()
    assert "Niet gemaakt: verbeter de gemarkeerde velden." in page
    assert "MLW heeft al een scenario met de naam midden-limburg (7 gemeenten): kies een" in page
    assert not Samenwerkingsverband.objects.filter(afkorting="NEW").exists()
    data["naam"] = "Midden-Limburg (7 gemeenten) met Nederweert apart"
    assert regie_client.post(url, data).status_code == 302
    assert Samenwerkingsverband.objects.get(afkorting="NEW").is_scenario
