"""The regiegroep reads the nacalculatie of MLW on actual costs, records a voorschotregeling
(typing the years as an official does) and reads the jaarrekening of 2016, on a desktop and on
a phone; the CSV and the PDFs follow the page."""

from decimal import Decimal

import pytest

from kosten.models import Realisatie
from partijen.models import Gemeente, Samenwerkingsverband
from tests.kosten.test_nacalculatie_command import realisatie_gelijk_aan_plan
from tests.pdfs import page_images, pdf_text

from .browser import SCREENSHOTS

pytestmark = pytest.mark.e2e

SV = "Sociaal Domein Midden-Limburg West"


def test_nacalculatie_voorschotten_and_jaarrekening(browse):
    sv = Samenwerkingsverband.objects.get(afkorting="MLW")
    sv.penvoerder = Gemeente.objects.get(naam="Weert")
    sv.save()
    realisatie_gelijk_aan_plan(sv, zonder={("Informatie analyse", 2017)})
    Realisatie.objects.filter(jaar=2016, rol__naam="Contractmanagement").update(
        bedrag=Decimal("42050.50"), toelichting="Inwerken nieuwe contractmanager"
    )

    user = browse()
    user.log_in("regie")
    user.follow(SV)
    user.follow("Verrekening")
    user.follow("Nacalculatie")
    text = user.text()
    assert "42.051" in text and "Inwerken nieuwe contractmanager" in text  # 42.050,50 half-up
    assert "2017 is nog niet compleet." in text
    assert "Leudal betaalt Weert € 55.803" in text  # 55.623 + 36% of 501 rounded
    user.screenshot("nacalculatie")
    user.page.set_viewport_size({"width": 390, "height": 844})
    user.screenshot("nacalculatie-telefoon")
    width = user.page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 390, f"de nacalculatie is {width} px breed op een telefoon"
    user.page.set_viewport_size({"width": 1280, "height": 900})
    csv = user.download("CSV per gemeente").decode()
    assert csv.splitlines()[0] == (
        "jaar,gemeente,aandeel_begroot,aandeel_werkelijk,verschil,gedragen,saldo"
    )
    pdf = user.download("PDF")
    assert "Leudal betaalt Weert € 55.803" in pdf_text(pdf)
    for number, image in enumerate(page_images(pdf, dpi=60), start=1):
        image.save(SCREENSHOTS / f"nacalculatie-pdf-{number}.png")

    user.follow("Voorschotten")
    assert "Er is nog geen voorschotregeling" in user.text()
    user.follow("Nieuwe voorschotregeling")
    user.page.get_by_label("Ontvanger").select_option(label="Weert")
    user.page.get_by_label("Vanaf jaar").fill("2016")
    user.page.get_by_label("Tot en met jaar").fill("2018")
    user.screenshot("voorschotregeling-formulier")
    user.submit("Opslaan")
    text = user.text()
    assert "Voorschotregeling opgeslagen." in text
    assert "Voorschotregeling 2016–2018: alle kosten" in text
    assert "Weert betaalt € 240 bij" in text  # 48% of the 501 more (240,48)
    user.screenshot("voorschotten")
    user.page.set_viewport_size({"width": 390, "height": 844})
    user.screenshot("voorschotten-telefoon")
    user.page.set_viewport_size({"width": 1280, "height": 900})

    user.follow("← Nacalculatie")
    user.follow("2016")
    text = user.text()
    assert "Contractmanagement: € 501 meer dan begroot" in text
    assert "Inwerken nieuwe contractmanager" in text
    user.screenshot("jaarrekening-2016")
    user.page.set_viewport_size({"width": 390, "height": 844})
    user.screenshot("jaarrekening-2016-telefoon")
    width = user.page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 390, f"de pagina is {width} px breed op een telefoon"
    pdf = user.download("PDF")
    assert "Weert betaalt € 240 bij" in pdf_text(pdf)
    for number, image in enumerate(page_images(pdf, dpi=60), start=1):
        image.save(SCREENSHOTS / f"jaarrekening-pdf-{number}.png")
    user.assert_clean()
