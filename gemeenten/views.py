"""The pages of a gemeente: its own data, inwonertallen and budgets, its samenwerkingsverbanden
and its contactpersonen. They gather from kosten/ and governance/, so they stand above both."""

from django.db.models import Exists, OuterRef
from django.http import Http404
from django.utils.functional import SimpleLazyObject
from django.utils.text import slugify
from django.views.generic import DetailView

from governance.models import Gremium
from governance.query import contactpersonen
from kosten.forms import GemeenteBudgetFormSet
from kosten.rekening import load_rekening, onvolledig, rekening_pdf
from partijen import forms
from partijen.models import Functionaris, Gemeente, Inwonertal, Samenwerkingsverband
from regiekamer import access
from regiekamer.history import history_rows
from regiekamer.logo import serve_logo
from regiekamer.views import (
    ObjectCreateView,
    ObjectListView,
    ObjectUpdateView,
    PdfDownloadMixin,
    ScopedQuerysetMixin,
    UserFormMixin,
    attachment,
)

from .filters import GemeenteFilterSet
from .tables import GemeenteTable


def in_de_echte_wereld(queryset):
    """The gemeenten of a real samenwerkingsverband, or of none yet (a new gemeente): not one
    that only a scenario takes in (seed 004's Noord-Limburg gemeenten, say), which no real
    list names."""
    through = Samenwerkingsverband.gemeenten.through
    ergens = through.objects.filter(gemeente=OuterRef("pk"))
    echt = ergens.filter(samenwerkingsverband__scenario_van__isnull=True)
    return queryset.filter(Exists(echt) | ~Exists(ergens))


class GemeenteListView(ObjectListView):
    """The gemeenten of the real world (``in_de_echte_wereld``) the user may see."""

    queryset = in_de_echte_wereld(Gemeente.objects.with_latest_inwonertal().order_by("naam"))
    filterset_class = GemeenteFilterSet
    table_class = GemeenteTable
    create_url_name = "gemeenten:gemeente-create"


class GemeenteDetailView(PdfDownloadMixin, ScopedQuerysetMixin, DetailView):
    """The gemeente's page, with its bill: per year what it pays to each real
    samenwerkingsverband the user may see (``kosten.rekening``), as PDF (``?download=pdf``)
    and CSV (``?download=csv``, as ``manage.py rekening``)."""

    model = Gemeente
    template_name = "gemeenten/gemeente_detail.html"

    def zichtbaar(self):
        """The samenwerkingsverbanden whose costs this user may see."""
        return access.visible_samenwerkingsverbanden(self.request.user)

    def get(self, request, *args, **kwargs):
        if request.GET.get("download") == "csv":
            gemeente = self.get_object()
            rekening = load_rekening(gemeente, self.zichtbaar())
            return attachment(rekening.csv(), f"rekening-{slugify(gemeente.naam)}.csv")
        return super().get(request, *args, **kwargs)

    def get_pdf(self):
        return rekening_pdf(self.get_object(), self.zichtbaar())

    def get_context_data(self, **kwargs):
        """The page's content is cached over the gemeente's samenwerkingsverbanden
        (``{% versiecache %}``): what it computes is computed only when the cache misses."""
        context = super().get_context_data(**kwargs)
        gemeente = self.object
        context["inwonertallen"] = gemeente.inwonertallen.all()
        context["functionarissen"] = gemeente.functionarissen.all()
        context["samenwerkingsverbanden"] = access.scope(
            self.request.user, gemeente.samenwerkingsverbanden.echt()
        )
        # What the page shows comes from these: the samenwerkingsverbanden the gemeente takes
        # part in, and those whose gremia its people sit in (its contactpersoon).
        deelnemend = gemeente.samenwerkingsverbanden.order_by().values_list("pk", flat=True)
        via_leden = Gremium.objects.filter(lidmaatschappen__persoon__gemeente=gemeente)
        context["gemeente_verbanden"] = list(
            deelnemend.union(via_leden.order_by().values_list("samenwerkingsverband_id", flat=True))
        )
        context["rekening"] = SimpleLazyObject(lambda: load_rekening(gemeente, self.zichtbaar()))
        context["onvolledig"] = SimpleLazyObject(lambda: onvolledig(gemeente, self.zichtbaar()))
        context["can_edit"] = SimpleLazyObject(
            lambda: access.can(self.request.user, "change", gemeente)
        )
        context["contactpersonen"] = SimpleLazyObject(lambda: contactpersonen(gemeente))
        context["history"] = SimpleLazyObject(
            lambda: history_rows(
                gemeente.history.all(),
                Inwonertal.history.filter(gemeente_id=gemeente.pk),
                Functionaris.history.filter(gemeente_id=gemeente.pk),
            )
        )
        return context


class GemeenteLogoView(ScopedQuerysetMixin, DetailView):
    """The letterhead's logo, for an <img> on the gemeente's and its letters' pages: only for
    who may see the gemeente, as a download that never runs (``regiekamer.logo``)."""

    model = Gemeente

    def get(self, request, *args, **kwargs):
        gemeente = self.get_object()
        if not gemeente.logo:
            raise Http404("Deze gemeente heeft geen logo.")
        return serve_logo(gemeente.logo, gemeente.logo_bestandsnaam or f"logo {gemeente.naam}")


class GemeenteCreateView(UserFormMixin, ObjectCreateView):
    model = Gemeente
    form_class = forms.GemeenteForm
    # The letterhead's functionarissen follow on the edit page.
    formset_classes = {"inwonertallen": forms.InwonertalFormSet}


class GemeenteUpdateView(UserFormMixin, ObjectUpdateView):
    """The gemeente's own data: address for council mail, letterhead (logo, functionarissen
    who sign), contactpersoon, inwonertallen and budgets (also for an official of that
    gemeente)."""

    model = Gemeente
    form_class = forms.GemeenteForm
    formset_classes = {
        "inwonertallen": forms.InwonertalFormSet,
        "functionarissen": forms.FunctionarisFormSet,
        "budgetten": GemeenteBudgetFormSet,
    }

    def get_formset_kwargs(self, name):
        if name == "budgetten":
            visible = self.object.samenwerkingsverbanden.echt()
            return {"samenwerkingsverbanden": access.scope(self.request.user, visible)}
        return {}
