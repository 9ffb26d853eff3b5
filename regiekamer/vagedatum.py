"""Planned dates as the documents write them, kept as written, with an earliest and a latest day.

Seed 001 plans "7 of 14 april 2015", "April/mei 2015", "Februari/uiterlijk 23 maart 2015",
"Uiterlijk 1 april 2015". ``parse`` reads such a text into a ``VageDatum``: the text itself (what
the page shows), ``vanaf`` (the earliest day it can mean, for sorting; empty for "uiterlijk …")
and ``uiterlijk`` (the latest day, for "te laat"). The rules, each in one place:

- a day with month ("7 april 2015", "7-4-2015", "7/4/2015", "7.4.15", "2015-04-07") is that
  day; a month ("april 2015", "april-2015") its first to its last day; a year ("2015") the whole
  year; "Q2 2015" / "Q2-2015" / "2e kwartaal 2015" the quarter; "1e helft 2015" the half year;
  "week 12 2015" / "wk 12" the ISO week, Monday to Sunday ("week 12 of 13": both weeks);
- "begin", "medio" and "eind" take the first, middle and last third: of a month 1–10, 11–20,
  21–end; of a year January–April, May–August, September–December;
- "uiterlijk", "voor", "vóór", "ten laatste" leave the earliest day open (vóór: the day before);
- alternatives and ranges ("7 of 14 april", "april/mei", "7 t/m 14 april", "april–mei") span from
  the earliest to the latest of their parts; a part without month or year takes them from the part
  after it ("7 of 14 april 2015": the 7th of April 2015);
- a text without a year takes the year given (``jaar``), else it is refused;
- remarks in brackets ("27 maart 2015 (BReSDO)") are kept in the text and ignored for the dates,
  and so are the names of weekdays ("dinsdag 7 april 2015").

Anything else is refused with a Dutch ``VageDatumFout`` that says what was understood (and, for a
misspelt word such as "apirl", which word was probably meant).
Imports no app (the kernel).
"""

from __future__ import annotations

import calendar
import difflib
import re
from dataclasses import dataclass
from datetime import date, timedelta

