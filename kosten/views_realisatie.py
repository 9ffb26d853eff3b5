"""Werkelijke kosten: the year's grid (kosten:realisatie) and the file upload
(kosten:realisatie-import). The rules are in ``kosten.realisatie``."""

from datetime import date
from decimal import Decimal

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.views.generic import FormView, TemplateView

from formatie.models import Rol
from regiekamer import access
from regiekamer.afronding import round_euro
from regiekamer.getallen import BEDRAG, GetalField, format_number
from regiekamer.history import history_rows
from regiekamer.views import (
    EditPermissionMixin,
    RealOnlyMixin,
    SamenwerkingsverbandMixin,
    attachment,
)

from .gegevens import load_kostenverdeling
from .models import Realisatie
from .realisatie import (
    MAX_BEDRAG,
    MAX_JAAR,
    MIN_JAAR,
    SCENARIO,
    Conflict,
    Invoer,
    RealisatieFout,
    drager_volgens_plan,
    jaar_csv,
    jaren,
    lees_en_importeer,
    save_jaar,
    stand,
    stand_van,
)
from .verdeling import KostenFout

PERMS = ["kosten.add_realisatie", "kosten.change_realisatie", "kosten.delete_realisatie"]


def realisatie_url(sv, jaar=None) -> str:
    url = reverse("kosten:realisatie", args=[sv.afkorting])
    return f"{url}?jaar={jaar}" if jaar else url


