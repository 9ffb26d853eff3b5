"""The stuurgroep dashboard: one page per samenwerkingsverband, readable in a minute.

Five blocks (kosten, formatie, programma, governance, convenant), and for a
samenwerkingsverband with a begroting of its own the begrotingscyclus, each assembled by a plain
function from the calculations the detail pages use, so the figures are the same there.
Every block costs a fixed number of queries, however many rows the samenwerkingsverband has.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import SafeString, mark_safe
from django.views.generic import TemplateView

from begroting.constants import Stapstatus
from begroting.kalender import cyclus_termijnen, volgende_termijn, zienswijzen_gedaan
from begroting.zienswijzen import zonder_antwoord
from convenant.models import Herijkingsmoment
from formatie.bezetting import build_bezettingsoverzicht
from governance.constants import Agendapuntsoort, Gremiumsoort
from governance.models import Actiepunt, Agendapunt, Knelpunt, Vergadering
from kosten.budget import Budgetregel, budgets_of, check_budgets
from kosten.gegevens import load_kostenverdeling
from kosten.ontbrekend import herstellen_fout
from kosten.verdeling import KostenFout
from partijen.models import Samenwerkingsverband
from programma.constants import Kleurstatus, Uitvoering
from programma.models import Voortgangsrapportage, Voortgangsregel
from programma.voortgang import slipped, status_counts
from regiekamer.charts import formatie_chart, kosten_chart
from regiekamer.dataversie import cached
from regiekamer.views import RealOnlyMixin, SamenwerkingsverbandMixin

LIST_LIMIT = 5  # rows listed per governance item; the count says how many there are

# --- Kosten ---------------------------------------------------------------------------------


@dataclass
class KostenGemeente:
    naam: str
    totaal: Decimal
    budgetten: list[Budgetregel] = field(default_factory=list)


@dataclass
class KostenBlok:
    url: str
    fout: str = ""
    herstel: list = field(default_factory=list)  # kosten.ontbrekend.Herstel
    periode: str = ""
    chart: SafeString | str = ""
    gemeenten: list[KostenGemeente] = field(default_factory=list)
    totaal: Decimal | None = None


def kosten_block(sv: Samenwerkingsverband) -> KostenBlok:
    """Each gemeente's costs per year (chart), its total and its share of its budget per year."""
    blok = KostenBlok(url=reverse("kosten:kostenverdeling", args=[sv.afkorting]))
    try:
        kv = load_kostenverdeling(sv)
    except KostenFout as fout:
        blok.fout, blok.herstel = str(fout), herstellen_fout(sv, fout)
        return blok
    budgetten = check_budgets(kv, budgets_of(sv))
    blok.periode = kv.periode
    blok.chart = kosten_chart(kv)
    blok.gemeenten = [
        KostenGemeente(
            naam,
            kv.totaal_gemeente(naam),
            sorted((b for b in budgetten if b.gemeente == naam), key=lambda b: b.jaar),
        )
        for naam in kv.gemeenten
    ]
    blok.totaal = kv.totaal
    return blok


# --- Formatie -------------------------------------------------------------------------------


@dataclass
class FormatieKolom:
    naam: str
    totaal: Decimal


@dataclass
class FormatieBlok:
    url: str
    kolommen: list[FormatieKolom]
    structureel: Decimal
    chart: SafeString | str = ""


def formatie_block(sv: Samenwerkingsverband) -> FormatieBlok:
    """FTE of the basisformatie (the structural formation) and per fase: the
    bezettingsoverzicht's totals."""
    overzicht = build_bezettingsoverzicht(sv)
    # A soft hyphen: in a narrow column the label breaks as "Basis-" / "formatie".
    kolommen = [FormatieKolom("Basis\u00adformatie", overzicht.totaal.basisformatie)]
    notes = ["structureel"]
    for fase, totaal in zip(overzicht.fasen, overzicht.totaal.per_fase, strict=True):
        kolommen.append(FormatieKolom(fase.naam, totaal))
        notes.append(f"{fase.begin.month}-{fase.begin.year} t/m {fase.eind.month}-{fase.eind.year}")
    chart = formatie_chart([k.naam for k in kolommen], [k.totaal for k in kolommen], notes=notes)
    return FormatieBlok(
        reverse("formatie:bezetting", args=[sv.afkorting]),
        kolommen,
        overzicht.structurele_formatie,
        chart,
    )


