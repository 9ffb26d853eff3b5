"""Read a samenwerkingsverband's formation from an Excel workbook (.xlsx).

Who runs a command has the server's shell and its database settings: the operator, trusted as
the beheerder is. Without ``--gebruiker`` the import therefore has the beheerder's reach (it
may bring in and update any gemeente) and the history names no user ("systeem"). With
``--gebruiker NAAM`` it imports as that user: with their rights over shared gemeenten, as the
upload page does, and under their name in the history.
"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from formatie.models import Rol
from partijen.models import Samenwerkingsverband
from regiekamer import access
from werkboek.cellen import WerkboekFout
from werkboek.opslaan import import_workbook


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
        parser.add_argument(
            "--gebruiker",
            metavar="NAAM",
            help=(
                "Lees in als deze gebruiker, met diens rechten op gedeelde gemeenten en onder "
                "diens naam in de geschiedenis. Zonder: als beheerder van de server."
            ),
        )

    def handle(self, *args, bestand, samenwerkingsverband, gebruiker=None, **options):
        user = None
        if gebruiker is not None:
            user = get_user_model().objects.filter(username=gebruiker, is_active=True).first()
            if user is None:
                raise CommandError(f'Er is geen actieve gebruiker "{gebruiker}".')
        sv = Samenwerkingsverband.objects.met_afkorting(samenwerkingsverband)
        if sv is None:
            raise CommandError(
                f'Er is geen samenwerkingsverband met de afkorting "{samenwerkingsverband}".'
            )
        if user is not None and not access.can(user, "change", sv, Rol):
            raise CommandError(f"{user} mag de formatie van {sv.afkorting} niet wijzigen.")
        path = Path(bestand)
        if not path.is_file():
            raise CommandError(f"Het bestand {bestand} bestaat niet.")
        try:
            with path.open("rb") as fh:
                result = import_workbook(fh, sv, user=user)
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