class RealisatieRijForm(forms.Form):
    """One rol in the year: werkelijke kosten (Dutch number), who bore them, why."""

    werkelijk = GetalField(
        label="Werkelijke kosten (€)",
        kind=BEDRAG,
        required=False,
        max_digits=12,
        decimal_places=2,
        min_value=Decimal("0"),
        max_value=MAX_BEDRAG,
    )
    gedragen_door = forms.TypedChoiceField(
        label="Gedragen door", required=False, coerce=int, empty_value=None
    )
    toelichting = forms.CharField(label="Toelichting", required=False, max_length=500)
    # How the row was when the page was opened (realisatie.stand): only a row the user changed
    # is saved, and only when nobody else changed it meanwhile.
    geopend = forms.CharField(required=False, widget=forms.HiddenInput, max_length=700)

    def __init__(self, *args, rol, gemeenten, standaard, vertrokken=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.rol = rol
        self.gemeenten = dict(gemeenten)
        keuzes = [(g.pk, g.naam) for g in gemeenten.values()]
        if vertrokken is not None and vertrokken.pk not in self.gemeenten:
            # The row's gemeente left the samenwerkingsverband since: still who bore the
            # costs, kept unless the user picks another.
            self.gemeenten[vertrokken.pk] = vertrokken
            keuzes.append((vertrokken.pk, f"{vertrokken.naam} (neemt niet meer deel)"))
        self.fields["gedragen_door"].choices = [
            ("", f"volgens de begroting: {standaard}"),
            *keuzes,
        ]
        for field in self.fields.values():
            if field.label:
                field.widget.attrs["aria-label"] = f"{field.label} {rol.naam}"

    def clean(self):
        data = super().clean()
        zonder_bedrag = data.get("werkelijk") is None and "werkelijk" not in self.errors
        if zonder_bedrag and (data.get("gedragen_door") or data.get("toelichting", "").strip()):
            self.add_error(
                "werkelijk",
                "Vul de werkelijke kosten in, of maak ook 'gedragen door' en de toelichting leeg.",
            )
        return data

    def invoer(self) -> Invoer:
        data = self.cleaned_data
        return Invoer(
            bedrag=data["werkelijk"],
            gedragen_door=self.gemeenten.get(data["gedragen_door"]),
            toelichting=" ".join(data["toelichting"].split()),
        )


class RealisatieView(RealOnlyMixin, SamenwerkingsverbandMixin, TemplateView):
    """Werkelijke kosten per rol for one year; the regiegroep edits the year in one go."""

    template_name = "kosten/realisatie.html"
    scenario_text = SCENARIO

    def can_edit(self) -> bool:
        sv = self.get_samenwerkingsverband()
        user = self.request.user
        return all(
            access.can(user, action, sv, Realisatie) for action in ("add", "change", "delete")
        )

    def has_permission(self) -> bool:
        """Everyone who sees the samenwerkingsverband reads; only who may edit posts (asked
        before a scenario is turned away, so a forged post is refused as such)."""
        return self.request.method != "POST" or self.can_edit()

    def handle_no_permission(self):
        sv = self.get_samenwerkingsverband()
        raise access.Refused(access.refusal(self.request.user, sv, Realisatie))

    def setup_year(self):
        sv = self.get_samenwerkingsverband()
        try:
            self.kv, self.fout = load_kostenverdeling(sv), None
        except KostenFout as fout:
            self.kv, self.fout = None, fout
        self.jaren = jaren(self.kv.jaren if self.kv else [], sv)
        gevraagd = self.request.GET.get("jaar", "")
        self.jaar_fout = ""
        jaar = None
        if gevraagd.strip():
            try:
                jaar = int(gevraagd.strip())
            except ValueError:
                jaar = None
            if jaar is None or not MIN_JAAR <= jaar <= MAX_JAAR:
                self.jaar_fout = (
                    f'"{gevraagd.strip()[:20]}" is geen jaar tussen {MIN_JAAR} en {MAX_JAAR}.'
                )
                jaar = None
        if jaar is None and self.jaren:
            verleden = [j for j in self.jaren if j < date.today().year]
            jaar = verleden[-1] if verleden else self.jaren[0]
        self.jaar = jaar
        self.rollen = list(
            Rol.objects.filter(samenwerkingsverband=sv)
            .select_related("leverende_gemeente")
            .order_by("volgorde", "naam")
        )
        self.gemeenten = {g.pk: g for g in sv.gemeenten.order_by("naam")}
        self.bestaand = {
            r.rol_id: r
            for r in Realisatie.objects.filter(samenwerkingsverband=sv, jaar=jaar).select_related(
                "gedragen_door"
            )
        }

    def get_forms(self, data=None):
        sv = self.get_samenwerkingsverband()
        result = []
        for rol in self.rollen:
            oud = self.bestaand.get(rol.pk)
            initial = {"geopend": stand(oud)}
            if oud is not None:
                initial |= {
                    "werkelijk": oud.bedrag,
                    "gedragen_door": oud.gedragen_door_id,
                    "toelichting": oud.toelichting,
                }
            result.append(
                RealisatieRijForm(
                    data,
                    prefix=f"rol{rol.pk}",
                    initial=initial,
                    rol=rol,
                    gemeenten=self.gemeenten,
                    standaard=drager_volgens_plan(rol, sv),
                    vertrokken=oud.gedragen_door if oud is not None else None,
                )
            )
        return result

    def begroot(self, rol) -> Decimal | None:
        if self.kv is None or self.jaar not in self.kv.jaren:
            return None
        regel = self.kv.regels.get((rol.pk, self.jaar))
        return regel.kosten if regel else None

    def get(self, request, *args, **kwargs):
        self.setup_year()
        if request.GET.get("download") == "csv" and self.jaar is not None:
            sv = self.get_samenwerkingsverband()
            return attachment(
                jaar_csv(sv, self.jaar), f"werkelijke-kosten-{sv.afkorting}-{self.jaar}.csv"
            )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, forms_=None, **kwargs):
        context = super().get_context_data(**kwargs)
        sv = self.get_samenwerkingsverband()
        bewerkbaar = self.can_edit() and self.jaar is not None
        if bewerkbaar and forms_ is None:
            forms_ = self.get_forms()
        rijen = []
        totaal_begroot = totaal_werkelijk = Decimal("0")
        for i, rol in enumerate(self.rollen):
            oud = self.bestaand.get(rol.pk)
            begroot = self.begroot(rol)
            werkelijk = oud.bedrag if oud else None
            verschil = None
            if begroot is not None and werkelijk is not None:
                verschil = round_euro(werkelijk) - begroot
            totaal_begroot += begroot or 0
            totaal_werkelijk += werkelijk or 0
            rijen.append(
                {
                    "rol": rol,
                    "begroot": begroot,
                    "realisatie": oud,
                    "verschil": verschil,
                    "standaard": drager_volgens_plan(rol, sv),
                    "form": forms_[i] if forms_ else None,
                }
            )
        if self.jaar is not None:
            # Who typed or imported what in this year, deleted rows included.
            jaar_history = Realisatie.history.filter(samenwerkingsverband=sv, jaar=self.jaar)
            naam = {rol.pk: rol.naam for rol in self.rollen}
            context["history"] = history_rows(
                jaar_history,
                names={Realisatie: lambda r: f"{naam.get(r.rol_id, 'rol')} {r.jaar}"},
            )
        context.update(
            jaar=self.jaar,
            jaren=self.jaren,
            jaar_fout=self.jaar_fout,
            kostenfout=self.fout,
            rijen=rijen,
            bewerkbaar=bewerkbaar,
            totaal_begroot=totaal_begroot,
            totaal_werkelijk=totaal_werkelijk,
            plan_jaar=bool(self.kv and self.jaar in self.kv.jaren),
            aantal_ingevuld=len(self.bestaand),
        )
        return context

    def post(self, request, *args, **kwargs):
        sv = self.get_samenwerkingsverband()
        if not self.can_edit():
            return self.handle_no_permission()
        self.setup_year()
        if self.jaar is None or self.jaar_fout:
            messages.error(request, "Niets opgeslagen: kies eerst een jaar.")
            return HttpResponseRedirect(realisatie_url(sv))
        forms_ = self.get_forms(request.POST)
        if not all(form.is_valid() for form in forms_):
            messages.error(
                request,
                f"Niets opgeslagen voor {self.jaar}: verbeter de gemarkeerde cellen.",
            )
            return self.render_to_response(self.get_context_data(forms_=forms_))
        invoer, geopend = {}, {}
        for form in forms_:
            regel, opened = form.invoer(), form.cleaned_data["geopend"]
            if opened and stand_van(regel) == opened:
                continue  # not changed by this user: never written over another's edit
            invoer[form.rol.pk] = regel
            if opened:
                geopend[form.rol.pk] = opened
        try:
            samenvatting = save_jaar(sv, self.jaar, invoer, geopend)
        except Conflict as conflict:
            return self.conflict_response(request, set(invoer), conflict)
        messages.success(request, samenvatting.tekst(str(self.jaar)))
        return HttpResponseRedirect(realisatie_url(sv, self.jaar))

    def conflict_response(self, request, gewijzigd: set[int], conflict: Conflict):
        """Nothing saved: the user's input stays in the rows they changed, every other row
        shows its current value, and each row is marked as opened now, so saving again after
        review cannot undo the other person's edit."""
        self.setup_year()
        data = request.POST.copy()
        for rol in self.rollen:
            prefix, nu = f"rol{rol.pk}", self.bestaand.get(rol.pk)
            data[f"{prefix}-geopend"] = stand(nu)
            if rol.pk not in gewijzigd:
                data[f"{prefix}-werkelijk"] = format_number(nu.bedrag, BEDRAG) if nu else ""
                data[f"{prefix}-gedragen_door"] = str(nu.gedragen_door_id or "") if nu else ""
                data[f"{prefix}-toelichting"] = nu.toelichting if nu else ""
        forms_ = self.get_forms(data)
        for form in forms_:
            form.is_valid()
        messages.error(
            request,
            f"Niets opgeslagen voor {self.jaar}: een andere gebruiker heeft intussen werkelijke "
            "kosten gewijzigd die u ook wijzigde. Controleer ze en sla opnieuw op.",
        )
        context = self.get_context_data(forms_=forms_, conflicten=conflict.meldingen)
        return self.render_to_response(context, status=409)


