"""The raadsinformatiebrief prints as the gemeente's own letter: its letterhead (name, logo),
the addressee block, place and date, onderwerp and kenmerk, the body with its section headings,
the closing, "burgemeester en wethouders," and the signatories; no report header or "uit
Regiekamer" footer. The letter's page shows the same rendering as the PDF."""

import html
import io
import re
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from pypdf import PdfReader

from brieven.models import Raadsinformatiebrief
from brieven.opstellen import draft_letter, send_letter
from brieven.rapporten import raadsinformatiebrief_report
from brieven.weergave import Block, blocks
from partijen.models import Functie, Functionaris, Gemeente, Samenwerkingsverband
from regiekamer.pdf import make_pdf
from regiekamer.pdf_fetcher import StaticFilesOnly
from tests.pdfs import page_images, pdf_info, pdf_text

pytestmark = pytest.mark.django_db

TEKST = """In onze vergadering van 30 augustus 2016 hebben wij besloten tot het aangaan van het \
convenant.

# Samenwerken loont

Deze samenwerking is mede bedoeld om de individuele kwetsbaarheid van de gemeenten te \
verminderen.

# Lokale autonomie blijft

Er is gekozen voor een uitvoeringsconvenant dat rekening houdt met lokale differentiatie.

Wij hopen u hiermede voldoende geïnformeerd te hebben."""


def test_blocks_reads_headings_and_paragraphs():
    assert blocks(TEKST) == [
        Block(
            "alinea",
            "In onze vergadering van 30 augustus 2016 hebben wij besloten tot het aangaan van "
            "het convenant.",
        ),
        Block("kop", "Samenwerken loont"),
        Block(
            "alinea",
            "Deze samenwerking is mede bedoeld om de individuele kwetsbaarheid van de gemeenten "
            "te verminderen.",
        ),
        Block("kop", "Lokale autonomie blijft"),
        Block(
            "alinea",
            "Er is gekozen voor een uitvoeringsconvenant dat rekening houdt met "
            "lokale differentiatie.",
        ),
        Block("alinea", "Wij hopen u hiermede voldoende geïnformeerd te hebben."),
    ]


def test_a_line_break_inside_a_paragraph_is_kept(demo, regie_client):
    brief = weert_letter(tekst="Bijlagen:\n- persbericht\n- convenant")
    assert "<p>Bijlagen:<br>- persbericht<br>- convenant</p>" in page_letter(regie_client, brief)


def test_only_a_single_line_starting_with_hash_space_is_a_heading():
    assert blocks("# Kop\r\n\r\n#geen kop\n\n# twee\nregels\n\n   \n\n#  \n\nslot") == [
        Block("kop", "Kop"),
        Block("alinea", "#geen kop"),
        Block("alinea", "# twee\nregels"),
        Block("alinea", "#"),  # an empty heading is the text it is
        Block("alinea", "slot"),
    ]
    assert blocks("") == []


def weert_letter(**changes) -> Raadsinformatiebrief:
    sv = Samenwerkingsverband.objects.get(afkorting="MLW")
    brief = draft_letter(sv, Gemeente.objects.get(naam="Weert"))
    brief.datum = date(2016, 8, 30)
    brief.plaats = "Weert"
    brief.onderwerp = "Samenwerking sociaal domein Midden-Limburg West"
    brief.kenmerk = ""
    brief.tekst = TEKST
    brief.burgemeester = brief.gemeentesecretaris = ""
    for name, value in changes.items():
        setattr(brief, name, value)
    brief.full_clean()
    brief.save()
    return brief


def printed(brief) -> bytes:
    pdf, _ = make_pdf(
        "raadsinformatiebrief",
        raadsinformatiebrief_report,
        brief.samenwerkingsverband,
        brief=brief.pk,
    )
    return pdf


def test_the_letter_prints_as_weerts_letter_with_its_signatories(demo):
    pdf = printed(weert_letter())
    text = pdf_text(pdf)
    assert text.startswith(
        "Concept, nog niet verzonden: de bedragen zijn die van dit moment. Gemeente Weert "
        "Aan de gemeenteraad van de gemeente Weert Wilhelminasingel 101 6001 GS WEERT "
        "Weert, 30 augustus 2016 Onderwerp Samenwerking sociaal domein Midden-Limburg West "
        "Ons kenmerk Geachte leden van de gemeenteraad, In onze vergadering van 30 augustus 2016"
    )
    assert "convenant. Samenwerken loont Deze samenwerking" in text
    assert "verminderen. Lokale autonomie blijft Er is gekozen" in text
    # The names come from the letterhead (Gemeente.ondertekenaars_op) while the letter has none.
    assert (
        "Met vriendelijke groet, burgemeester en wethouders, M.H.F. Knaapen gemeentesecretaris "
        "A.A.M.M. Heijmans burgemeester" in text
    )
    assert "pagina 1 van 1" in text
    assert "Regiekamer" not in text and "Afgedrukt" not in text
    assert "Sociaal Domein Midden-Limburg West" not in text  # not the reports' header
    info = pdf_info(pdf)
    assert info["tagged"] and info["lang"] == "nl"
    assert info["title"] == "Raadsinformatiebrief gemeente Weert"


