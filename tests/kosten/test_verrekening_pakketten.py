"""The onderlinge verrekening over all pakketten, and never of a scenario.

A pluspakket's rol is borne by its leverende gemeente even when that gemeente does not take
part in the pakket: it then receives the whole cost back from the deelnemers. MLW of the demo
(Bijlage 1) with Beleid Wmo (supplied by Weert) in a module of Leudal and Nederweert only.
"""

from decimal import Decimal as D

import pytest
from django.core.management import CommandError
from django.urls import reverse

from formatie.constants import Pakketverdeling
from formatie.models import Pakket, Pakketdeelname, Rol
from kosten.verdeling import PakketData, RolData, Sleutel, calculate_kostenverdeling
from kosten.verrekening import calculate_verrekening
from partijen.models import Gemeente, Samenwerkingsverband
from scenarios.maak import maak_scenario

from .mlw import mlw_formatie, mlw_sleutel
from .test_kostenverdeling import run

pytestmark = pytest.mark.django_db

NIET = "Een scenario wordt niet verrekend"


def module_zonder_leverancier():
    """The engine's data: MLW with beleid wmo (rol 5, supplied by Weert) in a module of Leudal
    and Nederweert in equal parts."""
    formatie = mlw_formatie()
    formatie.rollen = [
        RolData(**{**vars(r), "pakket": 10}) if r.id == 5 else r for r in formatie.rollen
    ]
    helft = Sleutel({"Leudal": (D(1), D(2)), "Nederweert": (D(1), D(2))}, "in gelijke delen")
    return calculate_kostenverdeling(
        formatie,
        {jaar: mlw_sleutel() for jaar in formatie.jaren},
        {(10, jaar): helft for jaar in formatie.jaren},
        [PakketData(10, "Wmo-module", "gelijk")],
    )


def test_a_supplier_outside_the_pakket_bears_the_cost_and_is_paid_it_back(db):
    kv = module_zonder_leverancier()
    for jaar in calculate_verrekening(kv, "Weert"):
        # Weert bears beleid wmo but has no share of it; the deelnemers pay it.
        wmo = kv.regels[(5, jaar.jaar)].kosten
        assert kv.regels[(5, jaar.jaar)].aandelen == {"Leudal": wmo / 2, "Nederweert": wmo / 2}
        assert jaar.aandeel == {g: kv.aandeel(g, jaar.jaar) for g in kv.gemeenten}
        assert sum(jaar.gedragen.values()) == kv.totaal_kosten(jaar.jaar)
        assert sum(jaar.aandeel.values()) == kv.totaal_aandelen(jaar.jaar)
        assert sum(jaar.te_verrekenen.values()) == 0
        # After the betalingen each gemeente has paid exactly its share (the afrondings-
        # verschil put with the penvoerder).
        betaald = {g: jaar.gedragen[g] for g in jaar.gedragen}
        for b in jaar.betalingen:
            betaald[b.van] += b.bedrag
            betaald[b.aan] -= b.bedrag
        verschil = {"Weert": jaar.afrondingsverschil}
        for g in kv.gemeenten:
            assert betaald[g] == jaar.aandeel[g] - verschil.get(g, 0), (jaar.jaar, g)


def met_module(deelnemers=("Leudal", "Nederweert")) -> Samenwerkingsverband:
    sv = Samenwerkingsverband.objects.get(afkorting="MLW")
    pakket = Pakket.objects.create(
        samenwerkingsverband=sv, naam="Wmo-module", verdeling=Pakketverdeling.GELIJK
    )
    for naam in deelnemers:
        Pakketdeelname.objects.create(pakket=pakket, gemeente=Gemeente.objects.get(naam=naam))
    Rol.objects.filter(samenwerkingsverband=sv, naam="Beleid Wmo").update(pakket=pakket)
    return sv


def test_command_settles_over_the_basispakket_and_the_module(demo):
    met_module()
    lines = run("verrekening", "MLW", "--format", "csv").splitlines()
    # 2016: Beleid Wmo 31.200 is Leudal's and Nederweert's (15.600 each) instead of 36/16/48 %.
    # Weert bears it (and contractmanagement 41.550, beleid jeugd 31.200): 103.950.
    assert "2016,Weert,103950,93255,10695" in lines  # 108.231 − 14.976
    assert "2016,Leudal,25550,85541,-59991" in lines  # 81.173 − 11.232 + 15.600
    assert "2016,Nederweert,0,46686,-46686" in lines  # 36.078 − 4.992 + 15.600


def test_page_pays_the_supplier_back_with_penvoerder_weert(demo, stuur_client):
    sv = met_module()
    sv.penvoerder = Gemeente.objects.get(naam="Weert")
    sv.save()
    page = stuur_client.get(reverse("kosten:verrekening", args=["MLW"])).content.decode()
    assert "Leudal betaalt Weert € 59.991" in page
    assert "Nederweert betaalt Weert € 46.686" in page
    assert "Het afrondingsverschil van € 1 in 2016 komt ten goede aan Weert" in page


@pytest.fixture
def scenario(demo):
    return maak_scenario(Samenwerkingsverband.objects.get(afkorting="MLW"), "MLWS", "Proef")


def test_a_scenarios_verrekening_page_shows_no_figures(scenario, stuur_client):
    url = reverse("kosten:verrekening", args=["MLWS"])
    page = stuur_client.get(url).content.decode()
    assert NIET in page
    assert f'href="{reverse("kosten:verrekening", args=["MLW"])}"' in page
    assert "Gedragen" not in page and "betaalt" not in page and "?download=pdf" not in page
    response = stuur_client.get(url, {"download": "pdf"}, follow=True)
    assert response.redirect_chain and NIET in response.content.decode()


def test_the_verrekening_command_refuses_a_scenario(scenario):
    with pytest.raises(CommandError, match=NIET):
        run("verrekening", "MLWS")
    with pytest.raises(CommandError, match=NIET):
        run("rapport", "verrekening", "MLWS", "-o", "/dev/null")
    assert run("kostenverdeling", "MLWS") == run("kostenverdeling", "MLW")
