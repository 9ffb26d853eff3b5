"""The demo's scenario's and the samenwerkingsverband in preparation, loaded idempotently.

- Seed 004's open choice of scale as two scenario's of MLW, each made with
  :func:`scenarios.maak.maak_scenario` from the MLW formation, with the gemeenten of its scale,
  a key by inwonertal, and only the inhabitant figures that have a named public source
  (``fixtures/scenarios_mlw.json``); a figure not known for certain stays empty.
- Seed 001's G12 as a real samenwerkingsverband in preparation: only the gemeenten the document
  names, tasks a–e as basispakket, the statutory tasks as modules without the excepted
  gemeenten (``fixtures/g12.json``). No formation, no costs.

A second load changes nothing: rows are looked up first and saved only on a real change.
"""

from formatie.constants import Pakketsoort
from formatie.models import Pakket, Pakketdeelname
from kosten.models import Verdeelsleutel
from partijen.models import Gemeente, Inwonertal, Samenwerkingsverband
from regiekamer.demo import add_missing, parse_date, upsert

from .maak import maak_scenario


def _gemeenten(namen: list[str]) -> list[Gemeente]:
    return [upsert(Gemeente, naam=naam) for naam in namen]


def load_scenario(sv: Samenwerkingsverband, data: dict) -> Samenwerkingsverband:
    scenario = Samenwerkingsverband.objects.filter(afkorting=data["afkorting"]).first()
    if scenario is None:
        scenario = maak_scenario(sv, data["afkorting"], data["naam"])
    elif scenario.scenario_van_id != sv.pk:
        raise ValueError(f"{data['afkorting']} bestaat al en is geen scenario van {sv.afkorting}.")
    scenario = upsert(
        Samenwerkingsverband, pk=scenario.pk, defaults={"toelichting": data["toelichting"]}
    )
    add_missing(scenario.gemeenten, _gemeenten(data["extra_gemeenten"]))
    key = data["verdeelsleutel"]
    for sleutel in Verdeelsleutel.objects.filter(samenwerkingsverband=scenario):
        # The copied percentages of MLW hold for its three gemeenten only: this scale's key
        # is by inwonertal.
        for aandeel in sleutel.aandelen.all():
            aandeel.delete()
        upsert(
            Verdeelsleutel,
            pk=sleutel.pk,
            defaults={
                "methode": key["methode"],
                "peildatum": parse_date(key["peildatum"]),
                "bron": key["bron"],
            },
        )
    for i in data["inwonertallen"]:
        # The scenario's own figure, with its source: never a real row.
        lookup = {
            "gemeente": Gemeente.objects.get(naam=i["gemeente"]),
            "peildatum": parse_date(i["peildatum"]),
            "scenario": scenario,
        }
        figure = Inwonertal.alle.filter(**lookup).first() or Inwonertal(**lookup)
        if figure.pk is None or (figure.aantal, figure.bron) != (i["aantal"], i["bron"]):
            figure.aantal, figure.bron = i["aantal"], i["bron"]
            figure.save()
    return scenario


def load_scenarios_record(data: dict) -> list[Samenwerkingsverband]:
    sv = Samenwerkingsverband.objects.echt().get(afkorting=data["samenwerkingsverband"])
    return [load_scenario(sv, s) for s in data["scenarios"]]


def load_g12_record(data: dict) -> Samenwerkingsverband:
    sv = upsert(
        Samenwerkingsverband,
        afkorting=data["afkorting"],
        defaults={
            "naam": data["naam"],
            "juridische_vorm": data["juridische_vorm"],
            "toelichting": data["toelichting"],
        },
    )
    gemeenten = {g.naam: g for g in _gemeenten(data["gemeenten"])}
    add_missing(sv.gemeenten, gemeenten.values())
    for volgorde, p in enumerate(data["pakketten"], start=1):
        pakket = upsert(
            Pakket,
            samenwerkingsverband=sv,
            naam=p["naam"],
            defaults={
                "soort": p["soort"],
                "verdeling": p.get("verdeling", ""),
                "volgorde": volgorde,
                "omschrijving": p["omschrijving"],
                "bron": p["bron"],
            },
        )
        if p["soort"] == Pakketsoort.PLUS:
            # Only the named gemeenten, less the excepted ones (a pluspakket without any
            # deelname would be taken by all).
            for naam in data["gemeenten"]:
                if naam not in p["uitgezonderd"]:
                    upsert(Pakketdeelname, pakket=pakket, gemeente=gemeenten[naam])
    return sv
