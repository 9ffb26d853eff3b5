"""A Dutch official types the werkelijke kosten of 2017 the way she writes amounts (73.000,50
and 0,5), fixes an English 1.5, reads a file from the financial administration, and the
stuurgroep reads the year; on a desktop and on a phone (390 px)."""

import pytest

from .browser import SCREENSHOTS  # noqa: F401  (screenshots land there)

pytestmark = pytest.mark.e2e

KOSTEN = "/samenwerkingsverbanden/MLW/kosten/"


def cell(user, label: str, rol: str):
    return user.page.get_by_label(f"{label} {rol}", exact=True)


def row_text(user, rol: str) -> str:
    row = user.page.locator("table.realisatie tbody tr").filter(has_text=rol).first
    return " | ".join(c.strip() for c in row.locator("td").all_inner_texts())


def test_regiegroep_types_and_imports_werkelijke_kosten(browse, tmp_path):
    user = browse()
    user.log_in("regie")
    user.open(KOSTEN)
    user.follow("Werkelijke kosten")
    user.follow("2017")
    assert user.page.get_by_role("heading", level=1).inner_text().endswith("2017")
    cell(user, "Werkelijke kosten (€)", "Contractmanagement").fill("73.000,50")
    cell(user, "Werkelijke kosten (€)", "Informatie analyse").fill("1.5")
    user.submit("Opslaan voor 2017")
    assert "Niets opgeslagen voor 2017: verbeter de gemarkeerde cellen." in user.text()
    assert '"1.5" is niet eenduidig. Schrijf 1,5' in user.text()
    user.screenshot("realisatie-fout")
    cell(user, "Werkelijke kosten (€)", "Informatie analyse").fill("0,5")
    cell(user, "Gedragen door", "Informatie analyse").select_option(label="Leudal")
    cell(user, "Toelichting", "Contractmanagement").fill("Extra inhuur in het najaar")
    user.submit("Opslaan voor 2017")
    assert "Opgeslagen: werkelijke kosten 2017: 2 nieuw." in user.text()
    assert cell(user, "Werkelijke kosten (€)", "Contractmanagement").input_value() == "73.000,50"
    assert cell(user, "Werkelijke kosten (€)", "Informatie analyse").input_value() == "0,50"
    assert "2 van de 8 rollen hebben werkelijke kosten over 2017." in user.text()
    user.screenshot("realisatie-2017")

    csv = tmp_path / "grootboek.csv"
    csv.write_text(
        'jaar;rol;bedrag;toelichting\n2017;Beleid Wmo;"31.200";Volgens plan\n'
        "2017;Beleid Jeugd;12.500,25;Vacature\n",
        encoding="utf-8",
    )
    bad = tmp_path / "fout.csv"
    bad.write_text("jaar;rol;bedrag\n2017;Beleid Wmoo;31,200.00\n", encoding="utf-8")
    user.follow("Bestand inlezen")
    user.page.get_by_label("Bestand (.xlsx of .csv)").set_input_files(str(bad))
    user.submit("Inlezen")
    assert "2 fouten in het bestand; er is niets ingelezen" in user.text()
    assert 'rij 2, kolom B "rol": "Beleid Wmoo" is geen rol van MLW. Bedoelt u Beleid Wmo?' in (
        user.text()
    )
    assert 'rij 2, kolom C "bedrag": "31,200.00" is Engelse notatie. Schrijf 31.200,00' in (
        user.text()
    )
    user.screenshot("realisatie-inlezen-fout")
    user.page.get_by_label("Bestand (.xlsx of .csv)").set_input_files(str(csv))
    user.submit("Inlezen")
    assert "Ingelezen: werkelijke kosten over 2017: 2 nieuw, 0 vervangen" in user.text()
    assert "12.500,25" in cell(user, "Werkelijke kosten (€)", "Beleid Jeugd").input_value()

    user.page.set_viewport_size({"width": 390, "height": 844})
    user.page.reload()
    user.check()
    user.screenshot("realisatie-telefoon")
    user.assert_clean()


def test_stuurgroep_reads_the_year(browse):
    user = browse()
    user.log_in("regie")
    user.open(KOSTEN + "realisatie/?jaar=2017")
    cell(user, "Werkelijke kosten (€)", "Contractmanagement").fill("€ 73.000,50")
    user.submit("Opslaan voor 2017")
    reader = browse()
    reader.log_in("stuur")
    reader.open(KOSTEN + "realisatie/?jaar=2017")
    text = row_text(reader, "Contractmanagement")
    assert "73.000,50" in text
    assert reader.page.get_by_role("button", name="Opslaan voor 2017").count() == 0
    reader.screenshot("realisatie-stuurgroep")
    reader.page.emulate_media(media="print")
    assert not reader.page.get_by_role("button", name="Toon").is_visible()  # no form on paper
    reader.screenshot("realisatie-afdruk")
    reader.page.emulate_media(media="screen")
    reader.assert_clean()
