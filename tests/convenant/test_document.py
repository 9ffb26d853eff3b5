"""The convenant as the documents give it: the 2016 text word for word (seed 000), the later
convenant of 2018 known only by name (seed 004), the contradiction on the inwerkingtreding and
the evaluation "medio 2018" said as the convenant says them, on the page and in the PDF."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from convenant.models import Convenant, Herijkingsmoment
from partijen.models import Samenwerkingsverband
from tests.pdfs import pdf_text

from .test_history import management_data
from .test_validation import convenant_data

pytestmark = pytest.mark.django_db

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def words(text: str) -> str:
    """Whitespace collapsed; "2^e" (the seed's superscript) as "2e"; "go/ no-go" (a line the
    PDF breaks after a slash reads with a space) as "go/no-go"."""
    return " ".join(text.replace("^e", "e").split()).replace("/ ", "/")


def convenant_lines() -> list[str]:
    """The convenant of seed 000, from its heading to its dagtekening, one line a line."""
    text = seed("000")
    start = text.index("UITVOERINGSCONVENANT")
    end = text.index("Dagtekening:", start)
    return [line.strip() for line in text[start:end].splitlines() if line.strip()]


def seed_articles() -> dict[int, str]:
    """Article number -> the article as the document prints it ("1. ... a. ... Zie bijlage")."""
    lines = convenant_lines()
    lines = lines[lines.index("Komen overeen het volgende:") + 2 :]  # after the heading
    articles: dict[int, str] = {}
    for line in lines:
        number = re.match(r"(\d+)\. ", line)
        if number:
            current = int(number.group(1))
            articles[current] = line
        else:
            articles[current] += " " + line.removeprefix("- ")
    return {n: words(a) for n, a in articles.items()}


def seed_overwegingen() -> list[str]:
    """The overwegingen as the document prints them ("a) dat ..."), a page break mended."""
    lines = convenant_lines()
    lines = lines[lines.index("Overwegende:") + 1 : lines.index("Komen overeen het volgende:")]
    overwegingen: list[str] = []
    for line in lines:
        if re.match(r"- [a-z]\) ", line):
            overwegingen.append(line.removeprefix("- "))
        else:
            overwegingen[-1] += " " + line
    return [words(o) for o in overwegingen]


def mlw():
    return Samenwerkingsverband.objects.get(afkorting="MLW")


def convenant(year):
    return Convenant.objects.get(titel__endswith=f"ML-West {year}", versie=1)


@pytest.fixture
def pdf(demo, stuur_client):
    response = stuur_client.get(convenant(2016).get_absolute_url(), {"download": "pdf"})
    assert response["Content-Type"] == "application/pdf"
    return words(pdf_text(response.content))


def test_the_pdf_prints_the_convenant_as_the_document_does(pdf):
    lines = convenant_lines()
    assert len(seed_articles()) == 17
    expected = [
        "UITVOERINGSCONVENANT Samenwerking Sociaal Domein gemeenten ML-West 2016",
        lines[2],  # De colleges van de gemeenten in de regio Midden-Limburg West, te weten ...
        *[line for line in lines if re.match(r"\d\. de gemeente ", line)],
        "Elk van de gemeenten afzonderlijk te noemen gemeente en gezamenlijk te noemen "
        "de gemeenten",
        "Overwegende:",
        *seed_overwegingen(),
        "Komen overeen het volgende: Convenant Samenwerking Sociaal Domein gemeenten ML-West 2016",
        *seed_articles().values(),
        "Dagtekening: 31 augustus 2016",
    ]
    assert len(seed_overwegingen()) == 11 and len(expected) == 2 + 3 + 2 + 11 + 1 + 17 + 1
    position = 0
    for part in expected:
        found = pdf.find(words(part), position)
        assert found != -1, f"niet (of niet op zijn plaats) in de PDF: {part!r}"
        position = found + len(words(part))
    assert "de heer drs. P.P.H. Sterk, ter uitvoering" in pdf
    assert "Namens de gemeente Weert, Drs. P.P.H. Sterk Wethouder" in pdf
    assert "Artikel 1 " not in pdf  # the document numbers "1.", "2.", ...


def test_the_2018_convenant_is_known_without_text_and_the_2016_one_says_so(demo, regie_client, pdf):
    later = convenant(2018)
    assert "Uitvoeringsconvenant Samenwerking\nSociaal Domein gemeenten ML-West 2018" in seed("004")
    assert later.zonder_tekst and later.voorganger == convenant(2016)
    assert later.dagtekening_tekst == "2018" and not later.artikelen.exists()
    # The current convenant as far as its text is known: the 2016 one, with the remark.
    assert mlw().convenanten.huidig() == convenant(2016)
    remark = (
        "Er is een later convenant bekend: Uitvoeringsconvenant Samenwerking Sociaal Domein "
        "gemeenten ML-West 2018 (2018), waarvan de tekst niet is vastgelegd (bron: ORGfit-advies "
        "aan de zeven gemeenten in Midden-Limburg, 10 april 2024, voetnoot 4). Wat hier staat, "
        "geldt mogelijk niet meer."
    )
    assert remark in pdf
    page = regie_client.get(convenant(2016).get_absolute_url()).content.decode()
    assert words(re.sub(r"<[^>]+>", "", page)).count(remark) == 1
    assert f'<a href="{later.get_absolute_url()}">' in page

    page = regie_client.get(later.get_absolute_url()).content.decode()
    assert "De tekst van dit convenant is niet vastgelegd; het is bekend uit: ORGfit-advies" in page
    assert "<dt>Dagtekening</dt><dd>2018</dd>" in page
    assert "Komen overeen" not in page and "Er is een later convenant" not in page
    assert "de tekst ligt vast" not in page and "Artikel toevoegen" in page
    assert "Verschillen met de voorganger" not in page
    compare = regie_client.get(reverse("convenant:convenant-compare", args=[later.pk]))
    assert "deze vergelijking zegt daarom niet wat er is gewijzigd" in compare.content.decode()

    home = regie_client.get(mlw().get_absolute_url()).content.decode()
    assert "ML-West 2018</a> <small>(tekst niet vastgelegd)</small>" in home
    listing = regie_client.get(reverse("convenant:convenant-list")).content.decode()
    assert "Ondertekend (tekst niet vastgelegd)" in listing
    assert "01-01-2018" not in listing and "01-01-2014" not in listing


def test_the_inwerkingtreding_contradiction_is_shown_not_resolved(demo, regie_client, pdf):
    article_15 = (
        "De regeling treedt in werking op de datum van het ondertekenen van de overeenkomst"
    )
    voorstel = "Het convenant treedt op 1 september in werking."
    assert article_15 in seed("000") and voorstel in seed("000")
    page = regie_client.get(convenant(2016).get_absolute_url()).content.decode()
    for text in (words(page), pdf):
        assert f"Artikel 15 van het convenant: “{article_15}”" in text
        assert f"(1.3: “{voorstel}”)" in text
        assert "welke datum geldt, is niet vastgesteld" in text
    assert "Inwerkingtreding: 1 september 2016." in pdf


def test_herijkingsmomenten_say_medio_2018_as_the_convenant_does(demo, regie_client, pdf):
    assert "medio 2018 een evaluatie" in seed("000")
    assert (
        "medio 2018, evaluatie: Evaluatie op proces en resultaat, ten behoeve van de eerste "
        "herijking"
    ) in pdf
    assert "1 januari 2019, herijking (go/no-go): Eerste herijking" in pdf
    page = regie_client.get(convenant(2016).get_absolute_url()).content.decode()
    assert "<strong>medio 2018</strong>, evaluatie: Evaluatie op proces" in page
    for text in (pdf, page):
        assert "1 juli 2018" not in text and "1-7-2018" not in text


def moment_data(convenant, rows):
    data = convenant_data(convenant)
    data |= management_data("herijkingsmomenten", total=len(rows))
    for i, row in enumerate(rows):
        data |= {f"herijkingsmomenten-{i}-{k}": v for k, v in row.items()}
    return data


def test_a_moment_is_edited_with_its_soort_and_precision(regie_client):
    from .factories import ConvenantFactory

    concept = ConvenantFactory()
    url = reverse("convenant:convenant-update", args=[concept.pk])
    form = regie_client.get(url).content.decode()
    assert "herijkingsmomenten-0-soort" in form and "herijkingsmomenten-0-datum_precisie" in form
    assert 'value="onbekend"' not in form.split("herijkingsmomenten-0-datum_precisie")[1][:2000]
    row = {"soort": "evaluatie", "datum": "2020-07-01", "datum_precisie": "medio"}
    response = regie_client.post(url, moment_data(concept, [row | {"omschrijving": "Evaluatie"}]))
    assert response.status_code == 302
    moment = Herijkingsmoment.objects.get(convenant=concept)
    assert (moment.soort, moment.datum_tekst_lang) == ("evaluatie", "medio 2020")
    assert "<strong>medio 2020</strong>, evaluatie: Evaluatie" in (
        regie_client.get(concept.get_absolute_url()).content.decode()
    )


def test_a_signed_convenants_own_words_stay_but_a_missing_one_may_be_recorded(demo, regie_client):
    signed = convenant(2016)
    url = reverse("convenant:convenant-update", args=[signed.pk])
    own_words = {
        field: getattr(signed, field)
        for field in ("kop", "ondertitel", "aanhef", "begripsbepaling", "kop_artikelen")
    }
    base = convenant_data(signed, dagtekening="2016-08-31", inwerkingtreding="2016-09-01")
    response = regie_client.post(url, base | own_words | {"kop": "CONVENANT"})
    assert "Dit convenant is ondertekend" in response.content.decode()
    response = regie_client.post(url, base | own_words | {"zonder_tekst": "on"})
    assert "Dit convenant is ondertekend" in response.content.decode()
    signed.refresh_from_db()
    assert signed.kop == "UITVOERINGSCONVENANT" and not signed.zonder_tekst

    # The 2018 convenant is signed, but its text is not recorded: it may still be entered.
    later = convenant(2018)
    data = {"nummer": "1", "tekst": "Eerste artikel.", "slottekst": ""}
    data |= management_data("onderdelen")
    response = regie_client.post(reverse("convenant:artikel-create", args=[later.pk]), data)
    assert response.status_code == 302 and later.artikelen.count() == 1


def test_each_version_downloads_under_its_own_name(demo, stuur_client):
    """Version 2 does not overwrite version 1 in the downloads folder."""
    signed = convenant(2016)
    concept = signed.create_new_version()
    names = [
        stuur_client.get(c.get_absolute_url(), {"download": "pdf"})["Content-Disposition"]
        for c in (signed, concept)
    ]
    assert 'filename="convenant-MLW-2016-versie-1.pdf"' in names[0]
    assert 'filename="convenant-MLW-2016-versie-2.pdf"' in names[1]
