from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.db.models import Count, OuterRef, Prefetch, Subquery
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.views import View
from django.views.generic import DetailView, TemplateView

from partijen import forms as partijen_forms
from partijen.models import Inwonertal, Samenwerkingsverband
from regiekamer import access
from regiekamer.conditions import matches
from regiekamer.history import history_rows
from regiekamer.pdf import make_pdf
from regiekamer.uploads import serve_file
from regiekamer.views import (
    EditPermissionMixin,
    ObjectCreateView,
    ObjectDeleteView,
    ObjectListView,
    ObjectUpdateView,
    PdfDownloadMixin,
    ScopedQuerysetMixin,
    UserFormMixin,
    query_pk,
    visible_samenwerkingsverband,
)

from . import forms
from .document import convenant_report
from .filters import ConvenantFilterSet, SamenwerkingsverbandFilterSet
from .models import (
    TEXT_LOCKED,
    Artikel,
    Artikelonderdeel,
    Convenant,
    Herijkingsmoment,
    Ondertekenaar,
    Overweging,
)
from .tables import ConvenantTable, SamenwerkingsverbandTable
from .vergelijking import compare_convenanten, count_by_status

# --- Samenwerkingsverband -------------------------------------------------------------------


class SamenwerkingsverbandListView(ObjectListView):
    queryset = (
        Samenwerkingsverband.objects.echt()
        .annotate(
            aantal_gemeenten=Count("gemeenten", distinct=True),
            aantal_convenanten=Count("convenanten", distinct=True),
        )
        .order_by("naam")
    )
    filterset_class = SamenwerkingsverbandFilterSet
    table_class = SamenwerkingsverbandTable
    create_url_name = "convenant:samenwerkingsverband-create"


