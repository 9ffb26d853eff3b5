import json

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.forms import inlineformset_factory
from django.utils import timezone

from regiekamer.forms import DATE_INPUT, OptionalPrecisionMixin, PkMultipleChoiceField

from .constants import Besluitroute, Gremiumsoort, Vergaderstatus
from .models import (
    Actiepunt,
    Agendapunt,
    Besluit,
    Gremium,
    Knelpunt,
    Lidmaatschap,
    Persoon,
    Stuk,
    Vergadering,
)

DATETIME_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class ScopedModelForm(forms.ModelForm):
    """A form of one samenwerkingsverband: gremium and gemeente choices are limited to it."""

    def __init__(self, *args, samenwerkingsverband, **kwargs):
        super().__init__(*args, **kwargs)
        self.samenwerkingsverband = samenwerkingsverband
        if hasattr(self.instance, "samenwerkingsverband_id"):
            self.instance.samenwerkingsverband = samenwerkingsverband
        for field in self.fields.values():
            model = getattr(getattr(field, "queryset", None), "model", None)
            if model is Gremium:
                field.queryset = Gremium.objects.filter(samenwerkingsverband=samenwerkingsverband)
            elif model is not None and model._meta.model_name == "gemeente":
                field.queryset = samenwerkingsverband.gemeenten.all()
            elif model is Persoon:
                field.queryset = Persoon.objects.filter(
                    lidmaatschappen__gremium__samenwerkingsverband=samenwerkingsverband
                ).distinct()


HISTORISCH_GREMIUM = (
    "Kies een huidig gremium van dit samenwerkingsverband: een historisch gremium (of een van "
    "een ander samenwerkingsverband) vergadert hier niet."
)


def leden_van(gremium, op) -> QuerySet:
    """The persons with a membership of ``gremium`` that runs on day ``op``."""
    lopend = Lidmaatschap.objects.filter(gremium=gremium).filter(
        Q(vanaf__isnull=True) | Q(vanaf__lte=op), Q(tot__isnull=True) | Q(tot__gte=op)
    )
    return Persoon.objects.filter(pk__in=lopend.values("persoon_id"))


