"""Measures the running app (started by ``tests/bench/run``) and writes the results.

- **Pages.** Each page is measured with wrk right after the bare ``/ping/`` page, in several
  rounds, so that every figure is a ratio to a baseline taken on the same machine a few seconds
  earlier. The sessions are those of a regiegroep member and a beheerder who signed in with a
  second factor (an authenticator app, django-otp), as production requires of them.
- **PDF reports** are rendered in processes of their own (``pdf_render.py``) for their time and
  peak memory: the cost table as it is and at 10 and 50 pages, the besluitenlijst at 10 and 50.
- **Load.** A mix of the heavy pages, rotated by ``load.lua``, with 64 (and 16) concurrent
  connections against the gunicorn with 4 workers that ``run`` started at ``LOAD_URL``.
- **Scale.** Every run keeps its figures in ``results-factor<F>.json``; a run at another factor
  compares each page's median time with the factor-1 run's (``COMPARE_WITH``).

Factor 1 writes RESULTS.md, another factor RESULTS-factor<F>.md. Hand-written notes below the
line ``## Notes`` are kept when the file is rewritten.
"""

import json
import os
import platform
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import datetime
from importlib import import_module
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regiekamer.settings")

import django  # noqa: E402

django.setup()

import django_otp  # noqa: E402
from django.apps import apps  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth import login as django_login  # noqa: E402
from django.contrib.auth.models import AnonymousUser, Group  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.http import HttpRequest  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402

from begroting.models import Begrotingscyclus  # noqa: E402
from convenant.models import Samenwerkingsverband  # noqa: E402
from gebruikers import tweestaps  # noqa: E402
from regiekamer import access  # noqa: E402
from regiekamer.roles import BEHEERDER, REGIEGROEP  # noqa: E402

HERE = Path(__file__).parent
FACTOR = f"{float(os.environ.get('FACTOR', '1')):g}"
RESULTS = Path(
    os.environ.get("RESULTS")
    or HERE / ("RESULTS.md" if FACTOR == "1" else f"RESULTS-factor{FACTOR}.md")
)
JSON = HERE / f"results-factor{FACTOR}.json"
COMPARE_WITH = Path(os.environ.get("COMPARE_WITH") or HERE / "results-factor1.json")
BASE_URL = os.environ["BENCH_URL"]
LOAD_URL = os.environ.get("LOAD_URL", "")
SECONDS = int(os.environ.get("SECONDS_PER_RUN", "10"))
ROUNDS = int(os.environ.get("ROUNDS", "3"))
CONNECTIONS = int(os.environ.get("CONNECTIONS", "4"))
PDF_REPEATS = int(os.environ.get("PDF_REPEATS", "3"))
LOAD_SECONDS = int(os.environ.get("LOAD_SECONDS", "30"))
LOAD_CONNECTIONS = [int(c) for c in os.environ.get("LOAD_CONNECTIONS", "64 16").split()]

# The targets (issue 22).
MIN_RATIO = 0.25  # every page at least a quarter of the baseline's requests per second
MAX_COST_TABLE_PER_PAGE = 0.10  # seconds per page of the cost-table PDF
MAX_PER_PAGE_CHANGE = 0.10  # a PDF's time per page at 50 pages within 10 % of that at 10 pages
MAX_PEAK_MB = 500
MAX_LOAD_P95_MS = 400  # under load (64 connections, 4 workers), with 0 errors
MAX_SCALE_CHANGE = 0.20  # each page's median time at another factor within 20 % of factor 1


def mark(ok: bool) -> str:
    return "yes" if ok else "**NO**"


def percent(change: float) -> str:
    return f"{change * 100:+.0f} %"


# --- sessions ---------------------------------------------------------------------------------


def session_cookie(username, group, sv=None, staff=False) -> str:
    """The session cookie of a user of ``group`` who signed in with the password and the code
    of their authenticator app: django-otp's ``login`` puts the app in the session, so the
    two-factor requirement (on in production for the regiegroep and the beheerder) lets it
    through, as after the code page."""
    user, _ = get_user_model().objects.get_or_create(username=username)
    user.is_staff = staff
    user.set_unusable_password()
    user.save()
    user.groups.set([Group.objects.get(name=group)])
    if sv is not None:
        access.grant(user, sv)
    device, _ = TOTPDevice.objects.get_or_create(
        user=user, name=tweestaps.APP_NAME, defaults={"confirmed": True}
    )
    request = HttpRequest()
    request.META.update(REMOTE_ADDR="127.0.0.1", SERVER_NAME="127.0.0.1", SERVER_PORT="443")
    request.session = import_module(settings.SESSION_ENGINE).SessionStore()
    request.user = AnonymousUser()  # the login sets the user, whom django-otp's login verifies
    django_login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    django_otp.login(request, device)
    if request.session.get(django_otp.DEVICE_ID_SESSION_KEY) != device.persistent_id:
        raise SystemExit(f"{username}: the session carries no second factor")
    request.session.save()
    return f"{settings.SESSION_COOKIE_NAME}={request.session.session_key}"


