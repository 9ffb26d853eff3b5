"""The bezettingsoverzicht as a PDF for the council."""

from . import kostengevolg
from .bezetting import build_bezettingsoverzicht


def bezetting_report(sv, **options) -> tuple[str, dict]:
    """The formation per role and fase with subtotals, totals and remarks."""
    context = {
        "titel": f"Bezettingsoverzicht {sv.naam}",
        "orientatie": "liggend",
        "overzicht": build_bezettingsoverzicht(sv),
        "forms_by_rol": {},
        "werkgroepen": sv.werkgroepen.all(),
        "gegevens_stand": kostengevolg.engine().gegevens_stand(sv),
    }
    return "rapporten/bezetting.html", context
