"""The programme in the browser: plan, opdrachten, budget, planning, reports and trend."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch, Q
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.generic import DetailView, FormView, TemplateView

from berichten.verzenden import announce, verzendlijst
from governance.query import stuurgroepleden
from regiekamer import jinja
from regiekamer.dataversie import cached
from regiekamer.history import history_rows
from regiekamer.pdf import make_pdf
from regiekamer.views import (
    EditPermissionMixin,
    FrozenRedirectMixin,
    ObjectCreateView,
    ObjectUpdateView,
    PdfDownloadMixin,
    SamenwerkingsverbandFormMixin,
    SamenwerkingsverbandListView,
    SamenwerkingsverbandMixin,
)

from .budget import budget_totals
from .constants import Uitvoering
from .filters import OpdrachtFilterSet, ProgrammaplanFilterSet, RapportageFilterSet
from .forms import (
    BudgetpostForm,
    DoelFormSet,
    OpdrachtForm,
    ProgrammaplanForm,
    RapportageDraftForm,
    ResultaatFormSet,
    StartbijeenkomstForm,
    VoortgangsrapportageForm,
    VoortgangsregelFormSet,
)
from .models import (
    OPDRACHT_ORDER,
    Budgetpost,
    Doel,
    Opdracht,
    Programmaplan,
    Resultaat,
    Startantwoord,
    Voortgangsrapportage,
    Voortgangsregel,
)
from .planning import GanttRow, build_gantt_svg, month_span, shows_day
from .rapporten import voortgang_report
from .tables import OpdrachtTable, ProgrammaplanTable, RapportageTable
from .verzenden import send_report
from .voortgang import (
    build_trend,
    draft_report,
    latest_report,
    report_rows,
    slipped,
    split_report,
)

OPDRACHT_RELATED = ("thema__plan__samenwerkingsverband", "hoofdopdracht")


class PlanMixin(SamenwerkingsverbandMixin):
    """A page of one programmaplan of the samenwerkingsverband (``plan_pk`` in the URL)."""

    plan_kwarg = "plan_pk"

    def get_plan(self) -> Programmaplan:
        if not hasattr(self, "_plan"):
            self._plan = get_object_or_404(
                Programmaplan.objects.select_related("samenwerkingsverband"),
                samenwerkingsverband=self.get_samenwerkingsverband(),
                pk=self.kwargs[self.plan_kwarg],
            )
        return self._plan

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["plan"] = self.get_plan()
        return context


# --- plan -------------------------------------------------------------------------------


class PlanListView(SamenwerkingsverbandListView):
    queryset = (
        Programmaplan.objects.select_related("samenwerkingsverband")
        .annotate(aantal_themas=Count("themas", distinct=True))
        .order_by("-jaar_van", "titel")
    )
    table_class = ProgrammaplanTable
    filterset_class = ProgrammaplanFilterSet
    title = "Programmaplannen"


class PlanScopedQuerysetMixin(SamenwerkingsverbandMixin):
    def get_queryset(self):
        return Programmaplan.objects.filter(
            samenwerkingsverband=self.get_samenwerkingsverband()
        ).select_related("samenwerkingsverband")


class PlanDetailView(PlanScopedQuerysetMixin, DetailView):
    template_name = "programma/plan_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        plan = self.object
        context["plan"] = plan
        opdrachten = Opdracht.objects.of_plan(plan).select_related(*OPDRACHT_RELATED)
        context["themas"] = plan.themas.prefetch_related(
            Prefetch(
                "opdrachten",
                # An aggregate drops the model's ordering, so it is given again.
                queryset=opdrachten.annotate(aantal_stappen=Count("stappen")).order_by(
                    *OPDRACHT_ORDER
                ),
            )
        )
        context["doelen"] = plan.doelen.all()
        context["te_controleren"] = opdrachten.filter(te_controleren=True)
        context["laatste_rapportage"] = latest_report(plan)
        context["history"] = history_rows(
            Programmaplan.history.filter(id=plan.pk), Doel.history.filter(plan_id=plan.pk)
        )
        return context


class PlanUpdateView(PlanScopedQuerysetMixin, SamenwerkingsverbandFormMixin, ObjectUpdateView):
    model = Programmaplan
    form_class = ProgrammaplanForm
    formset_classes = {"doelen": DoelFormSet}


# --- opdrachten -------------------------------------------------------------------------


class OpdrachtScopedMixin(SamenwerkingsverbandMixin):
    def get_queryset(self):
        return Opdracht.objects.filter(
            thema__plan__samenwerkingsverband=self.get_samenwerkingsverband()
        ).select_related(*OPDRACHT_RELATED)


class OpdrachtListView(SamenwerkingsverbandListView):
    queryset = Opdracht.objects.select_related(*OPDRACHT_RELATED)
    sv_lookup = "thema__plan__samenwerkingsverband"
    filterset_class = OpdrachtFilterSet
    table_class = OpdrachtTable
    title = "Opdrachten"
    paginate_by = 50


class OpdrachtDetailView(OpdrachtScopedMixin, DetailView):
    template_name = "programma/opdracht_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        opdracht = self.object
        context["plan"] = opdracht.thema.plan
        context["stappen"] = opdracht.stappen.select_related(*OPDRACHT_RELATED)
        context["resultaten"] = opdracht.resultaten.all()
        context["relaties"] = (opdracht.hoofdopdracht or opdracht).relaties.select_related(
            *OPDRACHT_RELATED
        )
        antwoorden = {a.vraag_id: a.antwoord for a in opdracht.startantwoorden.all()}
        vragen = list(opdracht.thema.plan.startvragen.all())
        context["startvragen"] = [(vraag, antwoorden.get(vraag.pk, "")) for vraag in vragen]
        # Each post links to the budget page of its plan.
        context["budgetposten"] = (opdracht.hoofdopdracht or opdracht).budgetposten.select_related(
            "plan__samenwerkingsverband"
        )
        context["voortgang"] = opdracht.voortgang.select_related(
            "rapportage__plan__samenwerkingsverband"
        ).order_by("-rapportage__peildatum")[:6]
        context["history"] = history_rows(
            Opdracht.history.filter(id=opdracht.pk),
            Resultaat.history.filter(opdracht_id=opdracht.pk),
            Startantwoord.history.filter(opdracht_id=opdracht.pk),
            names=history_names(opdracht, vragen),
        )
        return context


def history_names(opdracht: Opdracht, vragen) -> dict:
    """Name an opdracht's history rows (its own and its answers') as ``str`` would, from the
    thema's and vragen of its plan instead of a query per row."""
    themas = {t.pk: t for t in opdracht.thema.plan.themas.all()}
    vragen = {v.pk: v for v in vragen}

    def opdracht_name(record):
        instance = record.instance
        if instance.thema_id not in themas:
            return None
        instance.thema = themas[instance.thema_id]
        return str(instance)

    def antwoord_name(record):
        instance = record.instance
        if instance.opdracht_id != opdracht.pk or instance.vraag_id not in vragen:
            return None
        instance.opdracht, instance.vraag = opdracht, vragen[instance.vraag_id]
        return str(instance)

    return {Opdracht: opdracht_name, Startantwoord: antwoord_name}


