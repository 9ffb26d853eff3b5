from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kosten.rekening import load_rekening, rekening_pdf
from partijen.models import Gemeente


class Command(BaseCommand):
    help = (
        "Drukt de rekening van een gemeente af: per jaar wat zij betaalt aan elk "
        "samenwerkingsverband en pakket (jaar, samenwerkingsverband, pakket, bedrag), zoals "
        "op de pagina van de gemeente."
    )

    def add_arguments(self, parser):
        parser.add_argument("gemeente", help="naam van de gemeente, bijv. Weert")
        parser.add_argument("--format", default="csv", choices=["csv", "pdf"], help="uitvoer")
        parser.add_argument("-o", "--output", help="het PDF-bestand (bij --format pdf)")

    def handle(self, *args, gemeente, format, output, **options):
        # NUL is no character of a name (PostgreSQL refuses it in a query): unknown.
        found = (
            None
            if "\x00" in gemeente
            else Gemeente.objects.filter(naam__iexact=gemeente.strip()).first()
        )
        if found is None:
            raise CommandError(f"Onbekende gemeente: '{gemeente}'.")
        {"csv": self.write_csv, "pdf": self.write_pdf}[format](found, output)

    def write_pdf(self, gemeente, output):
        if not output:
            raise CommandError(
                "Geef bij --format pdf het bestand op met -o, bijv. -o rekening.pdf."
            )
        pdf, _ = rekening_pdf(gemeente)
        Path(output).write_bytes(pdf)
        self.stdout.write(f"{output}: {len(pdf)} bytes.")

    def write_csv(self, gemeente, output):
        rekening = load_rekening(gemeente)
        self.stdout.write(rekening.csv(), ending="")
        for nb in rekening.niet_berekend:  # never in the figures as 0: said apart
            self.stderr.write(
                f"Niet berekend: {nb.verband.naam} ({nb.verband.afkorting}): {nb.reden}"
            )
