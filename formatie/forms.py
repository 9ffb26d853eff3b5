from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.forms import inlineformset_factory

from partijen.models import Samenwerkingsverband
from regiekamer.forms import DATE_INPUT, GemeenteScopedFormSet
from regiekamer.getallen import (
    BEDRAG,
    FTE,
    PERCENTAGE,
    GetalField,
    GetalInput,
    PlausibilityMixin,
    plausible_form,
)

from .bezetting import Celwijziging, same
from .constants import Pakketsoort, Pakketverdeling
from .models import Fase, Pakket, Pakketdeelname, Rol, Salarisschaal, Werkgroep

# Above any value a cell can hold (max_digits 12, two decimals): a hidden "opened with" value
# beyond it was not rendered by this page.
OUD_GRENS = Decimal(10) ** 10


def _number_field(label: str, heeft_fte: bool) -> GetalField:
    """A grid cell: fte (``0,50``) or, for a rol paid per fase, euros (``20.000``)."""
    return GetalField(
        label=label,
        required=False,
        min_value=Decimal("0"),
        max_digits=5 if heeft_fte else 12,
        decimal_places=2,
        kind=FTE if heeft_fte else BEDRAG,
        widget=GetalInput(
            FTE if heeft_fte else BEDRAG, attrs={"size": 6 if heeft_fte else 9, "aria-label": label}
        ),
    )


def _shown(value) -> str:
    return "" if value is None else str(value)


class BezettingRowForm(forms.Form):
    """One row of the grid: a rol's basisformatie and its value per fase.

    Each cell also carries, hidden, the value it had when the page was opened, so a save over
    another official's change can be detected cell by cell.
    """

    def __init__(self, *args, rol: Rol, fasen: list[Fase], **kwargs):
        super().__init__(*args, **kwargs)
        self.rol, self.fasen = rol, fasen
        values = {b.fase_id: b.waarde for b in rol.bezettingen.all()}
        # Which rol this row was rendered for: rows are matched by position.
        self.fields["rol_id"] = forms.IntegerField(widget=forms.HiddenInput, initial=rol.pk)
        if rol.heeft_fte:
            self.fields["basisformatie"] = _number_field(f"{rol.naam}: basisformatie", True)
            self.fields["basisformatie"].initial = rol.basisformatie
            self.fields["oud_basisformatie"] = forms.CharField(
                required=False, widget=forms.HiddenInput, initial=_shown(rol.basisformatie)
            )
        for fase in fasen:
            name = f"fase_{fase.pk}"
            self.fields[name] = _number_field(f"{rol.naam}: {fase.naam}", rol.heeft_fte)
            self.fields[name].initial = values.get(fase.pk)
            self.fields[f"oud_{name}"] = forms.CharField(
                required=False, widget=forms.HiddenInput, initial=_shown(values.get(fase.pk))
            )

    def columns(self) -> list[tuple[str, Fase | None]]:
        """The visible fields' names in column order, with their fase (None: basisformatie)."""
        basis = [("basisformatie", None)] if self.rol.heeft_fte else []
        return basis + [(f"fase_{f.pk}", f) for f in self.fasen]

    def cells(self):
        """The visible fields in column order, for the template."""
        return [self[name] for name, _fase in self.columns()]

    @staticmethod
    def _old(value: str) -> Decimal | None:
        return Decimal(value) if value not in ("", None) else None

    def wijzigingen(self) -> dict[str, Celwijziging]:
        """The cells the user changed (by field name): their value differs from the one the
        page was opened with. A valid form only."""
        data, changed = self.cleaned_data, {}
        for name, fase in self.columns():
            oud, nieuw = self._old(data.get(f"oud_{name}")), data.get(name)
            if not same(oud, nieuw):
                changed[name] = Celwijziging(self.rol.pk, fase.pk if fase else None, oud, nieuw)
        return changed

    def clean(self):
        cleaned = super().clean()
        for key, value in cleaned.items():
            if key.startswith("oud_") and value:
                try:
                    oud = Decimal(value)
                    # NaN would compare as a change; a value no cell can hold (1e999999999)
                    # would be written out digit by digit in the conflict message.
                    plausible = oud.is_finite() and abs(oud) < OUD_GRENS
                except ArithmeticError:
                    plausible = False
                if not plausible:
                    raise ValidationError("De pagina is beschadigd; laad haar opnieuw.")
        return cleaned


ROWS_SHIFTED = (
    "Niet opgeslagen: er is sinds het openen van deze pagina een rol toegevoegd of verwijderd. "
    "Hieronder staat de bezetting zoals die nu is; voer uw wijziging nogmaals in."
)


