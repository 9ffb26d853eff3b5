"""The outbox's worker for production (``EMAIL_QUEUE=1``): sends what is queued and retries
what failed (``POST_OFFICE`` MAX_RETRIES, RETRY_INTERVAL), once or, with ``--blijf``, every
``--interval`` seconds until stopped."""

import time

from django.core.management.base import BaseCommand
from post_office.mail import send_queued


class Command(BaseCommand):
    help = "Verstuurt de berichten in de wachtrij (en probeert mislukte opnieuw)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--blijf", action="store_true", help="Blijf draaien (als dienst); stop met Ctrl-C."
        )
        parser.add_argument(
            "--interval", type=int, default=30, help="Seconden tussen twee rondes (standaard 30)."
        )

    def handle(self, *args, blijf=False, interval=30, **options):
        while True:
            sent, failed, requeued = send_queued()
            if sent or failed or requeued or not blijf:
                self.stdout.write(
                    f"{sent} verzonden, {failed} mislukt, {requeued} later opnieuw geprobeerd."
                )
            if not blijf:
                return
            time.sleep(max(interval, 1))
