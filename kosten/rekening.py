"""Each gemeente's whole bill: per year what it pays to every real samenwerkingsverband it takes
part in, per pakket (the basispakket and each pluspakket it takes), for its own begroting.

:func:`bereken_rekening` is pure (Kostenverdelingen in, a :class:`Rekening` out; the property
tests run it without a database); :func:`load_rekening` reads the samenwerkingsverbanden in a
fixed number of queries (``gegevens.prefetch_kosten``), however many there are. An amount is
the gemeente's own cells of the cost table (``Kostenverdeling.aandeel_pakket``), so a year's
bill is the sum of its columns over all samenwerkingsverbanden. A samenwerkingsverband whose
costs cannot be computed is named with its reason (``KostenFout``), never counted as 0.
Scenario's are never billed (``Samenwerkingsverband.objects.echt()``).
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.text import slugify

from formatie.models import Bezetting, Fase, Pakket, Pakketdeelname, Rol
from partijen.models import Gemeente, Samenwerkingsverband
from regiekamer.pdf import data_state, render_pdf
from regiekamer.spreadsheet import csv_text

from .gegevens import kostenverdelingen
from .models import Verdeelsleutel
from .verdeling import ZERO, KostenFout, Kostenverdeling

CSV_HEADER = ["jaar", "samenwerkingsverband", "pakket", "bedrag"]


@dataclass(frozen=True)
class Verband:
    """A samenwerkingsverband as the bill names it."""

    naam: str
    afkorting: str


@dataclass(frozen=True)
class Post:
    """What the gemeente pays in a year for one pakket of one samenwerkingsverband."""

    jaar: int
    verband: Verband
    pakket: str
    bedrag: Decimal


@dataclass(frozen=True)
class NietBerekend:
    """A samenwerkingsverband whose costs cannot be computed, and why (in Dutch)."""

    verband: Verband
    reden: str


@dataclass(frozen=True)
class Rekeningjaar:
    jaar: int
    posten: list[Post]

    @property
    def totaal(self) -> Decimal:
        return sum((p.bedrag for p in self.posten), ZERO)


@dataclass
class Rekening:
    gemeente: str
    jaren: list[Rekeningjaar] = field(default_factory=list)
    niet_berekend: list[NietBerekend] = field(default_factory=list)
    # Costed, but nothing for this gemeente (no formation yet, or only others' pluspakketten).
    zonder_kosten: list[Verband] = field(default_factory=list)

    @property
    def posten(self) -> list[Post]:
        return [p for j in self.jaren for p in j.posten]

    @property
    def totaal(self) -> Decimal:
        return sum((j.totaal for j in self.jaren), ZERO)

    def jaar(self, jaar: int) -> Rekeningjaar | None:
        return next((j for j in self.jaren if j.jaar == jaar), None)

    def csv_rows(self) -> list[list]:
        """``jaar,samenwerkingsverband,pakket,bedrag``: one row per amount on the page."""
        rows = [list(CSV_HEADER)]
        rows += [[p.jaar, p.verband.naam, p.pakket, int(p.bedrag)] for p in self.posten]
        return rows

    def csv(self) -> str:
        return csv_text(self.csv_rows())


def posten(gemeente: str, verband: Verband, kv: Kostenverdeling) -> list[Post]:
    """The gemeente's amounts in one samenwerkingsverband: per year the basispakket, then each
    pluspakket in order; an amount of 0 (a pakket it does not take that year) is left out."""
    pakketten = [None, *(p.id for p in kv.pakketten)]
    found = [
        Post(jaar, verband, kv.pakket_naam(pakket), kv.aandeel_pakket(gemeente, jaar, pakket))
        for jaar in kv.jaren
        for pakket in pakketten
    ]
    return [p for p in found if p.bedrag]


def bereken_rekening(
    gemeente: str, verbanden: Iterable[tuple[Verband, Kostenverdeling | KostenFout]]
) -> Rekening:
    """The bill of ``gemeente`` (its name) over ``verbanden``, in their order: each with its
    cost table, or the ``KostenFout`` that stopped it."""
    rekening = Rekening(gemeente)
    alle: list[Post] = []
    for verband, kv in verbanden:
        if isinstance(kv, KostenFout):
            rekening.niet_berekend.append(NietBerekend(verband, str(kv)))
            continue
        eigen = posten(gemeente, verband, kv)
        if not eigen:
            rekening.zonder_kosten.append(verband)
        alle += eigen
    for jaar in sorted({p.jaar for p in alle}):
        rekening.jaren.append(Rekeningjaar(jaar, [p for p in alle if p.jaar == jaar]))
    return rekening


def te_factureren(gemeente: Gemeente, samenwerkingsverbanden=None):
    """The real samenwerkingsverbanden the gemeente takes part in (of ``samenwerkingsverbanden``,
    e.g. those a user may see; default: all), by name."""
    queryset = Samenwerkingsverband.objects.all()
    if samenwerkingsverbanden is not None:
        queryset = samenwerkingsverbanden
    return queryset.echt().filter(gemeenten=gemeente).order_by("naam", "afkorting")


def onvolledig(gemeente: Gemeente, samenwerkingsverbanden) -> bool:
    """Whether the gemeente takes part in real samenwerkingsverbanden beyond those given (a
    user sees only their own): the bill then says it is not the whole bill."""
    if samenwerkingsverbanden is None:
        return False
    alle = te_factureren(gemeente)
    return alle.count() > te_factureren(gemeente, samenwerkingsverbanden).count()


def load_rekening(gemeente: Gemeente, samenwerkingsverbanden=None) -> Rekening:
    """The gemeente's bill over ``te_factureren``, read in a fixed number of queries."""
    queryset = te_factureren(gemeente, samenwerkingsverbanden)
    verbanden = list(queryset)
    kvs = kostenverdelingen(queryset)
    return bereken_rekening(
        gemeente.naam, [(Verband(sv.naam, sv.afkorting), kvs[sv.pk]) for sv in verbanden]
    )


def gegevens_stand(ids) -> str:
    """'gegevens van …': the newest change to the formations, keys and pakketten billed."""
    return data_state(
        Rol.history.filter(samenwerkingsverband_id__in=ids),
        Fase.history.filter(samenwerkingsverband_id__in=ids),
        Bezetting.history.filter(rol__samenwerkingsverband_id__in=ids),
        Verdeelsleutel.history.filter(samenwerkingsverband_id__in=ids),
        Pakket.history.filter(samenwerkingsverband_id__in=ids),
        Pakketdeelname.history.filter(pakket__samenwerkingsverband_id__in=ids),
    )


def rekening_report(gemeente: Gemeente, samenwerkingsverbanden=None) -> tuple[str, dict]:
    """The bill as a report for the gemeente's own begroting: its template and context."""
    ids = list(te_factureren(gemeente, samenwerkingsverbanden).values_list("pk", flat=True))
    context = {
        "titel": f"Rekening gemeente {gemeente.naam}",
        "gemeente": gemeente,
        "rekening": load_rekening(gemeente, samenwerkingsverbanden),
        "gegevens_stand": gegevens_stand(ids),
        "onvolledig": onvolledig(gemeente, samenwerkingsverbanden),
    }
    return "rapporten/rekening.html", context


def rekening_pdf(gemeente: Gemeente, samenwerkingsverbanden=None) -> tuple[bytes, str]:
    """The PDF of the bill and its file name."""
    template, context = rekening_report(gemeente, samenwerkingsverbanden)
    return render_pdf(template, context), f"rekening-{slugify(gemeente.naam)}.pdf"
