"""A small programme for the query-budget tests, and opdrachten added in bulk (issue 8)."""

from datetime import date, timedelta
from types import SimpleNamespace

from simple_history.utils import bulk_create_with_history

from programma.models import Opdracht, Voortgangsregel
from tests.programma.factories import (
    ProgrammaplanFactory,
    StartvraagFactory,
    ThemaFactory,
    VoortgangsrapportageFactory,
    VoortgangsregelFactory,
)
from tests.querycount import of

# (uitvoering, kleurstatus) of the rows, in turn: every colour and every state.
STANDEN = [
    ("lopend", "goed"),
    ("lopend", "risico"),
    ("lopend", "probleem"),
    ("niet_gestart", ""),
    ("afgerond", "goed"),
]


def programma_world(sv):
    """A plan with three thema's, three startvragen, a report sent to the stuurgroep and a
    newer concept report."""
    plan = ProgrammaplanFactory(
        samenwerkingsverband=sv, titel="Programmaplan Q", jaar_van=2024, jaar_tot=2026
    )
    themas = [ThemaFactory(plan=plan, nummer=n, naam=f"Thema {n}") for n in range(1, 4)]
    for n in range(1, 4):
        StartvraagFactory(plan=plan, nummer=n, tekst=f"Vraag {n}")
    vorige = VoortgangsrapportageFactory(
        plan=plan, peildatum=date(2025, 1, 1), periode="januari 2025", status="vastgesteld"
    )
    rapportage = VoortgangsrapportageFactory(
        plan=plan, peildatum=date(2025, 3, 1), periode="maart 2025", vorige=vorige
    )
    return SimpleNamespace(
        sv=sv,
        plan=plan,
        themas=themas,
        vorige=vorige,
        rapportage=rapportage,
        rapportages=[vorige, rapportage],
    )


def has_stappen(i: int) -> bool:
    return i % 10 == 5


def with_stappen(n: int) -> int:
    """How many opdrachten ``add_opdrachten(w, 0, n)`` makes: every tenth has two stappen."""
    return n + 2 * sum(has_stappen(i) for i in range(n))


def add_opdrachten(w, start, stop, history=False):
    """Opdrachten over the thema's, some flagged, every tenth with two stappen, each related
    to the one before, each deelopdracht with a row in both reports (the dates slip); with
    ``history``, the rows' history too (a report's page lists it)."""
    opdrachten = Opdracht.objects.bulk_create(
        Opdracht(
            thema=of(w.themas, i),
            nummer=i + 1,
            titel=f"Opdracht {i:04d}",
            verantwoordelijk_uitvoerder=f"Uitvoerder {i % 7}",
            start=date(2024, 1, 1) + timedelta(days=i % 300),
            eind=date(2025, 1, 1) + timedelta(days=i % 300) if i % 4 else None,
            te_controleren=i % 7 == 0,
            controle_opmerking="Datum nakijken" if i % 7 == 0 else "",
        )
        for i in range(start, stop)
    )
    stappen = Opdracht.objects.bulk_create(
        Opdracht(
            thema=o.thema,
            nummer=o.nummer,
            hoofdopdracht=o,
            stap=s,
            titel=f"Stap {s} van {o.titel}",
            start=o.start,
            eind=o.eind,
        )
        for i, o in enumerate(opdrachten, start)
        if has_stappen(i)
        for s in (1, 2)
    )
    through = Opdracht.relaties.through
    pairs = list(zip(opdrachten, opdrachten[1:], strict=False))
    through.objects.bulk_create(
        [through(from_opdracht=a, to_opdracht=b) for a, b in pairs]
        + [through(from_opdracht=b, to_opdracht=a) for a, b in pairs]
    )
    deel = [o for i, o in enumerate(opdrachten, start) if not has_stappen(i)] + stappen
    regels = []
    for i, o in enumerate(deel, start):
        uitvoering, kleur = of(STANDEN, i)
        for rapportage, slip in ((w.vorige, 0), (w.rapportage, i % 3)):
            regels.append(
                VoortgangsregelFactory.build(
                    rapportage=rapportage,
                    opdracht=o,
                    uitvoering=uitvoering,
                    kleurstatus=kleur,
                    startdatum=o.start,
                    realisatiedatum=date(2025, 6, 1),
                    bijgestelde_datum=date(2025, 6, 1) + timedelta(days=30 * slip)
                    if slip
                    else None,
                    toelichting=f"Toelichting {i}" if i % 2 else "",
                )
            )
    if history:
        bulk_create_with_history(regels, Voortgangsregel)
    else:
        Voortgangsregel.objects.bulk_create(regels)
    return opdrachten
