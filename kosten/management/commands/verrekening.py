"""Print the onderlinge verrekening of a samenwerkingsverband: gedragen, aandeel, saldo."""

from django.core.management.base import BaseCommand, CommandError

from kosten.gegevens import load_kostenverdeling
from kosten.verdeling import KostenFout
from kosten.verrekening import calculate_verrekening, scenario_melding
from partijen.models import Samenwerkingsverband
from regiekamer.spreadsheet import write_csv

FORMATS = ["csv"]


class Command(BaseCommand):
    help = (
        "Toont de onderlinge verrekening (convenant art. 5) per jaar en per gemeente: "
        "gedragen kosten, aandeel en saldo, in hele euro's."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "code", help="Afkorting van het samenwerkingsverband, bijvoorbeeld MLW."
        )
        parser.add_argument(
            "--format",
            dest="formaat",
            default="csv",
            help="Uitvoerformaat; alleen csv wordt ondersteund.",
        )

    def handle(self, *args, code, formaat, **options):
        if formaat not in FORMATS:
            raise CommandError(f"Onbekend formaat '{formaat}'. Kies uit: {', '.join(FORMATS)}.")
        try:
            sv = Samenwerkingsverband.objects.select_related("penvoerder", "scenario_van").get(
                afkorting=code.upper()
            )
        except Samenwerkingsverband.DoesNotExist as exc:
            raise CommandError(f"Er is geen samenwerkingsverband met afkorting '{code}'.") from exc
        if melding := scenario_melding(sv):
            raise CommandError(melding)
        try:
            kv = load_kostenverdeling(sv)
        except KostenFout as exc:
            raise CommandError(
                f"De kosten van {sv.afkorting} zijn niet te berekenen: {exc}"
            ) from exc
        penvoerder = sv.penvoerder.naam if sv.penvoerder else None

        rows = [["jaar", "gemeente", "gedragen", "aandeel", "saldo"]]
        for jaar in calculate_verrekening(kv, penvoerder):
            for gemeente in sorted(jaar.saldo):
                rows.append(
                    [
                        jaar.jaar,
                        gemeente,
                        jaar.gedragen[gemeente],
                        jaar.aandeel[gemeente],
                        jaar.saldo[gemeente],
                    ]
                )
        write_csv(self.stdout, rows)