# --- the pages --------------------------------------------------------------------------------


def pages(sv):
    """(name, path, who) of every page measured: the heavy pages of a samenwerkingsverband,
    the pages of issue 22 and the admin's changelists."""
    gremium = (
        sv.gremia.annotate(n=Count("besluiten")).order_by("-n", "pk").first()
    )  # the busiest gremium: its decisions fill many pages of 25
    plan = sv.programmaplannen.order_by("pk").first()
    base = f"/samenwerkingsverbanden/{sv.afkorting}"
    result = [
        ("Dashboard", f"{base}/dashboard/", "regie"),
        ("Kostenverdeling", f"{base}/kosten/", "regie"),
        ("Bezettingsoverzicht", f"{base}/formatie/", "regie"),
        (
            "Besluitenlijst (25 rijen, gefilterd)",
            f"{base}/governance/besluiten/?gremium={gremium.pk}",
            "regie",
        ),
        ("Planning", f"{base}/programma/plannen/{plan.pk}/planning/", "regie"),
    ]
    if sv.scenarios.exists():
        result.append(("Scenariovergelijking", f"{base}/scenarios/vergelijking/", "regie"))
    gemeente = sv.penvoerder or sv.gemeenten.order_by("naam").first()
    result += [
        (f"Rekening van een gemeente ({gemeente.naam})", f"/gemeenten/{gemeente.pk}/", "regie"),
        ("Nacalculatie", f"{base}/kosten/nacalculatie/", "regie"),
    ]
    if sv.heeft_eigen_begroting:
        cyclus = Begrotingscyclus.objects.filter(samenwerkingsverband=sv).order_by("-jaar")
        result.append(("Begrotingscyclus (overzicht)", f"{base}/begroting/", "regie"))
        if len(cycli := list(cyclus)) > 1:
            jaar = cycli[1].jaar  # the current one: some steps done, some open
            result.append((f"Begrotingsjaar {jaar}", f"{base}/begroting/{jaar}/", "regie"))
        result.append(("Begrotingskalender (.ics)", f"{base}/begroting/kalender.ics", "regie"))
    result += [
        ("Admin: besluiten", "/admin/governance/besluit/", "beheer"),
        ("Admin: actiepunten", "/admin/governance/actiepunt/", "beheer"),
    ]
    return result


def fetch(url, cookie) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers={"Cookie": cookie, "X-Forwarded-Proto": "https"})

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=120) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def check_page(base_url, name, path, cookie) -> None:
    """The page answers 200 with the page itself (``<main``; the calendar: a VCALENDAR), not a
    redirect to the login or the code page, nor an error."""
    status, body = fetch(base_url + path, cookie)
    if path == "/ping/":
        expected = b""
    elif path.endswith(".ics"):
        expected = b"BEGIN:VCALENDAR"
    else:
        expected = b"<main"
    if status != 200 or expected not in body:
        raise SystemExit(f"{name}: {path} answers {status}, not the page")


def wrk(path, cookie, seconds, *, url=BASE_URL, connections=CONNECTIONS, threads=1,
        script="report.lua", args=()) -> dict:  # fmt: skip
    command = [
        "wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "60s",
        "-s", str(HERE / script),
        "-H", f"Cookie: {cookie}", "-H", "X-Forwarded-Proto: https",
        url + path, *(["--", *args] if args else []),
    ]  # fmt: skip
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def measure_pages(listed, cookies):
    for name, path, who in [("ping", "/ping/", "regie"), *listed]:
        check_page(BASE_URL, name, path, cookies[who])
        wrk(path, cookies[who], 2)  # warm up
    baseline_runs, rows = [], {name: [] for name, _, _ in listed}
    for round_ in range(ROUNDS):
        for name, path, who in listed:
            base = wrk("/ping/", cookies[who], SECONDS)
            page = wrk(path, cookies[who], SECONDS)
            for result, where in ((base, "/ping/"), (page, path)):
                if result["errors"]:
                    raise SystemExit(f"wrk: {result['errors']} errors on {where}")
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


