import pickle
from dataclasses import dataclass
from types import SimpleNamespace

from django.contrib import messages
from django.db.models import Count, Prefetch
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import mark_safe
from django.views.generic import FormView, TemplateView

from partijen.models import Samenwerkingsverband
from regiekamer import access, jinja
from regiekamer.dataversie import cached
from regiekamer.getallen import CONFIRM
from regiekamer.history import history_rows
from regiekamer.pdf import make_pdf
from regiekamer.views import (
    EditPermissionMixin,
    HistoryAndDeleteMixin,
    ObjectCreateView,
    ObjectDeleteView,
    ObjectUpdateView,
    PdfDownloadMixin,
    SamenwerkingsverbandFormMixin,
    SamenwerkingsverbandListView,
    SamenwerkingsverbandMixin,
)

from . import kostengevolg
from .begrotingsjaar import jaarbedragen, save_jaarbedragen
from .bezetting import build_bezettingsoverzicht, plausibility_warnings, save_bezetting_grid
from .filters import PakketFilterSet
from .forms import (
    ROWS_SHIFTED,
    BegrotingsjaarForm,
    FaseFormSet,
    PakketdeelnameFormSet,
    PakketForm,
    RolForm,
    SalarisschaalFormSet,
    WerkgroepFormSet,
    bezetting_grid,
)
from .models import Bezetting, Pakket, Pakketdeelname, Rol, Salarisschaal, Uurtarief
from .rapporten import bezetting_report
from .tables import PakketTable

GRID = "formatie/includes/bezettingstabel.jinja"


@dataclass(frozen=True)
class OpenedGrid:
    """What the page needs of the grid's formset as opened (from the cache): its management
    form; no errors yet."""

    management_form: str

    def non_form_errors(self):
        return ""


def _slim(kosten: dict) -> dict:
    """The cost context as the page shows it: of the whole cost table (``kv``) only the years
    costed with an earlier year's amount (templates/kosten/includes/eerdere_tarieven.html), so
    the cached page stays small."""
    if "kv" not in kosten:
        return kosten
    eerdere = [
        SimpleNamespace(rol=SimpleNamespace(naam=r.rol.naam), eerder_tarief=r.eerder_tarief)
        for r in kosten["kv"].eerdere_tarieven
    ]
    return kosten | {"kv": SimpleNamespace(eerdere_tarieven=eerdere)}


def bezetting_url(sv) -> str:
    return reverse("formatie:bezetting", args=[sv.afkorting])


