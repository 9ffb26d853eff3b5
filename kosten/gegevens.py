"""Read a samenwerkingsverband's formation and keys from the database for the cost engine.

A fixed number of queries, whatever the number of roles, fasen or gemeenten; for many
samenwerkingsverbanden at once (a gemeente's bill, ``kosten.rekening``) ``prefetch_kosten``
reads them all in that same fixed number, and ``load_kostenverdeling`` then reads none.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch

from formatie.constants import Kostensoort, Pakketverdeling
from formatie.models import Fase, Pakket, Rol, Salarisschaal
from partijen.models import Gemeente, Inwonertal, Samenwerkingsverband
from regiekamer.dataversie import cached, cached_many

from .constants import Verdeelmethode
from .models import Realisatie, Verdeelsleutel
from .verdeling import (
    FaseData,
    FormatieData,
    KostenFout,
    Kostenverdeling,
    PakketData,
    RolData,
    Sleutel,
    calculate_kostenverdeling,
    pakket_years,
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


# What the engine reads of a samenwerkingsverband, per relation: read for one, or prefetched
# for many by ``prefetch_kosten`` into attributes of their own (``kosten_<relation>``), so a
# page's own prefetch of the same relation never changes what the engine reads.
def _querysets() -> dict:
    return {
        "fasen": Fase.objects.order_by("begin"),
        "rollen": Rol.objects.select_related("leverende_gemeente", "pakket")
        .prefetch_related("bezettingen", "uurtarieven")
        .order_by("volgorde", "naam"),
        "salarisschalen": Salarisschaal.objects.all(),
        "verdeelsleutels": Verdeelsleutel.objects.prefetch_related("aandelen__gemeente").order_by(
            "vanaf_jaar"
        ),
        "pakketten": Pakket.objects.plus()
        .prefetch_related("deelnames__gemeente")
        .order_by("volgorde", "naam"),
    }


def prefetch_kosten(queryset):
    """Real samenwerkingsverbanden with all the engine reads of each (a fixed number of
    queries for any number of them): the gemeenten with their real inwonertallen too."""
    inwonertallen = Prefetch(
        "inwonertallen", Inwonertal.objects.order_by("peildatum"), to_attr="kosten_inwonertallen"
    )
    return queryset.prefetch_related(
        *(Prefetch(name, qs, to_attr=f"kosten_{name}") for name, qs in _querysets().items()),
        Prefetch("gemeenten", Gemeente.objects.prefetch_related(inwonertallen)),
    )


def _rows(sv: Samenwerkingsverband, relation: str) -> list:
    """The sv's rows of ``relation`` (``_querysets``): prefetched, or read now."""
    prefetched = getattr(sv, f"kosten_{relation}", None)
    if prefetched is not None:
        return prefetched
    return list(_querysets()[relation].filter(samenwerkingsverband=sv))


def load_formatie(sv: Samenwerkingsverband) -> FormatieData:
    fasen = [FaseData(f.pk, f.naam, f.begin, f.eind) for f in _rows(sv, "fasen")]
    rollen = []
    first_year = fasen[0].begin.year if fasen else None
    for rol in _rows(sv, "rollen"):
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
                pakket=rol.pakket_id if rol.pakket and not rol.pakket.is_basis else None,
            )
        )
    schalen = {(s.schaal, s.jaar): s.jaarkosten_per_fte for s in _rows(sv, "salarisschalen")}
    return FormatieData(fasen, rollen, schalen)


def describe_sleutel(sleutel: Verdeelsleutel) -> str:
    if sleutel.methode == Verdeelmethode.INWONERTAL:
        text = f"naar inwonertal op {sleutel.peildatum:%d-%m-%Y}"
    else:
        text = "vastgestelde percentages"
    return f"{text} ({sleutel.bron})" if sleutel.bron else text


def _inwonertallen(sv: Samenwerkingsverband) -> list[Inwonertal]:
    """The figures of the samenwerkingsverband's gemeenten (a scenario's own), oldest first."""
    if hasattr(sv, "kosten_fasen") and not sv.is_scenario:  # prefetch_kosten: real figures
        found = [i for g in sv.gemeenten.all() for i in g.kosten_inwonertallen]
        return sorted(found, key=lambda i: i.peildatum)
    return list(
        Inwonertal.van(sv)
        .filter(gemeente__samenwerkingsverbanden=sv)
        .select_related("gemeente")
        .order_by("peildatum")
    )


def _latest(inwonertallen: list[Inwonertal], peildatum) -> dict[str, int]:
    """Per gemeente the figure of the latest peildatum on or before ``peildatum``."""
    return {i.gemeente.naam: i.aantal for i in inwonertallen if i.peildatum <= peildatum}


def _verdeelsleutels(sv: Samenwerkingsverband) -> list[Verdeelsleutel]:
    return _rows(sv, "verdeelsleutels")


