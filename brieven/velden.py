"""The raadsinformatiebrief: merge fields, the standard text, drafting and sending.

A letter's text holds merge fields in square brackets, ``[gemeente]`` or ``[aandeel_2017]``.
Square brackets belong to the merge fields alone: every ``[...]`` in a text must name a known
field exactly (``[GEMEENTE]`` and ``[ gemeente ]`` are refused, with the field they resemble);
a bracket meant as ordinary text is typed twice, ``[[`` or ``]]``, and prints once. A lone
bracket is refused too, so that nothing a user meant as a field ever prints as text.

Fields are replaced by plain string substitution, never by the template engine: whatever a
user types, it is only ever text. The preview and the printed concept take the values of the
moment (the cost engine recomputes them); sending stores the merged text and the values on the
letter, which from then on never changes.

The text's layout: paragraphs separated by a blank line; a paragraph of one line starting
with "# " is a section heading (rendered by ``brieven.weergave``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone

from convenant.constants import Herijkingssoort
from convenant.models import Convenant, Herijkingsmoment
from kosten.gegevens import load_kostenverdeling
from kosten.verdeling import KostenFout
from partijen.models import Gemeente, Samenwerkingsverband
from regiekamer import datums
from regiekamer.opmaak import format_decimal, format_euro

NOT_PLANNED = "nog niet gepland"
ESCAPE_HELP = "Een rechte haak als gewone tekst typt u dubbel: [[ of ]]."

# What each merge field holds, for the help next to the editor (fields per year added).
DESCRIPTIONS = {
    "samenwerkingsverband": "naam van het samenwerkingsverband",
    "afkorting": "afkorting van het samenwerkingsverband",
    "gemeente": "de gemeente aan wier raad de brief is gericht",
    "gemeenten": "alle deelnemende gemeenten",
    "datum_collegebesluit": "datum van het collegebesluit (vult u in bij de brief)",
    "convenant": "titel van het convenant",
    "dagtekening": "dagtekening van het convenant",
    "inwerkingtreding": "datum van inwerkingtreding",
    "einddatum": "einddatum van het convenant",
    "herijkingsmoment": (
        "eerstvolgende herijking (go/no-go) na de datum van de brief, met omschrijving"
    ),
    "herijkingsdatum": "datum van de eerstvolgende herijking (go/no-go) na de datum van de brief",
    "evaluatie": "eerstvolgende evaluatie na de datum van de brief (zoals de bron het zegt)",
    "jaren": "de jaren van de kostenverdeling",
    "verdeelsleutel": "het percentage van de gemeente in de verdeelsleutel",
    "aandelen_per_jaar": "aandeel van de gemeente per jaar, als opsomming",
    "aandeel_totaal": "aandeel van de gemeente over alle jaren",
    "kosten_totaal": "kosten van de formatie over alle jaren: de som van de kosten per rol",
    "totaal_incl_afronding": (
        "som van de aandelen van alle gemeenten over alle jaren, incl. afronding "
        "(kan enkele euro's afwijken van [kosten_totaal])"
    ),
}
PER_YEAR = {
    "aandeel_": "aandeel van de gemeente in {jaar}",
    "kosten_": "kosten van de formatie in {jaar}: de som van de kosten per rol",
}
# The message when a field is used while the letter does not give its value yet.
MISSING = {"datum_collegebesluit": "Vul de datum van het collegebesluit in."}


class Velden(dict):
    """The merge fields of a letter, name -> text; ``kosten_fout`` when no figures could be
    made; ``ontbreekt``: fields whose value the letter does not give yet (name -> what to do)."""

    kosten_fout: str = ""
    ontbreekt: dict[str, str]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.ontbreekt = {}


def euro(amount) -> str:
    """'€ 187.320', with a non-breaking space so a line never ends on the euro sign."""
    return f"€\u00a0{format_euro(amount)}"


def long_date(value: date | None, empty: str = "onbekend") -> str:
    """30 augustus 2016 (``regiekamer.datums``, as a herijkingsmoment's date reads)."""
    return datums.tekst(value, lang=True) if value else empty


def dutch_list(items: list[str]) -> str:
    """'Leudal, Nederweert en Weert'."""
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} en {items[-1]}"


def _cost_fields(sv: Samenwerkingsverband, gemeente: Gemeente) -> dict[str, str]:
    kv = load_kostenverdeling(sv)
    naam = gemeente.naam
    fields = {f"aandeel_{jaar}": euro(kv.aandeel(naam, jaar)) for jaar in kv.jaren}
    fields["aandelen_per_jaar"] = dutch_list(
        [f"{euro(kv.aandeel(naam, jaar))} in {jaar}" for jaar in kv.jaren]
    )
    fields["aandeel_totaal"] = euro(kv.totaal_gemeente(naam))
    fields |= {f"kosten_{jaar}": euro(kv.totaal_kosten(jaar)) for jaar in kv.jaren}
    # The costs are the sum of the role costs; the shares, each rounded, may add up to a few
    # euros more: the document's "totaal (incl. afronding)".
    fields["kosten_totaal"] = euro(kv.totaal_zonder_afronding)
    fields["totaal_incl_afronding"] = euro(kv.totaal)
    fields["jaren"] = kv.periode or "geen"
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