class BezettingView(PdfDownloadMixin, SamenwerkingsverbandMixin, TemplateView):
    """The bezettingsoverzicht; for the regiegroep also the grid that edits it in one go."""

    template_name = "formatie/bezetting.html"

    def can_edit(self) -> bool:
        sv = self.get_samenwerkingsverband()
        return access.can(self.request.user, "change", sv, Bezetting)

    def get_formset(self, data=None, overzicht=None):
        return bezetting_grid(overzicht or self.overzicht, data)

    def get_pdf(self):
        return make_pdf("bezetting", bezetting_report, self.get_samenwerkingsverband())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sv = self.get_samenwerkingsverband()
        if "formset" not in context and not hasattr(self, "overzicht"):
            # The page as opened (no input to show back): from the cache.
            return context | self.cached_page(sv, context)
        context["werkgroepen"] = sv.werkgroepen.all()
        context |= kostengevolg.engine().overzicht(sv)
        if not hasattr(self, "overzicht"):
            self.overzicht = build_bezettingsoverzicht(sv)
        context["overzicht"] = self.overzicht
        context["opmerkingen"] = self.overzicht.opmerkingen
        if self.can_edit() and "formset" not in context:
            context["formset"] = self.get_formset()
        formset = context.get("formset")
        context["grid_form"] = formset
        context["forms_by_rol"] = {form.rol.pk: form for form in formset} if formset else {}
        return context

    def cached_page(self, sv, context) -> dict:
        """The page as opened, computed once per version of the samenwerkingsverband's data and
        per role (who may edit the grid, who may edit a rol): the grid's HTML, the formset's
        management form, the rollen's remarks, the costs and the werkgroepen."""
        edit = self.can_edit()
        perms = access.PlacePerms(self.request.user, sv)
        rol_links = perms["formatie"]["change_rol"]

        def compute():
            kosten = kostengevolg.engine().overzicht(sv)
            overzicht = build_bezettingsoverzicht(sv)
            formset = self.get_formset(overzicht=overzicht) if edit else None
            values = (
                context
                | kosten
                | {
                    "perms": perms,
                    "overzicht": overzicht,
                    "formset": formset,
                    "forms_by_rol": {form.rol.pk: form for form in formset} if formset else {},
                }
            )
            return {
                "kosten": _slim(kosten),
                "werkgroepen": list(sv.werkgroepen.all()),
                "grid_html": mark_safe(jinja.render(GRID, values)),
                "management_form": str(formset.management_form) if formset else "",
                "opmerkingen": overzicht.opmerkingen,
                # What the grid shows, as it was rendered, for the context's overview and formset
                # (not read by the page): pickled apart, so a hit does not unpickle it.
                "overzicht": pickle.dumps(overzicht),
            }

        page = cached(sv.pk, "bezettingsoverzicht", compute, edit, rol_links)
        # The formset itself only when asked for (not by the page), of the rendered overview.
        overzicht = SimpleLazyObject(lambda: pickle.loads(page["overzicht"]))
        return page["kosten"] | {
            "werkgroepen": page["werkgroepen"],
            "grid_html": page["grid_html"],
            "opmerkingen": page["opmerkingen"],
            "grid_form": OpenedGrid(mark_safe(page["management_form"])) if edit else None,
            "overzicht": overzicht,
            "formset": SimpleLazyObject(lambda: self.get_formset(overzicht=overzicht))
            if edit
            else None,
        }

    def post(self, request, *args, **kwargs):
        if not self.can_edit():
            user = self.request.user
            raise access.Refused(access.refusal(user, self.get_samenwerkingsverband(), Bezetting))
        sv = self.get_samenwerkingsverband()
        self.overzicht = build_bezettingsoverzicht(sv)
        formset = self.get_formset(request.POST)
        if not formset.is_valid():
            if formset.rows_shifted:  # the posted rows no longer match the rollen: start afresh
                messages.error(request, ROWS_SHIFTED)
                context = self.get_context_data(formset=self.get_formset())
                return self.render_to_response(context, status=409)
            messages.error(request, "Niet opgeslagen: verbeter de gemarkeerde cellen.")
            return self.render_to_response(self.get_context_data(formset=formset))
        wijzigingen = formset.wijzigingen()
        if not wijzigingen:
            messages.info(request, "Geen wijzigingen.")
            return HttpResponseRedirect(bezetting_url(sv))
        warnings = plausibility_warnings(formset, wijzigingen)
        if warnings and not request.POST.get(CONFIRM):  # shown back, nothing saved yet
            context = self.get_context_data(formset=formset, plausibility_warnings=warnings)
            return self.render_to_response(context)
        conflicts = save_bezetting_grid(sv, wijzigingen)
        if conflicts:
            return self.conflict_response(sv, formset, conflicts)
        level, message = kostengevolg.engine().na_opslaan(sv)
        getattr(messages, level)(request, message)
        return HttpResponseRedirect(bezetting_url(sv))

    def conflict_response(self, sv, formset, conflicts):
        """Refuse the save, keep the user's input, and show what the other official changed.

        Every cell the user did not change shows its current value, and every hidden 'opened
        with' value is refreshed: saving again after review writes only the user's own cells.
        """
        self.overzicht = build_bezettingsoverzicht(sv)
        formset = self.get_formset(formset.data_on(self.get_formset()))
        formset.is_valid()
        context = self.get_context_data(formset=formset, conflicts=conflicts)
        return self.render_to_response(context, status=409)


