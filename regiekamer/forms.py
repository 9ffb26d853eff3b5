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
