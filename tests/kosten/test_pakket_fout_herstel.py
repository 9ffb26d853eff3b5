"""Review of issue 20: when a pluspakket stops the kostenverdeling, the page says what to do and
links to the pakket's form (the regiegroep fixes it there), on the cost page, the formation page
and the dashboard alike."""

import io
from datetime import date

import pytest
from django.urls import reverse
from pypdf import PdfReader

from formatie.constants import Pakketverdeling
from formatie.models import Rol
from kosten.constants import Verdeelmethode
from kosten.models import Verdeelsleutel
from scenarios.maak import maak_scenario

from .test_kostenverdeling import kostenverdeling_url
from .test_pakketten_kosten import met_wmo_module

pytestmark = pytest.mark.django_db


def test_a_year_without_deelnemers_says_what_to_do_and_links_the_pakket(demo, regie_client):
    pakket = met_wmo_module()
    pakket.deelnames.update(vanaf_jaar=2017)
    edit = reverse("formatie:pakket-update", args=["MLW", pakket.pk])
    for url in (
        kostenverdeling_url(),
        reverse("formatie:bezetting", args=["MLW"]),
        "/samenwerkingsverbanden/MLW/dashboard/",
    ):
        page = regie_client.get(url).content.decode()
        assert (
            "Pakket Wmo-module heeft kosten in 2016 maar geen deelnemers. Geef het pakket "
            "deelnemers voor 2016, of zet de rollen ervan in een ander pakket."
        ) in page
        assert f'<a href="{edit}">Pakket bewerken</a>' in page


def test_a_missing_inwonertal_says_where_to_record_it(demo, regie_client):
    pakket = met_wmo_module()
    pakket.verdeling = Pakketverdeling.INWONERS
    pakket.peildatum = date(2017, 1, 1)
    pakket.save()
    page = regie_client.get(kostenverdeling_url()).content.decode()
    assert (
        "Pakket Wmo-module: geen inwonertal op of vóór 01-01-2017 voor Leudal, Weert. Leg het "
        "inwonertal vast bij de gemeente, of geef het pakket een andere peildatum."
    ) in page
    scenario = maak_scenario(pakket.samenwerkingsverband, "SCN", "Proef")
    page = regie_client.get(kostenverdeling_url("SCN")).content.decode()
    edit = reverse("formatie:pakket-update", args=["SCN", scenario.pakketten.get().pk])
    assert "Leg het inwonertal vast op de pagina van het scenario" in page
    assert f'<a href="{edit}">Pakket bewerken</a>' in page


def test_a_key_without_inwonertallen_says_where_to_record_them(demo, regie_client):
    sleutel = Verdeelsleutel.objects.get()
    sleutel.methode = Verdeelmethode.INWONERTAL
    sleutel.peildatum = date(2024, 1, 1)
    sleutel.save()
    page = regie_client.get(kostenverdeling_url()).content.decode()
    assert "Vanaf 2016</strong>: naar inwonertal op 01-01-2024." in page
    assert (
        "Geen inwonertal op of vóór 01-01-2024 voor Leudal, Nederweert, Weert. Leg het "
        "inwonertal vast bij de gemeente, of geef de verdeelsleutel een andere peildatum."
    ) in page
    assert f'<a href="{reverse("gemeenten:gemeente-list")}">Naar de gemeenten</a>' in page
    maak_scenario(sleutel.samenwerkingsverband, "SCN", "Proef")
    page = regie_client.get(kostenverdeling_url("SCN")).content.decode()
    assert "Leg het inwonertal vast op de pagina van het scenario" in page
    edit = reverse("scenarios:scenario-update", args=["SCN"])
    assert f'<a href="{edit}">Inwonertallen van het scenario invullen</a>' in page


def test_pdf_keeps_each_years_pakket_table_on_one_page(demo, regie_client):
    """Printed, a year's table per pakket starts and ends on one page (header, rows, totals
    and the line on who takes part), not a header with one row at the foot of a page."""
    met_wmo_module()
    Rol.objects.filter(naam="Ondersteuning algemeen").update(
        opmerking="x " * 249
    )  # the field holds 500
    pdf = regie_client.get(kostenverdeling_url() + "?download=pdf").content
    pages = [" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(pdf)).pages]
    kop = "Gemeente Basispakket Wmo-module Totaal"
    assert sum(p.count(kop) for p in pages) == 3
    for page in pages:
        assert page.count(kop) == page.count("Wmo-module: "), page
