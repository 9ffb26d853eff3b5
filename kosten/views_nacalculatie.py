"""Nacalculatie (convenant art. 5 on actual costs), voorschotten and the jaarrekening overview."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.generic import TemplateView

from regiekamer import access
from regiekamer.dataversie import cached
from regiekamer.history import history_rows
from regiekamer.pdf import make_pdf
from regiekamer.views import (
    ObjectCreateView,
    ObjectDeleteView,
    ObjectUpdateView,
    PdfDownloadMixin,
    RealOnlyMixin,
    SamenwerkingsverbandFormMixin,
    SamenwerkingsverbandMixin,
    attachment,
)

from .forms_nacalculatie import VoorschotregelingForm
from .jaarrekening import (
    geen_nacalculatie,
    jaarrekening_context,
    jaarrekening_report,
    nacalculatie_context,
    nacalculatie_csv_gemeenten,
    nacalculatie_csv_rollen,
    nacalculatie_report,
    voorschotten_context,
)
from .models import Voorschotregeling
from .nacalculatie import load_nacalculatie
from .ontbrekend import fout_context
from .verdeling import KostenFout


class NacalculatieMixin(SamenwerkingsverbandMixin):
    """Reads the nacalculatie once; a scenario or a cost error leaves ``self.nacalculatie``
    None and the context says why."""

    def load(self):
        sv = self.get_samenwerkingsverband()
        self.nacalculatie, self.reden, self.fout = None, geen_nacalculatie(sv), None
        if self.reden:
            return
        try:
            self.nacalculatie = load_nacalculatie(sv)
        except KostenFout as fout:
            self.fout = fout

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["geen_nacalculatie"] = self.reden
        # Where a missing actual cost is filled in (the page's note links to it; never in a PDF).
        context["realisatie_url"] = reverse(
            "kosten:realisatie", args=[self.get_samenwerkingsverband().afkorting]
        )
        if self.fout is not None:
            context |= fout_context(self.get_samenwerkingsverband(), self.fout)
        return context


class NacalculatieView(PdfDownloadMixin, NacalculatieMixin, TemplateView):
    """Begroot against werkelijk per rol, year and gemeente, and the verrekening per art. 5."""

    template_name = "kosten/nacalculatie.html"

    def get(self, request, *args, **kwargs):
        sv = self.get_samenwerkingsverband()
        download = request.GET.get("download")
        if download not in ("csv", "csv-rollen", "pdf"):
            return super().get(request, *args, **kwargs)
        self.load()
        if self.nacalculatie is not None and download == "csv":
            return attachment(
                nacalculatie_csv_gemeenten(sv, self.nacalculatie),
                f"nacalculatie-{sv.afkorting}.csv",
            )
        if self.nacalculatie is not None and download == "csv-rollen":
            return attachment(
                nacalculatie_csv_rollen(sv, self.nacalculatie),
                f"nacalculatie-rollen-{sv.afkorting}.csv",
            )
        return super().get(request, *args, **kwargs)

    def get_pdf(self):
        if self.nacalculatie is None:
            return None  # the page says why
        return make_pdf("nacalculatie", nacalculatie_report, self.get_samenwerkingsverband())

    def get_context_data(self, **kwargs):
        sv = self.get_samenwerkingsverband()
        if geen_nacalculatie(sv):  # a scenario: the page only says where the real one is
            self.load()
            return super().get_context_data(**kwargs)
        # The content depends on the data only: rendered once per data version
        # (``regiekamer.dataversie``).
        context = super(NacalculatieMixin, self).get_context_data(**kwargs)
        return context | cached(sv.pk, "nacalculatie-pagina", lambda: self.content(**kwargs))

    def content(self, **kwargs) -> dict:
        """The page's content below its heading, rendered, and whether there is a nacalculatie
        (the download buttons)."""
        self.load()
        context = super().get_context_data(**kwargs)
        if self.nacalculatie is not None:
            context |= nacalculatie_context(self.get_samenwerkingsverband(), self.nacalculatie)
        return {
            "heeft_nacalculatie": self.nacalculatie is not None,
            "inhoud": render_to_string("kosten/includes/nacalculatie_inhoud.html", context),
        }


class VoorschottenView(NacalculatieMixin, TemplateView):
    """The voorschotregelingen with per year the quarterly voorschotten and the eindafrekening."""

    template_name = "kosten/voorschotten.html"

    def get(self, request, *args, **kwargs):
        self.load()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sv = self.get_samenwerkingsverband()
        if self.reden:
            return context
        context |= voorschotten_context(sv, self.nacalculatie)
        context["kan_toevoegen"] = access.can(self.request.user, "add", sv, Voorschotregeling)
        context["kan_wijzigen"] = access.can(self.request.user, "change", sv, Voorschotregeling)
        context["kan_verwijderen"] = access.can(self.request.user, "delete", sv, Voorschotregeling)
        return context


def voorschotten_url(sv) -> str:
    return reverse("kosten:voorschotten", args=[sv.afkorting])


class VoorschotregelingFormMixin(RealOnlyMixin, SamenwerkingsverbandFormMixin):
    model = Voorschotregeling
    form_class = VoorschotregelingForm
    template_name = "kosten/voorschotregeling_form.html"
    scenario_text = "Een scenario heeft geen voorschotten: het zijn geen echte kosten."

    def get_queryset(self):
        return Voorschotregeling.objects.filter(
            samenwerkingsverband=self.get_samenwerkingsverband()
        ).select_related("pakket", "ontvanger", "samenwerkingsverband")

    def get_success_url(self):
        return voorschotten_url(self.get_samenwerkingsverband())

    def get_cancel_url(self):
        return self.get_success_url()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["intro"] = (
            "De gemeenten betalen per kwartaal een voorschot op hun aandeel in de begroting "
            "(van één pakket of van alle kosten). Na afloop van het jaar volgt de "
            "eindafrekening op de werkelijke kosten. Jaren typt u als 2026; leeg "
            "tot-en-met-jaar: zonder einde."
        )
        regeling = self.object
        if regeling is not None and regeling.pk:
            context["history"] = history_rows(Voorschotregeling.history.filter(id=regeling.pk))
            context["mag_verwijderen"] = access.can(self.request.user, "delete", regeling)
        return context


class VoorschotregelingCreateView(VoorschotregelingFormMixin, ObjectCreateView):
    success_message = "Voorschotregeling opgeslagen."


class VoorschotregelingUpdateView(VoorschotregelingFormMixin, ObjectUpdateView):
    success_message = "Voorschotregeling opgeslagen."

    def get_object(self, queryset=None):
        return get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])


class VoorschotregelingDeleteView(SamenwerkingsverbandMixin, ObjectDeleteView):
    model = Voorschotregeling

    def get_queryset(self):
        return Voorschotregeling.objects.filter(
            samenwerkingsverband=self.get_samenwerkingsverband()
        ).select_related("pakket", "samenwerkingsverband")

    def get_success_url(self):
        return voorschotten_url(self.get_samenwerkingsverband())


class JaarrekeningView(PdfDownloadMixin, NacalculatieMixin, TemplateView):
    """One year: begroot against werkelijk per rol with the toelichting on the differences,
    the nacalculatie per gemeente and the voorschot settlement."""

    template_name = "kosten/jaarrekening.html"

    def get(self, request, *args, **kwargs):
        self.load()
        if self.nacalculatie is not None and self.kwargs["jaar"] not in self.nacalculatie.jaren:
            raise Http404("Geen begrote of werkelijke kosten in dit jaar.")
        return super().get(request, *args, **kwargs)

    def get_pdf(self):
        if self.nacalculatie is None:
            return None
        return make_pdf(
            f"jaarrekening-{self.kwargs['jaar']}",
            jaarrekening_report,
            self.get_samenwerkingsverband(),
            jaar=self.kwargs["jaar"],
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["jaar"] = self.kwargs["jaar"]
        if self.nacalculatie is not None:
            n = self.nacalculatie
            context |= jaarrekening_context(self.get_samenwerkingsverband(), n, self.kwargs["jaar"])
            context["jaren"] = n.jaren
        return context
