"""Each council's zienswijze on the ontwerpbegroting (Wgr art. 35) and the dagelijks bestuur's
written, reasoned response, per gemeente of the samenwerkingsverband: who has not answered, who
has not been answered, and the form of one gemeente's row (the zienswijzen page saves them
together). Plain functions: the page, the cycle page and the dashboard share them. They read
``cyclus.zienswijzen.all()``: prefetch it."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms

from .models import Zienswijze


def per_gemeente(cyclus) -> dict[int, Zienswijze]:
    return {z.gemeente_id: z for z in cyclus.zienswijzen.all()}


def zonder_antwoord(cyclus, gemeenten) -> list:
    """The gemeenten (of ``gemeenten``, in that order) whose council has not answered: no
    zienswijze received and no word that it gives none."""
    bekend = per_gemeente(cyclus)
    return [g for g in gemeenten if not (g.pk in bekend and bekend[g.pk].beantwoord)]


def zonder_reactie(cyclus, gemeenten) -> list:
    """The gemeenten whose zienswijze was received but not yet answered by the dagelijks
    bestuur (a council that gives none needs no response)."""
    bekend = per_gemeente(cyclus)
    return [
        g
        for g in gemeenten
        if g.pk in bekend
        and bekend[g.pk].ontvangen
        and not bekend[g.pk].geen_zienswijze
        and not bekend[g.pk].reactie_verzonden
    ]


@dataclass(frozen=True)
class Regel:
    """One gemeente's line on the cycle page."""

    gemeente: object
    zienswijze: Zienswijze | None

    @property
    def stand(self) -> str:
        z = self.zienswijze
        if z is None or not z.beantwoord:
            return "Nog geen antwoord van de raad"
        if z.geen_zienswijze:
            return "Geen zienswijze"
        return "Zienswijze ontvangen"

    @property
    def reactie(self) -> str:
        z = self.zienswijze
        if z is not None and z.geen_zienswijze:
            return "niet nodig"
        if z is None or not z.ontvangen:
            return "—"
        return (
            f"verzonden {z.reactie_verzonden:%d-%m-%Y}"
            if z.reactie_verzonden
            else ("nog niet verzonden")
        )

    @property
    def open(self) -> bool:
        z = self.zienswijze
        if z is None or not z.beantwoord:
            return True
        return bool(z.ontvangen and not z.geen_zienswijze and not z.reactie_verzonden)


def regels(cyclus, gemeenten) -> list[Regel]:
    bekend = per_gemeente(cyclus)
    return [Regel(g, bekend.get(g.pk)) for g in gemeenten]


class DatumInput(forms.DateInput):
    """A date typed and shown the Dutch way (2-7-2026) in a plain text box."""

    def __init__(self, attrs=None):
        super().__init__(
            attrs={"placeholder": "dd-mm-jjjj", "inputmode": "numeric", "autocomplete": "off"}
            | (attrs or {}),
            format="%d-%m-%Y",
        )


DATUMFOUT = "Schrijf de datum als dd-mm-jjjj, bijvoorbeeld 2-7-2026."


class ZienswijzeForm(forms.ModelForm):
    """One gemeente's row: the gemeente and cycle are set by the page, never posted."""

    class Meta:
        model = Zienswijze
        fields = ["ontvangen", "geen_zienswijze", "tekst", "reactie_verzonden", "reactie"]
        widgets = {
            "ontvangen": DatumInput(),
            "reactie_verzonden": DatumInput(),
            "tekst": forms.Textarea(attrs={"rows": 2}),
            "reactie": forms.Textarea(attrs={"rows": 2}),
        }
        error_messages = {
            "ontvangen": {"invalid": DATUMFOUT},
            "reactie_verzonden": {"invalid": DATUMFOUT},
        }

    def __init__(self, *args, gemeente, cyclus, **kwargs):
        super().__init__(*args, **kwargs)
        self.gemeente = gemeente
        self.instance.gemeente = gemeente
        self.instance.cyclus = cyclus
        self.fields["ontvangen"].label = "Zienswijze ontvangen op"
        self.fields["tekst"].label = "Zienswijze (tekst of kenmerk van het stuk)"
        self.fields["reactie_verzonden"].label = "Reactie verzonden op"
        self.fields["reactie"].label = "Reactie van het dagelijks bestuur"
