from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from partijen.models import Samenwerkingsverband
from scenarios.maak import maak_scenario


class Command(BaseCommand):
    help = (
        "Maakt een scenario van een samenwerkingsverband: een kopie van gemeenten, "
        "inwonertallen, fasen, rollen, pakketten en verdeelsleutels onder een eigen naam."
    )

    def add_arguments(self, parser):
        parser.add_argument("code", help="afkorting van het samenwerkingsverband, bijv. MLW")
        parser.add_argument("--afkorting", required=True, help="afkorting van het scenario")
        parser.add_argument("--naam", required=True, help="naam van het scenario")

    def handle(self, *args, code, afkorting, naam, **options):
        sv = Samenwerkingsverband.objects.met_afkorting(code)
        if sv is None:
            raise CommandError(f"Onbekend samenwerkingsverband: {code}.")
        try:
            scenario = maak_scenario(sv, afkorting, naam)
        except ValidationError as fout:
            raise CommandError(" ".join(fout.messages)) from fout
        self.stdout.write(
            f"Scenario {scenario.afkorting} ({scenario.naam}) gemaakt van {sv.afkorting}."
        )
