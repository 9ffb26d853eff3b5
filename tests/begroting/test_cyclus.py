"""The pages of the begrotingscyclus: the overview of the years, a year's six steps with their
latest dates and status, the form (Dutch errors, nothing half saved), delete with confirmation,
history, the refusals for a regeling zonder meer and a scenario, the .ics, and the query budget."""

from datetime import date

import pytest
from django.urls import reverse
from icalendar import Calendar

from begroting.models import Begrotingscyclus
from partijen.constants import JuridischeVorm
from regiekamer.dataversie import changed
from tests.begroting.factories import BegrotingscyclusFactory, ZienswijzeFactory
from tests.partijen.factories import GemeenteFactory, SamenwerkingsverbandFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def gr():
    """An openbaar lichaam of three gemeenten."""
    return SamenwerkingsverbandFactory(
        naam="GR Sociaal Domein Test",
        afkorting="GRT",
        juridische_vorm=JuridischeVorm.OPENBAAR_LICHAAM,
        gemeenten=[GemeenteFactory(naam=n) for n in ("Aadorp", "Beekdal", "Cranendonck")],
    )


def text(response) -> str:
    import re

    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def url(name, sv, *args):
    return reverse(f"begroting:{name}", args=[sv.afkorting, *args])


def test_create_a_year_and_see_its_steps(regie_client, gr):
    response = regie_client.get(url("overzicht", gr))
    assert "Nog geen begrotingsjaren vastgelegd" in text(response)
    assert "Nieuw begrotingsjaar" in text(response)
    response = regie_client.post(
        url("cyclus-create", gr),
        {"jaar": "2027", "vaststelling_begroting": "2-7-2026", "kaders_verzonden": "28-04-2026"},
    )
    cyclus = Begrotingscyclus.objects.get(samenwerkingsverband=gr, jaar=2027)
    assert response.status_code == 302 and response["Location"] == url("cyclus", gr, 2027)
    page = text(regie_client.get(url("cyclus", gr, 2027)))
    assert "donderdag 30-04-2026" in page  # kaders
    assert "28-04-2026" in page and "Op tijd gedaan" in page
    assert "donderdag 09-04-2026" in page  # ontwerpbegroting, 12 weken vóór 2-7-2026
    assert "donderdag 16-07-2026" in page  # begroting naar GS
    assert "art. 34b Wgr" in page and "art. 35 Wgr" in page
    assert "Geschiedenis" in page and "aangemaakt" in page
    assert cyclus.history.count() == 1


def test_status_words_on_the_overview(regie_client, gr, monkeypatch):
    BegrotingscyclusFactory(samenwerkingsverband=gr, jaar=2027, vaststelling_begroting=None)
    monkeypatch.setattr("django.utils.timezone.localdate", lambda: date(2026, 5, 4))
    page = text(regie_client.get(url("overzicht", gr)))
    # 30-4-2026 passed without kaders sent.
    assert "Algemene financiële en beleidsmatige kaders naar de raden" in page
    assert "donderdag 30-04-2026" in page and "Termijn verstreken" in page


def test_form_errors_are_dutch_and_nothing_is_saved(regie_client, gr):
    BegrotingscyclusFactory(samenwerkingsverband=gr, jaar=2027)
    response = regie_client.post(
        url("cyclus-create", gr),
        {"jaar": "2027", "vaststelling_begroting": "2026-07-02"},
    )
    assert "Voor 2027 is er al een begrotingscyclus." in text(response)
    response = regie_client.post(
        url("cyclus-create", gr), {"jaar": "2028", "vaststelling_begroting": "31-2-2027"}
    )
    assert "31-2-2027 bestaat niet: kijk de dag en de maand na." in text(response)
    response = regie_client.post(
        url("cyclus-create", gr), {"jaar": "2028", "vaststelling_begroting": "1 juli 2027"}
    )
    assert "Schrijf de datum als dd-mm-jjjj" in text(response)
    response = regie_client.post(
        url("cyclus-create", gr),
        {
            "jaar": "2028",
            "vaststelling_begroting": "2027-07-01",
            "begroting_naar_gs": "2027-06-30",
        },
    )
    assert "Niet opgeslagen" in text(response)
    assert "pas na de vaststelling naar Gedeputeerde Staten" in text(response)
    assert not Begrotingscyclus.objects.filter(jaar=2028).exists()


def test_edit_and_delete_with_confirmation(regie_client, gr):
    cyclus = BegrotingscyclusFactory(samenwerkingsverband=gr, jaar=2027)
    ZienswijzeFactory(cyclus=cyclus, gemeente=gr.gemeenten.first())
    form = regie_client.get(url("cyclus-bewerken", gr, 2027))
    assert form.status_code == 200
    versie = form.context["form"]["versie"].value()
    assert 'value="2027"' in form.content.decode()
    response = regie_client.post(
        url("cyclus-bewerken", gr, 2027),
        {"jaar": "2027", "vaststelling_begroting": "2026-06-25", "versie": versie},
    )
    assert response.status_code == 302
    cyclus.refresh_from_db()
    assert cyclus.vaststelling_begroting == date(2026, 6, 25)
    confirm = text(regie_client.get(url("cyclus-verwijderen", gr, 2027)))
    assert "Weet u zeker" in confirm and "1 vastgelegde zienswijze" in confirm
    response = regie_client.post(url("cyclus-verwijderen", gr, 2027))
    assert response["Location"] == url("overzicht", gr)
    assert not Begrotingscyclus.objects.filter(pk=cyclus.pk).exists()


