"""Renders one PDF report in a process of its own and prints its time, pages and peak memory.

Called by measure.py, one process per render, so that the peak memory is this report's:
    python tests/bench/pdf_render.py kostenverdeling T01
    python tests/bench/pdf_render.py besluitenlijst T01 --besluiten 120
"""

import argparse
import io
import json
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regiekamer.settings")

import django  # noqa: E402

django.setup()

from pypdf import PdfReader  # noqa: E402

from convenant.models import Samenwerkingsverband  # noqa: E402
from governance.models import Besluit  # noqa: E402
from rapporten.register import make_report  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("soort")
    parser.add_argument("afkorting")
    parser.add_argument("--besluiten", type=int, help="the first N besluiten, by date")
    args = parser.parse_args()
    sv = Samenwerkingsverband.objects.get(afkorting=args.afkorting)
    options = {}
    if args.besluiten:
        dates = Besluit.objects.filter(gremium__samenwerkingsverband=sv).order_by("datum", "pk")
        options = {"vanaf": dates[0].datum, "tot": dates[args.besluiten - 1].datum}
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
                **{k: str(v) for k, v in options.items()},
            }
        )
    )


if __name__ == "__main__":
    main()
