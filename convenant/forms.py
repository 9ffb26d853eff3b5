from django import forms
from django.core.exceptions import ValidationError
from django.forms import inlineformset_factory

from regiekamer.datums import Datumprecisie
from regiekamer.forms import DATE_INPUT, OptionalPrecisionMixin

from .constants import ConvenantStatus
from .models import (
    Artikel,
    Artikelonderdeel,
    Convenant,
    Herijkingsmoment,
    Ondertekenaar,
    Overweging,
)

# The document's own words around its parties and articles: part of the signed text.
DOCUMENT_WORDS = ["kop", "ondertitel", "aanhef", "begripsbepaling", "kop_artikelen"]


class ConvenantForm(OptionalPrecisionMixin, forms.ModelForm):
    # Left out, a dagtekening is exact to the day.
    precision_fields = ("dagtekening_precisie",)

    class Meta:
        model = Convenant
        fields = [
            "titel",
            "samenwerkingsverband",
            "status",
            "dagtekening",
            "dagtekening_precisie",
            "inwerkingtreding",
            "opmerking_inwerkingtreding",
            "einddatum",
            "voorganger",
            "toelichting",
            "zonder_tekst",
            "bron",
            *DOCUMENT_WORDS,
            "scan",
        ]
        widgets = {
            "dagtekening": DATE_INPUT,
            "inwerkingtreding": DATE_INPUT,
            "einddatum": DATE_INPUT,
            "opmerking_inwerkingtreding": forms.Textarea(attrs={"rows": 3}),
            "toelichting": forms.Textarea(attrs={"rows": 3}),
            "aanhef": forms.Textarea(attrs={"rows": 2}),
            "begripsbepaling": forms.Textarea(attrs={"rows": 2}),
        }

    ondertekening_bevestigd = forms.BooleanField(
        label="Ja, ondertekenen",
        required=False,
        help_text="Alleen nodig wanneer u de status op Ondertekend zet: daarna ligt de tekst vast "
        "en kan de status niet terug naar concept (een wijziging wordt een nieuwe versie).",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dagtekening_precisie"].label = "Nauwkeurigheid van de dagtekening"
        voorgangers = Convenant.objects.select_related("samenwerkingsverband")
        if self.instance.pk:
            voorgangers = voorgangers.exclude(pk=self.instance.pk)
            # A new version keeps its collaboration: it is the same agreement.
            if self.instance.versie > 1:
                self.fields["samenwerkingsverband"].disabled = True
        self.fields["voorganger"].queryset = voorgangers

    def clean(self):
        cleaned = super().clean()
        if self.signs_now(cleaned) and not cleaned.get("ondertekening_bevestigd"):
            self.add_error(
                "ondertekening_bevestigd",
                "Bevestig de ondertekening: daarna ligt de tekst vast en kan de status niet "
                "terug naar concept.",
            )
        if not self.instance.is_text_locked():
            return cleaned
        saved = Convenant.objects.get(pk=self.instance.pk)
        if cleaned.get("zonder_tekst"):
            self.add_error("zonder_tekst", Convenant.LOCKED_MESSAGE)
        for field in DOCUMENT_WORDS:
            # What the signed document says may be recorded when it was missing, not changed.
            before = getattr(saved, field)
            if field in cleaned and before and cleaned[field] != before:
                self.add_error(field, Convenant.LOCKED_MESSAGE)
        return cleaned

    def signs_now(self, cleaned) -> bool:
        """The form sets the status to Ondertekend on a convenant not signed before (as
        stored: a status changed in memory does not count)."""
        if cleaned.get("status") != ConvenantStatus.ONDERTEKEND:
            return False
        if self.instance.pk is None:
            return True
        stored = Convenant.objects.filter(pk=self.instance.pk).values_list("status", flat=True)
        return stored.first() != ConvenantStatus.ONDERTEKEND

    def clean_status(self):
        status = self.cleaned_data["status"]
        if self.instance.is_text_locked() and status != ConvenantStatus.ONDERTEKEND:
            raise ValidationError(
                "Een ondertekend convenant blijft ondertekend. "
                "Maak een nieuwe versie om een wijziging op te stellen."
            )
        return status


class LockedTextFormSet(forms.BaseInlineFormSet):
    """Rows that make up a convenant's text: refused once the convenant is signed."""

    def clean(self):
        super().clean()
        convenant = self.instance
        if convenant.pk and convenant.is_text_locked() and self.has_changed():
            raise ValidationError(convenant.LOCKED_MESSAGE)


OverwegingFormSet = inlineformset_factory(
    Convenant,
    Overweging,
    formset=LockedTextFormSet,
    fields=["letter", "tekst"],
    widgets={"tekst": forms.Textarea(attrs={"rows": 3})},
    extra=1,
    can_delete=True,
)
OndertekenaarFormSet = inlineformset_factory(
    Convenant,
    Ondertekenaar,
    formset=LockedTextFormSet,
    fields=["gemeente", "aanspreekvorm", "naam", "functie", "datum_collegebesluit"],
    widgets={"datum_collegebesluit": DATE_INPUT},
    extra=1,
    can_delete=True,
)


class HerijkingsmomentForm(forms.ModelForm):
    """A moment as the document says it: its soort and its date as exact as the document
    ("medio 2018" is medio with 1-7-2018). A moment always has a date: no 'onbekend'."""

    class Meta:
        model = Herijkingsmoment
        fields = ["soort", "datum", "datum_precisie", "omschrijving"]
        widgets = {"datum": DATE_INPUT}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["datum_precisie"]
        field.choices = [c for c in field.choices if c[0] != Datumprecisie.ONBEKEND]


HerijkingsmomentFormSet = inlineformset_factory(
    Convenant,
    Herijkingsmoment,
    form=HerijkingsmomentForm,
    extra=1,
    can_delete=True,
)


class ArtikelForm(forms.ModelForm):
    class Meta:
        model = Artikel
        fields = ["nummer", "tekst", "slottekst"]
        widgets = {
            "tekst": forms.Textarea(attrs={"rows": 4}),
            "slottekst": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, convenant=None, **kwargs):
        super().__init__(*args, **kwargs)
        if convenant is not None:
            self.instance.convenant = convenant

    def clean(self):
        cleaned = super().clean()
        convenant = self.instance.convenant
        if convenant.is_text_locked():
            raise ValidationError(convenant.LOCKED_MESSAGE)
        nummer = cleaned.get("nummer")
        others = convenant.artikelen.exclude(pk=self.instance.pk)
        if nummer is not None and others.filter(nummer=nummer).exists():
            self.add_error("nummer", "Dit convenant heeft al een artikel met dit nummer.")
        return cleaned


ArtikelonderdeelFormSet = inlineformset_factory(
    Artikel,
    Artikelonderdeel,
    fields=["letter", "tekst"],
    widgets={"tekst": forms.Textarea(attrs={"rows": 3})},
    extra=1,
    can_delete=True,
)
