"""The forms of the scenario pages (H6): making a scenario, its naam and toelichting, its
gemeenten and its own inwonertallen (never a real figure)."""

from django import forms
from django.forms import BaseInlineFormSet, inlineformset_factory

from partijen.models import Inwonertal, Samenwerkingsverband
from regiekamer.forms import DATE_INPUT
from regiekamer.getallen import plausible_form

from .maak import check_afkorting


class ScenarioMakenForm(forms.Form):
    naam = forms.CharField(
        label="Naam",
        max_length=200,
        help_text="Bijvoorbeeld: Midden-Limburg (7 gemeenten).",
        error_messages={"required": "Geef het scenario een naam."},
    )
    afkorting = forms.CharField(
        label="Afkorting",
        max_length=20,
        help_text="Uniek, letters en cijfers (bijvoorbeeld ML7); staat in adressen en opdrachten.",
        error_messages={"required": "Geef het scenario een afkorting."},
    )
    toelichting = forms.CharField(
        label="Toelichting",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Welke vraag het scenario beantwoordt en waar de cijfers vandaan komen.",
    )

    def clean_afkorting(self):
        return check_afkorting(self.cleaned_data["afkorting"])


class ScenarioForm(forms.ModelForm):
    """A scenario's naam and toelichting (its afkorting stays: addresses and commands use it)."""

    class Meta:
        model = Samenwerkingsverband
        fields = ["naam", "toelichting"]
        widgets = {"toelichting": forms.Textarea(attrs={"rows": 4})}


class GemeenteToevoegenForm(forms.Form):
    naam = forms.CharField(
        label="Gemeente toevoegen",
        max_length=100,
        help_text="Een bestaande gemeente bij naam, of de naam van een nieuwe gemeente.",
        error_messages={"required": "Geef de naam van de gemeente."},
    )

    def clean_naam(self):
        return " ".join(self.cleaned_data["naam"].split())


class BaseScenarioInwonertalFormSet(BaseInlineFormSet):
    """The scenario's own figures: only its rows can be opened (a forged id of a real figure or
    another scenario's is refused), only its gemeenten can be chosen, and a gemeente has one
    figure per peildatum."""

    add_row_label = "Inwonertal toevoegen"

    def __init__(self, *args, queryset=None, **kwargs):
        # The default manager holds the real figures only: read the scenario's own rows.
        super().__init__(
            *args, queryset=Inwonertal.alle.order_by("gemeente__naam", "-peildatum"), **kwargs
        )

    def add_fields(self, form, index):
        super().add_fields(form, index)
        own = Inwonertal.alle.filter(scenario=self.instance) if self.instance.pk else None
        form.fields["id"].queryset = own if own is not None else Inwonertal.alle.none()
        form.fields["gemeente"].queryset = self.instance.gemeenten.all()

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        seen = set()
        for form in self.forms:
            data = form.cleaned_data
            if not data or data.get("DELETE") or not data.get("gemeente"):
                continue
            key = (data["gemeente"].pk, data.get("peildatum"))
            if key in seen:
                form.add_error(
                    None,
                    f"{data['gemeente'].naam} heeft in dit scenario al een inwonertal op "
                    f"{data['peildatum']:%d-%m-%Y}.",
                )
            seen.add(key)


ScenarioInwonertalFormSet = inlineformset_factory(
    Samenwerkingsverband,
    Inwonertal,
    formset=BaseScenarioInwonertalFormSet,
    fk_name="scenario",
    form=plausible_form("aantal"),
    fields=["gemeente", "peildatum", "aantal", "bron"],
    widgets={"peildatum": DATE_INPUT},
    extra=1,
    can_delete=True,
)
