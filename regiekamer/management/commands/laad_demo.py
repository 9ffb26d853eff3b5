from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from convenant.demo import load_convenant_record
from formatie.demo import load_formatie_record
from governance.demo import load_governance_record
from kosten.demo import load_kosten_record
from programma.demo import load_programma_record
from regiekamer.demo import read_fixture
from regiekamer.roles import BEHEERDER, REGIEGROEP, STUURGROEP, ensure_groups

DEMO_PASSWORD = "regiekamer-demo"
DEMO_USERS = [
    ("regie", "Regiegroep", "Demo", REGIEGROEP),
    ("stuur", "Stuurgroep", "Demo", STUURGROEP),
    ("beheer", "Beheerder", "Demo", BEHEERDER),
]


class Command(BaseCommand):
    help = "Laadt de demogegevens (het echte dossier Midden-Limburg West) en de demogebruikers."

    def add_arguments(self, parser):
        parser.add_argument(
            "--zonder-gebruikers", action="store_true", help="Alleen de gegevens, geen gebruikers."
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
            load_programma_record(read_fixture("mlw_programma.json"))
            if not options["zonder_gebruikers"]:
                self.create_demo_users()
        self.stdout.write(self.style.SUCCESS("Demogegevens geladen (Midden-Limburg West)."))

    def create_demo_users(self):
        User = get_user_model()
        for username, first_name, last_name, group in DEMO_USERS:
            user, created = User.objects.get_or_create(
                username=username,
                defaults={"first_name": first_name, "last_name": last_name, "is_staff": True},
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save()
            user.groups.add(Group.objects.get(name=group))
            self.stdout.write(f"Demogebruiker {username} (groep {group}).")
