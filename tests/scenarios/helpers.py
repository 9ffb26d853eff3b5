"""What the scenario tests share: the demo's MLW with a pluspakket, and a cost table as plain
figures (to compare a scenario's with the real one's)."""

import datetime

from formatie.constants import Pakketsoort, Pakketverdeling
from formatie.models import Pakket, Pakketdeelname, Rol
from kosten.gegevens import load_kostenverdeling
from partijen.models import Inwonertal, Samenwerkingsverband


def mlw():
    return Samenwerkingsverband.objects.get(afkorting="MLW")


PEILDATUM = datetime.date(2016, 1, 1)


def with_inwonertallen(sv):
    """Real figures for the gemeenten (the demo holds none: MLW's key is in percentages)."""
    for index, gemeente in enumerate(sv.gemeenten.order_by("naam")):
        Inwonertal.objects.create(
            gemeente=gemeente, peildatum=PEILDATUM, aantal=30_000 + 7_001 * index, bron="test"
        )


def with_pluspakket(sv):
    """A pluspakket split by inwonertal over two of the gemeenten, with one rol in it."""
    if not Inwonertal.objects.filter(gemeente__in=sv.gemeenten.all()).exists():
        with_inwonertallen(sv)
    pakket = Pakket.objects.create(
        samenwerkingsverband=sv,
        naam="Pluspakket test",
        soort=Pakketsoort.PLUS,
        verdeling=Pakketverdeling.INWONERS,
        peildatum=PEILDATUM,
    )
    for gemeente in sv.gemeenten.order_by("naam")[:2]:
        Pakketdeelname.objects.create(pakket=pakket, gemeente=gemeente)
    rol = Rol.objects.filter(samenwerkingsverband=sv).order_by("pk").first()
    rol.pakket = pakket
    rol.save()
    return pakket


def figures(sv) -> dict:
    """The cost table as figures: per (rol, jaar) the cost and the shares by gemeente."""
    kv = load_kostenverdeling(sv)
    return {
        (regel.rol.naam, regel.rol.pakket is not None, jaar): (regel.kosten, regel.aandelen)
        for (_, jaar), regel in kv.regels.items()
    }
