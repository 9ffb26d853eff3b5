"""The besluitenlijst as a PDF: the decisions of a gremium (or all gremia) over a period; and of
one meeting its uitnodiging (the convocation) and its besluitenlijst."""

from datetime import date

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.text import slugify

from regiekamer import datums
from regiekamer.pdf import RapportFout, data_state, render_pdf

from .models import Agendapunt, Besluit, Gremium, Stuk, Vergadering
from .vergaderinfo import datum_tekst, leden_op_vergaderdatum, plaats, tijd_tekst


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
            # Dates written as the decisions' own (regiekamer.datums): 1-1-2026.
            f"vanaf {datums.tekst(vanaf)}" if vanaf else "",
            f"tot en met {datums.tekst(tot)}" if tot else "",
        )
        if part
    )
    wie = gremium.naam if gremium else sv.naam
    return "rapporten/besluitenlijst.html", {
        "titel": f"Besluitenlijst {wie}",
        "periode": periode or "alle besluiten",
        "gremium": gremium,
        # Oldest first, a decision of unknown date last (regiekamer.datums).
        "besluiten": besluiten.order_by(datums.sort_key("datum"), "gremium__naam", "pk"),
        "gegevens_stand": data_state(Besluit.history.filter(gremium__samenwerkingsverband=sv)),
    }


# -- one meeting: the uitnodiging before it, the besluitenlijst after it ------------------


def _vergadering_context(vergadering) -> dict:
    punten = vergadering.agendapunten.order_by("volgorde").prefetch_related(
        Prefetch("stukken", queryset=Stuk.objects.order_by("titel")),
        Prefetch("besluiten", queryset=Besluit.objects.order_by(datums.sort_key("datum"), "pk")),
    )
    return {
        "vergadering": vergadering,
        "gremium": vergadering.gremium,
        "datum": datum_tekst(vergadering),
        "tijd": tijd_tekst(vergadering),
        "plaats": plaats(vergadering),
        "agendapunten": punten,
        "leden": leden_op_vergaderdatum(vergadering),
        "samenwerkingsverband": vergadering.gremium.samenwerkingsverband,
    }


def _bestandsnaam(soort: str, vergadering) -> str:
    dag = timezone.localtime(vergadering.begin)
    return f"{soort}-{slugify(vergadering.gremium.naam)}-{dag:%Y-%m-%d}.pdf"


def uitnodiging_pdf(vergadering) -> tuple[bytes, str]:
    """The convocation: date, time, place, chair, the agenda with each item's kind, toelichting
    and stukken."""
    context = _vergadering_context(vergadering)
    titel = f"Uitnodiging {vergadering.gremium.naam}"
    if vergadering.is_geannuleerd:
        titel = f"Vervallen: {titel}"
    context |= {
        "titel": titel,
        "gegevens_stand": data_state(
            Vergadering.history.filter(id=vergadering.pk),
            Agendapunt.history.filter(vergadering_id=vergadering.pk),
        ),
    }
    return render_pdf("rapporten/uitnodiging.html", context), _bestandsnaam(
        "uitnodiging", vergadering
    )


def besluiten_vergadering_pdf(vergadering) -> tuple[bytes, str]:
    """The decisions taken at the meeting's agenda items, with their outcome."""
    context = _vergadering_context(vergadering)
    besluiten = Besluit.objects.filter(agendapunt__vergadering=vergadering).select_related(
        "agendapunt"
    )
    context |= {
        "titel": f"Besluitenlijst {vergadering.gremium.naam}, vergadering van {context['datum']}",
        "besluiten": besluiten.order_by("agendapunt__volgorde", datums.sort_key("datum"), "pk"),
        "gegevens_stand": data_state(
            Besluit.history.filter(agendapunt__vergadering_id=vergadering.pk)
        ),
    }
    return render_pdf("rapporten/besluiten_vergadering.html", context), _bestandsnaam(
        "besluitenlijst", vergadering
    )
