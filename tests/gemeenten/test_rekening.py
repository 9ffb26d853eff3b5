"""A gemeente's whole bill: on its page, in its PDF and from ``manage.py rekening``.

Weert takes part in the demo's MLW and, here, in a second samenwerkingsverband with a
pluspakket that only Weert takes: its bill per year is MLW's column of Weert plus the second
one's, per pakket, the same on the page, in the CSV and in the PDF.
"""

import io
from datetime import date
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from formatie.constants import Pakketsoort, Pakketverdeling
from formatie.models import Pakket, Pakketdeelname
from kosten.gegevens import load_kostenverdeling
from kosten.rekening import load_rekening
from partijen.models import Gemeente, Samenwerkingsverband
from regiekamer.dataversie import changed
from regiekamer.roles import GEMEENTE, REGIEGROEP
from scenarios.maak import maak_scenario
from tests.conftest import logged_in
from tests.formatie.factories import BezettingFactory, FaseFactory, RolFactory, SalarisschaalFactory
from tests.kosten.factories import VerdeelsleutelaandeelFactory, VerdeelsleutelFactory
from tests.partijen.factories import (
    GebruikerFactory,
    GemeenteFactory,
    SamenwerkingsverbandFactory,
    ToegangFactory,
)
from tests.pdfs import assert_tagged_pdf_ua, pdf_text

pytestmark = pytest.mark.django_db

# The demo's Bijlage 1: Weert's and Leudal's shares per year (tests/kosten/test_kostenverdeling).
MLW_WEERT = {2016: 108231, 2017: 287189, 2018: 166536}
MLW_LEUDAL = {2016: 81173, 2017: 215393, 2018: 124902}
MLW = "Sociaal Domein Midden-Limburg West"


class RekeningTabellen(HTMLParser):
    """The rows of the page's bill tables: (jaar, samenwerkingsverband, pakket, bedrag)."""

    def __init__(self):
        super().__init__()
        self.rows, self.jaar, self.cells, self.in_body, self.cell = [], None, None, False, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and "rekening" in (attrs.get("class") or "").split():
            self.jaar = int(attrs["data-jaar"])
        elif tag == "tbody" and self.jaar:
            self.in_body = True
        elif tag == "tr" and self.in_body:
            self.cells = []
        elif tag == "td" and self.cells is not None:
            self.cell = ""

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data

    def handle_endtag(self, tag):
        if tag == "td" and self.cell is not None:
            self.cells.append(self.cell.strip())
            self.cell = None
        elif tag == "tr" and self.cells is not None:
            self.rows.append([str(self.jaar), *self.cells])
            self.cells = None
        elif tag == "tbody":
            self.in_body = False
        elif tag == "table":
            self.jaar = None


def page_rows(html: str) -> list[list[str]]:
    parser = RekeningTabellen()
    parser.feed(html)
    return parser.rows


def euro(bedrag) -> str:
    return f"{int(bedrag):,}".replace(",", ".")


def tweede_verband(naam="Jeugdhulp Testregio", afkorting="JTR") -> Samenwerkingsverband:
    """Weert and Leudal in 2017: a rol of the basispakket (one FTE of scale 11 at 80.000, split
    50/50) and a pluspakket 'Crisisdienst' of 12.000 that only Weert takes."""
    weert, leudal = Gemeente.objects.get(naam="Weert"), Gemeente.objects.get(naam="Leudal")
    sv = SamenwerkingsverbandFactory(naam=naam, afkorting=afkorting, gemeenten=[weert, leudal])
    fase = FaseFactory(samenwerkingsverband=sv, begin=date(2017, 1, 1), eind=date(2017, 12, 31))
    SalarisschaalFactory(samenwerkingsverband=sv, schaal=11, jaar=2017, jaarkosten_per_fte=80000)
    sleutel = VerdeelsleutelFactory(samenwerkingsverband=sv, vanaf_jaar=2017)
    for gemeente in (weert, leudal):
        VerdeelsleutelaandeelFactory(verdeelsleutel=sleutel, gemeente=gemeente, percentage=50)
    basis = RolFactory(samenwerkingsverband=sv, naam="Regisseur jeugd")
    BezettingFactory(rol=basis, fase=fase, fte=Decimal(1))
    crisis = Pakket.objects.create(
        samenwerkingsverband=sv,
        naam="Crisisdienst",
        soort=Pakketsoort.PLUS,
        verdeling=Pakketverdeling.GELIJK,
    )
    Pakketdeelname.objects.create(pakket=crisis, gemeente=weert)
    plus = RolFactory(samenwerkingsverband=sv, naam="Crisisdienst", vast=True, pakket=crisis)
    BezettingFactory(rol=plus, fase=fase, bedrag=Decimal(12000))
    return sv


