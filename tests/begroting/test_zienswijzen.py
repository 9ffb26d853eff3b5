"""The councils' zienswijzen: who has not answered, who has not been answered, the page that
records them per gemeente (validated, all or nothing, only the rows changed, with history), the
lines the cycle page shows, and the query budget."""

import html
import re
from datetime import date

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

from begroting.models import Zienswijze
from begroting.zienswijzen import regels, zonder_antwoord, zonder_reactie
from partijen.constants import JuridischeVorm
from tests.begroting.factories import BegrotingscyclusFactory, ZienswijzeFactory
from tests.partijen.factories import GemeenteFactory, SamenwerkingsverbandFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def gr():
    return SamenwerkingsverbandFactory(
        naam="GR Sociaal Domein Test",
        afkorting="GRT",
        juridische_vorm=JuridischeVorm.OPENBAAR_LICHAAM,
        gemeenten=[GemeenteFactory(naam=n) for n in ("Aadorp", "Beekdal", "Cranendonck")],
    )


@pytest.fixture
def cyclus(gr):
    return BegrotingscyclusFactory(samenwerkingsverband=gr, jaar=2027)


def gemeente(gr, naam):
    return gr.gemeenten.get(naam=naam)


def text(response) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode())))


def url(cyclus):
    return reverse("begroting:zienswijzen", args=[cyclus.samenwerkingsverband.afkorting, 2027])


def form_data(client, cyclus, **changes) -> dict:
    """The page's form as shown, with ``changes`` ({"g<pk>-ontvangen": "2-4-2027"})."""
    response = client.get(url(cyclus))
    data = {}
    for form in response.context["forms"]:
        for name in form.fields:
            value = form[name].value()
            if value is None or value is False:
                continue
            if name in ("ontvangen", "reactie_verzonden") and hasattr(value, "strftime"):
                value = value.strftime("%d-%m-%Y")
            data[form.add_prefix(name)] = "on" if value is True else value
    return data | changes


def key(gr, naam, veld):
    return f"g{gemeente(gr, naam).pk}-{veld}"


def test_wie_nog_niet_antwoordde_en_wie_geen_reactie_kreeg(gr, cyclus):
    a, b, c = gr.gemeenten.order_by("naam")
    ZienswijzeFactory(cyclus=cyclus, gemeente=a, ontvangen=date(2027, 4, 2), tekst="Te duur")
    ZienswijzeFactory(cyclus=cyclus, gemeente=b, ontvangen=date(2027, 4, 3), geen_zienswijze=True)
    gemeenten = list(gr.gemeenten.order_by("naam"))
    assert zonder_antwoord(cyclus, gemeenten) == [c]
    assert zonder_reactie(cyclus, gemeenten) == [a]
    assert [r.stand for r in regels(cyclus, gemeenten)] == [
        "Zienswijze ontvangen",
        "Geen zienswijze",
        "Nog geen antwoord van de raad",
    ]
    Zienswijze.objects.filter(gemeente=a).update(reactie_verzonden=date(2027, 5, 1))
    cyclus.refresh_from_db()
    assert zonder_reactie(cyclus, gemeenten) == []


