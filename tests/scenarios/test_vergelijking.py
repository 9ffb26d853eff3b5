"""The comparison of MLW with its scenario's: page, CSV and command show the same figures; a
missing inwonertal is named and never counted as zero.

Until the kernel's access for scenario's (H5) is merged, a scenario is visible only to a
beheerder or a user with Toegang to it: these tests use the stuurgroep user ``stuur-test``
(given Toegang to every samenwerkingsverband, scenario's too, by tests/conftest.py) and the
beheerder.
"""

import csv
import html
import io
import re
from datetime import date
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils.html import strip_tags

from kosten.constants import Verdeelmethode
from kosten.gegevens import load_kostenverdeling
from partijen.models import Gemeente, Inwonertal, Samenwerkingsverband
from regiekamer.afronding import round_cent, round_euro
from regiekamer.dataversie import changed
from scenarios.maak import maak_scenario
from scenarios.vergelijking import CSV_HEADER, build_vergelijking


def url(afkorting="MLW"):
    return reverse("scenarios:vergelijking", args=[afkorting])


def run(*args) -> str:
    out = io.StringIO()
    call_command("vergelijk_scenarios", *args, stdout=out)
    return out.getvalue()


def rows_of(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def number(cell: str) -> str:
    """A page cell as the CSV writes it: '1.234' -> '1234'; 'ontbreekt' -> ''."""
    text = cell.strip()
    if not re.fullmatch(r"-?[\d.]+", text):
        return ""
    return text.replace(".", "")


def text(response) -> str:
    """What a user reads on the page, whitespace collapsed."""
    return " ".join(html.unescape(strip_tags(response.content.decode())).split())


class Tables(HTMLParser):
    """The comparison tables: per variant section and year table, its head and rows of cells."""

    def __init__(self):
        super().__init__()
        self.tables, self.variant, self.h3, self.cell, self.row = [], None, "", None, None
        self.in_h3 = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section" and "variant" in (attrs.get("class") or ""):
            self.variant = attrs["id"].removeprefix("variant-")
        elif tag == "h3":
            self.in_h3, self.h3 = True, ""
        elif tag == "table" and "vergelijking" in (attrs.get("class") or ""):
            self.tables.append({"variant": self.variant, "jaar": self.h3.split()[-1], "rows": []})
        elif tag == "tr" and self.tables:
            self.row = []
        elif tag in ("th", "td") and self.row is not None:
            self.cell = ""

    def handle_endtag(self, tag):
        if tag == "h3":
            self.in_h3 = False
        elif tag in ("th", "td") and self.cell is not None:
            self.row.append(" ".join(self.cell.split()))
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.tables[-1]["rows"].append(self.row)
            self.row = None
        elif tag == "table":
            self.row = None

    def handle_data(self, data):
        if self.in_h3:
            self.h3 += data
        if self.cell is not None:
            self.cell += data


def page_rows(page: str) -> list[list[str]]:
    """The page's tables as CSV rows: per variant section, per year table, per gemeente."""
    parser = Tables()
    parser.feed(page)
    rows = [list(CSV_HEADER)]
    for table in parser.tables:
        heads, *body = table["rows"]
        for cells in body:
            by_head = dict(zip(heads, cells, strict=True))
            if by_head["Gemeente"].startswith("Totaal") or by_head["Gemeente"].startswith("Kosten"):
                continue  # the totals below the gemeenten
            rows.append(
                [
                    table["variant"],
                    table["jaar"],
                    by_head["Gemeente"],
                    number(by_head["Kosten (€)"]),
                    number(by_head["Inwonertal"]),
                    number(by_head["Per 1.000 inwoners (€)"]),
                ]
            )
    return rows


def mlw_and_scenario(afkorting: str):
    """MLW's costs and the comparison's variant of one of its scenario's."""
    mlw = Samenwerkingsverband.objects.get(afkorting="MLW")
    vergelijking = build_vergelijking(mlw)
    return vergelijking, next(v for v in vergelijking.scenarios if v.afkorting == afkorting)


def give_figures(scenario, peildatum, **aantallen):
    """The scenario's own inhabitant figures (test figures, with a test source)."""
    for naam, aantal in aantallen.items():
        Inwonertal.alle.create(
            gemeente=Gemeente.objects.get(naam=naam),
            scenario=scenario,
            peildatum=peildatum,
            aantal=aantal,
            bron="testcijfer",
        )


@pytest.fixture
def t7(scenario_demo):
    """A scenario of MLW at the scale of Midden-Limburg with a figure for every gemeente but
    Roermond (test figures, recorded with a test source), split by inwonertal."""
    mlw = Samenwerkingsverband.objects.get(afkorting="MLW")
    scenario = maak_scenario(mlw, "T7", "Test zeven")
    scenario.gemeenten.add(*Gemeente.objects.filter(naam__in=["Roermond", "Maasgouw"]))
    sleutel = scenario.verdeelsleutels.get()
    sleutel.aandelen.all().delete()
    sleutel.methode, sleutel.peildatum = Verdeelmethode.INWONERTAL, date(2024, 1, 1)
    sleutel.save()
    give_figures(scenario, date(2024, 1, 1), Leudal=36000, Nederweert=17000, Weert=50000)
    return scenario


def test_the_csv_matches_the_page(scenario_demo, stuur_client):
    response = stuur_client.get(url())
    assert response.status_code == 200
    page = page_rows(response.content.decode())
    assert page == rows_of(run("MLW", "--format", "csv"))
    download = stuur_client.get(url(), {"download": "csv"})
    assert rows_of(download.content.decode()) == page
    # The real one first under its own afkorting, then the demo's two scenario's.
    assert [r[0] for r in page[1:]][:1] == ["MLW"]
    assert {r[0] for r in page[1:]} == {"MLW", "ML7", "MLNL"}


def test_real_costs_are_the_shares_of_bijlage_1_and_missing_figures_are_named(
    scenario_demo, stuur_client
):
    mlw = Samenwerkingsverband.objects.get(afkorting="MLW")
    kv = load_kostenverdeling(mlw)
    vergelijking = build_vergelijking(mlw)
    for jaar in vergelijking.echt.jaren:
        assert {r.gemeente: r.kosten for r in jaar.regels} == {
            g: kv.aandeel(g, jaar.jaar) for g in kv.gemeenten
        }
        # MLW's key is a set of percentages; no inwonertal is recorded: nothing per inwoner.
        assert jaar.zonder_inwonertal == ["Leudal", "Nederweert", "Weert"]
        assert jaar.per_1000 is None and all(r.per_1000 is None for r in jaar.regels)
    page = text(stuur_client.get(url()))
    assert "Ontbreekt: geen inwonertal voor Leudal, Nederweert, Weert." in page
    assert "een ontbrekend inwonertal telt nooit als 0" in page


def test_a_scenario_that_cannot_be_split_shows_its_costs_and_why(scenario_demo, stuur_client):
    kv = load_kostenverdeling(Samenwerkingsverband.objects.get(afkorting="MLW"))
    ml7 = mlw_and_scenario("ML7")[1]
    assert "Geen inwonertal op of vóór 01-01-2024 voor" in ml7.fout
    # The same formation, so the same costs per year; per gemeente nothing is made up.
    assert {j.jaar: j.kosten for j in ml7.jaren} == {j: kv.totaal_kosten(j) for j in kv.jaren}
    assert all(r.kosten is None and r.verschil is None for j in ml7.jaren for r in j.regels)
    page = text(stuur_client.get(url()))
    assert "De kosten van dit scenario kunnen niet over de gemeenten worden verdeeld." in page
    assert "Venlo 103.785 op 1-1-2024 (bron: CBS StatLine 37230ned" in page


def test_per_inwoner_per_1000_and_the_difference(t7, stuur_client):
    variant = mlw_and_scenario("T7")[1]
    assert "Geen inwonertal op of vóór 01-01-2024 voor Maasgouw, Roermond." in variant.fout

    # Give Maasgouw and Roermond a figure: now it splits by inwonertal over five.
    give_figures(t7, date(2023, 1, 1), Maasgouw=24000, Roermond=60000)
    vergelijking, variant = mlw_and_scenario("T7")
    assert variant.fout == ""
    kv = load_kostenverdeling(t7)
    real = {(j.jaar, r.gemeente): r.kosten for j in vergelijking.echt.jaren for r in j.regels}
    for jaar in variant.jaren:
        assert jaar.inwoners == 187000
        assert jaar.kosten == kv.totaal_kosten(jaar.jaar)
        assert jaar.aandelen == kv.totaal_aandelen(jaar.jaar)
        assert jaar.per_1000 == round_euro(jaar.kosten * 1000 / 187000)
        for r in jaar.regels:
            assert r.kosten == kv.aandeel(r.gemeente, jaar.jaar)
            assert r.per_inwoner == round_cent(r.kosten / r.inwonertal)
            assert r.per_1000 == round_euro(r.kosten * 1000 / r.inwonertal)
            if r.gemeente in ("Maasgouw", "Roermond"):
                assert r.verschil is None and r.geen_verschil.startswith("geen deelnemer van MLW")
            else:
                assert r.verschil == r.kosten - real[(jaar.jaar, r.gemeente)]
    # Weert pays less when Roermond and Maasgouw share the costs.
    weert_2017 = variant.jaar(2017).regels[-1]
    assert weert_2017.gemeente == "Weert" and weert_2017.verschil < 0
    page = text(stuur_client.get(url()))
    assert "Scenario Test zeven (T7)" in page
    assert f"-{abs(weert_2017.verschil):,}".replace(",", ".") in page
    page = page_rows(stuur_client.get(url()).content.decode())
    assert page == rows_of(run("MLW", "--format", "csv"))
    assert ["T7", "2017", "Weert", str(int(weert_2017.kosten)), "50000",
            str(int(weert_2017.per_1000))] in page  # fmt: skip


def test_a_missing_figure_is_empty_in_the_csv_never_zero(scenario_demo):
    rows = rows_of(run("mlw"))
    assert rows[0] == CSV_HEADER
    mlw_rows = [r for r in rows[1:] if r[0] == "MLW"]
    assert mlw_rows and all(r[4] == "" and r[5] == "" for r in mlw_rows)
    assert all(r[3] != "" for r in mlw_rows)
    ml7 = [r for r in rows[1:] if r[0] == "ML7"]
    assert ml7 and all(r[3] == "" for r in ml7)
    assert not any(r[3] == "0" or r[4] == "0" or r[5] == "0" for r in rows[1:])


def test_the_command_refuses_an_unknown_code(scenario_demo):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Onbekend samenwerkingsverband: XYZ."):
        run("XYZ")


def test_a_scenarios_address_shows_its_real_ones_comparison(scenario_demo, beheer_user):
    from tests.conftest import logged_in

    client = logged_in(beheer_user)
    page = html.unescape(client.get(url("ML7")).content.decode())
    # The real one's comparison, under the scenario's banner: never taken for real figures.
    assert "Vergelijking scenario's Sociaal Domein Midden-Limburg West" in page
    assert "Scenario Midden-Limburg (7 gemeenten) (ML7) van" in page
    assert (
        "Scenario Midden-Limburg"
        not in html.unescape(client.get(url("MLW")).content.decode())
        .split("<main", 1)[1]
        .split("</h1>", 1)[0]
    )


def test_another_samenwerkingsverbands_user_gets_404(scenario_demo, client, django_user_model):
    from regiekamer import access
    from regiekamer.roles import STUURGROEP
    from tests.conftest import make_user

    user = make_user(django_user_model, "stuur-g12", STUURGROEP)
    access.grant(user, Samenwerkingsverband.objects.get(afkorting="G12"))
    client.force_login(user)
    assert client.get(url("MLW")).status_code == 404
    assert client.get(url("MLW"), {"download": "csv"}).status_code == 404
    assert client.get(url("MLW"), {"download": "pdf"}).status_code == 404


def test_the_pdf_prints_the_comparison(scenario_demo, stuur_client):
    from tests.pdfs import pdf_text, text_beyond_page

    response = stuur_client.get(url(), {"download": "pdf"})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert text_beyond_page(response.content) == []
    assert "Vergelijking scenario's Midden-Limburg West" in text or "Vergelijking scenario" in text
    assert "Scenario Midden-Limburg en Noord-Limburg (MLNL)" in text
    assert "geen inwonertal voor Leudal, Nederweert, Weert" in text


def test_query_count_does_not_grow_with_gemeenten_or_figures(t7, stuur_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count() -> int:
        changed(None)  # computed afresh both times (regiekamer.dataversie)
        with CaptureQueriesContext(connection) as context:
            assert stuur_client.get(url()).status_code == 200
        return len(context)

    before = count()
    extra = Gemeente.objects.filter(naam__in=["Venlo", "Venray", "Beesel", "Gennep"])
    t7.gemeenten.add(*extra)
    give_figures(t7, date(2024, 1, 1), **{g.naam: 1 for g in extra})
    assert count() == before


def test_decimal_inputs_are_exact():
    from scenarios.vergelijking import Regel

    r = Regel("Weert", Decimal("1000"), inwonertal=3)
    assert r.per_inwoner == Decimal("333.33") and r.per_1000 == Decimal("333333")
    assert Regel("Weert", Decimal("1000")).per_1000 is None
    assert Regel("Weert", None, inwonertal=3).per_inwoner is None


def test_side_by_side_per_year(t7, stuur_client):
    give_figures(t7, date(2023, 1, 1), Maasgouw=24000, Roermond=60000)
    vergelijking, variant = mlw_and_scenario("T7")
    overzicht = {o.jaar: o for o in vergelijking.naast_elkaar}[2017]
    afkortingen = [v.afkorting for v in vergelijking.varianten]
    assert afkortingen[0] == "MLW" and {"ML7", "MLNL", "T7"} <= set(afkortingen)
    rijen = dict(overzicht.rijen)
    weert = rijen["Weert"]
    assert weert[0].kosten == 287189  # Bijlage 1
    assert weert[afkortingen.index("T7")].kosten == variant.jaar(2017).regels[-1].kosten
    assert weert[afkortingen.index("ML7")].kosten is None  # cannot be split
    assert rijen["Venlo"][0] is None and rijen["Roermond"][0] is None  # not in MLW
    page = text(stuur_client.get(url()))
    assert "Naast elkaar 2017" in page and "T7 (scenario)" in page


def test_a_scenario_that_cannot_be_split_compares_its_costs_without_a_rounding_euro(
    scenario_demo, beheer_user
):
    """MLW's shares of 2017 add up to 598.312 (incl. afronding), its rol costs to 598.311; ML7,
    not split, has only the rol costs: the "Totaal kosten" row shows 598.311 for both."""
    from tests.conftest import logged_in

    vergelijking = build_vergelijking(Samenwerkingsverband.objects.get(afkorting="MLW"))
    ml7 = next(v for v in vergelijking.scenarios if v.afkorting == "ML7").jaar(2017)
    echt = vergelijking.echt.jaar(2017)
    assert (echt.kosten, echt.aandelen) == (598311, 598312)
    assert (ml7.kosten, ml7.aandelen) == (598311, None)
    page = html.unescape(logged_in(beheer_user).get(url("MLW")).content.decode())
    naast = page.split("Naast elkaar 2017", 1)[1].split("</table>", 1)[0]
    kosten_row = naast.split("Totaal kosten", 1)[1].split("</tr>", 1)[0]
    assert kosten_row.count("598.311") == 3  # MLW, ML7 and MLNL
    assert "598.312" in naast.split("Totaal (incl. afronding)", 1)[1].split("</tr>", 1)[0]
