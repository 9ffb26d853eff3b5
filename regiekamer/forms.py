import re

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm

from .datums import Datumprecisie

# A date as the browser's date picker sends it; shown the same way.
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class DatumField(forms.DateField):
    """A date typed the Dutch way (2-7-2026, 02-07-2026; also 2026-07-02) in a text box, shown
    as dd-mm-jjjj, whatever language the browser's date picker speaks (a ``type=date`` box
    shows mm/dd/yyyy in an English browser and garbles a typed 30-8-2016)."""

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
            if isinstance(value, str) and re.fullmatch(
                r"\s*[0-9]{1,2}[-/][0-9]{1,2}[-/][0-9]{4}\s*", value
            ):
                raise forms.ValidationError(
                    f"{value.strip()} bestaat niet: kijk de dag en de maand na.", code="invalid"
                ) from None
            raise


class OptionalPrecisionMixin:
    """A model form whose date precisions (``regiekamer.datums``), named in
    ``precision_fields``, may be left empty: an empty one reads 'op de dag' (the model's
    clean then decides, e.g. 'datum onbekend' for a gremium without a date)."""

    precision_fields: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.precision_fields:
            self.fields[name].required = False

    def clean(self):
        cleaned = super().clean()
        for name in self.precision_fields:
            if name not in self.errors and not cleaned.get(name):
                cleaned[name] = Datumprecisie.DAG
        return cleaned


# The largest primary key either database holds (a signed 64-bit integer).
MAX_PK = 2**63 - 1


class PkMultipleChoiceField(forms.ModelMultipleChoiceField):
    """A choice of several rows (checkboxes) whose sent values must be row numbers a database
    can hold before the database is asked: Django's own check sends them as they come, and
    SQLite answered a number beyond 64 bits with OverflowError (a 500; an attack review)."""

    def _check_values(self, value):
        if not self.to_field_name:
            for pk in value:
                text = str(pk)
                if not (text.isascii() and text.isdigit() and 0 < int(text) <= MAX_PK):
                    raise forms.ValidationError(
                        self.error_messages["invalid_pk_value"],
                        code="invalid_pk_value",
                        params={"pk": pk},
                    )
        return super()._check_values(value)


class RowsFormSet(forms.BaseInlineFormSet):
    """An inline formset that says in plain Dutch which rows clash: two rows with the same
    values where only one may be ("per gemeente en jaar één budget")."""

    def get_unique_error_message(self, unique_check):
        # The parent (the samenwerkingsverband of every row) is the same for all: not named.
        fields = [f for f in unique_check if f != self.fk.name] or list(unique_check)
        names = [str(self.model._meta.get_field(f).verbose_name) for f in fields]
        together = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]
        return (
            f"Twee rijen hebben dezelfde {together}; die combinatie mag maar één keer "
            "voorkomen. Pas de gemarkeerde rij aan of verwijder hem. Er is niets opgeslagen."
        )

    def get_form_error(self):
        return "Deze rij heeft dezelfde waarden als een rij erboven."


class GemeenteScopedFormSet(RowsFormSet):
    """An inline formset whose ``gemeente`` choices are limited to the given gemeenten."""

    def __init__(self, *args, gemeenten=None, **kwargs):
        self.gemeenten = gemeenten
        super().__init__(*args, **kwargs)

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if self.gemeenten is not None and "gemeente" in form.fields:
            form.fields["gemeente"].queryset = self.gemeenten


class SamenwerkingsverbandScopedFormSet(RowsFormSet):
    """An inline formset of one gemeente's rows in several samenwerkingsverbanden: only the
    rows of the given samenwerkingsverbanden are shown, and only those can be chosen."""

    def __init__(self, *args, samenwerkingsverbanden=None, **kwargs):
        self.samenwerkingsverbanden = samenwerkingsverbanden
        super().__init__(*args, **kwargs)

    def get_queryset(self):
        # Read once, as Django's own get_queryset is: each form of a stored row takes its
        # row from it (a new, filtered queryset per call would cost a query per row).
        if not hasattr(self, "_scoped_queryset"):
            queryset = super().get_queryset()
            if self.samenwerkingsverbanden is not None:
                queryset = queryset.filter(samenwerkingsverband__in=self.samenwerkingsverbanden)
            self._scoped_queryset = queryset
        return self._scoped_queryset

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if self.samenwerkingsverbanden is not None and "samenwerkingsverband" in form.fields:
            form.fields["samenwerkingsverband"].queryset = self.samenwerkingsverbanden


def share_choices(formset) -> None:
    """Read each select of rows (a gemeente, a convenant, a persoon) once for the formset.

    Every form of a formset has its own copy of the field and its queryset, so each row would
    run the same query to render its select. The choices are read from the first form and
    given to all; validation still checks a submitted value against the field's queryset.
    Call it once the formset's querysets are final (``FormsetMixin.get_formsets`` does).
    """
    shared = {}
    for form in formset.forms:
        for name, field in form.fields.items():
            # Not the hidden ones (a row's own id, its parent): they render no choices.
            if isinstance(field, forms.ModelChoiceField) and isinstance(
                field.widget, forms.widgets.ChoiceWidget
            ):
                if name not in shared:
                    shared[name] = list(field.choices)
                field.choices = shared[name]


class LoginForm(AuthenticationForm):
    """Django's login form, with the user name as typed in any case: an invited user's name is
    their e-mail address, which people type with capitals (``J.deVries@Weert.nl``). The name is
    replaced by the account's own before django-axes counts the attempt, so that every case of
    one name shares one lockout."""

    def clean(self):
        typed = (self.cleaned_data.get("username") or "").strip()
        if typed:
            user_model = get_user_model()
            field = user_model.USERNAME_FIELD
            names = list(
                user_model._default_manager.filter(**{f"{field}__iexact": typed}).values_list(
                    field, flat=True
                )[:2]
            )
            self.cleaned_data["username"] = names[0] if len(names) == 1 else typed
        return super().clean()
