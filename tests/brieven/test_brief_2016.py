"""The real letter of the college of Weert to its council of 30 August 2016 (seed 000, after the
voorstel) is in the demo as a sent letter: its own date, text, addressee and signatories,
frozen, never merged again. The words below are the document's."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from django.utils import timezone

from brieven.demo import load_brieven_record
from brieven.models import Briefstatus, Raadsinformatiebrief
from brieven.opstellen import letter_view
from formatie.models import Bezetting
from partijen.models import Samenwerkingsverband
from regiekamer import access
from regiekamer.demo import read_fixture
from regiekamer.roles import REGIEGROEP
from tests.pdfs import pdf_text

pytestmark = pytest.mark.django_db

SECTIONS = [
    "Midden-Limburg",
    "Midden-Limburg West",
    "Voortzetten samenwerkingsafspraken",
    "Samenwerken loont",
    "Lokale autonomie blijft",
    "Ingangsdatum 1 september 2016",
]
# Sentences of the document, each on one side of a section heading or the other.
WORDS = [
    "In december 2013 heeft u ingestemd met een convenant 'samenwerking sociaal domein "
    "ML-West'. Medio 2015 hebben wij deze afspraken verlengd. In onze vergadering van 30 "
    "augustus 2016 hebben wij besloten tot het aangaan van het convenant 'samenwerking sociaal "
    "domein Midden-Limburg West 2016'.",
    "opdracht gegeven aan adviesbureau Advante om de regionale samenwerking te evalueren",
    "getypeerd als een GRIP 3 situatie",
    "(door Advante getypeerd als een GRIP 1 situatie)",
    "gezamenlijk te willen optrekken",  # one paragraph, across the document's page break
    "Leudal, Nederweert en Weert delen een gemeenschappelijke visie op het sociaal domein.",
    "meer kunnen met minder capaciteit",
    "Het convenant wordt op 31 augustus 2016 door de drie wethouders sociaal domein "
    "ondertekend. Een persbericht hierover treft u bijgaand aan.",
    "Het convenant en een daarbij behorende notitie over taken, verantwoordelijkheden en "
    "rollen, kunt u inzien via de TILS-lijst.",
    "Wij hopen u hiermede voldoende geïnformeerd te hebben.",
]
ADDRESSEE = ["Aan de gemeenteraad van de gemeente Weert", "Wilhelminasingel 101", "6001 GS WEERT"]


def weert_2016() -> Raadsinformatiebrief:
    return Raadsinformatiebrief.objects.select_related("gemeente", "convenant").get(
        gemeente__naam="Weert", datum="2016-08-30"
    )


def paragraphs(text: str) -> list[str]:
    return text.split("\n\n")


def test_the_letter_is_in_the_demo_as_sent_with_its_own_date_and_signatories(demo):
    brief = weert_2016()
    assert brief.status == Briefstatus.VERZONDEN and brief.is_frozen
    assert timezone.localtime(brief.verzonden_op).date().isoformat() == "2016-08-30"
    assert brief.verzonden_door is None
    assert brief.besluitdatum.isoformat() == "2016-08-30"
    assert brief.plaats == "Weert"
    assert brief.onderwerp == "Samenwerking sociaal domein Midden-Limburg West"
    assert brief.kenmerk == ""  # "Ons kenmerk :" is empty in the document
    assert brief.aanhef == "Geachte leden van de gemeenteraad,"
    assert brief.slot == "Met vriendelijke groet,"
    assert brief.gemeentesecretaris == "M.H.F. Knaapen"
    assert brief.burgemeester == "A.A.M.M. Heijmans"
    assert brief.verzonden_adres.splitlines() == ADDRESSEE
    assert brief.convenant.dagtekening.isoformat() == "2016-08-31"
    assert "30 augustus 2016" in brief.bron
    assert brief.verzonden_cijfers == {}


def test_the_letter_has_the_documents_text_and_sections(demo):
    text = weert_2016().verzonden_tekst
    assert text == weert_2016().tekst
    headings = [p.removeprefix("# ") for p in paragraphs(text) if p.startswith("# ")]
    assert headings == SECTIONS
    assert text.startswith(WORDS[0])
    assert text.endswith(WORDS[-1])
    for words in WORDS:
        assert words in text
    # Sections in the document's order, each followed by its text.
    order = [text.index(f"# {s}\n\n") for s in SECTIONS]
    assert order == sorted(order)
    assert "[" not in text and "]" not in text
    assert len(paragraphs(text)) == 19


def test_the_letter_is_never_merged_again(demo):
    brief = weert_2016()
    brief.tekst = "[onbekend] [aandeel_totaal"  # in memory only: a sent letter is not re-read
    weergave = letter_view(brief)
    assert weergave.tekst == brief.verzonden_tekst and weergave.fout == ""
    assert weergave.datum.isoformat() == "2016-08-30"
    assert weergave.geadresseerde == ADDRESSEE


def test_its_page_and_pdf_show_the_sent_letter(demo, regie_client):
    brief = weert_2016()
    cell = Bezetting.objects.filter(rol__naam="Beleid Wmo").first()
    cell.fte = 3  # the figures of today change; the letter of 2016 does not
    cell.save()
    page = regie_client.get(brief.get_absolute_url()).content.decode()
    assert "Verzonden</span> op 30 augustus 2016 (overgenomen uit: Raadsinformatiebrief" in page
    assert "00:00" not in page  # the time of sending is not known
    assert "Collegebesluit</dt><dd>30 augustus 2016" in page
    edit = reverse("brieven:brief-update", args=["MLW", brief.pk])
    assert edit not in page and "Velden en hun waarde" not in page
    letter = " ".join(page.split('<article class="brief')[1].split("</article>")[0].split())
    for words in ["Wilhelminasingel 101", "Weert, 30 augustus 2016", "Samenwerken loont"]:
        assert words in letter
    assert "M.H.F. Knaapen" in letter and "A.A.M.M. Heijmans" in letter

    pdf = pdf_text(regie_client.get(brief.get_absolute_url(), {"download": "pdf"}).content)
    for words in [*ADDRESSEE, "Weert, 30 augustus 2016", *SECTIONS, *WORDS[1:]]:
        assert words in pdf, words
    assert "Samenwerking sociaal domein Midden-Limburg West" in pdf
    assert pdf.index("M.H.F. Knaapen") < pdf.index("A.A.M.M. Heijmans")
    assert "Concept" not in pdf


def test_loading_twice_changes_nothing_and_an_edited_fixture_is_refused(demo):
    brief = weert_2016()
    history = brief.history.count()
    data = read_fixture("mlw_brieven.json")
    load_brieven_record(data)
    load_brieven_record(data)
    assert Raadsinformatiebrief.objects.filter(gemeente__naam="Weert").count() == 1
    assert weert_2016().history.count() == history == 1

    data["brieven"][0]["alineas"][0] = "Een andere tekst."
    with pytest.raises(ImproperlyConfigured, match="verandert niet"):
        load_brieven_record(data)
    assert weert_2016().tekst == brief.tekst


def test_a_forged_post_does_not_change_the_sent_letter(demo, regie_client):
    brief = weert_2016()
    before = (brief.tekst, brief.verzonden_tekst, brief.verzonden_op, brief.versie)
    edit = reverse("brieven:brief-update", args=["MLW", brief.pk])
    data = {
        "plaats": "Weert",
        "datum": "2026-01-01",
        "onderwerp": "Vervalst",
        "aanhef": "Geachte raad,",
        "tekst": "Vervalste tekst.",
        "slot": "Groet,",
        "versie": brief.versie,
    }
    response = regie_client.post(edit, data, follow=True)
    assert "verandert niet meer" in response.content.decode()
    send = reverse("brieven:brief-send", args=["MLW", brief.pk])
    assert regie_client.post(send).status_code == 302
    brief = weert_2016()
    assert (brief.tekst, brief.verzonden_tekst, brief.verzonden_op, brief.versie) == before
    assert brief.onderwerp == "Samenwerking sociaal domein Midden-Limburg West"


def test_a_user_of_another_samenwerkingsverband_cannot_read_or_change_it(
    demo, client, django_user_model
):
    brief = weert_2016()
    ander = Samenwerkingsverband.objects.create(
        naam="Ander verband", afkorting="AV", juridische_vorm="regeling_zonder_meer"
    )
    user = django_user_model.objects.create_user("ander-regie", password="geheim-123!")
    user.groups.add(Group.objects.get(name=REGIEGROEP))
    access.grant(user, ander)
    client.force_login(user)
    for afkorting in ["MLW", "AV"]:
        for name in ["brief-detail", "brief-update", "brief-send"]:
            address = reverse(f"brieven:{name}", args=[afkorting, brief.pk])
            assert client.get(address).status_code in (403, 404), address
            if name != "brief-detail":  # a page to read only: POST is not allowed at all
                assert client.post(address, {"tekst": "x"}).status_code in (403, 404), address
    assert weert_2016().tekst == brief.tekst and weert_2016().versie == brief.versie
