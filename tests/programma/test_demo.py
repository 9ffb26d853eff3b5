"""The programmaplan 2021–2024 of MLW as the demo loads it from seed 003."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command

from programma.budget import budget_totals
from programma.models import Opdracht, Voortgangsrapportage

from .helpers import opdracht, plan

pytestmark = pytest.mark.django_db

DEELOPDRACHTEN = [
    "1.1", "1.2", "1.3", "1.4", "1.5",
    "2.1 stap 1", "2.1 stap 2", "2.2", "2.3", "2.4",
    "3.1", "3.2", "3.3", "3.4",
    "4", "5", "6",
]  # fmt: skip


def test_the_plan_and_its_themes(demo):
    p = plan()
    assert (p.titel, p.versie, p.datum) == (
        "Programmaplan sociaal domein MLW 2021-2024 (Jeugd/Wmo)",
        4,
        date(2021, 7, 5),
    )
    assert (p.van, p.voor, p.rapportage_interval_maanden) == (
        "Ambtelijke regiegroep",
        "Stuurgroep",
        2,
    )
    assert [t.naam for t in p.themas.all()] == [
        "Organisatiecultuur en -structuur",
        "Regionale inkoop",
        "Uitvoering Wmo",
        "CJG",
        "Dashboard",
        "ICT",
    ]
    assert p.doelen.count() == 6
    assert p.doelen.get(nummer=2).tekst.startswith("Eén Plan voor elk thuis")
    assert p.startvragen.count() == 11
    assert p.startvragen.get(nummer=6).tekst == "Wie zijn stakeholders en hoe betrekken we hen?"


def test_the_seventeen_deelopdrachten(demo):
    codes = [o.code for o in Opdracht.objects.of_plan(plan()).deelopdrachten()]
    assert codes == DEELOPDRACHTEN
    # 2.1 itself is the opdracht of the format; its two steps are what is planned and reported.
    assert Opdracht.objects.of_plan(plan()).count() == 18
    assert [s.code for s in opdracht("2.1").stappen.all()] == ["2.1 stap 1", "2.1 stap 2"]
    # The order of the planning table in §6 is kept.
    assert opdracht("1.4").planningsvolgorde == 1
    assert opdracht("2.1 stap 2").planningsvolgorde == 17


def test_the_fields_of_the_standard_format(demo):
    o = opdracht("2.4")
    assert o.titel == "Verbeteren van de automatiseringsondersteuning"
    assert o.verantwoordelijk_uitvoerder == "Inkoopadviseur."
    assert o.samenstelling_uitvoerders == (
        "Inkoopadviseur, contractmanager, adviseur informatievoorziening"
    )
    assert o.bedrag == Decimal("15000.00")
    assert (o.start, o.eind) == (date(2022, 1, 1), date(2022, 4, 1))
    assert [r.tekst for r in o.resultaten.all()] == [
        "Advies verbetering automatiseringsondersteuning inkoop.",
        "Verbetervoorstellen geïmplementeerd",
    ]
    assert opdracht("1.2").resultaten.count() == 3
    assert "Norm voor het opdrachtgeverschap jeugd".lower() in opdracht("1.4").kaders.lower()
    assert opdracht("1.5").bedrag == Decimal("60000.00")
    assert opdracht("5").bedrag == Decimal("50000.00")
    assert opdracht("1.1").financiering == "Vooralsnog niet van toepassing"
    assert opdracht("1.3").risicos == "Geen"
    assert opdracht("2.3").start == date(2021, 9, 1)  # "01-9-2021" in the document


def test_relations_link_both_ways(demo):
    codes = lambda o: sorted(r.code for r in o.relaties.all())  # noqa: E731
    assert codes(opdracht("1.1")) == ["1.2", "1.3", "1.4", "1.5", "2.1"]
    assert "5" in codes(opdracht("4"))  # 5 names 4; 4 shows 5 too
    assert codes(opdracht("3.4")) == ["3.1", "3.2", "3.3"]


def test_the_impossible_date_is_flagged_not_invented(demo):
    stap1 = opdracht("2.1 stap 1")
    assert stap1.start == date(2021, 9, 1)
    assert stap1.eind is None
    assert stap1.te_controleren
    assert "01-09-2021 tot 01-04-2021" in stap1.controle_opmerking
    flagged = Opdracht.objects.of_plan(plan()).filter(te_controleren=True)
    assert sorted(o.code for o in flagged) == ["2.1 stap 1", "2.1 stap 2"]
    # Stap 2 keeps its own dates; it is flagged because it begins before stap 1.
    stap2 = opdracht("2.1 stap 2")
    assert (stap2.start, stap2.eind) == (date(2021, 4, 1), date(2022, 12, 1))


def test_budget_lines_and_total_with_pm(demo):
    posten = list(plan().budgetposten.all())
    assert [(p.omschrijving, p.bedrag, p.pm) for p in posten] == [
        ("Programmamanager", None, True),
        ("Kwartiermaker", Decimal("60000.00"), False),
        ("Uitbesteden inkoop", Decimal("150000.00"), False),
        ("Optimaliseren ondersteuning automatisering inkoopproces", Decimal("15000.00"), False),
        ("Dashboard", Decimal("50000.00"), False),
    ]
    totals = budget_totals(posten)
    assert totals.bedrag == Decimal("275000.00")
    assert totals.aantal_pm == 1
    assert [o.code for o in posten[2].opdrachten.all()] == ["2.2"]


def test_no_progress_is_invented_and_a_second_load_changes_nothing(demo):
    assert not Voortgangsrapportage.objects.exists()
    before = (Opdracht.objects.count(), Opdracht.history.count())
    call_command("laad_demo", zonder_gebruikers=True, verbosity=0)
    assert (Opdracht.objects.count(), Opdracht.history.count()) == before
