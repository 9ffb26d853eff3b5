"""The bimonthly voortgangsrapportage (§7): drafting, freezing, the appendix rule and the trend.

A report is drafted from the previous one (the first from the plan's planning), edited while
it is a concept, and frozen when it is sent to the stuurgroep. A frozen report never changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from regiekamer import dataversie
from regiekamer.history import history_moment

from .constants import Rapportagestatus, Uitvoering
from .models import Opdracht, Programmaplan, Voortgangsrapportage, Voortgangsregel


def report_rows(rapportage: Voortgangsrapportage):
    """A report's rows with what their links and codes need, in one query."""
    return rapportage.regels.select_related(
        "opdracht__thema__plan__samenwerkingsverband", "opdracht__hoofdopdracht"
    )


def latest_report(plan: Programmaplan) -> Voortgangsrapportage | None:
    return plan.rapportages.order_by("-peildatum").first()


def planned_rows(plan, vorige=None, rapportage=None) -> list[Voortgangsregel]:
    """Unsaved rows for every deelopdracht: copied from ``vorige``, else from the planning."""
    previous_rows = {r.opdracht_id: r for r in vorige.regels.all()} if vorige else {}
    opdrachten = Opdracht.objects.of_plan(plan).deelopdrachten()
    rows = []
    for opdracht in opdrachten.select_related("thema__plan__samenwerkingsverband"):
        row = Voortgangsregel(rapportage=rapportage, opdracht=opdracht)
        previous = previous_rows.get(opdracht.pk)
        if previous is not None:
            for name in Voortgangsregel.REPORTED_FIELDS:
                setattr(row, name, getattr(previous, name))
        else:
            row.startdatum, row.realisatiedatum = opdracht.start, opdracht.eind
        rows.append(row)
    return rows


@transaction.atomic
def draft_report(plan: Programmaplan, peildatum: date, periode: str) -> Voortgangsrapportage:
    """A new concept report: a copy of the latest report, or built from the planning.

    Every deelopdracht gets a row; one that the previous report did not have yet starts from
    its planning, not started.
    """
    # Lock the plan row so that two officials drafting at once cannot both pass the checks.
    Programmaplan.objects.select_for_update().filter(pk=plan.pk).first()
    vorige = latest_report(plan)
    if vorige is not None and not vorige.is_frozen:
        raise ValidationError(
            "Er is al een concept-rapportage (%(periode)s). Verstuur die eerst aan de stuurgroep.",
            params={"periode": vorige.periode},
        )
    if vorige is not None and peildatum <= vorige.peildatum:
        raise ValidationError(
            "De peildatum moet na die van de vorige rapportage liggen (%(datum)s).",
            params={"datum": f"{vorige.peildatum:%d-%m-%Y}"},
        )
    rapportage = Voortgangsrapportage(
        plan=plan,
        peildatum=peildatum,
        periode=periode,
        vorige=vorige,
        samenvatting=vorige.samenvatting if vorige else "",
    )
    rapportage.full_clean()
    try:
        with transaction.atomic():
            rapportage.save()
    except IntegrityError as clash:  # another official drafted at the same moment
        raise ValidationError(
            "Niet opgeslagen: iemand anders heeft tegelijk een rapportage met deze peildatum "
            "opgesteld. Bekijk de rapportages en probeer het opnieuw."
        ) from clash

    rows = planned_rows(plan, vorige, rapportage)
    # One insert, and each row's history, in the same history line as the report's.
    bulk_create_with_history(rows, Voortgangsregel, default_date=history_moment())
    dataversie.changed([plan.samenwerkingsverband_id])  # a bulk insert sends no signal
    return rapportage


@transaction.atomic
def freeze_report(rapportage: Voortgangsrapportage, user) -> Voortgangsrapportage:
    """Send the report to the stuurgroep: every row must be valid; from now on it is read-only."""
    locked = Voortgangsrapportage.objects.select_for_update().get(pk=rapportage.pk)
    if locked.is_frozen:
        raise ValidationError("Deze rapportage is al verzonden aan de stuurgroep.")
    problems = report_problems(locked.regels.select_related("opdracht__thema"))
    if problems:
        raise ValidationError(["Nog niet compleet:", *problems])
    mark_sent(locked, user, timezone.now())
    locked.save()
    return locked


def report_problems(rows) -> list[str]:
    """What keeps a report's rows from being sent, per opdracht ("1.2: ..."); empty: none."""
    problems = []
    for row in rows:
        try:
            row.full_clean(exclude=["rapportage", "opdracht"])
        except ValidationError as error:
            problems.append(f"{row.opdracht.code}: {' '.join(error.messages)}")
    return problems


def mark_sent(rapportage: Voortgangsrapportage, user, moment) -> None:
    """Record (unsaved) that ``user`` sent the report to the stuurgroep at ``moment``."""
    rapportage.status = Rapportagestatus.VASTGESTELD
    rapportage.vastgesteld_op = moment
    rapportage.vastgesteld_door = user


@dataclass
class ReportSections:
    """The rows of a report as §7 prints them: running and not started, then the appendix."""

    lopend: list = field(default_factory=list)
    niet_gestart: list = field(default_factory=list)
    bijlage: list = field(default_factory=list)

    @property
    def hoofdtabel(self) -> list:
        return self.lopend + self.niet_gestart


def split_report(rows) -> ReportSections:
    """Completed deelopdrachten move to the appendix; the main table keeps the others in order."""
    sections = ReportSections()
    for row in rows:
        if row.uitvoering == Uitvoering.AFGEROND:
            sections.bijlage.append(row)
        elif row.uitvoering == Uitvoering.NIET_GESTART:
            sections.niet_gestart.append(row)
        else:
            sections.lopend.append(row)
    return sections


def status_counts(rows) -> dict[str, int]:
    """How many rows are goed / risico / probleem, not started and completed."""
    counts = {"goed": 0, "risico": 0, "probleem": 0, "niet_gestart": 0, "afgerond": 0}
    for row in rows:
        if row.uitvoering != Uitvoering.LOPEND:
            counts[row.uitvoering] += 1
        elif row.kleurstatus:  # a running row without a colour is an unfinished concept
            counts[row.kleurstatus] += 1
    return counts


def slipped(row, previous) -> bool:
    """The expected completion date moved later than the previous report said."""
    if previous is None or row.verwachte_datum is None or previous.verwachte_datum is None:
        return False
    return row.verwachte_datum > previous.verwachte_datum


@dataclass
class TrendCell:
    row: Voortgangsregel | None
    slipped: bool = False


@dataclass
class TrendLine:
    opdracht: Opdracht
    cells: list[TrendCell]

    @property
    def slip_count(self) -> int:
        return sum(cell.slipped for cell in self.cells)


def build_trend(plan: Programmaplan) -> tuple[list[Voortgangsrapportage], list[TrendLine]]:
    """Per deelopdracht its row in each report, oldest report first; slipping dates marked."""
    reports = list(plan.rapportages.order_by("peildatum"))
    rows = Voortgangsregel.objects.filter(rapportage__plan=plan)
    by_key = {(r.rapportage_id, r.opdracht_id): r for r in rows}
    lines = []
    for opdracht in Opdracht.objects.of_plan(plan).deelopdrachten().select_related("thema"):
        cells, previous = [], None
        for report in reports:
            row = by_key.get((report.pk, opdracht.pk))
            cells.append(TrendCell(row=row, slipped=row is not None and slipped(row, previous)))
            previous = row or previous
        lines.append(TrendLine(opdracht=opdracht, cells=cells))
    return reports, lines