class RolFormMixin(SamenwerkingsverbandFormMixin):
    model = Rol
    form_class = RolForm

    def get_queryset(self):
        return Rol.objects.filter(samenwerkingsverband=self.get_samenwerkingsverband())

    def get_success_url(self):
        return bezetting_url(self.get_samenwerkingsverband())

    def get_cancel_url(self):
        return self.get_success_url()

    def announce_save(self):
        """Saved, with a warning and the link to fill it in when an amount is missing."""
        missing = self.object.ontbrekende_bedragen()
        if missing:
            sv = self.get_samenwerkingsverband()
            text = kostengevolg.engine().rol_waarschuwing(sv, missing, self.success_message)
            messages.warning(self.request, text)
        else:
            super().announce_save()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.object is not None and self.object.pk:
            missing = self.object.ontbrekende_bedragen()
            if missing:
                sv = self.get_samenwerkingsverband()
                context["waarschuwing"] = kostengevolg.engine().rol_waarschuwing(sv, missing)
        return context


class RolCreateView(RolFormMixin, ObjectCreateView):
    pass


class RolUpdateView(HistoryAndDeleteMixin, RolFormMixin, ObjectUpdateView):
    """The rol's form, its history, and the way to delete it (for who may)."""

    delete_url_name = "formatie:rol-delete"
    delete_label = "Rol verwijderen"


class RolDeleteView(SamenwerkingsverbandMixin, ObjectDeleteView):
    """Asks for confirmation; a rol with werkelijke kosten is not deleted (they would be lost
    from the nacalculatie): the page and the refusal say which years."""

    model = Rol
    template_name = "formatie/rol_confirm_delete.html"

    def get_queryset(self):
        return Rol.objects.filter(samenwerkingsverband=self.get_samenwerkingsverband())

    def get_success_url(self):
        return bezetting_url(self.get_samenwerkingsverband())

    def werkelijke_kosten(self) -> str:
        """'2016 en 2017' when the rol has werkelijke kosten in those years, else ''."""
        jaren = sorted(set(self.object.realisaties.values_list("jaar", flat=True)))
        if not jaren:
            return ""
        namen = [str(j) for j in jaren]
        return namen[0] if len(namen) == 1 else ", ".join(namen[:-1]) + " en " + namen[-1]

    def weigering(self) -> str:
        jaren = self.werkelijke_kosten()
        if not jaren:
            return ""
        return (
            f"{self.object} is niet verwijderd: de rol heeft werkelijke kosten over {jaren}. "
            "Verwijder eerst die werkelijke kosten (maak de bedragen leeg op de pagina "
            "Werkelijke kosten) als ze echt niet bij deze rol horen."
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cancel_url"] = self.get_success_url()
        context["weigering"] = self.weigering()
        return context

    def form_valid(self, form):
        weigering = self.weigering()
        if weigering:
            messages.error(self.request, weigering)
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)


class SamenwerkingsverbandFormsetView(SamenwerkingsverbandMixin, ObjectUpdateView):
    """Edit one kind of child rows of a samenwerkingsverband as a single formset."""

    model = Samenwerkingsverband
    fields: list[str] = []
    save_object = False
    title = ""

    def get_object(self, queryset=None):
        return self.get_samenwerkingsverband()

    def get_success_url(self):
        return bezetting_url(self.object)

    def get_cancel_url(self):
        return self.get_success_url()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = f"{self.title}: {self.object.naam}"
        return context


class FasenUpdateView(SamenwerkingsverbandFormsetView):
    permission_required = ["formatie.change_fase", "formatie.add_fase", "formatie.delete_fase"]
    formset_classes = {"fasen": FaseFormSet}
    title = "Fasen"


def _year(value, default: int | None = None) -> int | None:
    """A begrotingsjaar from the address or a form (four digits), else ``default``."""
    text = str(value or "")
    return int(text) if len(text) == 4 and text.isascii() and text.isdigit() else default


class SalarisschalenUpdateView(SamenwerkingsverbandFormsetView):
    permission_required = [
        "formatie.change_salarisschaal",
        "formatie.add_salarisschaal",
        "formatie.delete_salarisschaal",
    ]
    formset_classes = {"salarisschalen": SalarisschaalFormSet}
    title = "Salarisschalen (integrale jaarkosten per fte, per begrotingsjaar)"
    template_name = "formatie/salarisschalen.html"

    def get_formset_kwargs(self, name):
        # Opened from "ontbreekt het bedrag" (kosten.ontbrekend): the new row names the scale
        # and year, only the amount is left to type.
        schaal, jaar = self.request.GET.get("schaal", ""), _year(self.request.GET.get("jaar"))
        if schaal.isascii() and schaal.isdigit() and len(schaal) <= 3 and jaar:
            return {"initial": [{"schaal": int(schaal), "jaar": jaar}]}
        return {}


