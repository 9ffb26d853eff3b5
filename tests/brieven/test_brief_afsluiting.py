"""A printed letter never puts its closing alone on a page: the last paragraph of the text goes
with "Met vriendelijke groet," and the signatories, as in a real letter (issue 19's review: the
demo's letter of Weert of 30 August 2016 printed its closing alone on page 3)."""

import io

import pytest
from pypdf import PdfReader

from brieven.models import Raadsinformatiebrief
from brieven.rapporten import raadsinformatiebrief_report
from regiekamer.pdf import make_pdf

pytestmark = pytest.mark.django_db


def test_the_closing_keeps_the_last_paragraph_on_its_page(demo):
    brief = Raadsinformatiebrief.objects.get(gemeente__naam="Weert", datum="2016-08-30")
    pdf, _ = make_pdf(
        "raadsinformatiebrief",
        raadsinformatiebrief_report,
        brief.samenwerkingsverband,
        brief=brief.pk,
    )
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages]
    closing = next(p for p in pages if "Met vriendelijke groet," in p)
    assert "Wij hopen u hiermede voldoende geïnformeerd te hebben. Met vriendelijke groet," in (
        closing
    )
