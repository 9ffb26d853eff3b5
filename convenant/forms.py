from django import forms
from django.core.exceptions import ValidationError
from django.forms import inlineformset_factory

from regiekamer import access
from regiekamer.getallen import plausible_form

from .constants import ConvenantStatus
from .models import (
    Artikel,
    Artikelonderdeel,
    Convenant,
    Gemeente,
    Herijkingsmoment,
    Inwonertal,
    Ondertekenaar,
    Overweging,
    Samenwerkingsverband,
)

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class DeelnemersMixin:
    """A samenwerkingsverband's ``gemeenten``: an existing gemeente joins only if the user may
    bring it in (``access.may_attach_gemeente``: not one of another samenwerkingsverband);
    a gemeente may always leave. ``user`` is given to the form, or set on the class (admin)."""

    user = None

    def clean_gemeenten(self):
        gemeenten = self.cleaned_data["gemeenten"]
        before = (
            set(self.instance.gemeenten.values_list("pk", flat=True)) if self.instance.pk else set()
        )
        refused = [
            g
            for g in gemeenten
            if g.pk not in before and not access.may_attach_gemeente(self.user, g)
        ]
        if refused:
            raise ValidationError(
                [access.gemeente_refusal(g, "de gemeente toe te voegen") for g in refused]
            )
        return gemeenten


class SamenwerkingsverbandForm(DeelnemersMixin, forms.ModelForm):
    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    class Meta:
        model = Samenwerkingsverband
        fields = ["naam", "afkorting", "juridische_vorm", "domeinen", "gemeenten", "penvoerder"]
        widgets = {
            "domeinen": forms.CheckboxSelectMultiple,
            "gemeenten": forms.CheckboxSelectMultiple,
        }

    def clean(self):
        cleaned = super().clean()
        penvoerder, gemeenten = cleaned.get("penvoerder"), cleaned.get("gemeenten")
        if penvoerder and gemeenten is not None and penvoerder not in gemeenten:
            self.add_error("penvoerder", "De penvoerder moet een deelnemende gemeente zijn.")
        return cleaned

    def clean_afkorting(self):
        afkorting = self.cleaned_data["afkorting"].upper()
        clash = Samenwerkingsverband.objects.filter(afkorting=afkorting).exclude(
            pk=self.instance.pk
        )
        if clash.exists():
            raise ValidationError("Deze afkorting is al in gebruik.")
        return afkorting


class GemeenteForm(forms.ModelForm):
    """A gemeente's own data; its name only for who may rename it (not its official)."""

    class Meta:
        model = Gemeente
        fields = ["naam", "adres", "postcode", "plaats", "contactpersoon", "contact_email"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not access.may_rename_gemeente(user, self.instance):
            self.fields["naam"].disabled = True
            self.fields["naam"].help_text = (
                "Alleen de beheerder, of de regiegroep van elk samenwerkingsverband waaraan "
                "deze gemeente deelneemt, wijzigt de naam."
            )


InwonertalFormSet = inlineformset_factory(
    Gemeente,
    Inwonertal,
    form=plausible_form("aantal"),
    fields=["peildatum", "aantal", "bron"],
    widgets={"peildatum": DATE_INPUT},
    extra=1,
    can_delete=True,
)


class ConvenantForm(forms.ModelForm):
    class Meta:
        model = Convenant
        fields = [
            "titel",
            "samenwerkingsverband",
            "status",
            "dagtekening",
            "inwerkingtreding",
            "einddatum",
            "voorganger",
            "toelichting",
            "scan",
        ]
        widgets = {
            "dagtekening": DATE_INPUT,
            "inwerkingtreding": DATE_INPUT,
            "einddatum": DATE_INPUT,
            "toelichting": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        voorgangers = Convenant.objects.select_related("samenwerkingsverband")
        if self.instance.pk:
            voorgangers = voorgangers.exclude(pk=self.instance.pk)
            # A new version keeps its collaboration: it is the same agreement.
            if self.instance.versie > 1:
                self.fields["samenwerkingsverband"].disabled = True
        self.fields["voorganger"].queryset = voorgangers

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
    fields=["gemeente", "naam", "functie", "datum_collegebesluit"],
    widgets={"datum_collegebesluit": DATE_INPUT},
    extra=1,
    can_delete=True,
)
HerijkingsmomentFormSet = inlineformset_factory(
    Convenant,
    Herijkingsmoment,
    fields=["datum", "omschrijving"],
    widgets={"datum": DATE_INPUT},
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
