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
    "EMAIL_URL": "smtp+tls://regiekamer%40gemeente.example:geheim@smtp.gemeente.example:587",
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


# One Django process for both checks with the production settings (a start-up each costs more
# than the checks): Django's deploy checks, which stop the process when they fail, then the demo
# command as manage.py runs it, which refuses and stops it.
DEPLOY_CHECK_THEN_DEMO = (
    "from django.core.management import call_command, execute_from_command_line; "
    "call_command('check', '--deploy', '--fail-level', 'WARNING'); "
    "print('deploy-checks-passed'); "
    "execute_from_command_line(['manage.py', 'laad_demo'])"
)


@pytest.fixture(scope="module")
def production_run():
    return manage("shell", "-v", "0", "-c", DEPLOY_CHECK_THEN_DEMO, env=PRODUCTION_ENV)


def test_deploy_check_passes_with_production_settings(production_run):
    result = production_run
    assert result.stdout.split()[-1:] == ["deploy-checks-passed"], result.stdout + result.stderr


@pytest.mark.parametrize("secret", ["", "kort"])
def test_refuses_to_start_without_a_real_secret_key(secret):
    result = manage("check", env=PRODUCTION_ENV | {"SECRET_KEY": secret})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_demo_command_refuses_in_production(production_run):
    result = production_run
    assert "deploy-checks-passed" in result.stdout  # it ran
    assert result.returncode != 0
    assert "DEBUG uit" in result.stderr


def test_production_without_a_mail_server_is_warned(settings):
    from regiekamer.checks import mail_server_is_named

    settings.DEBUG, settings.EMAIL_CONFIGURED = False, False
    (warning,) = mail_server_is_named()
    assert warning.id == "regiekamer.W001" and "EMAIL_URL" in warning.msg
    settings.EMAIL_CONFIGURED = True
    assert mail_server_is_named() == []
