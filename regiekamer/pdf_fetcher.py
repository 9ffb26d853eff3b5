"""The URL fetcher of every PDF report (``regiekamer.pdf.render_pdf``): WeasyPrint reads only
the app's own static files and images embedded in the document itself (a checked logo as a
``data:image/png;base64,…`` URL, ``regiekamer.logo.data_uri``); every other URL (a local file,
the network, another kind of data) is refused.

This module imports WeasyPrint: ``render_pdf`` imports it when a PDF is made.
"""

import base64
import binascii
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from weasyprint.urls import URLFetcher, URLFetcherResponse

from .logo import CONTENT_TYPES as CONTENT_TYPES_OF_LOGOS

STATIC_PREFIX = "/static/"
CONTENT_TYPES = {".css": "text/css", ".png": "image/png", ".svg": "image/svg+xml"}
# What a document may embed: a checked logo (``regiekamer.logo.data_uri``), nothing else.
EMBEDDED_IMAGES = tuple(CONTENT_TYPES_OF_LOGOS.values())


class StaticFilesOnly(URLFetcher):
    """Serves ``/static/…`` from the app's static files; refuses every other URL."""

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return _embedded_image(url)
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


def _embedded_image(url: str) -> URLFetcherResponse:
    """A base64 PNG or SVG embedded in the document: no file or network is read."""
    header, _, payload = url.partition(",")
    content_type = header.removeprefix("data:").removesuffix(";base64")
    if not header.endswith(";base64") or content_type not in EMBEDDED_IMAGES:
        raise ValueError("Rapporten lezen alleen ingesloten PNG- of SVG-afbeeldingen.")
    try:
        body = base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("Een ingesloten afbeelding is geen geldige base64.") from None
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
