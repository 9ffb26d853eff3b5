from django.core.management.base import BaseCommand, CommandError

from partijen.models import Samenwerkingsverband
from regiekamer.spreadsheet import csv_text
from scenarios.vergelijking import build_vergelijking


class Command(BaseCommand):
    help = (
        "Drukt de vergelijking van een samenwerkingsverband met zijn scenario's af "
        "(scenario, jaar, gemeente, kosten, inwonertal, per 1.000 inwoners); een ontbrekend "
        "getal blijft leeg."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "code", help="afkorting van het samenwerkingsverband (of van een scenario ervan)"
        )
        parser.add_argument("--format", default="csv", choices=["csv"], help="uitvoerformaat")

    def handle(self, *args, code, **options):
        sv = Samenwerkingsverband.objects.met_afkorting(code)
        if sv is None:
            raise CommandError(f"Onbekend samenwerkingsverband: {code}.")
        self.stdout.write(csv_text(build_vergelijking(sv).rows()), ending="")
