"""The cost table of Bijlage 1 laid out for display: the page and the PDF show the same rows."""

from .verdeling import Kostenverdeling


def cost_table(kv: Kostenverdeling) -> dict:
    """Rows per role, totals and the summary per gemeente, as template context."""
    sleutel = kv.sleutels[kv.jaren[-1]] if kv.jaren else None
    return {
        "kv": kv,
        "n_gemeenten": len(kv.gemeenten),
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