class BegrotingsjaarView(SamenwerkingsverbandMixin, EditPermissionMixin, FormView):
    """Nieuw begrotingsjaar: index or type the year's salarisschalen and uurtarieven, and
    see which are indexed, typed or still missing (``formatie.begrotingsjaar``)."""

    model = Salarisschaal
    permission_required = [
        "formatie.add_salarisschaal",
        "formatie.change_salarisschaal",
        "formatie.add_uurtarief",
        "formatie.change_uurtarief",
    ]
    form_class = BegrotingsjaarForm
    template_name = "formatie/begrotingsjaar.html"

    def get_jaar(self) -> int:
        if not hasattr(self, "_jaar"):
            sv = self.get_samenwerkingsverband()
            known = [
                *Salarisschaal.objects.filter(samenwerkingsverband=sv).values_list(
                    "jaar", flat=True
                ),
                *Uurtarief.objects.filter(rol__samenwerkingsverband=sv).values_list(
                    "jaar", flat=True
                ),
            ]
            default = max(known) + 1 if known else timezone.localdate().year + 1
            source = self.request.POST if self.request.method == "POST" else self.request.GET
            self._jaar = _year(source.get("jaar"), default)
        return self._jaar

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["regels"] = jaarbedragen(self.get_samenwerkingsverband(), self.get_jaar())
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["jaar"] = self.get_jaar()
        return context

    def form_valid(self, form):
        sv, jaar = self.get_samenwerkingsverband(), self.get_jaar()
        counts = save_jaarbedragen(
            sv, jaar, form.cleaned_data["getypt"], form.cleaned_data["percentage"],
            form.cleaned_data["bron"],
        )  # fmt: skip
        messages.success(
            self.request,
            f"Begrotingsjaar {jaar}: {counts['geïndexeerd']} bedragen geïndexeerd, "
            f"{counts['ingevoerd']} ingevoerd.",
        )
        return HttpResponseRedirect(f"{self.request.path}?jaar={jaar}")

    def form_invalid(self, form):
        messages.error(self.request, "Niet opgeslagen: verbeter de gemarkeerde velden.")
        return super().form_invalid(form)


class WerkgroepenUpdateView(SamenwerkingsverbandFormsetView):
    permission_required = [
        "formatie.change_werkgroep",
        "formatie.add_werkgroep",
        "formatie.delete_werkgroep",
    ]
    formset_classes = {"werkgroepen": WerkgroepFormSet}
    title = "Werkgroepen"


# --- pakketten ------------------------------------------------------------------------------


def pakketten_url(sv) -> str:
    return reverse("formatie:pakket-list", args=[sv.afkorting])


DEELNAMES = Prefetch(
    "deelnames", queryset=Pakketdeelname.objects.select_related("gemeente").order_by("vanaf_jaar")
)


class PakketListView(SamenwerkingsverbandListView):
    """The basispakket and the pluspakketten of a samenwerkingsverband, with who takes part in
    which years and how many rollen each holds."""

    queryset = (
        Pakket.objects.select_related("samenwerkingsverband")
        .annotate(aantal_rollen=Count("rollen", distinct=True))
        .prefetch_related(DEELNAMES)
        .order_by("soort", "volgorde", "naam")  # an aggregate drops the model's ordering
    )
    filterset_class = PakketFilterSet
    table_class = PakketTable
    title = "Pakketten"
    create_url_name = "formatie:pakket-create"
    template_name = "formatie/pakket_list.html"

    def get_table_kwargs(self):
        sv = self.get_samenwerkingsverband()
        return {"bewerkbaar": access.can(self.request.user, "change", sv, Pakket)}


