"""The regiegroep drafts a raadsinformatiebrief, edits it and prints it."""

import pytest

from kosten.gegevens import load_kostenverdeling
from partijen.models import Samenwerkingsverband
from regiekamer.opmaak import format_euro
from tests.pdfs import pdf_text

pytestmark = pytest.mark.e2e

SV = "Sociaal Domein Midden-Limburg West"
GEMEENTE = "Nederweert"
ONDERWERP = "Kosten van de regionale formatie 2016-2018"
ZIN = "Het aandeel van [gemeente] in 2018 bedraagt [aandeel_2018]."


def test_regiegroep_drafts_edits_and_prints_a_raadsinformatiebrief(browse):
    sv = Samenwerkingsverband.objects.get(afkorting="MLW")
    aandeel_2018 = format_euro(load_kostenverdeling(sv).aandeel(GEMEENTE, 2018))
    merged = f"Het aandeel van {GEMEENTE} in 2018 bedraagt € {aandeel_2018}."

    user = browse()
    user.log_in("regie")
    user.follow(SV)
    user.follow("Raadsinformatiebrieven")
    user.follow("Nieuwe brief")
    user.page.get_by_label("Gemeente").select_option(label=GEMEENTE)
    user.submit("Brief opstellen")
    # The concept starts from the standard text with the merge fields.
    assert "[aandeel_totaal]" in user.page.get_by_label("Tekst").input_value()
    user.page.get_by_label("Onderwerp").fill(ONDERWERP)
    user.submit("Opslaan")
    assert "Brief opgesteld als concept." in user.text()
    assert f"Raadsinformatiebrief aan de gemeenteraad van {GEMEENTE}" in user.text()
    assert ONDERWERP in user.text()

    user.follow("Bewerken")
    tekst = user.page.get_by_label("Tekst")
    tekst.fill(tekst.input_value() + "\n\n" + ZIN)
    user.page.get_by_label("Naam burgemeester").fill("A. Burgemeester")
    user.submit("Opslaan")
    assert "Opgeslagen." in user.text()
    # The page shows the letter as printed: the merge fields filled in.
    letter = " ".join(user.page.locator("article.brief").inner_text().split())
    assert merged in letter
    assert "A. Burgemeester" in letter

    text = pdf_text(user.download("PDF"))
    assert ONDERWERP in text
    assert merged in text
    assert "A. Burgemeester" in text
    assert "[aandeel_2018]" not in text

    user.screenshot("brieven")
    user.assert_clean()


def test_regiegroep_sends_a_letter_and_the_griffie_receives_it(browse, smtp):
    """The official fills in the griffie's address on the gemeente's page, sends the letter,
    and the tests' SMTP server receives it with the PDF; the letter's page says so."""
    user = browse()
    user.log_in("regie")
    user.follow("Gemeenten")
    user.follow(GEMEENTE)
    user.follow("Bewerken")
    user.page.get_by_label("E-mailadres voor raadspost (griffie)").fill(
        "griffie@nederweert.example"
    )
    user.submit("Opslaan")

    user.visit("/samenwerkingsverbanden/MLW/brieven/")
    user.follow("Nieuwe brief")
    user.page.get_by_label("Gemeente").select_option(label=GEMEENTE)
    user.submit("Brief opstellen")
    user.page.get_by_label("Onderwerp").fill(ONDERWERP)
    user.submit("Opslaan")
    user.follow("Verzenden")
    assert "griffie@nederweert.example, met de brief als PDF" in user.text()
    assert "van u is geen e-mailadres bekend" in user.text()
    user.submit("Verzenden en vastleggen")
    assert "Per e-mail naar 1 griffie" in user.text()
    outbox = user.page.locator(".verzendlijst").inner_text()
    assert "griffie@nederweert.example" in outbox and "verzonden" in outbox

    (message,) = smtp.inbox.to("griffie@nederweert.example")
    assert message["Subject"] == f"Raadsinformatiebrief: {ONDERWERP}"
    (pdf,) = [part.get_payload(decode=True) for part in message.iter_attachments()]
    assert ONDERWERP in pdf_text(pdf)
    user.screenshot("brief-verzonden")
    user.assert_clean()
