import time

from django.core.management.base import BaseCommand, CommandError

from ontwikkeling.schaal import DEFAULT_SEED, DatabaseNietLeeg, Omvang, generate


class Command(BaseCommand):
    help = (
        "Vult een lege database met synthetische testgegevens (schaaldata) voor prestatietests: "
        "bij factor 1 40 samenwerkingsverbanden, 350 gemeenten, 2.000 opdrachten met 24 "
        "rapportages, 10.000 vergaderingen en 50.000 besluiten en actiepunten, werkelijke kosten, "
        "begrotingscycli en scenario's. Alles of niets."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--factor",
            type=float,
            default=1.0,
            help="Schaal van de gegevens; elk aantal groeit lineair mee (bijv. 0.025 voor CI).",
        )
        parser.add_argument(
            "--seed",
            type=int,
            default=DEFAULT_SEED,
            help=f"Startwaarde van het toeval; dezelfde seed geeft dezelfde gegevens "
            f"(standaard {DEFAULT_SEED}).",
        )

    def handle(self, *args, factor, seed, **options):
        try:
            Omvang.at(factor)
        except ValueError as fout:
            raise CommandError(str(fout)) from fout
        begin = time.monotonic()
        try:
            counts = generate(factor, seed)
        except DatabaseNietLeeg as fout:
            raise CommandError(str(fout)) from fout
        duur = time.monotonic() - begin
        self.stdout.write(
            f"Schaaldata aangemaakt (factor {factor:g}, seed {seed}) in {duur:.1f} s:".replace(
                ".", ","
            )
        )
        for naam, count in counts.items():
            self.stdout.write(f"  {naam}: {count:,}".replace(",", "."))
