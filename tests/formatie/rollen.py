"""A small formation for the query-budget tests, and rollen added in bulk (issue 8)."""

from datetime import date
from decimal import Decimal
from types import SimpleNamespace

from formatie.models import Bezetting, Rol
from partijen.models import Samenwerkingsverband
from tests.formatie.factories import FaseFactory, SalarisschaalFactory
from tests.kosten.factories import VerdeelsleutelaandeelFactory, VerdeelsleutelFactory
from tests.partijen.factories import GemeenteFactory, SamenwerkingsverbandFactory
from tests.querycount import of

SCHALEN = [8, 10, 11]
SOORTEN = ["schaal", "schaal", "uur", "vast"]


def formatie_world(afkorting: str = "Q", sv: Samenwerkingsverband | None = None):
    """Three gemeenten, three fasen over 2020 and 2021, salary scales and a fixed key."""
    sv = sv or SamenwerkingsverbandFactory(afkorting=afkorting)
    gemeenten = [GemeenteFactory(naam=naam) for naam in ("Aalburg", "Bergen", "Cuijk")]
    sv.gemeenten.add(*gemeenten)
    fasen = [
        FaseFactory(samenwerkingsverband=sv, naam=naam, begin=begin, eind=eind)
        for naam, begin, eind in [
            ("Fase 1", date(2020, 1, 1), date(2020, 6, 30)),
            ("Fase 2", date(2020, 7, 1), date(2021, 3, 31)),
            ("Fase 3", date(2021, 4, 1), date(2021, 12, 31)),
        ]
    ]
    for schaal in SCHALEN:
        SalarisschaalFactory(
            samenwerkingsverband=sv, schaal=schaal, jaar=2020, jaarkosten_per_fte=60000 + schaal
        )
    sleutel = VerdeelsleutelFactory(samenwerkingsverband=sv, vanaf_jaar=2020, bron="Convenant")
    for gemeente, percentage in zip(gemeenten, (50, 30, 20), strict=True):
        VerdeelsleutelaandeelFactory(
            verdeelsleutel=sleutel, gemeente=gemeente, percentage=percentage
        )
    return SimpleNamespace(sv=sv, gemeenten=gemeenten, fasen=fasen)


def add_rollen(w, start, stop):
    """Rollen of every kostensoort, structural or not, delivered by each gemeente or by none
    (odd rows), each with a bezetting in every fase."""
    rollen = Rol.objects.bulk_create(
        Rol(
            samenwerkingsverband=w.sv,
            naam=f"Rol {i:04d}",
            volgorde=i,
            kostensoort=of(SOORTEN, i),
            schaal=of(SCHALEN, i) if of(SOORTEN, i) == "schaal" else None,
            uurtarief=Decimal(95) if of(SOORTEN, i) == "uur" else None,
            leverende_gemeente=None if i % 2 else of(w.gemeenten, i // 2),
            structureel=i % 3 != 0,
            basisformatie=Decimal("0.5"),
            opmerking=f"Opmerking {i}" if i % 5 == 0 else "",
        )
        for i in range(start, stop)
    )
    Bezetting.objects.bulk_create(
        Bezetting(
            rol=rol,
            fase=fase,
            fte=None if rol.kostensoort == "vast" else Decimal("0.25"),
            bedrag=Decimal(1000) if rol.kostensoort == "vast" else None,
        )
        for rol in rollen
        for fase in w.fasen
    )
