"""The governance rules: chair rotation, a meeting series, overdue actions, date validation."""

from datetime import date, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from governance.models import Actiepunt, Gremium, Lidmaatschap, Persoon, Vergadering
from governance.vergaderplanning import generate_series, propose_chair
from partijen.models import Gemeente, Samenwerkingsverband

pytestmark = pytest.mark.django_db


@pytest.fixture
def stuurgroep(db):
    sv = Samenwerkingsverband.objects.create(
        naam="Testregio", afkorting="TST", juridische_vorm="regeling_zonder_meer"
    )
    gremium = Gremium.objects.create(
        samenwerkingsverband=sv,
        naam="Stuurgroep",
        soort="stuurgroep",
        voorzitter="roulerend",
        vergaderingen_per_jaar=6,
        roulerende_locatie=True,
    )
    for naam in ["Leudal", "Nederweert", "Weert"]:
        gemeente = Gemeente.objects.create(naam=naam)
        sv.gemeenten.add(gemeente)
        persoon = Persoon.objects.create(naam=f"Wethouder {naam}", gemeente=gemeente)
        Lidmaatschap.objects.create(persoon=persoon, gremium=gremium, rol="lid")
    return gremium


def test_series_rotates_chair_and_location_and_is_idempotent(stuurgroep):
    created = generate_series(stuurgroep, 2026)
    assert [timezone.localtime(v.begin).month for v in created] == [1, 3, 5, 7, 9, 11]
    assert all(timezone.localtime(v.begin).weekday() == 1 for v in created)  # first Tuesday
    assert [v.voorzitter.gemeente.naam for v in created] == [
        "Leudal",
        "Nederweert",
        "Weert",
        "Leudal",
        "Nederweert",
        "Weert",
    ]
    assert [v.locatie_gemeente.naam for v in created][:3] == ["Leudal", "Nederweert", "Weert"]
    assert generate_series(stuurgroep, 2026) == []
    assert Vergadering.objects.filter(gremium=stuurgroep).count() == 6


def test_rotation_follows_the_last_actual_chair(stuurgroep):
    weert = Persoon.objects.get(naam="Wethouder Weert")
    Vergadering.objects.create(
        gremium=stuurgroep, begin=timezone.make_aware(datetime(2026, 2, 3, 10)), voorzitter=weert
    )
    assert propose_chair(stuurgroep, date(2026, 3, 1)).naam == "Wethouder Leudal"


def test_a_member_who_left_does_not_chair(stuurgroep):
    lid = Lidmaatschap.objects.get(persoon__naam="Wethouder Leudal")
    lid.tot = date(2025, 12, 31)
    lid.save()
    assert propose_chair(stuurgroep, date(2026, 1, 6)).naam == "Wethouder Nederweert"


def test_fixed_chair_is_the_voorzitter(stuurgroep):
    stuurgroep.voorzitter = "vast"
    stuurgroep.save()
    Lidmaatschap.objects.filter(persoon__naam="Wethouder Weert").update(rol="voorzitter")
    assert propose_chair(stuurgroep, date(2026, 1, 6)).naam == "Wethouder Weert"


def test_series_needs_a_cadence(stuurgroep):
    stuurgroep.vergaderingen_per_jaar = None
    with pytest.raises(ValueError, match="geen vergaderfrequentie"):
        generate_series(stuurgroep, 2026)


def test_overdue_actions(stuurgroep):
    today = timezone.localdate()
    late = Actiepunt(gremium=stuurgroep, omschrijving="Notitie", deadline=today - timedelta(days=1))
    due = Actiepunt(gremium=stuurgroep, omschrijving="Brief", deadline=today)
    done = Actiepunt(
        gremium=stuurgroep,
        omschrijving="Klaar",
        deadline=today - timedelta(days=9),
        status="gereed",
    )
    assert late.is_overdue() and not due.is_overdue() and not done.is_overdue()


def test_meeting_ending_before_it_starts_is_refused(stuurgroep):
    begin = timezone.make_aware(datetime(2026, 4, 7, 10))
    vergadering = Vergadering(gremium=stuurgroep, begin=begin, eind=begin - timedelta(hours=1))
    with pytest.raises(ValidationError, match="De vergadering eindigt vóór of op het begin."):
        vergadering.full_clean()


def test_membership_ending_before_it_starts_is_refused(stuurgroep):
    lid = Lidmaatschap.objects.first()
    lid.vanaf, lid.tot = date(2026, 5, 1), date(2026, 4, 1)
    with pytest.raises(ValidationError, match="Het lidmaatschap eindigt vóór het begint."):
        lid.full_clean()
