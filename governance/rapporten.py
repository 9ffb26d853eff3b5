"""The besluitenlijst as a PDF: the decisions of a gremium (or all gremia) over a period."""

from datetime import date

from regiekamer.pdf import RapportFout, data_state

from .models import Besluit, Gremium


def _gremium(sv, gremium) -> Gremium | None:
    if gremium is None or isinstance(gremium, Gremium):
        return gremium
    found = Gremium.objects.filter(samenwerkingsverband=sv, naam__iexact=gremium).order_by(
        "historisch", "-periode"
    )
    if not found:
        namen = ", ".join(sorted({g.naam for g in sv.gremia.all()}))
        raise RapportFout(f"Geen gremium '{gremium}' in {sv.naam}. Kies uit: {namen}.")
    return found[0]


def besluitenlijst_report(
    sv, gremium=None, jaar=None, vanaf: date | None = None, tot: date | None = None, **options
) -> tuple[str, dict]:
    """``gremium`` is a Gremium or its name; ``jaar`` or ``vanaf``/``tot`` bound the period."""
    gremium = _gremium(sv, gremium)
    if jaar:
        vanaf, tot = date(jaar, 1, 1), date(jaar, 12, 31)
    besluiten = Besluit.objects.filter(gremium__samenwerkingsverband=sv).select_related(
        "gremium", "agendapunt__vergadering"
    )
    if gremium is not None:
        besluiten = besluiten.filter(gremium=gremium)
    if vanaf:
        besluiten = besluiten.filter(datum__gte=vanaf)
    if tot:
        besluiten = besluiten.filter(datum__lte=tot)
    periode = " ".join(
        part
        for part in (
            f"vanaf {vanaf:%d-%m-%Y}" if vanaf else "",
            f"tot en met {tot:%d-%m-%Y}" if tot else "",
        )
        if part
    )
    wie = gremium.naam if gremium else sv.naam
    return "rapporten/besluitenlijst.html", {
        "titel": f"Besluitenlijst {wie}",
        "periode": periode or "alle besluiten",
        "gremium": gremium,
        "besluiten": besluiten.order_by("datum", "pk"),
        "gegevens_stand": data_state(Besluit.history.filter(gremium__samenwerkingsverband=sv)),
    }
