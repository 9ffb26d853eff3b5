import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from archief.samenwerking import ArchiefFout, import_samenwerkingsverband, read_archive


class Command(BaseCommand):
    help = (
        "Zet een samenwerkingsverband terug uit een JSON-archief (van exporteer_samenwerking) "
        "in een installatie zonder dit samenwerkingsverband. Bij een fout wordt niets opgeslagen."
    )

    def add_arguments(self, parser):
        parser.add_argument("bestand", help="Het JSON-archief; '-' leest stdin.")

    def handle(self, *args, bestand, **options):
        try:
            text = sys.stdin.read() if bestand == "-" else Path(bestand).read_bytes()
        except OSError as fout:
            raise CommandError(f"Kan '{bestand}' niet lezen: {fout.strerror}.") from fout
        try:
            summary = import_samenwerkingsverband(read_archive(text))
        except ArchiefFout as fout:
            raise CommandError(str(fout)) from fout
        total = sum(summary["objecten"].values())
        self.stdout.write(f"{total} gegevens geïmporteerd.")
        if summary["nieuwe_gebruikers"]:
            self.stdout.write(
                "Nieuwe gebruikers (zonder wachtwoord; stel er een in): "
                + ", ".join(summary["nieuwe_gebruikers"])
            )