# --- Programma ------------------------------------------------------------------------------


@dataclass
class OpdrachtRegel:
    """A report row as the dashboard lists it."""

    code: str
    titel: str
    url: str
    kleurstatus: str = ""
    toelichting: str = ""
    was: date | None = None  # expected date in the previous report
    nu: date | None = None  # expected date in this report


@dataclass
class ProgrammaBlok:
    url: str  # the report, or the plan when there is no report yet
    rapportage: Voortgangsrapportage | None = None
    nieuwer_concept: Voortgangsrapportage | None = None
    counts: dict[str, int] = field(default_factory=dict)
    problemen: list[OpdrachtRegel] = field(default_factory=list)
    risicos: list[OpdrachtRegel] = field(default_factory=list)
    verschoven: list[OpdrachtRegel] = field(default_factory=list)

    @property
    def vastgesteld(self) -> bool:
        return self.rapportage is not None and self.rapportage.is_frozen


def programma_block(sv: Samenwerkingsverband) -> ProgrammaBlok:
    """Counts per kleurstatus, the red and amber opdrachten and the dates that slipped."""
    reports = Voortgangsrapportage.objects.filter(plan__samenwerkingsverband=sv)
    rapportage = reports.te_tonen()
    newer = reports.nieuwer_concept(rapportage)
    if rapportage is None:
        plan = sv.programmaplannen.first()
        url = (
            reverse("programma:plan-detail", args=[sv.afkorting, plan.pk])
            if plan is not None
            else reverse("programma:plan-list", args=[sv.afkorting])
        )
        return ProgrammaBlok(url=url)
    rows = list(
        Voortgangsregel.objects.filter(rapportage=rapportage).select_related("opdracht__thema")
    )
    previous = {}
    if rapportage.vorige_id:
        previous = {
            r.opdracht_id: r
            for r in Voortgangsregel.objects.filter(rapportage_id=rapportage.vorige_id)
        }
    blok = ProgrammaBlok(
        url=reverse("programma:rapportage-detail", args=[sv.afkorting, rapportage.pk]),
        rapportage=rapportage,
        nieuwer_concept=newer,
        counts=status_counts(rows),
    )
    for row in rows:
        opdracht = row.opdracht
        regel = OpdrachtRegel(
            opdracht.code,
            opdracht.titel,
            reverse("programma:opdracht-detail", args=[sv.afkorting, opdracht.pk]),
            row.kleurstatus,
            row.toelichting,
        )
        if row.uitvoering == Uitvoering.LOPEND and row.kleurstatus == Kleurstatus.PROBLEEM:
            blok.problemen.append(regel)
        elif row.uitvoering == Uitvoering.LOPEND and row.kleurstatus == Kleurstatus.RISICO:
            blok.risicos.append(regel)
        vorige = previous.get(row.opdracht_id)
        if slipped(row, vorige):
            regel.was, regel.nu = vorige.verwachte_datum, row.verwachte_datum
            blok.verschoven.append(regel)
    return blok


# --- Governance -----------------------------------------------------------------------------


@dataclass
class GovernanceBlok:
    url: str
    acties_url: str
    knelpunten_url: str
    vergaderingen: list[Vergadering]
    te_besluiten: list[Agendapunt]
    aantal_te_besluiten: int
    te_laat: list[Actiepunt]
    aantal_te_laat: int
    knelpunten: list[Knelpunt]
    aantal_knelpunten: int


