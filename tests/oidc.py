"""A real OpenID Connect provider for the tests (django-oidc-provider, tests/oidc_provider/), in a
process of its own on a free port of 127.0.0.1: single sign-on is tested against the protocol
(authorization code flow, signed ID tokens, keys from its JWKS endpoint), not against a mock.

It is started once per test session (``_idp``; about two seconds) with two clients, Regiekamer
(the live server's callback as redirect URI) and another system, and the users in ``USERS``;
the fixture ``oidc`` switches single sign-on on in Regiekamer's settings for one test.
"""

import json
import os
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import pytest
import requests
from django.urls import reverse

from tests.smtp import free_port

ROOT = Path(__file__).resolve().parent.parent
IDP_PASSWORD = "gemeente-idp-wachtwoord"
CLIENT_ID = "regiekamer-test"
CLIENT_SECRET = "regiekamer-test-geheim"
OTHER_CLIENT_ID = "ander-systeem"
OTHER_REDIRECT_URI = "http://127.0.0.1:9/ander-systeem/terug/"
BACKEND = "gebruikers.oidc.GemeenteOIDCBackend"


@dataclass(frozen=True)
class IdpUser:
    username: str
    email: str
    first_name: str = ""
    last_name: str = ""
    email_verified: bool = True
    password: str = IDP_PASSWORD


# An official whose address is an invited Regiekamer account's (in another case there).
ANNE = IdpUser("anne", "Anne.Jansen@Gemeente-Weert.NL", "Anne", "Jansen")
# Someone of the gemeente without an account in Regiekamer.
STRANGER = IdpUser("vreemde", "vreemde@gemeente-weert.nl", "Vera", "Vreemde")
# An address the IdP has not verified (email_verified false), of an existing account.
UNVERIFIED = IdpUser("onbevestigd", "piet@gemeente-weert.nl", "Piet", "Onbevestigd", False)
# An account that the beheerder has deactivated in Regiekamer.
FORMER = IdpUser("oud-lid", "oud.lid@gemeente-weert.nl", "Otto", "Oud")
USERS = [ANNE, STRANGER, UNVERIFIED, FORMER]


class Idp:
    def __init__(self, port: int):
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.process: subprocess.Popen | None = None

    def endpoint(self, name: str) -> str:
        return f"{self.url}/openid/{name}"

    def start(self, workdir: Path, redirect_uris: list[str]) -> None:
        seed = workdir / "seed.json"
        seed.write_text(
            json.dumps(
                {
                    "clients": [
                        {
                            "client_id": CLIENT_ID,
                            "client_secret": CLIENT_SECRET,
                            "redirect_uris": redirect_uris,
                        },
                        {
                            "client_id": OTHER_CLIENT_ID,
                            "client_secret": "ander-geheim",
                            "redirect_uris": [OTHER_REDIRECT_URI],
                        },
                    ],
                    "users": [asdict(user) for user in USERS],
                }
            ),
            encoding="utf-8",
        )
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.oidc_provider.settings",
            "TEST_IDP_DB": str(workdir / "idp.sqlite3"),
            "PYTHONPATH": str(ROOT),
        }
        self.log = workdir / "idp.log"
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "django", "idp", str(self.port), str(seed)],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        self.wait()

    def wait(self, timeout: float = 60) -> None:
        """Until the provider answers its discovery document (it has its key by then)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"test-IdP stopte:\n{self.log.read_text()}")
            try:
                answer = requests.get(self.endpoint(".well-known/openid-configuration"), timeout=2)
                if answer.status_code == 200:
                    return
            except requests.ConnectionError:
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"test-IdP antwoordt niet na {timeout} s:\n{self.log.read_text()}")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@pytest.fixture(scope="session")
def _idp(live_server, tmp_path_factory):
    callback = reverse("gebruikers:oidc-callback")
    port = live_server.url.rsplit(":", 1)[1]
    redirect_uris = [f"http://{host}:{port}{callback}" for host in ("localhost", "127.0.0.1")]
    idp = Idp(free_port())
    idp.start(tmp_path_factory.mktemp("idp"), redirect_uris)
    yield idp
    idp.stop()


def use_oidc(settings, idp: Idp) -> None:
    """Single sign-on on, with the tests' provider (as the environment would set it)."""
    settings.OIDC_ENABLED = True
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = idp.endpoint("authorize")
    settings.OIDC_OP_TOKEN_ENDPOINT = idp.endpoint("token")
    settings.OIDC_OP_USER_ENDPOINT = idp.endpoint("userinfo")
    settings.OIDC_OP_JWKS_ENDPOINT = idp.endpoint("jwks")
    if BACKEND not in settings.AUTHENTICATION_BACKENDS:
        settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS, BACKEND]


@pytest.fixture
def oidc(_idp, settings):
    """The tests' identity provider, and single sign-on switched on in Regiekamer."""
    use_oidc(settings, _idp)
    return _idp
