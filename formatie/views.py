from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.views import View
from django.views.generic import FormView, TemplateView

from convenant.models import Samenwerkingsverband
from kosten.gegevens import load_kostenverdeling
from kosten.verdeling import KostenFout
from regiekamer import access
from regiekamer.getallen import CONFIRM
from regiekamer.rapporten import make_report
from regiekamer.views import (
    EditPermissionMixin,
    ObjectCreateView,
    ObjectDeleteView,
    ObjectUpdateView,
    SamenwerkingsverbandFormMixin,
    SamenwerkingsverbandMixin,
    attachment,
)

from .bezetting import build_bezettingsoverzicht, plausibility_warnings, save_bezetting_grid
from .forms import (
    ROWS_SHIFTED,
    FaseFormSet,
    RolForm,
    SalarisschaalFormSet,
    WerkgroepFormSet,
    bezetting_grid,
)
from .models import Bezetting, Rol
from .werkboek import WerkboekFout, export_workbook, import_workbook


def bezetting_url(sv) -> str:
    return reverse("formatie:bezetting", args=[sv.afkorting])


class BezettingView(SamenwerkingsverbandMixin, TemplateView):
    """The bezettingsoverzicht; for the regiegroep also the grid that edits it in one go."""

    template_name = "formatie/bezetting.html"

    def can_edit(self) -> bool:
        sv = self.get_samenwerkingsverband()
        return access.can(self.request.user, "change", sv, Bezetting)

    def get_formset(self, data=None, overzicht=None):
        return bezetting_grid(overzicht or self.overzicht, data)

    def get(self, request, *args, **kwargs):
        if request.GET.get("download") == "pdf":
            return attachment(*make_report("bezetting", self.get_samenwerkingsverband()))
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sv = self.get_samenwerkingsverband()
        if not hasattr(self, "overzicht"):
            self.overzicht = build_bezettingsoverzicht(sv)
        context["overzicht"] = self.overzicht
        if self.can_edit() and "formset" not in context:
            context["formset"] = self.get_formset()
        formset = context.get("formset")
        forms_by_rol = {form.rol.pk: form for form in formset} if formset else {}
        context["forms_by_rol"] = forms_by_rol
        context["werkgroepen"] = sv.werkgroepen.all()
        try:
            kv = load_kostenverdeling(sv)
            context["kosten_per_jaar"] = [(j, kv.totaal_kosten(j)) for j in kv.jaren]
        except KostenFout as fout:
            context["kosten_fout"] = str(fout)
        return context

    def post(self, request, *args, **kwargs):
        if not self.can_edit():
            raise PermissionDenied
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
        messages.success(request, "Bezetting opgeslagen. De kostenverdeling is bijgewerkt.")
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


class WerkboekExportView(SamenwerkingsverbandMixin, View):
    """The formation as the workbook that importeer_formatie reads back."""

    def get(self, request, *args, **kwargs):
        sv = self.get_samenwerkingsverband()
        return attachment(export_workbook(sv), f"formatie-{sv.afkorting}.xlsx")


class WerkboekUploadForm(forms.Form):
    werkboek = forms.FileField(
        label="Werkboek (.xlsx)",
        help_text="Bladen Gemeenten, Fasen en Rollen, zoals de export hiernaast.",
    )
    bevestiging = forms.BooleanField(
        label="Ik begrijp dat dit de formatie, fasen en verdeelsleutel vervangt.",
        required=True,
        error_messages={"required": "Bevestig dat de huidige formatie wordt vervangen."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["werkboek"].help_text += f" Hooguit {settings.MAX_UPLOAD_MB} MB."


class WerkboekImportView(SamenwerkingsverbandMixin, EditPermissionMixin, FormView):
    """Upload a workbook: a bad file changes nothing and lists every problem. Only for who may
    change this samenwerkingsverband's formation."""

    model = Rol
    permission_required = ["formatie.add_rol", "formatie.change_rol", "formatie.delete_rol"]
    form_class = WerkboekUploadForm
    template_name = "formatie/werkboek_import.html"

    def form_valid(self, form):
        sv = self.get_samenwerkingsverband()
        try:
            result = import_workbook(form.cleaned_data["werkboek"], sv, user=self.request.user)
        except WerkboekFout as fout:
            messages.error(self.request, "Niets ingelezen: het werkboek bevat fouten.")
            return self.render_to_response(self.get_context_data(form=form, problems=fout.problems))
        messages.success(self.request, result.summary())
        for warning in result.waarschuwingen:
            messages.warning(self.request, warning)
        return HttpResponseRedirect(bezetting_url(sv))


class RolFormMixin(SamenwerkingsverbandFormMixin):
    model = Rol
    form_class = RolForm

    def get_queryset(self):
        return Rol.objects.filter(samenwerkingsverband=self.get_samenwerkingsverband())

    def get_success_url(self):
        return bezetting_url(self.get_samenwerkingsverband())

    def get_cancel_url(self):
        return self.get_success_url()


class RolCreateView(RolFormMixin, ObjectCreateView):
    pass


class RolUpdateView(RolFormMixin, ObjectUpdateView):
    pass


class RolDeleteView(SamenwerkingsverbandMixin, ObjectDeleteView):
    model = Rol

    def get_queryset(self):
        return Rol.objects.filter(samenwerkingsverband=self.get_samenwerkingsverband())

    def get_success_url(self):
        return bezetting_url(self.get_samenwerkingsverband())


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


class SalarisschalenUpdateView(SamenwerkingsverbandFormsetView):
    permission_required = [
        "formatie.change_salarisschaal",
        "formatie.add_salarisschaal",
        "formatie.delete_salarisschaal",
    ]
    formset_classes = {"salarisschalen": SalarisschaalFormSet}
    title = "Salarisschalen (integrale jaarkosten per fte, per begrotingsjaar)"


class WerkgroepenUpdateView(SamenwerkingsverbandFormsetView):
    permission_required = [
        "formatie.change_werkgroep",
        "formatie.add_werkgroep",
        "formatie.delete_werkgroep",
    ]
    formset_classes = {"werkgroepen": WerkgroepFormSet}
    title = "Werkgroepen"