def governance_block(sv: Samenwerkingsverband, now: datetime | None = None) -> GovernanceBlok:
    """The next meetings, what awaits a stuurgroep decision, overdue actions, open knelpunten."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    vergaderingen = list(
        Vergadering.objects.filter(gremium__samenwerkingsverband=sv, begin__gte=now)
        .select_related("gremium__samenwerkingsverband")
        .order_by("begin")[:LIST_LIMIT]
    )
    te_besluiten = (
        Agendapunt.objects.filter(
            vergadering__gremium__samenwerkingsverband=sv,
            vergadering__gremium__soort=Gremiumsoort.STUURGROEP,
            vergadering__begin__gte=now,
            soort=Agendapuntsoort.BESLUITVORMING,
            besluiten__isnull=True,
        )
        .select_related("vergadering__gremium__samenwerkingsverband")
        .order_by("vergadering__begin", "volgorde")
    )
    te_laat = (
        Actiepunt.objects.filter(gremium__samenwerkingsverband=sv)
        .te_laat(today)
        .select_related("gremium", "eigenaar")
        .order_by("deadline", "pk")
    )
    knelpunten = (
        Knelpunt.objects.filter(samenwerkingsverband=sv, opgelost_op__isnull=True)
        .select_related("samenwerkingsverband")
        .order_by("-datum", "-pk")
    )
    afkorting = sv.afkorting
    return GovernanceBlok(
        url=reverse("governance:gremium-list", args=[afkorting]),
        acties_url=reverse("governance:actiepunt-list", args=[afkorting]) + "?te_laat=true",
        knelpunten_url=reverse("governance:knelpunt-list", args=[afkorting]) + "?open=true",
        vergaderingen=vergaderingen,
        te_besluiten=list(te_besluiten[:LIST_LIMIT]),
        aantal_te_besluiten=te_besluiten.count(),
        te_laat=list(te_laat[:LIST_LIMIT]),
        aantal_te_laat=te_laat.count(),
        knelpunten=list(knelpunten[:LIST_LIMIT]),
        aantal_knelpunten=knelpunten.count(),
    )


# --- Convenant ------------------------------------------------------------------------------


@dataclass
class ConvenantBlok:
    url: str
    volgende: Herijkingsmoment | None = None
    dagen: int | None = None
    laatste: Herijkingsmoment | None = None

    @property
    def dagen_text(self) -> str:
        if self.dagen is None:
            return ""
        if self.dagen == 0:
            return "vandaag"
        return "over 1 dag" if self.dagen == 1 else f"over {self.dagen} dagen"


def convenant_block(sv: Samenwerkingsverband, today: date | None = None) -> ConvenantBlok:
    """The next herijkingsmoment and the days until it; without one, the last one. Of the
    agreed convenanten only (``geldend``): a version in concept links to nothing here."""
    today = today or timezone.localdate()
    momenten = (
        Herijkingsmoment.objects.filter(convenant__samenwerkingsverband=sv)
        .geldend()
        .select_related("convenant")
    )
    volgende = momenten.komend(today).first()
    blok = ConvenantBlok(url=reverse("convenant:samenwerkingsverband-detail", args=[sv.afkorting]))
    if volgende is not None:
        blok.volgende = volgende
        # "medio 2018" is no day to count down to: the days only for a moment known to the day.
        blok.dagen = (volgende.datum - today).days if volgende.exact else None
        blok.url = volgende.convenant.get_absolute_url()
        return blok
    blok.laatste = momenten.geweest(today).first()
    if blok.laatste is not None:
        blok.url = blok.laatste.convenant.get_absolute_url()
    return blok


# --- Begrotingscyclus (issue 21) -------------------------------------------------------------


@dataclass
class BegrotingBlok:
    url: str
    volgende: object = None  # begroting.kalender.Termijn
    volgende_jaar: int | None = None
    verlopen: bool = False
    # When the most pressing step is past its date: the first one still to come, and how
    # many open steps are past their date (an old overdue step never hides what is next).
    komend: object = None
    komend_jaar: int | None = None
    aantal_verlopen: int = 0
    zienswijzen_jaar: int | None = None  # the ontwerpbegroting out for the councils' say
    zienswijzen_url: str = ""
    zonder_antwoord: list[str] = field(default_factory=list)


def begroting_block(sv: Samenwerkingsverband, today: date | None = None) -> BegrotingBlok | None:
    """For a samenwerkingsverband with a begroting of its own: the next deadline of its
    begrotingscyclus and the councils that have not answered the ontwerpbegroting that is out
    for their zienswijze (the newest sent whose zienswijzen are not complete). Three queries."""
    if not sv.heeft_eigen_begroting:
        return None
    today = today or timezone.localdate()
    cycli = list(sv.begrotingscycli.order_by("-jaar").prefetch_related("zienswijzen"))
    gemeenten = list(sv.gemeenten.order_by("naam"))
    blok = BegrotingBlok(url=begroting_url(sv, cycli[0] if cycli else None))
    gevonden = volgende_termijn(cycli, gemeenten, today)
    if gevonden is not None:
        cyclus, termijn = gevonden
        blok.volgende, blok.volgende_jaar = termijn, cyclus.jaar
        blok.verlopen = termijn.status(today) == Stapstatus.VERLOPEN
        blok.url = begroting_url(sv, cyclus)
    if blok.verlopen:
        open_ = [
            (t.uiterste_datum, c.jaar, t)
            for c in cycli
            for t in cyclus_termijnen(c, gemeenten)
            if t.gedaan is None
        ]
        blok.aantal_verlopen = sum(1 for d, _, _ in open_ if d < today)
        komend = min((x for x in open_ if x[0] >= today), key=lambda x: x[:2], default=None)
        if komend is not None:
            blok.komend, blok.komend_jaar = komend[2], komend[1]
    for cyclus in cycli:
        if cyclus.ontwerpbegroting_verzonden and zienswijzen_gedaan(cyclus, gemeenten) is None:
            blok.zienswijzen_jaar = cyclus.jaar
            blok.zienswijzen_url = begroting_url(sv, cyclus)
            blok.zonder_antwoord = [g.naam for g in zonder_antwoord(cyclus, gemeenten)]
            break
    return blok


def begroting_url(sv: Samenwerkingsverband, cyclus) -> str:
    """The cycle's page (the overview of the years without one)."""
    if cyclus is not None:
        return cyclus.get_absolute_url()
    return reverse("begroting:overzicht", args=[sv.afkorting])


