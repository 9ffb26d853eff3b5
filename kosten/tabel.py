"""The cost table of Bijlage 1 laid out for display: the page and the PDF show the same rows."""

from formatie.constants import Kostensoort
from regiekamer.opmaak import format_decimal, format_euro

from .verdeling import FaseData, Kostenverdeling, RolData


def kostenbasis(rol: RolData, fasen: list[FaseData]) -> str:
    """A rol's cost parameters as Bijlage 1 prints them after its name: "schaal 11",
    "fase 1: 1.092 u, fase 2: 390 u, € 95/u", "vast bedrag: fase 1 € 20.000, fase 2 € 80.000"."""
    if rol.kostensoort == Kostensoort.SCHAAL:
        return f"schaal {rol.schaal}" if rol.schaal is not None else "schaal onbekend"
    per_fase = [(f, rol.bezetting[f.id]) for f in fasen if rol.bezetting.get(f.id)]
    if rol.kostensoort == Kostensoort.UUR:
        uren = [
            f"{f.naam}: {format_decimal(fte * f.maanden * rol.uren_per_fte_per_maand)} u"
            for f, fte in per_fase
        ]
        return ", ".join([*uren, f"€ {format_decimal(rol.uurtarief or 0)}/u"])
    bedragen = ", ".join(f"{f.naam} € {format_euro(bedrag)}" for f, bedrag in per_fase)
    return f"vast bedrag: {bedragen}" if bedragen else "vast bedrag"


def cost_table(kv: Kostenverdeling) -> dict:
    """Rows per role, totals and the summary per gemeente, as template context."""
    sleutel = kv.sleutels[kv.jaren[-1]] if kv.jaren else None
    # The columns of a year that follows years without costs: drawn with a separator.
    gap_jaren = {i for i, j in enumerate(kv.jaren) if j in kv.na_onderbreking}
    return {
        "kv": kv,
        "n_gemeenten": len(kv.gemeenten),
        "gap_jaren": gap_jaren,
        "gap_aandelen": {i * len(kv.gemeenten) for i in gap_jaren},
        "rijen": [
            {
                "rol": rol,
                "kosten": [kv.regel(rol, j).kosten for j in kv.jaren],
                "aandelen": [
                    kv.regel(rol, j).aandelen.get(g) for j in kv.jaren for g in kv.gemeenten
                ],
            }
            for rol in kv.rollen
        ],
        "totaal_kosten": [kv.totaal_kosten(j) for j in kv.jaren],
        "totaal_aandelen": [kv.aandeel(g, j) for j in kv.jaren for g in kv.gemeenten],
        "samenvatting": [
            {
                "gemeente": g,
                "percentage": sleutel.percentage(g) if sleutel and g in sleutel.aandelen else None,
                "per_jaar": [kv.aandeel(g, j) for j in kv.jaren],
                "totaal": kv.totaal_gemeente(g),
            }
            for g in kv.gemeenten
        ],
        "totaal_incl_afronding": [kv.totaal_aandelen(j) for j in kv.jaren],
        "afrondingsverschillen": [kv.afrondingsverschil(j) for j in kv.jaren],
    }


# A4 landscape holds the role and about 16 figures side by side in the report's type.
PRINT_COLUMNS = 16


def fits_one_print_table(kv: Kostenverdeling) -> bool:
    """Whether the costs and every year's shares fit side by side, as in Bijlage 1 of MLW."""
    return len(kv.jaren) * (1 + len(kv.gemeenten)) <= PRINT_COLUMNS


def share_tables(kv: Kostenverdeling) -> list[dict]:
    """One table per year (the costs and each gemeente's share per role), for a print with
    more gemeenten or years than one table holds."""
    return [
        {
            "jaar": jaar,
            "rijen": [
                {
                    "rol": rol,
                    "kosten": kv.regel(rol, jaar).kosten,
                    "aandelen": [kv.regel(rol, jaar).aandelen.get(g) for g in kv.gemeenten],
                }
                for rol in kv.rollen
            ],
            "totaal_kosten": kv.totaal_kosten(jaar),
            "totaal_aandelen": [kv.aandeel(g, jaar) for g in kv.gemeenten],
        }
        for jaar in kv.jaren
    ]
