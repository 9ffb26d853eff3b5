from collections import Counter

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.db.models import Count, Prefetch
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views import View
from django.views.generic import DetailView, TemplateView

from berichten.verzenden import summary
from regiekamer.access import can
from regiekamer.pdf import make_pdf
from regiekamer.uploads import serve_file
from regiekamer.views import (
    EditPermissionMixin,
    ObjectCreateView,
    ObjectUpdateView,
    PdfDownloadMixin,
    SamenwerkingsverbandFormMixin,
    SamenwerkingsverbandListView,
    SamenwerkingsverbandMixin,
    local_url,
    query_pk,
)

from .constants import Actiestatus
from .filters import ActiepuntFilterSet, BesluitFilterSet, GremiumFilterSet, KnelpuntFilterSet
from .forms import (
    ActiepuntForm,
    AgendapuntFormSet,
    BesluitForm,
    GremiumForm,
    KnelpuntForm,
    LidmaatschapFormSet,
    StukForm,
    VergaderingForm,
)
from .meldingen import notify_owner
from .models import (
    Actiepunt,
    Agendapunt,
    Besluit,
    Gremium,
    GremiumRelatie,
    Knelpunt,
    Lidmaatschap,
    Stuk,
    Vergadering,
)
from .organogram import build_organogram_svg
from .rapporten import besluitenlijst_report
from .tables import ActiepuntTable, BesluitTable, GremiumTable, KnelpuntTable
from .vergaderplanning import generate_series, propose_chair, propose_location


class GremiumListView(SamenwerkingsverbandListView):
    queryset = (
        Gremium.objects.select_related("samenwerkingsverband")
        .annotate(aantal_leden=Count("lidmaatschappen"))
        .order_by("historisch", "soort", "naam")
    )
    filterset_class = GremiumFilterSet
    table_class = GremiumTable
    title = "Gremia"
    template_name = "governance/gremium_list.html"


class OrganogramView(SamenwerkingsverbandMixin, TemplateView):
    template_name = "governance/organogram.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sv = self.get_samenwerkingsverband()
        alle = list(Gremium.objects.filter(samenwerkingsverband=sv).order_by("periode"))
        counts = Counter(g.periode for g in alle)
        periodes = sorted(counts)
        gekozen = self.request.GET.get("periode")
        if gekozen not in counts:
            # The structure with the most gremia (for MLW the 2016 structure of Bijlage 1).
            gekozen = max(periodes, key=lambda p: (counts[p], p)) if periodes else ""
        gremia = [g for g in alle if g.periode == gekozen]
        context["periodes"], context["periode"] = periodes, gekozen
        relaties = list(
            # The links to both gremia need their samenwerkingsverband.
            GremiumRelatie.objects.filter(van__in=gremia, naar__in=gremia).select_related(
                "van__samenwerkingsverband", "naar__samenwerkingsverband"
            )
        )
        context["svg"] = build_organogram_svg(
            gremia, relaties, titel=f"Organogram {sv.naam} {gekozen}".strip()
        )
        context["relaties"] = relaties
        return context


class GremiumDetailView(SamenwerkingsverbandMixin, DetailView):
    template_name = "governance/gremium_detail.html"

    def get_queryset(self):
        return Gremium.objects.filter(
            samenwerkingsverband=self.get_samenwerkingsverband()
        ).select_related("samenwerkingsverband", "gemeente")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        gremium = self.object
        now = timezone.now()
        context["leden"] = Lidmaatschap.objects.filter(gremium=gremium).select_related(
            "persoon__gemeente"
        )
        # Each line links to the other gremium, whose URL needs its samenwerkingsverband.
        context["relaties_van"] = gremium.relaties_van.select_related("naar__samenwerkingsverband")
        context["relaties_naar"] = gremium.relaties_naar.select_related("van__samenwerkingsverband")
        vergaderingen = gremium.vergaderingen.select_related("voorzitter", "locatie_gemeente")
        context["komend"] = vergaderingen.filter(begin__gte=now).order_by("begin")[:6]
        context["geweest"] = vergaderingen.filter(begin__lt=now).order_by("-begin")[:6]
        context["besluiten"] = gremium.besluiten.select_related("agendapunt__vergadering")[:10]
        context["actiepunten"] = gremium.actiepunten.filter(status=Actiestatus.OPEN).select_related(
            "eigenaar"
        )
        context["volgend_jaar"] = timezone.localdate().year + (1 if now.month >= 10 else 0)
        return context


class GremiumUpdateView(SamenwerkingsverbandMixin, ObjectUpdateView):
    model = Gremium
    form_class = GremiumForm
    formset_classes = {"lidmaatschappen": LidmaatschapFormSet}

    def get_queryset(self):
        return Gremium.objects.filter(samenwerkingsverband=self.get_samenwerkingsverband())


