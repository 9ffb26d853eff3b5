"""Load the programmaplan 2021–2024 of MLW from its fixture (seed 003), idempotently.

Dates are read by ``parse_planning``: an impossible planning is not repaired but flagged for
review with the document's own text. No progress is invented: the demo has no reports.
"""

from decimal import Decimal

from partijen.models import Samenwerkingsverband
from regiekamer.demo import add_missing, parse_date, upsert

from .models import Budgetpost, Doel, Opdracht, Programmaplan, Resultaat, Startvraag, Thema
from .planning import parse_planning

OPDRACHT_FIELDS = (
    "omschrijving",
    "kaders",
    "beschikbare_documentatie",
    "financiering",
    "pm",
    "verantwoordelijk_uitvoerder",
    "samenstelling_uitvoerders",
    "personele_capaciteit",
    "relatie_toelichting",
    "bedrijfsvoeringsaspecten",
    "risicos",
)


def _money(value):
    return Decimal(value) if value is not None else None


def _planning_defaults(text: str, volgorde: dict, sleutel: str, after=None) -> dict:
    dates = parse_planning(text)
    opmerking = dates.opmerking
    if after is not None and dates.start and after.start and dates.start < after.start:
        opmerking = (
            f"{opmerking} " if opmerking else f"Planning in het document: '{text}'. "
        ) + f"Deze stap begint vóór stap {after.stap} ({after.start:%d-%m-%Y})."
    return {
        "start": dates.start,
        "eind": dates.eind,
        "te_controleren": bool(opmerking),
        "controle_opmerking": opmerking,
        "planningsvolgorde": volgorde.get(sleutel),
    }


def _load_resultaten(opdracht, teksten) -> None:
    for index, tekst in enumerate(teksten, start=1):
        upsert(Resultaat, opdracht=opdracht, volgorde=index, defaults={"tekst": tekst})


def load_programma_record(data: dict) -> Programmaplan:
    sv = Samenwerkingsverband.objects.get(afkorting=data["samenwerkingsverband"])
    p = data["plan"]
    plan = upsert(
        Programmaplan,
        samenwerkingsverband=sv,
        titel=p["titel"],
        versie=p["versie"],
        defaults={
            "jaar_van": p["jaar_van"],
            "jaar_tot": p["jaar_tot"],
            "datum": parse_date(p["datum"]),
            "van": p["van"],
            "voor": p["voor"],
            "aanleiding": p["aanleiding"],
            "programmamanager": p["programmamanager"],
            "kwartiermaker": p["kwartiermaker"],
            "rapportage_interval_maanden": p["rapportage_interval_maanden"],
            "bron": p["bron"],
        },
    )
    for d in data["doelen"]:
        upsert(Doel, plan=plan, nummer=d["nummer"], defaults={"tekst": d["tekst"]})
    for v in data["startvragen"]:
        upsert(Startvraag, plan=plan, nummer=v["nummer"], defaults={"tekst": v["tekst"]})
    themas = {
        t["nummer"]: upsert(
            Thema,
            plan=plan,
            nummer=t["nummer"],
            defaults={"naam": t["naam"], "toelichting": t["toelichting"]},
        )
        for t in data["themas"]
    }
    volgorde = {key: i for i, key in enumerate(data["planningsvolgorde"], start=1)}
    opdrachten = {}
    for o in data["opdrachten"]:
        defaults = {name: o[name] for name in OPDRACHT_FIELDS}
        defaults |= {"titel": o["titel"], "bedrag": _money(o["bedrag"])}
        defaults |= _planning_defaults(o["planning"], volgorde, o["sleutel"])
        opdracht = upsert(
            Opdracht,
            thema=themas[o["thema"]],
            nummer=o["nummer"],
            stap=None,
            defaults=defaults,
        )
        opdrachten[o["sleutel"]] = opdracht
        _load_resultaten(opdracht, o["resultaten"])
        vorige = None
        for s in o["stappen"]:
            sleutel = f"{o['sleutel']} stap {s['stap']}"
            stap = upsert(
                Opdracht,
                thema=opdracht.thema,
                nummer=opdracht.nummer,
                stap=s["stap"],
                defaults={
                    "hoofdopdracht": opdracht,
                    "titel": s["titel"],
                    **_planning_defaults(s["planning"], volgorde, sleutel, after=vorige),
                },
            )
            _load_resultaten(stap, s["resultaten"])
            vorige = stap
    for o in data["opdrachten"]:
        add_missing(opdrachten[o["sleutel"]].relaties, [opdrachten[k] for k in o["relaties"]])
    for b in data["budgetposten"]:
        post = upsert(
            Budgetpost,
            plan=plan,
            nummer=b["nummer"],
            defaults={
                "omschrijving": b["omschrijving"],
                "toelichting": b["toelichting"],
                "bedrag": _money(b["bedrag"]),
                "pm": b["pm"],
            },
        )
        add_missing(post.opdrachten, [opdrachten[k] for k in b["opdrachten"]])
    return plan
