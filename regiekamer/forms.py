from django import forms


class GemeenteScopedFormSet(forms.BaseInlineFormSet):
    """An inline formset whose ``gemeente`` choices are limited to the given gemeenten."""

    def __init__(self, *args, gemeenten=None, **kwargs):
        self.gemeenten = gemeenten
        super().__init__(*args, **kwargs)

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if self.gemeenten is not None and "gemeente" in form.fields:
            form.fields["gemeente"].queryset = self.gemeenten


class SamenwerkingsverbandScopedFormSet(forms.BaseInlineFormSet):
    """An inline formset of one gemeente's rows in several samenwerkingsverbanden: only the
    rows of the given samenwerkingsverbanden are shown, and only those can be chosen."""

    def __init__(self, *args, samenwerkingsverbanden=None, **kwargs):
        self.samenwerkingsverbanden = samenwerkingsverbanden
        super().__init__(*args, **kwargs)

    def get_queryset(self):
        queryset = super().get_queryset()
        if self.samenwerkingsverbanden is not None:
            queryset = queryset.filter(samenwerkingsverband__in=self.samenwerkingsverbanden)
        return queryset

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if self.samenwerkingsverbanden is not None and "samenwerkingsverband" in form.fields:
            form.fields["samenwerkingsverband"].queryset = self.samenwerkingsverbanden