# --- the load test ----------------------------------------------------------------------------


def load_mix(sv) -> list[str]:
    """The paths of the load test: the heavy pages and the bare page, in turn."""
    names = {"Dashboard", "Kostenverdeling", "Bezettingsoverzicht", "Planning"}
    paths = [p for n, p, _ in pages(sv) if n in names or n.startswith("Besluitenlijst")]
    return [*paths, "/ping/"]


def drain(cookie, most=180) -> None:
    """Wait until the workers have answered what wrk left queued (a run ends with up to one
    request per connection waiting), so that the next run starts on idle workers."""
    start = time.monotonic()
    while time.monotonic() - start < most:
        begin = time.monotonic()
        fetch(LOAD_URL + "/ping/", cookie)
        if time.monotonic() - begin < 0.2:
            return
        time.sleep(1)


def measure_load(sv, cookie) -> list[dict]:
    """wrk with ``load.lua`` (2 threads) against the gunicorn of 4 workers at LOAD_URL, at each
    of LOAD_CONNECTIONS; every answer must be a 200 (a redirect counts as an error)."""
    if not LOAD_URL:
        return []
    mix = load_mix(sv)
    for path in mix:
        check_page(LOAD_URL, path, path, cookie)
    # Warm up every worker, then wait for the queue to empty.
    wrk("/ping/", cookie, 3, url=LOAD_URL, connections=16, threads=2, script="load.lua", args=mix)
    drain(cookie)
    results = []
    for connections in LOAD_CONNECTIONS:
        result = wrk("/ping/", cookie, LOAD_SECONDS, url=LOAD_URL, connections=connections,
                     threads=2, script="load.lua", args=mix)  # fmt: skip
        result |= {"connections": connections, "paths": mix}
        drain(cookie)
        print(f"  load, {connections} connections: {result['rps']:.1f} req/s, "
              f"p95 {result['p95_ms']:.0f} ms, {result['errors']} errors", flush=True)  # fmt: skip
        results.append(result)
    return results


# --- the PDF reports --------------------------------------------------------------------------


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


def size_for(soort, afkorting, option, start, most, pages_wanted) -> int | None:
    """The value of ``option`` (besluiten, rollen) that makes ``pages_wanted`` pages, within
    10 %; None when the data cannot make so many."""
    count = max(1, min(most, start))
    for _ in range(6):
        pages = render(soort, afkorting, option, str(count))["pages"]
        if abs(pages - pages_wanted) <= pages_wanted * 0.1:
            return count
        nieuw = max(1, min(most, round(count * pages_wanted / pages)))
        if nieuw == count:
            break
        count = nieuw
    return None


def measure_pdfs(sv) -> dict:
    afkorting = sv.afkorting
    besluiten = sv.gremia.aggregate(n=Count("besluiten"))["n"]
    rollen = sv.rollen.count()
    natural = best_of("kostenverdeling", afkorting)
    reports = {"Kostenverdeling": natural}
    series = {}
    sizes = {
        "Besluitenlijst": (
            "besluitenlijst", "--besluiten", besluiten, lambda p: p * 6, "besluiten",
        ),
        "Kostenverdeling": (
            "kostenverdeling", "--rollen", 100 * rollen,
            lambda p: round(rollen * p / natural["pages"]), "rollen",
        ),
    }  # fmt: skip
    for label, (soort, option, most, guess, unit) in sizes.items():
        series[label] = {}
        for pages in (10, 50):
            count = size_for(soort, afkorting, option, guess(pages), most, pages)
            if count is None:
                print(f"  {label}: no {pages} pages from this data", flush=True)
                continue
            result = best_of(soort, afkorting, option, str(count))
            result["label"] = f"{label}, {count} {unit}"
            series[label][pages] = result
            reports[result["label"]] = result
            print(f"  {result['label']}: {result['pages']} pages, "
                  f"{result['seconds']:.2f} s", flush=True)  # fmt: skip
    return {"reports": reports, "series": series}


# --- writing ----------------------------------------------------------------------------------


