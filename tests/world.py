"""Rows the MLW demo lacks, so that every page has something to show (the access matrix and the
accessibility sweep both build on them), and a second samenwerkingsverband with its users."""

from datetime import date, datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from governance.models import Gremium
from partijen.constants import JuridischeVorm
from programma.models import Opdracht, Programmaplan
from regiekamer.roles import BEHEERDER, GEMEENTE, REGIEGROEP
from tests.berichten.factories import BerichtFactory
from tests.governance.factories import (
    ActiepuntFactory,
    AgendapuntFactory,
    BesluitFactory,
    KnelpuntFactory,
    StukFactory,
    SubregioFactory,
    VergaderingFactory,
)
from tests.partijen.factories import (
    GebruikerFactory,
    GemeenteFactory,
    InwonertalFactory,
    SamenwerkingsverbandFactory,
    ToegangFactory,
)
from tests.programma.factories import StartantwoordFactory


def add_meeting_and_answer(sv, deadline: date | None = None) -> Programmaplan:
    """A meeting of the first gremium with an agenda item and a stuk, a decision on it, an
    action (due on ``deadline``), a knelpunt, a subregio and a start answer; returns the
    programmaplan."""
    gremium = Gremium.objects.filter(samenwerkingsverband=sv).order_by("pk").first()
    vergadering = VergaderingFactory(
        gremium=gremium, begin=timezone.make_aware(datetime(2026, 12, 1, 10))
    )
    agendapunt = AgendapuntFactory(
        vergadering=vergadering, volgorde=1, titel="Begroting", soort="besluitvorming"
    )
    StukFactory(
        agendapunt=agendapunt,
        titel="Notitie",
        bestand=SimpleUploadedFile("notitie.pdf", b"%PDF-1.4\n%%EOF\n"),
        verwijzing="",
    )
    BesluitFactory(
        gremium=gremium,
        agendapunt=agendapunt,
        datum=date(2026, 12, 1),
        tekst="Begroting vastgesteld",
        uitkomst="aangenomen",
    )
    actiepunt = ActiepuntFactory(
        gremium=gremium, omschrijving="Begroting rondsturen", deadline=deadline
    )
    # Its owner was told by e-mail, but had no address: the outbox lists it.
    BerichtFactory(
        over=actiepunt,
        soort="actie",
        onderwerpregel="Actie voor u: Begroting rondsturen",
        ontvanger_email="",
    )
    KnelpuntFactory(
        samenwerkingsverband=sv,
        omschrijving="Capaciteit",
        ingebracht_door="Weert",
        datum=date(2026, 11, 1),
    )
    if not sv.subregios.exists():
        SubregioFactory(samenwerkingsverband=sv, naam="Subregio van de test")
    plan = Programmaplan.objects.get(samenwerkingsverband=sv)
    opdracht = Opdracht.objects.filter(thema__plan=plan).order_by("pk").first()
    StartantwoordFactory(opdracht=opdracht, vraag=plan.startvragen.order_by("pk").first())
    return plan


def add_nml(weert):
    """Noord- en Midden-Limburg (NML): a second samenwerkingsverband with Venlo of its own and
    ``weert`` shared with MLW (issue 14). Returns NML and Venlo."""
    venlo = GemeenteFactory(naam="Venlo", plaats="")
    nml = SamenwerkingsverbandFactory(
        naam="Noord- en Midden-Limburg",
        afkorting="NML",
        juridische_vorm=JuridischeVorm.CENTRUMREGELING,
        gemeenten=[venlo, weert],
    )
    return nml, venlo


def user_with_place(django_user_model, username, roles, svs=(), gemeente=None):
    """A user with these roles (group names), taking part in ``svs``, official of ``gemeente``."""
    user = GebruikerFactory(username=username, first_name="", last_name="", rollen=roles)
    ToegangFactory(gebruiker=user, gemeente=gemeente, samenwerkingsverbanden=svs)
    return user


def mlw_with_nml(django_user_model):
    """MLW with its three gemeenten (without the rest of the demo) and NML (:func:`add_nml`),
    which shares Weert; every gemeente has an inwonertal on 1-1-2016. Returns the rows by name,
    and the users: "regie" (regiegroep of MLW), "beheer" and "ambtenaar" (of Weert)."""
    mlw = SamenwerkingsverbandFactory(
        naam="Sociaal Domein Midden-Limburg West",
        afkorting="MLW",
        juridische_vorm=JuridischeVorm.CENTRUMREGELING,
    )
    rows = {"mlw": mlw}
    for naam, aantal in [("Leudal", 35_900), ("Nederweert", 16_900), ("Weert", 49_100)]:
        rows[naam.lower()] = gemeente = GemeenteFactory(naam=naam, plaats=naam)
        InwonertalFactory(gemeente=gemeente, peildatum=date(2016, 1, 1), aantal=aantal, bron="")
        mlw.gemeenten.add(gemeente)
    rows["nml"], rows["venlo"] = add_nml(rows["weert"])
    InwonertalFactory(gemeente=rows["venlo"], peildatum=date(2016, 1, 1), aantal=101_000, bron="")
    rows["regie"] = user_with_place(django_user_model, "regie-mlw", [REGIEGROEP], [mlw])
    rows["beheer"] = user_with_place(django_user_model, "beheer", [BEHEERDER])
    rows["ambtenaar"] = user_with_place(
        django_user_model, "ambtenaar-weert", [GEMEENTE], gemeente=rows["weert"]
    )
    return rows
