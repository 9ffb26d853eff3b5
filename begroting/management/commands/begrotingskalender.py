"""Print the begrotingscyclus of one begrotingsjaar: per step its latest date and status."""

from datetime import date, datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from begroting.kalender import (
    cyclus_termijnen,
    datumfouten,
    geen_begroting_melding,
    jaarfout,
    termijnen,
)
from partijen.models import Samenwerkingsverband
from regiekamer.spreadsheet import write_csv

FORMATS = ["csv"]
DATUMVORMEN = ["%d-%m-%Y", "%Y-%m-%d"]


def lees_datum(tekst: str, optie: str) -> date:
    """A date typed as dd-mm-jjjj or jjjj-mm-dd; else a CommandError in Dutch."""
    for vorm in DATUMVORMEN:
        try:
            return datetime.strptime(tekst.strip(), vorm).date()
        except ValueError:
            continue
    raise CommandError(
        f"{optie}: '{tekst}' is geen datum. Schrijf dd-mm-jjjj (15-07-2026) of jjjj-mm-dd "
        "(2026-07-15)."
    )


def lees_jaar(tekst: str) -> int:
    if not (tekst.isascii() and tekst.isdigit() and len(tekst) == 4):
        raise CommandError(f"--jaar: '{tekst}' is geen jaartal van vier cijfers.")
    if fout := jaarfout(int(tekst)):
        raise CommandError(f"--jaar: {fout}")
    return int(tekst)


class Command(BaseCommand):
    help = (
        "Toont de stappen van de begrotingscyclus (Wgr art. 34, 34b, 35) van één begrotingsjaar "
        "met hun uiterste datum en status: stap,uiterste_datum,status. Met een vastgelegde "
        "cyclus telt wat daar is gedaan; de opties rekenen met andere data van vaststelling."
    )

    def add_arguments(self, parser):
        parser.add_argument("code", help="Afkorting van het samenwerkingsverband.")
        parser.add_argument("--jaar", required=True, help="Het begrotingsjaar, bijvoorbeeld 2027.")
        parser.add_argument(
            "--vaststelling-begroting",
            dest="begroting",
            help="Dag waarop het algemeen bestuur de begroting vaststelt (dd-mm-jjjj).",
        )
        parser.add_argument(
            "--vaststelling-jaarrekening",
            dest="jaarrekening",
            help="Dag waarop het algemeen bestuur de jaarrekening vaststelt (dd-mm-jjjj).",
        )
        parser.add_argument(
            "--format",
            dest="formaat",
            default="csv",
            help="Uitvoerformaat; alleen csv wordt ondersteund.",
        )

    def handle(self, *args, code, jaar, begroting, jaarrekening, formaat, **options):
        if formaat not in FORMATS:
            raise CommandError(f"Onbekend formaat '{formaat}'. Kies uit: {', '.join(FORMATS)}.")
        jaar = lees_jaar(jaar)
        begroting = lees_datum(begroting, "--vaststelling-begroting") if begroting else None
        jaarrekening = (
            lees_datum(jaarrekening, "--vaststelling-jaarrekening") if jaarrekening else None
        )
        opties = {"vaststelling_begroting": begroting, "vaststelling_jaarrekening": jaarrekening}
        if fouten := datumfouten(jaar, opties):
            veld, fout = next(iter(fouten.items()))
            raise CommandError(f"--{veld.replace('_', '-')}: {fout}")
        sv = Samenwerkingsverband.objects.select_related("scenario_van").met_afkorting(code)
        if sv is None:
            raise CommandError(f"Er is geen samenwerkingsverband met afkorting '{code}'.")
        if melding := geen_begroting_melding(sv):
            raise CommandError(melding)

        vandaag = timezone.localdate()
        cyclus = sv.begrotingscycli.prefetch_related("zienswijzen").filter(jaar=jaar).first()
        if cyclus is None:
            stappen = termijnen(jaar, begroting, jaarrekening)
        else:
            # The stored cycle says what was done; an option plans with another adoption date.
            cyclus.vaststelling_begroting = begroting or cyclus.vaststelling_begroting
            cyclus.vaststelling_jaarrekening = jaarrekening or cyclus.vaststelling_jaarrekening
            stappen = cyclus_termijnen(cyclus, list(sv.gemeenten.all()))
        rows = [["stap", "uiterste_datum", "status"]]
        rows += [[t.stap, t.uiterste_datum.isoformat(), str(t.status(vandaag))] for t in stappen]
        write_csv(self.stdout, rows)
