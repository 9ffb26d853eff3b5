"""Every PDF report from the demo data, through the command and through its page's button."""

import io
from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from governance.models import Besluit, Gremium
from kosten.gegevens import load_kostenverdeling
from kosten.verrekening import calculate_verrekening
from partijen.models import Samenwerkingsverband
from programma.models import Programmaplan
from programma.voortgang import draft_report, freeze_report
from regiekamer.opmaak import format_euro
from tests.pdfs import assert_pages_have_content, pdf_info, pdf_text

pytestmark = pytest.mark.django_db
A4_PORTRAIT, A4_LANDSCAPE = [595.28, 841.89], [841.89, 595.28]


def command_pdf(tmp_path, *args) -> bytes:
    target = tmp_path / "rapport.pdf"
    call_command("rapport", *args, "-o", str(target), stdout=io.StringIO())
    return target.read_bytes()


def check_document(pdf: bytes, title: str, size) -> str:
    info = pdf_info(pdf)
    assert (info["title"], info["lang"], info["tagged"]) == (title, "nl", True)
    assert info["size"] == pytest.approx(size, abs=0.1)
    assert_pages_have_content(pdf)
    text = pdf_text(pdf)
    assert f"pagina 1 van {info['pages']}" in text
    return text


def mlw():
    return Samenwerkingsverband.objects.get(afkorting="MLW")


def test_bezetting(demo, tmp_path, regie_client):
    pdf = command_pdf(tmp_path, "bezetting", "MLW")
    text = check_document(pdf, f"Bezettingsoverzicht {mlw().naam}", A4_LANDSCAPE)
    assert "Subtotaal 3,5 5 5,5 3,5" in text and "Subtotaal structureel" not in text
    assert "De structurele formatie is de basisformatie: 4,1 fte." in text
    assert "Totaal 4,1 6,1 6,1 4,1" in text
    assert "Inkoop 2018 (projectbasis)" in text and "20.000 80.000" in text
    button = regie_client.get(reverse("formatie:bezetting", args=["MLW"]), {"download": "pdf"})
    assert "Totaal 4,1 6,1 6,1 4,1" in pdf_text(button.content)


def test_verrekening(demo, tmp_path, regie_client):
    text = check_document(
        command_pdf(tmp_path, "verrekening", "MLW"),
        f"Onderlinge verrekening {mlw().naam}",
        A4_PORTRAIT,
    )
    first = calculate_verrekening(load_kostenverdeling(mlw()), None)[0]
    row = [first.gedragen["Leudal"], first.aandeel["Leudal"], first.saldo["Leudal"]]
    assert "Leudal " + " ".join(format_euro(v) for v in row) in text
    assert format_euro(first.aandeel["Leudal"]) == "81.173"
    assert "nog geen penvoerder" in text
    button = regie_client.get(reverse("kosten:verrekening", args=["MLW"]), {"download": "pdf"})
    assert "Leudal " + " ".join(format_euro(v) for v in row) in pdf_text(button.content)


def test_voortgang_without_a_report_prints_the_planning_and_says_so(demo, tmp_path):
    text = check_document(
        command_pdf(tmp_path, "voortgang", "MLW"),
        "Voortgang Programmaplan sociaal domein MLW 2021-2024 (Jeugd/Wmo)",
        A4_LANDSCAPE,
    )
    assert "Nog geen voortgangsrapportage" in text
    assert "2.1 stap 1" in text and "Harmonisatie ICT-infrastructuur" in text


def test_voortgang_prints_the_latest_sent_report_with_its_colours(demo, tmp_path, regie_client):
    plan = Programmaplan.objects.get()
    report = draft_report(plan, date(2021, 10, 31), "september–oktober 2021")
    row = report.regels.get(opdracht__thema__nummer=1, opdracht__nummer=4)
    row.uitvoering, row.kleurstatus, row.toelichting = "lopend", "probleem", "Advies loopt uit."
    row.save()
    freeze_report(report, None)
    draft_report(plan, date(2021, 12, 31), "november–december 2021")  # a newer concept

    text = check_document(
        command_pdf(tmp_path, "voortgang", "MLW"),
        "Voortgangsrapportage september–oktober 2021",
        A4_LANDSCAPE,
    )
    assert "1.4 Juridisch construct samenwerking 01-09-2021 01-04-2022 — Probleem" in text
    assert "Advies loopt uit." in text
    concept = pdf_text(
        command_pdf(tmp_path, "voortgang", "MLW", "--periode", "november–december 2021")
    )
    assert "Concept." in concept
    with pytest.raises(CommandError, match="Geen voortgangsrapportage over 'mei 2030'"):
        command_pdf(tmp_path, "voortgang", "MLW", "--periode", "mei 2030")
    button = regie_client.get(report.get_absolute_url(), {"download": "pdf"})
    assert "Advies loopt uit." in pdf_text(button.content)


def test_besluitenlijst_of_a_gremium_over_a_year(demo, tmp_path, regie_client):
    stuurgroep = Gremium.objects.get(naam__startswith="Stuurgroep Sociaal Domein", periode="2016")
    other = Gremium.objects.get(naam="Regioteam")
    for datum, tekst, gremium in [
        (date(2026, 3, 1), "Evaluatie convenant vastgesteld.", stuurgroep),
        (date(2026, 9, 1), "Kwartiermaker aangewezen.", stuurgroep),
        (date(2025, 9, 1), "Oud besluit.", stuurgroep),
        (date(2026, 5, 1), "Besluit van het regioteam.", other),
    ]:
        Besluit.objects.create(
            gremium=gremium, datum=datum, tekst=tekst, uitkomst="aangenomen", route="schriftelijk"
        )
    pdf = command_pdf(
        tmp_path, "besluitenlijst", "MLW", "--gremium", stuurgroep.naam, "--jaar", "2026"
    )
    text = check_document(pdf, f"Besluitenlijst {stuurgroep.naam}", A4_PORTRAIT)
    assert "2 besluiten" in text
    assert "1-3-2026 Evaluatie convenant vastgesteld." in text
    assert "Oud besluit" not in text and "regioteam" not in text
    assert "vanaf 1-1-2026 tot en met 31-12-2026" in text
    assert "gegevens van " in text  # the footer dates the data

    # The button prints the list page's selection.
    url = reverse("governance:besluit-list", args=["MLW"])
    button = regie_client.get(
        url, {"gremium": stuurgroep.pk, "vanaf": "2026-01-01", "download": "pdf"}
    )
    assert button["Content-Type"] == "application/pdf"
    assert "2 besluiten" in pdf_text(button.content)
    with pytest.raises(CommandError, match="Geen gremium 'Onbekend'"):
        command_pdf(tmp_path, "besluitenlijst", "MLW", "--gremium", "Onbekend")


def test_convenant_as_a_document(demo, tmp_path, stuur_client):
    from convenant.document import current_convenant

    convenant = current_convenant(mlw())  # the 2016 convenant, not its 2014 predecessor
    assert convenant.titel.endswith("2016")
    text = check_document(command_pdf(tmp_path, "convenant", "MLW"), convenant.titel, A4_PORTRAIT)
    assert "Overwegende:" in text and "17. In alle gevallen" in text
    for name in ("R.A.M. Verheul", "H.W.M. Geraats", "P.P.H. Sterk"):
        assert name in text
    assert "30 augustus 2016" in text
    button = stuur_client.get(convenant.get_absolute_url(), {"download": "pdf"})
    assert "17. In alle gevallen" in pdf_text(button.content)
