"""The cost reports for the council, rendered by ``regiekamer.pdf``."""

from formatie.models import Bezetting, Fase, Rol
from regiekamer.history import latest_change
from regiekamer.pdf import RapportFout
from regiekamer.pdf import data_state as pdf_data_state
from regiekamer.spreadsheet import data_state_line as spreadsheet_state

from .budget import budget_context
from .gegevens import load_kostenverdeling
from .models import Budget, Budgetclaim, Verdeelsleutel
from .tabel import cost_table, cost_table_html, fits_one_print_table, share_tables
from .verdeling import KostenFout
from .verrekening import calculate_verrekening, scenario_melding


def cost_history(sv) -> tuple:
    """The history of what the costs are computed from: the formation and the key."""
    return (
        Rol.history.filter(samenwerkingsverband_id=sv.pk),
        Fase.history.filter(samenwerkingsverband_id=sv.pk),
        Bezetting.history.filter(rol__samenwerkingsverband_id=sv.pk),
        Verdeelsleutel.history.filter(samenwerkingsverband_id=sv.pk),
    )


def budget_history(sv) -> tuple:
    """The history of the budgets and claims the costs are checked against."""
    return (
        Budget.history.filter(samenwerkingsverband_id=sv.pk),
        Budgetclaim.history.filter(budget__samenwerkingsverband_id=sv.pk),
    )


def data_state(sv) -> str:
    """The newest change to the formation or the key of the samenwerkingsverband."""
    return pdf_data_state(*cost_history(sv))


def data_state_line(sv) -> str:
    """'Stand van de gegevens: 29-11-2026 20:15 (laatste wijziging); gemaakt op …' for the
    kostenverdeling sheet: the formation, the key, the budgets and their claims."""
    return spreadsheet_state(latest_change(*cost_history(sv), *budget_history(sv)))


def _kostenverdeling(sv):
    try:
        return load_kostenverdeling(sv)
    except KostenFout as fout:
        raise RapportFout(f"De kosten kunnen niet worden berekend: {fout}") from fout


def verrekening_context(sv, kv) -> dict:
    """Per year what each gemeente bore, its share, the balance and the payments."""
    penvoerder = sv.penvoerder.naam if sv.penvoerder_id else None
    return {
        "penvoerder": penvoerder,
        "gemeenten": kv.gemeenten,
        "jaren": calculate_verrekening(kv, penvoerder),
        "zonder_kosten": kv.zonder_kosten,
    }


def kostenverdeling_report(sv, **options) -> tuple[str, dict]:
    """Bijlage 1: the cost per role and the shares per gemeente, with the key and its source,
    and the budget check (budget − claims − aandeel)."""
    kv = _kostenverdeling(sv)
    context = cost_table(kv)
    context |= {
        "titel": f"Kostenverdeling {sv.naam}",
        "orientatie": "liggend",
        "verdeelsleutels": sv.verdeelsleutels.prefetch_related("aandelen__gemeente"),
        "gegevens_stand": pdf_data_state(*cost_history(sv), *budget_history(sv)),
    }
    context |= budget_context(kv, sv)
    if fits_one_print_table(kv):
        context["kostentabel"] = cost_table_html(context)
    else:
        context["aandelen_per_jaar"] = share_tables(kv)
    return "rapporten/kostenverdeling.html", context


def verrekening_report(sv, **options) -> tuple[str, dict]:
    """Borne, share, balance and payments per gemeente per year; never of a scenario."""
    if melding := scenario_melding(sv):
        raise RapportFout(melding)
    context = verrekening_context(sv, _kostenverdeling(sv))
    context |= {"titel": f"Onderlinge verrekening {sv.naam}", "gegevens_stand": data_state(sv)}
    return "rapporten/verrekening.html", context
