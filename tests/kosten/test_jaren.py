"""Only years with costs: a fase of 2027 after MLW's fasen (which end in 2018) adds one year.

The cost table, its PDF, the verrekening and the dashboard list 2016, 2017, 2018 and 2027,
never a column of zeros for 2019–2026, and say in words that those years have no costs.
"""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from formatie.models import Bezetting, Fase, Rol
from kosten.verdeling import FaseData, FormatieData, RolData
from partijen.models import Samenwerkingsverband
from tests.pdfs import pdf_text

pytestmark = pytest.mark.django_db

GAP_NOTE = "Geen kosten in 2019–2026"


@pytest.fixture
def fase_2027(demo):
    sv = Samenwerkingsverband.objects.get(afkorting="MLW")
    fase = Fase.objects.create(
        samenwerkingsverband=sv, naam="Fase 4", begin=date(2027, 1, 1), eind=date(2027, 12, 31)
    )
    Bezetting.objects.create(rol=Rol.objects.get(naam="Contractmanagement"), fase=fase, fte=1)
    return fase


def year_headers(html: str) -> list[str]:
    """The year column headers of the cost table, as the reader sees them."""
    table = html.split('class="table cost-table"')[1].split("</thead>")[0]
    return re.findall(r'<th scope="col" class="num[^"]*">(\d{4})</th>', table)


def test_the_page_shows_2027_next_to_2018_and_no_zero_years(fase_2027, stuur_client):
    page = stuur_client.get(reverse("kosten:kostenverdeling", args=["MLW"])).content.decode()

    assert year_headers(page) == ["2016", "2017", "2018", "2027"]
    assert "Aandeel 2027" in page and "Aandeel 2019" not in page
    assert '<th scope="col" class="num gap">2027</th>' in page  # the double rule
    assert GAP_NOTE in page
    # Contractmanagement in 2027: 1 fte x schaal 11 for 12 months.
    assert "83.100" in page


def test_without_a_gap_there_is_no_note(demo, stuur_client):
    page = stuur_client.get(reverse("kosten:kostenverdeling", args=["MLW"])).content.decode()
    assert year_headers(page) == ["2016", "2017", "2018"]
    assert "Geen kosten in" not in page


def test_the_pdf_lists_the_same_years(fase_2027, regie_client):
    url = reverse("kosten:kostenverdeling", args=["MLW"]) + "?download=pdf"
    text = pdf_text(regie_client.get(url).content)

    headers = "Aandeel 2016 Aandeel 2017 Aandeel 2018 Aandeel 2027 2016 2017 2018 2027 Leudal"
    assert f"Rol Kosten {headers}" in text
    assert "Gemeente Aandeel 2016 2017 2018 2027 Totaal" in text
    assert "Totaal 225.481 598.311 346.950 83.100 " in text
    assert GAP_NOTE in text and "Aandeel 2019" not in text


def test_the_verrekening_settles_2027_and_skips_the_years_between(fase_2027, stuur_client):
    page = stuur_client.get(reverse("kosten:verrekening", args=["MLW"])).content.decode()
    assert re.findall(r"<h2>(\d{4})</h2>", page) == ["2016", "2017", "2018", "2027"]
    assert GAP_NOTE in page


def test_the_dashboard_names_the_period_and_charts_only_years_with_costs(fase_2027, stuur_client):
    page = stuur_client.get(reverse("dashboard", args=["MLW"])).content.decode()
    assert "Kosten 2016–2018 en 2027" in page
    svg = page[page.index("<svg", page.index('id="blok-kosten"')) :]
    svg = svg[: svg.index("</svg>")]
    groups = re.findall(r'font-size="[\d.]+" fill="#1d2430" text-anchor="middle">(\d{4})<', svg)
    assert groups == ["2016", "2017", "2018", "2027"]


def test_the_engine_lists_years_of_fasen_with_a_filled_cell():
    from kosten.verdeling import jaren_text, onderbrekingen

    fasen = [
        FaseData(1, "Fase 1", date(2016, 9, 1), date(2017, 3, 31)),
        FaseData(2, "Fase 2", date(2020, 1, 1), date(2020, 6, 30)),
        FaseData(3, "Fase 3", date(2027, 1, 1), date(2027, 12, 31)),
    ]
    rol = RolData(1, "Beleid", "vast", bezetting={1: Decimal(100), 3: Decimal(50)})
    # Fase 2 has no filled cell: 2020 has no costs and is not listed either.
    assert FormatieData(fasen, [rol]).jaren == [2016, 2017, 2027]
    assert onderbrekingen([2016, 2017, 2027]) == [(2018, 2026)]
    assert jaren_text([2016, 2017, 2018, 2027]) == "2016–2018 en 2027"
    assert jaren_text([2016, 2018, 2020, 2021]) == "2016, 2018 en 2020–2021"
    assert jaren_text([2016]) == "2016" and jaren_text([]) == ""
