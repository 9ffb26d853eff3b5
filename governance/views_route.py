"""Pages of the voorstellen routed through every gemeente and of the process planning (issue
21). Thin: the rules are in governance/route.py and regiekamer/vagedatum.py."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.db.models import Count, Max, Min, Prefetch
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.views import View
from django.views.generic import DetailView

from partijen.models import Gemeente
from regiekamer.access import can
from regiekamer.history import history_rows
from regiekamer.vagedatum import Stand
from regiekamer.views import (
    EditPermissionMixin,
    ObjectCreateView,
    ObjectDeleteView,
    ObjectUpdateView,
    RealOnlyMixin,
    SamenwerkingsverbandFormMixin,
    SamenwerkingsverbandListView,
    SamenwerkingsverbandMixin,
    ScopedQuerysetMixin,
)

from .constants import Orgaan
from .filters_route import ProcesplanningFilterSet, VoorstelFilterSet
from .forms_route import BehandelingFormSet, ProcesplanningForm, ProcesstapFormSet, VoorstelForm
from .models import Behandeling, Procesplanning, Processtap, Voorstel
from .route import (
    gevolgen_voorstel_verwijderen,
    herlees_stappen,
    planning_met_stand,
    routeer,
    routestand,
)
from .tables_route import STAND_KLASSE, ProcesplanningTable, VoorstelTable

# A scenario is a what-if copy of the costs (scenarios/maak.py): governance stays with the real
# samenwerkingsverband, so no voorstel goes through real colleges and councils from a scenario.
SCENARIO_TEKST = (
    "Een scenario neemt geen besluiten: voorstellen, hun route langs de colleges en raden en "
    "procesplanningen horen bij het echte samenwerkingsverband. Niets opgeslagen."
)


def _met_route(queryset):
    return queryset.prefetch_related(
        Prefetch(
            "behandelingen",
            queryset=Behandeling.objects.select_related(
                "gemeente", "besluit__gremium__samenwerkingsverband"
            ).order_by("orgaan", "gemeente__naam"),
        )
    )


class VoorstelListView(SamenwerkingsverbandListView):
    queryset = _met_route(Voorstel.objects.select_related("samenwerkingsverband")).order_by("titel")
    filterset_class = VoorstelFilterSet
    table_class = VoorstelTable
    title = "Voorstellen langs colleges en raden"
    create_url_name = "governance:voorstel-create"
    template_name = "governance/voorstel_list.html"


class VoorstelQuerysetMixin(SamenwerkingsverbandMixin):
    model = Voorstel

    def get_queryset(self):
        return Voorstel.objects.filter(
            samenwerkingsverband=self.get_samenwerkingsverband()
        ).select_related("samenwerkingsverband", "gremium", "besluit__gremium")


class VoorstelDetailView(VoorstelQuerysetMixin, ScopedQuerysetMixin, DetailView):
    template_name = "governance/voorstel_detail.html"

    def get_queryset(self):
        return _met_route(super().get_queryset())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        voorstel, op = self.object, timezone.localdate()
        rijen = list(voorstel.behandelingen.all())
        for rij in rijen:
            rij.huidige_stand = rij.stand(op)
            rij.stand_tekst = Stand.WOORDEN[rij.huidige_stand]
            rij.stand_klasse = STAND_KLASSE[rij.huidige_stand]
        context["behandelingen"] = rijen
        context["routestand"] = routestand(voorstel, op)
        user = self.request.user
        context["mag_bewerken"] = can(user, "change", voorstel, Voorstel)
        context["mag_routeren"] = can(user, "add", voorstel, Behandeling)
        context["mag_verwijderen"] = can(user, "delete", voorstel, Voorstel)
        context["organen"] = Orgaan.choices
        # A behandeling named without a query per history row: "College van B&W Weert".
        gemeenten = dict(Gemeente.objects.values_list("pk", "naam"))
        organen = dict(Orgaan.choices)
        context["history"] = history_rows(
            Voorstel.history.filter(id=voorstel.pk),
            Behandeling.history.filter(voorstel_id=voorstel.pk),
            names={
                Behandeling: lambda r: (
                    f"{organen.get(r.orgaan, r.orgaan)} {gemeenten.get(r.gemeente_id, '')}"
                )
            },
        )
        return context


class VoorstelCreateView(RealOnlyMixin, SamenwerkingsverbandFormMixin, ObjectCreateView):
    scenario_text = SCENARIO_TEKST
    model = Voorstel
    form_class = VoorstelForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = "Nieuw voorstel"
        context["cancel_url"] = reverse(
            "governance:voorstel-list", args=[self.get_samenwerkingsverband().afkorting]
        )
        return context

    def after_save(self):
        # The form checked the planned dates, so the route is made in the same transaction.
        self.nieuw = routeer(self.object, list(self.route), self.route)

    def save_all(self, form, formsets):
        self.route = getattr(form, "route", {})
        super().save_all(form, formsets)

    def announce_save(self):
        n = len(getattr(self, "nieuw", []))
        if n:
            messages.success(
                self.request, f"Voorstel aangemaakt, met {n} behandelingen in de gemeenten."
            )
        else:
            messages.success(
                self.request, "Voorstel aangemaakt, nog zonder route langs de gemeenten."
            )


class VoorstelUpdateView(VoorstelQuerysetMixin, SamenwerkingsverbandFormMixin, ObjectUpdateView):
    form_class = VoorstelForm
    formset_classes = {"behandelingen": BehandelingFormSet}
    template_name = "governance/voorstel_form.html"

    def get_formset_kwargs(self, name):
        kwargs = super().get_formset_kwargs(name)
        kwargs["form_kwargs"] = {"samenwerkingsverband": self.get_samenwerkingsverband()}
        kwargs["queryset"] = Behandeling.objects.select_related("gemeente").order_by(
            "orgaan", "gemeente__naam"
        )
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = "Route en voorstel bewerken"
        context["cancel_url"] = self.object.get_absolute_url()
        return context


class VoorstelDeleteView(VoorstelQuerysetMixin, ObjectDeleteView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["gevolgen"] = gevolgen_voorstel_verwijderen(self.object)
        return context

    def get_success_url(self):
        return reverse("governance:voorstel-list", args=[self.get_samenwerkingsverband().afkorting])


class VoorstelRouteView(RealOnlyMixin, SamenwerkingsverbandMixin, EditPermissionMixin, View):
    """POST: route the voorstel through the college or council of every participating gemeente
    that has no behandeling yet (one click)."""

    model = Behandeling
    permission_action = "add"
    scenario_text = SCENARIO_TEKST

    def get_permission_object(self):
        return get_object_or_404(
            Voorstel, samenwerkingsverband=self.get_samenwerkingsverband(), pk=self.kwargs["pk"]
        )

    def post(self, request, afkorting, pk):
        voorstel = self.get_permission_object()
        orgaan = request.POST.get("orgaan", "")
        if orgaan not in Orgaan.values:
            messages.error(request, "Kies langs welk orgaan het voorstel gaat. Niets opgeslagen.")
            return HttpResponseRedirect(voorstel.get_absolute_url())
        gepland = request.POST.get("gepland", "")
        try:
            nieuw = routeer(voorstel, [orgaan], {orgaan: gepland})
        except ValidationError as fout:
            tekst = " ".join(fout.messages)
            messages.error(request, f"Niets opgeslagen: {tekst}")
            return HttpResponseRedirect(voorstel.get_absolute_url())
        except IntegrityError:
            # The same click twice at once: the other one made the route first.
            messages.error(
                request,
                "Niets opgeslagen: intussen is de route al aangemaakt (door een andere klik of "
                "gebruiker). Hieronder staat de route zoals die nu is.",
            )
            return HttpResponseRedirect(voorstel.get_absolute_url())
        naam = "college" if orgaan == Orgaan.COLLEGE else "raad"
        if nieuw:
            messages.success(
                request,
                f"Route aangemaakt: het voorstel staat bij de {naam} van {len(nieuw)} "
                f"gemeenten ({', '.join(b.gemeente.naam for b in nieuw)}).",
            )
        else:
            messages.info(
                request, f"Niets toegevoegd: het voorstel stond al bij de {naam} van elke gemeente."
            )
        return HttpResponseRedirect(voorstel.get_absolute_url())


class ProcesplanningListView(SamenwerkingsverbandListView):
    queryset = (
        Procesplanning.objects.select_related("samenwerkingsverband")
        .annotate(
            aantal_stappen=Count("stappen"),
            eerste=Min("stappen__gepland_vanaf"),
            laatste=Max("stappen__gepland_uiterlijk"),
        )
        .order_by("-jaar", "naam")
    )
    filterset_class = ProcesplanningFilterSet
    table_class = ProcesplanningTable
    title = "Procesplanningen"
    create_url_name = "governance:procesplanning-create"


class ProcesplanningQuerysetMixin(SamenwerkingsverbandMixin):
    model = Procesplanning

    def get_queryset(self):
        return Procesplanning.objects.filter(
            samenwerkingsverband=self.get_samenwerkingsverband()
        ).select_related("samenwerkingsverband")


class ProcesplanningDetailView(ProcesplanningQuerysetMixin, ScopedQuerysetMixin, DetailView):
    template_name = "governance/procesplanning_detail.html"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .prefetch_related(
                Prefetch(
                    "stappen",
                    queryset=Processtap.objects.select_related("voorstel__samenwerkingsverband"),
                ),
                Prefetch("stappen__voorstel__behandelingen", queryset=Behandeling.objects.all()),
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        planning = self.object
        stappen = planning_met_stand(planning)
        for stap in stappen:
            stap.stand_klasse = STAND_KLASSE[stap.huidige_stand]
        context["stappen"] = stappen
        context["fasen"] = list(dict.fromkeys(s.fase for s in planning.stappen.all()))
        context["te_laat"] = sum(1 for s in stappen if s.huidige_stand == Stand.TE_LAAT)
        user = self.request.user
        context["mag_bewerken"] = can(user, "change", planning, Procesplanning)
        context["mag_verwijderen"] = can(user, "delete", planning, Procesplanning)
        context["history"] = history_rows(
            Procesplanning.history.filter(id=planning.pk),
            Processtap.history.filter(planning_id=planning.pk),
        )
        return context


class ProcesplanningFormMixin(ProcesplanningQuerysetMixin, SamenwerkingsverbandFormMixin):
    form_class = ProcesplanningForm
    formset_classes = {"stappen": ProcesstapFormSet}
    template_name = "governance/procesplanning_form.html"

    def get_formset_kwargs(self, name):
        kwargs = super().get_formset_kwargs(name)
        kwargs["form_kwargs"] = {"samenwerkingsverband": self.get_samenwerkingsverband()}
        return kwargs

    def after_save(self):
        # A new year of the planning moves the steps that name none, also those left untouched.
        herlees_stappen(self.object)

    def prepare_formsets(self, form, formsets):
        # A step that names no year takes the planning's, also of a planning not saved yet.
        stappen = formsets["stappen"]
        stappen.instance = form.instance
        for row in stappen.forms:
            row.instance.planning = form.instance
            row.fields["planning"].parent_instance = form.instance


class ProcesplanningCreateView(RealOnlyMixin, ProcesplanningFormMixin, ObjectCreateView):
    scenario_text = SCENARIO_TEKST

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = "Nieuwe procesplanning"
        context["cancel_url"] = reverse(
            "governance:procesplanning-list", args=[self.get_samenwerkingsverband().afkorting]
        )
        return context


class ProcesplanningUpdateView(ProcesplanningFormMixin, ObjectUpdateView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = "Procesplanning en stappen bewerken"
        context["cancel_url"] = self.object.get_absolute_url()
        return context


class ProcesplanningDeleteView(ProcesplanningQuerysetMixin, ObjectDeleteView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        n = self.object.stappen.count()
        if n:
            context["gevolgen"] = (
                f"Met de planning verdwijnen ook haar {n} {'stap' if n == 1 else 'stappen'}; "
                "de voorstellen en hun behandelingen blijven."
            )
        return context

    def get_success_url(self):
        return reverse(
            "governance:procesplanning-list", args=[self.get_samenwerkingsverband().afkorting]
        )
