"""The programme in the browser: what the regiegroep edits and what the stuurgroep reads."""

from datetime import date

import pytest
from django.urls import reverse

from programma.models import Startantwoord, Voortgangsrapportage, Voortgangsregel
from programma.voortgang import draft_report

from .factories import OpdrachtFactory, ResultaatFactory
from .helpers import opdracht, page_data, plan

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"programma:{name}", args=["MLW", *args])


def text(response) -> str:
    return response.content.decode()


def test_plan_page_lists_themes_opdrachten_and_the_flag(demo, stuur_client):
    page = text(stuur_client.get(url("plan-detail", plan().pk)))
    assert "Thema 6: ICT" in page
    assert "Harmonisatie ICT-infrastructuur en applicatielandschap" in page
    assert "Te controleren bij de invoer" in page
    assert "01-09-2021 tot 01-04-2021" in page
    assert "Bewerken" not in page  # the stuurgroep reads


def test_regiegroep_names_the_kwartiermaker_and_adds_a_goal(demo, regie_client):
    edit = url("plan-update", plan().pk)
    data = page_data(regie_client.get(edit))
    data["kwartiermaker"] = "A. de Kwartiermaker"
    data["doelen-6-nummer"] = "7"
    data["doelen-6-tekst"] = "Uitkomsten van de evaluatie van het uitvoeringsplan."
    assert regie_client.post(edit, data).status_code == 302
    page = text(regie_client.get(url("plan-detail", plan().pk)))
    assert "A. de Kwartiermaker" in page
    assert "Uitkomsten van de evaluatie" in page
    codes = page.split("Thema 1: Organisatiecultuur")[1].split("Thema 2")[0]
    assert codes.index(">1.1<") < codes.index(">1.2<") < codes.index(">1.5<")

    data["jaar_tot"] = "2019"
    response = regie_client.post(edit, data)
    assert "Het laatste jaar ligt vóór het eerste jaar." in text(response)


def test_opdracht_page_shows_the_standard_format(demo, stuur_client):
    page = text(stuur_client.get(opdracht("1.5").get_absolute_url()))
    for label in ("Omschrijving opdracht", "Kaders en uitgangspunten", "Beschikbare documentatie"):
        assert label in page
    assert "€ 60.000" in page
    assert "Programmaselectie" not in page
    assert "Functieprofiel en waarderingsniveau uitgewerkt" in page
    assert "Kwartiermaker" in page  # the budget line linked to 1.5
    assert "Is de opdracht voldoende helder en smart geformuleerd?" in page


def test_regiegroep_edits_an_opdracht_and_marks_a_result_delivered(demo, regie_client):
    o = opdracht("1.3")
    edit = url("opdracht-update", o.pk)
    data = page_data(regie_client.get(edit))
    data["verantwoordelijk_uitvoerder"] = "Beleidsadviseur Weert"
    data["eind"] = "2022-06-01"
    data["resultaten-0-geleverd"] = "on"
    data["resultaten-0-geleverd_op"] = "2022-05-20"
    data["relaties"] = [str(opdracht("1.1").pk), str(opdracht("1.2").pk)]
    response = regie_client.post(edit, data)
    assert response.status_code == 302, response.context["form"].errors
    page = text(regie_client.get(o.get_absolute_url()))
    assert "Beleidsadviseur Weert" in page
    assert "01-01-2022 tot 01-06-2022" in page
    assert "geleverd 20-05-2022" in page
    assert "regie-test" in page  # the history says who
    assert "1.3" in [r.code for r in opdracht("1.2").relaties.all()]  # both ways


def test_an_end_before_the_start_is_refused_with_nothing_saved(demo, regie_client):
    o = opdracht("1.3")
    edit = url("opdracht-update", o.pk)
    data = page_data(regie_client.get(edit))
    data["titel"] = "Andere titel"
    data["eind"] = "2021-12-01"
    response = regie_client.post(edit, data)
    assert response.status_code == 200
    assert "De einddatum ligt vóór de startdatum." in text(response)
    o.refresh_from_db()
    assert (o.titel, o.eind) == ("Rolbeschrijvingen", date(2022, 4, 1))


