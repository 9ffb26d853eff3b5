"""The cost reports for the council, rendered by ``regiekamer.pdf``."""

from django.utils import formats

from formatie.models import Bezetting, Fase, Rol
from regiekamer.history import latest_change
from regiekamer.pdf import RapportFout

from .gegevens import load_kostenverdeling
from .models import Verdeelsleutel
from .tabel import cost_table
from .verdeling import KostenFout


def data_state(sv) -> str:
    """'gegevens van 5 juli 2021 14:02': the newest change to formation or key."""
    moment = latest_change(
        Rol.history.filter(samenwerkingsverband_id=sv.pk),
        Fase.history.filter(samenwerkingsverband_id=sv.pk),
        Bezetting.history.filter(rol__samenwerkingsverband_id=sv.pk),
        Verdeelsleutel.history.filter(samenwerkingsverband_id=sv.pk),
    )
    if moment is None:
        return ""
    return "gegevens van " + formats.date_format(moment, "j F Y H:i")


def kostenverdeling_report(sv, **options) -> tuple[str, dict]:
    """Bijlage 1: the cost per role and the shares per gemeente, with the key and its source."""
    try:
        kv = load_kostenverdeling(sv)
    except KostenFout as fout:
        raise RapportFout(f"De kosten kunnen niet worden berekend: {fout}") from fout
    context = cost_table(kv)
    context |= {
        "titel": f"Kostenverdeling {sv.naam}",
        "orientatie": "liggend",
        "verdeelsleutels": sv.verdeelsleutels.prefetch_related("aandelen__gemeente"),
        "gegevens_stand": data_state(sv),
    }
    return "rapporten/kostenverdeling.html", context
