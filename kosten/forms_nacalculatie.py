from django import forms

from formatie.models import Pakket
from partijen.models import Samenwerkingsverband

from .models import Voorschotregeling

# A year is typed as text (never type=number): "2026".
JAAR_INPUT = forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "size": 6})


class VoorschotregelingForm(forms.ModelForm):
    vanaf_jaar = forms.IntegerField(
        label="Vanaf jaar", min_value=1900, max_value=2200, widget=JAAR_INPUT
    )
    tot_en_met_jaar = forms.IntegerField(
        label="Tot en met jaar",
        min_value=1900,
        max_value=2200,
        required=False,
        widget=JAAR_INPUT,
        help_text="Leeg: zonder einde.",
    )

    class Meta:
        model = Voorschotregeling
        fields = ["pakket", "ontvanger", "vanaf_jaar", "tot_en_met_jaar", "toelichting"]

    def __init__(self, *args, samenwerkingsverband: Samenwerkingsverband, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.samenwerkingsverband = samenwerkingsverband
        self.fields["pakket"].queryset = Pakket.objects.filter(
            samenwerkingsverband=samenwerkingsverband
        ).order_by("volgorde", "naam")
        self.fields["pakket"].empty_label = "Alle kosten"
        self.fields["ontvanger"].queryset = samenwerkingsverband.gemeenten.order_by("naam")
        self.fields["ontvanger"].empty_label = f"{samenwerkingsverband.naam} zelf"

    def clean(self):
        cleaned = super().clean()
        vanaf, tot = cleaned.get("vanaf_jaar"), cleaned.get("tot_en_met_jaar")
        if vanaf and tot and tot < vanaf:
            self.add_error("tot_en_met_jaar", "Het eindjaar ligt vóór het beginjaar.")
        return cleaned
