"""Read a samenwerkingsverband's formation from an Excel workbook (.xlsx)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from convenant.models import Samenwerkingsverband
from formatie.werkboek import WerkboekFout, import_workbook


class Command(BaseCommand):
    help = (
        "Leest de formatie (gemeenten en verdeelsleutel, fasen, rollen en bezetting) van een "
        "samenwerkingsverband in uit een Excel-werkboek en vervangt de bestaande formatie."
    )

    def add_arguments(self, parser):
        parser.add_argument("bestand", help="Het werkboek (.xlsx).")
        parser.add_argument(
            "--samenwerkingsverband",
            required=True,
            metavar="CODE",
            help="De afkorting van het samenwerkingsverband, bijvoorbeeld MLW.",
        )

    def handle(self, *args, bestand, samenwerkingsverband, **options):
        sv = Samenwerkingsverband.objects.filter(afkorting__iexact=samenwerkingsverband).first()
        if sv is None:
            raise CommandError(
                f'Er is geen samenwerkingsverband met de afkorting "{samenwerkingsverband}".'
            )
        path = Path(bestand)
        if not path.is_file():
            raise CommandError(f"Het bestand {bestand} bestaat niet.")
        try:
            with path.open("rb") as fh:
                result = import_workbook(fh, sv)
        except WerkboekFout as fout:
            aantal = len(fout.problems)
            kop = (
                f"Het werkboek is niet ingelezen; er is niets veranderd. "
                f"{aantal} {'probleem' if aantal == 1 else 'problemen'}:"
            )
            raise CommandError("\n".join([kop, *(f"- {p}" for p in fout.problems)])) from fout
        for waarschuwing in result.waarschuwingen:
            self.stderr.write(self.style.WARNING(f"Let op: {waarschuwing}"))
        self.stdout.write(self.style.SUCCESS(result.summary()))