class OpdrachtUpdateView(OpdrachtScopedMixin, ObjectUpdateView):
    model = Opdracht
    form_class = OpdrachtForm
    formset_classes = {"resultaten": ResultaatFormSet}


class StartbijeenkomstView(OpdrachtScopedMixin, ObjectUpdateView):
    model = Opdracht
    form_class = StartbijeenkomstForm
    success_message = "Startbijeenkomst opgeslagen."

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = f"Startbijeenkomst {self.object}"
        return context


# --- budget -----------------------------------------------------------------------------


class BudgetView(PlanMixin, TemplateView):
    template_name = "programma/budget.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        posten = list(
            self.get_plan()
            .budgetposten.prefetch_related(
                Prefetch("opdrachten", queryset=Opdracht.objects.select_related(*OPDRACHT_RELATED))
            )
            .order_by("nummer")
        )
        context["posten"] = posten
        context["totalen"] = budget_totals(posten)
        context["history"] = history_rows(Budgetpost.history.filter(plan_id=self.get_plan().pk))
        return context


class BudgetpostFormMixin:
    model = Budgetpost
    form_class = BudgetpostForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["plan"] = self.get_plan()
        return kwargs


class BudgetpostCreateView(BudgetpostFormMixin, PlanMixin, ObjectCreateView):
    def get_initial(self):
        last = self.get_plan().budgetposten.order_by("-nummer").first()
        return {"nummer": last.nummer + 1 if last else 1}

    def get_cancel_url(self):
        return reverse("programma:budget", args=[self.kwargs["afkorting"], self.get_plan().pk])

    def get_success_url(self):
        return self.get_cancel_url()


