from programma.models import Opdracht, Programmaplan


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
