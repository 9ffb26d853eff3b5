from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from partijen.models import Samenwerkingsverband
from rapporten.register import REPORTS, make_report
from regiekamer.pdf import RapportFout


class Command(BaseCommand):
    help = "Maakt een PDF-rapport, zoals de downloadknop op de pagina."

    def add_arguments(self, parser):
        parser.add_argument("soort", choices=sorted(REPORTS), help="Soort rapport.")
        parser.add_argument("code", help="Afkorting van het samenwerkingsverband, bijv. MLW.")
        parser.add_argument("--gemeente", help="Naam van de gemeente (raadsinformatiebrief).")
        parser.add_argument("--jaar", type=int, help="Jaar.")
        parser.add_argument("--periode", help="Periode van de voortgangsrapportage.")
        parser.add_argument("--gremium", help="Naam van het gremium (besluitenlijst).")
        parser.add_argument("-o", "--output", required=True, help="Het PDF-bestand.")

    def handle(self, *args, soort, code, output, **options):
        sv = Samenwerkingsverband.objects.met_afkorting(code)
        if sv is None:
            raise CommandError(f"Geen samenwerkingsverband met afkorting '{code}'.")
        keys = ("gemeente", "jaar", "periode", "gremium")
        for key in ("gemeente", "periode", "gremium"):
            # NUL is no character of a name (PostgreSQL refuses it in a query): unknown.
            if "\x00" in (options.get(key) or ""):
                raise CommandError(f"Onbekende {key}: {options[key]!r}.")
        chosen = {key: options[key] for key in keys if options.get(key) is not None}
        try:
            pdf, _ = make_report(soort, sv, **chosen)
        except RapportFout as fout:
            raise CommandError(str(fout)) from fout
        Path(output).write_bytes(pdf)
        self.stdout.write(f"{output}: {len(pdf)} bytes.")
