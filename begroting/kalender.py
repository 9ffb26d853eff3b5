"""The latest dates of the begrotingscyclus of begrotingsjaar Y (Wet gemeenschappelijke
regelingen, as amended 1 July 2022; DOMAIN.md), computed, never stored.

| step                      | latest date                                                 | Wgr  |
|---------------------------|-------------------------------------------------------------|------|
| kaders                    | 30 April of Y-1                                             | 34b  |
| ontwerpbegroting          | 12 weeks before the algemeen bestuur adopts the begroting   | 35   |
| zienswijzen               | within those 12 weeks: the day before the adoption          | 35   |
| begroting_gs              | 2 weeks after adoption, and before 15 September of Y-1      | 34   |
| voorlopige_jaarrekening   | 30 April of Y+1                                             | 34b  |
| jaarrekening_gs           | 2 weeks after adoption, and before 15 July of Y+1           | 34   |

A statutory time limit that ends on a Saturday, Sunday or algemeen erkende feestdag is extended
to the next day that is none of these (Algemene termijnenwet art. 1 and 3); a limit counted
backwards from a moment (the 12 weeks before the adoption) is not (art. 4): that date stands,
and the step says so. Without an adoption date the calendar plans with the latest adoption the
statute allows: the day the begroting must be with Gedeputeerde Staten.

Plain functions on dates, so the page, the dashboard, the command and the .ics share them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from dateutil.easter import easter

from formatie.constants import EERSTE_JAAR, LAATSTE_JAAR

from .constants import Stap, Stapstatus

TWAALF_WEKEN = timedelta(weeks=12)
TWEE_WEKEN = timedelta(weeks=2)

DAGEN = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]

# Wgr article per step.
ARTIKEL = {
    Stap.KADERS: "art. 34b Wgr",
    Stap.ONTWERPBEGROTING: "art. 35 Wgr",
    Stap.ZIENSWIJZEN: "art. 35 Wgr",
    Stap.BEGROTING_GS: "art. 34 Wgr",
    Stap.VOORLOPIGE_JAARREKENING: "art. 34b Wgr",
    Stap.JAARREKENING_GS: "art. 34 Wgr",
}


def koningsdag(jaar: int) -> date:
    """The day the King's (before 2014 the Queen's) birthday is celebrated: 27 April from 2014
    (26 April when that is a Sunday), before that 30 April (29 April when that is a Sunday)."""
    dag = date(jaar, 4, 27) if jaar >= 2014 else date(jaar, 4, 30)
    return dag - timedelta(days=1) if dag.weekday() == 6 else dag


def feestdagen(jaar: int) -> dict[date, str]:
    """The algemeen erkende feestdagen of the Algemene termijnenwet (art. 3 lid 1) in a year:
    Nieuwjaarsdag, tweede Paas- en Pinksterdag, Hemelvaartsdag, Koningsdag, 5 mei and both
    Kerstdagen. Goede Vrijdag is not one of them."""
    pasen = easter(jaar)
    return {
        date(jaar, 1, 1): "Nieuwjaarsdag",
        pasen + timedelta(days=1): "tweede Paasdag",
        koningsdag(jaar): "Koningsdag",
        date(jaar, 5, 5): "5 mei",
        pasen + timedelta(days=39): "Hemelvaartsdag",
        pasen + timedelta(days=50): "tweede Pinksterdag",
        date(jaar, 12, 25): "eerste Kerstdag",
        date(jaar, 12, 26): "tweede Kerstdag",
    }


def geen_werkdag(dag: date) -> str:
    """Why a day ends no time limit ("zaterdag", "Hemelvaartsdag"), or "" on a working day."""
    if dag.weekday() >= 5:
        return DAGEN[dag.weekday()]
    return feestdagen(dag.year).get(dag, "")


def op_een(reden: str) -> str:
    """ "op een zaterdag", "op Koningsdag", "op 5 mei": how a day off is named in a note."""
    return f"op een {reden}" if reden in DAGEN else f"op {reden}"


def verleng(dag: date) -> date:
    """Algemene termijnenwet art. 1: a limit ending on a day off moves to the next working day."""
    while geen_werkdag(dag):
        dag += timedelta(days=1)
    return dag


@dataclass(frozen=True)
class Termijn:
    """One step of the cycle with its latest date and, where it was done, the day it was."""

    stap: str
    uiterste_datum: date
    regel: str  # the rule in Dutch, with the article
    toelichting: str = ""  # a shift by the Algemene termijnenwet, an assumed adoption date
    gedaan: date | None = None

    @property
    def naam(self) -> str:
        return Stap(self.stap).label

    @property
    def artikel(self) -> str:
        return ARTIKEL[Stap(self.stap)]

    def status(self, op: date) -> str:
        """``Stapstatus``: done on time or late, else open or past its date on ``op``."""
        if self.gedaan is not None:
            return Stapstatus.OP_TIJD if self.gedaan <= self.uiterste_datum else Stapstatus.TE_LAAT
        return Stapstatus.VERLOPEN if op > self.uiterste_datum else Stapstatus.OPEN


def _fixed(dag: date, wat: str) -> tuple[date, str]:
    """A fixed latest date, extended by the Algemene termijnenwet; with the note saying so."""
    latest = verleng(dag)
    if latest == dag:
        return dag, ""
    return latest, (
        f"{dag:%d-%m-%Y} ({wat}) valt {op_een(geen_werkdag(dag))}; de Algemene termijnenwet "
        f"verlengt de termijn tot {DAGEN[latest.weekday()]} {latest:%d-%m-%Y}."
    )


def _na_vaststelling(vaststelling: date | None, grens: date, wat: str) -> tuple[date, str]:
    """Two weeks after adoption, and before ``grens`` (the day after the last day), each
    extended by the Algemene termijnenwet; the earlier of the two."""
    vast, note = _fixed(grens - timedelta(days=1), f"de laatste dag {wat}")
    if vaststelling is None:
        return vast, note
    twee_weken, note2 = _fixed(vaststelling + TWEE_WEKEN, "twee weken na vaststelling")
    if vaststelling > vast:
        note = " ".join(
            n
            for n in (
                note,
                f"Vastgesteld op {vaststelling:%d-%m-%Y}, na de uiterste datum: het stuk kan "
                "niet meer op tijd bij Gedeputeerde Staten zijn.",
            )
            if n
        )
    return (twee_weken, note2) if twee_weken < vast else (vast, note)


def termijnen(
    jaar: int,
    vaststelling_begroting: date | None = None,
    vaststelling_jaarrekening: date | None = None,
) -> list[Termijn]:
    """The six steps of begrotingsjaar ``jaar`` with their latest dates, in order."""
    vorig, volgend = jaar - 1, jaar + 1
    result = []

    dag, note = _fixed(date(vorig, 4, 30), "30 april")
    result.append(
        Termijn(Stap.KADERS, dag, f"uiterlijk 30 april {vorig} ({ARTIKEL[Stap.KADERS]})", note)
    )

    gs_dag, gs_note = _na_vaststelling(
        vaststelling_begroting, date(vorig, 9, 15), f"vóór 15 september {vorig}"
    )
    aangenomen = ""
    vaststelling = vaststelling_begroting
    if vaststelling is None:
        vaststelling = gs_dag
        aangenomen = (
            f"Zonder datum van vaststelling gerekend met de laatste die de wet toelaat: "
            f"{vaststelling:%d-%m-%Y}."
        )
    ontwerp = vaststelling - TWAALF_WEKEN
    note = aangenomen
    if reden := geen_werkdag(ontwerp):
        note = (note + " " if note else "") + (
            f"{ontwerp:%d-%m-%Y} valt {op_een(reden)}; een termijn die terug wordt gerekend "
            "verlengt de Algemene termijnenwet niet (art. 4): verzend op de werkdag ervoor."
        )
    result.append(
        Termijn(
            Stap.ONTWERPBEGROTING,
            ontwerp,
            f"twaalf weken vóór de vaststelling door het algemeen bestuur "
            f"({ARTIKEL[Stap.ONTWERPBEGROTING]})",
            note,
        )
    )
    result.append(
        Termijn(
            Stap.ZIENSWIJZEN,
            vaststelling - timedelta(days=1),
            f"binnen die twaalf weken, vóór de vaststelling ({ARTIKEL[Stap.ZIENSWIJZEN]}); het "
            "dagelijks bestuur reageert op elke zienswijze schriftelijk en gemotiveerd",
            aangenomen,
        )
    )
    result.append(
        Termijn(
            Stap.BEGROTING_GS,
            gs_dag,
            f"binnen twee weken na vaststelling, en vóór 15 september {vorig} "
            f"({ARTIKEL[Stap.BEGROTING_GS]})",
            gs_note,
        )
    )

    dag, note = _fixed(date(volgend, 4, 30), "30 april")
    result.append(
        Termijn(
            Stap.VOORLOPIGE_JAARREKENING,
            dag,
            f"uiterlijk 30 april {volgend} ({ARTIKEL[Stap.VOORLOPIGE_JAARREKENING]})",
            note,
        )
    )
    dag, note = _na_vaststelling(
        vaststelling_jaarrekening, date(volgend, 7, 15), f"vóór 15 juli {volgend}"
    )
    result.append(
        Termijn(
            Stap.JAARREKENING_GS,
            dag,
            f"binnen twee weken na vaststelling, en vóór 15 juli {volgend} "
            f"({ARTIKEL[Stap.JAARREKENING_GS]})",
            note,
        )
    )
    extra = {}
    if vaststelling_begroting and vaststelling_begroting.year != vorig:
        extra[Stap.BEGROTING_GS] = (
            f"Het algemeen bestuur stelt de begroting vast in het jaar vóór het begrotingsjaar "
            f"({vorig}; art. 34 Wgr), niet in {vaststelling_begroting.year}."
        )
    if vaststelling_jaarrekening and vaststelling_jaarrekening.year != volgend:
        extra[Stap.JAARREKENING_GS] = (
            f"Het algemeen bestuur stelt de jaarrekening vast in het jaar na het begrotingsjaar "
            f"({volgend}; art. 34 Wgr), niet in {vaststelling_jaarrekening.year}."
        )
    return [_met_noten(t, extra.get(t.stap, "")) for t in result]


# The Wgr as amended 1 July 2022 (Wet versterking democratische legitimiteit Wgr).
WIJZIGING = date(2022, 7, 1)
OUDE_REGELS = (
    "Vóór 1 juli 2022 gold de Wgr van vóór de wijziging (kaders vóór 15 april, ontwerpbegroting "
    "acht weken vooraf, begroting naar Gedeputeerde Staten vóór 1 augustus); deze datum volgt "
    "de regels van nu."
)


def _met_noten(termijn: Termijn, extra: str) -> Termijn:
    """The step with the notes that concern it all: an adoption outside its year, a date under
    the Wgr before its amendment."""
    noten = [termijn.toelichting, extra]
    if termijn.uiterste_datum < WIJZIGING:
        noten.append(OUDE_REGELS)
    return replace(termijn, toelichting=" ".join(n for n in noten if n))


# The field of Begrotingscyclus that says when a step was done; the zienswijzen step is done per
# gemeente (``zienswijzen_gedaan``).
GEDAAN_VELD = {
    Stap.KADERS: "kaders_verzonden",
    Stap.ONTWERPBEGROTING: "ontwerpbegroting_verzonden",
    Stap.BEGROTING_GS: "begroting_naar_gs",
    Stap.VOORLOPIGE_JAARREKENING: "voorlopige_jaarrekening_verzonden",
    Stap.JAARREKENING_GS: "jaarrekening_naar_gs",
}

# The dates of a Begrotingscyclus: the adoptions and the day each step was done.
DATUMVELDEN = [
    "vaststelling_begroting",
    "vaststelling_jaarrekening",
    *GEDAAN_VELD.values(),
]


def jaarfout(jaar: int) -> str:
    """Why ``jaar`` is no begrotingsjaar Regiekamer computes; "" when it is one."""
    if EERSTE_JAAR <= jaar <= LAATSTE_JAAR:
        return ""
    return f"Kies een begrotingsjaar van {EERSTE_JAAR} tot en met {LAATSTE_JAAR}."


def datumfouten(jaar: int, datums: dict) -> dict[str, str]:
    """What cannot be true of the dates of begrotingsjaar ``jaar`` (``datums``: the fields of
    Begrotingscyclus by name, None where empty), by field, in Dutch. A late step is no error
    (the page shows it as "te laat"); a begroting sent on before it was adopted is, and so is
    any date more than two years from the begrotingsjaar (01-01-0001 is a typing error, and a
    calendar cannot count twelve weeks back from it)."""
    fouten = {
        name: (
            f"{dag:%d-%m-%Y} ligt te ver van begrotingsjaar {jaar}: de stappen vallen van "
            f"{jaar - 2} tot en met {jaar + 2}."
        )
        for name, dag in datums.items()
        if dag is not None and not jaar - 2 <= dag.year <= jaar + 2
    }
    datums = {name: dag for name, dag in datums.items() if name not in fouten}
    begroting = datums.get("vaststelling_begroting")
    jaarrekening = datums.get("vaststelling_jaarrekening")
    if begroting and not jaar - 2 <= begroting.year <= jaar:
        fouten["vaststelling_begroting"] = (
            f"De begroting {jaar} wordt vastgesteld in {jaar - 1} (art. 34 Wgr), niet in "
            f"{begroting.year}."
        )
    if jaarrekening and not jaar + 1 <= jaarrekening.year <= jaar + 2:
        fouten["vaststelling_jaarrekening"] = (
            f"De jaarrekening {jaar} wordt vastgesteld na afloop van het jaar, in {jaar + 1} "
            f"(art. 34 Wgr), niet in {jaarrekening.year}."
        )
    kaders = datums.get("kaders_verzonden")
    if kaders and not jaar - 2 <= kaders.year <= jaar:
        fouten["kaders_verzonden"] = (
            f"De kaders voor {jaar} gaan in {jaar - 1} naar de raden, niet in {kaders.year}."
        )
    ontwerp = datums.get("ontwerpbegroting_verzonden")
    if ontwerp and begroting and ontwerp >= begroting:
        fouten["ontwerpbegroting_verzonden"] = (
            "De ontwerpbegroting gaat vóór de vaststelling naar de raden: die geven er hun "
            "zienswijze op."
        )
    gs = datums.get("begroting_naar_gs")
    if gs and begroting and gs < begroting:
        fouten["begroting_naar_gs"] = (
            "De begroting gaat pas na de vaststelling naar Gedeputeerde Staten."
        )
    voorlopig = datums.get("voorlopige_jaarrekening_verzonden")
    if voorlopig and voorlopig.year <= jaar:
        fouten["voorlopige_jaarrekening_verzonden"] = (
            f"De voorlopige jaarrekening {jaar} volgt na afloop van het jaar, in {jaar + 1}."
        )
    gs = datums.get("jaarrekening_naar_gs")
    if gs and jaarrekening and gs < jaarrekening:
        fouten["jaarrekening_naar_gs"] = (
            "De jaarrekening gaat pas na de vaststelling naar Gedeputeerde Staten."
        )
    return fouten


SCENARIO_TEKST = "Een scenario heeft geen begroting en geen begrotingscyclus."


def geen_begroting_melding(sv) -> str:
    """Why a samenwerkingsverband has no begrotingscyclus, in Dutch; "" when it has one."""
    if sv.is_scenario:
        return (
            f"{sv.naam} is een scenario van {sv.scenario_van.naam}: {SCENARIO_TEKST[0].lower()}"
            f"{SCENARIO_TEKST[1:]}"
        )
    if not sv.heeft_eigen_begroting:
        return (
            f"{sv.naam} ({sv.get_juridische_vorm_display()}) heeft geen eigen begroting: elke "
            "gemeente draagt haar aandeel in haar eigen begroting, dus er is "
            "geen begrotingscyclus van de Wet gemeenschappelijke regelingen."
        )
    return ""


# --- A stored cycle ----------------------------------------------------------------------------


def zienswijzen_gedaan(cyclus, gemeenten) -> date | None:
    """The day the zienswijzen step was complete: every gemeente (``gemeenten``, the
    samenwerkingsverband's) has answered (a zienswijze received, or word that it gives none) and
    every zienswijze received has its written response; None while one is missing. Reads
    ``cyclus.zienswijzen.all()`` (prefetch it)."""
    per_gemeente = {z.gemeente_id: z for z in cyclus.zienswijzen.all()}
    dagen = []
    for gemeente in gemeenten:
        z = per_gemeente.get(gemeente.pk)
        if z is None or not z.beantwoord:
            return None
        if z.ontvangen and not z.geen_zienswijze:
            if not z.reactie_verzonden:
                return None
            dagen.append(z.reactie_verzonden)
        elif z.ontvangen:
            dagen.append(z.ontvangen)
    return max(dagen) if dagen else None


def cyclus_termijnen(cyclus, gemeenten) -> list[Termijn]:
    """The steps of a stored cycle: the latest dates from its adoption dates, and when each step
    was done (``gemeenten``: the samenwerkingsverband's, for the zienswijzen)."""
    result = []
    for termijn in termijnen(
        cyclus.jaar, cyclus.vaststelling_begroting, cyclus.vaststelling_jaarrekening
    ):
        if termijn.stap == Stap.ZIENSWIJZEN:
            gedaan = zienswijzen_gedaan(cyclus, gemeenten)
        else:
            gedaan = getattr(cyclus, GEDAAN_VELD[Stap(termijn.stap)])
        result.append(replace(termijn, gedaan=gedaan))
    return result


def volgende_termijn(cycli, gemeenten, op: date) -> tuple | None:
    """The first step not yet done, over ``cycli`` (a samenwerkingsverband's, zienswijzen
    prefetched), by latest date: (cyclus, Termijn), or None when all are done. A step past its
    date comes first: it is the most pressing."""
    open_ = [
        (t.uiterste_datum, c.jaar, c, t)
        for c in cycli
        for t in cyclus_termijnen(c, gemeenten)
        if t.gedaan is None
    ]
    if not open_:
        return None
    _, _, cyclus, termijn = min(open_, key=lambda x: (x[0], x[1]))
    return cyclus, termijn
