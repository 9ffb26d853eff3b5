"""The shared PDF path: WeasyPrint may read the app's own static files and nothing else."""

import io
from xml.etree import ElementTree

import pytest
from pypdf import PdfReader
from pypdf.generic import ArrayObject, BooleanObject, DictionaryObject

from partijen.models import Samenwerkingsverband
from rapporten.register import REPORTS, make_report
from regiekamer.pdf import StaticFilesOnly


def test_the_report_stylesheet_is_served():
    response = StaticFilesOnly().fetch("file:///static/css/rapport.css")
    assert b"@page" in response.read()
    assert response.content_type == "text/css"


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "file:///static/../../etc/passwd",
        "file:///static/%2e%2e/%2e%2e/etc/passwd",
        "file://server/static/css/rapport.css",
        "http://example.org/static/css/rapport.css",
        "https://127.0.0.1:8000/admin/",
        "data:text/plain,geheim",
    ],
)
def test_every_other_url_is_refused(url):
    with pytest.raises(ValueError):
        StaticFilesOnly().fetch(url)


def test_production_reports_read_the_collected_stylesheet(settings, tmp_path, caplog):
    """In production ``{% static %}`` names the hashed, collected file; the report reads it."""
    from django.core.management import call_command
    from django.templatetags.static import static

    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    url = static("css/rapport.css")
    assert url != "/static/css/rapport.css"  # hashed, as in production

    response = StaticFilesOnly().fetch("file://" + url)
    assert b"@page" in response.read()

    from regiekamer.pdf import render_pdf

    with caplog.at_level("ERROR", logger="weasyprint"):
        render_pdf("rapporten/base.html", {"titel": "Proef"})
    assert not [r for r in caplog.records if r.name == "weasyprint"], caplog.text


# --- PDF/UA-1: every kind of report is a tagged, accessible document ---------------------------

XMP_PDFUA = "{http://www.aiim.org/pdfua/ns/id/}part"
XMP_TITLE = "{http://purl.org/dc/elements/1.1/}title"


def structure_types(node, seen=None) -> set[str]:
    """The structure element types (/H1, /Table, /TH, /P, ...) below a structure node."""
    seen = set() if seen is None else seen
    node = node.get_object()
    if isinstance(node, ArrayObject):
        for kid in node:
            structure_types(kid, seen)
    elif isinstance(node, DictionaryObject):
        if "/S" in node:
            seen.add(str(node["/S"]))
        if "/K" in node:
            structure_types(node["/K"], seen)
    return seen


@pytest.mark.django_db
@pytest.mark.parametrize("soort", sorted(REPORTS))
def test_every_report_is_tagged_pdf_ua(demo, soort):
    sv = Samenwerkingsverband.objects.get(afkorting="MLW")
    options = {"gemeente": "Weert"} if soort == "raadsinformatiebrief" else {}
    pdf, _ = make_report(soort, sv, **options)

    reader = PdfReader(io.BytesIO(pdf))
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog, "geen structuurboom: de PDF is niet getagd"
    assert catalog["/MarkInfo"]["/Marked"] == BooleanObject(True)
    assert catalog["/Lang"] == "nl"
    title = reader.metadata.title
    assert title, "geen documenttitel"
    # A reader shows the title, not the file name (PDF/UA-1 7.1).
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"] == BooleanObject(True)
    # The tags carry the document's structure: a heading and the text, not one blob.
    types = structure_types(catalog["/StructTreeRoot"])
    assert {"/H1", "/P"} <= types, types

    xmp = ElementTree.fromstring(catalog["/Metadata"].get_object().get_data())
    parts = [el.get(XMP_PDFUA) for el in xmp.iter() if el.get(XMP_PDFUA)]
    parts += [el.text for el in xmp.iter(XMP_PDFUA)]
    assert parts == ["1"], "geen pdfuaid:part=1 in de XMP-metadata"
    xmp_titles = [li.text for el in xmp.iter(XMP_TITLE) for li in el.iter() if li.text]
    assert title in xmp_titles