class SamenwerkingsverbandDetailView(DetailView):
    model = Samenwerkingsverband
    slug_field = "afkorting"
    slug_url_kwarg = "afkorting"
    template_name = "convenant/samenwerkingsverband_detail.html"

    def get_object(self, queryset=None):
        sv = visible_samenwerkingsverband(self.request, self.kwargs["afkorting"])
        return get_object_or_404(
            Samenwerkingsverband.objects.select_related(
                "penvoerder", "scenario_van"
            ).prefetch_related("domeinen"),
            pk=sv.pk,
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sv = self.object
        context["perms"] = access.PlacePerms(self.request.user, sv)  # what may be done here
        context["gemeenten"] = (
            sv.gemeenten.with_latest_inwonertal()
            if not sv.is_scenario
            else _with_scenario_inwonertal(sv.gemeenten.all(), sv)
        )
        context["convenanten"] = sv.convenanten.annotate(aantal_artikelen=Count("artikelen"))
        momenten = Herijkingsmoment.objects.filter(convenant__samenwerkingsverband=sv).geldend()
        momenten = momenten.select_related("convenant")
        context["komende_herijkingen"] = momenten.komend()
        context["laatste_herijking"] = momenten.geweest().first()
        context["open_knelpunten"] = sv.knelpunten.filter(opgelost_op__isnull=True)
        context["history"] = history_rows(sv.history.all())
        return context


def _with_scenario_inwonertal(gemeenten, scenario):
    """The gemeenten with the latest inwonertal of the scenario's own figures (never the real
    ones: ``Inwonertal.van``)."""
    latest = Inwonertal.van(scenario).filter(gemeente=OuterRef("pk")).order_by("-peildatum")
    return gemeenten.annotate(
        laatste_inwonertal=Subquery(latest.values("aantal")[:1]),
        laatste_peildatum=Subquery(latest.values("peildatum")[:1]),
    )


class SamenwerkingsverbandCreateView(UserFormMixin, ObjectCreateView):
    model = Samenwerkingsverband
    form_class = partijen_forms.SamenwerkingsverbandForm

    def after_save(self):
        # Whoever creates a samenwerkingsverband takes part in it.
        access.grant(self.request.user, self.object)


class SamenwerkingsverbandUpdateView(UserFormMixin, ObjectUpdateView):
    model = Samenwerkingsverband
    form_class = partijen_forms.SamenwerkingsverbandForm
    slug_field = "afkorting"
    slug_url_kwarg = "afkorting"


# --- Gemeente -------------------------------------------------------------------------------


# --- Convenant ------------------------------------------------------------------------------


class ConvenantListView(ObjectListView):
    queryset = (
        Convenant.objects.filter(samenwerkingsverband__scenario_van__isnull=True)
        .select_related("samenwerkingsverband")
        .annotate(aantal_artikelen=Count("artikelen"))
        .order_by("samenwerkingsverband__naam", "-dagtekening", "titel", "-versie")
    )
    filterset_class = ConvenantFilterSet
    table_class = ConvenantTable
    create_url_name = "convenant:convenant-create"


class ConvenantDetailView(PdfDownloadMixin, ScopedQuerysetMixin, DetailView):
    template_name = "convenant/convenant_detail.html"

    def get_pdf(self):
        convenant = self.get_object()
        sv = convenant.samenwerkingsverband
        pdf, _ = make_pdf("convenant", convenant_report, sv, convenant=convenant)
        # One name per convenant and version: version 2 does not overwrite version 1 in the
        # downloads folder ("convenant-MLW-2016-versie-2.pdf").
        dag = convenant.dagtekening or convenant.inwerkingtreding
        jaar = f"-{dag.year}" if dag else ""
        return pdf, f"convenant-{sv.afkorting}{jaar}-versie-{convenant.versie}.pdf"

    queryset = Convenant.objects.select_related(
        "samenwerkingsverband", "voorganger", "vorige_versie"
    ).prefetch_related(
        "overwegingen",
        Prefetch("artikelen", queryset=Artikel.objects.prefetch_related("onderdelen")),
        Prefetch("ondertekenaars", queryset=Ondertekenaar.objects.select_related("gemeente")),
        "herijkingsmomenten",
        "opvolgers",
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        convenant = self.object
        versions = convenant.get_versions()
        context["versions"] = versions
        context["next_version"] = next(
            (v for v in versions if v.vorige_versie_id == convenant.pk), None
        )
        context["can_edit"] = access.can(self.request.user, "change", convenant)
        # Convenant.is_text_locked's rule, asked of the object itself (no query).
        context["text_locked"] = matches(convenant, TEXT_LOCKED)
        artikel_ids = [a.pk for a in convenant.artikelen.all()]
        context["history"] = history_rows(
            convenant.history.all(),
            Overweging.history.filter(convenant_id=convenant.pk),
            Artikel.history.filter(convenant_id=convenant.pk),
            Artikelonderdeel.history.filter(artikel_id__in=artikel_ids),
            Ondertekenaar.history.filter(convenant_id=convenant.pk),
            Herijkingsmoment.history.filter(convenant_id=convenant.pk),
        )
        return context


CONVENANT_FORMSETS = {
    "overwegingen": forms.OverwegingFormSet,
    "ondertekenaars": forms.OndertekenaarFormSet,
    "herijkingsmomenten": forms.HerijkingsmomentFormSet,
}


class ConvenantScanView(PermissionRequiredMixin, View):
    """The signed scan is served only here: logged in, allowed to read this convenant."""

    permission_required = "convenant.view_convenant"

    def get(self, request, pk):
        convenant = get_object_or_404(Convenant, pk=pk)
        if not convenant.scan or not access.can(request.user, "view", convenant):
            raise Http404
        return serve_file(convenant.scan, convenant.scan_bestandsnaam or convenant.titel)


class ConvenantCreateView(ObjectCreateView):
    model = Convenant
    form_class = forms.ConvenantForm
    formset_classes = CONVENANT_FORMSETS

    def get_initial(self):
        afkorting = self.request.GET.get("samenwerkingsverband")
        sv = Samenwerkingsverband.objects.filter(afkorting=afkorting).first() if afkorting else None
        return {"samenwerkingsverband": sv} if sv else {}


class ConvenantUpdateView(ObjectUpdateView):
    model = Convenant
    form_class = forms.ConvenantForm
    formset_classes = CONVENANT_FORMSETS


class ConvenantDeleteView(ObjectDeleteView):
    model = Convenant

    def get_success_url(self):
        return self.object.samenwerkingsverband.get_absolute_url()

    def form_valid(self, form):
        if self.object.is_text_locked() or self.object.has_next_version():
            messages.error(
                self.request,
                "Dit convenant kan niet worden verwijderd: het is ondertekend of heeft een "
                "volgende versie.",
            )
            return HttpResponseRedirect(self.object.get_absolute_url())
        return super().form_valid(form)


class ConvenantNewVersionView(EditPermissionMixin, ScopedQuerysetMixin, DetailView):
    """GET asks for confirmation; POST creates the new concept version."""

    model = Convenant
    permission_action = "add"
    template_name = "convenant/convenant_nieuwe_versie.html"

    def get_permission_object(self):
        return self.get_object()

    def post(self, request, *args, **kwargs):
        convenant = self.get_object()
        if convenant.has_next_version():
            messages.error(request, "Van deze versie bestaat al een volgende versie.")
            return HttpResponseRedirect(convenant.get_absolute_url())
        nieuw = convenant.create_new_version()
        messages.success(request, f"Versie {nieuw.versie} aangemaakt als concept.")
        return HttpResponseRedirect(nieuw.get_absolute_url())


class ConvenantCompareView(TemplateView):
    """The differences between two convenanten (?oud=pk&nieuw=pk), article by article."""

    template_name = "convenant/convenant_vergelijking.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        convenanten = access.scope(self.request.user, Convenant.objects.all())
        nieuw = get_object_or_404(convenanten, pk=self.kwargs["pk"])
        versions = nieuw.get_versions()
        default_oud = nieuw.vorige_versie_id or nieuw.voorganger_id
        oud_pk = query_pk(self.request, "oud") or default_oud
        oud = get_object_or_404(convenanten, pk=oud_pk) if oud_pk else None
        context.update(
            nieuw=nieuw,
            oud=oud,
            choices=[v for v in versions if v.pk != nieuw.pk]
            + ([nieuw.voorganger] if nieuw.voorganger else []),
        )
        if oud is not None:
            verschillen = compare_convenanten(oud, nieuw)
            context["verschillen"] = verschillen
            context["telling"] = count_by_status(verschillen)
        return context


# --- Artikel --------------------------------------------------------------------------------


class ArtikelFormMixin:
    model = Artikel
    form_class = forms.ArtikelForm
    formset_classes = {"onderdelen": forms.ArtikelonderdeelFormSet}

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["convenant"] = self.get_convenant()
        return kwargs

    def get_convenant(self):
        if self.object is not None:
            return self.object.convenant
        return self.get_permission_object()

    def get_permission_object(self):
        if self.permission_action != "add":
            return self.get_object()
        convenanten = access.scope(self.request.user, Convenant.objects.all())
        return get_object_or_404(convenanten, pk=self.kwargs["convenant_pk"])

    def get_success_url(self):
        return self.object.get_absolute_url()

    def get_cancel_url(self):
        return self.get_convenant().get_absolute_url()


class ArtikelCreateView(ArtikelFormMixin, ObjectCreateView):
    def get_initial(self):
        last = self.get_convenant().artikelen.order_by("-nummer").first()
        return {"nummer": last.nummer + 1 if last else 1}


class ArtikelUpdateView(ArtikelFormMixin, ObjectUpdateView):
    pass


class ArtikelDeleteView(ObjectDeleteView):
    model = Artikel

    def get_success_url(self):
        return self.object.convenant.get_absolute_url()

    def form_valid(self, form):
        if self.object.convenant.is_text_locked():
            messages.error(self.request, str(Convenant.LOCKED_MESSAGE))
            return HttpResponseRedirect(self.object.get_absolute_url())
        return super().form_valid(form)
