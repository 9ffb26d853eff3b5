"""The uitvoeringsplan of a begrotingsjaar on the MLW demo: which pluspakketten each gemeente
takes that year with its share of the costs; ticking writes that one year (other years and
gemeenten stay), the text is saved with it, a refused cell saves nothing, the stuurgroep reads
only, and the page's queries do not grow with its pakketten."""

import html
import re

import pytest
from django.urls import reverse

from begroting.models import Begrotingscyclus
from formatie.constants import Pakketsoort, Pakketverdeling
from formatie.models import Pakket, Pakketdeelname, Rol
from partijen.models import Gemeente, Samenwerkingsverband
from regiekamer.dataversie import changed

pytestmark = pytest.mark.django_db

JAAR = 2017


@pytest.fixture
def mlw(demo):
    sv = Samenwerkingsverband.objects.get(afkorting="MLW")
    Samenwerkingsverband.objects.filter(pk=sv.pk).update(eigen_begroting=True)
    Begrotingscyclus.objects.create(samenwerkingsverband=sv, jaar=JAAR)
    return sv


def g(naam):
    return Gemeente.objects.get(naam=naam)


@pytest.fixture
def pakket(mlw):
    pakket = Pakket.objects.create(
        samenwerkingsverband=mlw,
        naam="Inkoop plus",
        soort=Pakketsoort.PLUS,
        verdeling=Pakketverdeling.GELIJK,
    )
    for naam in ("Leudal", "Weert"):
        Pakketdeelname.objects.create(pakket=pakket, gemeente=g(naam))
    Rol.objects.filter(samenwerkingsverband=mlw, naam="Contractmanagement").update(pakket=pakket)
    return pakket


def url():
    return reverse("begroting:uitvoeringsplan", args=["MLW", JAAR])


def text(response) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode())))


def form_data(client) -> dict:
    response = client.get(url())
    body = response.content.decode()
    return {
        "deelname": re.findall(r'name="deelname" value="([^"]+)"[^>]*checked', body),
        "geopend": re.findall(r'name="geopend" value="([^"]+)"', body),
        "versie": re.search(r'name="versie" value="(\d+)"', body).group(1),
        "uitvoeringsplan": "",
    }


def cel(pakket, naam):
    return f"{pakket.pk}-{g(naam).pk}"


def perioden(pakket, naam):
    return sorted(
        (d.vanaf_jaar or 0, d.tot_en_met_jaar or 9999)
        for d in Pakketdeelname.objects.filter(pakket=pakket, gemeente__naam=naam)
    )


def test_matrix_met_aandelen(regie_client, pakket):
    page = text(regie_client.get(url()))
    assert "Pluspakketten per gemeente in 2017" in page
    # 2017: contractmanagement 128.113 in two equal parts, each rounded half-up: 64.057
    assert page.count("€ 64.057") == 2
    assert "Leudal neemt Inkoop plus af in 2017: ja" in page
    assert "Nederweert neemt Inkoop plus af in 2017: nee" in page


def test_aanvinken_schrijft_alleen_dat_jaar(regie_client, pakket):
    data = form_data(regie_client)
    data["deelname"] = [*data["deelname"], cel(pakket, "Nederweert")]
    data["uitvoeringsplan"] = "Inkoop plus start in Nederweert."
    response = regie_client.post(url(), data, follow=True)
    page = text(response)
    assert (
        "Opgeslagen (2017): de tekst van het uitvoeringsplan; Nederweert neemt Inkoop plus af."
        in page
    )
    assert perioden(pakket, "Nederweert") == [(2017, 2017)]
    assert perioden(pakket, "Leudal") == [(0, 9999)]
    # 128.113 in three: 42.704,33 -> 42.704 each
    assert page.count("€ 42.704") == 3
    assert Begrotingscyclus.objects.get(jaar=JAAR).uitvoeringsplan.startswith("Inkoop plus")
    assert "Nederweert in Inkoop plus" in page  # the history

    data = form_data(regie_client)
    data["deelname"].remove(cel(pakket, "Weert"))
    page = text(regie_client.post(url(), data, follow=True))
    assert "Weert neemt Inkoop plus niet meer af" in page
    assert perioden(pakket, "Weert") == [(0, 2016), (2018, 9999)]


def test_niets_gewijzigd(regie_client, pakket):
    data = form_data(regie_client)
    page = text(regie_client.post(url(), data, follow=True))
    assert "Geen wijzigingen: er is niets opgeslagen." in page
    assert Pakketdeelname.history.filter(pakket_id=pakket.pk).count() == 2


def test_alleen_wat_de_gebruiker_wijzigde(regie_client, pakket):
    data = form_data(regie_client)  # opened with Leudal and Weert
    # meanwhile another official takes Weert out for 2017
    Pakketdeelname.objects.filter(pakket=pakket, gemeente__naam="Weert").update(
        tot_en_met_jaar=JAAR - 1
    )
    data["deelname"] = [*data["deelname"], cel(pakket, "Nederweert")]
    regie_client.post(url(), data)
    assert perioden(pakket, "Weert") == [(0, 2016)]  # not undone
    assert perioden(pakket, "Nederweert") == [(2017, 2017)]


