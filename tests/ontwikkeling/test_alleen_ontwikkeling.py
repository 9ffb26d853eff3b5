"""The development app (genereer_schaal) is never part of a production installation."""

from tests.regiekamer.test_settings import PRODUCTION_ENV, manage

PRODUCTION = PRODUCTION_ENV | {"ONTWIKKELING": "0"}
PROBE = (
    "from django.conf import settings; from django.core.management import get_commands; "
    "print('ontwikkeling' in settings.INSTALLED_APPS, 'genereer_schaal' in get_commands())"
)
# What manage.py does with "genereer_schaal --factor 0.001".
RUN_GENEREER = (
    "from django.core.management import execute_from_command_line; "
    "execute_from_command_line(['manage.py', 'genereer_schaal', '--factor', '0.001'])"
)


def installed(env) -> list[str]:
    result = manage("shell", "-v", "0", "-c", PROBE, env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_production_has_no_genereer_schaal():
    # One process (a Django start-up each costs more than the checks): the probe, then the
    # command as manage.py runs it, which stops the process.
    result = manage("shell", "-v", "0", "-c", f"{PROBE}; {RUN_GENEREER}", env=PRODUCTION)

    assert result.returncode == 1
    assert "Unknown command: 'genereer_schaal'" in result.stderr
    assert result.stdout.split() == ["False", "False"]


def test_development_and_the_benchmark_ask_for_it():
    assert installed(PRODUCTION | {"DEBUG": "1"}) == ["True", "True"]
    assert installed(PRODUCTION | {"ONTWIKKELING": "1"}) == ["True", "True"]
