"""Production settings: refuse to start without a real key, and pass Django's deploy checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "Rk7#pQ2vX9!mZ4&tL8@wN3$yB6^cH1*dF5(gJ0)sE-test-only-key",
    "ALLOWED_HOSTS": "regiekamer.example.nl",
}


def manage(*args, env):
    # Not the test run's own switches: the browser tests allow the ORM beside Playwright's loop
    # (tests/e2e/conftest.py), which a deployment must not.
    own = {"DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    base = {k: v for k, v in os.environ.items() if k not in own}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=base | env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_check_passes_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("secret", ["", "kort"])
def test_refuses_to_start_without_a_real_secret_key(secret):
    result = manage("check", env=PRODUCTION_ENV | {"SECRET_KEY": secret})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_demo_command_refuses_in_production():
    result = manage("laad_demo", env=PRODUCTION_ENV)
    assert result.returncode != 0
    assert "DEBUG uit" in result.stderr
