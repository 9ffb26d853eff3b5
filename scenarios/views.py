"""The scenario pages (H6: making, listing, editing) and the comparison (H7)."""

# ---------------------------------------------------------------------------------------------
# H6: a real samenwerkingsverband's scenario's (list, make, delete) and a scenario's own page
# (naam and toelichting, gemeenten, its own inwonertallen). Every write asks ``access`` about
# the scenario it writes; the real samenwerkingsverband and the real figures are never written.
# ---------------------------------------------------------------------------------------------

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, ProtectedError
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.views.generic import FormView, TemplateView
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin

from formatie.models import Pakketdeelname, Rol
from kosten.models import Verdeelsleutelaandeel
from partijen.models import Gemeente, Inwonertal, Samenwerkingsverband
from regiekamer import access
from regiekamer.getallen import AANTAL, format_number
from regiekamer.history import history_rows
from regiekamer.pdf import make_pdf
from regiekamer.spreadsheet import csv_text
from regiekamer.views import (
    BoundedPaginator,
    EditPermissionMixin,
    ObjectDeleteView,
    ObjectUpdateView,
    PdfDownloadMixin,
    SamenwerkingsverbandMixin,
    attachment,
)

from . import forms
from .filters import ScenarioFilterSet
from .maak import maak_scenario
from .rapporten import scenariovergelijking_report
from .tables import ScenarioTable
from .vergelijking import build_vergelijking

NIET_ECHT = "Deze pagina hoort bij een echt samenwerkingsverband, niet bij een scenario."
GEEN_SCENARIO = "Dit is geen scenario."


class EchtMixin(SamenwerkingsverbandMixin):
    """A page of a real samenwerkingsverband. A scenario has no scenario's of its own: the
    address with a scenario's afkorting leads, after the page's own access check, to the
    scenario's own page (nothing is done)."""

    def get(self, request, *args, **kwargs):
        return self.wrong_address() or super().get(request, *args, **kwargs)

    def wrong_address(self):
        sv = SamenwerkingsverbandMixin.get_samenwerkingsverband(self)  # 404 without access
        if not sv.is_scenario:
            return None
        messages.info(self.request, f"{sv} heeft zelf geen scenario's; dit is het scenario.")
        return HttpResponseRedirect(scenario_url(sv))

    def get_permission_object(self):
        return SamenwerkingsverbandMixin.get_samenwerkingsverband(self)

    def handle_no_permission(self):  # 403 naming the scenario, not a 404 for the wrong kind
        self.refused_target = SamenwerkingsverbandMixin.get_samenwerkingsverband(self)
        return super().handle_no_permission()

    def get_samenwerkingsverband(self):
        sv = super().get_samenwerkingsverband()
        if sv.is_scenario:
            raise Http404(NIET_ECHT)
        return sv


class ScenarioMixin(SamenwerkingsverbandMixin):
    """A page of one scenario, found by its afkorting. The address of a scenario page with a
    real samenwerkingsverband's afkorting leads to that one's scenario's (nothing is done); the
    page of one of its rows answers 404 there."""

    model = Samenwerkingsverband

    def dispatch(self, request, *args, **kwargs):
        sv = SamenwerkingsverbandMixin.get_samenwerkingsverband(self)  # 404 without access
        if not sv.is_scenario and "pk" not in kwargs:  # a row's page: 404 below
            messages.info(request, f"{sv.naam} is geen scenario; dit zijn de scenario's ervan.")
            return HttpResponseRedirect(reverse("scenarios:scenario-list", args=[sv.afkorting]))
        return super().dispatch(request, *args, **kwargs)

    def get_samenwerkingsverband(self):
        sv = super().get_samenwerkingsverband()
        if not sv.is_scenario:
            raise Http404(GEEN_SCENARIO)
        return sv

    def get_object(self, queryset=None):
        return self.get_samenwerkingsverband()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["scenario"] = self.get_samenwerkingsverband()
        return context


def scenario_url(scenario) -> str:
    return reverse("scenarios:scenario-detail", args=[scenario.afkorting])


