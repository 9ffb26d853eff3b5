"""Measures the running app (started by ``tests/bench/run``) and writes RESULTS.md.

Each page is measured with wrk right after the bare ``/ping/`` page, in several rounds, so that
every figure is a ratio to a baseline taken on the same machine a few seconds earlier. The PDF
reports are rendered in processes of their own (``pdf_render.py``) for their time and peak memory.
Hand-written notes below the line ``## Notes`` in RESULTS.md are kept when it is rewritten.
"""

import json
import os
import platform
import statistics
import subprocess
import sys
import urllib.error
import urllib.request
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regiekamer.settings")

import django  # noqa: E402

django.setup()

from django.apps import apps  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402

from convenant.models import Samenwerkingsverband  # noqa: E402
from regiekamer import access  # noqa: E402
from regiekamer.roles import BEHEERDER, REGIEGROEP  # noqa: E402

HERE = Path(__file__).parent
RESULTS = HERE / "RESULTS.md"
BASE_URL = os.environ["BENCH_URL"]
SECONDS = int(os.environ.get("SECONDS_PER_RUN", "10"))
ROUNDS = int(os.environ.get("ROUNDS", "3"))
CONNECTIONS = int(os.environ.get("CONNECTIONS", "4"))
PDF_REPEATS = int(os.environ.get("PDF_REPEATS", "3"))

MIN_RATIO = 0.25  # every page at least a quarter of the baseline's requests per second
MAX_PDF_GROWTH = 4.5  # the 50-page besluitenlijst at most 4.5 times the 10-page one
MAX_PEAK_MB = 500


def session_cookie(username, group, sv=None, staff=False) -> str:
    user, _ = get_user_model().objects.get_or_create(username=username)
    user.is_staff = staff
    user.set_unusable_password()
    user.save()
    user.groups.set([Group.objects.get(name=group)])
    if sv is not None:
        access.grant(user, sv)
    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def pages(sv):
    gremium = (
        sv.gremia.annotate(n=Count("besluiten")).order_by("-n", "pk").first()
    )  # the busiest gremium: its decisions fill many pages of 25
    plan = sv.programmaplannen.order_by("pk").first()
    base = f"/samenwerkingsverbanden/{sv.afkorting}"
    return [
        ("Dashboard", f"{base}/dashboard/", "regie"),
        ("Kostenverdeling", f"{base}/kosten/", "regie"),
        ("Bezettingsoverzicht", f"{base}/formatie/", "regie"),
        (
            "Besluitenlijst (25 rijen, gefilterd)",
            f"{base}/governance/besluiten/?gremium={gremium.pk}",
            "regie",
        ),
        ("Planning", f"{base}/programma/plannen/{plan.pk}/planning/", "regie"),
        ("Admin: besluiten", "/admin/governance/besluit/", "beheer"),
    ]


def fetch(path, cookie) -> tuple[int, bytes]:
    request = urllib.request.Request(
        BASE_URL + path, headers={"Cookie": cookie, "X-Forwarded-Proto": "https"}
    )

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def wrk(path, cookie, seconds) -> dict:
    command = [
        "wrk", "-t1", f"-c{CONNECTIONS}", f"-d{seconds}s", "--timeout", "60s",
        "-s", str(HERE / "report.lua"),
        "-H", f"Cookie: {cookie}", "-H", "X-Forwarded-Proto: https",
        BASE_URL + path,
    ]  # fmt: skip
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    result = json.loads(output.strip().splitlines()[-1])
    if result["errors"]:
        raise SystemExit(f"wrk: {result['errors']} errors on {path}")
    return result


def render(soort, afkorting, *extra) -> dict:
    command = [sys.executable, str(HERE / "pdf_render.py"), soort, afkorting, *extra]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def best_of(soort, afkorting, *extra) -> dict:
    runs = [render(soort, afkorting, *extra) for _ in range(PDF_REPEATS)]
    result = dict(runs[0])
    result["seconds"] = statistics.median(r["seconds"] for r in runs)
    result["peak_mb"] = max(r["peak_mb"] for r in runs)
    return result


