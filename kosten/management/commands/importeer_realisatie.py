from django.core.management.base import BaseCommand, CommandError

from kosten.realisatie import RealisatieFout, lees_en_importeer
from partijen.models import Samenwerkingsverband


class Command(BaseCommand):
    help = (
        "Leest werkelijke kosten in uit een .xlsx of .csv met de kolommen jaar, rol, bedrag "
        "(en eventueel gedragen_door, toelichting, bron). Bevat het bestand een fout, dan "
        "verandert er niets."
    )

    def add_arguments(self, parser):
        parser.add_argument("bestand", help="het .xlsx- of .csv-bestand")
        parser.add_argument(
            "--samenwerkingsverband",
            required=True,
            help="afkorting van het samenwerkingsverband, bijv. MLW",
        )

    def handle(self, *args, bestand, samenwerkingsverband, **options):
        sv = Samenwerkingsverband.objects.met_afkorting(samenwerkingsverband.strip())
        if sv is None:
            raise CommandError(f"Onbekend samenwerkingsverband: {samenwerkingsverband[:40]!r}.")
        try:
            resultaat = lees_en_importeer(bestand, sv)
        except RealisatieFout as fout:
            raise CommandError(f"{fout.kop}\n" + "\n".join(fout.problems)) from fout
        self.stdout.write(resultaat.tekst())
