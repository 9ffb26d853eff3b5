from django import forms
from django.core.exceptions import ValidationError
from django.forms import BaseInlineFormSet, inlineformset_factory

from regiekamer import access
from regiekamer.forms import DATE_INPUT, PkMultipleChoiceField
from regiekamer.getallen import plausible_form

from .models import Functionaris, Gemeente, Inwonertal, Samenwerkingsverband


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
        fields = [
            "naam",
            "afkorting",
            "juridische_vorm",
            "eigen_begroting",
            "domeinen",
            "gemeenten",
            "penvoerder",
        ]
        widgets = {
            "domeinen": forms.CheckboxSelectMultiple,
            "gemeenten": forms.CheckboxSelectMultiple,
        }
        field_classes = {"domeinen": PkMultipleChoiceField, "gemeenten": PkMultipleChoiceField}

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
        fields = [
            "naam",
            "adres",
            "postcode",
            "plaats",
            "logo",
            "contactpersoon",
            "contact_email",
            "email_raadspost",
        ]
        # The address a letter to the council is sent to: its addressee block (brieven/).
        labels = {
            "adres": "Adres voor raadspost (straat en huisnummer of postbus)",
            "postcode": "Postcode (raadspost)",
            "plaats": "Plaats (raadspost)",
        }

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


class BaseFunctionarisFormSet(BaseInlineFormSet):
    """A gemeente's burgemeester and gemeentesecretaris: one at a time (periods that overlap
    would leave open who signs a letter; an empty date counts as unbounded)."""

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        rows = [
            form
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE") and form.instance.naam
        ]
        for index, form in enumerate(rows):
            for earlier in rows[:index]:
                if form.instance.overlaps(earlier.instance):
                    form.add_error(
                        None,
                        f"{form.instance.naam} en {earlier.instance.naam} zijn in dezelfde "
                        f"periode {form.instance.get_functie_display()}; vul een begin- of "
                        "einddatum in zodat vaststaat wie op een datum ondertekent (een lege "
                        "datum geldt als onbegrensd).",
                    )


FunctionarisFormSet = inlineformset_factory(
    Gemeente,
    Functionaris,
    formset=BaseFunctionarisFormSet,
    fields=["functie", "naam", "vanaf", "tot", "bron"],
    widgets={"vanaf": DATE_INPUT, "tot": DATE_INPUT},
    extra=1,
    can_delete=True,
)