def measure_pages(sv, cookies):
    listed = pages(sv)
    for name, path, who in [("ping", "/ping/", "regie"), *listed]:
        status, body = fetch(path, cookies[who])
        if status != 200 or (path != "/ping/" and b"<main" not in body):
            raise SystemExit(f"{name}: {path} answers {status}, not a page")
        wrk(path, cookies[who], 2)  # warm up
    baseline_runs, rows = [], {name: [] for name, _, _ in listed}
    for round_ in range(ROUNDS):
        for name, path, who in listed:
            base = wrk("/ping/", cookies[who], SECONDS)
            page = wrk(path, cookies[who], SECONDS)
            baseline_runs.append(base)
            rows[name].append((base, page))
            print(f"  round {round_ + 1}: {name}: {page['rps']:.1f} req/s, "
                  f"ping {base['rps']:.1f} req/s", flush=True)  # fmt: skip
    results = []
    for name, path, _ in listed:
        pairs = rows[name]
        results.append({
            "name": name,
            "path": path,
            "rps": statistics.median(p["rps"] for _, p in pairs),
            "baseline": statistics.median(b["rps"] for b, _ in pairs),
            "ratio": statistics.median(p["rps"] / b["rps"] for b, p in pairs),
            "p50": statistics.median(p["p50_ms"] for _, p in pairs),
            "p95": statistics.median(p["p95_ms"] for _, p in pairs),
        })  # fmt: skip
    baseline = {
        "rps": statistics.median(b["rps"] for b in baseline_runs),
        "p50": statistics.median(b["p50_ms"] for b in baseline_runs),
        "p95": statistics.median(b["p95_ms"] for b in baseline_runs),
    }
    return baseline, results


def besluiten_for(sv, pages_wanted: int) -> int:
    """How many besluiten (the first, by date) fill ``pages_wanted`` pages of the besluitenlijst."""
    total = sv.gremia.aggregate(n=Count("besluiten"))["n"]
    count = min(total, pages_wanted * 6)
    for _ in range(5):
        pages = render("besluitenlijst", sv.afkorting, "--besluiten", str(count))["pages"]
        if pages == pages_wanted:
            break
        count = min(total, max(1, round(count * pages_wanted / pages)))
    return count


def measure_pdfs(sv):
    sizes = {pages: besluiten_for(sv, pages) for pages in (10, 50)}
    return {
        "kostenverdeling": best_of("kostenverdeling", sv.afkorting),
        "besluitenlijst-10": best_of("besluitenlijst", sv.afkorting, "--besluiten", str(sizes[10])),
        "besluitenlijst-50": best_of("besluitenlijst", sv.afkorting, "--besluiten", str(sizes[50])),
        "besluiten": sizes,
    }


def counts() -> list[tuple[str, int]]:
    labels = [
        "partijen.samenwerkingsverband", "partijen.gemeente", "partijen.inwonertal",
        "formatie.fase", "formatie.rol", "formatie.bezetting", "programma.opdracht",
        "programma.voortgangsrapportage", "programma.voortgangsregel",
        "governance.vergadering", "governance.besluit", "governance.actiepunt",
    ]  # fmt: skip
    return [(label, apps.get_model(label).objects.count()) for label in labels]


def mark(ok: bool) -> str:
    return "yes" if ok else "**NO**"


