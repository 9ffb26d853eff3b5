"""A member of the stuurgroep reads the record of the gremia: the 2016 stuurgroep ended when
the 2021 one took over, who sits in the current one and in which function, the 2013 structure
with its haltermodel, and the decisions the documents report, the undated one last."""

import pytest

pytestmark = pytest.mark.e2e

SV = "Sociaal Domein Midden-Limburg West"
GOV = "/samenwerkingsverbanden/MLW/governance"


def test_stuurgroep_reads_the_history_of_the_gremia(browse):
    user = browse()
    user.log_in("stuur")
    user.follow(SV)
    user.follow("Governance")
    user.open(f"{GOV}/")
    row = user.page.get_by_role("row").filter(has_text="Stuurgroep Sociaal Domein Midden-Limburg")
    assert "ingesteld per 1-9-2016, opgeheven vóór 5-7-2021" in row.inner_text()
    user.screenshot("gremia-met-data")

    user.follow("Stuurgroep Sociaal Domein Midden-Limburg West")
    text = user.text()
    assert "Bestaat niet meer: ingesteld per 1-9-2016, opgeheven vóór 5-7-2021" in text
    assert "R.A.M. Verheul" in text and "Wie lid was zolang het gremium bestond." in text
    user.screenshot("stuurgroep-2016")

    user.open(f"{GOV}/")
    user.follow("Stuurgroep (programmaorganisatie 2021)")
    text = user.text()
    assert "Nu 6 leden" in text
    row = user.page.get_by_role("row").filter(has_text="Leon Jeurninck")
    assert "Ambtelijk opdrachtgever" in row.inner_text() and "ja" in row.inner_text()
    row = user.page.get_by_role("row").filter(has_text="Carla Dieteren")
    assert "Portefeuillehouder Nederweert" in row.inner_text()
    user.screenshot("stuurgroep-2021")

    user.open(f"{GOV}/organogram/?periode=2013")
    text = user.text()
    assert "Haltermodel Midden-Limburg (2013)" in text
    oost = user.page.get_by_role("row").filter(has_text="Midden-Limburg Oost")
    assert "Roermond, Roerdalen, Maasgouw en Echt-Susteren" in oost.inner_text()
    assert "133.000" in oost.inner_text()
    assert "Regiegroep sociale domein ML-West: tot 1-1-2015" in text
    assert "Bestuurlijke regiegroep" in user.page.locator("figure.organogram").inner_html()
    user.screenshot("organogram-2013")

    user.open(f"{GOV}/besluiten/")
    text = user.text()
    assert text.index("vóór 5-7-2021") < text.index("31-8-2016") < text.index("30-8-2016")
    assert text.index("30-8-2016") < text.index("datum onbekend")
    assert "Volgens de stukken" in text
    user.screenshot("besluitenlijst-data")
    user.assert_clean()


def test_regiegroep_records_a_decision_of_unknown_date_from_a_document(browse):
    tekst = "Ingestemd met de notitie over de bemensing van de werkgroepen."
    user = browse()
    user.log_in("regie")
    user.open(f"{GOV}/besluiten/")
    user.follow("Nieuw besluit")
    form = user.page
    form.get_by_label("Gremium").select_option(label="Regioteam (2021)")
    form.get_by_label("Route").select_option(label="Volgens de stukken")
    form.get_by_role("textbox", name="Besluit", exact=True).fill(tekst)
    form.get_by_label("Uitkomst").select_option(label="Aangenomen")
    form.get_by_label("Datum", exact=True).fill("")
    # No date, no source: both asked for, in Dutch, and nothing saved.
    user.submit("Opslaan")
    text = user.text()
    assert "Vul een datum in, of kies 'datum onbekend' als nauwkeurigheid." in text
    user.screenshot("besluit-zonder-datum")
    form.get_by_label("Nauwkeurigheid van de datum").select_option(label="datum onbekend")
    user.submit("Opslaan")
    assert "Noem het stuk waarin dit besluit staat." in user.text()
    form.get_by_label("Bron").fill("Verslag regioteam, zonder datum")
    user.submit("Opslaan")
    assert "Aangemaakt." in user.text()
    user.open(f"{GOV}/besluiten/")
    # After every dated decision, with the other one of unknown date (by gremium).
    rows = user.page.get_by_role("row").all_inner_texts()
    assert all(r.startswith("datum onbekend") for r in rows[-2:])
    assert tekst in rows[-2] and "Bron: Verslag regioteam, zonder datum" in rows[-2]
    user.assert_clean()