class ScenarioListView(EchtMixin, SingleTableMixin, FilterView):
    """The scenario's of a real samenwerkingsverband (who sees the real one sees these)."""

    template_name = "scenarios/scenario_list.html"
    table_class = ScenarioTable
    filterset_class = ScenarioFilterSet
    paginate_by = 25
    paginator_class = BoundedPaginator

    def get_queryset(self):
        # Not scoped by ``access.scope``: the scenario's inherit the real one's access, and
        # the real one was just found for this user (404 otherwise).
        return (
            self.get_samenwerkingsverband()
            .scenarios.annotate(aantal_gemeenten=Count("gemeenten", distinct=True))
            .order_by("naam", "pk")
        )

    def get_filterset_kwargs(self, filterset_class):
        kwargs = super().get_filterset_kwargs(filterset_class)
        kwargs["samenwerkingsverband"] = self.get_samenwerkingsverband()
        return kwargs

    def get_table(self, **kwargs):
        table = super().get_table(**kwargs)
        table.may_delete = access.can(self.request.user, "delete", self.get_samenwerkingsverband())
        return table

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sv = self.get_samenwerkingsverband()
        context["title"] = f"Scenario's van {sv.naam}"
        if access.can(self.request.user, "add", sv, Samenwerkingsverband):
            context["create_url"] = reverse("scenarios:scenario-create", args=[sv.afkorting])
        return context


class ScenarioCreateView(EchtMixin, EditPermissionMixin, FormView):
    """Scenario maken: a copy of the real one's formation, figures and keys (``maak``)."""

    model = Samenwerkingsverband
    permission_action = "add"
    form_class = forms.ScenarioMakenForm
    template_name = "form.html"

    def post(self, request, *args, **kwargs):
        return self.wrong_address() or super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sv = self.get_samenwerkingsverband()
        context["title"] = "Scenario maken"
        context["subtitle"] = f"van {sv}"
        context["intro"] = (
            f"Het scenario krijgt een kopie van de gemeenten, inwonertallen, fasen, rollen, "
            f"pakketten en verdeelsleutels van {sv.naam}. Wat u daarna in het scenario "
            f"wijzigt, verandert niets aan {sv.naam} zelf."
        )
        context["cancel_url"] = reverse("scenarios:scenario-list", args=[sv.afkorting])
        return context

    def form_valid(self, form):
        sv = self.get_samenwerkingsverband()
        naam = form.cleaned_data["naam"]
        if sv.scenarios.filter(naam__iexact=naam).exists():
            form.add_error(
                "naam",
                f"{sv.afkorting} heeft al een scenario met de naam {naam}: kies een andere "
                "naam, zodat de scenario's in de vergelijking uit elkaar te houden zijn.",
            )
            return self.form_invalid(form)
        try:
            scenario = maak_scenario(
                sv,
                form.cleaned_data["afkorting"],
                form.cleaned_data["naam"],
                user=self.request.user,
                toelichting=form.cleaned_data["toelichting"],
            )
        except ValidationError as fout:
            form.add_error(None, fout)
            return self.form_invalid(form)
        messages.success(
            self.request, f"{scenario} gemaakt: een kopie van {sv.naam} om mee te rekenen."
        )
        return HttpResponseRedirect(scenario_url(scenario))

    def form_invalid(self, form):
        messages.error(self.request, "Niet gemaakt: verbeter de gemarkeerde velden.")
        return super().form_invalid(form)


class ScenarioDetailView(ScenarioMixin, TemplateView):
    """A scenario's own page: what it is, its gemeenten and the figures that hold only here."""

    template_name = "scenarios/scenario_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        scenario = self.get_samenwerkingsverband()
        user = self.request.user
        figures = {}
        for row in Inwonertal.van(scenario).order_by("-peildatum"):
            row.aantal_tekst = format_number(row.aantal, AANTAL)
            figures.setdefault(row.gemeente_id, []).append(row)
        gemeenten = list(scenario.gemeenten.order_by("naam"))
        context["gemeenten"] = [(g, figures.get(g.pk, [])) for g in gemeenten]
        context["echt"] = scenario.scenario_van
        context["can_edit"] = access.can(user, "change", scenario)
        context["can_delete"] = access.can(user, "delete", scenario)
        context["gemeente_form"] = forms.GemeenteToevoegenForm()
        known = access.scope(user, Gemeente.objects.exclude(pk__in=[g.pk for g in gemeenten]))
        context["bekende_gemeenten"] = known.values_list("naam", flat=True)
        context["history"] = history_rows(
            scenario.history.all(), Inwonertal.history.filter(scenario_id=scenario.pk)
        )
        return context


