"""The regiegroep gives Weert a logo (a script-carrying SVG is refused first), sees Weert's
letterhead on its page, and prints a letter that carries it: the gemeente's letter, with its
signatories, as the page shows it."""

import io

import pytest
from django.urls import reverse
from PIL import Image

from partijen.models import Gemeente
from tests.pdfs import pdf_text

pytestmark = pytest.mark.e2e

HOSTILE = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>'


def logo_png() -> bytes:
    image = Image.new("RGB", (240, 80), (0, 51, 102))
    image.paste((255, 204, 0), (20, 20, 60, 60))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def test_regiegroep_uploads_a_logo_and_prints_weerts_letter(browse, tmp_path):
    hostile, logo = tmp_path / "weert.svg", tmp_path / "weert.png"
    hostile.write_bytes(HOSTILE)
    logo.write_bytes(logo_png())

    user = browse()
    user.log_in("regie")
    user.follow("Gemeenten")
    user.follow("Weert")
    text = user.text()
    assert "Adres voor raadspost" in text
    assert "Wilhelminasingel 101" in text
    assert "A.A.M.M. Heijmans" in text and "M.H.F. Knaapen" in text

    user.follow("Bewerken")
    user.page.get_by_label("Logo op het briefhoofd").set_input_files(str(hostile))
    user.submit("Opslaan")
    assert "Niet opgeslagen" in user.text()
    assert "Dit logo is geweigerd: weert.svg: het bevat een gebeurtenis-attribuut (onload)." in (
        user.text()
    )
    user.screenshot("briefhoofd-geweigerd")
    user.page.get_by_label("Logo op het briefhoofd").set_input_files(str(logo))
    user.submit("Opslaan")
    assert "Opgeslagen." in user.text()
    image = user.page.get_by_role("img", name="Logo van de gemeente Weert")
    assert image.evaluate("img => img.complete && img.naturalWidth") == 240
    user.screenshot("briefhoofd-gemeente")

    user.open(reverse("brieven:brief-create", args=["MLW"]))
    user.page.get_by_label("Gemeente").select_option(label="Weert")
    user.submit("Brief opstellen")
    user.page.get_by_label("Onderwerp").fill("Samenwerking sociaal domein Midden-Limburg West")
    tekst = user.page.get_by_label("Tekst")
    tekst.fill("Een inleiding.\n\n# Samenwerken loont\n\nDeze samenwerking loont.")
    user.submit("Opslaan")
    letter = user.page.locator("article.brief")
    shown = " ".join(letter.inner_text().split())
    assert "Gemeente Weert" in shown
    assert "Aan de gemeenteraad van de gemeente Weert Wilhelminasingel 101 6001 GS WEERT" in shown
    assert "Samenwerken loont" in shown and "# Samenwerken" not in shown
    assert "burgemeester en wethouders," in shown
    assert letter.get_by_role("img").evaluate("img => img.naturalWidth") == 240
    assert letter.get_by_role("heading", name="Samenwerken loont").is_visible()
    user.screenshot("briefhoofd-brief")

    pdf = user.download("PDF")
    (tmp_path / "brief.pdf").write_bytes(pdf)
    printed = pdf_text(pdf)
    for part in (
        "Gemeente Weert",
        "Aan de gemeenteraad van de gemeente Weert Wilhelminasingel 101 6001 GS WEERT",
        "Onderwerp Samenwerking sociaal domein Midden-Limburg West",
        "Een inleiding. Samenwerken loont Deze samenwerking loont.",
        "burgemeester en wethouders, M.H.F. Knaapen gemeentesecretaris A.A.M.M. Heijmans "
        "burgemeester",
    ):
        assert part in printed
    assert "Regiekamer" not in printed
    assert Gemeente.objects.get(naam="Weert").logo_bestandsnaam == "weert.png"
    user.assert_clean()