def gemeente_url(naam: str) -> str:
    return reverse("gemeenten:gemeente-detail", args=[Gemeente.objects.get(naam=naam).pk])


def command_csv(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("rekening", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def csv_rows(text: str) -> list[list[str]]:
    return [line.split(",") for line in text.strip().splitlines()]


def test_weerts_page_shows_what_it_pays_per_year_per_samenwerkingsverband_and_pakket(
    demo, regie_client
):
    tweede_verband()
    page = regie_client.get(gemeente_url("Weert")).content.decode()

    assert page_rows(page) == [
        ["2016", MLW, "Basispakket", "108.231"],
        ["2017", "Jeugdhulp Testregio", "Basispakket", "40.000"],
        ["2017", "Jeugdhulp Testregio", "Crisisdienst", "12.000"],
        ["2017", MLW, "Basispakket", "287.189"],
        ["2018", MLW, "Basispakket", "166.536"],
    ]
    assert 'Totaal 2017</th><td class="num">339.189<' in page  # 287.189 + 40.000 + 12.000
    total = sum(MLW_WEERT.values()) + 52000
    assert f">{euro(total)}<" in page  # over all years
    assert "?download=pdf" in page and "?download=csv" in page


def test_a_gemeente_outside_a_pluspakket_pays_none_of_it(demo, regie_client):
    tweede_verband()
    rows = page_rows(regie_client.get(gemeente_url("Leudal")).content.decode())
    assert ["2017", "Jeugdhulp Testregio", "Basispakket", "40.000"] in rows
    assert not [r for r in rows if r[2] == "Crisisdienst"]
    assert ["2017", MLW, "Basispakket", euro(MLW_LEUDAL[2017])] in rows


def test_each_year_is_the_sum_of_the_gemeentes_columns_over_all_samenwerkingsverbanden(demo):
    tweede_verband()
    weert = Gemeente.objects.get(naam="Weert")
    rekening = load_rekening(weert)
    tables = [load_kostenverdeling(sv) for sv in Samenwerkingsverband.objects.echt()]
    for jaar in (2016, 2017, 2018):
        expected = sum((kv.aandeel("Weert", jaar) for kv in tables if jaar in kv.jaren), 0)
        assert rekening.jaar(jaar).totaal == expected
    assert rekening.totaal == sum(MLW_WEERT.values()) + 52000


def test_the_command_prints_the_rows_of_the_page(demo, regie_client):
    tweede_verband()
    page = regie_client.get(gemeente_url("Weert")).content.decode()
    text, errors = command_csv("weert", "--format", "csv")  # the name in any case

    rows = csv_rows(text)
    assert rows[0] == ["jaar", "samenwerkingsverband", "pakket", "bedrag"]
    assert [[j, sv, p, euro(b)] for j, sv, p, b in rows[1:]] == page_rows(page)
    assert rows[1] == ["2016", MLW, "Basispakket", "108231"]
    assert errors == ""
    # The page's CSV download is the same text.
    download = regie_client.get(gemeente_url("Weert") + "?download=csv")
    assert download["Content-Disposition"] == 'attachment; filename="rekening-weert.csv"'
    assert csv_rows(download.content.decode("utf-8-sig")) == rows


def test_an_unknown_gemeente_is_refused_in_dutch(db):
    with pytest.raises(CommandError, match="Onbekende gemeente: 'Atlantis'"):
        command_csv("Atlantis")


def test_a_samenwerkingsverband_that_cannot_be_costed_is_named_with_its_reason(demo, regie_client):
    sv = tweede_verband()
    sv.verdeelsleutels.all().delete()

    page = regie_client.get(gemeente_url("Weert")).content.decode()

    assert "Niet berekend" in page
    assert "Jeugdhulp Testregio</a>: Voor 2017 ontbreekt een verdeelsleutel." in page
    assert "de rekening is dus niet volledig" in page
    assert [r[1] for r in page_rows(page)] == [MLW] * 3  # never counted as 0
    assert 'Totaal 2017</th><td class="num">287.189<' in page
    text, errors = command_csv("Weert")
    assert "Jeugdhulp Testregio" not in text
    assert "Niet berekend: Jeugdhulp Testregio (JTR): Voor 2017 ontbreekt een verdeelsleutel." in (
        errors
    )


def test_a_scenario_is_never_on_the_bill_nor_in_the_gemeenten_lists(demo, regie_client):
    mlw = Samenwerkingsverband.objects.get(afkorting="MLW")
    scenario = maak_scenario(mlw, "MLX", "Midden-Limburg met Roermond")
    scenario.gemeenten.add(GemeenteFactory(naam="Roermond"))

    page = regie_client.get(gemeente_url("Weert")).content.decode()
    assert [r[1] for r in page_rows(page)] == [MLW] * 3
    assert "Midden-Limburg met Roermond" not in page and "MLX" not in page
    text, _ = command_csv("Weert")
    assert "Midden-Limburg met Roermond" not in text and len(csv_rows(text)) == 4

    lijst = regie_client.get(reverse("gemeenten:gemeente-list")).content.decode()
    assert "Weert" in lijst
    assert "Roermond" not in lijst  # only a scenario takes it in
    assert "Midden-Limburg met Roermond" not in lijst  # not a filter choice
    # A budget is recorded for a real samenwerkingsverband only.
    bewerken = reverse("gemeenten:gemeente-update", args=[Gemeente.objects.get(naam="Weert").pk])
    bewerken = regie_client.get(bewerken).content.decode()
    assert MLW in bewerken and "Midden-Limburg met Roermond" not in bewerken
    # The gemeente of only a scenario has no bill, and names no samenwerkingsverband.
    roermond = regie_client.get(gemeente_url("Roermond")).content.decode()
    assert "Midden-Limburg met Roermond" not in roermond
    assert "deze gemeente neemt aan geen samenwerkingsverband deel" in roermond


def test_a_new_gemeente_of_no_samenwerkingsverband_is_still_listed(db, beheer_user):
    GemeenteFactory(naam="Nieuwegemeente")
    lijst = logged_in(beheer_user).get(reverse("gemeenten:gemeente-list")).content.decode()
    assert "Nieuwegemeente" in lijst


def test_a_user_sees_only_the_samenwerkingsverbanden_they_may_see_and_is_told(demo):
    tweede_verband()
    mlw = Samenwerkingsverband.objects.get(afkorting="MLW")
    regiegroep = GebruikerFactory(rollen=[REGIEGROEP])
    ToegangFactory(gebruiker=regiegroep, samenwerkingsverbanden=[mlw])

    page = logged_in(regiegroep).get(gemeente_url("Weert")).content.decode()

    assert "Jeugdhulp Testregio" not in page
    assert [r[1] for r in page_rows(page)] == [MLW] * 3
    assert "Alleen de samenwerkingsverbanden die u mag inzien" in page
    pdf = logged_in(regiegroep).get(gemeente_url("Weert") + "?download=pdf").content
    assert "Jeugdhulp Testregio" not in pdf_text(pdf)

    # An official of Weert sees the whole bill of the own gemeente.
    official = GebruikerFactory(rollen=[GEMEENTE])
    ToegangFactory(gebruiker=official, gemeente=Gemeente.objects.get(naam="Weert"))
    page = logged_in(official).get(gemeente_url("Weert")).content.decode()
    assert "Crisisdienst" in page and "Alleen de samenwerkingsverbanden" not in page


def test_another_samenwerkingsverbands_user_gets_no_bill(demo):
    andere = SamenwerkingsverbandFactory(gemeenten=[GemeenteFactory()])
    user = GebruikerFactory(rollen=[REGIEGROEP])
    ToegangFactory(gebruiker=user, samenwerkingsverbanden=[andere])
    client = logged_in(user)
    assert client.get(gemeente_url("Weert")).status_code == 404
    assert client.get(gemeente_url("Weert") + "?download=pdf").status_code == 404
    assert client.get(gemeente_url("Weert") + "?download=csv").status_code == 404


def test_the_pdf_for_the_own_begroting_prints_the_figures_of_the_page(demo, regie_client):
    tweede_verband()
    response = regie_client.get(gemeente_url("Weert") + "?download=pdf")

    assert response["Content-Disposition"] == 'attachment; filename="rekening-weert.pdf"'
    pdf = response.content
    assert_tagged_pdf_ua(pdf)
    text = pdf_text(pdf)
    assert "Rekening gemeente Weert" in text
    assert "voor de eigen begroting" in text
    assert "Jeugdhulp Testregio Crisisdienst 12.000" in text
    assert f"{MLW} Basispakket 287.189" in text
    assert "Totaal 2017 339.189" in text
    assert "Gemeente Weert" in text  # its header names the gemeente


def test_the_command_writes_the_same_pdf(demo, tmp_path):
    target = tmp_path / "weert.pdf"
    out = io.StringIO()
    call_command("rekening", "Weert", "--format", "pdf", "-o", str(target), stdout=out)
    assert "Totaal 2018 166.536" in pdf_text(target.read_bytes())
    with pytest.raises(CommandError, match="-o"):
        call_command("rekening", "Weert", "--format", "pdf")


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_page_reads_as_many_queries_for_three_samenwerkingsverbanden_as_for_one(
    demo, regie_client
):
    tweede_verband()
    url = gemeente_url("Weert")
    regie_client.get(url)  # warm caches (sessions, content types, the cost tables)
    one = count_queries(regie_client, url)
    changed(None)  # the cost tables computed afresh: the formations read together
    one_fresh = formation_queries(regie_client, url)
    tweede_verband("Jeugdhulp Testregio Twee", "JT2")
    tweede_verband("Jeugdhulp Testregio Drie", "JT3")
    regie_client.get(url)
    assert count_queries(regie_client, url) == one  # the cost tables from the cache
    changed(None)
    assert formation_queries(regie_client, url) == one_fresh


def formation_queries(client, url) -> int:
    """The queries that read a formation or a key (the database cache's own writes, one per
    samenwerkingsverband computed, aside)."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len([q for q in queries if "formatie_" in q["sql"] or "kosten_" in q["sql"]])


def test_a_samenwerkingsverband_without_costs_is_named_not_billed(demo, regie_client):
    """A samenwerkingsverband in preparation (seed 001's G12: no formation, no costs)."""
    weert = Gemeente.objects.get(naam="Weert")
    SamenwerkingsverbandFactory(naam="Regio in voorbereiding", gemeenten=[weert])
    page = regie_client.get(gemeente_url("Weert")).content.decode()
    assert "Zonder kosten voor gemeente Weert: Regio in voorbereiding." in page
    assert [r[1] for r in page_rows(page)] == [MLW] * 3

    alleen = SamenwerkingsverbandFactory(naam="Alleen voorbereiding", gemeenten=[GemeenteFactory()])
    gemeente = alleen.gemeenten.get()
    page = regie_client.get(gemeente_url(gemeente.naam)).content.decode()
    assert (
        "Geen kosten: de samenwerkingsverbanden van deze gemeente rekenen haar (nog) geen" in page
    )
    assert "?download=pdf" not in page  # nothing to print