def test_the_letters_own_names_win_and_a_sent_letter_prints_as_it_was_previewed(demo):
    brief = weert_letter(burgemeester="J. Andere", gemeentesecretaris="")
    previewed = pdf_text(printed(brief))
    assert "M.H.F. Knaapen gemeentesecretaris J. Andere burgemeester" in previewed

    sent = send_letter(brief, None)
    # Weert gets a new secretaris later: the letter of 30 August 2016 is signed as it was.
    Functionaris.objects.filter(naam="M.H.F. Knaapen").update(tot=date(2020, 12, 31))
    Functionaris.objects.create(
        gemeente=sent.gemeente,
        functie=Functie.GEMEENTESECRETARIS,
        naam="N. Nieuw",
        vanaf=date(2021, 1, 1),
    )
    text = pdf_text(printed(sent))
    assert "M.H.F. Knaapen gemeentesecretaris J. Andere burgemeester" in text
    assert "N. Nieuw" not in text and "Concept" not in text
    assert text.startswith("Gemeente Weert Aan de gemeenteraad van de gemeente Weert")


def test_sending_freezes_the_letterheads_names_on_the_letter(demo):
    sent = send_letter(weert_letter(), None)
    assert (sent.gemeentesecretaris, sent.burgemeester) == ("M.H.F. Knaapen", "A.A.M.M. Heijmans")
    # A later correction of who held office then does not change the letter that was sent.
    Functionaris.objects.filter(naam="M.H.F. Knaapen").update(naam="M.H.F. Knaapen-Gecorrigeerd")
    text = pdf_text(printed(sent))
    assert "M.H.F. Knaapen gemeentesecretaris A.A.M.M. Heijmans burgemeester" in text
    assert "Gecorrigeerd" not in text


def test_a_new_draft_leaves_the_letterheads_signatories_to_the_letters_date(demo):
    sv = Samenwerkingsverband.objects.get(afkorting="MLW")
    weert = draft_letter(sv, Gemeente.objects.get(naam="Weert"))
    assert (weert.burgemeester, weert.gemeentesecretaris) == ("", "")
    # Nederweert's letterhead knows nobody: its previous letter's names are offered, if any.
    nederweert = Gemeente.objects.get(naam="Nederweert")
    vorige = draft_letter(sv, nederweert)
    vorige.burgemeester = "B. Vorige"
    vorige.save()
    assert draft_letter(sv, nederweert).burgemeester == "B. Vorige"


def test_a_headings_bold_in_the_pdf(demo):
    pdf = printed(weert_letter())
    fonts = set()

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip() == "Samenwerken loont" and font_dict:
            fonts.add(str(font_dict.get("/BaseFont")))

    PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visit)
    assert fonts and all("Bold" in f for f in fonts)


def page_letter(client, brief) -> str:
    page = client.get(brief.get_absolute_url()).content.decode()
    return page.split('<article class="brief')[1].split("</article>")[0]


def visible_text(fragment: str) -> str:
    fragment = re.sub(r"<[^>]+>", " ", '<article class="brief' + fragment)
    return " ".join(html.unescape(fragment).split())


def test_the_page_shows_exactly_what_prints(demo, regie_client):
    brief = weert_letter()
    on_page = visible_text(page_letter(regie_client, brief))
    in_pdf = re.sub(r" ?pagina \d+ van \d+", "", pdf_text(printed(brief)))
    assert on_page == in_pdf
    page = page_letter(regie_client, brief)
    assert '<h2 class="brief-kop">Samenwerken loont</h2>' in page
    assert "# Samenwerken" not in page


def png_logo() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (300, 100), (0, 51, 102)).save(buffer, "PNG")
    return buffer.getvalue()


SVG_LOGO = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100" viewBox="0 0 300 100">'
    b'<rect width="300" height="100" fill="#036"/><circle cx="50" cy="50" r="30" fill="#fc0"/>'
    b"</svg>"
)


@pytest.mark.parametrize("name, data", [("weert.png", png_logo()), ("weert.svg", SVG_LOGO)])
def test_the_logo_is_on_the_page_and_in_the_pdf(demo, regie_client, media, name, data):
    weert = Gemeente.objects.get(naam="Weert")
    weert.logo = SimpleUploadedFile(name, data)
    weert.save()
    brief = weert_letter()
    logo_url = reverse("gemeenten:gemeente-logo", args=[weert.pk])
    assert f'<img class="briefhoofd-logo" src="{logo_url}"' in page_letter(regie_client, brief)

    pdf = printed(brief)
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    if name.endswith(".png"):
        assert len(page.images) == 1
    else:  # an SVG is drawn as vectors: the dark blue of its rectangle is on the page
        assert page_images(pdf, dpi=30)[0].getextrema()[0] < 80
    assert "Gemeente Weert" in pdf_text(pdf)


def test_a_missing_logo_file_does_not_stop_the_letter(demo, media):
    weert = Gemeente.objects.get(naam="Weert")
    weert.logo = SimpleUploadedFile("weert.png", png_logo())
    weert.save()
    (media / weert.logo.name).unlink()
    assert "Gemeente Weert" in pdf_text(printed(weert_letter()))


def test_the_pdf_reads_only_embedded_pngs_and_svgs():
    fetcher = StaticFilesOnly()
    assert fetcher.fetch("data:image/png;base64,iVBORw0KGgo=").read() == b"\x89PNG\r\n\x1a\n"
    for refused in (
        "data:text/html;base64,PHNjcmlwdD4=",
        "data:image/svg+xml,<svg/>",  # not base64: no text of the page's own making
        "data:image/png;base64,@@@",
        "file:///etc/passwd",
        "https://example.org/logo.png",
    ):
        with pytest.raises(ValueError):
            fetcher.fetch(refused)
