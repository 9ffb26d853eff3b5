"""``python -m django idp PORT SEED.json``: prepare the tests' identity provider and serve it.

One process does it all (a Django start is the slow part): the tables in the temporary SQLite
database, a new RSA signing key (django-oidc-provider's ``creatersakey``), the clients and users
of the seed file, then ``runserver`` on 127.0.0.1:PORT until the tests end it.
"""

import json
from pathlib import Path

from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.core.management.base import BaseCommand
from oidc_provider.models import Client, ResponseType

from tests.oidc_provider.claims import ONBEVESTIGD


class Command(BaseCommand):
    help = "Start the tests' OpenID Connect provider."

    def add_arguments(self, parser):
        parser.add_argument("port", type=int)
        parser.add_argument("seed", type=Path)

    def handle(self, *args, port, seed, **options):
        call_command("migrate", verbosity=0, interactive=False)
        call_command("creatersakey")
        data = json.loads(seed.read_text(encoding="utf-8"))
        code = ResponseType.objects.get(value="code")
        for entry in data["clients"]:
            client = Client.objects.create(
                name=entry["client_id"],
                client_type="confidential",
                client_id=entry["client_id"],
                client_secret=entry["client_secret"],
                jwt_alg="RS256",
                require_consent=False,
                _redirect_uris="\n".join(entry["redirect_uris"]),
            )
            client.response_types.add(code)
        onbevestigd = Group.objects.create(name=ONBEVESTIGD)
        for entry in data["users"]:
            user = User.objects.create_user(
                entry["username"],
                email=entry["email"],
                password=entry["password"],
                first_name=entry.get("first_name", ""),
                last_name=entry.get("last_name", ""),
            )
            if not entry.get("email_verified", True):
                user.groups.add(onbevestigd)
        call_command("runserver", f"127.0.0.1:{port}", use_reloader=False, use_threading=True)
