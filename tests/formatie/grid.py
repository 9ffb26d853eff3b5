"""Post the bezetting grid as a browser would: every cell as rendered, some changed."""

from django.urls import reverse


def bezetting_url(code="MLW"):
    return reverse("formatie:bezetting", args=[code])


def _formset(page):
    """The grid of a rendered page, or the grid itself (see ``formatie.forms.bezetting_grid``)."""
    return page.context["formset"] if hasattr(page, "context") else page


def grid_data(response) -> dict:
    """The form data a browser would send for the grid as rendered in ``response``."""
    formset = _formset(response)
    data = {
        f"{formset.prefix}-TOTAL_FORMS": str(formset.total_form_count()),
        f"{formset.prefix}-INITIAL_FORMS": str(formset.initial_form_count()),
    }
    for form in formset:
        for name, field in form.fields.items():
            value = form[name].value()
            if value is None:
                text = ""
            elif isinstance(value, str) or field.widget.is_hidden:
                text = str(value)  # typed input as it was sent; hidden cells carry the raw value
            else:
                text = field.widget.format_value(value)  # shown the Dutch way: 20.000, 0,50
            data[form.add_prefix(name)] = text
    return data


def cell(response, rol: str, kolom: str) -> str:
    """The form key of a grid cell, by rol name and column ('basisformatie' or a fase name)."""
    formset = _formset(response)
    for form in formset:
        if form.rol.naam == rol:
            if kolom == "basisformatie":
                return form.add_prefix("basisformatie")
            fase = next(f for f in form.fasen if f.naam == kolom)
            return form.add_prefix(f"fase_{fase.pk}")
    raise KeyError(rol)
