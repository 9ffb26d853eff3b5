"""Daily (cron or a systemd timer): remind the owner of every action that has become overdue."""

from django.core.management.base import BaseCommand
from django.db import transaction

from governance.meldingen import remind_overdue


class Command(BaseCommand):
    help = "Stuurt de eigenaar van elke actie die over de uiterste datum is één herinnering."

    def handle(self, *args, **options):
        with transaction.atomic():
            berichten, zonder_eigenaar = remind_overdue()
        zonder_adres = [b.ontvanger_naam for b in berichten if not b.ontvanger_email]
        self.stdout.write(f"{len(berichten)} herinnering(en) aangemaakt.")
        if zonder_adres:
            self.stdout.write(
                "Geen e-mailadres, niet verzonden: " + ", ".join(sorted(set(zonder_adres))) + "."
            )
        if zonder_eigenaar:
            self.stdout.write(f"{zonder_eigenaar} actie(s) over de datum zonder eigenaar.")