# --- The page -------------------------------------------------------------------------------


def daily_blocks(sv: Samenwerkingsverband, today: date) -> dict:
    """The blocks that depend on the data and the day only: from the cache while the
    samenwerkingsverband's data is unchanged (``regiekamer.dataversie``)."""

    def compute() -> dict:
        return {
            "kosten": kosten_block(sv),
            "formatie": formatie_block(sv),
            "programma": programma_block(sv),
            "convenant": convenant_block(sv, today),
            "begroting": begroting_block(sv, today),
        }

    return cached(sv.pk, "dashboard", compute, today.isoformat())


def cached_governance_block(sv: Samenwerkingsverband, now: datetime) -> SafeString:
    """The governance block, rendered, from the cache while the data is unchanged, on the same
    day, and until the first meeting it lists as still to come begins (then that list is no
    longer true). Stored as HTML: the rows it lists are never unpickled on a page view."""

    def compute() -> tuple[str, datetime | None]:
        blok = governance_block(sv, now)
        html = render_to_string("dashboard/governance.html", {"governance": blok})
        return html, blok.vergaderingen[0].begin if blok.vergaderingen else None

    html, _ = cached(
        sv.pk,
        "governance",
        compute,
        timezone.localdate(now).isoformat(),
        valid=lambda value: value[1] is None or now <= value[1],
    )
    return mark_safe(html)  # noqa: S308 (the template's own output, escaped when rendered)


class DashboardView(RealOnlyMixin, SamenwerkingsverbandMixin, TemplateView):
    """The stuurgroep's overview; every signed-in user (stuurgroep and regiegroep) may read it.
    A scenario has none: its figures are a what-if, not the state of affairs."""

    scenario_text = (
        "Een scenario heeft geen dashboard: het is een verkenning, geen stand van zaken. "
        "Zie de kostenverdeling en formatie van het scenario."
    )
    template_name = "dashboard.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sv = self.get_samenwerkingsverband()
        now = timezone.now()
        # Read only when the page's parts are not in the cache (templates/dashboard.html).
        blocks = SimpleLazyObject(lambda: daily_blocks(sv, timezone.localdate(now)))
        for name in ("kosten", "formatie", "programma", "convenant", "begroting"):
            context[name] = SimpleLazyObject(lambda name=name: blocks[name])
        return context | {"governance_html": cached_governance_block(sv, now)}
