from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.forms import inlineformset_factory

from partijen.models import Gemeente, Samenwerkingsverband
from regiekamer.forms import DATE_INPUT, GemeenteScopedFormSet, SamenwerkingsverbandScopedFormSet
from regiekamer.getallen import plausible_form

from .constants import Verdeelmethode
from .models import Budget, Budgetclaim, Verdeelsleutel, Verdeelsleutelaandeel


class VerdeelsleutelForm(forms.ModelForm):
    class Meta:
        model = Verdeelsleutel
        fields = ["vanaf_jaar", "tot_en_met_jaar", "methode", "peildatum", "bron"]
        widgets = {"peildatum": DATE_INPUT}

    def __init__(self, *args, samenwerkingsverband: Samenwerkingsverband, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.samenwerkingsverband = samenwerkingsverband

    def clean(self):
        cleaned = super().clean()
        vanaf = cleaned.get("vanaf_jaar")
        clash = Verdeelsleutel.objects.filter(
            samenwerkingsverband=self.instance.samenwerkingsverband, vanaf_jaar=vanaf
        ).exclude(pk=self.instance.pk)
        if vanaf and clash.exists():
            self.add_error("vanaf_jaar", "Er is al een verdeelsleutel vanaf dit jaar.")
        return cleaned


class BaseAandeelFormSet(GemeenteScopedFormSet):
    """Percentages per gemeente; a vastgestelde key must add up to exactly 100."""

    methode = None

    def clean(self):
        super().clean()
        if self.methode != Verdeelmethode.VASTGESTELD:
            return
        gemeenten, total = set(), Decimal("0")
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or data.get("percentage") is None:
                continue
            if data.get("gemeente") is None:  # an invalid gemeente has its own message
                continue
            if data["gemeente"] in gemeenten:
                raise ValidationError(f"{data['gemeente']} staat twee keer in de sleutel.")
            gemeenten.add(data["gemeente"])
            total += data["percentage"]
        if total != Decimal("100"):
            shown = f"{total:.2f}".replace(".", ",")
            raise ValidationError(
                f"De percentages tellen op tot {shown} %; dat moet precies 100 % zijn."
            )


AandeelFormSet = inlineformset_factory(
    Verdeelsleutel,
    Verdeelsleutelaandeel,
    formset=BaseAandeelFormSet,
    fields=["gemeente", "percentage"],
    extra=1,
    can_delete=True,
)

BudgetFormSet = inlineformset_factory(
    Samenwerkingsverband,
    Budget,
    form=plausible_form("bedrag"),
    formset=GemeenteScopedFormSet,
    fields=["gemeente", "jaar", "bedrag", "omschrijving"],
    extra=1,
    can_delete=True,
)

# A gemeente's own budgets, edited on the gemeente's page (also by an official of that gemeente).
GemeenteBudgetFormSet = inlineformset_factory(
    Gemeente,
    Budget,
    form=plausible_form("bedrag"),
    formset=SamenwerkingsverbandScopedFormSet,
    fields=["samenwerkingsverband", "jaar", "bedrag", "omschrijving"],
    extra=1,
    can_delete=True,
)

# The claims known to weigh on one budget (a gemeente, a year); an unknown amount stays empty.
BudgetclaimFormSet = inlineformset_factory(
    Budget,
    Budgetclaim,
    form=plausible_form("bedrag"),
    fields=["omschrijving", "bedrag", "bron"],
    extra=1,
    can_delete=True,
)
