from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from archief.samenwerking import ArchiefFout, archive_json, export_samenwerkingsverband


class Command(BaseCommand):
    help = (
        "Schrijft één samenwerkingsverband met alles wat erbij hoort (gemeenten, convenanten, "
        "formatie, kosten, governance, programma, brieven en historie) naar een JSON-archief. "
        "Voor een back-up van de hele database: pg_dump."
    )

    def add_arguments(self, parser):
        parser.add_argument("code", help="Afkorting van het samenwerkingsverband, bijv. MLW.")
        parser.add_argument(
            "-o", "--output", default="-", help="Het JSON-bestand; '-' of weglaten: stdout."
        )

    def handle(self, *args, code, output, **options):
        try:
            text = archive_json(export_samenwerkingsverband(code))
        except ArchiefFout as fout:
            raise CommandError(str(fout)) from fout
        if output == "-":
            self.stdout.write(text, ending="")
            return
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as fout:
            raise CommandError(f"Kan '{output}' niet schrijven: {fout.strerror}.") from fout
        self.stderr.write(f"{output}: samenwerkingsverband {code.upper()} geëxporteerd.")
