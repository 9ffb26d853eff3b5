from django import forms

from regiekamer.forms import DATE_INPUT

from .models import Raadsinformatiebrief


class RaadsinformatiebriefForm(forms.ModelForm):
    """A letter of one samenwerkingsverband; the gemeente is chosen once, when it is drafted."""

    class Meta:
        model = Raadsinformatiebrief
        fields = [
            "gemeente",
            "convenant",
            "plaats",
            "datum",
            "besluitdatum",
            "onderwerp",
            "kenmerk",
            "aanhef",
            "tekst",
            "slot",
            "gemeentesecretaris",
            "burgemeester",
        ]
        widgets = {
            "datum": DATE_INPUT,
            "besluitdatum": DATE_INPUT,
            "tekst": forms.Textarea(attrs={"rows": 18}),
        }

    def __init__(self, *args, samenwerkingsverband, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.samenwerkingsverband = samenwerkingsverband
        if self.instance.pk:
            del self.fields["gemeente"]
        else:
            self.fields["gemeente"].queryset = samenwerkingsverband.gemeenten.all()
        self.fields["convenant"].queryset = samenwerkingsverband.convenanten.all()
