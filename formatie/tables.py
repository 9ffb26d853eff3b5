"""The list of a samenwerkingsverband's pakketten (django-tables2)."""

import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import get_text_list

from .models import Pakket

SOORT_KORT = {"basis": "Basispakket", "plus": "Pluspakket"}


def _periode(start: int | None, end: int | None) -> str:
    if start is None:
        return f"tot en met {end}" if end is not None else ""
    if end is None:
        return f"vanaf {start}"
    return str(start) if start == end else f"{start}–{end}"


def deelnemers_tekst(pakket: Pakket, deelnames) -> str:
    """Who takes the pakket, year by year, in words: "Alle gemeenten", or
    "2017–2018: Leudal en Nederweert; vanaf 2019: Weert" (a period nobody covers reads
    "geen deelnemers"). ``deelnames``: the pakket's Pakketdeelnames with their gemeente."""
    if pakket.is_basis:
        return "Alle gemeenten, volgens de verdeelsleutel"
    if not deelnames:
        return "Alle gemeenten"
    grenzen = sorted(
        {d.vanaf_jaar for d in deelnames if d.vanaf_jaar is not None}
        | {d.tot_en_met_jaar + 1 for d in deelnames if d.tot_en_met_jaar is not None}
    )
    segmenten = []  # (start, end, names): every deelname covers a segment wholly or not at all
    for start, end in zip([None, *grenzen], [*(g - 1 for g in grenzen), None], strict=True):
        jaar = start if start is not None else (end if end is not None else 0)
        names = sorted({d.gemeente.naam for d in deelnames if d.covers(jaar)})
        if segmenten and segmenten[-1][2] == names:
            segmenten[-1] = (segmenten[-1][0], end, names)
        else:
            segmenten.append((start, end, names))
    if segmenten[0][0] is None and not segmenten[0][2] and len(segmenten) > 1:
        segmenten = segmenten[1:]  # before the first year anyone takes part: not yet a pakket
    parts = []
    for start, end, names in segmenten:
        who = get_text_list(names, "en") if names else "geen deelnemers"
        period = _periode(start, end)
        parts.append(f"{period}: {who}" if period else who)
    return "; ".join(parts)


class PakketTable(tables.Table):
    naam = tables.Column()
    soort = tables.Column()
    verdeling = tables.Column(empty_values=(), verbose_name="Verdeling van de kosten")
    deelnemers = tables.Column(empty_values=(), orderable=False, verbose_name="Deelnemers")
    aantal_rollen = tables.Column(verbose_name="Rollen", attrs={"td": {"class": "num"}})

    class Meta:
        model = Pakket
        fields = ["naam", "soort", "verdeling", "deelnemers", "aantal_rollen"]
        order_by = ("soort", "volgorde", "naam")
        empty_text = (
            "Nog geen pakketten: iedere rol hoort bij het basispakket (de verdeelsleutel, "
            "alle gemeenten)."
        )

    def __init__(self, *args, bewerkbaar: bool = False, **kwargs):
        self.bewerkbaar = bewerkbaar
        super().__init__(*args, **kwargs)

    def render_naam(self, value, record):
        if not self.bewerkbaar:
            return value
        url = reverse(
            "formatie:pakket-update", args=[record.samenwerkingsverband.afkorting, record.pk]
        )
        return format_html('<a href="{}">{}</a>', url, value)

    def render_soort(self, value, record):
        return SOORT_KORT.get(record.soort, value)

    def value_soort(self, value, record):
        return record.soort

    def render_verdeling(self, record):
        if record.is_basis:
            return "De verdeelsleutel"
        text = record.get_verdeling_display()
        if record.peildatum:
            text += f" (peildatum {record.peildatum:%d-%m-%Y})"
        return text

    def render_deelnemers(self, record):
        return deelnemers_tekst(record, list(record.deelnames.all()))
