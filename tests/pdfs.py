"""Reading generated PDFs the way a reader does: their text, their tags and their pages."""

import io
import subprocess
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from unittest import mock
from xml.etree import ElementTree

from PIL import Image
from pypdf import PdfReader
from pypdf.generic import ArrayObject, BooleanObject, DictionaryObject


def pdf_text(pdf: bytes) -> str:
    """All text of the PDF, pages joined, whitespace collapsed to single spaces."""
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def pdf_info(pdf: bytes) -> dict:
    """Title, language, tagging and page count: what PDF/UA asks of a public document."""
    reader = PdfReader(io.BytesIO(pdf))
    root = reader.trailer["/Root"]
    return {
        "title": reader.metadata.title,
        "lang": str(root.get("/Lang", "")),
        "tagged": "/StructTreeRoot" in root and bool(root.get("/MarkInfo", {}).get("/Marked")),
        "pages": len(reader.pages),
        "size": [float(v) for v in reader.pages[0].mediabox[2:]],
    }


def page_images(pdf: bytes, dpi: int = 40) -> list[Image.Image]:
    """Each page rendered to an image by poppler's pdftoppm (poppler-utils, see README)."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "rapport.pdf"
        source.write_bytes(pdf)
        subprocess.run(
            ["pdftoppm", "-png", "-r", str(dpi), str(source), str(Path(folder) / "p")],
            check=True,
        )
        return [Image.open(p).convert("L") for p in sorted(Path(folder).glob("p*.png"))]


def assert_pages_have_content(pdf: bytes) -> None:
    """No empty or broken page: between header and footer every page carries some ink.

    (Measured: a page with only its header and footer has no ink in this band; a page with a
    few lines of text about 0.8 % of its pixels.)
    """
    for number, image in enumerate(page_images(pdf), start=1):
        body = image.crop((0, image.height // 10, image.width, image.height * 9 // 10))
        ink = sum(body.histogram()[:200]) / (body.width * body.height)
        assert ink > 0.002, f"pagina {number} is (bijna) leeg"


def text_beyond_page(pdf: bytes) -> list[str]:
    """Text that starts outside its page's width (a table too wide for the paper is cut off)."""
    reader = PdfReader(io.BytesIO(pdf))
    beyond = []
    for number, page in enumerate(reader.pages, 1):
        width = float(page.mediabox.width)

        def visit(text, cm, tm, font, size, page_number=number, width=width):
            x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
            if text.strip() and not 0 <= x < width:
                beyond.append(f"page {page_number}: {text.strip()!r} at x={x:.0f} of {width:.0f}")

        page.extract_text(visitor_text=visit)
    return beyond


# -- PDF/UA-1: a tagged, accessible document ------------------------------------------------------

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


def assert_tagged_pdf_ua(pdf: bytes) -> None:
    """Tagged PDF/UA-1: structure tree, language nl, a title the reader shows, headings and
    paragraphs as tags, pdfuaid:part 1 and the title in the XMP metadata."""
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


# -- text that lands on other text, read from WeasyPrint's own layout ---------------------------
# The PDF is painted from WeasyPrint's page boxes; every piece of text in it is a TextBox placed
# at its final position on its page (CSS px). Reading those boxes is reading the real layout:
# a word too long for its table cell keeps its width and runs over the next cell's text.


@contextmanager
def layouts():
    """The laid-out documents (``weasyprint.Document``) of every PDF written inside the block,
    in order: the report is rendered once, and its pages are read from the layout it was painted
    from. ``with layouts() as documents: pdf = make_report(...)``."""
    from weasyprint.document import Document

    documents = []
    write_pdf = Document.write_pdf

    def keep(document, *args, **kwargs):
        documents.append(document)
        return write_pdf(document, *args, **kwargs)

    with mock.patch.object(Document, "write_pdf", keep):
        yield documents


@dataclass(frozen=True)
class TextRun:
    """One run of text as laid out: its page, its box (CSS px) and the block it belongs to."""

    page: int
    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    block: int  # the block container whose lines hold it (its paragraph, cell, margin box)

    def covers(self, other, tolerance: float) -> bool:
        """Whether the two share area: more than ``tolerance`` px across, and more than a third
        of the lower box's height down (less is a line whose descenders reach the next line's
        box, as with a tight line height: touching, not printed over it)."""
        across = min(self.x1, other.x1) - max(self.x0, other.x0)
        down = min(self.y1, other.y1) - max(self.y0, other.y0)
        height = min(self.y1 - self.y0, other.y1 - other.y0)
        return across > tolerance and down > max(tolerance, height / 3)


def text_runs(document) -> list[TextRun]:
    """Every visible piece of text on every page of a laid-out WeasyPrint document."""
    from weasyprint.formatting_structure.boxes import LineBox, ParentBox, TextBox

    runs = []

    def visit(box, page, block):
        if isinstance(box, TextBox):
            if box.text.strip() and box.style["visibility"] == "visible":
                x, y = box.position_x, box.position_y
                runs.append(
                    TextRun(page, box.text.strip(), x, y, x + box.width, y + box.height, block)
                )
            return
        if isinstance(box, ParentBox):
            for child in box.children:
                visit(child, page, id(box) if isinstance(child, LineBox) else block)

    for number, page in enumerate(document.pages, 1):
        visit(page._page_box, number, None)
    return runs


def text_overlaps(document, tolerance: float = 1.0) -> list[str]:
    """Pairs of text runs that share area on a page: one text printed over another.

    Runs of one block (the lines of one paragraph or cell, the words of one line) are laid out
    by one line-breaking pass and only ever touch. Runs of different blocks (two table cells, a
    heading and a margin box) that share area (``TextRun.covers``) are printed over each other.
    """
    overlaps = []
    by_page = {}
    for run in text_runs(document):
        by_page.setdefault(run.page, []).append(run)
    for page, runs in by_page.items():
        runs.sort(key=lambda run: run.y0)
        for i, run in enumerate(runs):
            for other in runs[i + 1 :]:
                if other.y0 >= run.y1:
                    break
                if other.block != run.block and run.covers(other, tolerance):
                    overlaps.append(f"pagina {page}: {run.text!r} over {other.text!r}")
    return overlaps
