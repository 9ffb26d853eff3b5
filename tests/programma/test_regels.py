"""Programme rules: dates, the import flag, drafting, freezing, appendix, trend, budget."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from programma.budget import budget_totals
from programma.constants import Rapportagestatus, Uitvoering
from programma.models import Budgetpost, Voortgangsregel
from programma.planning import GanttRow, build_gantt_svg, parse_planning
from programma.voortgang import (
    build_trend,
    draft_report,
    freeze_report,
    split_report,
    status_counts,
)

from .helpers import opdracht, plan, set_row

pytestmark = pytest.mark.django_db


# --- planning text of the document --------------------------------------------------------


def test_parse_planning_reads_the_documents_dates():
    assert parse_planning("01-09-2021 tot 01-04-2022").eind == date(2022, 4, 1)
    assert parse_planning("01-9-2021 tot 01-04-2022").start == date(2021, 9, 1)
    assert not parse_planning("01-09-2021 tot 01-04-2022").te_controleren
    assert parse_planning("") == parse_planning("  ")


def test_parse_planning_flags_an_end_before_the_start():
    dates = parse_planning("01-09-2021 tot 01-04-2021")
    assert (dates.start, dates.eind) == (date(2021, 9, 1), None)
    assert dates.te_controleren
    assert "'01-09-2021 tot 01-04-2021'" in dates.opmerking


def test_parse_planning_flags_text_it_cannot_read():
    dates = parse_planning("na de zomer")
    assert (dates.start, dates.eind) == (None, None)
    assert "niet te lezen" in dates.opmerking


# --- the model refuses an end before a start ----------------------------------------------


def test_opdracht_refuses_an_end_before_its_start(demo):
    o = opdracht("1.1")
    o.eind = date(2021, 8, 1)
    with pytest.raises(ValidationError) as error:
        o.full_clean()
    assert error.value.message_dict["eind"] == ["De einddatum ligt vóór de startdatum."]
    with pytest.raises(IntegrityError), transaction.atomic():
        o.save()  # the database refuses it as well


def test_a_step_needs_its_hoofdopdracht(demo):
    stap = opdracht("2.1 stap 1")
    stap.hoofdopdracht = None
    with pytest.raises(ValidationError) as error:
        stap.full_clean()
    assert "stap" in error.value.message_dict


# --- drafting, freezing, the appendix -----------------------------------------------------


def first_report():
    return draft_report(plan(), date(2021, 10, 31), "september–oktober 2021")


def test_the_first_report_is_drafted_from_the_planning(demo):
    report = first_report()
    rows = list(report.regels.select_related("opdracht__thema"))
    assert len(rows) == 17
    assert {r.uitvoering for r in rows} == {Uitvoering.NIET_GESTART}
    row = next(r for r in rows if r.opdracht.code == "1.4")
    assert (row.startdatum, row.realisatiedatum) == (date(2021, 9, 1), date(2022, 4, 1))
    flagged = next(r for r in rows if r.opdracht.code == "2.1 stap 1")
    assert flagged.realisatiedatum is None  # not invented
    assert report.status == Rapportagestatus.CONCEPT and report.vorige is None


def test_only_one_concept_and_dates_move_forward(demo):
    report = first_report()
    with pytest.raises(ValidationError, match="al een concept"):
        draft_report(plan(), date(2021, 12, 31), "november–december 2021")
    freeze_report(report, None)
    with pytest.raises(ValidationError, match="na die van de vorige"):
        draft_report(plan(), date(2021, 10, 31), "opnieuw")


def test_a_report_drafted_meanwhile_by_someone_else_is_a_dutch_conflict(demo, regie_client):
    """The row appears after the checks and before the save (two officials at once): the form
    comes back with a Dutch message, nothing of the second draft is stored."""
    from programma.models import Voortgangsrapportage

    checks = Voortgangsrapportage.full_clean

    def clash(self, *args, **kwargs):
        checks(self, *args, **kwargs)
        Voortgangsrapportage.objects.create(plan=self.plan, peildatum=self.peildatum, periode="x")

    url = reverse("programma:rapportage-create", args=["MLW", plan().pk])
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Voortgangsrapportage, "full_clean", clash)
        response = regie_client.post(url, {"peildatum": "2021-10-31", "periode": "sep–okt"})
    assert response.status_code == 200
    assert "iemand anders heeft tegelijk een rapportage" in response.content.decode()
    assert Voortgangsrapportage.objects.filter(plan=plan()).count() == 0


def test_freezing_requires_a_colour_for_running_rows(demo):
    report = first_report()
    row = report.regels.get(opdracht=opdracht("1.4"))
    row.uitvoering = Uitvoering.LOPEND
    row.save()  # saved without clean, as an unfinished concept can be
    with pytest.raises(ValidationError) as error:
        freeze_report(report, None)
    assert "1.4: Kies een kleurstatus voor een opdracht die loopt." in error.value.messages
    report.refresh_from_db()
    assert report.status == Rapportagestatus.CONCEPT


def test_a_frozen_report_never_changes(demo, regie_user):
    report = first_report()
    set_row(report, "1.4", uitvoering=Uitvoering.LOPEND, kleurstatus="risico", toelichting="x")
    frozen = freeze_report(report, regie_user)
    assert frozen.status == Rapportagestatus.VASTGESTELD
    assert frozen.vastgesteld_door == regie_user and frozen.vastgesteld_op is not None

    row = frozen.regels.get(opdracht=opdracht("1.4"))
    row.kleurstatus = "goed"
    with pytest.raises(ValidationError, match="verandert niet meer"):
        row.full_clean()
    with pytest.raises(ValidationError, match="verandert niet meer"):
        row.save()
    with pytest.raises(ValidationError, match="verandert niet meer"):
        row.delete()
    frozen.periode = "anders"
    with pytest.raises(ValidationError, match="verandert niet meer"):
        frozen.save()
    with pytest.raises(ValidationError, match="verandert niet meer"):
        frozen.delete()
    with pytest.raises(ValidationError, match="al verzonden"):
        freeze_report(frozen, regie_user)
    assert Voortgangsregel.objects.get(pk=row.pk).kleurstatus == "risico"


def test_the_next_report_starts_as_a_copy_of_the_frozen_one(demo):
    report = first_report()
    set_row(
        report,
        "1.4",
        uitvoering=Uitvoering.LOPEND,
        kleurstatus="risico",
        bijgestelde_datum=date(2022, 6, 1),
        toelichting="Advies loopt uit.",
    )
    freeze_report(report, None)
    nxt = draft_report(plan(), date(2021, 12, 31), "november–december 2021")
    assert nxt.vorige == report and nxt.status == Rapportagestatus.CONCEPT
    row = nxt.regels.get(opdracht=opdracht("1.4"))
    assert (row.uitvoering, row.kleurstatus, row.bijgestelde_datum, row.toelichting) == (
        Uitvoering.LOPEND,
        "risico",
        date(2022, 6, 1),
        "Advies loopt uit.",
    )
    assert nxt.regels.count() == 17
    # Editing the copy leaves the frozen report as it was sent.
    set_row(nxt, "1.4", kleurstatus="probleem")
    assert report.regels.get(opdracht=opdracht("1.4")).kleurstatus == "risico"


def test_completed_opdrachten_move_to_the_appendix(demo):
    report = first_report()
    set_row(report, "1.5", uitvoering=Uitvoering.AFGEROND)
    set_row(report, "1.4", uitvoering=Uitvoering.LOPEND, kleurstatus="goed")
    set_row(report, "5", uitvoering=Uitvoering.LOPEND, kleurstatus="probleem")
    rows = list(report.regels.select_related("opdracht__thema"))
    sections = split_report(rows)
    assert [r.opdracht.code for r in sections.bijlage] == ["1.5"]
    assert [r.opdracht.code for r in sections.lopend] == ["1.4", "5"]
    assert len(sections.niet_gestart) == 14
    assert [r.opdracht.code for r in sections.hoofdtabel][:2] == ["1.4", "5"]
    assert status_counts(rows) == {
        "goed": 1,
        "risico": 0,
        "probleem": 1,
        "niet_gestart": 14,
        "afgerond": 1,
    }


def test_trend_marks_a_date_that_slipped(demo):
    report = first_report()
    set_row(report, "1.4", uitvoering=Uitvoering.LOPEND, kleurstatus="goed")
    freeze_report(report, None)
    nxt = draft_report(plan(), date(2021, 12, 31), "november–december 2021")
    set_row(nxt, "1.4", kleurstatus="risico", bijgestelde_datum=date(2022, 7, 1))
    reports, lines = build_trend(plan())
    assert [r.periode for r in reports] == ["september–oktober 2021", "november–december 2021"]
    line = next(line for line in lines if line.opdracht.code == "1.4")
    assert [c.row.kleurstatus for c in line.cells] == ["goed", "risico"]
    assert [c.slipped for c in line.cells] == [False, True]
    other = next(line for line in lines if line.opdracht.code == "1.1")
    assert other.slip_count == 0


# --- budget -------------------------------------------------------------------------------


def test_budget_totals_keep_pm_apart():
    lines = [
        Budgetpost(nummer=1, omschrijving="a", pm=True),
        Budgetpost(nummer=2, omschrijving="b", bedrag=Decimal("60000"), verplicht=Decimal("10000")),
        Budgetpost(nummer=3, omschrijving="c", bedrag=Decimal("15000"), besteed=Decimal("20000")),
    ]
    totals = budget_totals(lines)
    assert totals.bedrag == Decimal("75000")
    assert totals.aantal_pm == 1 and totals.label == "+ 1 PM-post"
    assert totals.restant == Decimal("45000")  # 50.000 free, 5.000 overspent
    assert lines[0].restant is None and lines[2].restant == Decimal("-5000")


def test_budget_line_is_an_amount_or_pm(demo):
    post = plan().budgetposten.get(nummer=2)
    post.pm = True
    with pytest.raises(IntegrityError), transaction.atomic():
        post.save()


# --- Gantt --------------------------------------------------------------------------------


def test_gantt_marks_today_and_an_unknown_end():
    rows = [
        GanttRow(
            "1.4", "Juridisch construct", date(2021, 9, 1), date(2022, 4, 1), relaties=["1.1"]
        ),
        GanttRow("2.1 stap 1", "Visie", date(2021, 9, 1), None, te_controleren=True),
    ]
    svg = build_gantt_svg(rows, date(2021, 11, 15))
    assert "vandaag 15-11-2021" in svg
    assert "einde onbekend" in svg
    assert "1.4  Juridisch construct" in svg
    assert "vandaag" not in build_gantt_svg(rows, date(2026, 11, 23))
