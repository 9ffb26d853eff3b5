"""The raadsinformatiebrief: merge fields, the standard text, drafting and sending.

A letter's text holds merge fields in square brackets, ``[aandeel_2017]`` or
``[samenwerkingsverband]``. They are replaced by plain string substitution, never by the
template engine: whatever a user types, it is only ever text. The preview and the printed
concept take the values of the moment (the cost engine recomputes them); sending stores the
merged text and the values on the letter, which from then on never changes.
"""

from __future__ import annotations

import re
from datetime import date

from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils import formats, timezone

from convenant.constants import ConvenantStatus
from convenant.models import Convenant, Herijkingsmoment
from kosten.gegevens import load_kostenverdeling
from kosten.verdeling import KostenFout
from partijen.models import Gemeente, Samenwerkingsverband
from regiekamer.opmaak import format_decimal, format_euro

# A merge field: a letter, then letters, digits or underscores, between square brackets.
# "[zie bijlage]" (a space) and "[1]" (a digit first) are left alone as ordinary text.
PLACEHOLDER = re.compile(r"\[([A-Za-z][A-Za-z0-9_]*)\]")

NOT_PLANNED = "niet gepland"

# What each merge field holds, for the help next to the editor (cost fields per year added).
DESCRIPTIONS = {
    "samenwerkingsverband": "naam van het samenwerkingsverband",
    "afkorting": "afkorting van het samenwerkingsverband",
    "gemeente": "de gemeente aan wier raad de brief is gericht",
    "gemeenten": "alle deelnemende gemeenten",
    "convenant": "titel van het convenant",
    "dagtekening": "dagtekening van het convenant",
    "inwerkingtreding": "datum van inwerkingtreding",
    "einddatum": "einddatum van het convenant",
    "herijkingsmoment": "eerstvolgend herijkingsmoment, met omschrijving",
    "herijkingsdatum": "datum van het eerstvolgende herijkingsmoment",
    "jaren": "de jaren van de kostenverdeling",
    "verdeelsleutel": "het percentage van de gemeente in de verdeelsleutel",
    "aandelen_per_jaar": "aandeel van de gemeente per jaar, als opsomming",
    "aandeel_totaal": "aandeel van de gemeente over alle jaren",
    "kosten_totaal": "kosten van alle gemeenten samen over alle jaren",
}


class Velden(dict):
    """The merge fields of a letter, name -> text; ``kosten_fout`` when no figures could be made."""

    kosten_fout: str = ""


def euro(amount) -> str:
    """'€ 187.320', with a non-breaking space so a line never ends on the euro sign."""
    return f"€\u00a0{format_euro(amount)}"


def long_date(value: date | None, empty: str = "onbekend") -> str:
    """30 augustus 2016."""
    return formats.date_format(value, "j F Y") if value else empty


def dutch_list(items: list[str]) -> str:
    """'Leudal, Nederweert en Weert'."""
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} en {items[-1]}"


def current_convenant(sv: Samenwerkingsverband) -> Convenant | None:
    """The convenant a letter is about: the latest signed one, else the latest at all."""
    convenanten = sv.convenanten.order_by(
        F("dagtekening").desc(nulls_last=True), F("inwerkingtreding").desc(nulls_last=True), "-pk"
    )
    return convenanten.filter(status=ConvenantStatus.ONDERTEKEND).first() or convenanten.first()


def next_review(convenant: Convenant | None, peildatum: date) -> Herijkingsmoment | None:
    if convenant is None:
        return None
    return convenant.herijkingsmomenten.filter(datum__gte=peildatum).order_by("datum").first()


def _cost_fields(sv: Samenwerkingsverband, gemeente: Gemeente) -> dict[str, str]:
    kv = load_kostenverdeling(sv)
    naam = gemeente.naam
    fields = {f"aandeel_{jaar}": euro(kv.aandeel(naam, jaar)) for jaar in kv.jaren}
    fields["aandelen_per_jaar"] = dutch_list(
        [f"{euro(kv.aandeel(naam, jaar))} in {jaar}" for jaar in kv.jaren]
    )
    fields["aandeel_totaal"] = euro(kv.totaal_gemeente(naam))
    fields["kosten_totaal"] = euro(kv.totaal)
    if kv.jaren:
        first, last = kv.jaren[0], kv.jaren[-1]
        fields["jaren"] = str(first) if first == last else f"{first}–{last}"
    else:
        fields["jaren"] = "geen"
    percentages = {
        jaar: kv.sleutels[jaar].percentage(naam)
        for jaar in kv.jaren
        if naam in kv.sleutels[jaar].aandelen
    }
    if percentages and len(set(percentages.values())) == 1:
        fields["verdeelsleutel"] = f"{format_decimal(next(iter(percentages.values())))}%"
    else:
        fields["verdeelsleutel"] = dutch_list(
            [f"{format_decimal(p)}% in {jaar}" for jaar, p in percentages.items()]
        )
    return fields


