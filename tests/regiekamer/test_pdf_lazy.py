"""WeasyPrint is imported when a PDF is made, not when the app and its URLs load."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

LOAD_THE_URLS = """
import sys
import django
django.setup()
import regiekamer.urls
print("weasyprint" in sys.modules)
from regiekamer.pdf import render_pdf
print("weasyprint" in sys.modules)
"""


def test_loading_the_urls_does_not_import_weasyprint():
    env = os.environ | {"DJANGO_SETTINGS_MODULE": "regiekamer.settings", "DEBUG": "1"}
    shown = subprocess.check_output(
        [sys.executable, "-c", LOAD_THE_URLS], cwd=ROOT, env=env, text=True, timeout=120
    )
    assert shown.split() == ["False", "False"]