def write(baseline, results, pdfs):
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT
    ).stdout.strip()
    notes = ""
    if RESULTS.exists() and "\n## Notes" in RESULTS.read_text():
        notes = "## Notes" + RESULTS.read_text().split("\n## Notes", 1)[1]
    lines = [
        "# Benchmark results",
        "",
        "Written by `tests/bench/run` (see README, Benchmark); do not edit above `## Notes`.",
        "",
        f"- Run: {datetime.now():%Y-%m-%d %H:%M}, commit `{commit}`, factor "
        f"{os.environ.get('FACTOR', '?')} (genereer_schaal took "
        f"{os.environ.get('GENERATE_SECONDS', '?')} s)",
        f"- Machine: {os.cpu_count()} cores, {platform.python_implementation()} "
        f"{platform.python_version()}, PostgreSQL 15 on loopback",
        f"- gunicorn with the production settings, {os.environ.get('GUNICORN_WORKERS', '?')} sync "
        f"workers; wrk 1 thread, {CONNECTIONS} connections, {SECONDS} s per run, {ROUNDS} rounds; "
        "each page run follows a run of the bare `/ping/` page (same middleware, same session)",
        "- Data: " + ", ".join(f"{label.split('.')[1]} {n:_}" for label, n in counts()),
        "",
        "## Pages",
        "",
        f"Baseline `/ping/`: {baseline['rps']:.1f} req/s, median {baseline['p50']:.1f} ms, "
        f"p95 {baseline['p95']:.1f} ms.",
        "",
        "| Page | URL | req/s | baseline req/s | ratio | median ms | p95 ms | ratio ≥ "
        f"{MIN_RATIO} |",
        "|---|---|---:|---:|---:|---:|---:|---|",
    ]  # fmt: skip
    for r in results:
        lines.append(
            f"| {r['name']} | `{r['path']}` | {r['rps']:.1f} | {r['baseline']:.1f} | "
            f"{r['ratio']:.2f} | {r['p50']:.1f} | {r['p95']:.1f} | "
            f"{mark(r['ratio'] >= MIN_RATIO)} |"
        )
    ten, fifty = pdfs["besluitenlijst-10"], pdfs["besluitenlijst-50"]
    growth = fifty["seconds"] / ten["seconds"]
    lines += [
        "",
        "## PDF reports",
        "",
        f"Median of {PDF_REPEATS} renders, each in a process of its own; peak memory is that "
        "process's maximum resident size (Django included).",
        "",
        "| Report | pages | seconds | seconds per page | peak MB | peak < "
        f"{MAX_PEAK_MB} MB |",
        "|---|---:|---:|---:|---:|---|",
    ]  # fmt: skip
    for key, label in [
        ("kostenverdeling", "Kostenverdeling"),
        ("besluitenlijst-10", f"Besluitenlijst, {pdfs['besluiten'][10]} besluiten"),
        ("besluitenlijst-50", f"Besluitenlijst, {pdfs['besluiten'][50]} besluiten"),
    ]:
        p = pdfs[key]
        lines.append(
            f"| {label} | {p['pages']} | {p['seconds']:.2f} | {p['seconds'] / p['pages']:.3f} | "
            f"{p['peak_mb']:.0f} | {mark(p['peak_mb'] < MAX_PEAK_MB)} |"
        )
    lines += [
        "",
        f"The {fifty['pages']}-page besluitenlijst took {growth:.2f} times the time of the "
        f"{ten['pages']}-page one (target ≤ {MAX_PDF_GROWTH}): {mark(growth <= MAX_PDF_GROWTH)}.",
        "",
    ]
    RESULTS.write_text("\n".join(lines) + ("\n" + notes if notes else ""), encoding="utf-8")


def main():
    sv = Samenwerkingsverband.objects.order_by("pk").first()
    cookies = {
        "regie": session_cookie("bench-regie", REGIEGROEP, sv=sv),
        "beheer": session_cookie("bench-beheer", BEHEERDER, staff=True),
    }
    print(f"pages of {sv.naam} ({sv.afkorting})", flush=True)
    baseline, results = measure_pages(sv, cookies)
    print("PDF reports", flush=True)
    pdfs = measure_pdfs(sv)
    write(baseline, results, pdfs)


if __name__ == "__main__":
    main()