class ScenarioUpdateView(ScenarioMixin, ObjectUpdateView):
    """The scenario's naam and toelichting, and its own inwonertallen."""

    form_class = forms.ScenarioForm
    formset_classes = {"inwonertallen": forms.ScenarioInwonertalFormSet}

    def get_formsets(self):
        formsets = super().get_formsets()
        formsets["inwonertallen"].add_row_label = "Inwonertal toevoegen"
        return formsets

    def check_writes(self, form, formsets) -> None:
        """The scenario itself (``access``), and each figure it writes is this scenario's own:
        a new row is made the scenario's, a stored one was found among the scenario's rows
        (the form refuses any other id), so no real figure is ever written here."""
        scenario = self.get_samenwerkingsverband()
        user = self.request.user
        if not access.may_save(user, "change", form.instance):
            raise access.Refused(access.refusal(user, scenario))
        formset = formsets["inwonertallen"]
        deleted = formset.deleted_forms
        for row in formset.forms:
            if row in deleted:
                action = "delete" if row.instance.pk else None
            elif row.has_changed():
                action = "change" if row.instance.pk else "add"
            else:
                action = None
            if action is None:
                continue
            if row.instance.pk:
                stored = Inwonertal.alle.filter(pk=row.instance.pk, scenario=scenario)
                if not stored.exists():
                    raise access.Refused(
                        "Deze pagina schrijft alleen inwonertallen van dit scenario."
                    )
            if row.instance.scenario_id != scenario.pk or not user.has_perm(
                access.perm_name(Inwonertal, action)
            ):
                raise access.Refused(access.refusal(user, scenario, Inwonertal))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = "Scenario bewerken"
        context["subtitle"] = str(self.object)
        context["intro"] = (
            "De inwonertallen hieronder gelden alleen in dit scenario; de echte cijfers van de "
            "gemeenten veranderen niet."
        )
        return context

    def get_cancel_url(self):
        return scenario_url(self.get_samenwerkingsverband())

    def get_success_url(self):
        return scenario_url(self.get_samenwerkingsverband())


class ScenarioDeleteView(ScenarioMixin, ObjectDeleteView):
    """Delete a scenario and everything of it; the real one stays as it is."""

    template_name = "scenarios/scenario_confirm_delete.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cancel_url"] = scenario_url(self.object)
        context["echt"] = self.object.scenario_van
        return context

    def get_success_url(self):
        return reverse("scenarios:scenario-list", args=[self.object.scenario_van.afkorting])

    def form_valid(self, form):
        try:
            with transaction.atomic():
                return super().form_valid(form)
        except ProtectedError:
            messages.error(
                self.request,
                f"{self.object} is niet verwijderd: er hangen nog gegevens aan die niet bij "
                "een scenario horen (bijvoorbeeld een convenant of gremium).",
            )
            return HttpResponseRedirect(scenario_url(self.object))


class ScenarioGemeenteMixin(ScenarioMixin, EditPermissionMixin):
    """A change of the scenario's gemeenten: the regiegroep of the scenario."""

    permission_action = "change"

    def get_permission_object(self):
        return self.get_samenwerkingsverband()


class ScenarioGemeenteToevoegenView(ScenarioGemeenteMixin, FormView):
    """Add a gemeente to the scenario: an existing one by its name, or a new one."""

    form_class = forms.GemeenteToevoegenForm
    template_name = "scenarios/scenario_detail.html"

    def get(self, request, *args, **kwargs):
        return HttpResponseNotAllowed(["POST"])

    def form_invalid(self, form):
        messages.error(self.request, " ".join(form.errors.get("naam", ["Ongeldige naam."])))
        return HttpResponseRedirect(scenario_url(self.get_samenwerkingsverband()))

    def form_valid(self, form):
        scenario = self.get_samenwerkingsverband()
        user = self.request.user
        naam = form.cleaned_data["naam"]
        gemeente = Gemeente.objects.filter(naam__iexact=naam).first()
        if gemeente is not None and scenario.gemeenten.filter(pk=gemeente.pk).exists():
            messages.info(self.request, f"{gemeente.naam} hoort al bij dit scenario.")
        elif gemeente is not None and not access.may_attach_gemeente(user, gemeente):
            messages.error(
                self.request, access.gemeente_refusal(gemeente, "de gemeente toe te voegen")
            )
        elif gemeente is not None:
            scenario.gemeenten.add(gemeente)
            messages.success(
                self.request,
                f"{gemeente.naam} doet mee in het scenario; vul het inwonertal in dat het "
                "scenario gebruikt.",
            )
        elif not access.can(user, "add", None, Gemeente):
            raise access.Refused(access.refusal(user, scenario, Gemeente))
        else:
            gemeente = Gemeente(naam=naam)
            gemeente._history_user = user
            gemeente.full_clean()
            gemeente.save()
            scenario.gemeenten.add(gemeente)
            messages.success(
                self.request,
                f"Nieuwe gemeente {gemeente.naam} doet mee in het scenario; vul het inwonertal "
                "in dat het scenario gebruikt.",
            )
        return HttpResponseRedirect(scenario_url(scenario))


