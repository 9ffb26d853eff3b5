from django.contrib import messages
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import TemplateView

from formatie.bezetting import build_bezettingsoverzicht
from formatie.views import SamenwerkingsverbandFormsetView
from regiekamer import access
from regiekamer.pdf import RapportFout, make_pdf
from regiekamer.views import (
    ObjectCreateView,
    ObjectUpdateView,
    SamenwerkingsverbandFormMixin,
    SamenwerkingsverbandMixin,
    attachment,
)

from .budget import check_budgets
from .export import kostenverdeling_csv, kostenverdeling_xlsx
from .forms import AandeelFormSet, BudgetFormSet, VerdeelsleutelForm
from .gegevens import load_kostenverdeling
from .models import Budget, Verdeelsleutel
from .ontbrekend import fout_context
from .rapporten import (
    data_state_line,
    kostenverdeling_report,
    verrekening_context,
    verrekening_report,
)
from .tabel import cost_table
from .verdeling import KostenFout


def kosten_url(sv) -> str:
    return reverse("kosten:kostenverdeling", args=[sv.afkorting])


class KostenverdelingView(SamenwerkingsverbandMixin, TemplateView):
    """The table of Bijlage 1, recomputed from the formation on every view."""

    template_name = "kosten/kostenverdeling.html"

    def get(self, request, *args, **kwargs):
        sv = self.get_samenwerkingsverband()
        try:
            self.kv = load_kostenverdeling(sv)
        except KostenFout as fout:
            self.kv, self.fout = None, fout
        download = request.GET.get("download")
        if self.kv is not None and download == "pdf":
            return attachment(*make_pdf("kostenverdeling", kostenverdeling_report, sv))
        if self.kv is not None and download == "csv":
            return attachment(kostenverdeling_csv(self.kv), f"kostenverdeling-{sv.afkorting}.csv")
        if self.kv is not None and download == "xlsx":
            return attachment(
                kostenverdeling_xlsx(self.kv, f"Kostenverdeling {sv.naam}", data_state_line(sv)),
                f"kostenverdeling-{sv.afkorting}.xlsx",
            )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sv = self.get_samenwerkingsverband()
        context["kv"] = self.kv
        if self.kv is None:
            # What can be shown still is: the key (below) and the formation.
            context |= fout_context(sv, self.fout)
            context["overzicht"] = build_bezettingsoverzicht(sv)
        context["verdeelsleutels"] = sv.verdeelsleutels.prefetch_related("aandelen__gemeente")
        if self.kv is not None:
            kv = self.kv
            context |= cost_table(kv)
            context["budgetten"] = check_budgets(
                kv, Budget.objects.filter(samenwerkingsverband=sv).select_related("gemeente")
            )
        # The budgets of all gemeenten together; an official edits the own on the gemeente page.
        context["can_edit_budgets"] = access.can(self.request.user, "change", sv, Budget)
        return context


class VerrekeningView(SamenwerkingsverbandMixin, TemplateView):
    """Onderlinge verrekening: per year what each gemeente bore, its share, saldo and payments."""

    template_name = "kosten/verrekening.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sv = self.get_samenwerkingsverband()
        try:
            kv = load_kostenverdeling(sv)
        except KostenFout as fout:
            context |= fout_context(sv, fout)
            return context
        context |= verrekening_context(sv, kv)
        return context

    def get(self, request, *args, **kwargs):
        if request.GET.get("download") == "pdf":
            sv = self.get_samenwerkingsverband()
            try:
                return attachment(*make_pdf("verrekening", verrekening_report, sv))
            except RapportFout as fout:
                messages.error(request, str(fout))
        return super().get(request, *args, **kwargs)


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
