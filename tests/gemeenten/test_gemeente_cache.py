"""A gemeente's page from the cache (``{% versiecache %}`` over all its samenwerkingsverbanden,
``dataversie.cached_over``): built once while none of their data changes, and a change in any
one of them (the others untouched) shown on the very next view.

Weert takes part in MLW (the demo) and in a second samenwerkingsverband made here, Zuid-West,
whose regiegroep holds Weert's contactpersoon."""

import html
import re
from decimal import Decimal

import pytest
from django.utils.html import strip_tags

from formatie.models import Bezetting
from gemeenten import views
from governance.constants import Gremiumsoort
from governance.models import Gremium, Lidmaatschap, Persoon
from partijen.models import Gemeente, Samenwerkingsverband
from regiekamer import access, dataversie
from tests.partijen.factories import SamenwerkingsverbandFactory

pytestmark = pytest.mark.django_db


def text(source: str) -> str:
    return " ".join(html.unescape(strip_tags(source)).split())


def section(response, heading: str) -> str:
    """The text of the page's section under ``heading``."""
    assert response.status_code == 200
    source = response.content.decode()
    match = re.search(rf"<h2>{heading}</h2>(.*?)</section>", source, re.S)
    assert match, heading
    return text(match[1])


def bill(response) -> str:
    """The bill's totals per year, as the page shows them."""
    source = response.content.decode()
    match = re.search(r'<table class="table summary rekening-overzicht">.*?</table>', source, re.S)
    assert match
    return text(match[0])


def regiegroep_of(sv, naam) -> Gremium:
    return Gremium.objects.create(
        samenwerkingsverband=sv,
        naam=naam,
        soort=Gremiumsoort.REGIEGROEP,
        cadans="zeswekelijks",
        vergaderingen_per_jaar=8,
    )


@pytest.fixture
def weert(demo):
    weert = Gemeente.objects.get(naam="Weert")
    zuidwest = SamenwerkingsverbandFactory(afkorting="ZW", naam="Zuid-West", gemeenten=[weert])
    regiegroep = regiegroep_of(zuidwest, "Regiegroep Zuid-West")
    persoon = Persoon.objects.create(
        naam="Anouk Janssen", functie="beleidsadviseur", gemeente=weert
    )
    Lidmaatschap.objects.create(persoon=persoon, gremium=regiegroep)
    return weert


@pytest.fixture
def url(weert):
    return f"/gemeenten/{weert.pk}/"


@pytest.fixture
def builds(monkeypatch):
    """How often the page computed the bill (not read from the cache)."""
    calls = []
    original = views.load_rekening

    def counted(gemeente, zichtbaar):
        calls.append(gemeente.naam)
        return original(gemeente, zichtbaar)

    monkeypatch.setattr(views, "load_rekening", counted)
    return calls


def versions(*afkortingen) -> dict:
    """The data versions of these samenwerkingsverbanden, and the access version."""
    found = {
        sv.afkorting: dataversie.versie(sv.pk)
        for sv in Samenwerkingsverband.objects.filter(afkorting__in=afkortingen)
    }
    return found | {"toegang": access.access_version()}


def test_the_page_is_built_once_while_nothing_changes(weert, url, stuur_client, builds):
    first = stuur_client.get(url)
    contact = section(first, "Contactpersoon sociaal domein")
    assert contact == "Anouk Janssen, beleidsadviseur (Regiegroep Zuid-West)"
    assert {"Sociaal Domein Midden-Limburg West", "Zuid-West"} <= set(
        re.findall(r">([^<>]+)</a></li>", first.content.decode())
    )
    second = stuur_client.get(url)
    assert bill(second) == bill(first) and "2016" in bill(first)
    assert section(second, "Contactpersoon sociaal domein") == contact
    assert builds == ["Weert"]


def test_a_change_of_the_costs_of_one_samenwerkingsverband_changes_the_bill(
    weert, url, stuur_client, builds
):
    before = stuur_client.get(url)
    stuur_client.get(url)
    unchanged = versions("ZW")
    bezetting = (
        Bezetting.objects.filter(rol__samenwerkingsverband__afkorting="MLW", fte__gt=0)
        .order_by("pk")
        .first()
    )
    bezetting.fte = bezetting.fte + Decimal("2.00")
    bezetting.save()
    assert versions("ZW") == unchanged  # MLW alone changed
    after = stuur_client.get(url)
    assert bill(after) != bill(before)
    assert builds == ["Weert", "Weert"]


def test_a_change_in_the_other_samenwerkingsverband_alone_is_shown(
    weert, url, stuur_client, builds
):
    stuur_client.get(url)
    stuur_client.get(url)
    unchanged = versions("MLW")
    gremium = Gremium.objects.get(naam="Regiegroep Zuid-West")
    gremium.naam = "Ambtelijke regiegroep Zuid-West"
    gremium.save()
    assert versions("MLW") == unchanged  # Zuid-West alone changed, nobody's access
    after = stuur_client.get(url)
    assert section(after, "Contactpersoon sociaal domein") == (
        "Anouk Janssen, beleidsadviseur (Ambtelijke regiegroep Zuid-West)"
    )
    assert builds == ["Weert", "Weert"]


def test_a_contactpersoon_renamed_is_shown(weert, url, stuur_client):
    stuur_client.get(url)
    stuur_client.get(url)
    persoon = Persoon.objects.get(naam="Anouk Janssen")
    persoon.naam = "Anouk Janssen-de Vries"
    persoon.save()
    assert section(stuur_client.get(url), "Contactpersoon sociaal domein") == (
        "Anouk Janssen-de Vries, beleidsadviseur (Regiegroep Zuid-West)"
    )


def test_a_regiegroep_the_gemeente_is_no_party_to_is_followed_too(weert, url, stuur_client):
    """Weert's contactpersoon may sit in the regiegroep of a samenwerkingsverband Weert takes no
    part in: that one's changes show as well."""
    elders = SamenwerkingsverbandFactory(afkorting="EL", naam="Elders")
    gremium = regiegroep_of(elders, "Regiegroep Elders")
    Lidmaatschap.objects.create(persoon=Persoon.objects.get(naam="Anouk Janssen"), gremium=gremium)
    assert "(Regiegroep Elders)" in section(stuur_client.get(url), "Contactpersoon sociaal domein")
    gremium.naam = "Ambtelijke regiegroep Elders"
    gremium.save()
    contact = section(stuur_client.get(url), "Contactpersoon sociaal domein")
    assert "(Ambtelijke regiegroep Elders)" in contact
