"""Reading generated PDFs the way a reader does: their text, their tags and their pages."""

import io
import subprocess
import tempfile
from pathlib import Path

from PIL import Image
from pypdf import PdfReader


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
