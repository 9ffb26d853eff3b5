"""Load the MLW cost-split key and budgets from their fixture."""

from decimal import Decimal

from partijen.models import Gemeente, Samenwerkingsverband
from regiekamer.demo import upsert

from .models import Budget, Budgetclaim, Verdeelsleutel, Verdeelsleutelaandeel


def load_kosten_record(data: dict) -> None:
    sv = Samenwerkingsverband.objects.get(afkorting=data["samenwerkingsverband"])
    gemeenten = {g.naam: g for g in Gemeente.objects.all()}
    for s in data["verdeelsleutels"]:
        sleutel = upsert(
            Verdeelsleutel,
            samenwerkingsverband=sv,
            vanaf_jaar=s["vanaf_jaar"],
            defaults={
                "tot_en_met_jaar": s["tot_en_met_jaar"],
                "methode": s["methode"],
                "bron": s["bron"],
            },
        )
        for naam, percentage in s["aandelen"].items():
            upsert(
                Verdeelsleutelaandeel,
                verdeelsleutel=sleutel,
                gemeente=gemeenten[naam],
                defaults={"percentage": Decimal(percentage)},
            )
    for b in data["budgetten"]:
        budget = upsert(
            Budget,
            samenwerkingsverband=sv,
            gemeente=gemeenten[b["gemeente"]],
            jaar=b["jaar"],
            defaults={"bedrag": Decimal(b["bedrag"]), "omschrijving": b["omschrijving"]},
        )
        for c in b.get("claims", []):
            # Only what the document states: an amount it does not give stays empty.
            bedrag = Decimal(c["bedrag"]) if c["bedrag"] is not None else None
            upsert(
                Budgetclaim,
                budget=budget,
                omschrijving=c["omschrijving"],
                defaults={"bedrag": bedrag, "bron": c["bron"]},
            )
