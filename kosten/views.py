from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.views.generic import TemplateView

from formatie.bezetting import build_bezettingsoverzicht
from formatie.views import SamenwerkingsverbandFormsetView
from regiekamer import access
from regiekamer.dataversie import cached
from regiekamer.getallen import BEDRAG, format_number
from regiekamer.pdf import make_pdf
from regiekamer.views import (
    ObjectCreateView,
    ObjectUpdateView,
    PdfDownloadMixin,
    SamenwerkingsverbandFormMixin,
    SamenwerkingsverbandMixin,
    attachment,
)

from .budget import budget_context, budgets_of, check_budgets
from .export import kostenverdeling_csv, kostenverdeling_xlsx
from .forms import AandeelFormSet, BudgetclaimFormSet, BudgetFormSet, VerdeelsleutelForm
from .gegevens import load_formatie, load_kostenverdeling
from .models import Budget, Budgetclaim, Verdeelsleutel
from .ontbrekend import fout_context
from .rapporten import (
    data_state_line,
    kostenverdeling_report,
    verrekening_context,
    verrekening_report,
)
from .tabel import cost_table, cost_table_html
from .verdeling import KostenFout
from .verrekening import scenario_melding


def kosten_url(sv) -> str:
    return reverse("kosten:kostenverdeling", args=[sv.afkorting])


class KostenverdelingView(PdfDownloadMixin, SamenwerkingsverbandMixin, TemplateView):
    """The table of Bijlage 1, recomputed from the formation whenever it changes: the page's
    content is cached on the samenwerkingsverband's data version (``regiekamer.dataversie``)
    and on what the viewer may edit, the only things it depends on."""

    template_name = "kosten/kostenverdeling.html"
    kv = None

    def get(self, request, *args, **kwargs):
        sv = self.get_samenwerkingsverband()
        download = request.GET.get("download")
        if download not in ("csv", "xlsx", "pdf"):
            return super().get(request, *args, **kwargs)
        try:
            self.kv = load_kostenverdeling(sv)
        except KostenFout:
            return super().get(request, *args, **kwargs)  # the page says why
        if download == "csv":
            return attachment(kostenverdeling_csv(self.kv), f"kostenverdeling-{sv.afkorting}.csv")
        if download == "xlsx":
            budgetten = check_budgets(self.kv, budgets_of(sv))
            return attachment(
                kostenverdeling_xlsx(
                    self.kv,
                    # A forwarded workbook of a scenario is never taken for the real one.
                    f"Kostenverdeling {'Scenario ' if sv.is_scenario else ''}{sv.naam}",
                    data_state_line(sv),
                    budgetten=budgetten,
                ),
                f"kostenverdeling-{sv.afkorting}.xlsx",
            )
        return super().get(request, *args, **kwargs)

    def get_pdf(self):
        if self.kv is None:
            return None  # the page says why the costs cannot be computed
        return make_pdf("kostenverdeling", kostenverdeling_report, self.get_samenwerkingsverband())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sv = self.get_samenwerkingsverband()
        user = self.request.user
        # What the content shows this viewer besides the data: its edit links and buttons.
        perms = access.PlacePerms(user, sv)
        rechten = {
            "perms": {
                "kosten": {
                    naam: perms["kosten"][naam]
                    for naam in ("add_verdeelsleutel", "change_verdeelsleutel")
                },
                "formatie": {"change_salarisschaal": perms["formatie"]["change_salarisschaal"]},
            },
            # The budgets of all gemeenten together; an official edits the own on the gemeente
            # page.
            "can_edit_budgets": access.can(user, "change", sv, Budget),
            "can_edit_claims": access.can(user, "change", sv, Budgetclaim),
        }
        vary = repr(sorted(rechten.items()))
        context |= cached(sv.pk, "kostenverdeling-pagina", lambda: self.content(sv, rechten), vary)
        # The cost model the content shows, read (from its own cache) only when asked for: the
        # page's template does not, the tests comparing it with a fresh calculation do.
        context["kv"] = SimpleLazyObject(lambda: load_kostenverdeling(sv))
        return context

    def content(self, sv, rechten: dict) -> dict:
        """The page's content below its introduction, rendered, and whether there are costs
        (the download buttons)."""
        context = {"samenwerkingsverband": sv, **rechten}
        try:
            # Computed here, not read from the cost model's own cache entry: the content is
            # cached whole, on the same data version.
            kv = load_kostenverdeling(sv, load_formatie(sv))
        except KostenFout as fout:
            # What can be shown still is: the key (below) and the formation.
            kv = None
            context |= fout_context(sv, fout)
            context["overzicht"] = build_bezettingsoverzicht(sv)
        context["kv"] = kv
        context["verdeelsleutels"] = sv.verdeelsleutels.prefetch_related("aandelen__gemeente")
        if kv is not None:
            context |= cost_table(kv)
            context["kostentabel"] = cost_table_html(context)
            context |= budget_context(kv, sv)
        return {
            "heeft_kosten": bool(kv and kv.jaren),
            "inhoud": render_to_string("kosten/includes/kostenverdeling_inhoud.html", context),
        }


