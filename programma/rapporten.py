"""The voortgangsrapportage as a PDF for the stuurgroep and the councils."""

from regiekamer.pdf import RapportFout

from .models import Programmaplan, Voortgangsrapportage
from .voortgang import planned_rows, report_rows, split_report


def choose_report(sv, periode: str | None = None) -> Voortgangsrapportage | None:
    """The report of ``periode``, else the report to show (``Voortgangsrapportage.objects.
    te_tonen()``: the latest sent to the stuurgroep, else the latest)."""
    reports = Voortgangsrapportage.objects.filter(plan__samenwerkingsverband=sv).select_related(
        "plan__samenwerkingsverband", "vorige"
    )
    if periode:
        found = reports.filter(periode__iexact=periode.strip()).order_by("-peildatum").first()
        if found is None:
            namen = ", ".join(r.periode for r in reports.order_by("peildatum"))
            raise RapportFout(
                f"Geen voortgangsrapportage over '{periode}'. Kies uit: {namen or 'geen'}."
            )
        return found
    return reports.te_tonen()


def voortgang_report(sv, periode=None, rapportage=None, **options) -> tuple[str, dict]:
    """The rows of §7 with their colour; completed deelopdrachten in the appendix."""
    rapportage = rapportage or choose_report(sv, periode)
    if rapportage is None:
        return _planning_only(sv)
    secties = split_report(list(report_rows(rapportage)))
    stand = (
        f"verzonden op {rapportage.vastgesteld_op:%d-%m-%Y}"
        if rapportage.is_frozen
        else "CONCEPT, nog niet verzonden"
    )
    return "rapporten/voortgang.html", {
        "titel": str(rapportage),
        "orientatie": "liggend",
        "rapportage": rapportage,
        "plan": rapportage.plan,
        "secties": secties,
        "gegevens_stand": f"peildatum {rapportage.peildatum:%d-%m-%Y}, {stand}",
    }


def _planning_only(sv) -> tuple[str, dict]:
    """No report yet: the rows as a first report would start, from the planning, marked so."""
    plan = Programmaplan.objects.filter(samenwerkingsverband=sv).order_by("-jaar_van").first()
    if plan is None:
        raise RapportFout(f"{sv.naam} heeft geen programmaplan.")
    return "rapporten/voortgang.html", {
        "titel": f"Voortgang {plan.titel}",
        "orientatie": "liggend",
        "rapportage": None,
        "plan": plan,
        "secties": split_report(planned_rows(plan)),
        "gegevens_stand": "nog geen voortgangsrapportage: de planning uit het plan",
    }
