"""The comparison of a samenwerkingsverband with its scenario's as a PDF for the stuurgroep."""

from formatie.models import Bezetting, Rol
from kosten.models import Verdeelsleutel
from partijen.models import Inwonertal
from regiekamer.pdf import data_state

from .vergelijking import build_vergelijking


def vergelijking_data_state(vergelijking) -> str:
    ids = [v.samenwerkingsverband.pk for v in vergelijking.varianten]
    return data_state(
        Rol.history.filter(samenwerkingsverband_id__in=ids),
        Bezetting.history.filter(rol__samenwerkingsverband_id__in=ids),
        Verdeelsleutel.history.filter(samenwerkingsverband_id__in=ids),
        Inwonertal.history.filter(gemeente__samenwerkingsverbanden__in=ids),
    )


def scenariovergelijking_report(sv, **options) -> tuple[str, dict]:
    """Per gemeente and year: the real costs and each scenario's, the difference, per inwoner
    and per 1.000 inwoners, and what is missing."""
    vergelijking = build_vergelijking(sv)
    echt = vergelijking.echt.samenwerkingsverband
    return "rapporten/scenariovergelijking.html", {
        "titel": f"Vergelijking scenario's {echt.naam}",
        "samenwerkingsverband": echt,
        "orientatie": "liggend",  # six columns of figures
        "vergelijking": vergelijking,
        "gegevens_stand": vergelijking_data_state(vergelijking),
    }
