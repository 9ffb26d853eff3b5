"""A samenwerkingsverband's begrotingscycli and the councils' zienswijzen travel in its archive
(exporteer_samenwerking / importeer_samenwerking), with their history, and come back as they
were: the same latest dates and what was done."""

from datetime import date

import pytest

from begroting.kalender import cyclus_termijnen
from begroting.models import Begrotingscyclus, Zienswijze
from partijen.models import Samenwerkingsverband
from tests.begroting.factories import BegrotingscyclusFactory, ZienswijzeFactory
from tests.partijen.factories import GemeenteFactory, SamenwerkingsverbandFactory
from tests.regiekamer.test_archive import empty_installation, export, importeer, row_counts

pytestmark = pytest.mark.django_db


def state(sv) -> list:
    cycli = sv.begrotingscycli.prefetch_related("zienswijzen").order_by("jaar")
    gemeenten = list(sv.gemeenten.order_by("naam"))
    return [
        (c.jaar, [(t.stap, t.uiterste_datum, t.gedaan) for t in cyclus_termijnen(c, gemeenten)])
        for c in cycli
    ] + sorted(
        (z.gemeente.naam, z.ontvangen, z.tekst, z.reactie_verzonden)
        for z in Zienswijze.objects.filter(cyclus__samenwerkingsverband=sv)
    )


def test_cycli_and_zienswijzen_make_the_round_trip(tmp_path):
    sv = SamenwerkingsverbandFactory(
        afkorting="GRA",
        juridische_vorm="openbaar_lichaam",
        gemeenten=[GemeenteFactory(naam="Aadorp"), GemeenteFactory(naam="Beekdal")],
    )
    cyclus = BegrotingscyclusFactory(
        samenwerkingsverband=sv,
        jaar=2027,
        vaststelling_begroting=date(2026, 7, 2),
        kaders_verzonden=date(2026, 4, 28),
        toelichting="Vergadering algemeen bestuur 2 juli 2026.",
    )
    BegrotingscyclusFactory(samenwerkingsverband=sv, jaar=2028)
    ZienswijzeFactory(
        cyclus=cyclus,
        gemeente=sv.gemeenten.get(naam="Aadorp"),
        ontvangen=date(2026, 6, 10),
        tekst="De raad vraagt om een lagere bijdrage.",
        reactie_verzonden=date(2026, 6, 20),
    )
    before, counts = state(sv), row_counts()
    assert counts["begroting.begrotingscyclus"] == 2 and counts["begroting.zienswijze"] == 1
    assert counts["begroting.historicalbegrotingscyclus"] == 2
    path = export(tmp_path, "GRA")

    empty_installation()
    assert not Begrotingscyclus.objects.exists()
    importeer(path)

    assert row_counts() == counts
    assert state(Samenwerkingsverband.objects.get(afkorting="GRA")) == before