def test_regiegroep_legt_zienswijze_en_reactie_vast(regie_client, gr, cyclus):
    data = form_data(
        regie_client,
        cyclus,
        **{
            key(gr, "Aadorp", "ontvangen"): "2-4-2027",
            key(gr, "Aadorp", "tekst"): "De raad vraagt om 2% minder.",
            key(gr, "Aadorp", "reactie_verzonden"): "15-4-2027",
            key(gr, "Aadorp", "reactie"): "Het dagelijks bestuur neemt het over.",
            key(gr, "Beekdal", "ontvangen"): "3-4-2027",
            key(gr, "Beekdal", "geen_zienswijze"): "on",
        },
    )
    response = regie_client.post(url(cyclus), data, follow=True)
    assert "Opgeslagen: de zienswijzen van Aadorp, Beekdal (2027)." in text(response)
    aadorp = Zienswijze.objects.get(gemeente__naam="Aadorp")
    assert aadorp.ontvangen == date(2027, 4, 2)
    assert aadorp.reactie_verzonden == date(2027, 4, 15)
    assert Zienswijze.objects.get(gemeente__naam="Beekdal").geen_zienswijze
    # Cranendonck was left empty: no row for it
    assert not Zienswijze.objects.filter(gemeente__naam="Cranendonck").exists()
    assert aadorp.history.count() == 1
    body = regie_client.get(url(cyclus)).content.decode()
    assert 'value="02-04-2027"' in body  # shown the Dutch way
    assert "2 zienswijzen aangemaakt" in text(regie_client.get(url(cyclus)))  # the history


def test_een_fout_bewaart_niets(regie_client, gr, cyclus):
    data = form_data(
        regie_client,
        cyclus,
        **{
            key(gr, "Aadorp", "ontvangen"): "2-4-2027",
            key(gr, "Beekdal", "ontvangen"): "10-4-2027",
            key(gr, "Beekdal", "reactie_verzonden"): "1-4-2027",
            key(gr, "Cranendonck", "ontvangen"): "31-2-2027",
        },
    )
    response = regie_client.post(url(cyclus), data)
    page = text(response)
    assert "Niets opgeslagen: verbeter de gemarkeerde velden." in page
    assert "De reactie ligt vóór de ontvangst van de zienswijze." in page
    assert "Schrijf de datum als dd-mm-jjjj" in page
    assert not Zienswijze.objects.exists()


def test_reactie_zonder_ontvangen_zienswijze_geweigerd(regie_client, gr, cyclus):
    data = form_data(
        regie_client,
        cyclus,
        **{
            key(gr, "Aadorp", "geen_zienswijze"): "on",
            key(gr, "Aadorp", "tekst"): "Toch tekst",
            key(gr, "Beekdal", "reactie_verzonden"): "1-4-2027",
        },
    )
    page = text(regie_client.post(url(cyclus), data))
    assert "Bij 'geen zienswijze' hoort geen tekst." in page
    assert "Een reactie volgt op een ontvangen zienswijze" in page
    assert not Zienswijze.objects.exists()


def test_niets_gewijzigd_en_ongewijzigde_rij_niet_opnieuw_bewaard(regie_client, gr, cyclus):
    ZienswijzeFactory(cyclus=cyclus, gemeente=gemeente(gr, "Aadorp"), ontvangen=date(2027, 4, 2))
    data = form_data(regie_client, cyclus)
    response = regie_client.post(url(cyclus), data, follow=True)
    assert "Geen wijzigingen: er is niets opgeslagen." in text(response)
    assert Zienswijze.history.count() == 1
    data = form_data(regie_client, cyclus, **{key(gr, "Beekdal", "ontvangen"): "5-4-2027"})
    regie_client.post(url(cyclus), data)
    aadorp = Zienswijze.objects.get(gemeente__naam="Aadorp")
    assert aadorp.history.count() == 1  # untouched
    assert Zienswijze.objects.get(gemeente__naam="Beekdal").ontvangen == date(2027, 4, 5)


def test_ander_bewerkte_intussen(regie_client, gr, cyclus):
    z = ZienswijzeFactory(cyclus=cyclus, gemeente=gemeente(gr, "Aadorp"), tekst="eerst")
    data = form_data(regie_client, cyclus, **{key(gr, "Aadorp", "tekst"): "mijn tekst"})
    z.tekst = "van een ander"
    z.save()
    response = regie_client.post(url(cyclus), data)
    assert "Niets opgeslagen" in text(response)
    z.refresh_from_db()
    assert z.tekst == "van een ander"