def test_geweigerde_cel_bewaart_niets(regie_client, pakket):
    Pakket.objects.filter(pk=pakket.pk).update(verdeling=Pakketverdeling.EEN)
    Pakketdeelname.objects.filter(pakket=pakket, gemeente__naam="Weert").delete()
    data = form_data(regie_client)
    data["deelname"] = [*data["deelname"], cel(pakket, "Nederweert")]
    data["uitvoeringsplan"] = "Niet bewaren"
    page = text(regie_client.post(url(), data))
    assert "Niets opgeslagen: Inkoop plus is geheel voor één gemeente: in 2017 neemt Leudal" in page
    assert perioden(pakket, "Nederweert") == []
    assert Begrotingscyclus.objects.get(jaar=JAAR).uitvoeringsplan == ""


def test_onbekende_cel_geweigerd(regie_client, pakket):
    data = form_data(regie_client)
    data["deelname"] = [*data["deelname"], f"{pakket.pk}-999999", "x-y"]
    page = text(regie_client.post(url(), data))
    assert "Niets opgeslagen: het formulier noemt een pakket of gemeente" in page
    assert Pakketdeelname.objects.filter(pakket=pakket).count() == 2


def test_stuurgroep_leest(stuur_client, pakket):
    response = stuur_client.get(url())
    assert response.status_code == 200
    assert 'name="deelname"' not in response.content.decode()
    assert "Leudal neemt" not in text(response)
    response = stuur_client.post(url(), {"deelname": [cel(pakket, "Nederweert")]})
    assert response.status_code == 403
    assert perioden(pakket, "Nederweert") == []


def test_queries_groeien_niet_met_pakketten(regie_client, pakket, django_assert_max_num_queries):
    def meet():
        # Computed afresh each time (the pakketten move the version anyway); the reader's
        # access comes from the memo after the first page (access.load).
        changed([pakket.samenwerkingsverband_id])
        with django_assert_max_num_queries(80) as ctx:
            assert regie_client.get(url()).status_code == 200
        return len(ctx.captured_queries)

    regie_client.get(url())
    weinig = meet()
    for i in range(3):
        extra = Pakket.objects.create(
            samenwerkingsverband=pakket.samenwerkingsverband,
            naam=f"Module {i}",
            soort=Pakketsoort.PLUS,
            verdeling=Pakketverdeling.GELIJK,
        )
        Pakketdeelname.objects.create(pakket=extra, gemeente=g("Weert"), vanaf_jaar=2016)
    assert meet() == weinig


def test_cyclus_intussen_bewerkt(regie_client, pakket):
    data = form_data(regie_client)
    cyclus = Begrotingscyclus.objects.get(jaar=JAAR)
    cyclus.toelichting = "Datums bijgewerkt door een ander"
    cyclus.save()
    # a tick still goes through: the text was not touched
    data["deelname"] = [*data["deelname"], cel(pakket, "Nederweert")]
    page = text(regie_client.post(url(), data, follow=True))
    assert "Nederweert neemt Inkoop plus af" in page
    # a changed text over a newer version is refused, nothing saved
    data = form_data(regie_client)
    cyclus.refresh_from_db()
    cyclus.uitvoeringsplan = "Van een ander"
    cyclus.save()
    data["uitvoeringsplan"] = "Mijn tekst"
    data["deelname"].remove(cel(pakket, "Weert"))
    page = text(regie_client.post(url(), data))
    assert "Niets opgeslagen" in page
    assert perioden(pakket, "Weert") == [(0, 9999)]
    assert Begrotingscyclus.objects.get(jaar=JAAR).uitvoeringsplan == "Van een ander"


def test_niemand_meer_in_het_jaar_geweigerd(regie_client, pakket):
    """Unticking every deelnemer of a pakket with rollen for the year would leave its costs to
    nobody and break the whole kostenverdeling: refused, nothing saved."""
    data = form_data(regie_client)
    data["deelname"] = []
    page = text(regie_client.post(url(), data))
    assert "Niets opgeslagen: in 2017 zou niemand Inkoop plus afnemen" in page
    assert perioden(pakket, "Leudal") == perioden(pakket, "Weert") == [(0, 9999)]
    assert "Pakket Inkoop plus heeft kosten in 2017 maar geen deelnemers" not in page


def test_wissel_van_de_enige_deelnemer_in_een_keer(regie_client, pakket):
    Pakket.objects.filter(pk=pakket.pk).update(verdeling=Pakketverdeling.EEN)
    Pakketdeelname.objects.filter(pakket=pakket, gemeente__naam="Leudal").delete()
    data = form_data(regie_client)
    data["deelname"] = [cel(pakket, "Nederweert")]
    page = text(regie_client.post(url(), data, follow=True))
    assert "Opgeslagen (2017)" in page, page[page.find("Niets") : page.find("Niets") + 300]
    assert perioden(pakket, "Nederweert") == [(2017, 2017)]
    assert perioden(pakket, "Weert") == [(0, 2016), (2018, 9999)]