class BudgetpostUpdateView(BudgetpostFormMixin, SamenwerkingsverbandMixin, ObjectUpdateView):
    def get_queryset(self):
        return Budgetpost.objects.filter(
            plan__samenwerkingsverband=self.get_samenwerkingsverband()
        ).select_related("plan__samenwerkingsverband")

    def get_plan(self):
        return self.object.plan

    def get_success_url(self):
        return self.object.get_absolute_url()


# --- planning and trend -----------------------------------------------------------------


PLANNING_TABEL = "programma/planning_tabel.jinja"


def _colour(row: Voortgangsregel | None) -> str:
    """A bar's colour: the kleurstatus of a running opdracht, else where it stands."""
    if row is None:
        return ""
    return row.kleurstatus if row.uitvoering == Uitvoering.LOPEND else row.uitvoering


def gantt_rows(plan: Programmaplan, rapportage: Voortgangsrapportage | None) -> list[GanttRow]:
    """The deelopdrachten as chart rows, coloured by the latest report when there is one."""
    report_rows = {}
    if rapportage is not None:
        report_rows = {r.opdracht_id: r for r in rapportage.regels.all()}
    related = Opdracht.objects.select_related("thema")
    opdrachten = (
        Opdracht.objects.of_plan(plan)
        .deelopdrachten()
        .select_related("thema", "hoofdopdracht")
        .prefetch_related(
            Prefetch("relaties", queryset=related),
            Prefetch("hoofdopdracht__relaties", queryset=related),
        )
    )
    rows = []
    for opdracht in opdrachten:
        bron = opdracht.hoofdopdracht or opdracht
        row = report_rows.get(opdracht.pk)
        rows.append(
            GanttRow(
                code=opdracht.code,
                titel=opdracht.titel,
                start=opdracht.start,
                eind=opdracht.eind,
                verwacht=row.bijgestelde_datum if row else None,
                kleur=_colour(row),
                relaties=[r.code for r in bron.relaties.all()],
                te_controleren=opdracht.te_controleren,
            )
        )
    return rows


class PlanningView(PlanMixin, TemplateView):
    template_name = "programma/planning.html"
    main_class = "landscape"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        plan = self.get_plan()
        today = timezone.localdate()

        def compute():
            rapportage = latest_report(plan)
            rows = gantt_rows(plan, rapportage)
            dated = [r for r in rows if r.start]
            return {  # texts only: nothing to unpickle but strings on every view
                "rapportage": str(rapportage) if rapportage else "",
                "rapportage_status": rapportage.get_status_display() if rapportage else "",
                "svg": build_gantt_svg(rows, today, titel=f"Planning {plan.titel}"),
                "tabel": mark_safe(jinja.render(PLANNING_TABEL, {"rows": rows})),
                "today_shown": bool(dated) and shows_day(*month_span(dated), today),
            }

        # The chart and the table per version of the samenwerkingsverband's data and per day
        # (the chart marks today); the same for every viewer.
        sv_id = self.get_samenwerkingsverband().pk
        vary = (plan.pk, today.isoformat())
        return context | {"today": today} | cached(sv_id, "planning", compute, *vary)


class TrendView(PlanMixin, TemplateView):
    template_name = "programma/trend.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rapportages"], context["lines"] = build_trend(self.get_plan())
        return context


# --- voortgangsrapportages --------------------------------------------------------------


class RapportageListView(SamenwerkingsverbandListView):
    queryset = Voortgangsrapportage.objects.select_related("plan__samenwerkingsverband").annotate(
        aantal_rood=Count(
            "regels", filter=Q(regels__kleurstatus="probleem", regels__uitvoering="lopend")
        ),
        aantal_oranje=Count(
            "regels", filter=Q(regels__kleurstatus="risico", regels__uitvoering="lopend")
        ),
    )
    sv_lookup = "plan__samenwerkingsverband"
    filterset_class = RapportageFilterSet
    ordering = ["-peildatum"]
    table_class = RapportageTable
    title = "Voortgangsrapportages"


class RapportageScopedMixin(SamenwerkingsverbandMixin):
    def get_queryset(self):
        return Voortgangsrapportage.objects.filter(
            plan__samenwerkingsverband=self.get_samenwerkingsverband()
        ).select_related(
            # the link to the previous report names its plan's samenwerkingsverband
            "plan__samenwerkingsverband",
            "vastgesteld_door",
            "vorige__plan__samenwerkingsverband",
        )


