"""A Django script run in a process of its own, on a database of its own."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_script(script: str, database_url: str, timeout: int = 300) -> subprocess.CompletedProcess:
    """Run ``script`` (it calls ``django.setup()`` itself) with production settings on
    ``database_url``; its output is text."""
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DATABASE_URL"}}
    env |= {
        "DJANGO_SETTINGS_MODULE": "regiekamer.settings",
        "DATABASE_URL": database_url,
        "SECRET_KEY": "Rk7#pQ2vX9!mZ4&tL8@wN3$yB6^cH1*dF5(gJ0)sE-script-test-key",
        "ALLOWED_HOSTS": "localhost",
    }
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
