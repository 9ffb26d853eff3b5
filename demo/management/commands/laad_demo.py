from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from brieven.demo import load_brieven_record
from convenant.demo import load_convenant_record
from formatie.demo import load_formatie_record
from governance.demo import load_governance_record, load_route_record
from kosten.demo import load_kosten_record
from partijen.models import Gemeente, Samenwerkingsverband, Toegang
from programma.demo import load_programma_record
from regiekamer.demo import read_fixture
from regiekamer.roles import BEHEERDER, GEMEENTE, REGIEGROEP, STUURGROEP, ensure_groups
from scenarios.demo import load_g12_record, load_scenarios_record

DEMO_PASSWORD = "regiekamer-demo"
# username, first name, last name, role, gemeente (for an official of a gemeente)
DEMO_USERS = [
    ("regie", "Regiegroep", "Demo", REGIEGROEP, None),
    ("stuur", "Stuurgroep", "Demo", STUURGROEP, None),
    ("weert", "Ambtenaar Weert", "Demo", GEMEENTE, "Weert"),
    ("beheer", "Beheerder", "Demo", BEHEERDER, None),
]
DEMO_SAMENWERKINGSVERBAND = "MLW"


class Command(BaseCommand):
    help = "Laadt de demogegevens (het echte dossier Midden-Limburg West) en de demogebruikers."

    def add_arguments(self, parser):
        parser.add_argument(
            "--zonder-gebruikers", action="store_true", help="Alleen de gegevens, geen gebruikers."
        )
        parser.add_argument(
            "--zonder-scenarios",
            action="store_true",
            help="Alleen het dossier MLW: zonder de scenario's van MLW en zonder G12 (issue 20).",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not getattr(settings, "TESTING", False):
            raise CommandError(
                "laad_demo weigert te draaien met DEBUG uit: demogebruikers met een bekend "
                "wachtwoord horen niet op een productie-installatie."
            )
        with transaction.atomic():
            ensure_groups()
            load_convenant_record(read_fixture("mlw.json"))
            formatie = read_fixture("mlw_formatie.json")
            load_formatie_record(formatie)
            load_kosten_record(formatie)
            load_governance_record(read_fixture("mlw_governance.json"))
            # Issue 21: the convenant 2016 through the three colleges (seed 000).
            load_route_record(read_fixture("mlw_route.json"))
            load_programma_record(read_fixture("mlw_programma.json"))
            load_brieven_record(read_fixture("mlw_brieven.json"))
            if not options["zonder_scenarios"]:
                # Issue 20: seed 004's choice of scale as scenario's of MLW; seed 001's G12.
                load_scenarios_record(read_fixture("scenarios_mlw.json"))
                load_g12_record(read_fixture("g12.json"))
                # Issue 21: seed 001's process planning, through the colleges and councils.
                load_route_record(read_fixture("g12_planning.json"))
            if not options["zonder_gebruikers"]:
                self.create_demo_users()
        self.stdout.write(self.style.SUCCESS("Demogegevens geladen (Midden-Limburg West)."))

    def create_demo_users(self):
        User = get_user_model()
        sv = Samenwerkingsverband.objects.get(afkorting=DEMO_SAMENWERKINGSVERBAND)
        for username, first_name, last_name, group, gemeente in DEMO_USERS:
            user, created = User.objects.get_or_create(
                username=username,
                # Only the beheerder is staff (the admin, "Beheer"); the others work in the app.
                defaults={
                    "first_name": first_name,
                    "last_name": last_name,
                    "is_staff": group == BEHEERDER,
                },
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save()
            user.groups.add(Group.objects.get(name=group))
            toegang, _ = Toegang.objects.get_or_create(gebruiker=user)
            if gemeente:
                toegang.gemeente = Gemeente.objects.get(naam=gemeente)
                toegang.save()
            elif group != BEHEERDER:
                toegang.samenwerkingsverbanden.add(sv)
            self.stdout.write(f"Demogebruiker {username} (groep {group}).")
