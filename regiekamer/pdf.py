"""One rendering path for every PDF report: an HTML template, the print stylesheet, WeasyPrint.

Reports are tagged PDF/UA-1 (title and language ``nl``), so a screen reader can read them. The
URL fetcher lets WeasyPrint read only the app's own static files: whatever a user typed into a
letter, a report can never read a local file or call the network.
"""

from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.template.loader import render_to_string
from django.utils import formats, timezone
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from .history import latest_change

STATIC_PREFIX = "/static/"
BASE_URL = "file:///"  # "/static/css/rapport.css" in a template resolves to file:///static/…
CONTENT_TYPES = {".css": "text/css", ".png": "image/png", ".svg": "image/svg+xml"}


class RapportFout(ValueError):
    """A report cannot be made; the message says why, in Dutch."""


class StaticFilesOnly(URLFetcher):
    """Serves ``/static/…`` from the app's static files; refuses every other URL."""

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        path = unquote(parts.path)
        if parts.scheme != "file" or parts.netloc or not path.startswith(STATIC_PREFIX):
            raise ValueError(f"Rapporten lezen alleen de eigen stijlbestanden, niet {url}")
        relative = path.removeprefix(STATIC_PREFIX)
        found = _static_file(relative) if ".." not in Path(relative).parts else None
        if not found:
            raise ValueError(f"Geen statisch bestand: {relative}")
        body = found.read_bytes()
        content_type = CONTENT_TYPES.get(Path(found).suffix, "application/octet-stream")
        return URLFetcherResponse(url, body, headers={"Content-Type": content_type})


def _static_file(relative: str) -> Path | None:
    """The file behind a static URL: the app's own, or in production a collected file with a
    hashed name (``css/rapport.2a29….css``, from the manifest storage)."""
    found = finders.find(relative)
    if found:
        return Path(found)
    try:
        collected = Path(staticfiles_storage.path(relative))
    except NotImplementedError:  # a storage without local files
        return None
    return collected if collected.is_file() else None


def data_state(*history_querysets) -> str:
    """'gegevens van 5 juli 2021 14:02': the newest change among the report's data."""
    moment = latest_change(*history_querysets)
    if moment is None:
        return ""
    return "gegevens van " + formats.date_format(timezone.localtime(moment), "j F Y H:i")


def render_pdf(template_name: str, context: dict) -> bytes:
    """Render a report template (extending ``rapporten/base.html``) to a tagged PDF."""
    context = {"afgedrukt_op": timezone.localtime(), **context}
    html = render_to_string(template_name, context)
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=StaticFilesOnly())
    return document.write_pdf(pdf_variant="pdf/ua-1")


def make_pdf(soort: str, builder, sv, **options) -> tuple[bytes, str]:
    """The PDF of a report and its file name. ``builder(sv, **options)`` gives its template and
    context (``formatie.rapporten.bezetting_report``, ...): the page's download button and
    ``manage.py rapport`` (``rapporten.register``) both come here, so they print the same."""
    template, context = builder(sv, **options)
    context.setdefault("samenwerkingsverband", sv)
    return render_pdf(template, context), f"{soort}-{sv.afkorting}.pdf"
