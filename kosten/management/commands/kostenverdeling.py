from django.core.management.base import BaseCommand, CommandError

from kosten.export import kostenverdeling_csv
from kosten.gegevens import load_kostenverdeling
from kosten.verdeling import KostenFout
from partijen.models import Samenwerkingsverband


class Command(BaseCommand):
    help = (
        "Drukt de kostenverdeling van een samenwerkingsverband af (jaar, rol, kosten, gemeenten)."
    )

    def add_arguments(self, parser):
        parser.add_argument("code", help="afkorting van het samenwerkingsverband, bijv. MLW")
        parser.add_argument("--format", default="csv", choices=["csv"], help="uitvoerformaat")

    def handle(self, *args, code, **options):
        sv = Samenwerkingsverband.objects.met_afkorting(code)
        if sv is None:
            raise CommandError(f"Onbekend samenwerkingsverband: {code}.")
        try:
            kv = load_kostenverdeling(sv)
        except KostenFout as fout:
            raise CommandError(str(fout)) from fout
        self.stdout.write(kostenverdeling_csv(kv), ending="")
