from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.views import View
from django.views.generic import FormView

from formatie.models import Rol
from regiekamer.views import EditPermissionMixin, SamenwerkingsverbandMixin, attachment

from .cellen import WerkboekFout
from .opslaan import import_workbook
from .schrijven import export_workbook


class WerkboekExportView(SamenwerkingsverbandMixin, View):
    """The formation as the workbook that importeer_formatie reads back."""

    def get(self, request, *args, **kwargs):
        sv = self.get_samenwerkingsverband()
        return attachment(export_workbook(sv), f"formatie-{sv.afkorting}.xlsx")


class WerkboekUploadForm(forms.Form):
    werkboek = forms.FileField(
        label="Werkboek (.xlsx)",
        help_text=(
            "Met de bladen Gemeenten, Fasen en Rollen (en eventueel Pakketten), zoals in de export "
            "van de huidige formatie (link hierboven)."
        ),
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
    template_name = "werkboek/import.html"

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
        return HttpResponseRedirect(reverse("formatie:bezetting", args=[sv.afkorting]))
