"""The form of one begrotingsjaar: its year, the adoption dates (planned or done) and the day
each step was done. The year and the dates are checked by ``Begrotingscyclus.clean`` (which
asks ``kalender.datumfouten``), so the admin checks the same."""

from django import forms

from partijen.models import Samenwerkingsverband
from regiekamer.forms import DatumField

from .kalender import DATUMVELDEN
from .models import Begrotingscyclus


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
        clash = Begrotingscyclus.objects.filter(
            samenwerkingsverband=self.instance.samenwerkingsverband, jaar=jaar
        ).exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(f"Voor {jaar} is er al een begrotingscyclus.")
        return jaar
