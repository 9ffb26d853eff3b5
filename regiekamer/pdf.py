"""One rendering path for every PDF report: an HTML template, the print stylesheet, WeasyPrint.

Reports are tagged PDF/UA-1 (title and language ``nl``), so a screen reader can read them. The
URL fetcher (``regiekamer.pdf_fetcher``) lets WeasyPrint read only the app's own static files:
whatever a user typed into a letter, a report can never read a local file or call the network.

WeasyPrint is imported when a PDF is made, not when this module is: every page that offers a
download imports ``RapportFout`` from here, and loading the URLs must stay fast and light.
"""

import gc
import threading
from contextlib import contextmanager

from django.template.loader import render_to_string
from django.utils import formats, timezone

from .history import latest_change
from .scenario import banner

BASE_URL = "file:///"  # "/static/css/rapport.css" in a template resolves to file:///static/…


class RapportFout(ValueError):
    """A report cannot be made; the message says why, in Dutch."""


def data_state(*history_querysets) -> str:
    """'gegevens van 5 juli 2021 14:02': the newest change among the report's data."""
    moment = latest_change(*history_querysets)
    if moment is None:
        return ""
    return "gegevens van " + formats.date_format(timezone.localtime(moment), "j F Y H:i")


def render_pdf(template_name: str, context: dict) -> bytes:
    """Render a report template (extending ``rapporten/base.html``) to a tagged PDF."""
    from weasyprint import HTML

    from .pdf_fetcher import StaticFilesOnly

    context = {"afgedrukt_op": timezone.localtime(), **context}
    # A scenario's report says so in the header of every page (``regiekamer.scenario``).
    context["scenario_banner"] = banner(context.get("samenwerkingsverband"))
    with cycle_collection_paused():
        html = render_to_string(template_name, context)
        document = HTML(string=html, base_url=BASE_URL, url_fetcher=StaticFilesOnly())
        return document.write_pdf(pdf_variant="pdf/ua-1")


_pause_lock = threading.Lock()
_pauses = {"renders": 0, "was_enabled": False}


@contextmanager
def cycle_collection_paused():
    """Python's cycle collector paused while a report is made, and started again after it.

    WeasyPrint builds hundreds of thousands of objects for a report (a box, a style and a text
    layout for every cell), nearly all alive until the PDF is written. Each time the collector
    runs it walks every live object of the process, so while a report is made it ran again
    and again over the same boxes, none of them garbage: a fifth of the cost table's time
    (tests/bench/RESULTS.md). Reference counting still frees what a report drops; the few
    cycles it leaves are collected when the collector runs again, after the report. Several
    threads may make a report at once: the collector restarts when the last one is done, and
    only if it ran before the first began."""
    with _pause_lock:
        if _pauses["renders"] == 0:
            _pauses["was_enabled"] = gc.isenabled()
            gc.disable()
        _pauses["renders"] += 1
    try:
        yield
    finally:
        with _pause_lock:
            _pauses["renders"] -= 1
            if _pauses["renders"] == 0 and _pauses["was_enabled"]:
                gc.enable()


def make_pdf(soort: str, builder, sv, **options) -> tuple[bytes, str]:
    """The PDF of a report and its file name. ``builder(sv, **options)`` gives its template and
    context (``formatie.rapporten.bezetting_report``, ...): the page's download button and
    ``manage.py rapport`` (``rapporten.register``) both come here, so they print the same."""
    template, context = builder(sv, **options)
    context.setdefault("samenwerkingsverband", sv)
    return render_pdf(template, context), f"{soort}-{sv.afkorting}.pdf"