class BaseBezettingGridFormSet(forms.BaseFormSet):
    # The grid's rows are matched by position: when the rollen changed since the page was
    # opened, the posted rows belong to other rollen and the page must start afresh.
    rows_shifted = False

    def __init__(self, *args, rollen, fasen, **kwargs):
        self.rollen, self.fasen = rollen, fasen
        super().__init__(*args, **kwargs)

    def total_form_count(self):
        return len(self.rollen)

    def initial_form_count(self):
        # Every row is an existing rol: validate it even when unchanged (not an "extra" form).
        return len(self.rollen)

    def get_form_kwargs(self, index):
        return {"rol": self.rollen[index], "fasen": self.fasen}

    def wijzigingen(self) -> list[Celwijziging]:
        """Every cell the user changed, for ``save_bezetting_grid``. A valid formset only."""
        return [w for form in self.forms for w in form.wijzigingen().values()]

    def data_on(self, current: "BaseBezettingGridFormSet"):
        """This (valid) formset's data brought onto ``current``, an unbound grid of the values
        in the database now: the cells the user changed keep the user's input, every other
        cell shows its current value, and every cell is marked as opened with its current
        value, so a second save changes only what the user typed, never another's edit."""
        data = self.data.copy()
        mine = {form.rol.pk: form.wijzigingen() for form in self.forms}
        for form in current:
            for name, _fase in form.columns():
                value = form[name].value()
                data[form.add_prefix(f"oud_{name}")] = form[f"oud_{name}"].value()
                if name not in mine.get(form.rol.pk, {}):
                    data[form.add_prefix(name)] = form.fields[name].widget.format_value(value) or ""
        return data

    def clean(self):
        super().clean()
        posted = self.data.get(self.add_prefix("TOTAL_FORMS")) if self.is_bound else None
        shifted = posted is not None and posted != str(len(self.rollen))
        shifted = shifted or any(
            form.cleaned_data.get("rol_id") != form.rol.pk for form in self.forms if form.is_valid()
        )
        self.rows_shifted = shifted
        if shifted:
            raise ValidationError(ROWS_SHIFTED)


BezettingGridFormSet = forms.formset_factory(
    BezettingRowForm, formset=BaseBezettingGridFormSet, extra=0
)


def bezetting_grid(overzicht, data=None) -> BaseBezettingGridFormSet:
    """The grid of a ``Bezettingsoverzicht``, its rows in the order the page shows them."""
    rollen = [r.rol for r in overzicht.structureel + overzicht.overig + overzicht.vast]
    return BezettingGridFormSet(data, rollen=rollen, fasen=overzicht.fasen, prefix="grid")


def unique_naam(form, model, message: str) -> str:
    """The form's ``naam``, stripped; refused when another row of the samenwerkingsverband
    has it (in any case). The form's instance knows its samenwerkingsverband."""
    naam = form.cleaned_data["naam"].strip()
    clash = model.objects.filter(
        samenwerkingsverband=form.instance.samenwerkingsverband, naam__iexact=naam
    ).exclude(pk=form.instance.pk)
    if clash.exists():
        raise ValidationError(message)
    return naam


BASISPAKKET_KEUZE = "Basispakket (verdeelsleutel, alle gemeenten)"