def test_a_step_is_edited_for_its_own_planning_only(demo, regie_client):
    stap = opdracht("2.1 stap 1")
    edit = url("opdracht-update", stap.pk)
    response = regie_client.get(edit)
    assert "omschrijving" not in response.context["form"].fields
    data = page_data(response)
    data |= {"eind": "2022-04-01", "te_controleren": ""}
    del data["te_controleren"]
    assert regie_client.post(edit, data).status_code == 302
    stap.refresh_from_db()
    assert (stap.eind, stap.te_controleren) == (date(2022, 4, 1), False)
    assert "01-09-2021 tot 01-04-2022" in text(regie_client.get(stap.get_absolute_url()))


def test_startbijeenkomst_checklist(demo, regie_client):
    o = opdracht("1.4")
    edit = url("startbijeenkomst", o.pk)
    data = page_data(regie_client.get(edit))
    data |= {
        "startbijeenkomst_op": "2021-09-15",
        "geaccordeerd_op": "2021-10-05",
        "vraag_6": "Colleges, raden en de GR Peelgemeenten als voorbeeld.",
    }
    assert regie_client.post(edit, data).status_code == 302
    assert Startantwoord.objects.get(opdracht=o, vraag__nummer=6).antwoord.startswith("Colleges")
    page = text(regie_client.get(o.get_absolute_url()))
    assert "Resultaat geaccordeerd door de stuurgroep op 5 oktober 2021" in page
    assert page.count(">beantwoord<") == 1

    data["geaccordeerd_op"] = "2021-09-01"  # before the meeting itself
    response = regie_client.post(edit, data)
    assert "De stuurgroep accordeert na de startbijeenkomst" in text(response)


def test_budget_page_shows_total_with_pm_apart_and_the_regiegroep_books_spending(
    demo, regie_client
):
    page = text(regie_client.get(url("budget", plan().pk)))
    assert "275.000" in page and "+ 1 PM-post" in page
    post = plan().budgetposten.get(nummer=2)
    edit = url("budgetpost-update", post.pk)
    data = page_data(regie_client.get(edit))
    data |= {"verplicht": "20000", "besteed": "25000"}
    assert regie_client.post(edit, data).status_code == 302
    page = text(regie_client.get(url("budget", plan().pk)))
    assert "15.000" in page  # 60.000 − 20.000 − 25.000 left for the kwartiermaker
    assert "230.000" in page  # remainder of all lines with an amount

    data["besteed"] = "-1"
    response = regie_client.post(edit, data)
    assert "Een bedrag is niet negatief." in text(response)


def test_planning_page_draws_every_deelopdracht(demo, stuur_client):
    page = text(stuur_client.get(url("planning", plan().pk)))
    assert page.count('<svg xmlns="http://www.w3.org/2000/svg"') == 1
    assert "einde onbekend: controleren" in page
    assert "2.1 stap 2" in page and "6  Harmonisatie" in page


