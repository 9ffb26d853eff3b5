"""Print the onderlinge verrekening of a samenwerkingsverband: gedragen, aandeel, saldo."""

from django.core.management.base import BaseCommand, CommandError

from kosten.gegevens import load_kostenverdeling
from kosten.nacalculatie import load_nacalculatie
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
        parser.add_argument(
            "--werkelijk",
            action="store_true",
            help=(
                "Verreken de werkelijke kosten (nacalculatie) in plaats van de begroting; "
                "alleen jaren waarvan alle werkelijke kosten bekend zijn."
            ),
        )

    def handle(self, *args, code, formaat, werkelijk=False, **options):
        if formaat not in FORMATS:
            raise CommandError(f"Onbekend formaat '{formaat}'. Kies uit: {', '.join(FORMATS)}.")
        sv = Samenwerkingsverband.objects.select_related(
            "penvoerder", "scenario_van"
        ).met_afkorting(code)
        if sv is None:
            raise CommandError(f"Er is geen samenwerkingsverband met afkorting '{code}'.")
        if melding := scenario_melding(sv):
            raise CommandError(melding)
        penvoerder = sv.penvoerder.naam if sv.penvoerder else None
        try:
            if werkelijk:
                jaren = self.werkelijke_jaren(sv, penvoerder)
            else:
                jaren = calculate_verrekening(load_kostenverdeling(sv), penvoerder)
        except KostenFout as exc:
            raise CommandError(
                f"De kosten van {sv.afkorting} zijn niet te berekenen: {exc}"
            ) from exc

        rows = [["jaar", "gemeente", "gedragen", "aandeel", "saldo"]]
        for jaar in jaren:
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

    def werkelijke_jaren(self, sv, penvoerder):
        """The verrekening of the complete years of actual costs; the others said on stderr."""
        nacalculatie = load_nacalculatie(sv)
        for jaar, rollen in nacalculatie.ontbrekend_per_jaar.items():
            self.stderr.write(
                f"{jaar} is weggelaten: de werkelijke kosten ontbreken van "
                + ", ".join(rollen)
                + "."
            )
        if not nacalculatie.volledige_jaren:
            raise CommandError(
                f"Van {sv.afkorting} is nog geen jaar met alle werkelijke kosten bekend; "
                "er valt niets na te calculeren."
            )
        return nacalculatie.verrekening(penvoerder)
