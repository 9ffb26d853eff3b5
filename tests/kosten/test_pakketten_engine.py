"""The engine on the MLW demo with pakketten: a pluspakket's rol goes to that year's deelnemers
only, by its pakket's key; the basispakket keeps Bijlage 1's figures; every gap is a Dutch
error that names what to fill in."""

from datetime import date
from decimal import Decimal

import pytest

from formatie.constants import Pakketsoort, Pakketverdeling
from formatie.models import Pakket, Pakketdeelname, Rol
from kosten.gegevens import load_kostenverdeling
from kosten.models import Verdeelsleutel
from kosten.verdeling import KostenFout
from partijen.models import Gemeente, Inwonertal, Samenwerkingsverband

pytestmark = pytest.mark.django_db

D = Decimal


def mlw():
    return Samenwerkingsverband.objects.get(afkorting="MLW")


def pluspakket(sv, naam="Inkoop plus", verdeling=Pakketverdeling.GELIJK, **kwargs):
    return Pakket.objects.create(
        samenwerkingsverband=sv, naam=naam, soort=Pakketsoort.PLUS, verdeling=verdeling, **kwargs
    )


def deelnemers(pakket, *namen, vanaf=None, tot=None):
    for naam in namen:
        Pakketdeelname.objects.create(
            pakket=pakket,
            gemeente=Gemeente.objects.get(naam=naam),
            vanaf_jaar=vanaf,
            tot_en_met_jaar=tot,
        )


def move(rol_naam, pakket):
    Rol.objects.filter(samenwerkingsverband=pakket.samenwerkingsverband, naam=rol_naam).update(
        pakket=pakket
    )


def test_a_pluspakket_in_equal_parts_goes_to_its_deelnemers_only(demo):
    sv = mlw()
    before = load_kostenverdeling(sv)
    pakket = pluspakket(sv)
    deelnemers(pakket, "Leudal", "Weert")
    move("Contractmanagement", pakket)

    kv = load_kostenverdeling(sv)
    rol = next(r for r in kv.rollen if r.naam == "Contractmanagement")
    # 2017: 128.113 in two equal parts, each rounded half-up: 64.056,50 -> 64.057.
    regel = kv.regel(rol, 2017)
    assert regel.kosten == 128113
    assert regel.aandelen == {"Leudal": 64057, "Weert": 64057}
    assert kv.aandeel_pakket("Nederweert", 2017, pakket.pk) == 0
    # The other rollen keep Bijlage 1's shares: the basispakket of Nederweert in 2017 is its
    # 2017 total (95.730) minus its old share of contractmanagement (20.498).
    assert kv.aandeel_pakket("Nederweert", 2017, None) == D(95730) - D(20498)
    for gemeente in kv.gemeenten:
        for jaar in kv.jaren:
            assert kv.aandeel(gemeente, jaar) == kv.aandeel_pakket(
                gemeente, jaar, None
            ) + kv.aandeel_pakket(gemeente, jaar, pakket.pk)
    # The costs do not change, only who pays them.
    assert [kv.totaal_kosten(j) for j in kv.jaren] == [before.totaal_kosten(j) for j in kv.jaren]
    assert kv.pakket_naam(None) == "Basispakket" and kv.pakket_naam(pakket.pk) == "Inkoop plus"


def test_participation_changes_per_year(demo):
    sv = mlw()
    pakket = pluspakket(sv, verdeling=Pakketverdeling.EEN)
    deelnemers(pakket, "Weert", tot=2017)
    deelnemers(pakket, "Leudal", vanaf=2018)
    move("Beleid Wmo", pakket)

    kv = load_kostenverdeling(sv)
    rol = next(r for r in kv.rollen if r.naam == "Beleid Wmo")
    assert kv.regel(rol, 2017).aandelen == {"Weert": 93600}
    assert kv.regel(rol, 2018).aandelen == {"Leudal": 93600}
    assert kv.deelnemers(pakket.pk, 2016) == ["Weert"]


def test_a_pluspakket_without_deelname_rows_is_taken_by_all(demo):
    sv = mlw()
    pakket = pluspakket(sv)
    move("Beleid Wmo", pakket)
    kv = load_kostenverdeling(sv)
    rol = next(r for r in kv.rollen if r.naam == "Beleid Wmo")
    assert kv.regel(rol, 2017).aandelen == {"Leudal": 31200, "Nederweert": 31200, "Weert": 31200}


def test_a_pakket_of_soort_basis_follows_the_key(demo):
    sv = mlw()
    before = load_kostenverdeling(sv)
    basis = Pakket.objects.create(samenwerkingsverband=sv, naam="Taak a", soort=Pakketsoort.BASIS)
    move("Beleid Wmo", basis)
    kv = load_kostenverdeling(sv)
    assert not kv.heeft_pakketten
    assert {k: r.aandelen for k, r in kv.regels.items()} == {
        k: r.aandelen for k, r in before.regels.items()
    }


def test_by_inwonertal_at_the_pakkets_peildatum(demo):
    sv = mlw()
    pakket = pluspakket(sv, verdeling=Pakketverdeling.INWONERS, peildatum=date(2016, 1, 1))
    deelnemers(pakket, "Leudal", "Nederweert")
    move("Beleid Wmo", pakket)
    with pytest.raises(
        KostenFout, match="geen inwonertal op of vóór 01-01-2016 voor Leudal, Nederweert"
    ):
        load_kostenverdeling(sv)
    for naam, aantal in (("Leudal", 3), ("Nederweert", 1)):
        Inwonertal.objects.create(
            gemeente=Gemeente.objects.get(naam=naam), peildatum=date(2015, 1, 1), aantal=aantal
        )
    kv = load_kostenverdeling(sv)
    rol = next(r for r in kv.rollen if r.naam == "Beleid Wmo")
    assert kv.regel(rol, 2017).aandelen == {"Leudal": 70200, "Nederweert": 23400}


def test_the_gaps_are_named_in_dutch(demo):
    sv = mlw()
    pakket = pluspakket(sv, verdeling=Pakketverdeling.EEN)
    deelnemers(pakket, "Leudal", "Weert")
    move("Beleid Wmo", pakket)
    with pytest.raises(
        KostenFout, match="geheel naar één gemeente, maar heeft in 2016 2 deelnemers: Leudal, Weert"
    ):
        load_kostenverdeling(sv)
    for deelname in Pakketdeelname.objects.filter(pakket=pakket):
        deelname.vanaf_jaar = 2030
        deelname.save()
    with pytest.raises(KostenFout, match="heeft kosten in 2016 maar geen deelnemers"):
        load_kostenverdeling(sv)
    Pakketdeelname.objects.filter(pakket=pakket).delete()
    pakket.verdeling = Pakketverdeling.INWONERS
    pakket.save()
    with pytest.raises(KostenFout, match="geen peildatum"):
        load_kostenverdeling(sv)  # MLW's key is by percentages: it has no peildatum


def test_a_percentage_key_that_leaves_out_a_gemeente_is_refused(demo):
    sv = mlw()
    sv.gemeenten.add(Gemeente.objects.create(naam="Roermond"))
    assert Verdeelsleutel.objects.filter(samenwerkingsverband=sv).exists()
    with pytest.raises(KostenFout, match="geeft geen percentage voor Roermond"):
        load_kostenverdeling(sv)
