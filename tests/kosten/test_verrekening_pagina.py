from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from partijen.models import Gemeente, Samenwerkingsverband
from tests.pdfs import pdf_text

pytestmark = pytest.mark.django_db


def verrekening_url():
    return reverse("kosten:verrekening", args=["MLW"])


def test_without_penvoerder_the_hired_roles_are_listed_as_not_assigned(demo, stuur_client):
    page = stuur_client.get(verrekening_url()).content.decode()
    assert "Penvoerder: <strong>nog niet gekozen</strong>" in page
    assert "Nog niet toegewezen" in page
    assert "Informatie analyse: € 59.280" in page
    assert "Inkoop 2018 (projectbasis): € 11.429" in page


def test_with_penvoerder_weert_the_page_settles_every_year(demo, stuur_client):
    sv = Samenwerkingsverband.objects.get(afkorting="MLW")
    sv.penvoerder = Gemeente.objects.get(naam="Weert")
    sv.save()
    page = stuur_client.get(verrekening_url()).content.decode()
    # 2016: Weert bears 41.550 + 31.200 + 31.200 + 59.280 + 25.272 + 11.429 = 199.931,
    # its share is 108.231: saldo 91.700. Leudal bears 13.850 + 11.700 = 25.550 against 81.173.
    assert "91.700" in page and "-55.623" in page
    assert "Leudal betaalt Weert € 55.623" in page
    assert "Nederweert betaalt Weert € 36.078" in page
    assert "Het afrondingsverschil van € 1 in 2016" in page


def test_the_page_and_its_pdf_say_they_settle_the_budgeted_costs(demo, stuur_client):
    """The verrekening settles the kostenverdeling's (begrote) costs; the actual ones are the
    nacalculatie's: the page and the PDF say so, never 'de werkelijke kosten'."""
    page = stuur_client.get(verrekening_url()).content.decode()
    assert "draagt eerst de begrote kosten van de rollen die zij levert" in page
    assert "De werkelijke kosten verrekent na afloop van het jaar de nacalculatie." in page
    assert "draagt eerst de werkelijke kosten" not in page
    text = pdf_text(stuur_client.get(verrekening_url(), {"download": "pdf"}).content)
    assert "draagt eerst de begrote kosten" in text and "de nacalculatie" in text


def test_verrekening_command_prints_csv(demo):
    out = StringIO()
    call_command("verrekening", "MLW", "--format", "csv", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0] == "jaar,gemeente,gedragen,aandeel,saldo"
    assert "2016,Leudal,25550,81173,-55623" in lines
    assert len(lines) == 1 + 3 * 3


def test_verrekening_page_query_count_is_flat(demo, stuur_client, django_assert_max_num_queries):
    from tests.kosten.test_kostenverdeling import add_rollen

    with django_assert_max_num_queries(30) as few:
        stuur_client.get(verrekening_url())
    add_rollen(Samenwerkingsverband.objects.get(afkorting="MLW"), 40)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert stuur_client.get(verrekening_url()).status_code == 200