def test_stuurgroep_reads_only(stuur_client, gr):
    BegrotingscyclusFactory(samenwerkingsverband=gr, jaar=2027)
    page = text(stuur_client.get(url("cyclus", gr, 2027)))
    assert "Stappen en uiterste data" in page and "Bewerken" not in page
    assert "Nieuw begrotingsjaar" not in text(stuur_client.get(url("overzicht", gr)))
    assert stuur_client.get(url("cyclus-bewerken", gr, 2027)).status_code == 403
    assert stuur_client.post(url("cyclus-create", gr), {"jaar": "2028"}).status_code == 403


def test_a_regeling_zonder_meer_has_no_cycle(regie_client):
    sv = SamenwerkingsverbandFactory(
        naam="Convenant Test", juridische_vorm=JuridischeVorm.REGELING_ZONDER_MEER
    )
    page = text(regie_client.get(url("overzicht", sv)))
    assert "heeft geen eigen begroting" in page and "Nieuw begrotingsjaar" not in page
    response = regie_client.post(url("cyclus-create", sv), {"jaar": "2027"}, follow=True)
    assert "heeft geen eigen begroting" in text(response)
    assert not Begrotingscyclus.objects.filter(samenwerkingsverband=sv).exists()


def test_a_scenario_has_no_cycle(regie_client, gr):
    scenario = SamenwerkingsverbandFactory(
        naam="Scenario GR", scenario_van=gr, juridische_vorm=JuridischeVorm.OPENBAAR_LICHAAM
    )
    assert "is een scenario van" in text(regie_client.get(url("overzicht", scenario)))
    response = regie_client.post(url("cyclus-create", scenario), {"jaar": "2027"})
    assert response.status_code == 302
    assert not Begrotingscyclus.objects.filter(samenwerkingsverband=scenario).exists()


def test_ics_has_every_open_step_with_a_stable_uid(regie_client, gr):
    BegrotingscyclusFactory(
        samenwerkingsverband=gr,
        jaar=2027,
        vaststelling_begroting=date(2026, 7, 2),
        kaders_verzonden=date(2026, 4, 28),
    )
    BegrotingscyclusFactory(samenwerkingsverband=gr, jaar=2028)
    response = regie_client.get(url("ics", gr))
    assert response["Content-Type"].startswith("text/calendar")
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert len(events) == 5 + 6  # kaders 2027 done
    by_uid = {str(e["uid"]): e for e in events}
    gs = by_uid[f"begroting-{gr.pk}-2027-begroting_gs@regiekamer"]
    assert gs.decoded("dtstart") == date(2026, 7, 16)
    assert gs.decoded("dtend") == date(2026, 7, 17)
    assert "GRT 2027" in str(gs["summary"])
    kaders = by_uid[f"begroting-{gr.pk}-2028-kaders@regiekamer"]
    beschrijving = str(kaders["description"])
    # The date and the rule are each said once, labelled, not "uiterlijk …: uiterlijk …".
    assert "Uiterste datum: vrijdag 30-04-2027. Regel: " in beschrijving
    assert beschrijving.lower().count("uiterlijk") == 1
    again = Calendar.from_ical(regie_client.get(url("ics", gr)).content).walk("VEVENT")
    assert {str(e["uid"]) for e in again} == set(by_uid)


def test_overview_query_count_does_not_grow(regie_client, gr, django_assert_max_num_queries):
    for jaar in (2025, 2026):
        ZienswijzeFactory(
            cyclus=BegrotingscyclusFactory(samenwerkingsverband=gr, jaar=jaar),
            gemeente=gr.gemeenten.first(),
        )
    regie_client.get(url("overzicht", gr))
    changed(None)  # the page's content and the reader's access read afresh both times
    with django_assert_max_num_queries(26) as few:
        regie_client.get(url("overzicht", gr))
    for jaar in range(2027, 2035):
        ZienswijzeFactory(
            cyclus=BegrotingscyclusFactory(samenwerkingsverband=gr, jaar=jaar),
            gemeente=gr.gemeenten.first(),
        )
    changed(None)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = regie_client.get(url("overzicht", gr))
    assert "2034" in text(response)


def test_cycle_page_query_count_does_not_grow(regie_client, gr, django_assert_max_num_queries):
    cyclus = BegrotingscyclusFactory(samenwerkingsverband=gr, jaar=2027)
    regie_client.get(url("cyclus", gr, 2027))
    changed(None)  # the page's content computed afresh both times (regiekamer.dataversie)
    with django_assert_max_num_queries(30) as few:
        regie_client.get(url("cyclus", gr, 2027))
    for gemeente in gr.gemeenten.all():
        ZienswijzeFactory(cyclus=cyclus, gemeente=gemeente, ontvangen=date(2026, 6, 1))
    for n in range(4):
        gr.gemeenten.add(GemeenteFactory(naam=f"Extra {n}"))
    changed(None)
    with django_assert_max_num_queries(len(few.captured_queries) + 1):
        regie_client.get(url("cyclus", gr, 2027))