class RolForm(PlausibilityMixin, forms.ModelForm):
    plausibility_fields = ("basisformatie",)

    class Meta:
        model = Rol
        fields = [
            "naam",
            "naam_in_kostentabel",
            "volgorde",
            "kostensoort",
            "schaal",
            "uurtarief",
            "uren_per_fte_per_maand",
            "leverende_gemeente",
            "pakket",
            "structureel",
            "basisformatie",
            "opmerking",
            "omschrijving",
        ]
        widgets = {"omschrijving": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, samenwerkingsverband: Samenwerkingsverband, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.samenwerkingsverband = samenwerkingsverband
        self.fields["leverende_gemeente"].queryset = samenwerkingsverband.gemeenten.all()
        pakketten = Pakket.objects.filter(samenwerkingsverband=samenwerkingsverband)
        if pakketten.exists() or self.instance.pakket_id:
            # Only this samenwerkingsverband's pakketten are offered, and accepted.
            self.fields["pakket"].queryset = pakketten
            self.fields["pakket"].empty_label = BASISPAKKET_KEUZE
        else:  # nothing to choose: every rol is in the basispakket
            del self.fields["pakket"]

    def clean_naam(self):
        return unique_naam(self, Rol, "Er is al een rol met deze naam.")


class PakketForm(forms.ModelForm):
    class Meta:
        model = Pakket
        fields = ["naam", "soort", "verdeling", "peildatum", "omschrijving", "bron", "volgorde"]
        widgets = {"peildatum": DATE_INPUT, "omschrijving": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, samenwerkingsverband: Samenwerkingsverband, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.samenwerkingsverband = samenwerkingsverband
        self.fields["verdeling"].choices = [
            ("", "— (basispakket: de verdeelsleutel)"),
            *Pakketverdeling.choices,
        ]

    def clean_naam(self):
        return unique_naam(self, Pakket, "Er is al een pakket met deze naam.")


def _jaren(deelname: dict) -> str:
    vanaf, tot = deelname.get("vanaf_jaar"), deelname.get("tot_en_met_jaar")
    if vanaf and tot:
        return f"{vanaf}–{tot}" if vanaf != tot else str(vanaf)
    if vanaf:
        return f"vanaf {vanaf}"
    return f"tot en met {tot}" if tot else "alle jaren"


def _overlap(a: dict, b: dict) -> bool:
    low = max(a.get("vanaf_jaar") or 0, b.get("vanaf_jaar") or 0)
    high = min(a.get("tot_en_met_jaar") or 9999, b.get("tot_en_met_jaar") or 9999)
    return low <= high


class BasePakketdeelnameFormSet(GemeenteScopedFormSet):
    """The deelnemers of a pakket per begrotingsjaar: only gemeenten of the
    samenwerkingsverband, and one gemeente's periods may not overlap. A basispakket has none
    (all gemeenten take it); 'geheel voor één gemeente' has one deelnemer a year.

    ``pakket``: the pakket as the main form leaves it (``prepare_formsets``); the admin's
    inline has it as its instance."""

    add_row_label = "Deelnemer toevoegen"  # includes/formset.html, js/formset.js
    pakket = None

    def rows(self) -> list[dict]:
        return [
            form.cleaned_data
            for form in self.forms
            if form.cleaned_data
            and not form.cleaned_data.get("DELETE")
            and form.cleaned_data.get("gemeente")
        ]

    def clean(self):
        super().clean()
        pakket = self.pakket or self.instance
        rows = self.rows()
        sv_id = pakket.samenwerkingsverband_id
        if sv_id is not None and rows:
            eigen = set(Samenwerkingsverband.gemeenten.through.objects.filter(
                samenwerkingsverband_id=sv_id
            ).values_list("gemeente_id", flat=True))  # fmt: skip
            for row in rows:
                if row["gemeente"].pk not in eigen:
                    raise ValidationError(
                        f"{row['gemeente']} neemt geen deel aan dit samenwerkingsverband."
                    )
        if pakket.soort == Pakketsoort.BASIS and rows:
            raise ValidationError(
                "Een basispakket neemt iedere gemeente af, volgens de verdeelsleutel: laat de "
                "deelnemers leeg, of kies soort pluspakket."
            )
        for i, a in enumerate(rows):
            for b in rows[i + 1 :]:
                if a["gemeente"] == b["gemeente"] and _overlap(a, b):
                    raise ValidationError(
                        f"{a['gemeente']} staat twee keer in dezelfde jaren "
                        f"({_jaren(a)} en {_jaren(b)}): de perioden overlappen."
                    )
        if pakket.verdeling == Pakketverdeling.EEN:
            self.check_een(rows)

    def check_een(self, rows: list[dict]) -> None:
        if not rows:
            raise ValidationError(
                "Bij 'geheel voor één gemeente' noemt u die gemeente als deelnemer."
            )
        for i, a in enumerate(rows):
            for b in rows[i + 1 :]:
                if a["gemeente"] != b["gemeente"] and _overlap(a, b):
                    raise ValidationError(
                        f"Bij 'geheel voor één gemeente' neemt per jaar één gemeente deel; "
                        f"{a['gemeente']} ({_jaren(a)}) en {b['gemeente']} ({_jaren(b)}) "
                        "vallen samen."
                    )


PakketdeelnameFormSet = inlineformset_factory(
    Pakket,
    Pakketdeelname,
    formset=BasePakketdeelnameFormSet,
    fields=["gemeente", "vanaf_jaar", "tot_en_met_jaar"],
    extra=1,
    can_delete=True,
)


class FaseAdminForm(forms.ModelForm):
    """One fase edited on its own: it may not overlap the stored fasen."""

    class Meta:
        model = Fase
        fields = ["samenwerkingsverband", "convenant", "naam", "begin", "eind"]

    def clean(self):
        cleaned = super().clean()
        sv = cleaned.get("samenwerkingsverband")
        probe = Fase(
            pk=self.instance.pk,
            samenwerkingsverband_id=sv.pk if sv else None,
            begin=cleaned.get("begin"),
            eind=cleaned.get("eind"),
        )
        overlap = probe.find_overlap()
        if overlap is not None:
            raise ValidationError(f"Deze fase overlapt met {overlap}.")
        return cleaned


class BaseFaseFormSet(forms.BaseInlineFormSet):
    """Fasen of one samenwerkingsverband: whole months, and no two may overlap."""

    def clean(self):
        super().clean()
        periods = []
        for form in self.forms:
            if not form.cleaned_data or form.cleaned_data.get("DELETE"):
                continue
            begin, eind = form.cleaned_data.get("begin"), form.cleaned_data.get("eind")
            if begin and eind:
                periods.append((begin, eind, form.cleaned_data.get("naam")))
        periods.sort()
        for (_b1, e1, n1), (b2, _e2, n2) in zip(periods, periods[1:], strict=False):
            if b2 <= e1:
                raise ValidationError(f"De fasen {n1} en {n2} overlappen.")


class FaseForm(forms.ModelForm):
    class Meta:
        model = Fase
        fields = ["naam", "begin", "eind", "convenant"]
        widgets = {"begin": DATE_INPUT, "eind": DATE_INPUT}


FaseFormSet = inlineformset_factory(
    Samenwerkingsverband, Fase, form=FaseForm, formset=BaseFaseFormSet, extra=1, can_delete=True
)


class SalarisschaalForm(forms.ModelForm):
    class Meta:
        model = Salarisschaal
        fields = ["schaal", "jaar", "jaarkosten_per_fte"]

    def save(self, commit=True):
        # An amount changed by hand is typed, no longer indexed (Nieuw begrotingsjaar).
        if "jaarkosten_per_fte" in self.changed_data:
            self.instance.indexatie, self.instance.bron = None, ""
        return super().save(commit)


SalarisschaalFormSet = inlineformset_factory(
    Samenwerkingsverband,
    Salarisschaal,
    form=plausible_form("jaarkosten_per_fte", base=SalarisschaalForm),
    extra=1,
    can_delete=True,
)

WerkgroepFormSet = inlineformset_factory(
    Samenwerkingsverband,
    Werkgroep,
    fields=["naam", "soort", "uren_per_week_per_gemeente", "omschrijving"],
    widgets={"omschrijving": forms.TextInput()},
    extra=1,
    can_delete=True,
)


def _amount_field(label: str, max_digits: int, decimal_places: int, kind: str = BEDRAG):
    return GetalField(
        kind=kind,
        label=label,
        required=False,
        min_value=Decimal("0"),
        max_digits=max_digits,
        decimal_places=decimal_places,
        widget=GetalInput(kind, attrs={"size": 10}),
    )


class BegrotingsjaarForm(forms.Form):
    """The amounts of one begrotingsjaar: an index percentage with its source for every
    amount not typed, and a typed amount per row (see ``formatie.begrotingsjaar``)."""

    percentage = _amount_field("Indexatie (%)", 6, 3, PERCENTAGE)
    bron = forms.CharField(
        label="Bron van de indexatie",
        required=False,
        max_length=200,
        help_text="Bijvoorbeeld CAO Gemeenten 2027 of loonvoet sector overheid.",
    )

    def __init__(self, *args, regels, **kwargs):
        super().__init__(*args, **kwargs)
        self.regels = regels
        for regel in regels:
            field = _amount_field(regel.naam, 10 if regel.key.startswith("schaal") else 8, 2)
            field.widget.attrs["aria-label"] = f"{regel.naam}: bedrag"
            self.fields[f"bedrag_{regel.key}"] = field

    def rows(self):
        return [(regel, self[f"bedrag_{regel.key}"]) for regel in self.regels]

    def clean(self):
        cleaned = super().clean()
        percentage, bron = cleaned.get("percentage"), (cleaned.get("bron") or "").strip()
        if percentage is not None and not bron:
            self.add_error("bron", "Noem de bron van het percentage, bijvoorbeeld de CAO.")
        if percentage is not None and percentage <= -100:
            self.add_error("percentage", "Een indexatie ligt boven de -100%.")
        typed = {r.key: cleaned.get(f"bedrag_{r.key}") for r in self.regels}
        if percentage is None and all(v is None for v in typed.values()) and not self.errors:
            raise ValidationError("Vul een indexatiepercentage of een bedrag in.")
        cleaned["bron"], cleaned["getypt"] = bron, typed
        return cleaned