def next_moment(sv: Samenwerkingsverband, soort: str, peildatum: date):
    """The samenwerkingsverband's first herijkingsmoment of ``soort`` on or after
    ``peildatum`` (the letter's date), of any of its convenanten: the moment belongs to the
    collaboration, so a letter of 2016 names 1 januari 2019 whichever version it is about;
    of the agreed convenanten (``geldend``), never a moment only a concept holds."""
    return (
        Herijkingsmoment.objects.filter(convenant__samenwerkingsverband=sv, soort=soort)
        .geldend()
        .komend(peildatum)
        .first()
    )


def _moment_fields(sv: Samenwerkingsverband, peildatum: date) -> dict[str, str]:
    herijking = next_moment(sv, Herijkingssoort.HERIJKING, peildatum)
    evaluatie = next_moment(sv, Herijkingssoort.EVALUATIE, peildatum)
    if herijking is not None:
        when = herijking.datum_tekst_lang
        fields = {"herijkingsdatum": when, "herijkingsmoment": f"{when}: {herijking.omschrijving}"}
    else:
        fields = {"herijkingsdatum": NOT_PLANNED, "herijkingsmoment": NOT_PLANNED}
    fields["evaluatie"] = evaluatie.datum_tekst_lang if evaluatie is not None else NOT_PLANNED
    return fields


def merge_fields(
    sv: Samenwerkingsverband,
    gemeente: Gemeente,
    convenant: Convenant | None = None,
    *,
    peildatum: date | None = None,
    besluitdatum: date | None = None,
) -> Velden:
    """The values of every merge field at this moment, as text ('€ 187.320', '1 januari
    2019'), for a letter of ``gemeente`` about ``sv`` and (optionally) a convenant; a letter's
    own: ``Raadsinformatiebrief.velden``. ``peildatum`` is the letter's date (today when not
    given): it decides the next herijking and evaluation."""
    peildatum = peildatum or timezone.localdate()
    fields = Velden(
        samenwerkingsverband=sv.naam,
        afkorting=sv.afkorting,
        gemeente=gemeente.naam,
        gemeenten=dutch_list([g.naam for g in sv.gemeenten.order_by("naam")]),
        datum_collegebesluit=long_date(besluitdatum, empty="(datum collegebesluit onbekend)"),
        convenant=convenant.titel if convenant else "(geen convenant gekozen)",
        dagtekening=long_date(convenant.dagtekening if convenant else None),
        inwerkingtreding=long_date(convenant.inwerkingtreding if convenant else None),
        einddatum=long_date(convenant.einddatum if convenant else None, empty="geen"),
    )
    if besluitdatum is None:
        fields.ontbreekt["datum_collegebesluit"] = MISSING["datum_collegebesluit"]
    fields.update(_moment_fields(sv, peildatum))
    try:
        fields.update(_cost_fields(sv, gemeente))
    except KostenFout as fout:
        fields.kosten_fout = str(fout)
    return fields


# --- the text: literal text, merge fields and lone brackets -------------------------------

TEXT, FIELD, LONE = "tekst", "veld", "los"


def _context(text: str, at: int) -> str:
    """A few words around position ``at``, to say where a lone bracket stands."""
    start, end = max(0, at - 20), min(len(text), at + 21)
    words = text[start:end].replace("\n", " ")
    return ("…" if start else "") + words + ("…" if end < len(text) else "")


def tokens(text: str) -> Iterator[tuple[str, str]]:
    """The text as (TEXT, literal), (FIELD, what stands between the brackets) and (LONE, the
    words around a bracket that opens no field or closes none). ``[[`` and ``]]`` are one
    literal bracket. A field ends at the first ``]`` and holds no ``[`` and no line break."""
    literal: list[str] = []
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char in "[]" and text.startswith(char * 2, i):
            literal.append(char)
            i += 2
            continue
        if char == "[":
            end = text.find("]", i + 1)
            inner = text[i + 1 : end] if end != -1 else ""
            if end != -1 and "[" not in inner and "\n" not in inner:
                if literal:
                    yield TEXT, "".join(literal)
                    literal = []
                yield FIELD, inner
                i = end + 1
                continue
        if char in "[]":
            if literal:
                yield TEXT, "".join(literal)
                literal = []
            yield LONE, _context(text, i)
            i += 1
            continue
        literal.append(char)
        i += 1
    if literal:
        yield TEXT, "".join(literal)


