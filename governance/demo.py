"""Load the governance record (gremia with their dates, relations, persons, memberships, the
subregio's of a structure and the decisions the documents report) from its fixture."""

from datetime import date
from decimal import Decimal

from partijen.models import Gemeente, Samenwerkingsverband
from regiekamer.demo import upsert

from .models import (
    Behandeling,
    Besluit,
    Gremium,
    GremiumRelatie,
    Lidmaatschap,
    Persoon,
    Procesplanning,
    Processtap,
    Subregio,
    Voorstel,
)
from .route import routeer


def _date(value):
    return date.fromisoformat(value) if value else None


def load_governance_record(data: dict) -> None:
    sv = Samenwerkingsverband.objects.get(afkorting=data["samenwerkingsverband"])
    gemeenten = {g.naam: g for g in Gemeente.objects.all()}
    gremia = {}
    for g in data["gremia"]:
        uren = g.get("uren_per_week_per_gemeente")
        gremia[g["sleutel"]] = upsert(
            Gremium,
            samenwerkingsverband=sv,
            naam=g["naam"],
            periode=g.get("periode", ""),
            defaults={
                "soort": g["soort"],
                "doel": g.get("doel", ""),
                "cadans": g.get("cadans", ""),
                "vergaderingen_per_jaar": g.get("vergaderingen_per_jaar"),
                "voorzitter": g.get("voorzitter", ""),
                "communicatie_vast_agendapunt": g.get("communicatie_vast_agendapunt", False),
                "gemeente": gemeenten.get(g.get("gemeente")),
                "uren_per_week_per_gemeente": Decimal(str(uren)) if uren is not None else None,
                "historisch": g.get("historisch", False),
                "bron": g.get("bron", ""),
                "ingesteld": _date(g.get("ingesteld")),
                "ingesteld_precisie": g.get("ingesteld_precisie", "onbekend"),
                "opgeheven": _date(g.get("opgeheven")),
                "opgeheven_precisie": g.get("opgeheven_precisie", "onbekend"),
            },
        )
    for r in data["relaties"]:
        upsert(GremiumRelatie, van=gremia[r["van"]], naar=gremia[r["naar"]], soort=r["soort"])
    personen = {}
    for p in data["personen"]:
        personen[p["sleutel"]] = upsert(
            Persoon,
            naam=p["naam"],
            gemeente=gemeenten.get(p.get("gemeente")),
            defaults={"functie": p.get("functie", ""), "organisatie": p.get("organisatie", "")},
        )
    for m in data["lidmaatschappen"]:
        upsert(
            Lidmaatschap,
            persoon=personen[m["persoon"]],
            gremium=gremia[m["gremium"]],
            defaults={"rol": m["rol"], "vanaf": _date(m.get("vanaf")), "tot": _date(m.get("tot"))},
        )
    for r in data.get("subregios", []):
        upsert(
            Subregio,
            samenwerkingsverband=sv,
            periode=r["periode"],
            naam=r["naam"],
            defaults={
                "model": r["model"],
                "gemeenten": r["gemeenten"],
                "inwoners": r.get("inwoners"),
                "bron": r.get("bron", ""),
            },
        )
    for b in data.get("besluiten", []):
        upsert(
            Besluit,
            gremium=gremia[b["gremium"]],
            tekst=b["tekst"],
            defaults={
                "datum": _date(b.get("datum")),
                "datum_precisie": b["datum_precisie"],
                "uitkomst": b["uitkomst"],
                "route": b["route"],
                "bron": b.get("bron", ""),
            },
        )


def load_route_record(data: dict) -> None:
    """Voorstellen routed through the colleges and councils, and process plannings with their
    stappen (fixtures/g12_planning.json, fixtures/mlw_route.json)."""
    sv = Samenwerkingsverband.objects.get(afkorting=data["samenwerkingsverband"])
    gemeenten = {g.naam: g for g in sv.gemeenten.all()}
    voorstellen = {}
    for v in data.get("voorstellen", []):
        voorstel = upsert(
            Voorstel,
            samenwerkingsverband=sv,
            titel=v["titel"],
            defaults={"omschrijving": v.get("omschrijving", ""), "bron": v.get("bron", "")},
        )
        voorstellen[v["titel"]] = voorstel
        if "route" in v:
            routeer(voorstel, list(v["route"]), v["route"])
        for b in v.get("behandelingen", []):
            gemeente = gemeenten[b["gemeente"]]
            besluit = None
            if b.get("besluit"):
                besluit = Besluit.objects.get(
                    gremium__samenwerkingsverband=sv,
                    gremium__naam=b["besluit"],
                    datum=_date(b["datum"]),
                )
            upsert(
                Behandeling,
                voorstel=voorstel,
                gemeente=gemeente,
                orgaan=b["orgaan"],
                defaults={
                    "gepland": b.get("gepland", ""),
                    "datum": _date(b.get("datum")),
                    "uitkomst": b.get("uitkomst", ""),
                    "besluit": besluit,
                    "toelichting": b.get("toelichting", ""),
                },
            )
    for p in data.get("planningen", []):
        planning = upsert(
            Procesplanning,
            samenwerkingsverband=sv,
            naam=p["naam"],
            defaults={
                "jaar": p["jaar"],
                "bron": p.get("bron", ""),
                "toelichting": p.get("toelichting", ""),
            },
        )
        for volgorde, s in enumerate(p["stappen"], start=1):
            upsert(
                Processtap,
                planning=planning,
                volgorde=volgorde,
                defaults={
                    "fase": s["fase"],
                    "stap": s["stap"],
                    "gepland": s["gepland"],
                    "jaar": s.get("jaar"),
                    "waar": s.get("waar", ""),
                    "orgaan": s.get("orgaan", ""),
                    "voorstel": voorstellen.get(s.get("voorstel")),
                },
            )
