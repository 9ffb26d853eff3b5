"""A crawl of every page: a scenario of the demo is never mistaken for the real one.

The pages come from the URL configuration (as in the access matrix), so a new page is crawled
without anyone adding it here. For the regiegroep, the stuurgroep and the beheerder:
- every page of the real world (the lists, the gemeenten, and every page of Midden-Limburg West
  with its first row of each kind: those of a row for the regiegroep only, who reads them all)
  never shows the scenario's name or afkorting;
- every page of the scenario (by its afkorting, and its rows by their number) says "Scenario"
  above its content; a page a scenario does not have (dashboard, letters) sends the user to
  the scenario's page, which says so.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from partijen.models import Gemeente, Samenwerkingsverband, Toegang
from regiekamer.roles import BEHEERDER, REGIEGROEP, STUURGROEP
from scenarios.maak import maak_scenario
from tests.conftest import logged_in
from tests.regiekamer.test_access_matrix import (
    NOT_A_PAGE,
    first_row,
    model_for,
    url_patterns,
)

pytestmark = pytest.mark.django_db

NAAM = "Kraaiennest"
AFKORTING = "KRNST"
BANNER = f"Scenario {NAAM} ({AFKORTING}) van"
# Pages of the real samenwerkingsverband that are about its scenario's on purpose (the list of
# its scenario's, the comparison): H6's and H7's pages, below /scenarios/.
ABOUT_SCENARIOS = ("scenarios:",)
# Pages that are not HTML for a person (a health check, a file).
NOT_HTML = {"ping"}


def fill(name, kwargs, view, sv, gemeente):
    """The URL of page ``name`` for ``sv`` (its first row of each kind), or None when ``sv``
    has no such row (a scenario has no meetings)."""
    values = {}
    for kwarg in sorted(kwargs):
        if kwarg == "afkorting":
            values[kwarg] = sv.afkorting
            continue
        if kwarg == "jaar" and name.startswith("kosten:"):
            values[kwarg] = 2016  # kosten:jaarrekening: a year of MLW's plan
            continue
        if kwarg == "jaar":
            return None  # a begrotingsjaar: MLW, a regeling zonder meer, has none
        model = model_for(name, kwarg, view)
        row = gemeente if model is Gemeente else first_row(model, sv)
        if row is None:
            return None
        values[kwarg] = row.pk
    return reverse(name, kwargs=values)


@pytest.fixture
def wereld(demo, django_user_model):
    mlw = Samenwerkingsverband.objects.get(afkorting="MLW")
    scenario = maak_scenario(mlw, AFKORTING, NAAM)
    roermond = Gemeente.objects.create(naam="Roermond")
    scenario.gemeenten.add(roermond)  # a gemeente of the scenario only

    def user(username, group, svs=()):
        account = django_user_model.objects.create_user(username=username)
        account.groups.add(Group.objects.get(name=group))
        Toegang.objects.create(gebruiker=account).samenwerkingsverbanden.set(svs)
        return account

    users = {
        "regiegroep": user("k-regie", REGIEGROEP, [mlw]),
        "stuurgroep": user("k-stuur", STUURGROEP, [mlw]),
        "beheerder": user("k-beheer", BEHEERDER),
    }
    return mlw, scenario, roermond, users


def pages(sv, gemeente):
    for name, kwargs, view in url_patterns():
        if name in NOT_A_PAGE or name in NOT_HTML or name.startswith(("gebruikers:oidc", "admin")):
            continue
        if name.startswith(ABOUT_SCENARIOS) and not sv.is_scenario:
            continue
        if "afkorting" not in kwargs and sv.is_scenario:
            continue  # not a page of one samenwerkingsverband
        if not hasattr(view, "get") or name.startswith("gebruikers:") and kwargs:
            continue  # a page of one user (tests/gebruikers/)
        url = fill(name, kwargs, view, sv, gemeente)
        if url is not None:
            yield name, url, bool(kwargs - {"afkorting"})


def test_the_real_world_never_shows_a_scenario(wereld):
    mlw, scenario, roermond, users = wereld
    weert = Gemeente.objects.get(naam="Weert")
    leaks = []
    crawled = 0
    for role, account in users.items():
        client = logged_in(account)
        # The others read what the regiegroep reads: the pages of a row are crawled once.
        urls = [(n, u) for n, u, of_row in pages(mlw, weert) if role == "regiegroep" or not of_row]
        urls += [
            ("gemeenten:gemeente-detail", reverse("gemeenten:gemeente-detail", args=[g.pk]))
            for g in (roermond, weert)
        ]
        for name, url in urls:
            response = client.get(url)
            if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                continue
            crawled += 1
            body = response.content.decode()
            for word in (NAAM, AFKORTING, "scenario-banner"):
                if word in body:
                    leaks.append(f"{role}: {name} {url} toont {word}")
    assert crawled > 100
    assert not leaks, "\n".join(leaks)


def test_every_page_of_a_scenario_says_scenario(wereld):
    _, scenario, roermond, users = wereld
    missing = []
    crawled = 0
    for role, account in users.items():
        client = logged_in(account)
        for name, url, of_row in pages(scenario, roermond):
            if of_row and role != "regiegroep":
                continue  # the pages of a row are crawled once
            response = client.get(url, follow=True)
            if response.status_code in (403, 405):
                continue  # a page the role may not open (the stuurgroep edits nothing)
            if "html" not in response.get("Content-Type", ""):
                continue
            crawled += 1
            body = response.content.decode()
            if response.status_code != 200 or BANNER not in body:
                missing.append(f"{role}: {name} {url}: {response.status_code}")
    assert crawled > 20
    assert not missing, "\n".join(missing)
