"""Load the MLW formation (fasen, rollen, bezetting, werkgroepen) from its fixture."""

from decimal import Decimal

from convenant.models import Convenant
from partijen.models import Gemeente, Samenwerkingsverband
from regiekamer.demo import parse_date, upsert

from .models import Bezetting, Fase, Rol, Salarisschaal, Uurtarief, Werkgroep


def _decimal(value):
    return Decimal(value) if value is not None else None


def load_formatie_record(data: dict) -> None:
    sv = Samenwerkingsverband.objects.get(afkorting=data["samenwerkingsverband"])
    convenant = Convenant.objects.filter(samenwerkingsverband=sv, titel=data["convenant"]).first()
    fasen = {}
    for f in data["fasen"]:
        fasen[f["naam"]] = upsert(
            Fase,
            samenwerkingsverband=sv,
            naam=f["naam"],
            defaults={
                "convenant": convenant,
                "begin": parse_date(f["begin"]),
                "eind": parse_date(f["eind"]),
            },
        )
    for s in data["salarisschalen"]:
        upsert(
            Salarisschaal,
            samenwerkingsverband=sv,
            schaal=s["schaal"],
            jaar=s["jaar"],
            defaults={
                "jaarkosten_per_fte": Decimal(s["jaarkosten_per_fte"]),
                "bron": s.get("bron", ""),
            },
        )
    gemeenten = {g.naam: g for g in Gemeente.objects.all()}
    for volgorde, r in enumerate(data["rollen"], start=1):
        rol = upsert(
            Rol,
            samenwerkingsverband=sv,
            naam=r["naam"],
            defaults={
                "volgorde": volgorde,
                "naam_in_kostentabel": r.get("naam_in_kostentabel", ""),
                "kostensoort": r["kostensoort"],
                "leverende_gemeente": gemeenten.get(r["leverende_gemeente"]),
                "schaal": r["schaal"],
                "uurtarief": _decimal(r["uurtarief"]),
                "structureel": r["structureel"],
                "basisformatie": _decimal(r["basisformatie"]),
                "opmerking": r["opmerking"],
                "omschrijving": r["omschrijving"],
            },
        )
        for jaar, uurtarief in r.get("uurtarieven", {}).items():
            upsert(
                Uurtarief,
                rol=rol,
                jaar=int(jaar),
                defaults={"uurtarief": Decimal(uurtarief), "bron": "Bijlage 1"},
            )
        field = rol.waardeveld
        for fase_naam, value in r["bezetting"].items():
            upsert(Bezetting, rol=rol, fase=fasen[fase_naam], defaults={field: Decimal(value)})
    for w in data["werkgroepen"]:
        upsert(
            Werkgroep,
            samenwerkingsverband=sv,
            naam=w["naam"],
            defaults={
                "soort": w["soort"],
                "uren_per_week_per_gemeente": Decimal(w["uren_per_week_per_gemeente"]),
            },
        )
