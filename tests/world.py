"""Rows the MLW demo lacks, so that every page has something to show (the access matrix and the
accessibility sweep both build on them)."""

from datetime import date, datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from governance.models import Actiepunt, Agendapunt, Besluit, Gremium, Knelpunt, Stuk, Vergadering
from programma.models import Opdracht, Programmaplan, Startantwoord


def add_meeting_and_answer(sv, deadline: date | None = None) -> Programmaplan:
    """A meeting of the first gremium with an agenda item and a stuk, a decision, an action
    (due on ``deadline``), a knelpunt and a start answer; returns the programmaplan."""
    gremium = Gremium.objects.filter(samenwerkingsverband=sv).order_by("pk").first()
    vergadering = Vergadering.objects.create(
        gremium=gremium, begin=timezone.make_aware(datetime(2026, 12, 1, 10))
    )
    agendapunt = Agendapunt.objects.create(
        vergadering=vergadering, volgorde=1, titel="Begroting", soort="besluitvorming"
    )
    Stuk.objects.create(
        agendapunt=agendapunt,
        titel="Notitie",
        bestand=SimpleUploadedFile("notitie.pdf", b"%PDF-1.4\n%%EOF\n"),
    )
    Besluit.objects.create(
        gremium=gremium,
        datum=date(2026, 12, 1),
        tekst="Begroting vastgesteld",
        uitkomst="aangenomen",
    )
    Actiepunt.objects.create(
        gremium=gremium, omschrijving="Begroting rondsturen", deadline=deadline
    )
    Knelpunt.objects.create(
        samenwerkingsverband=sv,
        omschrijving="Capaciteit",
        ingebracht_door="Weert",
        datum=date(2026, 11, 1),
    )
    plan = Programmaplan.objects.get(samenwerkingsverband=sv)
    opdracht = Opdracht.objects.filter(thema__plan=plan).order_by("pk").first()
    Startantwoord.objects.create(opdracht=opdracht, vraag=plan.startvragen.order_by("pk").first())
    return plan