def _normal(name: str) -> str:
    return re.sub(r"[\s_-]+", "_", name.strip().lower())


def suggestion(name: str, fields: dict[str, str]) -> str | None:
    """The known field ``name`` differs from only in case, spaces or underscores."""
    wanted = _normal(name)
    return next((known for known in fields if _normal(known) == wanted), None)


def problems(text: str, fields: dict[str, str]) -> str:
    """What is wrong with the brackets of ``text`` (a Dutch message), or ''."""
    unknown, lone = {}, []
    for kind, value in tokens(text):
        if kind == FIELD and value not in fields:
            unknown.setdefault(value, suggestion(value, fields))
        elif kind == LONE:
            lone.append(value)
    parts = []
    if unknown:
        names = ", ".join(
            f"[{name}] (bedoelt u [{known}]?)" if known else f"[{name}]"
            for name, known in unknown.items()
        )
        label = "Onbekend veld" if len(unknown) == 1 else "Onbekende velden"
        parts.append(f"{label}: {names}.")
        kosten_fout = getattr(fields, "kosten_fout", "")
        if kosten_fout and any(
            _normal(n).startswith(("aandeel", "kosten", "jaren", "verdeel", "totaal"))
            for n in unknown
        ):
            parts.append(f"De kosten kunnen nu niet worden berekend: {kosten_fout}")
    if lone:
        where = "; ".join(f"'{w}'" for w in dict.fromkeys(lone))
        parts.append(
            f"Een rechte haak zonder veld: {where}. Velden staan tussen twee rechte haken, "
            f"zoals [gemeente]. {ESCAPE_HELP}"
        )
    if not parts:
        return ""
    if unknown:
        parts.append(f"Beschikbaar: {', '.join(f'[{n}]' for n in fields)}.")
    return " ".join(parts)


def used_fields(text: str) -> list[str]:
    """The merge fields ``text`` uses, each once, in order."""
    return list(dict.fromkeys(value for kind, value in tokens(text) if kind == FIELD))


def merge(text: str, fields: dict[str, str]) -> str:
    """The text with every merge field replaced by its value and ``[[``/``]]`` by one bracket;
    an unknown field or a lone bracket is refused (``ValidationError``)."""
    message = problems(text, fields)
    if message:
        raise ValidationError(message)
    return "".join(fields[value] if kind == FIELD else value for kind, value in tokens(text))


def missing_values(text: str, fields: Velden) -> list[str]:
    """What to fill in before ``text`` can be sent: the fields it uses that have no value yet."""
    return [fields.ontbreekt[n] for n in used_fields(text) if n in fields.ontbreekt]


def field_help(fields: dict[str, str]) -> list[tuple[str, str, str]]:
    """(name, what it holds, value now) for every merge field, for the editor's side panel."""
    rows = []
    for name, value in fields.items():
        description = DESCRIPTIONS.get(name, "")
        for prefix, template in PER_YEAR.items():
            if name.startswith(prefix) and name[len(prefix) :].isdigit():
                description = template.format(jaar=name[len(prefix) :])
        rows.append((name, description, value))
    return rows


def standard_text(convenant: Convenant | None = None) -> str:
    """The body of a new letter, built like the college of Weert's letter of 30 August 2016:
    the history with the date of the college's decision, sections with headings, where the
    council can read the documents, the closing line. Costs are not in it: the regiegroep adds
    a cost field ([kosten_totaal], [aandeel_totaal], ...) where it chooses to name them."""
    alineas = [
        "In onze vergadering van [datum_collegebesluit] hebben wij een besluit genomen over de "
        "samenwerking in het samenwerkingsverband [samenwerkingsverband]. In deze brief leest u "
        "hier meer over.",
        "# [samenwerkingsverband]",
        "In dit samenwerkingsverband werken de gemeenten [gemeenten] samen.",
    ]
    if convenant is not None:
        alineas += [
            "# Samenwerkingsafspraken",
            "De afspraken over deze samenwerking zijn vastgelegd in het convenant "
            "'[convenant]'. Het convenant is ondertekend op [dagtekening]; de samenwerking "
            "volgens deze afspraken geldt vanaf [inwerkingtreding].",
            "# Herijking",
            "Op een herijkingsmoment besluiten de gemeenten of zij de samenwerking voortzetten "
            "(go/no-go). Het eerstvolgende herijkingsmoment is [herijkingsdatum].",
            "# Ter inzage",
            "Het convenant en de daarbij behorende stukken kunt u inzien via de lijst van ter "
            "inzage gelegde stukken.",
        ]
    alineas.append("Wij hopen u hiermee voldoende geïnformeerd te hebben.")
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
