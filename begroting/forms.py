"""The form of one begrotingsjaar: its year, the adoption dates (planned or done) and the day
each step was done. The dates are checked against each other by ``kalender.datumfouten``."""

import re

from django import forms

from partijen.models import Samenwerkingsverband

from .kalender import datumfouten
from .models import Begrotingscyclus

DATUMVELDEN = [
    "vaststelling_begroting",
    "vaststelling_jaarrekening",
    "kaders_verzonden",
    "ontwerpbegroting_verzonden",
    "begroting_naar_gs",
    "voorlopige_jaarrekening_verzonden",
    "jaarrekening_naar_gs",
]

EERSTE_JAAR, LAATSTE_JAAR = 2000, 2100


class DatumField(forms.DateField):
    """A date typed the Dutch way (2-7-2026, 02-07-2026; also 2026-07-02) in a text box, shown
    as dd-mm-jjjj, whatever language the browser's date picker speaks."""

    widget = forms.DateInput(
        format="%d-%m-%Y",
        attrs={"placeholder": "dd-mm-jjjj", "inputmode": "numeric", "autocomplete": "off"},
    )
    input_formats = ["%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d"]
    default_error_messages = {"invalid": "Schrijf de datum als dd-mm-jjjj, bijvoorbeeld 2-7-2026."}

    def __init__(self, **kwargs):
        kwargs["input_formats"] = self.input_formats
        super().__init__(**kwargs)

    def to_python(self, value):
        try:
            return super().to_python(value)
        except forms.ValidationError:
            # Written the right way but no such day (31-2-2027): say so, not "write it as …".
            if isinstance(value, str) and re.fullmatch(r"\s*\d{1,2}[-/]\d{1,2}[-/]\d{4}\s*", value):
                raise forms.ValidationError(
                    f"{value.strip()} bestaat niet: kijk de dag en de maand na.", code="invalid"
                ) from None
            raise


class BegrotingscyclusForm(forms.ModelForm):
    class Meta:
        model = Begrotingscyclus
        fields = ["jaar", *DATUMVELDEN, "toelichting"]
        field_classes = {name: DatumField for name in DATUMVELDEN}
        widgets = {"toelichting": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "jaar": "Het jaar waarvoor de begroting dient, bijvoorbeeld 2027.",
            "kaders_verzonden": "De dag waarop de kaders naar de raden zijn gegaan.",
            "ontwerpbegroting_verzonden": "De dag waarop de ontwerpbegroting naar de raden ging.",
        }

    def __init__(self, *args, samenwerkingsverband: Samenwerkingsverband, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.samenwerkingsverband = samenwerkingsverband
        # A plain text box for the year: a number field would accept 2.027 or 2e3.
        self.fields["jaar"].widget = forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "off", "size": 6}
        )

    def clean_jaar(self):
        jaar = self.cleaned_data["jaar"]
        if not EERSTE_JAAR <= jaar <= LAATSTE_JAAR:
            raise forms.ValidationError(
                f"Kies een begrotingsjaar van {EERSTE_JAAR} tot en met {LAATSTE_JAAR}."
            )
        clash = Begrotingscyclus.objects.filter(
            samenwerkingsverband=self.instance.samenwerkingsverband, jaar=jaar
        ).exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(f"Voor {jaar} is er al een begrotingscyclus.")
        return jaar

    def clean(self):
        cleaned = super().clean()
        jaar = cleaned.get("jaar")
        if jaar is not None:
            datums = {name: cleaned.get(name) for name in DATUMVELDEN}
            for name, fout in datumfouten(jaar, datums).items():
                if name not in self.errors:
                    self.add_error(name, fout)
        return cleaned
