"""A voorstel through the college and the council of every participating gemeente, and the
process planning whose steps it carries (seed 001). Plain functions: the pages and tests call
them directly; they read the behandelingen and stappen as prefetched (no query per row)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from regiekamer.vagedatum import Stand, sorteerdag, stand

from .constants import Besluituitkomst, Orgaan
from .models import Behandeling, Procesplanning, Processtap, Voorstel


@transaction.atomic
def routeer(voorstel: Voorstel, organen, gepland: dict | None = None) -> list[Behandeling]:
    """One Behandeling for each ``orgaan`` (college, raad) of each participating gemeente that
    has none yet, planned as ``gepland[orgaan]`` says (as written). Returns the new rows; a bad
    planned date is refused (ValidationError) and nothing is saved."""
    gepland = gepland or {}
    bestaand = set(voorstel.behandelingen.values_list("gemeente_id", "orgaan"))
    nieuw = []
    for orgaan in organen:
        for gemeente in voorstel.samenwerkingsverband.gemeenten.order_by("naam"):
            if (gemeente.pk, orgaan) in bestaand:
                continue
            behandeling = Behandeling(
                voorstel=voorstel, gemeente=gemeente, orgaan=orgaan, gepland=gepland.get(orgaan, "")
            )
            behandeling.full_clean()
            behandeling.save()
            nieuw.append(behandeling)
    return nieuw


@dataclass(frozen=True)
class Orgaanstand:
    """The route of one orgaan: how many of the gemeenten have decided, and how many are late."""

    orgaan: str
    besloten: int
    totaal: int
    te_laat: int
    laatste_datum: date | None

    @property
    def label(self) -> str:
        return Orgaan(self.orgaan).label

    @property
    def klaar(self) -> bool:
        return self.totaal > 0 and self.besloten == self.totaal

    @property
    def tekst(self) -> str:
        meervoud = "colleges" if self.orgaan == Orgaan.COLLEGE else "raden"
        zin = f"{self.besloten} van {self.totaal} {meervoud} besloten"
        if self.te_laat:
            zin += f", {self.te_laat} te laat"
        return zin


def besloten(behandeling: Behandeling) -> bool:
    """Decided: a date and an outcome (also "uitkomst niet bekend", as the documents may say)."""
    return behandeling.datum is not None and bool(behandeling.uitkomst)


def orgaanstand(behandelingen, orgaan: str, op: date | None = None) -> Orgaanstand:
    op = op or timezone.localdate()
    rijen = [b for b in behandelingen if b.orgaan == orgaan]
    klaar = [b for b in rijen if besloten(b)]
    return Orgaanstand(
        orgaan=orgaan,
        besloten=len(klaar),
        totaal=len(rijen),
        te_laat=sum(1 for b in rijen if b.stand(op) == Stand.TE_LAAT),
        laatste_datum=max((b.datum for b in klaar), default=None),
    )


def routestand(voorstel: Voorstel, op: date | None = None) -> list[Orgaanstand]:
    """Per orgaan that the voorstel goes through (college first), its state."""
    behandelingen = list(voorstel.behandelingen.all())
    organen = [o for o in Orgaan.values if any(b.orgaan == o for b in behandelingen)]
    return [orgaanstand(behandelingen, o, op) for o in organen]


def aangenomen_door_allen(voorstel: Voorstel, orgaan: str) -> bool:
    rijen = [b for b in voorstel.behandelingen.all() if b.orgaan == orgaan]
    return bool(rijen) and all(b.uitkomst == Besluituitkomst.AANGENOMEN for b in rijen)


def stap_stand(stap: Processtap, op: date | None = None) -> str:
    """A step's state (``vagedatum.Stand``). A step routed through the gemeenten is done when
    every college (or council) has decided, on the day of the last one; it is late when its
    latest planned day has passed and one has not."""
    op = op or timezone.localdate()
    if stap.voorstel_id and stap.orgaan:
        s = orgaanstand(stap.voorstel.behandelingen.all(), stap.orgaan, op)
        if s.klaar:
            return stand(stap.gepland_uiterlijk, s.laatste_datum, op)
        return stand(stap.gepland_uiterlijk, None, op)
    return stand(stap.gepland_uiterlijk, stap.datum, op)


def gesorteerd(stappen) -> list[Processtap]:
    """By the middle of the planned days ("uiterlijk …" by its latest; ``vagedatum.sorteerdag``),
    undated last, then the document's order."""

    def sleutel(s):
        dag = sorteerdag(s.gepland_vanaf, s.gepland_uiterlijk)
        return (dag is None, dag or date.max, s.volgorde, s.pk or 0)

    return sorted(stappen, key=sleutel)


def gevolgen_voorstel_verwijderen(voorstel: Voorstel) -> str:
    """What goes with a voorstel (its behandelingen) and what loses it (the steps of a
    planning that follow its route), for the question before deleting."""
    delen = []
    rijen = list(voorstel.behandelingen.all())
    if rijen:
        woord = {Orgaan.COLLEGE: ("college", "colleges"), Orgaan.RAAD: ("raad", "raden")}
        aantallen = {o: sum(1 for b in rijen if b.orgaan == o) for o in Orgaan.values}
        organen = ", ".join(f"{n} {woord[o][n != 1]}" for o, n in aantallen.items() if n)
        delen.append(
            f"Met het voorstel verdwijnen ook {len(rijen)} "
            f"{'behandeling' if len(rijen) == 1 else 'behandelingen'} in de gemeenten ({organen})."
        )
    stappen = list(voorstel.processtappen.select_related("planning"))
    if stappen:
        namen = ", ".join(sorted({f"'{s.planning.naam}'" for s in stappen}))
        delen.append(
            f"{len(stappen)} {'stap' if len(stappen) == 1 else 'stappen'} van de procesplanning "
            f"{namen} {'blijft' if len(stappen) == 1 else 'blijven'} staan, maar "
            f"{'volgt' if len(stappen) == 1 else 'volgen'} dan geen route langs de gemeenten meer."
        )
    return " ".join(delen)


def herlees_stappen(planning: Procesplanning) -> int:
    """Read every step's planned text again and save those whose days changed: a step that
    names no year takes the planning's, so a new year of the planning moves it ("eind mei").
    Returns how many steps moved."""
    verschoven = 0
    for stap in planning.stappen.filter(jaar__isnull=True):
        stap.planning = planning
        oud = (stap.gepland_vanaf, stap.gepland_uiterlijk)
        try:
            stap.lees_gepland()
        except ValidationError:
            continue  # a text the form refused stays as it was
        if oud != (stap.gepland_vanaf, stap.gepland_uiterlijk):
            stap.save()
            verschoven += 1
    return verschoven


def planning_met_stand(planning: Procesplanning, op: date | None = None) -> list[Processtap]:
    """The steps sorted, each with ``stand`` and ``stand_tekst`` (and ``route`` when routed)."""
    op = op or timezone.localdate()
    stappen = gesorteerd(planning.stappen.all())
    for stap in stappen:
        stap.huidige_stand = stap_stand(stap, op)
        stap.stand_tekst = Stand.WOORDEN[stap.huidige_stand]
        stap.route = (
            orgaanstand(stap.voorstel.behandelingen.all(), stap.orgaan, op)
            if stap.voorstel_id and stap.orgaan
            else None
        )
    return stappen