class VerrekeningView(PdfDownloadMixin, SamenwerkingsverbandMixin, TemplateView):
    """Onderlinge verrekening: per year what each gemeente bore, its share, saldo and payments."""

    template_name = "kosten/verrekening.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sv = self.get_samenwerkingsverband()
        if melding := scenario_melding(sv):
            # No figures: a scenario's costs are not real, so nobody pays anybody.
            context["niet_verrekend"] = melding
            return context
        try:
            kv = load_kostenverdeling(sv)
        except KostenFout as fout:
            context |= fout_context(sv, fout)
            return context
        context |= verrekening_context(sv, kv)
        return context

    def get_pdf(self):
        return make_pdf("verrekening", verrekening_report, self.get_samenwerkingsverband())


class VerdeelsleutelFormMixin(SamenwerkingsverbandFormMixin):
    model = Verdeelsleutel
    form_class = VerdeelsleutelForm
    formset_classes = {"aandelen": AandeelFormSet}

    def get_queryset(self):
        return Verdeelsleutel.objects.filter(samenwerkingsverband=self.get_samenwerkingsverband())

    def get_formset_kwargs(self, name):
        return {"gemeenten": self.get_samenwerkingsverband().gemeenten.all()}

    def prepare_formsets(self, form, formsets):
        formsets["aandelen"].methode = form.cleaned_data.get("methode")

    def get_success_url(self):
        return kosten_url(self.get_samenwerkingsverband())

    def get_cancel_url(self):
        return self.get_success_url()


class VerdeelsleutelCreateView(VerdeelsleutelFormMixin, ObjectCreateView):
    pass


class VerdeelsleutelUpdateView(VerdeelsleutelFormMixin, ObjectUpdateView):
    def get_object(self, queryset=None):
        return get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])


class BudgettenUpdateView(SamenwerkingsverbandFormsetView):
    permission_required = ["kosten.change_budget", "kosten.add_budget", "kosten.delete_budget"]
    formset_classes = {"budgetten": BudgetFormSet}
    title = "Budgetten"

    def get_formset_kwargs(self, name):
        return {"gemeenten": self.object.gemeenten.all()}

    def get_success_url(self):
        return kosten_url(self.object)


class BudgetclaimsUpdateView(SamenwerkingsverbandMixin, ObjectUpdateView):
    """The claims known to weigh on one budget (a gemeente, a year), saved together; the
    ruimte on the cost page is budget − claims − aandeel."""

    model = Budget
    fields: list[str] = []
    save_object = False
    formset_classes = {"claims": BudgetclaimFormSet}
    permission_required = [
        "kosten.change_budgetclaim",
        "kosten.add_budgetclaim",
        "kosten.delete_budgetclaim",
    ]

    def get_queryset(self):
        sv = self.get_samenwerkingsverband()
        return super().get_queryset().filter(samenwerkingsverband=sv).select_related("gemeente")

    def has_permission(self):
        """May the user change the claims on this budget? Asked of the claims, not of the
        budget: an official changes the own gemeente's budget but not the claims on it."""
        if not super().has_permission():
            return False
        return access.allowed(self.request.user, "change", self.refused_target, Budgetclaim)

    def get_success_url(self):
        return kosten_url(self.get_samenwerkingsverband()) + "#budgetcontrole"

    def get_cancel_url(self):
        return self.get_success_url()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        budget = self.object
        context["title"] = f"Claims op het budget van {budget.gemeente.naam} {budget.jaar}"
        context["subtitle"] = f"Budget € {format_number(budget.bedrag, BEDRAG)}" + (
            f": {budget.omschrijving}" if budget.omschrijving else ""
        )
        context["intro"] = (
            "Ruimte = budget − claims − aandeel in de kosten van de samenwerking. Het aandeel "
            "rekent Regiekamer zelf uit de formatie: vul het hier niet nog eens in. Laat het "
            "bedrag leeg als het niet bekend is; de ruimte heet dan 'ten hoogste'."
        )
        return context
