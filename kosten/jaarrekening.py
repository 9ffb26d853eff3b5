"""What the nacalculatie, voorschotten and jaarrekening pages, PDFs and CSVs show.

The figures come from ``kosten.nacalculatie`` and ``kosten.voorschotten``; this module only puts
them together per year, for the page and the PDF alike (one context, two templates).
"""

from dataclasses import dataclass, field
from decimal import Decimal

from regiekamer.pdf import RapportFout
from regiekamer.pdf import data_state as pdf_data_state
from regiekamer.spreadsheet import csv_text

from .models import Realisatie, Voorschotregeling
from .nacalculatie import Nacalculatie, Vergelijking, load_nacalculatie
from .rapporten import cost_history
from .verdeling import KostenFout
from .verrekening import JaarVerrekening, calculate_jaar, drager_van
from .voorschotten import VoorschotJaar, periode_tekst, regeling_data, voorschot_jaar

GEEN_NACALCULATIE = "Een scenario heeft geen werkelijke kosten en dus geen nacalculatie"


def geen_nacalculatie(sv) -> str:
    """Why a scenario has no nacalculatie, voorschotten or jaarrekening; "" otherwise."""
    if not sv.is_scenario:
        return ""
    return (
        f"{GEEN_NACALCULATIE}: {sv.naam} is een scenario van {sv.scenario_van.naam}. De "
        f"werkelijke kosten en de nacalculatie staan bij {sv.scenario_van.afkorting}."
    )


def penvoerder_naam(sv) -> str | None:
    return sv.penvoerder.naam if sv.penvoerder_id else None


@dataclass
class RolRij:
    """A comparison row with who bore the rol-year (its Realisatie, else the plan's rule)."""

    v: Vergelijking
    drager: str | None


@dataclass
class JaarOverzicht:
    """One year of the nacalculatie: begroot against werkelijk per rol and per gemeente,
    and, for a complete year, the verrekening of the actual costs."""

    jaar: int
    rijen: list[RolRij]
    begroot: Decimal
    werkelijk: Decimal | None
    verschil: Decimal | None
    ontbrekend: list[str]
    per_gemeente: list = field(default_factory=list)
    verrekening: JaarVerrekening | None = None

    @property
    def volledig(self) -> bool:
        return self.verrekening is not None


def jaar_overzicht(n: Nacalculatie, jaar: int, penvoerder: str | None) -> JaarOverzicht:
    rijen = [RolRij(v, drager_van(v.rol, jaar, penvoerder, n.dragers)) for v in n.rijen(jaar)]
    overzicht = JaarOverzicht(
        jaar,
        rijen,
        n.begroot_totaal(jaar),
        n.werkelijk_totaal(jaar),
        n.verschil_totaal(jaar),
        n.ontbrekend(jaar),
    )
    if n.is_volledig(jaar):
        overzicht.per_gemeente = n.per_gemeente(jaar)
        overzicht.verrekening = calculate_jaar(n.werkelijk, jaar, penvoerder, n.dragers)
    return overzicht


def nacalculatie_context(sv, n: Nacalculatie) -> dict:
    penvoerder = penvoerder_naam(sv)
    return {
        "nacalculatie": n,
        "penvoerder": penvoerder,
        "overzichten": [jaar_overzicht(n, jaar, penvoerder) for jaar in n.jaren],
    }


def load(sv) -> Nacalculatie:
    """The nacalculatie for a report: a scenario or a cost error is a RapportFout."""
    if melding := geen_nacalculatie(sv):
        raise RapportFout(melding)
    try:
        return load_nacalculatie(sv)
    except KostenFout as fout:
        raise RapportFout(f"De nacalculatie kan niet worden berekend: {fout}") from fout


def nacalculatie_history(sv) -> tuple:
    return (*cost_history(sv), Realisatie.history.filter(samenwerkingsverband_id=sv.pk))


def nacalculatie_report(sv, **options) -> tuple[str, dict]:
    """Begroot against werkelijk per rol and per gemeente, and the verrekening per art. 5."""
    context = nacalculatie_context(sv, load(sv))
    context |= {
        "titel": f"Nacalculatie {sv.naam}",
        "orientatie": "liggend",
        "gegevens_stand": pdf_data_state(*nacalculatie_history(sv)),
    }
    return "rapporten/nacalculatie.html", context


