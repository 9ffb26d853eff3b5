"""Meeting rules: who chairs next, where the next meeting is, and a year's series of meetings."""

from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from .constants import Gremiumsoort, Lidrol, Voorzitterregel
from .models import Gremium, Lidmaatschap, Persoon, Vergadering


def _next_in_turn(items: list, previous):
    """The item after ``previous`` in a fixed turn order (the first when there is none)."""
    if previous not in items:
        return items[0]
    return items[(items.index(previous) + 1) % len(items)]


def chair_candidates(gremium: Gremium, op: date) -> list[Persoon]:
    """Members who may chair on ``op``: the voorzitter (fixed) or the members in turn (rotating)."""
    rollen = [Lidrol.VOORZITTER]
    if gremium.voorzitter == Voorzitterregel.ROULEREND:
        rollen.append(Lidrol.LID)
    leden = (
        Lidmaatschap.objects.filter(gremium=gremium, rol__in=rollen)
        .select_related("persoon__gemeente")
        .order_by("persoon__gemeente__naam", "persoon__naam")
    )
    return [lid.persoon for lid in leden if lid.is_actief(op)]


def propose_chair(gremium: Gremium, op: date) -> Persoon | None:
    """The next chair: for a rotating chair the candidate after the last meeting's chair."""
    candidates = chair_candidates(gremium, op)
    if not candidates:
        return None
    if gremium.voorzitter != Voorzitterregel.ROULEREND:
        return candidates[0]
    vorige = (
        Vergadering.objects.filter(gremium=gremium, begin__date__lt=op, voorzitter__isnull=False)
        .order_by("-begin")
        .first()
    )
    return _next_in_turn(candidates, vorige.voorzitter if vorige else None)


def propose_location(gremium: Gremium, op: date):
    """The next host gemeente when the location rotates over the gemeenten, else None."""
    if not gremium.roulerende_locatie:
        return None
    gemeenten = list(gremium.samenwerkingsverband.gemeenten.order_by("naam"))
    if not gemeenten:
        return None
    vorige = (
        Vergadering.objects.filter(
            gremium=gremium, begin__date__lt=op, locatie_gemeente__isnull=False
        )
        .order_by("-begin")
        .first()
    )
    return _next_in_turn(gemeenten, vorige.locatie_gemeente if vorige else None)


def _first_weekday(jaar: int, maand: int, weekday: int) -> date:
    day = date(jaar, maand, 1)
    return day + timedelta(days=(weekday - day.weekday()) % 7)


@transaction.atomic
def generate_series(
    gremium: Gremium, jaar: int, weekday: int = 1, aanvang: time = time(10, 0)
) -> list[Vergadering]:
    """Plan the year's meetings from the cadence: spread evenly, on the first ``weekday``
    (0 = Monday) of the month. A month that already has a meeting is skipped, so a second run
    creates nothing. Each new meeting gets the proposed chair and host gemeente.
    """
    if gremium.soort == Gremiumsoort.COLLEGE:
        raise ValueError(
            f"Het {gremium.naam} vergadert buiten Regiekamer; hier worden alleen zijn besluiten "
            "over de samenwerking vastgelegd."
        )
    if gremium.is_historisch:
        raise ValueError(
            f"{gremium.naam} is een historisch gremium en vergadert niet meer; plan de "
            "vergaderingen bij het huidige gremium."
        )
    per_jaar = gremium.vergaderingen_per_jaar
    if not per_jaar:
        raise ValueError(f"{gremium.naam} heeft geen vergaderfrequentie; vul die eerst in.")
    if per_jaar > 12:
        raise ValueError("Een reeks plant hooguit één vergadering per maand.")
    maanden = [1 + (i * 12) // per_jaar for i in range(per_jaar)]
    bezet = {
        v.begin.astimezone(timezone.get_current_timezone()).month
        for v in Vergadering.objects.filter(gremium=gremium, begin__year=jaar)
    }
    nieuw = []
    for maand in maanden:
        if maand in bezet:
            continue
        dag = _first_weekday(jaar, maand, weekday)
        begin = timezone.make_aware(datetime.combine(dag, aanvang))
        gastgemeente = propose_location(gremium, dag)
        nieuw.append(
            Vergadering.objects.create(
                gremium=gremium,
                begin=begin,
                eind=begin + timedelta(hours=2),
                voorzitter=propose_chair(gremium, dag),
                locatie_gemeente=gastgemeente,
                locatie=f"Gemeentehuis {gastgemeente.naam}" if gastgemeente else "",
            )
        )
    return nieuw