MAANDEN = {
    "januari": 1,
    "jan": 1,
    "februari": 2,
    "feb": 2,
    "maart": 3,
    "mrt": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "augustus": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
MAANDNAMEN = [
    "",
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]
UITERLIJK = ("uiterlijk", "ten laatste", "vóór", "voor")
DELEN = {"begin": 0, "medio": 1, "half": 1, "midden": 1, "eind": 2, "einde": 2}
RANGTELWOORDEN = {
    "1e": 1,
    "eerste": 1,
    "2e": 2,
    "tweede": 2,
    "3e": 3,
    "derde": 3,
    "4e": 4,
    "vierde": 4,
}
WEEK = ("week", "wk", "weeknummer")
WEEKDAGEN = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
VULWOORDEN = ("in", "rond", "circa", "ca", "omstreeks", "de", "het", "van", "tussen", *WEEKDAGEN)
# The words a misspelt one is compared with ("apirl": Bedoelt u "april"?).
WOORDENSCHAT = [
    *(m for m in MAANDNAMEN if m),
    *UITERLIJK[:1],
    *DELEN,
    "kwartaal",
    "helft",
    "week",
    *WEEKDAGEN,
]
VOORBEELDEN = '"7 of 14 april 2015", "april/mei 2015", "uiterlijk 1 april 2015" of "Q2 2015"'
MAX_LENGTE = 200
JAAR_VAN, JAAR_TOT = 1900, 2200  # the years a planned date may name


class VageDatumFout(ValueError):
    """A planned date that cannot be read; the message (Dutch) says what was understood."""


def sorteerdag(vanaf: date | None, uiterlijk: date | None) -> date | None:
    """The day a planned date sorts on: the middle of its days ("uiterlijk …": the latest).
    Not the earliest: "April/mei 2015" would go before "7 of 14 april 2015" and the councils'
    step before the colleges' one, where seed 001's schema (and every process) has the colleges
    first; the middle keeps the schema's own order."""
    if vanaf is None or uiterlijk is None:
        return vanaf or uiterlijk
    return vanaf + (uiterlijk - vanaf) / 2


@dataclass(frozen=True)
class VageDatum:
    tekst: str
    vanaf: date | None
    uiterlijk: date | None

    @property
    def sorteerdatum(self) -> date | None:
        """The day it sorts on (``sorteerdag``)."""
        return sorteerdag(self.vanaf, self.uiterlijk)

    def __str__(self):
        return self.tekst


def _fout(tekst: str, niet: str, begrepen: list[str]) -> VageDatumFout:
    deel = f'Niet begrepen: "{niet}" in "{tekst}".'
    bedoeld = difflib.get_close_matches(niet, WOORDENSCHAT, n=1, cutoff=0.75)
    if bedoeld and re.fullmatch(r"[a-zé]{3,}", niet):
        deel += f' Bedoelt u "{bedoeld[0]}"?'
    if begrepen:
        deel += " Wel begrepen: " + ", ".join(begrepen) + "."
    return VageDatumFout(f"{deel} Schrijf bijvoorbeeld {VOORBEELDEN}.")


def _laatste_dag(jaar: int, maand: int) -> int:
    return calendar.monthrange(jaar, maand)[1]


def _derde(begin: date, eind: date, deel: int) -> tuple[date, date]:
    """The first, middle or last third of a month (1–10, 11–20, 21–end) or a year (Jan–Apr,
    May–Aug, Sep–Dec)."""
    if begin.month == eind.month:  # a month
        grenzen = [(1, 10), (11, 20), (21, eind.day)]
        van, tot = grenzen[deel]
        return begin.replace(day=van), begin.replace(day=tot)
    maand_van = 1 + 4 * deel
    maand_tot = maand_van + 3
    return (
        date(begin.year, maand_van, 1),
        date(begin.year, maand_tot, _laatste_dag(begin.year, maand_tot)),
    )


@dataclass
class _Deel:
    """One alternative of the text, read from its words."""

    bron: str
    dag: int | None = None
    maand: int | None = None
    jaar: int | None = None
    kwartaal: int | None = None
    helft: int | None = None
    week: int | None = None
    derde: int | None = None
    uiterlijk: str = ""  # the word, when the part is a latest date ("uiterlijk", "vóór")


def _lees_deel(deel: str, tekst: str, begrepen: list[str]) -> _Deel:
    d = _Deel(bron=deel)
    woorden = deel.split()
    i = 0
    while i < len(woorden):
        w = woorden[i]
        volgend = woorden[i + 1] if i + 1 < len(woorden) else ""
        if w in ("uiterlijk", "vóór", "voor") or (w == "ten" and volgend == "laatste"):
            d.uiterlijk = "ten laatste" if w == "ten" else w
            i += 2 if w == "ten" else 1
            continue
        if w in WEEK and re.fullmatch(r"[0-9]{1,2}", volgend) and d.week is None:
            d.week = int(volgend)
            i += 2
            continue
        if w in DELEN:
            d.derde = DELEN[w]
        elif w in MAANDEN and d.maand is None:
            d.maand = MAANDEN[w]
        elif re.fullmatch(r"[0-9]{4}", w) and d.jaar is None and JAAR_VAN <= int(w) <= JAAR_TOT:
            d.jaar = int(w)
        elif re.fullmatch(r"[0-9]{1,2}", w) and d.dag is None and 1 <= int(w) <= 31:
            d.dag = int(w)
        elif m := re.fullmatch(r"q([1-4])", w):
            d.kwartaal = int(m.group(1))
        elif w in RANGTELWOORDEN and volgend in ("kwartaal", "helft"):
            if volgend == "kwartaal":
                d.kwartaal = RANGTELWOORDEN[w]
            elif RANGTELWOORDEN[w] <= 2:
                d.helft = RANGTELWOORDEN[w]
            else:
                raise _fout(tekst, f"{w} {volgend}", begrepen)
            i += 2
            continue
        elif w in VULWOORDEN:
            pass  # fillers that do not change the dates (a weekday: the date says the day)
        else:
            eerder = " ".join(woorden[:i])
            raise _fout(tekst, w, [*begrepen, f'"{eerder}"'] if eerder else begrepen)
        i += 1
    # A bare day ("7" of "7 of 14 april") takes month and year from the next part; a part
    # with nothing of a date ("in") is refused.
    if all(x is None for x in (d.dag, d.maand, d.jaar, d.kwartaal, d.helft, d.week)):
        raise _fout(tekst, deel or tekst, begrepen)
    return d


def _interval(d: _Deel, tekst: str, begrepen: list[str]) -> tuple[date | None, date]:
    jaar = d.jaar
    try:
        if d.week:
            if d.dag or d.maand or d.kwartaal or d.helft:
                raise _fout(tekst, d.bron, begrepen)  # "week 12 april": which is meant?
            try:
                begin = date.fromisocalendar(jaar, d.week, 1)
            except ValueError:
                raise VageDatumFout(
                    f'"{tekst}": week {d.week} van {jaar} bestaat niet. '
                    f"Schrijf bijvoorbeeld {VOORBEELDEN}."
                ) from None
            eind = begin + timedelta(days=6)
        elif d.kwartaal:
            begin = date(jaar, 3 * d.kwartaal - 2, 1)
            eind_maand = 3 * d.kwartaal
            eind = date(jaar, eind_maand, _laatste_dag(jaar, eind_maand))
        elif d.helft:
            begin = date(jaar, 1 if d.helft == 1 else 7, 1)
            eind = date(jaar, 6, 30) if d.helft == 1 else date(jaar, 12, 31)
        elif d.maand and d.dag:
            begin = eind = date(jaar, d.maand, d.dag)
        elif d.maand:
            begin = date(jaar, d.maand, 1)
            eind = date(jaar, d.maand, _laatste_dag(jaar, d.maand))
        elif d.dag:
            raise _fout(tekst, d.bron, begrepen)  # a day without month anywhere
        else:
            begin, eind = date(jaar, 1, 1), date(jaar, 12, 31)
    except ValueError as exc:
        if isinstance(exc, VageDatumFout):
            raise
        maand = MAANDNAMEN[d.maand] if d.maand else ""
        dag = " ".join(str(x) for x in (d.dag, maand, jaar) if x)
        raise VageDatumFout(
            f'"{tekst}": {dag} bestaat niet. Schrijf bijvoorbeeld {VOORBEELDEN}.'
        ) from None
    if d.derde is not None and not d.dag and not d.kwartaal and not d.helft and not d.week:
        begin, eind = _derde(begin, eind, d.derde)
    if d.uiterlijk:
        if d.uiterlijk in ("vóór", "voor"):
            eind = begin - timedelta(days=1)
        return None, eind
    return begin, eind


def _beschrijf(vanaf: date | None, uiterlijk: date) -> str:
    if vanaf is None:
        return f"uiterlijk {uiterlijk.day}-{uiterlijk.month}-{uiterlijk.year}"
    if vanaf == uiterlijk:
        return f"{vanaf.day}-{vanaf.month}-{vanaf.year}"
    return (
        f"{vanaf.day}-{vanaf.month}-{vanaf.year} tot en met "
        f"{uiterlijk.day}-{uiterlijk.month}-{uiterlijk.year}"
    )


def _als_woorden(dag: str, maand: str, jaar: str, origineel: str) -> str:
    if not 1 <= int(maand) <= 12:
        raise VageDatumFout(
            f'"{origineel}" is geen datum: er is geen maand {int(maand)}. '
            f"Schrijf dag-maand-jaar, bijvoorbeeld 7-4-2015, of {VOORBEELDEN}."
        )
    if len(jaar) == 2:
        jaar = f"20{jaar}"  # 7-4-15: this century
    return f"{int(dag)} {MAANDNAMEN[int(maand)]} {jaar}"


def _cijferdatums(schoon: str) -> str:
    """Dates in figures as words, before a dash or slash can mean a range: 7-4-2015, 7/4/2015,
    7.4.2015, 7-4-15 and 2015-04-07 -> 7 april 2015; "Q3-2026", "april-2015" -> "Q3 2026",
    "april 2015" (a dash before a year is no range)."""
    schoon = re.sub(
        r"\b([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})\b",
        lambda m: _als_woorden(m.group(3), m.group(2), m.group(1), m.group(0)),
        schoon,
    )
    schoon = re.sub(
        r"\b([0-9]{1,2})([-/.])([0-9]{1,2})\2('?)([0-9]{4}|[0-9]{2})\b",
        lambda m: _als_woorden(m.group(1), m.group(3), m.group(5), m.group(0)),
        schoon,
    )
    perioden = "|".join(sorted(MAANDEN, key=len, reverse=True))
    return re.sub(
        rf"\b(q[1-4]|{perioden}|(?:week|wk) [0-9]{{1,2}})\s*[-/]\s*([0-9]{{4}})\b", r"\1 \2", schoon
    )


def parse(tekst: str, jaar: int | None = None) -> VageDatum:
    """Read a planned date as written; ``jaar`` is the year of a text that names none."""
    geschreven = " ".join((tekst or "").split())
    if not geschreven:
        raise VageDatumFout(f"Vul een geplande datum in, bijvoorbeeld {VOORBEELDEN}.")
    if len(geschreven) > MAX_LENGTE or "\x00" in geschreven:
        raise VageDatumFout(
            f"Een geplande datum is hooguit {MAX_LENGTE} tekens, zonder onzichtbare tekens."
        )
    schoon = re.sub(r"\([^)]*\)", " ", geschreven.lower())
    if "(" in schoon or ")" in schoon:
        raise VageDatumFout(f'"{geschreven}": een haakje staat niet goed.')
    schoon = _cijferdatums(schoon)
    schoon = re.sub(r"\bt/m\b|\btot en met\b|\btot\b|\bof\b|\ben\b|[–—/,-]", " | ", schoon)
    schoon = schoon.replace(".", " ")
    delen_tekst = [" ".join(d.split()) for d in schoon.split("|")]
    delen_tekst = [d for d in delen_tekst if d]
    if not delen_tekst:
        raise _fout(geschreven, geschreven, [])
    begrepen: list[str] = []
    delen = [_lees_deel(d, geschreven, begrepen) for d in delen_tekst]
    # Month and year come from the part after (right to left): "7 of 14 april 2015".
    volgende_maand, volgend_jaar = None, None
    # "week 12 of 13 2026": a bare number after a week is a week too (when no part names a month).
    if not any(d.maand for d in delen):
        for vorig, d in zip(delen, delen[1:], strict=False):
            if vorig.week is not None and d.dag is not None and d.kwartaal is d.helft is None:
                d.week, d.dag = d.dag, None
    for d in reversed(delen):
        if d.jaar is None:
            d.jaar = volgend_jaar
        if d.maand is None and d.kwartaal is None and d.helft is None and d.dag is not None:
            d.maand = volgende_maand
        volgende_maand = d.maand if d.maand is not None else volgende_maand
        volgend_jaar = d.jaar
    intervallen = []
    for d in delen:
        if d.jaar is None and jaar is not None:
            # The year of a text that names none (a planning's) is held to the typed years'.
            if not (isinstance(jaar, int) and JAAR_VAN <= jaar <= JAAR_TOT):
                raise VageDatumFout(
                    f'"{geschreven}" noemt geen jaar en het jaar {jaar} ligt niet tussen '
                    f"{JAAR_VAN} en {JAAR_TOT}. Schrijf het jaar erbij, bijvoorbeeld {VOORBEELDEN}."
                )
            d.jaar = jaar
        if d.jaar is None:
            raise VageDatumFout(
                f'"{geschreven}" noemt geen jaar. Schrijf het jaar erbij, '
                f"bijvoorbeeld {VOORBEELDEN}."
            )
        van, tot = _interval(d, geschreven, begrepen)
        begrepen.append(_beschrijf(van, tot))
        intervallen.append((van, tot))
    begins = [van for van, _tot in intervallen if van is not None]
    return VageDatum(
        tekst=geschreven,
        vanaf=min(begins) if begins else None,
        uiterlijk=max(tot for _van, tot in intervallen),
    )


class Stand:
    """The state of a planned step, in words (the page adds the colour)."""

    GEDAAN = "gedaan"
    LATER_GEDAAN = "later_gedaan"
    TE_LAAT = "te_laat"
    GEPLAND = "gepland"
    ONGEPLAND = "ongepland"

    WOORDEN = {
        GEDAAN: "Gedaan",
        LATER_GEDAAN: "Gedaan, later dan gepland",
        TE_LAAT: "Te laat",
        GEPLAND: "Gepland",
        ONGEPLAND: "Niet gepland",
    }


def stand(uiterlijk: date | None, datum: date | None, op: date, *, gepland: bool = True) -> str:
    """ "te laat": the latest planned day is before ``op`` (today) and nothing was done; done
    after the latest day is "later gedaan"; without a latest day nothing is ever late."""
    if datum is not None:
        return Stand.LATER_GEDAAN if uiterlijk is not None and datum > uiterlijk else Stand.GEDAAN
    if uiterlijk is not None and uiterlijk < op:
        return Stand.TE_LAAT
    return Stand.GEPLAND if gepland or uiterlijk is not None else Stand.ONGEPLAND


def is_te_laat(uiterlijk: date | None, datum: date | None, op: date) -> bool:
    return stand(uiterlijk, datum, op) == Stand.TE_LAAT