def _still_named(scenario, gemeente) -> list[str]:
    """What of the scenario still names the gemeente (it cannot leave before these change)."""
    found = []
    if scenario.penvoerder_id == gemeente.pk:
        found.append("de penvoerder")
    rollen = Rol.objects.filter(samenwerkingsverband=scenario, leverende_gemeente=gemeente)
    found += [f"rol {naam} (leverende gemeente)" for naam in rollen.values_list("naam", flat=True)]
    pakketten = Pakketdeelname.objects.filter(
        pakket__samenwerkingsverband=scenario, gemeente=gemeente
    ).values_list("pakket__naam", flat=True)
    found += [f"pakket {naam} (deelnemer)" for naam in sorted(set(pakketten))]
    sleutels = Verdeelsleutelaandeel.objects.filter(
        verdeelsleutel__samenwerkingsverband=scenario, gemeente=gemeente
    ).values_list("verdeelsleutel__vanaf_jaar", flat=True)
    found += [f"verdeelsleutel vanaf {jaar} (percentage)" for jaar in sorted(set(sleutels))]
    return found


class ScenarioGemeenteVerwijderenView(ScenarioGemeenteMixin, TemplateView):
    """Take a gemeente out of the scenario (asks first); its scenario figures go with it."""

    template_name = "scenarios/scenario_gemeente_verwijderen.html"

    def get_gemeente(self):
        scenario = self.get_samenwerkingsverband()
        return get_object_or_404(scenario.gemeenten.all(), pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        scenario = self.get_samenwerkingsverband()
        gemeente = self.get_gemeente()
        context["gemeente"] = gemeente
        context["bezwaren"] = _still_named(scenario, gemeente)
        context["aantal_cijfers"] = Inwonertal.alle.filter(
            scenario=scenario, gemeente=gemeente
        ).count()
        context["cancel_url"] = scenario_url(scenario)
        return context

    def post(self, request, *args, **kwargs):
        scenario = self.get_samenwerkingsverband()
        gemeente = self.get_gemeente()
        bezwaren = _still_named(scenario, gemeente)
        if bezwaren:
            messages.error(
                request,
                f"{gemeente.naam} blijft in het scenario: eerst aanpassen: "
                + "; ".join(bezwaren)
                + ".",
            )
            return HttpResponseRedirect(scenario_url(scenario))
        with transaction.atomic():
            for row in Inwonertal.alle.filter(scenario=scenario, gemeente=gemeente):
                row._history_user = request.user
                row.delete()
            scenario.gemeenten.remove(gemeente)
        messages.success(request, f"{gemeente.naam} doet niet meer mee in het scenario.")
        return HttpResponseRedirect(scenario_url(scenario))


# --- end of H6 -------------------------------------------------------------------------------

# -- H7: the comparison of a samenwerkingsverband with its scenario's (scenarios.vergelijking) --


class VergelijkingView(PdfDownloadMixin, SamenwerkingsverbandMixin, TemplateView):
    """Per gemeente and year the real costs and each scenario's, side by side (stuurgroep
    reads). On a scenario's address: the comparison of its real samenwerkingsverband, under
    the scenario's banner."""

    template_name = "scenarios/vergelijking.html"

    def get_subject(self):
        sv = self.get_samenwerkingsverband()
        return sv.scenario_van if sv.is_scenario else sv

    def get(self, request, *args, **kwargs):
        if request.GET.get("download") == "csv":
            sv = self.get_subject()
            return attachment(
                csv_text(build_vergelijking(sv).rows()), f"scenariovergelijking-{sv.afkorting}.csv"
            )
        return super().get(request, *args, **kwargs)

    def get_pdf(self):
        return make_pdf("scenariovergelijking", scenariovergelijking_report, self.get_subject())

    def get_context_data(self, **kwargs):
        """The comparison is cached over the real samenwerkingsverband and its scenarios
        (``{% versiecache %}``): built only when the cache misses."""
        context = super().get_context_data(**kwargs)
        subject = self.get_subject()
        context["samenwerkingsverband"] = subject
        context["vergeleken"] = [subject.pk, *subject.scenarios.values_list("pk", flat=True)]
        context["vergelijking"] = SimpleLazyObject(lambda: build_vergelijking(subject))
        return context


# -- end of H7 --
