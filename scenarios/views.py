"""The scenario pages (H6: making, listing, editing) and the comparison (H7)."""


# -- H7: the comparison of a samenwerkingsverband with its scenario's (scenarios.vergelijking) --

from django.shortcuts import redirect  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.views.generic import TemplateView  # noqa: E402

from regiekamer.pdf import make_pdf  # noqa: E402
from regiekamer.spreadsheet import csv_text  # noqa: E402
from regiekamer.views import PdfDownloadMixin, SamenwerkingsverbandMixin, attachment  # noqa: E402

from .rapporten import scenariovergelijking_report  # noqa: E402
from .vergelijking import build_vergelijking  # noqa: E402


class VergelijkingView(PdfDownloadMixin, SamenwerkingsverbandMixin, TemplateView):
    """Per gemeente and year the real costs and each scenario's, side by side (stuurgroep
    reads). On a scenario's address: the comparison of its real samenwerkingsverband."""

    template_name = "scenarios/vergelijking.html"

    def get(self, request, *args, **kwargs):
        sv = self.get_samenwerkingsverband()
        if sv.is_scenario:
            return redirect(reverse("scenarios:vergelijking", args=[sv.scenario_van.afkorting]))
        if request.GET.get("download") == "csv":
            return attachment(
                csv_text(build_vergelijking(sv).rows()), f"scenariovergelijking-{sv.afkorting}.csv"
            )
        return super().get(request, *args, **kwargs)

    def get_pdf(self):
        return make_pdf(
            "scenariovergelijking", scenariovergelijking_report, self.get_samenwerkingsverband()
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["vergelijking"] = build_vergelijking(self.get_samenwerkingsverband())
        return context


# -- end of H7 --
