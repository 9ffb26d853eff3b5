"""Claims on a gemeente's budget: ruimte = budget − claims − aandeel, on the page, the PDF and
the workbook. Weert's budget of € 900.000 (seed 000: "Rekening houdend met de op dit moment
bekende claims ten laste dit budget … naar verwachting toereikend") carries the claims the
document names, without an amount, since it gives none: the ruimte is then "ten hoogste"."""

import io
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from kosten.budget import Budgetregel, Claimregel
from kosten.models import Budget, Budgetclaim
from partijen.models import Gemeente, Samenwerkingsverband
from regiekamer.roles import GEMEENTE, REGIEGROEP
from tests.partijen.factories import GebruikerFactory, SamenwerkingsverbandFactory, ToegangFactory
from tests.pdfs import pdf_text
from tests.programma.helpers import page_data

pytestmark = pytest.mark.django_db

KOSTEN = reverse("kosten:kostenverdeling", args=["MLW"])


def weert_budget(jaar=2016) -> Budget:
    return Budget.objects.get(gemeente__naam="Weert", jaar=jaar)


def claims_url(budget: Budget) -> str:
    return reverse("kosten:budgetclaims", args=["MLW", budget.pk])


def client_of(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def post_claims(client, budget, rows: list[tuple[str, str]]):
    """Keep the claims the page shows and add ``rows`` (omschrijving, bedrag as typed)."""
    response = client.get(claims_url(budget))
    data = page_data(response)
    start = int(data["claims-INITIAL_FORMS"])
    for i, (omschrijving, bedrag) in enumerate(rows, start=start):
        data |= {f"claims-{i}-omschrijving": omschrijving, f"claims-{i}-bedrag": bedrag}
        data |= {f"claims-{i}-bron": "", f"claims-{i}-id": "", f"claims-{i}-budget": ""}
    data["claims-TOTAL_FORMS"] = str(start + len(rows))
    return client.post(claims_url(budget), data)


# --- the demo: only what the document states -----------------------------------------------


def test_the_demo_records_the_documents_claims_without_inventing_an_amount(demo):
    claims = Budgetclaim.objects.filter(budget__gemeente__naam="Weert")
    assert sorted(claims.values_list("budget__jaar", flat=True)) == [2016, 2017, 2018]
    assert not claims.filter(bedrag__isnull=False).exists()
    assert all("bekende claims ten laste dit budget" in c.bron for c in claims)


def test_the_page_says_the_ruimte_is_at_most_the_budget_less_the_share(demo, stuur_client):
    page = stuur_client.get(KOSTEN).content.decode()
    section = page.split('id="budgetcontrole"')[1]
    # 900.000 − 108.231 (Weert's share of 2016); a claim of unknown amount makes it at most.
    assert "ten hoogste € 791.769" in section
    assert "ten hoogste € 612.811" in section  # 2017: 900.000 − 287.189
    assert "bedrag onbekend" in section and "€ 0" not in section
    assert "Weert 2016–2018: Op dit moment bekende claims" in section
    assert "Ruimte = budget − claims − aandeel" in section
    assert "claims bewerken" not in section  # the stuurgroep reads


def test_every_gemeentes_budget_keeps_its_description_on_the_page_and_the_pdf(demo, regie_client):
    """A budget of Leudal besides Weert's: both say what they are, each once over its years
    (before: only the first budget's description, and Weert's vanished)."""
    weert = weert_budget().omschrijving
    Budget.objects.create(
        samenwerkingsverband=Samenwerkingsverband.objects.get(afkorting="MLW"),
        gemeente=Gemeente.objects.get(naam="Leudal"),
        jaar=2016,
        bedrag=Decimal("1250000"),
        omschrijving="Budget regionale samenwerking Leudal",
    )
    section = regie_client.get(KOSTEN).content.decode().split('id="budgetcontrole"')[1]
    assert "Budget Leudal 2016: Budget regionale samenwerking Leudal." in section
    assert f"Budget Weert 2016–2018: {weert}." in section
    text = pdf_text(regie_client.get(KOSTEN, {"download": "pdf"}).content)
    assert "Budget Leudal 2016: Budget regionale samenwerking Leudal." in text
    assert "Budget Weert 2016–2018:" in text


def test_the_pdf_and_the_workbook_carry_the_same_check(demo, regie_client):
    pdf = regie_client.get(KOSTEN, {"download": "pdf"}).content
    text = pdf_text(pdf)
    assert "Budgetcontrole" in text
    assert "Weert 2016 € 900.000 bedrag onbekend € 108.231 12% ten hoogste € 791.769" in text
    assert "bedrag onbekend" in text and "Bron: B&W-voorstel BW-009867" in text

    data = regie_client.get(KOSTEN, {"download": "xlsx"}).content
    ws = load_workbook(io.BytesIO(data))["Budgetcontrole"]
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    header = rows.index(
        ["Gemeente", "Jaar", "Budget", "Claims", "Aandeel", "Ruimte", "Toelichting"]
    )
    assert rows[header + 1] == [
        "Weert", "2016", 900000, "bedrag onbekend", 108231, 791769,
        "ten hoogste: 1 claim zonder bedrag",
    ]  # fmt: skip
    claims = rows.index(["Claim van", "Jaren", "Bedrag", "Omschrijving", "Bron", None, None])
    assert rows[claims + 1][:3] == ["Weert", "2016–2018", "bedrag onbekend"]
    assert ws.cell(header + 2, 6).number_format == "#,##0"


# --- entering claims -------------------------------------------------------------------------


def test_the_regiegroep_enters_a_claim_the_dutch_way_and_the_ruimte_follows(demo, regie_client):
    page = regie_client.get(KOSTEN).content.decode()
    budget = weert_budget()
    assert claims_url(budget) in page  # the regiegroep's link on the budget's row
    form = regie_client.get(claims_url(budget)).content.decode()
    assert "Claims op het budget van Weert 2016" in form

    response = post_claims(regie_client, budget, [("Hulp bij het huishouden", "€ 150.000")])
    assert response.status_code == 302, response.content.decode()[:3000]
    assert response["Location"].endswith("/kosten/#budgetcontrole")
    claim = Budgetclaim.objects.get(omschrijving="Hulp bij het huishouden")
    assert claim.bedrag == Decimal("150000") and claim.budget == budget
    assert claim.history.get().history_user.username == "regie-test"

    section = regie_client.get(KOSTEN).content.decode().split('id="budgetcontrole"')[1]
    # 900.000 − 150.000 − 108.231, still at most: the document's claims have no amount.
    assert "ten hoogste € 641.769" in section
    assert "€ 150.000<br><small>+ 1 zonder bedrag</small>" in section


@pytest.mark.parametrize(
    "bedrag, message",
    [("-5", "0 of meer"), ("veel", "is geen getal"), ("1.5.0", "is geen getal")],
)
def test_a_wrong_amount_is_refused_in_dutch_and_nothing_is_saved(
    demo, regie_client, bedrag, message
):
    budget = weert_budget()
    before = Budgetclaim.objects.count()
    response = post_claims(regie_client, budget, [("Goed", "€ 10.000"), ("Fout", bedrag)])
    assert response.status_code == 200
    page = response.content.decode()
    assert "Niet opgeslagen" in page and message in page
    assert Budgetclaim.objects.count() == before  # the good row neither: one save or none


def test_a_claim_needs_a_description(demo, regie_client):
    response = post_claims(regie_client, weert_budget(), [("", "€ 10.000")])
    assert response.status_code == 200
    assert "Dit veld is verplicht" in response.content.decode()


def test_an_unknown_amount_is_left_empty(demo, regie_client):
    response = post_claims(regie_client, weert_budget(2018), [("Nog te ramen", "")])
    assert response.status_code == 302
    assert Budgetclaim.objects.get(omschrijving="Nog te ramen").bedrag is None


# --- who may ---------------------------------------------------------------------------------


def test_the_stuurgroep_and_an_official_read_but_do_not_enter_claims(
    demo, stuur_client, django_user_model
):
    budget = weert_budget()
    official = GebruikerFactory(rollen=[GEMEENTE])
    ToegangFactory(gebruiker=official, gemeente=Gemeente.objects.get(naam="Weert"))
    for client in (stuur_client, client_of(official)):
        assert client.get(KOSTEN).status_code == 200
        assert client.get(claims_url(budget)).status_code == 403
        response = client.post(claims_url(budget), {"claims-TOTAL_FORMS": "1"})
        assert response.status_code == 403
    assert Budgetclaim.objects.filter(budget=budget).count() == 1


def test_another_samenwerkingsverbands_regiegroep_gets_404(demo):
    ander = SamenwerkingsverbandFactory(afkorting="AND")
    user = GebruikerFactory(rollen=[REGIEGROEP])
    ToegangFactory(gebruiker=user, samenwerkingsverbanden=[ander])
    client = client_of(user)
    budget = weert_budget()
    assert client.get(claims_url(budget)).status_code == 404
    # Nor through its own samenwerkingsverband's address.
    url = reverse("kosten:budgetclaims", args=["AND", budget.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"claims-TOTAL_FORMS": "0"}).status_code == 404


def test_a_budget_of_another_samenwerkingsverband_is_not_reached_through_mlw(demo, regie_client):
    ander = SamenwerkingsverbandFactory(afkorting="AND")
    budget = Budget.objects.create(
        samenwerkingsverband=ander,
        gemeente=Gemeente.objects.get(naam="Weert"),
        jaar=2030,
        bedrag=Decimal(1),
    )
    url = reverse("kosten:budgetclaims", args=["MLW", budget.pk])
    assert regie_client.get(url).status_code == 404
    assert Samenwerkingsverband.objects.filter(afkorting="AND").exists()


# --- the arithmetic --------------------------------------------------------------------------


def regel(*claims) -> Budgetregel:
    return Budgetregel("Weert", 2016, Decimal(900000), Decimal(108231), claims=list(claims))


def test_ruimte_is_budget_less_claims_less_share():
    assert regel().ruimte == Decimal(791769) and not regel().ruimte_ten_hoogste
    known = regel(Claimregel("A", Decimal(100000)), Claimregel("B", Decimal(50000)))
    assert known.ruimte == Decimal(641769) and known.ruimte_tekst == ""
    unknown = regel(Claimregel("A", Decimal(100000)), Claimregel("B", None))
    assert unknown.ruimte == Decimal(691769) and unknown.ruimte_ten_hoogste
    assert unknown.claims_bekend == Decimal(100000)
    assert unknown.ruimte_tekst == "ten hoogste: 1 claim zonder bedrag"
    assert regel(Claimregel("B", None)).claims_bekend is None


def test_the_ruimte_adds_up_as_the_row_shows_it_in_whole_euros(demo, regie_client):
    """Claims with cents (12.500,50) are shown in whole euros; the ruimte is reckoned from the
    figures shown, so the row adds up: 900.000 − 85.501 − 108.231 = 706.268."""
    post_claims(regie_client, weert_budget(), [("Wmo", "73.000"), ("Jeugd", "12.500,50")])
    assert Budgetclaim.objects.get(omschrijving="Jeugd").bedrag == Decimal("12500.50")
    section = regie_client.get(KOSTEN).content.decode().split('id="budgetcontrole"')[1]
    assert "€ 85.501" in section and "€ 706.268" in section
    exact = regel(Claimregel("Wmo", Decimal(73000)), Claimregel("Jeugd", Decimal("12500.50")))
    assert exact.ruimte == Decimal(706268)


def test_claims_can_overspend_a_budget_the_share_alone_does_not():
    over = regel(Claimregel("Groot", Decimal(800000)), Claimregel("Onbekend", None))
    assert over.overschreden and over.ruimte == Decimal(-8231)
    assert over.ruimte_tekst == "overschreden"