class RapportageDetailView(PdfDownloadMixin, RapportageScopedMixin, DetailView):
    template_name = "programma/rapportage_detail.html"

    def get_pdf(self):
        rapportage = self.get_object()
        sv = self.get_samenwerkingsverband()
        return make_pdf("voortgang", voortgang_report, sv, rapportage=rapportage)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rapportage = self.object
        sv = self.get_samenwerkingsverband()
        context["plan"] = rapportage.plan
        # The tables and the history per version of the samenwerkingsverband's data: the same
        # for every viewer.
        vary = (rapportage.pk,)
        context |= cached(sv.pk, "voortgangsrapportage", lambda: _voortgang(rapportage), *vary)
        context.update(verzendlijst(rapportage, self.request.user, sv))
        return context


RAPPORTAGE_TABEL = "programma/rapportage_tabel.jinja"


def _voortgang(rapportage: Voortgangsrapportage) -> dict:
    """A report's two tables (rendered: ``hoofdtabel``, ``bijlage``) and its history."""
    rows = list(report_rows(rapportage))
    previous = {}
    if rapportage.vorige_id:
        previous = {r.opdracht_id: r for r in rapportage.vorige.regels.all()}
    for row in rows:
        row.verschoven = slipped(row, previous.get(row.opdracht_id))
    secties = split_report(rows)
    codes = {row.opdracht_id: row.opdracht.code for row in rows}
    history = history_rows(
        Voortgangsrapportage.history.filter(id=rapportage.pk),
        Voortgangsregel.history.filter(rapportage_id=rapportage.pk),
        names={Voortgangsregel: lambda record: codes.get(record.opdracht_id)},
    )

    def tabel(rows, caption):
        return mark_safe(jinja.render(RAPPORTAGE_TABEL, {"rows": rows, "caption": caption}))

    return {
        "hoofdtabel": tabel(secties.hoofdtabel, "Deelopdrachten"),
        "bijlage": tabel(secties.bijlage, "Afgerond") if secties.bijlage else "",
        "history": history,
    }


class RapportageCreateView(PlanMixin, EditPermissionMixin, FormView):
    """Draft the next report from the previous one (or, the first, from the planning)."""

    model = Voortgangsrapportage
    permission_action = "add"
    form_class = RapportageDraftForm
    template_name = "form.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        vorige = latest_report(self.get_plan())
        context["title"] = "Nieuwe voortgangsrapportage"
        context["intro"] = (
            f"De nieuwe rapportage begint als kopie van {vorige}."
            if vorige
            else "De eerste rapportage begint met de planning uit het plan; alles nog niet gestart."
        )
        context["cancel_url"] = self.get_plan().get_absolute_url()
        return context

    def get_permission_object(self):
        """The plan the report is added to."""
        return self.get_plan()

    def form_valid(self, form):
        try:
            rapportage = draft_report(self.get_plan(), **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, f"{rapportage} opgesteld als concept.")
        return HttpResponseRedirect(rapportage.get_absolute_url())


class FrozenReportMixin(FrozenRedirectMixin):
    frozen_text = "Deze rapportage is verzonden aan de stuurgroep en verandert niet meer."


class RapportageUpdateView(FrozenReportMixin, RapportageScopedMixin, ObjectUpdateView):
    model = Voortgangsrapportage
    form_class = VoortgangsrapportageForm
    formset_classes = {"regels": VoortgangsregelFormSet}
    template_name = "programma/rapportage_form.html"


class RapportageFreezeView(
    FrozenReportMixin, RapportageScopedMixin, EditPermissionMixin, DetailView
):
    """GET asks for confirmation; POST sends the report to the stuurgroep and freezes it."""

    model = Voortgangsrapportage
    template_name = "programma/rapportage_versturen.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["leden"] = stuurgroepleden(self.get_samenwerkingsverband())
        return context

    def post(self, request, *args, **kwargs):
        rapportage = self.get_object()
        try:
            berichten = send_report(rapportage, request.user)
        except ValidationError as error:
            for text in error.messages:
                messages.error(request, text)
            return HttpResponseRedirect(
                reverse(
                    "programma:rapportage-update", args=[self.kwargs["afkorting"], rapportage.pk]
                )
            )
        announce(
            request,
            berichten,
            "leden van de stuurgroep",
            verzonden="De rapportage is vastgelegd en verstuurd aan de stuurgroep.",
            niets="De rapportage is vastgelegd; er",
        )
        return HttpResponseRedirect(rapportage.get_absolute_url())