def counts() -> list[tuple[str, int]]:
    labels = [  # the samenwerkingsverbanden include their scenario's, also counted apart
        "partijen.samenwerkingsverband", "partijen.gemeente", "partijen.inwonertal",
        "formatie.fase", "formatie.rol", "formatie.bezetting", "programma.opdracht",
        "programma.voortgangsrapportage", "programma.voortgangsregel",
        "governance.vergadering", "governance.besluit", "governance.actiepunt",
        "kosten.realisatie", "begroting.begrotingscyclus", "begroting.zienswijze",
    ]  # fmt: skip
    result = [(label, apps.get_model(label).objects.count()) for label in labels]
    scenarios = Samenwerkingsverband.objects.scenarios().count()
    return [*result[:1], ("partijen.scenario", scenarios), *result[1:]]


def per_page(report: dict) -> float:
    return report["seconds"] / report["pages"]


def pdf_lines(pdfs) -> list[str]:
    lines = [
        "## PDF reports",
        "",
        f"Median of {PDF_REPEATS} renders, each in a process of its own; peak memory is that "
        "process's maximum resident size (Django included). The cost table at 10 and 50 pages "
        "is the samenwerkingsverband's formation repeated (`pdf_render.py --rollen`).",
        "",
        f"| Report | pages | seconds | seconds per page | peak MB | ≤ {MAX_COST_TABLE_PER_PAGE:.2f}"
        f" s per page (cost table) | peak < {MAX_PEAK_MB} MB |",
        "|---|---:|---:|---:|---:|---|---|",
    ]  # fmt: skip
    for label, p in pdfs["reports"].items():
        cost = label.startswith("Kostenverdeling")
        lines.append(
            f"| {label} | {p['pages']} | {p['seconds']:.2f} | {per_page(p):.3f} | "
            f"{p['peak_mb']:.0f} | {mark(per_page(p) <= MAX_COST_TABLE_PER_PAGE) if cost else '–'}"
            f" | {mark(p['peak_mb'] < MAX_PEAK_MB)} |"
        )
    lines += [
        "",
        "Time per page at 50 pages against 10 pages (target: within "
        f"{MAX_PER_PAGE_CHANGE * 100:.0f} %):",
        "",
        "| Report | s per page at 10 pages | s per page at 50 pages | change | within "
        f"{MAX_PER_PAGE_CHANGE * 100:.0f} % |",
        "|---|---:|---:|---:|---|",
    ]
    for label, series in pdfs["series"].items():
        if 10 not in series or 50 not in series:
            lines.append(f"| {label} | – | – | – | not measured (the data makes no 10 and 50 "
                         "pages) |")  # fmt: skip
            continue
        ten, fifty = per_page(series[10]), per_page(series[50])
        change = fifty / ten - 1
        lines.append(
            f"| {label} ({series[10]['pages']} and {series[50]['pages']} pages) | {ten:.3f} | "
            f"{fifty:.3f} | {percent(change)} | {mark(abs(change) <= MAX_PER_PAGE_CHANGE)} |"
        )
    return lines


