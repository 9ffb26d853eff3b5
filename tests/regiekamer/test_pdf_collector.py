"""A report is made with Python's cycle collector paused (``regiekamer.pdf``): it walked every
box of the report again and again while none of them was garbage. It must always start again."""

import gc
import io
import threading

import pytest
from pypdf import PdfReader
from weasyprint import HTML

from regiekamer.pdf import cycle_collection_paused, render_pdf


def text_of(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def collector_on():
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


@pytest.fixture
def seen_while_rendering(monkeypatch):
    """Whether the collector ran while WeasyPrint laid out and wrote each report."""
    seen = []
    write_pdf = HTML.write_pdf

    def spying(self, *args, **kwargs):
        seen.append(gc.isenabled())
        return write_pdf(self, *args, **kwargs)

    monkeypatch.setattr(HTML, "write_pdf", spying)
    return seen


def test_the_collector_is_paused_while_a_report_is_made_and_runs_again_after(
    collector_on, seen_while_rendering
):
    pdf = render_pdf("rapporten/base.html", {"titel": "Kostenverdeling Proefregio"})

    assert "Kostenverdeling Proefregio" in text_of(pdf)
    assert seen_while_rendering == [False]
    assert gc.isenabled()


def test_the_collector_runs_again_when_a_report_fails(collector_on, monkeypatch):
    def broken(self, *args, **kwargs):
        raise RuntimeError("WeasyPrint viel om")

    monkeypatch.setattr(HTML, "write_pdf", broken)

    with pytest.raises(RuntimeError, match="viel om"):
        render_pdf("rapporten/base.html", {"titel": "Proef"})
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off(collector_on):
    gc.disable()
    with cycle_collection_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_with_two_reports_at_once_the_collector_waits_for_the_last(collector_on):
    """Two threads of one worker: the first to finish must not start the collector under the
    other's report."""
    inside, release = threading.Event(), threading.Event()
    during_the_other = []

    def long_report():
        with cycle_collection_paused():
            inside.set()
            release.wait(10)
            during_the_other.append(gc.isenabled())

    thread = threading.Thread(target=long_report)
    thread.start()
    assert inside.wait(10)
    with cycle_collection_paused():  # a short report, done while the long one runs
        pass
    still_paused = not gc.isenabled()
    release.set()
    thread.join(10)

    assert still_paused
    assert during_the_other == [False]
    assert gc.isenabled()