class GremiumSeriesView(SamenwerkingsverbandMixin, EditPermissionMixin, View):
    """POST: plan the meetings of a year from the gremium's cadence (a second run adds none)."""

    model = Vergadering
    permission_action = "add"

    def get_permission_object(self):
        """The gremium the meetings are added to."""
        return get_object_or_404(
            Gremium, samenwerkingsverband=self.get_samenwerkingsverband(), pk=self.kwargs["pk"]
        )

    def post(self, request, afkorting, pk):
        gremium = self.get_permission_object()
        try:
            jaar = int(request.POST.get("jaar", ""))
            nieuw = generate_series(gremium, jaar)
        except ValueError as fout:
            text = str(fout) if "vergader" in str(fout) else "Kies een geldig jaar."
            messages.error(request, text)
        else:
            if nieuw:
                messages.success(request, f"{len(nieuw)} vergaderingen gepland in {jaar}.")
            else:
                messages.info(request, f"In {jaar} waren alle vergaderingen al gepland.")
        return HttpResponseRedirect(gremium.get_absolute_url())


class VergaderingFormMixin(SamenwerkingsverbandFormMixin):
    model = Vergadering
    form_class = VergaderingForm
    formset_classes = {"agendapunten": AgendapuntFormSet}

    def get_queryset(self):
        return Vergadering.objects.filter(
            gremium__samenwerkingsverband=self.get_samenwerkingsverband()
        )


class VergaderingCreateView(VergaderingFormMixin, ObjectCreateView):
    def gremium_from_query(self):
        """The gremium of ``?gremium=PK`` (the gremium page's link), or None for anything else."""
        pk = query_pk(self.request, "gremium")
        if pk is None:
            return None
        return Gremium.objects.filter(
            samenwerkingsverband=self.get_samenwerkingsverband(), pk=pk
        ).first()

    def get_initial(self):
        gremium = self.gremium_from_query()
        if gremium is None:
            return {}
        dag = timezone.localdate()
        return {
            "gremium": gremium,
            "voorzitter": propose_chair(gremium, dag),
            "locatie_gemeente": propose_location(gremium, dag),
        }

    def get_formsets(self):
        formsets = super().get_formsets()
        gremium = self.gremium_from_query() if self.request.method == "GET" else None
        if gremium and gremium.communicatie_vast_agendapunt:
            formsets["agendapunten"] = AgendapuntFormSet(
                instance=Vergadering(),
                prefix="agendapunten",
                initial=[{"volgorde": 1, "titel": "Communicatie", "soort": "bespreking"}],
            )
        return formsets


class VergaderingUpdateView(VergaderingFormMixin, ObjectUpdateView):
    pass


class VergaderingDetailView(SamenwerkingsverbandMixin, DetailView):
    template_name = "governance/vergadering_detail.html"

    def get_queryset(self):
        return Vergadering.objects.filter(
            gremium__samenwerkingsverband=self.get_samenwerkingsverband()
        ).select_related("gremium", "voorzitter", "locatie_gemeente")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["agendapunten"] = self.object.agendapunten.prefetch_related(
            Prefetch("besluiten", queryset=Besluit.objects.order_by("datum")), "stukken"
        )
        context["actiepunten"] = self.object.actiepunten.select_related("eigenaar")
        return context


class StukCreateView(SamenwerkingsverbandMixin, ObjectCreateView):
    model = Stuk
    form_class = StukForm

    def get_vergadering(self):
        return get_object_or_404(
            Vergadering,
            gremium__samenwerkingsverband=self.get_samenwerkingsverband(),
            pk=self.kwargs["vergadering_pk"],
        )

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["vergadering"] = self.get_vergadering()
        return kwargs

    def get_success_url(self):
        return self.get_vergadering().get_absolute_url()

    def get_cancel_url(self):
        return self.get_success_url()


class StukDownloadView(SamenwerkingsverbandMixin, PermissionRequiredMixin, View):
    """Uploaded stukken are served only here: logged in, allowed to read, same collaboration."""

    permission_required = "governance.view_stuk"

    def get(self, request, afkorting, pk):
        stuk = get_object_or_404(
            Stuk,
            agendapunt__vergadering__gremium__samenwerkingsverband=self.get_samenwerkingsverband(),
            pk=pk,
        )
        if not stuk.bestand or not can(request.user, "view", stuk):
            raise Http404
        return serve_file(stuk.bestand, stuk.bestandsnaam or stuk.titel)