def merge_fields(
    sv: Samenwerkingsverband,
    gemeente: Gemeente,
    convenant: Convenant | None = None,
    *,
    peildatum: date | None = None,
) -> Velden:
    """The values of every merge field at this moment, as text ('€ 187.320', '1 juli 2018'),
    for a letter of ``gemeente`` about ``sv`` and (optionally) a convenant; a letter's own:
    ``Raadsinformatiebrief.velden``. ``peildatum`` decides the next herijkingsmoment (today
    when not given)."""
    peildatum = peildatum or timezone.localdate()
    fields = Velden(
        samenwerkingsverband=sv.naam,
        afkorting=sv.afkorting,
        gemeente=gemeente.naam,
        gemeenten=dutch_list([g.naam for g in sv.gemeenten.order_by("naam")]),
        convenant=convenant.titel if convenant else "(geen convenant gekozen)",
        dagtekening=long_date(convenant.dagtekening if convenant else None),
        inwerkingtreding=long_date(convenant.inwerkingtreding if convenant else None),
        einddatum=long_date(convenant.einddatum if convenant else None, empty="geen"),
    )
    moment = next_review(convenant, peildatum)
    fields["herijkingsdatum"] = long_date(moment.datum) if moment else NOT_PLANNED
    fields["herijkingsmoment"] = (
        f"{long_date(moment.datum)}: {moment.omschrijving}" if moment else NOT_PLANNED
    )
    try:
        fields.update(_cost_fields(sv, gemeente))
    except KostenFout as fout:
        fields.kosten_fout = str(fout)
    return fields


def unknown_placeholders(text: str, fields: dict[str, str]) -> list[str]:
    """The merge fields in ``text`` that ``fields`` does not know, each once, in order."""
    return list(dict.fromkeys(n for n in PLACEHOLDER.findall(text) if n not in fields))


def unknown_message(unknown: list[str], fields: dict[str, str]) -> str:
    names = ", ".join(f"[{n}]" for n in unknown)
    message = f"Onbekend veld: {names}." if len(unknown) == 1 else f"Onbekende velden: {names}."
    kosten_fout = getattr(fields, "kosten_fout", "")
    if kosten_fout and any(
        n.startswith(("aandeel", "kosten", "jaren", "verdeel")) for n in unknown
    ):
        message += f" De kosten kunnen nu niet worden berekend: {kosten_fout}"
    return f"{message} Beschikbaar: {', '.join(f'[{n}]' for n in fields)}."


def merge(text: str, fields: dict[str, str]) -> str:
    """The text with every merge field replaced by its value; unknown fields are refused."""
    unknown = unknown_placeholders(text, fields)
    if unknown:
        raise ValidationError(unknown_message(unknown, fields))
    return PLACEHOLDER.sub(lambda m: fields[m.group(1)], text)


def field_help(fields: dict[str, str]) -> list[tuple[str, str, str]]:
    """(name, what it holds, value now) for every merge field, for the editor's side panel."""
    rows = []
    for name, value in fields.items():
        if name.startswith("aandeel_") and name[8:].isdigit():
            description = f"aandeel van de gemeente in {name[8:]}"
        else:
            description = DESCRIPTIONS.get(name, "")
        rows.append((name, description, value))
    return rows


def standard_text(
    sv: Samenwerkingsverband, gemeente: Gemeente, convenant: Convenant | None = None
) -> str:
    """A neutral body for a letter to the council, built on the merge fields."""
    fields = merge_fields(sv, gemeente, convenant)
    alineas = [
        "Met deze brief informeren wij u over de samenwerking in het sociaal domein van de "
        "gemeenten [gemeenten] in het samenwerkingsverband [samenwerkingsverband].",
    ]
    if convenant is not None:
        alineas.append(
            "De afspraken over deze samenwerking zijn vastgelegd in het convenant "
            "'[convenant]'. Het convenant is ondertekend op [dagtekening] en in werking "
            "getreden op [inwerkingtreding]; einddatum: [einddatum]."
        )
    if not fields.kosten_fout:
        alineas.append(
            "De kosten van de gezamenlijke formatie worden verdeeld volgens de afgesproken "
            "verdeelsleutel. Het aandeel van onze gemeente ([verdeelsleutel]) bedraagt "
            "[aandelen_per_jaar]; samen [aandeel_totaal]. De kosten voor alle deelnemende "
            "gemeenten samen bedragen [kosten_totaal]."
        )
    if convenant is not None:
        alineas.append(
            "Op vastgelegde herijkingsmomenten beoordelen de gemeenten of de samenwerking "
            "wordt voortgezet. Het eerstvolgende herijkingsmoment: [herijkingsmoment]."
        )
    alineas.append(
        "Wij houden u op de hoogte van de verdere ontwikkelingen en hopen u hiermee "
        "voldoende te hebben geïnformeerd."
    )
    return "\n\n".join(alineas)


def addressee_lines(gemeente: Gemeente) -> list[str]:
    """'Aan de gemeenteraad van de gemeente Weert', 'Wilhelminasingel 101', '6001 GS WEERT'."""
    lines = [f"Aan de gemeenteraad van de gemeente {gemeente.naam}"]
    if gemeente.adres:
        lines.append(gemeente.adres)
    postal = " ".join(p for p in (gemeente.postcode, gemeente.plaats.upper()) if p)
    if postal:
        lines.append(postal)
    return lines
