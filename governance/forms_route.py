"""Forms of the voorstellen with their route and of the process planning (issue 21)."""

from django import forms
from django.db.models import Q
from django.forms import BaseInlineFormSet, inlineformset_factory

from partijen.models import Gemeente
from regiekamer import vagedatum
from regiekamer.forms import DatumField

from .constants import Orgaan
from .forms import ScopedModelForm
from .models import Behandeling, Besluit, Procesplanning, Processtap, Voorstel

MAX_RIJEN = 100  # behandelingen of a voorstel, stappen of a planning, on one page


def _scope(form, sv) -> None:
    """Besluit and voorstel choices of this samenwerkingsverband only."""
    if "besluit" in form.fields:
        form.fields["besluit"].queryset = Besluit.objects.filter(
            gremium__samenwerkingsverband=sv
        ).select_related("gremium")
    if "voorstel" in form.fields:
        form.fields["voorstel"].queryset = Voorstel.objects.filter(samenwerkingsverband=sv)


class UniekPerVerbandMixin:
    """The samenwerkingsverband is not a field of the form but the page's: a name taken in it
    ("Er is al een voorstel met deze titel") is said by the form, not found by the database
    (which the page would report as saved meanwhile by someone else)."""

    def _get_validation_exclusions(self):
        return super()._get_validation_exclusions() - {"samenwerkingsverband"}


class VoorstelForm(UniekPerVerbandMixin, ScopedModelForm):
    route_college = forms.BooleanField(
        label="Langs het college van elke gemeente", required=False, initial=True
    )
    gepland_college = forms.CharField(
        label="Gepland in de colleges",
        required=False,
        max_length=200,
        help_text="Zoals het stuk het schrijft, bijv. '7 of 14 april 2015'.",
    )
    route_raad = forms.BooleanField(label="Langs de raad van elke gemeente", required=False)
    gepland_raad = forms.CharField(
        label="Gepland in de raden",
        required=False,
        max_length=200,
        help_text="Bijv. 'april/mei 2015' of 'februari/uiterlijk 23 maart 2015'.",
    )
    ROUTE_FIELDS = ("route_college", "gepland_college", "route_raad", "gepland_raad")

    class Meta:
        model = Voorstel
        fields = ["titel", "omschrijving", "gremium", "besluit", "bron"]
        widgets = {
            "omschrijving": forms.Textarea(attrs={"rows": 3}),
            "bron": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _scope(self, self.samenwerkingsverband)
        if self.instance.pk:  # the route of an existing voorstel is edited in its formset
            for name in self.ROUTE_FIELDS:
                del self.fields[name]

    def _gepland(self, orgaan: str) -> str:
        tekst = self.cleaned_data.get(f"gepland_{orgaan}", "")
        if tekst.strip():
            try:
                vagedatum.parse(tekst)
            except vagedatum.VageDatumFout as fout:
                self.add_error(f"gepland_{orgaan}", str(fout))
        return tekst

    def clean(self):
        cleaned = super().clean()
        if "route_college" in self.fields:
            self.route = {o: self._gepland(o) for o in Orgaan.values if cleaned.get(f"route_{o}")}
        return cleaned


class BehandelingForm(ScopedModelForm):
    class Meta:
        model = Behandeling
        fields = ["gemeente", "orgaan", "gepland", "datum", "uitkomst", "besluit", "toelichting"]
        field_classes = {"datum": DatumField}
        widgets = {
            "gepland": forms.TextInput(attrs={"size": 22}),
            "toelichting": forms.TextInput(),
        }
        help_texts = {"gepland": "Zoals geschreven, bijv. '7 of 14 april 2015'."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _scope(self, self.samenwerkingsverband)
        if self.instance.voorstel_id and "gemeente" in self.fields:
            # A gemeente that has left keeps its past behandeling (the model refuses it in a
            # new or changed row), so the voorstel stays editable.
            self.fields["gemeente"].queryset = (
                Gemeente.objects.filter(
                    Q(pk__in=self.samenwerkingsverband.gemeenten.values("pk"))
                    | Q(behandelingen__voorstel_id=self.instance.voorstel_id)
                )
                .distinct()
                .order_by("naam")
            )


class BaseBehandelingFormSet(BaseInlineFormSet):
    add_row_label = "Nog een behandeling"


BehandelingFormSet = inlineformset_factory(
    Voorstel,
    Behandeling,
    form=BehandelingForm,
    formset=BaseBehandelingFormSet,
    extra=0,
    can_delete=True,
    # A tampered TOTAL_FORMS (10000) is refused before thousands of rows are built.
    max_num=MAX_RIJEN,
    absolute_max=MAX_RIJEN,
    validate_max=True,
)


class ProcesplanningForm(UniekPerVerbandMixin, ScopedModelForm):
    class Meta:
        model = Procesplanning
        fields = ["naam", "jaar", "toelichting", "bron"]
        widgets = {
            "jaar": forms.TextInput(attrs={"inputmode": "numeric", "size": 6}),
            "toelichting": forms.Textarea(attrs={"rows": 3}),
            "bron": forms.Textarea(attrs={"rows": 2}),
        }


class ProcesstapForm(ScopedModelForm):
    class Meta:
        model = Processtap
        fields = ["volgorde", "fase", "stap", "gepland", "waar", "orgaan", "voorstel", "datum"]
        field_classes = {"datum": DatumField}
        widgets = {
            "volgorde": forms.TextInput(attrs={"inputmode": "numeric", "size": 3}),
            "fase": forms.TextInput(),
            "stap": forms.Textarea(attrs={"rows": 2}),
            "gepland": forms.TextInput(attrs={"size": 22}),
        }
        help_texts = {"gepland": "Zoals geschreven.", "orgaan": "", "waar": ""}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _scope(self, self.samenwerkingsverband)


class BaseProcesstapFormSet(BaseInlineFormSet):
    add_row_label = "Nog een stap"


ProcesstapFormSet = inlineformset_factory(
    Procesplanning,
    Processtap,
    form=ProcesstapForm,
    formset=BaseProcesstapFormSet,
    extra=1,
    can_delete=True,
    max_num=MAX_RIJEN,
    absolute_max=MAX_RIJEN,
    validate_max=True,
)