def test_regiegroep_drafts_colours_and_freezes_a_report(demo, regie_client):
    response = regie_client.post(
        url("rapportage-create", plan().pk),
        {"peildatum": "2021-10-31", "periode": "september–oktober 2021"},
    )
    report = Voortgangsrapportage.objects.get()
    assert response.url == report.get_absolute_url()
    created = Voortgangsregel.history.filter(rapportage_id=report.pk, history_type="+")
    assert {h.history_user.username for h in created} == {"regie-test"}
    assert created.count() == 17

    edit = url("rapportage-update", report.pk)
    data = page_data(regie_client.get(edit))
    rows = list(report.regels.select_related("opdracht__thema"))
    index = {r.opdracht.code: i for i, r in enumerate(rows)}
    i, j = index["1.4"], index["1.5"]
    data |= {
        f"regels-{i}-uitvoering": "lopend",
        f"regels-{i}-kleurstatus": "probleem",
        f"regels-{i}-bijgestelde_datum": "2022-09-01",
        f"regels-{i}-toelichting": "Juridisch advies later.",
        f"regels-{j}-uitvoering": "afgerond",
    }
    assert regie_client.post(edit, data).status_code == 302
    page = text(regie_client.get(report.get_absolute_url()))
    assert "Juridisch advies later." in page
    assert 'kleur-probleem">Probleem' in page
    bijlage = page.split("Bijlage: afgeronde deelopdrachten")[1]
    assert "Invulling functie programmamanager" in bijlage

    # A running row without a colour is refused, and nothing of the post is saved.
    data[f"regels-{i}-kleurstatus"] = ""
    data[f"regels-{i}-toelichting"] = "gewijzigd"
    response = regie_client.post(edit, data)
    assert "Kies een kleurstatus voor een opdracht die loopt." in text(response)
    assert Voortgangsregel.objects.get(pk=rows[i].pk).toelichting == "Juridisch advies later."

    assert regie_client.get(url("rapportage-freeze", report.pk)).status_code == 200
    regie_client.post(url("rapportage-freeze", report.pk))
    report.refresh_from_db()
    assert report.is_frozen
    page = text(regie_client.get(report.get_absolute_url()))
    assert "Verzonden aan de stuurgroep" in page and "Versturen aan de stuurgroep" not in page

    # The edit page of a frozen report sends the user back; a POST changes nothing.
    response = regie_client.post(edit, data, follow=True)
    assert "verandert niet meer" in text(response)
    assert Voortgangsregel.objects.get(pk=rows[i].pk).kleurstatus == "probleem"

    # The next report starts as its copy.
    regie_client.post(
        url("rapportage-create", plan().pk),
        {"peildatum": "2021-12-31", "periode": "november–december 2021"},
    )
    nxt = Voortgangsrapportage.objects.get(vorige=report)
    assert nxt.regels.get(opdracht=opdracht("1.4")).toelichting == "Juridisch advies later."
    trend = text(regie_client.get(url("trend", plan().pk)))
    assert "november–december 2021" in trend and "(concept)" in trend


def test_a_draft_with_a_date_before_the_previous_is_refused(demo, regie_client):
    draft_report(plan(), date(2021, 10, 31), "september–oktober 2021")
    response = regie_client.post(
        url("rapportage-create", plan().pk), {"peildatum": "2021-12-31", "periode": "x"}
    )
    assert "Er is al een concept-rapportage" in text(response)
    assert Voortgangsrapportage.objects.count() == 1