class VergaderingForm(ScopedModelForm):
    """A meeting of a current gremium, chaired by one of its members on the meeting's date."""

    class Meta:
        model = Vergadering
        fields = ["gremium", "begin", "eind", "locatie_gemeente", "locatie", "voorzitter", "status"]
        widgets = {"begin": DATETIME_INPUT, "eind": DATETIME_INPUT}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        gremia = Q(pk__in=Gremium.objects.huidig().exclude(soort=Gremiumsoort.COLLEGE))
        if self.instance.gremium_id:  # a meeting of a gremium since made historical keeps it
            gremia |= Q(pk=self.instance.gremium_id)
        self.fields["gremium"].queryset = self.fields["gremium"].queryset.filter(gremia)
        self.fields["gremium"].error_messages["invalid_choice"] = HISTORISCH_GREMIUM
        # The browser sends nothing for a date without its time: "verplicht" alone was untrue to
        # whom typed the date.
        self.fields["begin"].error_messages["required"] = (
            "Vul de datum én de begintijd van de vergadering in."
        )
        gremium = self.chosen_gremium()
        voorzitter = self.fields["voorzitter"]
        voorzitter.help_text = "Een lid van het gremium op de dag van de vergadering."
        # js/voorzitter.js offers the members of the gremium chosen, without a reload.
        voorzitter.widget.attrs |= {
            "data-leden": json.dumps(self.leden_per_gremium()),
            "data-gremium": self["gremium"].auto_id,
        }
        voorzitter.error_messages["invalid_choice"] = (
            "Kies als voorzitter een lid van het gremium op de dag van de vergadering."
        )
        if gremium is not None:
            voorzitter.queryset = leden_van(gremium, self.chosen_day())
        # Cancelling is its own action (it tells the members): not a status to pick here.
        if not self.instance.is_geannuleerd:
            self.fields["status"].choices = [
                c for c in self.fields["status"].choices if c[0] != Vergaderstatus.GEANNULEERD
            ]

    def leden_per_gremium(self) -> dict[int, list]:
        """{gremium pk: [[persoon pk, naam], ...]}: the members of each gremium offered, on the
        day of the meeting (for js/voorzitter.js)."""
        dag = self.chosen_day()
        lopend = Lidmaatschap.objects.filter(
            Q(vanaf__isnull=True) | Q(vanaf__lte=dag),
            Q(tot__isnull=True) | Q(tot__gte=dag),
            gremium__in=self.fields["gremium"].queryset,
        ).order_by("persoon__naam", "persoon_id")
        leden: dict[int, list] = {}
        for gremium_id, persoon_id, naam in lopend.values_list(
            "gremium_id", "persoon_id", "persoon__naam"
        ):
            rij = [persoon_id, naam]
            if rij not in leden.setdefault(gremium_id, []):
                leden[gremium_id].append(rij)
        return leden

    def chosen_gremium(self):
        """The gremium the form is about: as submitted, as opened, or the meeting's own."""
        field = self.fields["gremium"]
        value = self.data.get(self.add_prefix("gremium")) if self.is_bound else None
        if value is None:
            value = self.initial.get("gremium") or self.instance.gremium_id
        try:
            return field.to_python(getattr(value, "pk", value))
        except ValidationError:
            return None

    def chosen_day(self):
        value = self.data.get(self.add_prefix("begin")) if self.is_bound else None
        if value is None:
            value = self.initial.get("begin") or self.instance.begin
        try:
            moment = self.fields["begin"].to_python(value)
        except ValidationError:
            moment = None
        return timezone.localdate(moment) if moment else timezone.localdate()

    def clean(self):
        cleaned = super().clean()
        gremium, voorzitter, begin = (cleaned.get(k) for k in ("gremium", "voorzitter", "begin"))
        if gremium and voorzitter and begin:
            dag = timezone.localdate(begin)
            if not leden_van(gremium, dag).filter(pk=voorzitter.pk).exists():
                self.add_error(
                    "voorzitter",
                    f"{voorzitter} is op {dag:%d-%m-%Y} geen lid van {gremium.naam}: kies een "
                    "lid van het gremium als voorzitter.",
                )
        return cleaned


class BaseAgendaFormSet(forms.BaseInlineFormSet):
    add_row_label = "Agendapunt toevoegen"  # includes/formset.html, js/formset.js

    def clean(self):
        super().clean()
        volgordes = [
            f.cleaned_data.get("volgorde")
            for f in self.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]
        if len(volgordes) != len(set(volgordes)):
            raise ValidationError("Twee agendapunten hebben hetzelfde nummer.")


AgendapuntFormSet = inlineformset_factory(
    Vergadering,
    Agendapunt,
    formset=BaseAgendaFormSet,
    fields=["volgorde", "titel", "soort", "toelichting"],
    widgets={"toelichting": forms.TextInput()},
    extra=3,
    can_delete=True,
)


class BesluitForm(OptionalPrecisionMixin, ScopedModelForm):
    # Most decisions have their day: left empty, the precision is 'op de dag'.
    precision_fields = ("datum_precisie",)

    class Meta:
        model = Besluit
        fields = [
            "gremium",
            "agendapunt",
            "route",
            "datum",
            "datum_precisie",
            "tekst",
            "uitkomst",
            "bron",
        ]
        widgets = {
            "datum": DATE_INPUT,
            "tekst": forms.Textarea(attrs={"rows": 3}),
            "bron": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, vergadering=None, **kwargs):
        super().__init__(*args, **kwargs)
        agendapunten = Agendapunt.objects.filter(
            vergadering__gremium__samenwerkingsverband=self.samenwerkingsverband
        ).select_related("vergadering__gremium")
        if vergadering is not None:
            agendapunten = agendapunten.filter(vergadering=vergadering)
        self.fields["agendapunt"].queryset = agendapunten
        self.fields["agendapunt"].required = False

    def clean(self):
        cleaned = super().clean()
        agendapunt, gremium = cleaned.get("agendapunt"), cleaned.get("gremium")
        if cleaned.get("route") == Besluitroute.VERGADERING and agendapunt is None:
            self.add_error("agendapunt", "Een besluit in de vergadering hoort bij een agendapunt.")
        if agendapunt and gremium and agendapunt.vergadering.gremium_id != gremium.pk:
            self.add_error("agendapunt", "Dit agendapunt hoort bij een ander gremium.")
        return cleaned


