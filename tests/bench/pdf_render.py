"""Renders one PDF report in a process of its own and prints its time, pages and peak memory.

Called by measure.py, one process per render, so that the peak memory is this report's:
    python tests/bench/pdf_render.py kostenverdeling T01
    python tests/bench/pdf_render.py kostenverdeling T01 --rollen 120
    python tests/bench/pdf_render.py besluitenlijst T01 --besluiten 120

``--rollen N`` prints the cost table of a formation of N rollen: the samenwerkingsverband's own,
repeated (the copies numbered, "Contractmanager (2)") as it is read from the database, so that
the table can run 10 and 50 pages and show whether the time per page stays the same. The
figures are computed by the cost engine as always; nothing is written, and this process uses
no cache, so the enlarged table can never be served as the samenwerkingsverband's own.
"""

import argparse
import io
import json
import os
import resource
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regiekamer.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from pypdf import PdfReader  # noqa: E402
from weasyprint import HTML  # noqa: E402

from convenant.models import Samenwerkingsverband  # noqa: E402
from governance.models import Besluit  # noqa: E402
from kosten import gegevens  # noqa: E402
from rapporten.register import make_report  # noqa: E402

COPY_IDS = 10**9  # the ids of the copies: far above any rol's


def enlarge_formation(rollen: int) -> None:
    """Let the cost engine read a formation of ``rollen`` rollen (see the module's text)."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    if hasattr(gegevens, "cached"):  # the cost model's cache (regiekamer.dataversie): bypassed
        gegevens.cached = lambda sv_id, naam, compute, *vary, **options: compute()
    read = gegevens.load_formatie

    def load_formatie(sv):
        formatie = read(sv)
        own = formatie.rollen
        copies = [
            replace(rol, id=COPY_IDS + i, naam=f"{rol.naam} ({i // len(own) + 1})")
            for i, rol in ((i, own[i % len(own)]) for i in range(len(own), rollen))
        ]
        return replace(formatie, rollen=[*own[:rollen], *copies])

    gegevens.load_formatie = load_formatie


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("soort")
    parser.add_argument("afkorting")
    parser.add_argument("--besluiten", type=int, help="the first N besluiten, by date")
    parser.add_argument("--rollen", type=int, help="the cost table of N rollen")
    args = parser.parse_args()
    sv = Samenwerkingsverband.objects.get(afkorting=args.afkorting)
    options = {}
    if args.besluiten:
        dates = Besluit.objects.filter(gremium__samenwerkingsverband=sv).order_by("datum", "pk")
        options = {"vanaf": dates[0].datum, "tot": dates[args.besluiten - 1].datum}
    if args.rollen:
        enlarge_formation(args.rollen)
    # What a long-running worker pays once, not per report (loading the fonts, the first
    # layout), is not counted: it would make the short report dearer per page than the long.
    HTML(string="<p>Regiekamer</p>").write_pdf()
    start = time.perf_counter()
    pdf, _ = make_report(args.soort, sv, **options)
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    print(
        json.dumps(
            {
                "seconds": seconds,
                "pages": pages,
                "peak_mb": peak_mb,
                "rollen": args.rollen,
                **{k: str(v) for k, v in options.items()},
            }
        )
    )


if __name__ == "__main__":
    main()