def test_the_admin_refuses_to_change_a_frozen_report(demo, client, django_user_model):
    from programma.voortgang import freeze_report

    report = draft_report(plan(), date(2021, 10, 31), "september–oktober 2021")
    freeze_report(report, None)
    admin = django_user_model.objects.create_superuser("admin-test", password="x-geheim-123!")
    client.force_login(admin)
    change = reverse("admin:programma_voortgangsrapportage_change", args=[report.pk])
    page = client.get(change)
    assert page.status_code == 200 and 'name="_save"' not in text(page)  # view only
    response = client.post(change, {"periode": "gewijzigd", "peildatum": "2021-10-31"})
    assert response.status_code == 403
    delete = reverse("admin:programma_voortgangsrapportage_delete", args=[report.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    report.refresh_from_db()
    assert report.periode == "september–oktober 2021"


@pytest.mark.parametrize(
    "name,method",
    [
        ("opdracht-update", "post"),
        ("startbijeenkomst", "post"),
        ("plan-update", "post"),
        ("rapportage-create", "post"),
        ("budgetpost-create", "post"),
    ],
)
def test_the_stuurgroep_reads_but_cannot_edit(demo, stuur_client, name, method):
    args = {
        "opdracht-update": lambda: opdracht("1.1").pk,
        "startbijeenkomst": lambda: opdracht("1.1").pk,
        "plan-update": lambda: plan().pk,
        "rapportage-create": lambda: plan().pk,
        "budgetpost-create": lambda: plan().pk,
    }[name]()
    assert stuur_client.get(url(name, args)).status_code == 403
    assert stuur_client.post(url(name, args), {}).status_code == 403


def test_a_colour_on_a_row_that_does_not_run_is_not_kept(demo, regie_client):
    """The report shows a row not started as "nog niet gestart" whatever colour was chosen:
    the colour is not stored, so the history does not claim one either (a user review found
    "kleurstatus: — → Goed" in the history of a row the report called not started)."""
    report = draft_report(plan(), date(2021, 10, 31), "september–oktober 2021")
    edit = url("rapportage-update", report.pk)
    data = page_data(regie_client.get(edit))
    rows = list(report.regels.select_related("opdracht__thema"))
    i = next(n for n, r in enumerate(rows) if r.opdracht.code == "1.3")
    data |= {f"regels-{i}-uitvoering": "niet_gestart", f"regels-{i}-kleurstatus": "goed"}
    assert regie_client.post(edit, data).status_code == 302
    assert Voortgangsregel.objects.get(pk=rows[i].pk).kleurstatus == ""
    history = Voortgangsregel.history.filter(id=rows[i].pk)
    assert {h.kleurstatus for h in history} == {""}
    assert "wordt geen kleur bewaard" in text(regie_client.get(edit))


def test_the_stuurgroep_cannot_edit_or_send_a_report(demo, stuur_client):
    report = draft_report(plan(), date(2021, 10, 31), "september–oktober 2021")
    assert stuur_client.post(url("rapportage-update", report.pk), {}).status_code == 403
    assert stuur_client.post(url("rapportage-freeze", report.pk)).status_code == 403
    report.refresh_from_db()
    assert not report.is_frozen
    page = text(stuur_client.get(report.get_absolute_url()))
    assert "september–oktober 2021" in page and "Versturen aan de stuurgroep" not in page
    trend = text(stuur_client.get(url("trend", plan().pk)))
    assert "september–oktober 2021</a> (concept)" in trend


@pytest.mark.parametrize(
    "name", ["plan-list", "opdracht-list", "rapportage-list", "planning", "trend", "budget"]
)
def test_every_page_needs_a_login(demo, client, name):
    args = [] if name.endswith("list") else [plan().pk]
    response = client.get(url(name, *args))
    assert response.status_code == 302 and "/inloggen/" in response.url


def add_reports(n: int, start_year: int):
    from programma.voortgang import freeze_report

    for i in range(n):
        report = draft_report(plan(), date(start_year + i, 6, 30), f"periode {start_year + i}")
        freeze_report(report, None)


def add_opdrachten(n: int):
    thema = plan().themas.get(nummer=6)
    for i in range(n):
        o = OpdrachtFactory(thema=thema, nummer=10 + i, titel=f"Extra {i}", start=date(2022, 1, 1))
        o.relaties.add(opdracht("1.1"))
        ResultaatFactory(opdracht=o, tekst="r")


@pytest.mark.parametrize(
    "name", ["plan-detail", "opdracht-list", "planning", "trend", "rapportage-list", "budget"]
)
def test_query_counts_stay_flat(demo, regie_client, django_assert_max_num_queries, name):
    args = [] if name.endswith("list") else [plan().pk]
    add_reports(1, 2030)
    with django_assert_max_num_queries(40) as few:
        assert regie_client.get(url(name, *args)).status_code == 200
    add_opdrachten(3)
    add_reports(2, 2031)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert regie_client.get(url(name, *args)).status_code == 200


def test_report_and_opdracht_pages_query_counts_stay_flat(
    demo, regie_client, django_assert_max_num_queries
):
    add_reports(1, 2030)
    report = draft_report(plan(), date(2030, 12, 31), "concept")
    pages = [
        lambda r: r.get_absolute_url(),
        lambda r: url("rapportage-update", r.pk),
        lambda r: opdracht("1.1").get_absolute_url(),
    ]
    counts = []
    for page in pages:
        with django_assert_max_num_queries(40) as few:
            assert regie_client.get(page(report)).status_code == 200
        counts.append(len(few.captured_queries))
    Voortgangsrapportage.objects.filter(pk=report.pk).delete()
    add_opdrachten(3)
    add_reports(2, 2031)
    report = draft_report(plan(), date(2035, 12, 31), "concept")
    for page, count in zip(pages, counts, strict=True):
        with django_assert_max_num_queries(count):
            assert regie_client.get(page(report)).status_code == 200