class ActiepuntForm(ScopedModelForm):
    class Meta:
        model = Actiepunt
        fields = ["gremium", "vergadering", "omschrijving", "eigenaar", "deadline", "status"]
        widgets = {"deadline": DATE_INPUT, "omschrijving": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["vergadering"].queryset = Vergadering.objects.filter(
            gremium__samenwerkingsverband=self.samenwerkingsverband
        ).select_related("gremium")


class KnelpuntForm(ScopedModelForm):
    class Meta:
        model = Knelpunt
        fields = [
            "omschrijving",
            "ingebracht_door",
            "datum",
            "doorlopen_gremia",
            "geescaleerd_op",
            "oplossing",
            "opgelost_op",
        ]
        widgets = {
            "datum": DATE_INPUT,
            "geescaleerd_op": DATE_INPUT,
            "opgelost_op": DATE_INPUT,
            "doorlopen_gremia": forms.CheckboxSelectMultiple,
        }
        field_classes = {"doorlopen_gremia": PkMultipleChoiceField}

    def clean(self):
        cleaned = super().clean()
        datum, opgelost = cleaned.get("datum"), cleaned.get("opgelost_op")
        if datum and opgelost and opgelost < datum:
            self.add_error("opgelost_op", "Een knelpunt wordt pas na het inbrengen opgelost.")
        return cleaned


class StukForm(forms.ModelForm):
    """The file is checked by the shared upload rule of its field (regiekamer/uploads.py)."""

    class Meta:
        model = Stuk
        fields = ["agendapunt", "titel", "bestand", "verwijzing"]

    def __init__(self, *args, vergadering: Vergadering, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agendapunt"].queryset = vergadering.agendapunten.all()

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("bestand") and not cleaned.get("verwijzing"):
            raise ValidationError("Kies een bestand of geef een verwijzing op.")
        return cleaned


class GremiumForm(OptionalPrecisionMixin, forms.ModelForm):
    # Left empty: 'op de dag' with a date, 'datum onbekend' without one (Gremium.clean).
    precision_fields = ("ingesteld_precisie", "opgeheven_precisie")

    class Meta:
        model = Gremium
        fields = [
            "naam",
            "soort",
            "periode",
            "ingesteld",
            "ingesteld_precisie",
            "opgeheven",
            "opgeheven_precisie",
            "doel",
            "cadans",
            "vergaderingen_per_jaar",
            "voorzitter",
            "roulerende_locatie",
            "communicatie_vast_agendapunt",
            "uren_per_week_per_gemeente",
            "historisch",
            "bron",
        ]
        widgets = {
            "doel": forms.Textarea(attrs={"rows": 3}),
            "bron": forms.Textarea(attrs={"rows": 2}),
            "ingesteld": DATE_INPUT,
            "opgeheven": DATE_INPUT,
        }


LidmaatschapFormSet = inlineformset_factory(
    Gremium,
    Lidmaatschap,
    fields=["persoon", "rol", "vanaf", "tot"],
    widgets={"vanaf": DATE_INPUT, "tot": DATE_INPUT},
    extra=2,
    can_delete=True,
)


class PersoonForm(ScopedModelForm):
    """A person's details; the gemeente is one of the samenwerkingsverband's."""

    class Meta:
        model = Persoon
        fields = ["naam", "functie", "gemeente", "organisatie", "email"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.gemeente_id:  # a member from a gemeente of another samenwerkingsverband
            gemeente = self.fields["gemeente"]
            gemeente.queryset = gemeente.queryset.model.objects.filter(
                Q(pk__in=gemeente.queryset.values("pk")) | Q(pk=self.instance.gemeente_id)
            )
