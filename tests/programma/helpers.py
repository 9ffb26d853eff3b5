from programma.models import Opdracht, Programmaplan
from regiekamer.getallen import GetalInput


def plan() -> Programmaplan:
    return Programmaplan.objects.get(samenwerkingsverband__afkorting="MLW")


def opdracht(code: str) -> Opdracht:
    """An opdracht of the MLW plan by its code: '1.4', '5' or '2.1 stap 1'."""
    base, _, stap = code.partition(" stap ")
    thema, _, nummer = base.partition(".")
    return Opdracht.objects.select_related("thema").get(
        thema__plan=plan(),
        thema__nummer=int(thema),
        nummer=int(nummer) if nummer else None,
        stap=int(stap) if stap else None,
    )


def set_row(report, code, **values):
    """Fill in an opdracht's row of a report, validated as the form would."""
    row = report.regels.get(opdracht=opdracht(code))
    for name, value in values.items():
        setattr(row, name, value)
    row.full_clean()
    row.save()
    return row


def formset(prefix, rows, initial=0):
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for i, row in enumerate(rows):
        data |= {f"{prefix}-{i}-{k}": v for k, v in row.items() if v is not None}
    return data


def _post_value(value):
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [str(getattr(v, "pk", v)) for v in value]
    return "" if value is None else str(getattr(value, "pk", value))


def form_data(form) -> dict:
    """POST data for an unbound form as the browser would send it back unchanged."""
    data = {}
    for bf in form:
        value = bf.value()
        if isinstance(value, bool) or value is None and bf.widget_type == "checkbox":
            if value:
                data[bf.html_name] = "on"
            continue
        if isinstance(bf.field.widget, GetalInput):  # shown, and sent back, as 58.500 / 0,50
            data[bf.html_name] = bf.field.widget.format_value(value) or ""
            continue
        data[bf.html_name] = _post_value(value)
    return data


def page_data(response) -> dict:
    """The main form and every formset of an edit page, as they were shown."""
    data = form_data(response.context["form"])
    for formset in response.context.get("formsets", {}).values():
        management = formset.management_form
        data |= {bf.html_name: _post_value(bf.value()) for bf in management}
        for form in formset.forms:
            data |= form_data(form)
    return data
