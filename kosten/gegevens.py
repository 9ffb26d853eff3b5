"""Read a samenwerkingsverband's formation and keys from the database for the cost engine.

A fixed number of queries, whatever the number of roles, fasen or gemeenten.
"""

from decimal import Decimal

from formatie.constants import Kostensoort
from formatie.models import Fase, Rol, Salarisschaal
from partijen.models import Inwonertal, Samenwerkingsverband

from .constants import Verdeelmethode
from .models import Verdeelsleutel
from .verdeling import (
    FaseData,
    FormatieData,
    KostenFout,
    Kostenverdeling,
    RolData,
    Sleutel,
    calculate_kostenverdeling,
)


def uurtarieven(rol: Rol, first_year: int | None) -> dict[int, Decimal]:
    """A hired rol's hourly rate per begrotingsjaar: its own ``uurtarief`` from the
    formation's first year, then its ``Uurtarief`` rows (prefetched)."""
    rates = {}
    if rol.kostensoort == Kostensoort.UUR:
        if rol.uurtarief is not None and first_year is not None:
            rates[first_year] = rol.uurtarief
        rates |= {u.jaar: u.uurtarief for u in rol.uurtarieven.all()}
    return rates


def load_formatie(sv: Samenwerkingsverband) -> FormatieData:
    fasen = [
        FaseData(f.pk, f.naam, f.begin, f.eind)
        for f in Fase.objects.filter(samenwerkingsverband=sv).order_by("begin")
    ]
    rollen = []
    queryset = (
        Rol.objects.filter(samenwerkingsverband=sv)
        .select_related("leverende_gemeente")
        .prefetch_related("bezettingen", "uurtarieven")
        .order_by("volgorde", "naam")
    )
    first_year = fasen[0].begin.year if fasen else None
    for rol in queryset:
        bezetting = {}
        for b in rol.bezettingen.all():
            value = b.waarde
            if value is not None:
                bezetting[b.fase_id] = value
        rollen.append(
            RolData(
                id=rol.pk,
                naam=rol.naam,
                kostensoort=rol.kostensoort,
                leverende_gemeente=rol.leverende_gemeente.naam if rol.leverende_gemeente else None,
                schaal=rol.schaal,
                uurtarief=rol.uurtarief,
                uren_per_fte_per_maand=rol.uren_per_fte_per_maand,
                uurtarieven=uurtarieven(rol, first_year),
                bezetting=bezetting,
                naam_in_kostentabel=rol.naam_in_kostentabel,
            )
        )
    schalen = {
        (s.schaal, s.jaar): s.jaarkosten_per_fte
        for s in Salarisschaal.objects.filter(samenwerkingsverband=sv)
    }
    return FormatieData(fasen, rollen, schalen)


def describe_sleutel(sleutel: Verdeelsleutel) -> str:
    if sleutel.methode == Verdeelmethode.INWONERTAL:
        text = f"naar inwonertal op {sleutel.peildatum:%d-%m-%Y}"
    else:
        text = "vastgestelde percentages"
    return f"{text} ({sleutel.bron})" if sleutel.bron else text


def load_sleutels(sv: Samenwerkingsverband, jaren: list[int]) -> dict[int, Sleutel]:
    """The key of every year that a Verdeelsleutel covers (a later start wins)."""
    sleutels = list(
        Verdeelsleutel.objects.filter(samenwerkingsverband=sv)
        .prefetch_related("aandelen__gemeente")
        .order_by("vanaf_jaar")
    )
    inwonertallen = list(
        Inwonertal.objects.filter(gemeente__samenwerkingsverbanden=sv)
        .select_related("gemeente")
        .order_by("peildatum")
    )
    deelnemers = [g.naam for g in sv.gemeenten.all()]
    built = {}
    for sleutel in sleutels:
        omschrijving = describe_sleutel(sleutel)
        if sleutel.methode == Verdeelmethode.INWONERTAL:
            latest = {}
            for i in inwonertallen:
                if i.peildatum <= sleutel.peildatum:
                    latest[i.gemeente.naam] = i.aantal
            missing = [naam for naam in deelnemers if naam not in latest]
            if missing:
                raise KostenFout(
                    f"Geen inwonertal op of vóór {sleutel.peildatum:%d-%m-%Y} voor "
                    + ", ".join(missing)
                    + "."
                )
            built[sleutel.pk] = Sleutel.from_inwonertallen(latest, omschrijving)
        else:
            percentages = {a.gemeente.naam: Decimal(a.percentage) for a in sleutel.aandelen.all()}
            built[sleutel.pk] = Sleutel.from_percentages(percentages, omschrijving)
    result = {}
    for jaar in jaren:
        covering = [s for s in sleutels if s.covers(jaar)]
        if covering:
            result[jaar] = built[covering[-1].pk]
    return result


def load_kostenverdeling(sv: Samenwerkingsverband, formatie=None) -> Kostenverdeling:
    """The cost table; ``formatie``: the formation already read by ``load_formatie``."""
    formatie = formatie or load_formatie(sv)
    return calculate_kostenverdeling(formatie, load_sleutels(sv, formatie.jaren))