def load_lines(load) -> list[str]:
    if not load:
        return []
    lines = [
        "## Under load",
        "",
        f"gunicorn with {os.environ.get('LOAD_WORKERS', '?')} sync workers; wrk 2 threads, "
        f"{LOAD_SECONDS} s per run, each connection taking the pages in turn (`load.lua`): "
        + ", ".join(f"`{p}`" for p in load[0]["paths"])
        + ". Every answer must be a 200.",
        "",
        f"| connections | requests | errors | req/s | median ms | p95 ms | 0 errors | p95 < "
        f"{MAX_LOAD_P95_MS / 1000:.1f} s |".replace(".", ","),
        "|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    for r in load:
        target = "" if r["connections"] == 64 else " (for comparison)"
        lines.append(
            f"| {r['connections']}{target} | {r['requests']} | {r['errors']} | {r['rps']:.1f} | "
            f"{r['p50_ms']:.0f} | {r['p95_ms']:.0f} | {mark(r['errors'] == 0 < r['requests'])} | "
            f"{mark(r['p95_ms'] < MAX_LOAD_P95_MS)} |"
        )
    return [*lines, ""]


def page_key(name: str) -> str:
    """A page's name without what differs between factors: "Rekening van een gemeente
    (Testgemeente 005)" and "(Testgemeente 0005)" are the same page."""
    return name.split(" (")[0]


def compare_lines(results, baseline, other) -> list[str]:
    """Each page's median time against the run ``other`` (COMPARE_WITH, read before this run
    wrote its own figures)."""
    if other is None:
        return []
    theirs = {page_key(p["name"]): p for p in other["pages"]}
    lines = [
        f"## Factor {FACTOR} against factor {other['factor']}",
        "",
        f"Each page's median time here and in the run of factor {other['factor']} "
        f"(`{COMPARE_WITH.name}`: {other['run']}, commit `{other['commit']}`); target: within "
        f"{MAX_SCALE_CHANGE * 100:.0f} %. The bare `/ping/` took {baseline['p50']:.1f} ms here "
        f"and {other['baseline']['p50']:.1f} ms there.",
        "",
        f"| Page | median ms at factor {other['factor']} | median ms at factor {FACTOR} | "
        f"change | within {MAX_SCALE_CHANGE * 100:.0f} % |",
        "|---|---:|---:|---:|---|",
    ]
    for r in results:
        if (o := theirs.get(page_key(r["name"]))) is None:
            lines.append(f"| {r['name']} | – | {r['p50']:.1f} | – | not in that run |")
            continue
        change = r["p50"] / o["p50"] - 1
        lines.append(
            f"| {r['name']} | {o['p50']:.1f} | {r['p50']:.1f} | {percent(change)} | "
            f"{mark(change <= MAX_SCALE_CHANGE)} |"
        )
    return [*lines, ""]


def write(sv, baseline, results, pdfs, load):
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT
    ).stdout.strip()
    run = f"{datetime.now():%Y-%m-%d %H:%M}"
    other = None
    if COMPARE_WITH.exists() and (FACTOR != "1" or "COMPARE_WITH" in os.environ):
        other = json.loads(COMPARE_WITH.read_text())
    JSON.write_text(json.dumps({
        "factor": FACTOR, "run": run, "commit": commit, "samenwerkingsverband": sv.afkorting,
        "baseline": baseline, "pages": results, "pdfs": pdfs, "load": load,
        "counts": dict(counts()),
    }, indent=1, default=str) + "\n")  # fmt: skip
    notes = ""
    if RESULTS.exists() and "\n## Notes" in RESULTS.read_text():
        notes = "## Notes" + RESULTS.read_text().split("\n## Notes", 1)[1]
    lines = [
        "# Benchmark results",
        "",
        "Written by `tests/bench/run` (see README, Benchmark); do not edit above `## Notes`.",
        "",
        f"- Run: {run}, commit `{commit}`, factor {FACTOR} (genereer_schaal took "
        f"{os.environ.get('GENERATE_SECONDS', '?')} s, peak memory "
        f"{os.environ.get('GENERATE_PEAK_MB', '?')} MB); the pages of {sv.naam} "
        f"(`{sv.afkorting}`); figures also in `{JSON.name}`",
        f"- Machine: {os.cpu_count()} cores, {platform.python_implementation()} "
        f"{platform.python_version()}, PostgreSQL 15 on loopback",
        f"- gunicorn with the production settings, {os.environ.get('GUNICORN_WORKERS', '?')} sync "
        f"workers; wrk 1 thread, {CONNECTIONS} connections, {SECONDS} s per run, {ROUNDS} rounds; "
        "each page run follows a run of the bare `/ping/` page (same middleware, same session); "
        "the regiegroep member and the beheerder signed in with a second factor (required in "
        "production)",
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
    lines += ["", *load_lines(load), *pdf_lines(pdfs), "", *compare_lines(results, baseline, other)]
    RESULTS.write_text("\n".join(lines) + ("\n" + notes if notes else ""), encoding="utf-8")


def main():
    sv = Samenwerkingsverband.objects.echt().order_by("pk").first()
    cookies = {
        "regie": session_cookie("bench-regie", REGIEGROEP, sv=sv),
        "beheer": session_cookie("bench-beheer", BEHEERDER, staff=True),
    }
    print(f"pages of {sv.naam} ({sv.afkorting})", flush=True)
    baseline, results = measure_pages(pages(sv), cookies)
    print("under load", flush=True)
    load = measure_load(sv, cookies["regie"])
    print("PDF reports", flush=True)
    pdfs = measure_pdfs(sv)
    write(sv, baseline, results, pdfs, load)
    print(f"written: {RESULTS.relative_to(ROOT)}, {JSON.relative_to(ROOT)}", flush=True)


if __name__ == "__main__":
    main()