def nacalculatie_csv_gemeenten(sv, n: Nacalculatie) -> str:
    """Per complete year and gemeente: aandeel begroot and werkelijk, verschil, gedragen, saldo."""
    rows = [
        [
            "jaar",
            "gemeente",
            "aandeel_begroot",
            "aandeel_werkelijk",
            "verschil",
            "gedragen",
            "saldo",
        ]
    ]
    for jv in n.verrekening(penvoerder_naam(sv)):
        for g in n.per_gemeente(jv.jaar):
            rows.append(
                [
                    jv.jaar,
                    g.gemeente,
                    g.begroot,
                    g.werkelijk,
                    g.verschil,
                    jv.gedragen.get(g.gemeente, Decimal(0)),
                    jv.saldo.get(g.gemeente, Decimal(0)),
                ]
            )
    return csv_text(rows)


def nacalculatie_csv_rollen(sv, n: Nacalculatie) -> str:
    """Per year and rol: begroot, werkelijk (empty: missing), verschil, drager, toelichting."""
    penvoerder = penvoerder_naam(sv)
    rows = [["jaar", "rol", "begroot", "werkelijk", "verschil", "gedragen_door", "toelichting"]]
    for jaar in n.jaren:
        for v in n.rijen(jaar):
            rows.append(
                [
                    jaar,
                    v.rol.naam,
                    v.begroot,
                    "" if v.werkelijk is None else v.werkelijk,
                    "" if v.verschil is None else v.verschil,
                    drager_van(v.rol, jaar, penvoerder, n.dragers) or "",
                    v.toelichting,
                ]
            )
    return csv_text(rows)


def regelingen(sv) -> list[Voorschotregeling]:
    return list(
        Voorschotregeling.objects.filter(samenwerkingsverband=sv).select_related(
            "pakket", "ontvanger"
        )
    )


@dataclass
class RegelingOverzicht:
    regeling: Voorschotregeling
    periode: str
    wat: str
    ontvanger: str
    jaren: list[VoorschotJaar]


def ontvanger_tekst(regeling, sv) -> str:
    if regeling.ontvanger_id:
        return regeling.ontvanger.naam
    return f"{sv.naam} zelf"


def wat_tekst(regeling) -> str:
    if regeling.pakket_id is None:
        return "alle kosten"
    return f"pakket {regeling.pakket.naam}"


def voorschotten_context(sv, n: Nacalculatie | None, jaar: int | None = None) -> dict:
    """Every regeling with per covered year (or only ``jaar``) the voorschotten."""
    overzichten = []
    for regeling in regelingen(sv):
        data = regeling_data(regeling)
        jaren = [j for j in (n.jaren if n else []) if data.covers(j) and jaar in (None, j)]
        overzichten.append(
            RegelingOverzicht(
                regeling,
                periode_tekst(regeling),
                wat_tekst(regeling),
                ontvanger_tekst(regeling, sv),
                [voorschot_jaar(n, data, j) for j in jaren],
            )
        )
    return {"regelingen": overzichten}


def jaarrekening_context(sv, n: Nacalculatie, jaar: int) -> dict:
    penvoerder = penvoerder_naam(sv)
    overzicht = jaar_overzicht(n, jaar, penvoerder)
    context = {
        "jaar": jaar,
        "overzicht": overzicht,
        "penvoerder": penvoerder,
        "verschillen": [r for r in overzicht.rijen if r.v.verschil],
        "nacalculatie": n,
    }
    context |= voorschotten_context(sv, n, jaar)
    context["regelingen"] = [r for r in context["regelingen"] if r.jaren]
    return context


def jaarrekening_report(sv, jaar: int | None = None, **options) -> tuple[str, dict]:
    """One year (default: the latest complete one, else the latest): begroot, werkelijk, the
    differences explained, the nacalculatie per gemeente and the voorschotten."""
    n = load(sv)
    if jaar is None and n.jaren:  # ``manage.py rapport jaarrekening CODE`` without --jaar
        jaar = (n.volledige_jaren or n.jaren)[-1]
    if jaar is None:
        raise RapportFout(f"{sv.naam} heeft nog geen begrote of werkelijke kosten.")
    if jaar not in n.jaren:
        raise RapportFout(f"{sv.naam} heeft in {jaar} geen begrote of werkelijke kosten.")
    context = jaarrekening_context(sv, n, jaar)
    context |= {
        "titel": f"Jaarrekening {jaar} {sv.naam}",
        "orientatie": "liggend",
        "gegevens_stand": pdf_data_state(
            *nacalculatie_history(sv),
            Voorschotregeling.history.filter(samenwerkingsverband_id=sv.pk),
        ),
    }
    return "rapporten/jaarrekening.html", context
