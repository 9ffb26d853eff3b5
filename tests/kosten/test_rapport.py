"""The cost table as a PDF for the council: the command and the button print the same figures."""

import io
from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from formatie.models import Bezetting
from kosten.gegevens import load_kostenverdeling
from partijen.models import Samenwerkingsverband
from regiekamer.opmaak import format_euro
from tests.formatie.factories import BezettingFactory, FaseFactory, RolFactory, SalarisschaalFactory
from tests.kosten.factories import VerdeelsleutelaandeelFactory, VerdeelsleutelFactory
from tests.partijen.factories import GemeenteFactory, SamenwerkingsverbandFactory
from tests.pdfs import assert_pages_have_content, pdf_info, pdf_text, text_beyond_page

from .test_kostenverdeling import BIJLAGE_1, LABELS, SUMMARY

pytestmark = pytest.mark.django_db


def command_pdf(tmp_path, *args) -> bytes:
    target = tmp_path / "rapport.pdf"
    call_command("rapport", *args, "-o", str(target), stdout=io.StringIO())
    return target.read_bytes()


@pytest.fixture(scope="module")
def rendered() -> dict:
    """What the module's tests read from the unchanged demo, made once: (pdf, text)."""
    return {}


@pytest.fixture
def mlw_pdf(demo, rendered, tmp_path) -> tuple[bytes, str]:
    """The command's PDF of the demo's kostenverdeling, and its text."""
    if "mlw" not in rendered:
        pdf = command_pdf(tmp_path, "kostenverdeling", "MLW")
        rendered["mlw"] = pdf, pdf_text(pdf)
    return rendered["mlw"]


def test_command_prints_bijlage_1_with_its_summary(mlw_pdf):
    pdf, text = mlw_pdf
    percentages = {"Leudal": "36%", "Nederweert": "16%", "Weert": "48%"}
    for gemeente, figures in SUMMARY.items():
        assert " ".join([gemeente, percentages[gemeente], *figures]) in text
    assert "Totaal (incl. afronding) 225.482 598.312 346.950 1.170.744" in text
    # Every row as Bijlage 1 prints it: the label with its parameters, then its figures.
    for rol, years in BIJLAGE_1.items():
        costs = [format_euro(y[0]) if y else "—" for y in years]
        shares = [format_euro(v) if y else "—" for y in years for v in (y[1:] if y else (0,) * 3)]
        assert " ".join([LABELS[rol], *costs, *shares]) in text, rol
    assert "Leudal 36%, Nederweert 16%, Weert 48%" in text  # the key
    assert "Bron: Bijlage 1" in text  # and its source
    assert "pagina 1 van 2" in text  # Bijlage 1 on the first page, the budget check after it
    info = pdf_info(pdf)
    assert info == {
        "title": "Kostenverdeling Sociaal Domein Midden-Limburg West",
        "lang": "nl",
        "tagged": True,
        "pages": 2,
        "size": pytest.approx([841.89, 595.28], abs=0.1),  # A4 landscape
    }
    assert_pages_have_content(pdf)


def test_button_gives_the_same_figures_as_the_engine(demo, regie_client):
    response = regie_client.get(
        reverse("kosten:kostenverdeling", args=["MLW"]), {"download": "pdf"}
    )
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="kostenverdeling-MLW.pdf"' in response["Content-Disposition"]
    text = pdf_text(response.content)
    kv = load_kostenverdeling(Samenwerkingsverband.objects.get(afkorting="MLW"))
    assert format_euro(kv.totaal) == "1.170.744"
    assert format_euro(kv.totaal) in text
    assert format_euro(kv.totaal_gemeente("Leudal")) in text


def test_the_pdf_follows_a_change_in_the_formation(demo, tmp_path):
    cell = Bezetting.objects.get(rol__naam="Beleid Wmo", fase__naam="Fase 1")
    cell.fte = 2
    cell.save()
    text = pdf_text(command_pdf(tmp_path, "kostenverdeling", "MLW"))
    assert "1.170.744" not in text
    kv = load_kostenverdeling(Samenwerkingsverband.objects.get(afkorting="MLW"))
    assert format_euro(kv.totaal) in text


def test_command_refuses_an_unknown_samenwerkingsverband(demo, tmp_path):
    with pytest.raises(CommandError, match="Geen samenwerkingsverband met afkorting 'XYZ'"):
        command_pdf(tmp_path, "kostenverdeling", "XYZ")


def nine_gemeenten_over_four_years() -> Samenwerkingsverband:
    """A samenwerkingsverband of nine gemeenten with a fase in each of 2020-2023, a rol of every
    kostensoort and a fixed key: built directly, only what the cost table needs."""
    sv = SamenwerkingsverbandFactory()
    gemeenten = [GemeenteFactory() for _ in range(9)]
    sv.gemeenten.add(*gemeenten)
    fasen = [
        FaseFactory(samenwerkingsverband=sv, begin=date(jaar, 1, 1), eind=date(jaar, 12, 31))
        for jaar in range(2020, 2024)
    ]
    SalarisschaalFactory(samenwerkingsverband=sv, schaal=11, jaar=2020)
    rollen = [
        RolFactory(samenwerkingsverband=sv),
        RolFactory(samenwerkingsverband=sv, uur=True),
        RolFactory(samenwerkingsverband=sv, vast=True),
    ]
    for rol in rollen:
        for fase in fasen:
            BezettingFactory(rol=rol, fase=fase)
    sleutel = VerdeelsleutelFactory(samenwerkingsverband=sv, vanaf_jaar=2020)
    for gemeente, percentage in zip(gemeenten, [12] + [11] * 8, strict=True):
        VerdeelsleutelaandeelFactory(
            verdeelsleutel=sleutel, gemeente=gemeente, percentage=percentage
        )
    return sv


def test_a_table_too_wide_for_the_paper_is_split_per_year(tmp_path):
    """Nine gemeenten over four years do not fit beside each other: one table per year."""
    sv = nine_gemeenten_over_four_years()
    kv = load_kostenverdeling(sv)
    assert len(kv.gemeenten) == 9 and len(kv.jaren) == 4

    pdf = command_pdf(tmp_path, "kostenverdeling", sv.afkorting)

    assert text_beyond_page(pdf) == []
    text = pdf_text(pdf)
    for jaar in kv.jaren:
        assert f"Kosten per rol en aandeel per gemeente {jaar}" in text
        shares = " ".join(format_euro(kv.aandeel(g, jaar)) for g in kv.gemeenten)
        assert f"Totaal {format_euro(kv.totaal_kosten(jaar))} {shares}" in text


def test_the_mlw_table_keeps_the_layout_of_bijlage_1(mlw_pdf):
    pdf, text = mlw_pdf
    assert text_beyond_page(pdf) == []
    assert "Kosten per rol en aandeel per gemeente 2011" not in text
