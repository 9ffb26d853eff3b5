"""The dashboard's block "Begrotingscyclus": for a samenwerkingsverband with a begroting of its
own, the next deadline and the councils that have not answered the ontwerpbegroting; none for a
regeling zonder meer; a fixed number of queries."""

import html
import re
from datetime import date

import pytest
from django.urls import reverse

from dashboard.views import begroting_block
from partijen.constants import JuridischeVorm
from tests.begroting.factories import BegrotingscyclusFactory, ZienswijzeFactory
from tests.partijen.factories import GemeenteFactory, SamenwerkingsverbandFactory

pytestmark = pytest.mark.django_db

VANDAAG = date(2026, 5, 1)


@pytest.fixture
def gr():
    return SamenwerkingsverbandFactory(
        naam="GR Sociaal Domein Test",
        afkorting="GRT",
        juridische_vorm=JuridischeVorm.OPENBAAR_LICHAAM,
        gemeenten=[GemeenteFactory(naam=n) for n in ("Aadorp", "Beekdal", "Cranendonck")],
    )


def block_text(client, sv) -> str:
    page = client.get(reverse("dashboard", args=[sv.afkorting])).content.decode()
    start = page.index('aria-labelledby="blok-begroting"')
    end = page.find("</section>", start)
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page[start:end])))


def test_volgende_termijn_en_raden_zonder_antwoord(gr):
    cyclus = BegrotingscyclusFactory(
        samenwerkingsverband=gr,
        jaar=2027,
        vaststelling_begroting=date(2026, 7, 2),
        kaders_verzonden=date(2026, 4, 1),
        ontwerpbegroting_verzonden=date(2026, 4, 8),
    )
    ZienswijzeFactory(
        cyclus=cyclus, gemeente=gr.gemeenten.get(naam="Beekdal"), ontvangen=date(2026, 5, 20)
    )
    blok = begroting_block(gr, VANDAAG)
    # the zienswijzen are due the day before the adoption
    assert blok.volgende.stap == "zienswijzen"
    assert blok.volgende.uiterste_datum == date(2026, 7, 1)
    assert blok.volgende_jaar == 2027 and not blok.verlopen
    assert blok.zienswijzen_jaar == 2027
    assert blok.zonder_antwoord == ["Aadorp", "Cranendonck"]


def test_op_de_pagina(regie_client, gr):
    BegrotingscyclusFactory(
        samenwerkingsverband=gr,
        jaar=2027,
        vaststelling_begroting=date(2026, 7, 2),
        kaders_verzonden=date(2026, 4, 1),
        ontwerpbegroting_verzonden=date(2026, 4, 8),
    )
    text = block_text(regie_client, gr)
    assert "Begrotingscyclus" in text
    assert "Nog geen antwoord van de raad van: Aadorp, Beekdal, Cranendonck" in text
    assert "begroting 2027" in text


def test_verlopen_termijn(gr):
    BegrotingscyclusFactory(samenwerkingsverband=gr, jaar=2027)
    blok = begroting_block(gr, date(2026, 5, 15))
    assert blok.volgende.stap == "kaders"  # 30 April 2026 passed without kaders
    assert blok.verlopen
    assert blok.zienswijzen_jaar is None


def test_geen_blok_zonder_eigen_begroting(regie_client):
    sv = SamenwerkingsverbandFactory(gemeenten=[GemeenteFactory()])
    assert not sv.heeft_eigen_begroting
    assert begroting_block(sv, VANDAAG) is None
    page = regie_client.get(reverse("dashboard", args=[sv.afkorting])).content.decode()
    assert "blok-begroting" not in page


def test_vast_aantal_queries(gr, django_assert_num_queries):
    for jaar in (2026, 2027):
        cyclus = BegrotingscyclusFactory(
            samenwerkingsverband=gr, jaar=jaar, ontwerpbegroting_verzonden=date(jaar - 1, 4, 1)
        )
        for g in gr.gemeenten.all():
            ZienswijzeFactory(cyclus=cyclus, gemeente=g, ontvangen=date(jaar - 1, 5, 1))
    with django_assert_num_queries(3):
        begroting_block(gr, VANDAAG)
    extra = GemeenteFactory(naam="Dalfsen")
    gr.gemeenten.add(extra)
    BegrotingscyclusFactory(samenwerkingsverband=gr, jaar=2028)
    with django_assert_num_queries(3):
        blok = begroting_block(gr, VANDAAG)
    assert "Dalfsen" in blok.zonder_antwoord


def test_een_oude_verstreken_stap_verbergt_de_eerstvolgende_niet(regie_client, gr):
    """An old year registered without its steps done is the most pressing; the block still
    names the deadline that comes next (review of issue 21)."""
    BegrotingscyclusFactory(samenwerkingsverband=gr, jaar=2018)
    BegrotingscyclusFactory(
        samenwerkingsverband=gr, jaar=2028, vaststelling_begroting=date(2027, 7, 1)
    )
    blok = begroting_block(gr, date(2026, 11, 30))
    assert (blok.volgende.stap, blok.volgende_jaar, blok.verlopen) == ("kaders", 2018, True)
    # 12 weeks before the adoption on 1-7-2027
    assert (blok.komend.stap, blok.komend_jaar) == ("ontwerpbegroting", 2028)
    assert blok.komend.uiterste_datum == date(2027, 4, 8)
    assert blok.aantal_verlopen == 6
    text = block_text(regie_client, gr)
    assert "In totaal zijn" in text and "stappen verstreken zonder dat ze gedaan zijn" in text
    assert "Eerstvolgende termijn: donderdag 8 april 2027" in text
    assert "(begroting 2028; art. 35 Wgr)" in text
