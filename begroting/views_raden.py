"""The councils' say in the begrotingscyclus: each council's zienswijze on the ontwerpbegroting
with the dagelijks bestuur's response (one form row per gemeente, saved together), and the
uitvoeringsplan of a begrotingsjaar with which pluspakketten each gemeente takes that year
(written through ``formatie.deelname.zet_deelname``). Thin views: the rules live in
``begroting.zienswijzen``, ``begroting.uitvoeringsplan`` and ``formatie.deelname``."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView

from formatie.models import Pakketdeelname
from regiekamer import access
from regiekamer.history import history_rows
from regiekamer.versioning import SAVED_MEANWHILE, versioned_form
from regiekamer.views import EditPermissionMixin, RealOnlyMixin, SamenwerkingsverbandMixin

from . import uitvoeringsplan
from .models import Begrotingscyclus, Zienswijze
from .zienswijzen import ZienswijzeForm

SCENARIO_TEKST = (
    "Een scenario heeft geen begroting en dus geen begrotingscyclus: het is een verkenning."
)


def cyclus_url(cyclus) -> str:
    """The cycle's own page."""
    return cyclus.get_absolute_url()


class CyclusJaarMixin(SamenwerkingsverbandMixin):
    """A page of one begrotingsjaar of the samenwerkingsverband (404 for another year)."""

    def get_cyclus(self):
        if not hasattr(self, "_cyclus"):
            self._cyclus = get_object_or_404(
                Begrotingscyclus.objects.select_related("samenwerkingsverband").prefetch_related(
                    "zienswijzen"
                ),
                samenwerkingsverband=self.get_samenwerkingsverband(),
                jaar=self.kwargs["jaar"],
            )
        return self._cyclus

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        cyclus = self.get_cyclus()
        context["cyclus"] = cyclus
        context["cyclus_url"] = cyclus_url(cyclus)
        return context


class ZienswijzenView(RealOnlyMixin, EditPermissionMixin, CyclusJaarMixin, TemplateView):
    """Per gemeente of the samenwerkingsverband: the zienswijze received (or word that the
    council gives none) and the dagelijks bestuur's response; all rows checked, then saved in
    one transaction, only the rows the user changed."""

    model = Zienswijze
    template_name = "begroting/zienswijzen.html"
    scenario_text = SCENARIO_TEKST

    def get_permission_object(self):
        return self.get_cyclus()

    def get_forms(self, data=None):
        cyclus = self.get_cyclus()
        bestaand = {z.gemeente_id: z for z in cyclus.zienswijzen.all()}
        form_class = versioned_form(ZienswijzeForm)
        form_class.row_of_formset = True  # an untouched row is neither checked nor saved
        forms = []
        for gemeente in self.get_samenwerkingsverband().gemeenten.order_by("naam"):
            instance = bestaand.get(gemeente.pk) or Zienswijze()
            forms.append(
                form_class(
                    data,
                    instance=instance,
                    gemeente=gemeente,
                    cyclus=cyclus,
                    prefix=f"g{gemeente.pk}",
                )
            )
        return forms

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("forms", self.get_forms())
        cyclus = self.get_cyclus()
        context["title"] = f"Zienswijzen op de ontwerpbegroting {cyclus.jaar}"
        namen = {form.gemeente.pk: form.gemeente.naam for form in context["forms"]}

        def zienswijze_naam(record):  # without a query per row; str() for a gemeente gone
            naam = namen.get(record.gemeente_id)
            return f"Zienswijze {naam} {cyclus.jaar}" if naam else None

        context["history"] = history_rows(
            Zienswijze.history.filter(cyclus_id=cyclus.pk), names={Zienswijze: zienswijze_naam}
        )
        return context

    def post(self, request, *args, **kwargs):
        cyclus = self.get_cyclus()
        forms = self.get_forms(request.POST)
        if not all(form.is_valid() for form in forms):
            messages.error(request, "Niets opgeslagen: verbeter de gemarkeerde velden.")
            return self.render_to_response(self.get_context_data(forms=forms))
        gewijzigd = [form for form in forms if form.has_changed()]
        for form in gewijzigd:
            action = "change" if form.instance.pk else "add"
            if not access.may_save(request.user, action, form.instance):
                raise access.Refused(access.refusal(request.user, form.instance))
        if not gewijzigd:
            messages.info(request, "Geen wijzigingen: er is niets opgeslagen.")
            return HttpResponseRedirect(request.path)
        try:
            with transaction.atomic():
                for form in gewijzigd:
                    form.save()
        except IntegrityError:
            messages.error(request, SAVED_MEANWHILE)
            return self.render_to_response(self.get_context_data(forms=self.get_forms()))
        namen = ", ".join(form.gemeente.naam for form in gewijzigd)
        messages.success(request, f"Opgeslagen: de zienswijzen van {namen} ({cyclus.jaar}).")
        return HttpResponseRedirect(cyclus_url(cyclus))