def load_sleutels(sv: Samenwerkingsverband, jaren: list[int]) -> dict[int, Sleutel]:
    """The key of every year that a Verdeelsleutel covers (a later start wins)."""
    sleutels = _verdeelsleutels(sv)
    inwonertallen = _inwonertallen(sv)
    deelnemers = [g.naam for g in sv.gemeenten.all()]
    built = {}
    for sleutel in sleutels:
        omschrijving = describe_sleutel(sleutel)
        if sleutel.methode == Verdeelmethode.INWONERTAL:
            latest = _latest(inwonertallen, sleutel.peildatum)
            missing = [naam for naam in deelnemers if naam not in latest]
            if missing:
                waar = "op de pagina van het scenario" if sv.is_scenario else "bij de gemeente"
                raise KostenFout(
                    f"Geen inwonertal op of vóór {sleutel.peildatum:%d-%m-%Y} voor "
                    + ", ".join(missing)
                    + f". Leg het inwonertal vast {waar}, of geef de verdeelsleutel een "
                    "andere peildatum.",
                    inwonertallen=True,
                )
            built[sleutel.pk] = Sleutel.from_inwonertallen(latest, omschrijving)
        else:
            percentages = {a.gemeente.naam: Decimal(a.percentage) for a in sleutel.aandelen.all()}
            missing = [naam for naam in deelnemers if naam not in percentages]
            if missing:  # a gemeente without a percentage would silently pay nothing
                raise KostenFout(
                    f"De verdeelsleutel vanaf {sleutel.vanaf_jaar} geeft geen percentage voor "
                    + ", ".join(sorted(missing))
                    + "."
                )
            built[sleutel.pk] = Sleutel.from_percentages(percentages, omschrijving)
    result = {}
    for jaar in jaren:
        covering = [s for s in sleutels if s.covers(jaar)]
        if covering:
            result[jaar] = built[covering[-1].pk]
    return result


def load_pakketten(sv: Samenwerkingsverband) -> list[Pakket]:
    """The pluspakketten with their deelnames (gemeente prefetched), in order."""
    return _rows(sv, "pakketten")


def pakket_deelnemers(pakket: Pakket, jaar: int, alle: list[str]) -> list[str]:
    """Who takes part in a pluspakket in a year: its deelnames covering the year; a pakket
    without any deelname is taken by all gemeenten (``alle``)."""
    deelnames = list(pakket.deelnames.all())
    if not deelnames:
        return sorted(alle)
    found = sorted({d.gemeente.naam for d in deelnames if d.covers(jaar)})
    # A gemeente that left the samenwerkingsverband is billed by it no more (its bill lists
    # only the samenwerkingsverbanden it takes part in): said, never charged in silence.
    weg = [naam for naam in found if naam not in alle]
    if weg:
        raise KostenFout(
            f"Pakket {pakket.naam} rekent in {jaar} op {', '.join(weg)}, maar "
            f"{'die gemeente neemt' if len(weg) == 1 else 'die gemeenten nemen'} niet (meer) "
            "deel aan het samenwerkingsverband: pas de deelnemers van het pakket aan."
        )
    return found


def pakket_sleutel(
    pakket: Pakket, jaar: int, deelnemers: list[str], peildatum, inwonertallen, scenario=False
) -> Sleutel:
    """The key of a pluspakket in a year over its deelnemers; :class:`KostenFout` (Dutch) when
    it cannot be made. ``peildatum``: the year's verdeelsleutel's, when the pakket has none."""
    if not deelnemers:
        raise KostenFout(
            f"Pakket {pakket.naam} heeft kosten in {jaar} maar geen deelnemers. Geef het "
            f"pakket deelnemers voor {jaar}, of zet de rollen ervan in een ander pakket.",
            pakket_id=pakket.pk,
        )
    if pakket.verdeling == Pakketverdeling.EEN:
        if len(deelnemers) != 1:
            raise KostenFout(
                f"Pakket {pakket.naam} gaat geheel naar één gemeente, maar heeft in {jaar} "
                f"{len(deelnemers)} deelnemers: {', '.join(deelnemers)}. Laat in {jaar} "
                "precies één gemeente deelnemen, of kies een andere verdeling.",
                pakket_id=pakket.pk,
            )
        return Sleutel({deelnemers[0]: (Decimal(1), Decimal(1))}, "geheel voor één gemeente")
    if pakket.verdeling == Pakketverdeling.GELIJK:
        n = Decimal(len(deelnemers))
        return Sleutel({g: (Decimal(1), n) for g in deelnemers}, "in gelijke delen")
    peildatum = pakket.peildatum or peildatum
    if peildatum is None:
        raise KostenFout(
            f"Pakket {pakket.naam} wordt naar inwonertal verdeeld, maar voor {jaar} is er geen "
            "peildatum: geef het pakket een peildatum.",
            pakket_id=pakket.pk,
        )
    latest = _latest(inwonertallen, peildatum)
    missing = [g for g in deelnemers if g not in latest]
    if missing:
        waar = "op de pagina van het scenario" if scenario else "bij de gemeente"
        raise KostenFout(
            f"Pakket {pakket.naam}: geen inwonertal op of vóór {peildatum:%d-%m-%Y} voor "
            + ", ".join(missing)
            + f". Leg het inwonertal vast {waar}, of geef het pakket een andere peildatum.",
            pakket_id=pakket.pk,
        )
    return Sleutel.from_inwonertallen(
        {g: latest[g] for g in deelnemers}, f"naar inwonertal op {peildatum:%d-%m-%Y}"
    )


