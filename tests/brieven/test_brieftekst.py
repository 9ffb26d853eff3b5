"""A new letter: the standard text follows the 2016 letter's structure, the herijking it names
is the one after its own date, cost fields are named for what they hold, and a text with a
bracket that is not a field is refused in the browser too."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from brieven.models import Briefstatus, Raadsinformatiebrief
from brieven.velden import euro, merge_fields
from convenant.constants import Herijkingssoort
from convenant.models import Herijkingsmoment
from kosten.gegevens import load_kostenverdeling
from partijen.models import Gemeente, Samenwerkingsverband
from tests.brieven.factories import complete_letterhead

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"brieven:{name}", args=["MLW", *args])


def mlw() -> Samenwerkingsverband:
    return Samenwerkingsverband.objects.get(afkorting="MLW")


def nederweert() -> Gemeente:
    return Gemeente.objects.get(naam="Nederweert")


def convenant_2016():
    return mlw().convenanten.get(dagtekening=date(2016, 8, 31))


def new_letter_form(client) -> dict:
    """The new-letter form for Nederweert as the page fills it in."""
    form = client.get(url("brief-create"), {"gemeente": nederweert().pk}).context["form"]
    data = {k: "" if v is None else getattr(v, "pk", v) for k, v in form.initial.items()}
    return data


def drafted(client, **changes) -> Raadsinformatiebrief:
    response = client.post(url("brief-create"), new_letter_form(client) | changes)
    assert response.status_code == 302, response.content.decode()[-3000:]
    return Raadsinformatiebrief.objects.filter(gemeente=nederweert()).latest("pk")


def letter_text(client, brief) -> str:
    page = client.get(brief.get_absolute_url()).content.decode()
    return " ".join(page.split('<article class="brief')[1].split("</article>")[0].split())


def test_the_standard_text_follows_the_2016_letter(demo, regie_client):
    tekst = new_letter_form(regie_client)["tekst"]
    alineas = tekst.split("\n\n")
    assert alineas[0].startswith("In onze vergadering van [datum_collegebesluit] hebben wij")
    assert [a for a in alineas if a.startswith("# ")] == [
        "# [samenwerkingsverband]",
        "# Samenwerkingsafspraken",
        "# Herijking",
        "# Ter inzage",
    ]
    assert "[herijkingsdatum]" in tekst and "(go/no-go)" in tekst
    assert alineas[-1] == "Wij hopen u hiermee voldoende geïnformeerd te hebben."
    # Costs only where the regiegroep puts a field for them.
    assert "aandeel" not in tekst and "kosten" not in tekst and "€" not in tekst


def test_a_draft_of_2016_names_the_herijking_of_1_januari_2019(demo, regie_client):
    brief = drafted(regie_client, datum="2016-09-15", besluitdatum="2016-08-30")
    letter = letter_text(regie_client, brief)
    assert "In onze vergadering van 30 augustus 2016 hebben wij" in letter
    assert "Het eerstvolgende herijkingsmoment is 1 januari 2019." in letter
    assert "In dit samenwerkingsverband werken de gemeenten Leudal, Nederweert en Weert" in letter
    assert (
        "ondertekend op 31 augustus 2016; de samenwerking volgens deze afspraken geldt vanaf "
        "1 september 2016" in letter
    )
    assert "in werking getreden" not in letter  # the documents contradict each other on it
    assert "[" not in letter


def test_a_later_draft_names_the_next_herijking_after_its_own_date(demo, regie_client):
    brief = drafted(regie_client, datum="2019-01-02", besluitdatum="2018-12-18")
    assert "Het eerstvolgende herijkingsmoment is nog niet gepland." in letter_text(
        regie_client, brief
    )

    # A next herijking after today: a draft without a date takes today, the date it will carry.
    volgende = date(timezone.localdate().year + 2, 1, 1)
    Herijkingsmoment.objects.create(
        convenant=convenant_2016(),
        soort=Herijkingssoort.HERIJKING,
        datum=volgende,
        omschrijving="Tweede herijking: go/no-go",
    )
    Herijkingsmoment.objects.create(
        convenant=convenant_2016(),
        soort=Herijkingssoort.EVALUATIE,  # an evaluation is never named as the herijking
        datum=date(volgende.year - 1, 12, 1),  # after today, before the herijking
        omschrijving="Evaluatie",
    )
    undated = drafted(regie_client, besluitdatum="2026-03-03")
    assert undated.datum is None
    assert f"is 1 januari {volgende.year}." in letter_text(regie_client, undated)
    dated_2016 = drafted(regie_client, datum="2016-12-01", besluitdatum="2016-08-30")
    assert "is 1 januari 2019." in letter_text(regie_client, dated_2016)
    assert "is 1 januari 2019." not in letter_text(regie_client, undated)


def test_the_cost_fields_are_named_for_what_they_hold(demo, regie_client):
    kv = load_kostenverdeling(mlw())
    fields = merge_fields(mlw(), nederweert(), convenant_2016())
    # Sum of the role costs over 2016–2018 (Bijlage 1), not the sum of the rounded shares.
    assert fields["kosten_totaal"] == euro(kv.totaal_zonder_afronding) == "€\u00a01.170.742"
    assert fields["totaal_incl_afronding"] == euro(kv.totaal) == "€\u00a01.170.744"
    assert [fields[f"kosten_{jaar}"] for jaar in (2016, 2017, 2018)] == [
        "€\u00a0225.481",
        "€\u00a0598.311",
        "€\u00a0346.950",
    ]
    assert fields["jaren"] == "2016–2018"
    page = regie_client.get(url("brief-create"), {"gemeente": nederweert().pk}).content.decode()
    assert "kosten van de formatie over alle jaren: de som van de kosten per rol" in page
    assert "som van de aandelen van alle gemeenten over alle jaren, incl. afronding" in page
    assert "kosten van de formatie in 2017: de som van de kosten per rol" in page


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("[ gemeente ]", "Onbekend veld: [ gemeente ] (bedoelt u [gemeente]?)."),
        ("[GEMEENTE]", "Onbekend veld: [GEMEENTE] (bedoelt u [gemeente]?)."),
        ("[Datum collegebesluit]", "(bedoelt u [datum_collegebesluit]?)."),
        ("[x]]", "Onbekend veld: [x]. Een rechte haak zonder veld: &#x27;De raad van [x]] wordt"),
    ],
)
def test_a_text_with_a_wrong_field_is_refused_and_nothing_is_saved(
    demo, regie_client, typed, message
):
    before = Raadsinformatiebrief.objects.count()
    data = new_letter_form(regie_client) | {"tekst": f"De raad van {typed} wordt geïnformeerd."}
    response = regie_client.post(url("brief-create"), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Raadsinformatiebrief.objects.count() == before


def test_a_doubled_bracket_prints_once(demo, regie_client):
    brief = drafted(regie_client, tekst="Zie bijlage [[1]] bij de brief aan [gemeente].")
    assert "Zie bijlage [1] bij de brief aan Nederweert." in letter_text(regie_client, brief)


def test_sending_waits_for_the_date_of_the_college_decision(demo, regie_client):
    brief = drafted(regie_client)
    assert brief.besluitdatum is None
    detail = regie_client.get(brief.get_absolute_url()).content.decode()
    assert "Nog in te vullen voor verzending:</strong> Vul de datum van het collegebesluit in." in (
        detail
    )
    confirm = regie_client.get(url("brief-send", brief.pk)).content.decode()
    assert "De brief kan nog niet worden verzonden." in confirm
    assert "Verzenden en vastleggen" not in confirm
    response = regie_client.post(url("brief-send", brief.pk), follow=True)
    assert "De brief is niet verzonden. Vul de datum van het collegebesluit in." in (
        response.content.decode()
    )
    brief.refresh_from_db()
    assert brief.status == Briefstatus.CONCEPT and brief.verzonden_tekst == ""


def test_a_forged_post_cannot_send_or_source_a_concept(demo, regie_client):
    forged = {
        "status": "verzonden",
        "verzonden_tekst": "Vervalst",
        "verzonden_op": "2016-08-30 00:00",
        "bron": "Raadsinformatiebrief van 30 augustus 2016",
    }
    brief = drafted(regie_client, **forged)
    edit = url("brief-update", brief.pk)
    data = new_letter_form(regie_client) | forged | {"versie": brief.versie}
    assert regie_client.post(edit, data).status_code == 302
    brief.refresh_from_db()
    assert brief.status == Briefstatus.CONCEPT and not brief.is_frozen
    assert (brief.verzonden_tekst, brief.verzonden_op, brief.bron) == ("", None, "")


def test_a_letter_goes_to_the_council_only_with_an_address_and_both_signatories(demo, regie_client):
    """Nederweert's letterhead is empty in the documents: its letter cannot be sent before the
    address for council mail and the names under the letter are known."""
    brief = drafted(regie_client, datum="2016-09-15", besluitdatum="2016-08-30")
    page = " ".join(regie_client.get(brief.get_absolute_url()).content.decode().split())
    assert "Vul het adres voor raadspost van Nederweert in" in page
    assert "Vul de naam van de gemeentesecretaris in" in page
    assert "Vul de naam van de burgemeester in" in page
    send = reverse("brieven:brief-send", args=["MLW", brief.pk])
    assert "De brief kan nog niet worden verzonden." in regie_client.get(send).content.decode()
    regie_client.post(send)
    brief.refresh_from_db()
    assert not brief.is_frozen

    complete_letterhead(brief.gemeente)
    assert "Nog in te vullen" not in regie_client.get(brief.get_absolute_url()).content.decode()
    assert regie_client.post(send).status_code == 302
    brief.refresh_from_db()
    assert brief.is_frozen and brief.burgemeester and brief.gemeentesecretaris