class RealisatieUploadForm(forms.Form):
    bestand = forms.FileField(
        label="Bestand (.xlsx of .csv)",
        help_text=(
            "Kopregel: de kolommen jaar, rol en bedrag, en eventueel gedragen_door, toelichting "
            "en bron (een titel erboven en een totaalrij worden overgeslagen). Bij een werkboek: "
            "het blad Realisatie, anders het eerste blad met die kolommen."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bestand"].help_text += f" Hooguit {settings.MAX_UPLOAD_MB} MB."


class RealisatieImportView(RealOnlyMixin, SamenwerkingsverbandMixin, EditPermissionMixin, FormView):
    """Upload werkelijke kosten: a bad file changes nothing and lists every problem."""

    model = Realisatie
    permission_required = PERMS
    form_class = RealisatieUploadForm
    template_name = "kosten/realisatie_import.html"
    scenario_text = SCENARIO

    def form_valid(self, form):
        sv = self.get_samenwerkingsverband()
        bestand = form.cleaned_data["bestand"]
        try:
            resultaat = lees_en_importeer(bestand, sv, bestand.name)
        except RealisatieFout as fout:
            messages.error(self.request, fout.kop)
            context = self.get_context_data(
                form=form, problems=fout.problems, in_bestand=fout.in_bestand
            )
            return self.render_to_response(context)
        messages.success(self.request, resultaat.tekst())
        return HttpResponseRedirect(realisatie_url(sv, resultaat.jaren[-1]))