def test_stuurgroep_leest_maar_bewerkt_niet(stuur_client, gr, cyclus):
    assert stuur_client.get(url(cyclus)).status_code == 403
    response = stuur_client.post(
        url(cyclus), {f"g{gemeente(gr, 'Aadorp').pk}-ontvangen": "1-4-2027"}
    )
    assert response.status_code == 403
    assert not Zienswijze.objects.exists()


def test_ander_jaar_bestaat_niet(regie_client, cyclus):
    other = reverse("begroting:zienswijzen", args=[cyclus.samenwerkingsverband.afkorting, 2030])
    assert regie_client.get(other).status_code == 404


def test_de_cyclus_toont_wie_nog_ontbreekt(regie_user, gr, cyclus, django_assert_max_num_queries):
    ZienswijzeFactory(
        cyclus=cyclus,
        gemeente=gemeente(gr, "Aadorp"),
        ontvangen=date(2027, 4, 2),
        tekst="Te duur",
    )
    request = RequestFactory().get("/")
    request.user = regie_user
    gemeenten = list(gr.gemeenten.order_by("naam"))
    cyclus = type(cyclus).objects.prefetch_related("zienswijzen").get(pk=cyclus.pk)
    template = Template('{% include "begroting/_zienswijzen.html" %}')
    context = {
        "cyclus": cyclus,
        "gemeenten": gemeenten,
        "samenwerkingsverband": gr,
        "request": request,
    }
    with django_assert_max_num_queries(6):  # the access checks; no query per gemeente
        rendered = template.render(Context(context))
    page = html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", rendered)))
    assert "Nog geen antwoord van de raad van Beekdal, Cranendonck." in page
    assert "Het dagelijks bestuur moet nog reageren op de zienswijze van Aadorp." in page
    assert "Zienswijzen bijwerken" in page


def test_pagina_queries_groeien_niet(regie_client, gr, cyclus, django_assert_max_num_queries):
    def meet():
        with django_assert_max_num_queries(25) as ctx:
            assert regie_client.get(url(cyclus)).status_code == 200
        return len(ctx.captured_queries)

    weinig = meet()
    for naam in ("Dalfsen", "Echt", "Foxhol", "Gaast", "Hoorn"):
        g = GemeenteFactory(naam=naam)
        gr.gemeenten.add(g)
        ZienswijzeFactory(cyclus=cyclus, gemeente=g, ontvangen=date(2027, 4, 1), tekst="x")
        z = Zienswijze.objects.get(gemeente=g)
        z.tekst = "y"
        z.save()
    assert meet() == weinig


def test_een_scenario_heeft_geen_zienswijzen(regie_client, gr):
    scenario = SamenwerkingsverbandFactory(
        naam="Scenario GRT",
        afkorting="GRTS",
        scenario_van=gr,
        juridische_vorm=JuridischeVorm.OPENBAAR_LICHAAM,
        gemeenten=list(gr.gemeenten.all()),
    )
    BegrotingscyclusFactory(samenwerkingsverband=scenario, jaar=2027)
    for name in ("begroting:zienswijzen", "begroting:uitvoeringsplan"):
        response = regie_client.get(reverse(name, args=["GRTS", 2027]), follow=True)
        assert "Een scenario heeft geen begroting" in text(response)
        response = regie_client.post(reverse(name, args=["GRTS", 2027]), {})
        assert response.status_code == 302
    assert not Zienswijze.objects.exists()


def test_alleen_het_foute_veld_is_gemarkeerd(regie_client, gr, cyclus):
    """'Verbeter de gemarkeerde velden': only the wrong field is marked red, not every field
    of that gemeente (the stylesheet marks every input inside an element with has-error)."""
    data = form_data(regie_client, cyclus, **{key(gr, "Beekdal", "ontvangen"): "31-2-2027"})
    body = regie_client.post(url(cyclus), data).content.decode()
    assert body.count("has-error") == 1
    veld = body[body.index("has-error") : body.index("has-error") + 200]
    assert f"id_{key(gr, 'Beekdal', 'ontvangen')}" in veld
