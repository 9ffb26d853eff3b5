"""The comparison of MLW with its scenario's from the cache (``{% versiecache %}`` over the real
samenwerkingsverband and its scenario's, ``dataversie.cached_over``): kept while none of their
data changes, and a change of a scenario's own data (the real MLW untouched) shown on the very
next view."""

from decimal import Decimal

import pytest
from django.urls import reverse

from formatie.models import Bezetting
from partijen.models import Samenwerkingsverband
from regiekamer import access, dataversie
from scenarios import views
from scenarios.maak import maak_scenario
from tests.scenarios.test_vergelijking import page_rows

URL = reverse("scenarios:vergelijking", args=["MLW"])


def mlw():
    return Samenwerkingsverband.objects.get(afkorting="MLW")


def costs(response, variant: str) -> dict[tuple[str, str], str]:
    """(jaar, gemeente) -> the costs the page shows for that variant."""
    assert response.status_code == 200
    return {(r[1], r[2]): r[3] for r in page_rows(response.content.decode())[1:] if r[0] == variant}


@pytest.fixture
def scenario(demo):
    return maak_scenario(mlw(), "T9", "Test negen")


@pytest.fixture
def builds(monkeypatch):
    """How often the page built the comparison (not read from the cache)."""
    calls = []
    original = views.build_vergelijking

    def counted(sv):
        calls.append(sv.afkorting)
        return original(sv)

    monkeypatch.setattr(views, "build_vergelijking", counted)
    return calls


def test_the_comparison_is_built_once_while_nothing_changes(scenario, stuur_client, builds):
    first = stuur_client.get(URL)
    assert "Scenario Test negen (T9)" in first.content.decode()
    second = stuur_client.get(URL)
    assert costs(second, "T9") == costs(first, "T9") != {}
    assert costs(second, "MLW") == costs(first, "MLW") != {}
    assert builds == ["MLW"]


def test_a_change_of_the_scenarios_own_data_is_shown_at_once(scenario, stuur_client, builds):
    before = stuur_client.get(URL)
    stuur_client.get(URL)  # from the cache
    assert builds == ["MLW"]
    real, toegang = dataversie.versie(mlw().pk), access.access_version()

    bezetting = (
        Bezetting.objects.filter(rol__samenwerkingsverband=scenario, fte__gt=0)
        .order_by("pk")
        .first()
    )
    bezetting.fte = bezetting.fte + Decimal("2.00")
    bezetting.save()
    # Only the scenario's data changed: not the real MLW's, nor anyone's access.
    assert dataversie.versie(mlw().pk) == real
    assert access.access_version() == toegang

    after = stuur_client.get(URL)
    assert builds == ["MLW", "MLW"]
    changed = [
        key for key, value in costs(after, "T9").items() if costs(before, "T9")[key] != value
    ]
    assert changed, "de vergelijking toont de oude kosten van het scenario"
    assert {jaar for jaar, _ in changed} <= {str(j) for j in range(2016, 2019)}
    assert costs(after, "MLW") == costs(before, "MLW")  # the real one is as it was
    # And the new figure is kept in its turn.
    assert costs(stuur_client.get(URL), "T9") == costs(after, "T9")
    assert builds == ["MLW", "MLW"]


def test_a_change_in_the_real_samenwerkingsverband_is_shown_too(scenario, stuur_client):
    before = stuur_client.get(URL)
    bezetting = (
        Bezetting.objects.filter(rol__samenwerkingsverband=mlw(), fte__gt=0).order_by("pk").first()
    )
    bezetting.fte = bezetting.fte + Decimal("2.00")
    bezetting.save()
    after = stuur_client.get(URL)
    assert costs(after, "MLW") != costs(before, "MLW")
    assert costs(after, "T9") == costs(before, "T9")  # the scenario has its own formation