def load_pakketsleutels(
    sv: Samenwerkingsverband, formatie: FormatieData, pakketten: list[Pakket]
) -> dict[tuple[int, int], Sleutel]:
    """The key of every (pluspakket, jaar) with costs (``pakket_years``)."""
    needed = pakket_years(formatie)
    if not needed:
        return {}
    alle = [g.naam for g in sv.gemeenten.all()]
    verdeelsleutels = _verdeelsleutels(sv)
    inwonertallen = _inwonertallen(sv)
    by_id = {p.pk: p for p in pakketten}
    result = {}
    for pakket_id, jaar in sorted(needed):
        pakket = by_id[pakket_id]
        covering = [s for s in verdeelsleutels if s.covers(jaar)]
        peildatum = covering[-1].peildatum if covering else None
        deelnemers = pakket_deelnemers(pakket, jaar, alle)
        result[(pakket_id, jaar)] = pakket_sleutel(
            pakket, jaar, deelnemers, peildatum, inwonertallen, sv.is_scenario
        )
    return result


def load_kostenverdeling(sv: Samenwerkingsverband, formatie=None) -> Kostenverdeling:
    """The cost table; ``formatie``: the formation already read by ``load_formatie``.

    Without ``formatie``, from the cache while the samenwerkingsverband's data is unchanged
    (``regiekamer.dataversie``: every write moves its version, so the cached table is the one
    a fresh calculation gives); a formation that cannot be costed raises the same KostenFout."""
    if formatie is not None:
        return _calculate(sv, formatie)
    if getattr(sv, "kosten_fasen", None) is not None:  # prefetch_kosten read it all: no query
        return _calculate(sv, load_formatie(sv))
    uitkomst = cached(sv.pk, "kostenverdeling", lambda: _outcome(sv))
    if isinstance(uitkomst, KostenFout):
        raise uitkomst
    return uitkomst


def kostenverdelingen(queryset) -> dict[int, Kostenverdeling | KostenFout]:
    """The cost tables of several samenwerkingsverbanden (a gemeente's bill), by id: from the
    cache while none of them changed, else read together (``prefetch_kosten``) and computed;
    a KostenFout for one that cannot be costed."""
    ids = list(queryset.values_list("pk", flat=True))

    def compute(ids: list[int]) -> dict:
        return {sv.pk: _outcome(sv) for sv in prefetch_kosten(queryset.filter(pk__in=ids))}

    return cached_many(ids, "kostenverdelingen", compute)


def _outcome(sv: Samenwerkingsverband) -> Kostenverdeling | KostenFout:
    try:
        return _calculate(sv, load_formatie(sv))
    except KostenFout as fout:
        return fout


def _calculate(sv: Samenwerkingsverband, formatie: FormatieData) -> Kostenverdeling:
    pakketten = load_pakketten(sv) if any(r.pakket for r in formatie.rollen) else []
    return calculate_kostenverdeling(
        formatie,
        load_sleutels(sv, formatie.jaren),
        load_pakketsleutels(sv, formatie, pakketten),
        [PakketData(p.pk, p.naam, p.verdeling, p.omschrijving) for p in pakketten],
    )


@dataclass(frozen=True)
class RealisatieData:
    """A rol's actual cost in a year; ``gedragen_door``: the gemeente (naam) that bore it when
    a row says so, else None (the plan's rule: leverende gemeente, else penvoerder)."""

    bedrag: Decimal
    gedragen_door: str | None = None
    bron: str = ""
    toelichting: str = ""


def load_realisatie(sv: Samenwerkingsverband) -> dict[tuple[int, int], RealisatieData]:
    """The actual costs of the samenwerkingsverband, (rol id, jaar) -> RealisatieData, in one
    query."""
    rows = Realisatie.objects.filter(samenwerkingsverband=sv).select_related("gedragen_door")
    return {
        (r.rol_id, r.jaar): RealisatieData(
            r.bedrag,
            r.gedragen_door.naam if r.gedragen_door_id else None,
            r.bron,
            r.toelichting,
        )
        for r in rows
    }