class BesluitCreateView(SamenwerkingsverbandFormMixin, ObjectCreateView):
    model = Besluit
    form_class = BesluitForm

    def get_vergadering(self):
        pk = query_pk(self.request, "vergadering")
        if pk is None:
            return None
        return get_object_or_404(
            Vergadering, gremium__samenwerkingsverband=self.get_samenwerkingsverband(), pk=pk
        )

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["vergadering"] = self.get_vergadering()
        return kwargs

    def get_initial(self):
        vergadering = self.get_vergadering()
        if vergadering is None:
            return {"route": "schriftelijk", "datum": timezone.localdate()}
        return {
            "gremium": vergadering.gremium,
            "datum": timezone.localtime(vergadering.begin).date(),
            "agendapunt": Agendapunt.objects.filter(vergadering=vergadering).first(),
        }

    def get_success_url(self):
        return self.object.get_absolute_url()


class BesluitListView(PdfDownloadMixin, SamenwerkingsverbandListView):
    # The meeting column shows and links the meeting: its gremium and samenwerkingsverband.
    queryset = Besluit.objects.select_related(
        "gremium__samenwerkingsverband", "agendapunt__vergadering__gremium__samenwerkingsverband"
    )
    sv_lookup = "gremium__samenwerkingsverband"
    filterset_class = BesluitFilterSet
    table_class = BesluitTable
    title = "Besluitenlijst"
    create_url_name = "governance:besluit-create"
    template_name = "governance/besluit_list.html"

    def get_pdf(self):
        form = self.get_filterset(self.get_filterset_class()).form
        if not form.is_valid():
            return None  # the page shows what is wrong with the filter
        chosen = {k: form.cleaned_data.get(k) for k in ("gremium", "vanaf", "tot")}
        sv = self.get_samenwerkingsverband()
        return make_pdf("besluitenlijst", besluitenlijst_report, sv, **chosen)


class ActiepuntCreateView(SamenwerkingsverbandFormMixin, ObjectCreateView):
    model = Actiepunt
    form_class = ActiepuntForm

    def get_initial(self):
        vergadering = Vergadering.objects.filter(
            gremium__samenwerkingsverband=self.get_samenwerkingsverband(),
            pk=query_pk(self.request, "vergadering"),
        ).first()
        return {"vergadering": vergadering, "gremium": vergadering.gremium} if vergadering else {}

    def get_success_url(self):
        if self.object.vergadering_id:
            return self.object.vergadering.get_absolute_url()
        return self.object.get_absolute_url()

    def after_save(self):
        self.berichten = notify_owner(self.object, self.request.user)

    def announce_save(self):
        super().announce_save()
        if self.berichten:
            messages.info(self.request, summary(self.berichten, "eigenaar"))


class ActiepuntListView(SamenwerkingsverbandListView):
    queryset = Actiepunt.objects.select_related("gremium__samenwerkingsverband", "eigenaar")
    sv_lookup = "gremium__samenwerkingsverband"
    filterset_class = ActiepuntFilterSet
    table_class = ActiepuntTable
    title = "Actie- en planningslijst"
    create_url_name = "governance:actiepunt-create"
    template_name = "governance/actiepunt_list.html"


class ActiepuntDoneView(SamenwerkingsverbandMixin, EditPermissionMixin, View):
    model = Actiepunt

    def get_permission_object(self):
        return get_object_or_404(
            Actiepunt,
            gremium__samenwerkingsverband=self.get_samenwerkingsverband(),
            pk=self.kwargs["pk"],
        )

    def post(self, request, afkorting, pk):
        actiepunt = self.get_permission_object()
        actiepunt.status = Actiestatus.GEREED
        actiepunt.save(update_fields=["status"])
        messages.success(request, f"Actiepunt afgerond: {actiepunt}.")
        terug = local_url(request, request.POST.get("terug", ""), actiepunt.get_absolute_url())
        return HttpResponseRedirect(terug)


class KnelpuntListView(SamenwerkingsverbandListView):
    queryset = Knelpunt.objects.select_related("samenwerkingsverband")
    filterset_class = KnelpuntFilterSet
    table_class = KnelpuntTable
    title = "Knelpunten (escalaties, convenant artikel 11)"
    create_url_name = "governance:knelpunt-create"


class KnelpuntFormMixin(SamenwerkingsverbandFormMixin):
    model = Knelpunt
    form_class = KnelpuntForm

    def get_queryset(self):
        return Knelpunt.objects.filter(samenwerkingsverband=self.get_samenwerkingsverband())

    def get_success_url(self):
        return self.get_samenwerkingsverband().get_absolute_url()


class KnelpuntCreateView(KnelpuntFormMixin, ObjectCreateView):
    pass


class KnelpuntUpdateView(KnelpuntFormMixin, ObjectUpdateView):
    pass
