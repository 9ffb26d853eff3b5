"""The jaarrekening overview per year: page and PDF."""

from decimal import Decimal

import pytest
from django.urls import reverse

from kosten.models import Realisatie, Voorschotregeling
from partijen.models import Gemeente, Samenwerkingsverband
from tests.pdfs import pdf_text

from .test_nacalculatie_command import realisatie_gelijk_aan_plan

pytestmark = pytest.mark.django_db


def url(jaar, afkorting="MLW"):
    return reverse("kosten:jaarrekening", args=[afkorting, jaar])


@pytest.fixture
def mlw(demo):
    sv = Samenwerkingsverband.objects.get(afkorting="MLW")
    sv.penvoerder = Gemeente.objects.get(naam="Weert")
    sv.save()
    realisatie_gelijk_aan_plan(sv, zonder={("Informatie analyse", 2017)})
    Realisatie.objects.filter(jaar=2016, rol__naam="Beleid Jeugd").update(
        bedrag=Decimal("32200"), toelichting="Extra inhuur bij ziekte"
    )
    Realisatie.objects.filter(jaar=2016, rol__naam="Beleid Wmo").update(bedrag=Decimal("30700"))
    Voorschotregeling.objects.create(samenwerkingsverband=sv, vanaf_jaar=2016)
    return sv


def test_the_year_with_its_differences_explained(mlw, stuur_client):
    page = stuur_client.get(url(2016)).content.decode()
    assert "Jaarrekening 2016 Sociaal Domein Midden-Limburg West" in page
    assert "<strong>Beleid Jeugd</strong>: € 1.000 meer dan begroot" in page
    assert "Extra inhuur bij ziekte" in page
    assert "<strong>Beleid Wmo</strong>: € 500 minder dan begroot" in page
    assert "Geen toelichting vastgelegd." in page
    # The summary says which way the year went, never a bare "€ -500".
    assert '<td class="num">€ 500 meer dan begroot</td>' in page
    # 500 more in total: Weert's share 240 more, and it gets the voorschot settlement too.
    assert "Weert betaalt € 240 bij" in page
    assert "Leudal betaalt Weert" in page


def test_an_incomplete_year_says_what_is_missing(mlw, stuur_client):
    page = stuur_client.get(url(2017)).content.decode()
    assert "2017 is nog niet compleet." in page and "Informatie analyse" in page
    assert "nog niet bekend" in page


def test_the_summary_says_less_and_equal_in_words(mlw, stuur_client):
    Realisatie.objects.filter(jaar=2016, rol__naam="Beleid Jeugd").update(bedrag=Decimal("30200"))
    page = stuur_client.get(url(2016)).content.decode()
    assert '<td class="num">€ 1.500 minder dan begroot</td>' in page and "€ -" not in page
    Realisatie.objects.filter(jaar=2016, rol__naam="Beleid Jeugd").update(bedrag=Decimal("31700"))
    page = stuur_client.get(url(2016)).content.decode()
    assert '<td class="num">gelijk aan de begroting</td>' in page


def test_a_year_without_costs_is_404(mlw, stuur_client):
    assert stuur_client.get(url(2030)).status_code == 404


def test_pdf(mlw, stuur_client):
    response = stuur_client.get(url(2016) + "?download=pdf")
    assert response["Content-Type"] == "application/pdf"
    assert "jaarrekening-2016-MLW.pdf" in response["Content-Disposition"]
    text = pdf_text(response.content)
    assert "Jaarrekening 2016 Sociaal Domein Midden-Limburg West" in text
    assert "Extra inhuur bij ziekte" in text
    assert "Weert betaalt € 240 bij" in text


def test_query_count_is_flat(mlw, stuur_client, django_assert_max_num_queries):
    from tests.kosten.test_kostenverdeling import add_rollen

    with django_assert_max_num_queries(35) as few:
        stuur_client.get(url(2016))
    add_rollen(mlw, 20)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert stuur_client.get(url(2016)).status_code == 200


def test_rapport_command_prints_the_jaarrekening(mlw, tmp_path):
    from django.core.management import call_command

    call_command("rapport", "jaarrekening", "MLW", "--jaar", "2016", "-o", tmp_path / "j.pdf")
    text = pdf_text((tmp_path / "j.pdf").read_bytes())
    assert "Jaarrekening 2016" in text and "Extra inhuur bij ziekte" in text
    # Without --jaar: the latest complete year (2018; 2017 lacks Informatie analyse).
    call_command("rapport", "jaarrekening", "MLW", "-o", tmp_path / "l.pdf")
    assert "Jaarrekening 2018" in pdf_text((tmp_path / "l.pdf").read_bytes())
