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
    # The concept starts from the standard text with the merge fields (costs: none yet).
    assert "[datum_collegebesluit]" in user.page.get_by_label("Tekst").input_value()
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
    # The documents leave Nederweert's letterhead empty: its address for council mail first.
    user.page.get_by_label("Adres voor raadspost (straat en huisnummer of postbus)").fill(
        "Postbus 2728"
    )
    user.page.get_by_label("Postcode (raadspost)").fill("6030 AA")
    user.page.get_by_label("Plaats (raadspost)").fill("Nederweert")
    user.submit("Opslaan")

    user.visit("/samenwerkingsverbanden/MLW/brieven/")
    user.follow("Nieuwe brief")
    user.page.get_by_label("Gemeente").select_option(label=GEMEENTE)
    user.submit("Brief opstellen")
    user.page.get_by_label("Onderwerp").fill(ONDERWERP)
    user.page.get_by_label("Datum collegebesluit").fill("2026-03-03")
    user.submit("Opslaan")
    assert "Vul de naam van de burgemeester in" in user.text()
    user.follow("Bewerken")
    user.page.get_by_label("Naam burgemeester").fill("B. Burgemeester")
    user.page.get_by_label("Naam gemeentesecretaris").fill("S. Secretaris")
    user.submit("Opslaan")
    assert "Nog in te vullen" not in user.text()
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
    assert "Postbus 2728 6030 AA NEDERWEERT" in " ".join(pdf_text(pdf).split())
    user.screenshot("brief-verzonden")
    user.assert_clean()


def test_the_letter_of_2016_is_there_and_a_new_letter_is_checked_as_typed(browse):
    """The official reads the real letter of Weert of 30 August 2016, then drafts a letter for
    Nederweert dated in 2016, types fields as people do, and sees what is wrong and what prints."""
    user = browse()
    user.log_in("regie")
    user.follow(SV)
    user.follow("Raadsinformatiebrieven")
    rij = user.page.locator("tr", has_text="Samenwerking sociaal domein Midden-Limburg West")
    assert " ".join(rij.inner_text().split()).startswith("Weert Samenwerking sociaal domein")
    assert "30-08-2016" in rij.inner_text() and "00:00" not in rij.inner_text()
    user.follow("Samenwerking sociaal domein Midden-Limburg West")
    page = user.text()
    assert "Verzonden op 30 augustus 2016" in page
    letter = " ".join(user.page.locator("article.brief").inner_text().split())
    for words in [
        "Wilhelminasingel 101",
        "Weert, 30 augustus 2016",
        "Samenwerken loont",
        "Lokale autonomie blijft",
        "Ingangsdatum 1 september 2016",
        "via de TILS-lijst",
        "M.H.F. Knaapen",
        "A.A.M.M. Heijmans",
    ]:
        assert words in letter, words
    assert user.page.get_by_role("link", name="Bewerken").count() == 0
    user.screenshot("brief-weert-2016")

    user.follow("← Raadsinformatiebrieven")
    user.follow("Nieuwe brief")
    user.page.get_by_label("Gemeente").select_option(label=GEMEENTE)
    user.submit("Brief opstellen")
    # The browser's own date picker (its order of day and month follows the system's locale).
    user.page.get_by_label("Datum", exact=True).fill("2016-09-15")
    user.page.get_by_label("Datum collegebesluit").fill("2016-08-30")
    tekst = user.page.get_by_label("Tekst")
    tekst.focus()
    user.page.keyboard.press("Control+End")
    user.page.keyboard.type("\n\nDe raad van [Gemeente] krijgt het persbericht [ zie bijlage ].")
    user.submit("Opslaan")
    page = user.text()
    assert "Onbekende velden: [Gemeente] (bedoelt u [gemeente]?), [ zie bijlage ]." in page
    assert "Een rechte haak als gewone tekst typt u dubbel: [[ of ]]." in page
    user.screenshot("brief-veld-geweigerd")

    waarde = tekst.input_value()
    tekst.fill(
        waarde.replace("[Gemeente]", "[gemeente]").replace("[ zie bijlage ]", "([[bijlage]])")
    )
    user.submit("Opslaan")
    assert "Brief opgesteld als concept." in user.text()
    letter = " ".join(user.page.locator("article.brief").inner_text().split())
    assert "In onze vergadering van 30 augustus 2016 hebben wij" in letter
    assert "Het eerstvolgende herijkingsmoment is 1 januari 2019." in letter
    assert "De raad van Nederweert krijgt het persbericht ([bijlage])." in letter
    assert "[gemeente]" not in letter
    user.screenshot("brief-nederweert-2016")

    text = pdf_text(user.download("PDF"))
    assert "Het eerstvolgende herijkingsmoment is 1 januari 2019." in text
    assert "In onze vergadering van 30 augustus 2016" in text
    user.assert_clean()