class UitvoeringsplanView(RealOnlyMixin, CyclusJaarMixin, TemplateView):
    """The uitvoeringsplan of a begrotingsjaar and which pluspakketten each gemeente takes
    that year, with its share of their costs. Every member reads it; the regiegroep edits."""

    template_name = "begroting/uitvoeringsplan.html"
    scenario_text = SCENARIO_TEKST

    def can_edit(self) -> bool:
        user, cyclus = self.request.user, self.get_cyclus()
        return access.can(user, "change", cyclus) and all(
            access.can(
                user, action, self.get_samenwerkingsverband(), uitvoeringsplan.Pakketdeelname
            )
            for action in ("add", "change", "delete")
        )

    def get_form(self, data=None):
        form_class = versioned_form(uitvoeringsplan.UitvoeringsplanForm)
        # Checked against the version it was opened on only when the text was changed: the
        # cycle's dates edited meanwhile do not stop a tick.
        form_class.row_of_formset = True
        return form_class(data, instance=self.get_cyclus())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        cyclus = self.get_cyclus()
        sv = self.get_samenwerkingsverband()
        context["plan"] = uitvoeringsplan.matrix(sv, cyclus.jaar)
        context["can_edit"] = self.can_edit()
        if context["can_edit"]:
            context.setdefault("form", self.get_form())
        context["title"] = f"Uitvoeringsplan {cyclus.jaar}"
        plan = context["plan"]
        gemeenten = {rij.gemeente.pk: rij.gemeente.naam for rij in plan.rijen}
        pakketten = {p.pk: p.naam for p in plan.pakketten}

        def deelname_naam(record):  # without a query per row; str() for a gemeente gone
            naam = gemeenten.get(record.gemeente_id)
            return f"{naam} in {pakketten.get(record.pakket_id)}" if naam else None

        context["history"] = history_rows(
            Begrotingscyclus.history.filter(id=cyclus.pk),
            Pakketdeelname.history.filter(pakket_id__in=list(pakketten)),
            names={
                Begrotingscyclus: lambda r: f"Begrotingscyclus {sv.afkorting} {r.jaar}",
                Pakketdeelname: deelname_naam,
            },
        )
        return context

    def post(self, request, *args, **kwargs):
        cyclus = self.get_cyclus()
        if not self.can_edit():
            raise access.Refused(access.refusal(request.user, cyclus))
        form = self.get_form(request.POST)
        plan = uitvoeringsplan.matrix(self.get_samenwerkingsverband(), cyclus.jaar)
        try:
            keuzes = uitvoeringsplan.gekozen(
                plan, request.POST.getlist("deelname"), request.POST.getlist("geopend")
            )
        except ValidationError as fout:
            messages.error(request, f"Niets opgeslagen: {' '.join(fout.messages)}")
            return self.render_to_response(self.get_context_data(form=form))
        if not form.is_valid():
            messages.error(request, "Niets opgeslagen: verbeter de gemarkeerde velden.")
            return self.render_to_response(self.get_context_data(form=form))
        try:
            with transaction.atomic():
                gedaan = uitvoeringsplan.sla_op(plan, keuzes)
                if form.has_changed():
                    form.save()
        except ValidationError as fout:
            messages.error(request, f"Niets opgeslagen: {' '.join(fout.messages)}")
            return self.render_to_response(self.get_context_data(form=form))
        if form.has_changed():
            gedaan.insert(0, "de tekst van het uitvoeringsplan")
        if gedaan:
            messages.success(request, f"Opgeslagen ({cyclus.jaar}): {'; '.join(gedaan)}.")
        else:
            messages.info(request, "Geen wijzigingen: er is niets opgeslagen.")
        return HttpResponseRedirect(request.path)
