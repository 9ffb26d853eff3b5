from django import forms
from django.forms import inlineformset_factory

from regiekamer.forms import DATE_INPUT, PkMultipleChoiceField

from .constants import Kleurstatus
from .models import (
    Budgetpost,
    Doel,
    Opdracht,
    Programmaplan,
    Resultaat,
    Startantwoord,
    Voortgangsrapportage,
    Voortgangsregel,
)

SHORT_TEXT = forms.Textarea(attrs={"rows": 2})


class ProgrammaplanForm(forms.ModelForm):
    class Meta:
        model = Programmaplan
        fields = [
            "titel",
            "jaar_van",
            "jaar_tot",
            "versie",
            "datum",
            "van",
            "voor",
            "programmamanager",
            "kwartiermaker",
            "rapportage_interval_maanden",
            "aanleiding",
        ]
        widgets = {"datum": DATE_INPUT}

    def __init__(self, *args, samenwerkingsverband, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.samenwerkingsverband = samenwerkingsverband


DoelFormSet = inlineformset_factory(
    Programmaplan,
    Doel,
    fields=["nummer", "tekst"],
    widgets={"tekst": SHORT_TEXT},
    extra=1,
    can_delete=True,
)


class OpdrachtForm(forms.ModelForm):
    class Meta:
        model = Opdracht
        fields = [
            "titel",
            "omschrijving",
            "kaders",
            "beschikbare_documentatie",
            "financiering",
            "bedrag",
            "pm",
            "verantwoordelijk_uitvoerder",
            "samenstelling_uitvoerders",
            "personele_capaciteit",
            "relaties",
            "relatie_toelichting",
            "bedrijfsvoeringsaspecten",
            "start",
            "eind",
            "risicos",
            "te_controleren",
            "controle_opmerking",
        ]
        widgets = {
            "start": DATE_INPUT,
            "eind": DATE_INPUT,
            "relaties": forms.CheckboxSelectMultiple,
            **{
                name: SHORT_TEXT
                for name in (
                    "kaders",
                    "beschikbare_documentatie",
                    "financiering",
                    "samenstelling_uitvoerders",
                    "personele_capaciteit",
                    "relatie_toelichting",
                    "bedrijfsvoeringsaspecten",
                    "risicos",
                    "controle_opmerking",
                )
            },
        }

    STEP_FIELDS = ("titel", "start", "eind", "te_controleren", "controle_opmerking")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.hoofdopdracht_id:
            # A stap has its own title, planning and results; the rest is its hoofdopdracht's.
            for name in [n for n in self.fields if n not in self.STEP_FIELDS]:
                del self.fields[name]
            return
        self.fields["relaties"].queryset = (
            Opdracht.objects.of_plan(self.instance.thema.plan)
            .exclude(pk=self.instance.pk)
            .select_related("thema")
        )
        self.fields["relaties"].label_from_instance = lambda o: f"{o.code} {o.titel}"


ResultaatFormSet = inlineformset_factory(
    Opdracht,
    Resultaat,
    fields=["volgorde", "tekst", "geleverd", "geleverd_op"],
    widgets={"tekst": SHORT_TEXT, "geleverd_op": DATE_INPUT},
    extra=1,
    can_delete=True,
)


class StartbijeenkomstForm(forms.ModelForm):
    """The eleven questions of §3 for one opdracht, with the dates of meeting and approval."""

    class Meta:
        model = Opdracht
        fields = ["startbijeenkomst_op", "geaccordeerd_op"]
        widgets = {"startbijeenkomst_op": DATE_INPUT, "geaccordeerd_op": DATE_INPUT}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.vragen = list(self.instance.thema.plan.startvragen.all())
        self.antwoorden = {a.vraag_id: a for a in self.instance.startantwoorden.all()}
        for vraag in self.vragen:
            bestaand = self.antwoorden.get(vraag.pk)
            self.fields[f"vraag_{vraag.nummer}"] = forms.CharField(
                label=f"{vraag.nummer}. {vraag.tekst}",
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
                initial=bestaand.antwoord if bestaand else "",
            )

    def clean(self):
        cleaned = super().clean()
        gehouden, geaccordeerd = cleaned.get("startbijeenkomst_op"), cleaned.get("geaccordeerd_op")
        if geaccordeerd and not gehouden:
            self.add_error("startbijeenkomst_op", "Vul eerst de datum van de startbijeenkomst in.")
        elif geaccordeerd and gehouden and geaccordeerd < gehouden:
            self.add_error(
                "geaccordeerd_op", "De stuurgroep accordeert na de startbijeenkomst, niet ervoor."
            )
        return cleaned

    def save(self, commit=True):
        opdracht = super().save()
        for vraag in self.vragen:
            tekst = self.cleaned_data.get(f"vraag_{vraag.nummer}", "").strip()
            bestaand = self.antwoorden.get(vraag.pk)
            if bestaand is None and tekst:
                Startantwoord.objects.create(opdracht=opdracht, vraag=vraag, antwoord=tekst)
            elif bestaand is not None and bestaand.antwoord != tekst:
                bestaand.antwoord = tekst
                bestaand.save()
        return opdracht


class BudgetpostForm(forms.ModelForm):
    class Meta:
        model = Budgetpost
        fields = [
            "nummer",
            "omschrijving",
            "toelichting",
            "bedrag",
            "pm",
            "verplicht",
            "besteed",
            "opdrachten",
        ]
        widgets = {"toelichting": SHORT_TEXT, "opdrachten": forms.CheckboxSelectMultiple}
        field_classes = {"opdrachten": PkMultipleChoiceField}

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.plan = plan
        self.fields["opdrachten"].queryset = Opdracht.objects.of_plan(plan).select_related("thema")
        self.fields["opdrachten"].label_from_instance = lambda o: f"{o.code} {o.titel}"

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("pm") and cleaned.get("bedrag") is None and "bedrag" not in self.errors:
            self.add_error("bedrag", "Vul een bedrag in, of kies PM.")
        if cleaned.get("pm") and cleaned.get("bedrag") is not None:
            self.add_error("bedrag", "Een PM-post heeft (nog) geen bedrag.")
        for name in ("bedrag", "verplicht", "besteed"):
            value = cleaned.get(name)
            if value is not None and value < 0:
                self.add_error(name, "Een bedrag is niet negatief.")
        return cleaned


class RapportageDraftForm(forms.Form):
    peildatum = forms.DateField(label="Peildatum", widget=DATE_INPUT)
    periode = forms.CharField(
        label="Periode", max_length=100, help_text="Bijv. september–oktober 2021."
    )


class VoortgangsrapportageForm(forms.ModelForm):
    class Meta:
        model = Voortgangsrapportage
        fields = ["periode", "samenvatting"]
        widgets = {"samenvatting": forms.Textarea(attrs={"rows": 3})}


class BaseRegelFormSet(forms.BaseInlineFormSet):
    def get_queryset(self):
        if not hasattr(self, "_regels"):  # evaluated once, with the opdracht for each row's label
            self._regels = super().get_queryset().select_related("opdracht__thema")
        return self._regels

    def add_fields(self, form, index):
        super().add_fields(form, index)
        form.fields["kleurstatus"].choices = [("", "(geen)"), *Kleurstatus.choices]


VoortgangsregelFormSet = inlineformset_factory(
    Voortgangsrapportage,
    Voortgangsregel,
    formset=BaseRegelFormSet,
    fields=Voortgangsregel.REPORTED_FIELDS,
    widgets={
        "startdatum": DATE_INPUT,
        "realisatiedatum": DATE_INPUT,
        "bijgestelde_datum": DATE_INPUT,
        "toelichting": SHORT_TEXT,
    },
    extra=0,
    can_delete=False,
)