class PakketFormMixin(SamenwerkingsverbandFormMixin):
    model = Pakket
    form_class = PakketForm
    formset_classes = {"deelnemers": PakketdeelnameFormSet}
    template_name = "formatie/pakket_form.html"

    def get_queryset(self):
        return Pakket.objects.filter(samenwerkingsverband=self.get_samenwerkingsverband())

    def get_formset_kwargs(self, name):
        return {"gemeenten": self.get_samenwerkingsverband().gemeenten.order_by("naam")}

    def prepare_formsets(self, form, formsets):
        # The deelnemers are checked against the pakket as the form leaves it (its soort and
        # verdeling), also when it is new.
        for formset in formsets.values():
            formset.pakket = form.instance

    def get_success_url(self):
        return pakketten_url(self.get_samenwerkingsverband())

    def get_cancel_url(self):
        return self.get_success_url()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["intro"] = (
            "Een pluspakket of module nemen alleen de deelnemers af; zonder deelnemers doen "
            "alle gemeenten mee. Leeg vanaf- of tot-en-met-jaar: vanaf het begin of zonder "
            "einde. Een basispakket volgt de verdeelsleutel en heeft geen deelnemers."
        )
        pakket = self.object
        if pakket is not None and pakket.pk:
            context["history"] = history_rows(
                Pakket.history.filter(id=pakket.pk),
                Pakketdeelname.history.filter(pakket_id=pakket.pk),
            )
            context["mag_verwijderen"] = access.can(self.request.user, "delete", pakket)
        return context

    def announce_save(self):
        """Saved; a warning with the link that fixes it when the pakket now stops the
        kostenverdeling (no deelnemers in a year with costs, a missing inwonertal)."""
        sv = self.get_samenwerkingsverband()
        level, text = kostengevolg.engine().na_opslaan(sv, self.success_message)
        if level == "warning":
            messages.warning(self.request, text)
        else:
            super().announce_save()


class PakketCreateView(PakketFormMixin, ObjectCreateView):
    pass


class PakketUpdateView(PakketFormMixin, ObjectUpdateView):
    pass


class PakketDeleteView(SamenwerkingsverbandMixin, ObjectDeleteView):
    """Asks for confirmation; a pakket that still holds rollen is not deleted (it says which)."""

    model = Pakket
    template_name = "formatie/pakket_confirm_delete.html"

    def get_queryset(self):
        return Pakket.objects.filter(samenwerkingsverband=self.get_samenwerkingsverband())

    def get_success_url(self):
        return pakketten_url(self.get_samenwerkingsverband())

    def rollen_erin(self) -> list[str]:
        return list(self.object.rollen.order_by("volgorde", "naam").values_list("naam", flat=True))

    def rollen_erbij(self) -> str:
        """'de rol X hoort erbij' or 'de rollen X en Y horen erbij' (empty: none)."""
        rollen = self.rollen_erin()
        if len(rollen) == 1:
            return f"de rol {rollen[0]} hoort erbij. Zet die rol"
        if rollen:
            namen = ", ".join(rollen[:-1]) + " en " + rollen[-1]
            return f"de rollen {namen} horen erbij. Zet die rollen"
        return ""

    def voorschotten(self) -> str:
        """Why a pakket with voorschotregelingen (issue 21) stays, or ''."""
        aantal = self.object.voorschotregelingen.count()
        if not aantal:
            return ""
        wat = "een voorschotregeling" if aantal == 1 else f"{aantal} voorschotregelingen"
        return (
            f"er hoort {wat} bij; verwijder die eerst op de pagina Voorschotten (of in het "
            "beheer) als de gemeenten voor dit pakket geen voorschot meer betalen."
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cancel_url"] = self.get_success_url()
        context["rollen"] = self.rollen_erbij()
        context["voorschotten"] = self.voorschotten()
        return context

    def form_valid(self, form):
        rollen = self.rollen_erbij()
        if rollen:
            messages.error(
                self.request,
                f"{self.object} is niet verwijderd: {rollen} eerst in een ander pakket.",
            )
            return HttpResponseRedirect(self.get_success_url())
        if voorschotten := self.voorschotten():
            messages.error(self.request, f"{self.object} is niet verwijderd: {voorschotten}")
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)
